import { describe, expect, it } from 'vitest';
import { insertForms, type InsertFormsRequest, type InsertFormsResult } from '../../src/app/insert-forms';
import type { WorkbookPort, WorkbookSnapshot } from '../../src/app/workbook-port';
import type { FormPack } from '../../src/domain/form-pack';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { formSheetLayout } from '../../src/workbook/forms';
import { readFormSheet } from '../../src/workbook/forms-read';
import type { Grid, GridValue } from '../../src/workbook/grid';
import { IDENTITY_SHEET, readIdentity } from '../../src/workbook/identity';
import type { SheetSource } from '../../src/workbook/sheet-spec';
import { isFormula } from '../../src/workbook/sheet-spec';
import { parseRange } from '../../src/workbook/a1';
import { contents, key, mustLoad, NOW, packJson } from './helpers';

const pack = defaultFormPack();
const agency = (code: string): RosterEntry => {
  const a = findAgency(defaultRoster(), code);
  if (!a) throw new Error(`no agency ${code}`);
  return a;
};

/** A port over a FileWorkbook that counts its round trips. */
class CountingPort implements WorkbookPort {
  reads = 0;
  writes = 0;
  constructor(readonly file: FileWorkbook) {}
  async read(names: readonly string[]): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.file.read(names);
  }
  async write(specs: readonly SheetSource[], options?: { readonly activate?: string }): Promise<void> {
    this.writes++;
    return this.file.write(specs, options);
  }
}

function request(overrides: Partial<InsertFormsRequest> = {}): InsertFormsRequest {
  return {
    pack, agency: agency('SNV'), year: 2025, plan: defaultPlanPack(), now: new Date(NOW), confirm: async () => false, ...overrides,
  };
}

/** Types figures into a sheet as a user would (by row code and column number, found through the reader). */
function type(file: FileWorkbook, code: string, figures: [string, number, string | number | null][]): void {
  const ws = file.workbook.getWorksheet(code);
  const grid = file.grid(code);
  if (!ws || !grid) throw new Error(`no sheet ${code}`);
  const read = readFormSheet(grid);
  if (!read) throw new Error(`sheet ${code} not a form`);
  for (const [row, col, value] of figures) {
    const r = read.rows.get(row);
    const c = read.columns.get(col);
    if (r === undefined || c === undefined) throw new Error(`no cell ${row}:${col}`);
    ws.getCell(r, c).value = value;
  }
}

function figures(file: FileWorkbook, code: string): Map<string, GridValue> {
  const grid = file.grid(code);
  const read = grid ? readFormSheet(grid) : null;
  if (!read) throw new Error(`sheet ${code} not a form`);
  return new Map(read.values);
}

function ok(result: InsertFormsResult): Extract<InsertFormsResult, { ok: true }> {
  if (!result.ok) throw new Error(`not inserted: ${JSON.stringify(result)}`);
  return result;
}

/** The pack with a newer version, changed by `edit`. */
function upgraded(edit: (data: ReturnType<typeof packJson>) => void): FormPack {
  const data = packJson();
  data['version'] = '1.1.0';
  edit(data);
  return mustLoad(data);
}

describe('insertForms', () => {
  it('writes the chosen forms and the stamp in one read and one write', async () => {
    const port = new CountingPort(FileWorkbook.create());
    const result = ok(await insertForms(port, request({ codes: ['0808', '0804'] })));
    expect(result.forms.map((f) => f.code)).toEqual(['0804', '0808']);
    expect([port.reads, port.writes]).toEqual([1, 1]);
    expect(port.file.sheetNames()).toEqual(['0804', '0808', IDENTITY_SHEET]);
    expect(result.identity).toMatchObject({ formPackId: pack.id, formPackVersion: pack.version, reportingYear: 2025 });
  });

  it('keeps the figures entered when inserted again, matched by form, row code and column', async () => {
    const file = FileWorkbook.create();
    ok(await insertForms(file, request()));
    type(file, '0804', [['02', 2, 12], ['02', 3, 30], ['03', 3, 0], ['04', 2, '7 văn bản']]);
    type(file, '0813', [['02', 1, 12.5], ['07', 1, 0.25]]);
    const again = ok(await insertForms(file, request()));
    expect(again.unplaced).toEqual([]);
    expect(again.forms.find((f) => f.code === '0804')?.kept).toBe(4);
    expect(figures(file, '0804')).toEqual(new Map<string, GridValue>([
      [key('02', 2), 12], [key('02', 3), 30], [key('03', 3), 0], [key('04', 2), '7 văn bản'],
    ]));
    expect(figures(file, '0813')).toEqual(new Map<string, GridValue>([[key('02', 1), 12.5], [key('07', 1), 0.25]]));
    // The text stays text (for validation to report); an untouched input stays empty, not 0.
    const ws = file.workbook.getWorksheet('0804');
    const read = readFormSheet(file.grid('0804') as Grid);
    expect(ws?.getCell(read?.rows.get('04') ?? 0, read?.columns.get(3) ?? 0).value ?? null).toBeNull();
  });

  it('keeps the figures of forms not chosen this time untouched', async () => {
    const file = FileWorkbook.create();
    ok(await insertForms(file, request()));
    type(file, '0811', [['02', 1, 40]]);
    ok(await insertForms(file, request({ codes: ['0804'] })));
    expect(figures(file, '0811').get(key('02', 1))).toBe(40);
  });

  it('upgrades to a newer pack, keeping figures whose row and column remain', async () => {
    const file = FileWorkbook.create();
    ok(await insertForms(file, request()));
    type(file, '0813', [['02', 1, 10], ['03', 1, 5], ['06', 1, 2.5], ['07', 1, 1]]);
    const v2 = upgraded((data) => {
      const f = data.forms[12] as { title: string; rows: { code: string }[] };
      f.title = 'Kinh phí cho hoạt động lưu trữ (sửa đổi)';
      f.rows = f.rows.filter((r) => r.code !== '06');
      const rules = (data.forms[12] as { rules: { parts: { row: string }[] }[] }).rules;
      (rules[0] as { parts: { row: string }[] }).parts = (rules[0]?.parts ?? []).filter((p) => p.row !== '06');
    });
    const questions: string[] = [];
    const result = ok(await insertForms(file, request({ pack: v2, confirm: async (q) => (questions.push(q), true) })));
    expect(result.unplaced).toEqual([{ form: '0813', row: '06', col: 1, value: 2.5, cell: 'D16', reason: 'row' }]);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain('Biểu 0813, dòng 06, cột 1 (ô D16): 2,5 — biểu mới không còn dòng này');
    expect(figures(file, '0813')).toEqual(new Map<string, GridValue>([[key('02', 1), 10], [key('03', 1), 5], [key('07', 1), 1]]));
    expect(file.workbook.getWorksheet('0813')?.getCell('A5').value).toBe('KINH PHÍ CHO HOẠT ĐỘNG LƯU TRỮ (SỬA ĐỔI)');
    expect(result.identity.formPackVersion).toBe('1.1.0');
  });

  it('does not drop figures silently: declining the question leaves the workbook as it was', async () => {
    const file = FileWorkbook.create();
    ok(await insertForms(file, request()));
    type(file, '0804', [['02', 2, 12], ['02', 3, 4]]);
    // v2 of 0804 has no electronic column.
    const v2 = upgraded((data) => {
      const f = data.forms[3] as Record<string, unknown>;
      f['columns'] = (f['columns'] as unknown[]).slice(0, 2);
      f['na'] = [{ row: '03', col: 1 }];
      f['rules'] = [
        { type: 'sum', target: { col: 1 }, parts: [{ col: 2 }] },
        { type: 'sum', target: { row: '01' }, parts: [{ row: '02' }, { row: '04' }] },
      ];
    });
    const before = contents(file);
    const result = await insertForms(file, request({ pack: v2, confirm: async () => false }));
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === 'cancelled') expect(result.question).toContain('dòng 02, cột 3');
    expect(figures(file, '0804').get(key('02', 3))).toBe(4);
    const stamp = readIdentity(file.grid(IDENTITY_SHEET));
    expect(stamp.ok && stamp.identity.formPackVersion).toBe(pack.version);
    expect(contents(file)).toBe(before);
  });

  it('lists a figure whose cell became a total or "x"', async () => {
    const file = FileWorkbook.create();
    ok(await insertForms(file, request({ codes: ['0808', '0812'] })));
    // Row 01 is a total: a figure there means the user unprotected the sheet and typed over the formula.
    type(file, '0808', [['01', 1, 9], ['02', 1, 4]]);
    type(file, '0812', [['03', 1, 2]]);
    const v2 = upgraded((data) => {
      // 0808: row 02 becomes a total of a new breakdown; 0812: row 03 takes no figure any more.
      const f0808 = data.forms[7] as { rows: Record<string, unknown>[]; rules: unknown[] };
      f0808.rows.push({ code: '11', label: 'Chỉnh lý trong năm', unit: 'mét giá', indent: 2 });
      f0808.rules.push({ type: 'sum', target: { row: '02' }, parts: [{ row: '11' }] });
      (data.forms[11] as Record<string, unknown>)['na'] = [{ row: '03' }];
    });
    const result = ok(await insertForms(file, request({ pack: v2, codes: ['0808', '0812'], confirm: async () => true })));
    expect(result.unplaced.map((u) => [u.form, u.row, u.col, u.value, u.reason])).toEqual([
      ['0808', '01', 1, 9, 'total'],
      ['0808', '02', 1, 4, 'total'],
      ['0812', '03', 1, 2, 'na'],
    ]);
    expect(figures(file, '0808')).toEqual(new Map());
  });

  it('asks before switching the workbook to another agency', async () => {
    const file = FileWorkbook.create();
    ok(await insertForms(file, request()));
    const questions: string[] = [];
    const declined = await insertForms(file, request({ agency: agency('STC'), confirm: async (q) => (questions.push(q), false) }));
    expect(declined).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(questions[0]).toContain('"Sở Nội vụ" (mã SNV)');
    expect(questions[0]).toContain('"Sở Tài chính" (mã STC)');
    const accepted = ok(await insertForms(file, request({ agency: agency('STC'), confirm: async () => true })));
    expect(accepted.identity.agencyCode).toBe('STC');
    expect(file.workbook.getWorksheet('0801')?.getCell('B1').value).toBe('Đơn vị báo cáo: Sở Tài chính (mã STC)');
  });

  it('asks before overwriting a sheet of the same name that is not the form', async () => {
    const file = FileWorkbook.create();
    file.workbook.addWorksheet('0804').getCell('A1').value = 'Ghi chú riêng';
    const questions: string[] = [];
    const result = await insertForms(file, request({ codes: ['0804'], confirm: async (q) => (questions.push(q), false) }));
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(questions).toEqual(['Trang tính "0804" đã có dữ liệu nhưng không phải biểu 0804. Ghi đè toàn bộ trang tính này?']);
  });

  it('rejects form codes the pack does not have', async () => {
    const result = await insertForms(FileWorkbook.create(), request({ codes: ['0804', '0899'] }));
    expect(result).toEqual({ ok: false, reason: 'unknown-forms', codes: ['0899'] });
  });

  it('writes questions in English when asked to', async () => {
    const file = FileWorkbook.create();
    ok(await insertForms(file, request()));
    const questions: string[] = [];
    await insertForms(file, request({ agency: agency('STC'), lang: 'en', confirm: async (q) => (questions.push(q), false) }));
    expect(questions[0]).toMatch(/^This workbook carries the agency "Sở Nội vụ"/);
  });
});

describe('readFormSheet finds the table by its anchors', () => {
  /** The grid a layout describes, shifted by `dr` rows and `dc` columns (as if the user inserted some). */
  function shiftedGrid(code: string, dr: number, dc: number, values: Map<string, GridValue>): Grid {
    const form = pack.forms.find((f) => f.code === code);
    if (!form) throw new Error(`no form ${code}`);
    const layout = formSheetLayout({ pack, form, agency: agency('SNV'), year: 2025, values });
    const rows: GridValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (const b of layout.spec.blocks) {
      const at = parseRange(b.at);
      b.rows.forEach((line, i) => line.forEach((v, j) => {
        const r = at.top + i + dr - 1;
        const c = at.left + j + (at.left + j > 1 ? dc : 0) - 1;
        rows[r] ??= [];
        formulas[r] ??= [];
        (rows[r] as GridValue[])[c] = v === null ? null : isFormula(v) ? 0 : (v as GridValue);
        (formulas[r] as (string | null)[])[c] = v !== null && isFormula(v) ? v.formula : null;
      }));
    }
    const norm = (m: (GridValue | string | null)[][]) => Array.from({ length: m.length }, (_, i) => Array.from(m[i] ?? [], (x) => x ?? null));
    return { name: code, values: norm(rows) as GridValue[][], formulas: norm(formulas) as (string | null)[][] };
  }

  it('reads the same figures whatever rows or columns were inserted before the table', () => {
    const values = new Map<string, GridValue>([[key('02', 2), 3], [key('04', 3), 'bảy'], [key('03', 3), 0]]);
    for (const [dr, dc] of [[0, 0], [3, 0], [0, 2], [5, 1]] as const) {
      const read = readFormSheet(shiftedGrid('0804', dr, dc, values));
      expect(read, `shift ${dr},${dc}`).not.toBeNull();
      expect(read?.code).toBe('0804');
      expect(read?.year).toBe(2025);
      expect(read?.values).toEqual(values);
    }
  });

  it('reads row codes typed as numbers, and ignores totals and "x" cells', () => {
    const grid = shiftedGrid('0804', 0, 0, new Map([[key('02', 2), 5]]));
    const read0 = readFormSheet(grid);
    const r = read0?.rows.get('02') ?? 0;
    const values = grid.values.map((row) => [...row]);
    (values[r - 1] as GridValue[])[1] = 2;
    const read = readFormSheet({ ...grid, values });
    expect(read?.rows.get('02')).toBe(r);
    expect(read?.values).toEqual(new Map([[key('02', 2), 5]]));
  });

  it('returns null for a sheet without the table', () => {
    expect(readFormSheet({ name: 'x', values: [['Ghi chú'], ['Mã số', 'x']] })).toBeNull();
    expect(readFormSheet({ name: 'x', values: [] })).toBeNull();
  });
});
