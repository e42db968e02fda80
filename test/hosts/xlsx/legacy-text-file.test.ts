/**
 * "Chuyển sang Unicode" and "Hoàn tác" through the file host: the same use case over an .xlsx held in memory, saved
 * and read back (the record survives the file), text starting with "=" stays text, protected forms stay protected.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/app/check-workbook';
import { LEGACY_SHEET, convertLegacyText, legacyTargets, undoLegacyText } from '../../../src/app/legacy-text';
import { findAgency } from '../../../src/domain/roster';
import { toTcvn3, toVni } from '../../../src/domain/legacy-encoding';
import { fileCellText } from '../../../src/hosts/xlsx/cell-text';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import { defaultFormPack } from '../../../src/packs/forms';
import { TRACKER_COL } from '../../../src/workbook/tracker';
import { cellRef } from '../../../src/workbook/a1';
import { agencyWorkbook } from '../../helpers/agency-workbook';

const pack = defaultPlanPack();
const forms = defaultFormPack();
const knownPacks = new Map([[pack.id, [pack.version]], [forms.id, [forms.version]]]);
const NOW = new Date('2026-11-23T03:00:00Z');
const WARD = findAgency(defaultRoster(), '05455')!;
const check = (wb: FileWorkbook) => checkWorkbook(wb, { planPack: pack, formPack: forms, knownPacks, nowMs: NOW.getTime() });

async function reloaded(wb: FileWorkbook): Promise<FileWorkbook> {
  return FileWorkbook.load(await wb.toBuffer(NOW));
}

describe('legacy text through the file host', () => {
  it('a filled workbook of the product has no legacy finding', async () => {
    const { workbook } = await agencyWorkbook(WARD, NOW, 7);
    const result = await check(workbook);
    expect(legacyTargets(result.report.issues)).toEqual([]);
  });

  it('converts, survives a save, and undoes; "=…" stays text and the form stays protected', async () => {
    const { workbook } = await agencyWorkbook(WARD, NOW, 7);
    const tracker = workbook.workbook.getWorksheet(pack.trackerSheetName)!;
    const rows = workbook.grid(pack.trackerSheetName)!.values;
    const row = rows.findIndex((r) => r[0] === '2') + 1;
    const note = cellRef(row, TRACKER_COL.note);
    const eq = cellRef(row + 1, TRACKER_COL.note);
    tracker.getCell(note).value = toVni('Chờ ý kiến của Sở Nội vụ');
    tracker.getCell(eq).value = toTcvn3('=Số liệu tháng Mười');

    const found = await check(workbook);
    expect(legacyTargets(found.report.issues).map((t) => t.cell).sort()).toEqual([eq, note].sort());
    const result = await convertLegacyText(fileCellText(workbook), found.report.issues);
    expect(result).toEqual({ changed: 2, left: [], recorded: 2 });

    const saved = await reloaded(workbook);
    const ws = saved.workbook.getWorksheet(pack.trackerSheetName)!;
    expect(ws.getCell(note).value).toBe('Chờ ý kiến của Sở Nội vụ');
    expect(ws.getCell(eq).value).toBe('=Số liệu tháng Mười');
    expect(ws.getCell(eq).formula).toBeUndefined();
    expect(saved.workbook.getWorksheet(LEGACY_SHEET)?.state).toBe('veryHidden');
    expect((saved.workbook.getWorksheet('0801') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect((await check(saved)).converted).toHaveLength(2);

    const undone = await undoLegacyText(fileCellText(saved));
    expect(undone).toEqual({ changed: 2, left: [], recorded: 0 });
    const back = await reloaded(saved);
    expect(back.workbook.getWorksheet(pack.trackerSheetName)!.getCell(note).value).toBe(toVni('Chờ ý kiến của Sở Nội vụ'));
    expect(back.workbook.getWorksheet(LEGACY_SHEET)).toBeUndefined();
  });
});
