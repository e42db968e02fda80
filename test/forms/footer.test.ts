/**
 * The clerk's own text on a form sheet: the place-and-date line and the signers' names are input cells, kept when the
 * forms are inserted again or upgraded; anything else typed outside the product's cells is asked about first.
 */
import { describe, expect, it } from 'vitest';
import { insertForms, type InsertFormsRequest, type InsertFormsResult } from '../../src/app/insert-forms';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { parseRange } from '../../src/workbook/a1';
import { formSheetLayout } from '../../src/workbook/forms';
import { SIGNATURE_ROWS } from '../../src/workbook/forms-footer';
import { contents, mustLoad, NOW, packJson } from './helpers';

const pack = defaultFormPack();
const snv = findAgency(defaultRoster(), 'SNV')!;
const PLACE = 'Thái Nguyên, ngày 15 tháng 01 năm 2026';

function request(overrides: Partial<InsertFormsRequest> = {}): InsertFormsRequest {
  return { pack, agency: snv, year: 2025, plan: defaultPlanPack(), now: new Date(NOW), confirm: async () => false, ...overrides };
}

function ok(result: InsertFormsResult): Extract<InsertFormsResult, { ok: true }> {
  if (!result.ok) throw new Error(`not inserted: ${JSON.stringify(result)}`);
  return result;
}

const layoutOf = (code: string) => formSheetLayout({ pack, form: pack.forms.find((f) => f.code === code)!, agency: snv, year: 2025 });
const cellText = (file: FileWorkbook, sheet: string, address: string) => file.workbook.getWorksheet(sheet)?.getCell(address).value ?? null;

describe('the footer of a form', () => {
  it('makes the place-and-date line and the signers\' names input cells, unlocked, under the titles', () => {
    const layout = layoutOf('0804');
    const unlocked = layout.spec.protection!.unlocked;
    const { place, preparer, head } = layout.footerCells;
    for (const cell of [place, preparer, head]) {
      expect(unlocked.some((range) => {
        const r = parseRange(range);
        const c = parseRange(cell);
        return c.top >= r.top && c.top <= r.bottom && c.left >= r.left && c.left <= r.right;
      }), cell).toBe(true);
    }
    // The names sit under the notes, with room to sign.
    expect(parseRange(preparer).top - parseRange(place).top).toBe(2 + SIGNATURE_ROWS + 1);
    expect(layout.spec.merges).toContain(`${head}:${layout.spec.merges.find((m) => m.startsWith(place))!.split(':')[1]!.replace(/\d+$/, '')}${parseRange(head).top}`);
  });

  it('keeps the place-and-date line and the names when the forms are inserted again', async () => {
    const file = FileWorkbook.create();
    const first = ok(await insertForms(file, request()));
    const cells = first.forms.find((f) => f.code === '0804')!.layout.footerCells;
    const ws = file.workbook.getWorksheet('0804')!;
    ws.getCell(cells.place).value = PLACE;
    ws.getCell(cells.preparer).value = 'Nguyễn Thị Lan';
    ws.getCell(cells.head).value = 'Trần Văn Minh';
    const again = ok(await insertForms(file, request()));
    expect(again.forms.find((f) => f.code === '0804')?.keptText).toBe(3);
    expect(cellText(file, '0804', cells.place)).toBe(PLACE);
    expect(cellText(file, '0804', cells.preparer)).toBe('Nguyễn Thị Lan');
    expect(cellText(file, '0804', cells.head)).toBe('Trần Văn Minh');
    // An untouched form keeps the pack's blank line.
    expect(cellText(file, '0801', first.forms.find((f) => f.code === '0801')!.layout.footerCells.place)).toBe(pack.footer.placeAndDate);
  });

  it('carries names typed under the signatures of an older layout into the name cells, on a pack upgrade', async () => {
    const file = FileWorkbook.create();
    const first = ok(await insertForms(file, request({ codes: ['0813'] })));
    const cells = first.forms[0]!.layout.footerCells;
    const ws = file.workbook.getWorksheet('0813')!;
    // As on a sheet laid out before the name cells existed: names two rows under the notes, protection switched off.
    const nameRow = parseRange(cells.place).top + 4;
    ws.getCell(cells.preparer).value = null;
    ws.getCell(`A${nameRow}`).value = 'Nguyễn Thị Lan';
    ws.getCell(`B${nameRow}`).value = 'Trần Văn Minh';
    ws.getCell(cells.place).value = PLACE;
    const data = packJson();
    data['version'] = '1.1.0';
    const v2 = mustLoad(data);
    const questions: string[] = [];
    const upgraded = ok(await insertForms(file, request({ pack: v2, codes: ['0813'], confirm: async (q) => (questions.push(q), true) })));
    expect(questions).toEqual([]);
    expect(upgraded.identity.formPackVersion).toBe('1.1.0');
    expect(cellText(file, '0813', cells.place)).toBe(PLACE);
    expect(cellText(file, '0813', cells.preparer)).toBe('Nguyễn Thị Lan');
    expect(cellText(file, '0813', cells.head)).toBe('Trần Văn Minh');
  });

  it('asks before clearing a note typed beside the table or under the footer, and writes nothing when told no', async () => {
    const file = FileWorkbook.create();
    const first = ok(await insertForms(file, request({ codes: ['0804', '0808'] })));
    const layout = first.forms.find((f) => f.code === '0804')!.layout;
    const beside = `H${layout.firstDataRow}`;
    file.workbook.getWorksheet('0804')!.getCell(beside).value = 'Số liệu dòng 01 lấy theo sổ đăng ký';
    const below = `A${parseRange(first.forms.find((f) => f.code === '0808')!.layout.footerCells.preparer).top + 3}`;
    file.workbook.getWorksheet('0808')!.getCell(below).value = 'Đã đối chiếu với Phòng Nội vụ';
    const before = contents(file);
    const questions: string[] = [];
    const declined = await insertForms(file, request({ codes: ['0804', '0808'], confirm: async (q) => (questions.push(q), false) }));
    expect(declined).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain(`0804!${beside}`);
    expect(questions[0]).toContain(`0808!${below}`);
    expect(questions[0]).toMatch(/^Trên các biểu có 2 ô do người dùng nhập ngoài bảng/);
    expect(contents(file)).toBe(before);
    ok(await insertForms(file, request({ codes: ['0804', '0808'], confirm: async () => true })));
    expect(cellText(file, '0804', beside)).toBeNull();
  });

  it('does not ask about the product\'s own text: a fresh re-insert asks nothing', async () => {
    const file = FileWorkbook.create();
    ok(await insertForms(file, request()));
    const questions: string[] = [];
    ok(await insertForms(file, request({ confirm: async (q) => (questions.push(q), true) })));
    expect(questions).toEqual([]);
  });
});
