/**
 * Reading a consolidation workbook back is anchored by its headers: a column or a row the user inserts in the output
 * sheets changes nothing read. And what is read is what the consolidation wrote.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlanPack } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { readConsolidationData, type ConsolidationData } from '../../src/app/documents/consolidation-data';
import { OVERDUE_SHEET, PROBLEMS_SHEET, PROGRESS_SHEET, SUBMISSION_SHEET } from '../../src/workbook/consolidation-sheets';
import { readSubmissions } from '../../src/workbook/consolidation-read';
import { documentsFixture, OVERDUE_NOTE, readBytes, type DocumentsFixture } from '../helpers/documents-fixture';

const plan = defaultPlanPack();
const forms = defaultFormPack();
let fx: DocumentsFixture;
let original: ConsolidationData;

async function read(wb: FileWorkbook): Promise<ConsolidationData> {
  const r = await readConsolidationData(wb, plan, forms);
  if (!r.ok) throw new Error(r.reason);
  return r.data;
}

beforeAll(async () => {
  fx = await documentsFixture();
  original = await read(await FileWorkbook.load(readBytes(fx.consolidationFile)));
}, 120_000);

afterAll(() => {
  if (fx) rmSync(fx.root, { recursive: true, force: true });
});

describe('consolidation workbook read back', () => {
  it('reads the overdue task with the agency\'s note, and the check\'s findings', () => {
    const snv = original.overdue.find((o) => o.code === 'SNV' && o.taskId === '1');
    expect(snv?.note).toBe(OVERDUE_NOTE);
    expect(snv?.daysOverdue).toBeGreaterThan(0);
    expect(original.problems.some((p) => p.severity === 'error' && p.sheet === '0811')).toBe(true);
    expect(original.submissions.find((s) => s.code === 'SYT')?.inTotals).toBe(false);
  });

  it('reads the same after the user inserts a column and a row in every output sheet', async () => {
    const wb = await FileWorkbook.load(readBytes(fx.consolidationFile));
    for (const name of [SUBMISSION_SHEET, PROGRESS_SHEET, OVERDUE_SHEET, PROBLEMS_SHEET]) {
      const ws = wb.workbook.getWorksheet(name)!;
      ws.unMergeCells('A1:Z2');
      ws.spliceRows(1, 0, ['Ghi chú của Sở Nội vụ']);
      ws.spliceColumns(2, 0, []);
    }
    const reloaded = await FileWorkbook.load(await wb.toBuffer());
    // The header moved from B4 to C5.
    expect(reloaded.grid(SUBMISSION_SHEET)!.values[4]?.[2]).toBe('Mã đơn vị');
    const moved = await read(reloaded);
    expect(moved.submissions).toEqual(original.submissions);
    expect(moved.overdue).toEqual(original.overdue);
    expect(moved.problems).toEqual(original.problems);
    expect(moved.progress?.taskIds).toEqual(original.progress?.taskIds);
    expect(moved.progress?.agencies.map((a) => [a.code, [...a.cells]])).toEqual(original.progress?.agencies.map((a) => [a.code, [...a.cells]]));
    expect(moved.year).toBe(original.year);
    expect(moved.asOf).toBe(original.asOf);
  });

  it('is not a consolidation workbook without its submission sheet', async () => {
    const wb = FileWorkbook.create();
    wb.workbook.addWorksheet('Trang 1').getCell('A1').value = 'Mã đơn vị';
    expect(await readConsolidationData(wb, plan, forms)).toEqual({ ok: false, reason: 'not-consolidation', sheet: SUBMISSION_SHEET });
    expect(readSubmissions({ name: 'x', values: [['Mã đơn vị', 'Tên đơn vị']] })).toBeNull();
  });
});
