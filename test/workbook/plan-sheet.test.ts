import { describe, it, expect } from 'vitest';
import { importPlanFromWorkbook, writePlanSheet } from '../../src/app/plan-import';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { PLAN_HEADER_ROW, PLAN_META_FIELDS, PLAN_SHEET_NAME, planSheetSpec } from '../../src/workbook/plan-sheet';

const bundled = defaultPlanPack();
const roster = defaultRoster();

async function reopen(wb: FileWorkbook): Promise<FileWorkbook> {
  return FileWorkbook.load(await wb.toBuffer());
}

describe('the "Kế hoạch" sheet', () => {
  it('written from the bundled plan and read back gives the same plan, every field', async () => {
    const wb = FileWorkbook.create();
    expect(await writePlanSheet(wb, bundled)).toEqual({ sheet: PLAN_SHEET_NAME, rows: bundled.tasks.length });
    const r = await importPlanFromWorkbook(await reopen(wb), roster);
    if (!r.ok) throw new Error(JSON.stringify(r.findings));
    expect(r.sheet).toBe(PLAN_SHEET_NAME);
    expect(r.pack).toEqual(bundled);
  });

  it('shows the plan as written: sections, heading 16 then a, b, c', () => {
    const spec = planSheetSpec(bundled);
    const rows = spec.blocks.find((b) => b.at === `A${PLAN_HEADER_ROW + 1}`)?.rows ?? [];
    expect(rows.slice(0, 2).map((r) => r[0])).toEqual(['', '1']);
    expect(rows.slice(0, 1).map((r) => r[1])).toEqual(['Nhiệm vụ trọng tâm (Phụ lục kèm theo Kế hoạch)']);
    const at16 = rows.findIndex((r) => r[0] === '16');
    expect(rows.slice(at16, at16 + 4).map((r) => r[0])).toEqual(['16', 'a', 'b', 'c']);
    expect(rows.find((r) => r[1] === 'III.2. Nhiệm vụ của Sở Nội vụ')?.[0]).toBe('');
    const v = spec.validations[0];
    expect(v?.range).toMatch(/^E\d+:E\d+$/);
    expect(v?.rule.type).toBe('custom');
  });

  it('typed or pasted by hand (numbers as TT, NFD, no plan fields) imports with the year taken from the deadlines', async () => {
    const wb = FileWorkbook.create();
    await writePlanSheet(wb, null);
    const ws = wb.workbook.getWorksheet(PLAN_SHEET_NAME);
    if (!ws) throw new Error('no sheet');
    const rows = [
      [1, 'Ban hành kế hoạch năm 2027'.normalize('NFD'), 'Các cơ quan, tổ chức, đơn vị', 'Sở Nội vụ', 'Tháng 02/2027'],
      [2, 'Đề án chỉnh lý', 'Sở Nội vụ', '', 'Quý II/2027'],
      [3, 'Việc khó đọc hạn', 'Sở Nội vụ', '', 'Khi có yêu cầu'],
    ];
    rows.forEach((r, i) => r.forEach((v, c) => (ws.getCell(PLAN_HEADER_ROW + 1 + i, c + 1).value = v)));
    const r = await importPlanFromWorkbook(await reopen(wb), roster);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.year).toBe(2027);
    expect(r.pack.tasks.map((t) => [t.id, t.content, t.deadlineText])).toEqual([
      ['1', 'Ban hành kế hoạch năm 2027', 'Tháng 02/2027'], ['2', 'Đề án chỉnh lý', 'Quý II/2027'], ['3', 'Việc khó đọc hạn', 'Khi có yêu cầu'],
    ]);
    expect(r.findings).toContainEqual({ code: 'deadline-unreadable', where: { row: PLAN_HEADER_ROW + 3 }, id: '3', text: 'Khi có yêu cầu' });
    const strict = await importPlanFromWorkbook(await reopen(wb), roster, { strict: true });
    expect(strict.ok).toBe(false);
  });

  it('reads the date of issue typed as a date or as dd/mm/yyyy', async () => {
    for (const typed of [46_032, '10/01/2026']) {
      const wb = FileWorkbook.create();
      await writePlanSheet(wb, bundled);
      const ws = wb.workbook.getWorksheet(PLAN_SHEET_NAME);
      const row = PLAN_META_FIELDS.findIndex((f) => f.key === 'issuedDate') + 3;
      if (ws) ws.getCell(row, 3).value = typed;
      const r = await importPlanFromWorkbook(await reopen(wb), roster);
      expect(r.ok && r.pack.issuedDate).toBe('2026-01-10');
    }
  });

  it('is looked for in any sheet when none is named "Kế hoạch", and its absence is said', async () => {
    const wb = FileWorkbook.create();
    await wb.write([{ ...planSheetSpec(bundled), name: 'Phụ lục' }]);
    const r = await importPlanFromWorkbook(await reopen(wb), roster);
    expect(r.ok && r.sheet).toBe('Phụ lục');
    const empty = FileWorkbook.create();
    await empty.write([{ name: 'Trang 1', columns: [], blocks: [{ at: 'A1', rows: [['x']] }], styles: {}, styleRanges: [], merges: [], validations: [], conditionalFormats: [] }]);
    expect(await importPlanFromWorkbook(await reopen(empty), roster)).toEqual({ ok: false, findings: [{ code: 'no-plan-sheet', sheets: ['Trang 1'] }] });
  });
});
