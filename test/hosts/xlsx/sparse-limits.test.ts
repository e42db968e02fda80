/**
 * Memory and limits on every reading path: a stray value at XFD1048576 costs one cell, not a dense array up to it; a
 * sheet over the cell limit is refused by both readers with a finding naming the sheet; the last-saved time is read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formsPart } from '../../../src/app/forms-part';
import { sheetsToRead, validateSnapshot, type ValidateOptions } from '../../../src/app/validate-workbook';
import { findAgency } from '../../../src/domain/roster';
import { openWorkbookBytes } from '../../../src/hosts/xlsx/open';
import { nodeInflate, openForReading } from '../../../src/hosts/xlsx/open-fast';
import { DEFAULT_LIMITS } from '../../../src/hosts/xlsx/inspect-file';
import { entryData, zipDirectory } from '../../../src/hosts/xlsx/zip';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import { defaultFormPack } from '../../../src/packs/forms';
import { gridValue } from '../../../src/workbook/grid';
import { agencyWorkbook } from '../../helpers/agency-workbook';
import { makeZip } from '../../helpers/zip';

const plan = defaultPlanPack();
const pack = defaultFormPack();
const options = (): ValidateOptions => ({
  planPack: plan,
  knownPacks: new Map([[plan.id, [plan.version]], [pack.id, [pack.version]]]),
  forms: formsPart(pack, { requireAll: true, expectedYear: 2025 }),
  expectedYear: 2025,
});

/** The workbook with its parts rewritten by `edit` (deflated again). */
function rewrite(bytes: Uint8Array, edit: (name: string, xml: string) => string): Uint8Array {
  const entries = zipDirectory(bytes)!.filter((e) => !e.name.endsWith('/'));
  return makeZip(entries.map((e) => {
    const data = entryData(bytes, e)!;
    const raw = e.method === 8 ? nodeInflate(data, e.uncompressed) : data;
    return { name: e.name, data: edit(e.name, new TextDecoder().decode(raw)), deflate: true };
  }));
}

describe('sparse reading and the cell limit', () => {
  let good: Uint8Array;
  let far: Uint8Array;

  beforeAll(async () => {
    const { workbook } = await agencyWorkbook(findAgency(defaultRoster(), 'SNV')!, new Date(Date.UTC(2026, 1, 20)), 5);
    good = await workbook.toBuffer(new Date(Date.UTC(2026, 1, 21, 8, 30)));
    far = rewrite(good, (name, xml) =>
      name.startsWith('xl/worksheets/') ? xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>') : xml,
    );
  }, 30_000);

  it('stores a value at XFD1048576 as one cell and validates the workbook as before', async () => {
    expect(far.length).toBeLessThan(60_000);
    const opened = await openForReading(far);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const snapshot = await opened.port.read(sheetsToRead(options()));
    for (const grid of snapshot.grids.values()) {
      if (!grid) continue;
      expect(gridValue(grid, 1_048_576, 16_384)).toBe(1);
      expect(Object.keys(grid.values).length).toBeLessThan(200); // rows present, not a million
      expect(Object.keys(grid.values[1_048_575]!)).toEqual(['16383']);
    }
    // The ExcelJS path (the pane) stays sparse too.
    const slow = await openWorkbookBytes(far);
    if (!slow.ok) throw new Error(slow.reason);
    const tracker = slow.workbook.grid(plan.trackerSheetName)!;
    expect(gridValue(tracker, 1_048_576, 16_384)).toBe(1);
    expect(Object.keys(tracker.values).length).toBeLessThan(200);
    const before = await openForReading(good);
    if (!before.ok) throw new Error(before.reason);
    const expected = validateSnapshot(await before.port.read(sheetsToRead(options())), options());
    expect(validateSnapshot(snapshot, options()).issues).toEqual(expected.issues);
  });

  it('refuses a sheet over the cell limit on both paths, naming the sheet', async () => {
    const limits = { ...DEFAULT_LIMITS, maxCellsPerSheet: 100 };
    const fast = await openForReading(good, limits, 'vi', 'SNV.xlsx');
    const slow = await openWorkbookBytes(good, limits, 'vi', 'SNV.xlsx');
    for (const opened of [fast, slow]) {
      expect(opened.ok).toBe(false);
      if (opened.ok) continue;
      expect(opened.problem?.kind).toBe('sheet-too-large');
      expect(opened.reason).toMatch(/^Tệp "SNV\.xlsx": trang tính "[^"]+" có quá nhiều ô dữ liệu \(hơn 100 ô\)/);
    }
    expect((await openForReading(good, { ...DEFAULT_LIMITS, maxCellsPerSheet: 100_000 })).ok).toBe(true);
  });

  it('reads the last-saved time (dcterms:modified) on both paths, and none when the file has no core properties', async () => {
    const fast = await openForReading(good);
    const slow = await openWorkbookBytes(good);
    expect(fast.ok && fast.savedAt).toBe('2026-02-21T08:30:00.000Z');
    expect(slow.ok && slow.savedAt).toBe('2026-02-21T08:30:00.000Z');
    const bare = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    const opened = await openForReading(bare);
    expect(opened.ok && opened.savedAt).toBeUndefined();
  });
});
