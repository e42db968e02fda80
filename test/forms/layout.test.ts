/**
 * The layout of every form, as written to an .xlsx file by the file host and read back with ExcelJS.
 */
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertForms } from '../../src/app/insert-forms';
import { cellKey, columnCaption, formModel, type Form } from '../../src/domain/form-pack';
import { findAgency } from '../../src/domain/roster';
import { worksheetToGrid } from '../../src/hosts/xlsx/read-grid';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { readFormSheet, type FormSheetRead } from '../../src/workbook/forms-read';
import { IDENTITY_SHEET, readIdentity } from '../../src/workbook/identity';
import { loadXlsx, NOW, sumRefs } from './helpers';

const pack = defaultFormPack();
const EXPECTED: Readonly<Record<string, { rows: number; cols: number; orientation: 'portrait' | 'landscape'; unit: string }>> = {
  '0801': { rows: 7, cols: 4, orientation: 'portrait', unit: 'Đơn vị tính: văn bản' },
  '0802': { rows: 4, cols: 1, orientation: 'portrait', unit: 'Đơn vị tính: tổ chức' },
  '0803': { rows: 1, cols: 11, orientation: 'landscape', unit: 'Đơn vị tính: người' },
  '0804': { rows: 4, cols: 3, orientation: 'portrait', unit: 'Đơn vị tính: văn bản' },
  '0805': { rows: 3, cols: 3, orientation: 'portrait', unit: 'Đơn vị tính: hồ sơ' },
  '0806': { rows: 5, cols: 1, orientation: 'portrait', unit: 'Đơn vị tính: tổ chức' },
  '0807': { rows: 1, cols: 12, orientation: 'landscape', unit: 'Đơn vị tính: người' },
  '0808': { rows: 10, cols: 1, orientation: 'portrait', unit: 'Đơn vị tính: ghi tại cột C' },
  '0809': { rows: 7, cols: 1, orientation: 'portrait', unit: 'Đơn vị tính: ghi tại cột C' },
  '0810': { rows: 5, cols: 1, orientation: 'portrait', unit: 'Đơn vị tính: ghi tại cột C' },
  '0811': { rows: 4, cols: 1, orientation: 'portrait', unit: 'Đơn vị tính: m²' },
  '0812': { rows: 4, cols: 1, orientation: 'portrait', unit: 'Đơn vị tính: ghi tại cột C' },
  '0813': { rows: 7, cols: 1, orientation: 'portrait', unit: 'Đơn vị tính: triệu đồng' },
};

let wb: ExcelJS.Workbook;
let sheetNames: string[];

beforeAll(async () => {
  const agency = findAgency(defaultRoster(), 'SNV');
  if (!agency) throw new Error('no SNV');
  const file = FileWorkbook.create();
  const result = await insertForms(file, {
    pack, agency, year: 2025, plan: defaultPlanPack(), now: new Date(NOW), confirm: async () => false,
  });
  expect(result.ok).toBe(true);
  wb = await loadXlsx(await file.toBuffer());
  sheetNames = wb.worksheets.map((ws) => ws.name);
});

const text = (ws: ExcelJS.Worksheet, a1: string): string => {
  const v = ws.getCell(a1).value;
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
};

function sheet(code: string): { ws: ExcelJS.Worksheet; read: FormSheetRead; form: Form } {
  const ws = wb.getWorksheet(code);
  if (!ws) throw new Error(`no sheet ${code}`);
  const read = readFormSheet(worksheetToGrid(ws));
  if (!read) throw new Error(`sheet ${code} not read back`);
  const form = pack.forms.find((f) => f.code === code);
  if (!form) throw new Error(`no form ${code}`);
  return { ws, read, form };
}

const a1 = (read: FormSheetRead, row: string, col: number): string => {
  const r = read.rows.get(row);
  const c = read.columns.get(col);
  if (r === undefined || c === undefined) throw new Error(`no cell ${row}:${col}`);
  return `${String.fromCharCode(64 + c)}${r}`;
};

describe('vtlt forms: the workbook', () => {
  it('has one sheet per form, named by its code, and the identity stamp', () => {
    expect(sheetNames).toEqual([...Object.keys(EXPECTED), IDENTITY_SHEET]);
    expect(wb.getWorksheet(IDENTITY_SHEET)?.state).toBe('veryHidden');
    const stamp = readIdentity(worksheetToGrid(wb.getWorksheet(IDENTITY_SHEET) as ExcelJS.Worksheet));
    expect(stamp.ok).toBe(true);
    if (!stamp.ok) return;
    expect(stamp.identity).toMatchObject({
      agencyCode: 'SNV', agencyName: 'Sở Nội vụ', agencyKind: 'so-ban-nganh', reportingYear: 2025,
      reportingPeriod: '01/01/2025 - 31/12/2025', formPackId: pack.id, formPackVersion: pack.version,
      planPackId: defaultPlanPack().id, planPackVersion: defaultPlanPack().version,
    });
  });
});

describe.each(Object.keys(EXPECTED))('form %s', (code) => {
  const expected = EXPECTED[code] as (typeof EXPECTED)[string];

  it('has the heading of the layout conventions and the reference notice', () => {
    const { ws, read, form } = sheet(code);
    expect(text(ws, 'A1')).toBe(`Biểu số: ${code}.N/BNV-VTLT`);
    expect(text(ws, 'A2')).toBe(pack.header.basisLine);
    expect(text(ws, 'A2')).toContain('Thông tư số 18/2025/TT-BNV');
    expect(text(ws, 'A3')).toBe('Ngày nhận báo cáo: trước ngày 28/02/2026');
    expect(text(ws, 'B1')).toBe('Đơn vị báo cáo: Sở Nội vụ (mã SNV)');
    expect(text(ws, 'B2')).toBe('Đơn vị nhận báo cáo: Sở Nội vụ');
    expect(text(ws, 'A5')).toBe(form.title.toLocaleUpperCase('vi'));
    expect(ws.getCell('A5').alignment?.horizontal).toBe('center');
    expect(text(ws, 'A6')).toBe('Thời điểm/kỳ báo cáo: 01/01/2025 – 31/12/2025');
    expect(text(ws, 'A7')).toBe('(mẫu tham khảo — đối chiếu với Thông tư 18/2025/TT-BNV trước khi nộp)');
    expect(text(ws, 'A8')).toBe(expected.unit);
    expect(read).toMatchObject({ code, year: 2025, reporter: 'Sở Nội vụ (mã SNV)' });
  });

  it('has the table header: indicator, "Mã số", "Đơn vị tính", numbered columns with their arithmetic', () => {
    const { ws, read, form } = sheet(code);
    expect(form.columns).toHaveLength(expected.cols);
    expect(text(ws, `B${read.headerRow}`)).toBe('Mã số');
    expect(text(ws, `C${read.headerRow}`)).toBe('Đơn vị tính');
    expect(text(ws, `A${read.headerRow}`)).toBe(form.indicatorHeader ?? 'Chỉ tiêu');
    const numbering = ws.getRow(read.numberingRow);
    expect([1, 2, 3].map((c) => numbering.getCell(c).value)).toEqual(['A', 'B', 'C']);
    form.columns.forEach((column, i) => {
      expect(numbering.getCell(4 + i).value).toBe(columnCaption(form, column.no));
      // The label is in the header, under its group heading when it has one.
      const labelRow = read.numberingRow - 1;
      expect(text(ws, `${String.fromCharCode(68 + i)}${labelRow}`)).toBe(column.label);
      if (column.group) expect(text(ws, `${String.fromCharCode(68 + i)}${read.headerRow}`)).toBe(column.group);
    });
    if (code === '0801') expect(numbering.getCell(4).value).toBe('1 = 2 + 3 + 4');
    if (code === '0804') expect(numbering.getCell(4).value).toBe('1 = 2 + 3');
  });

  it('lists the rows with indicator, row code and unit', () => {
    const { ws, read, form } = sheet(code);
    expect(form.rows).toHaveLength(expected.rows);
    expect([...read.rows.keys()]).toEqual(form.rows.map((r) => r.code));
    for (const row of form.rows) {
      const r = read.rows.get(row.code) ?? 0;
      expect(text(ws, `A${r}`)).toBe(row.label);
      expect(ws.getCell(`B${r}`).value).toBe(row.code);
      expect(ws.getCell(`B${r}`).numFmt).toBe('@');
      expect(text(ws, `C${r}`)).toBe(row.unit);
    }
    if (form.rows[0]?.label === 'Tổng số') expect(form.rows[0].code).toBe('01');
  });

  it('writes totals as formulas over exactly their parts; inputs unlocked and validated; the rest locked', () => {
    const { ws, read, form } = sheet(code);
    const model = formModel(form, pack.units);
    let inputs = 0;
    for (const { cell, role } of model.cells) {
      const at = a1(read, cell.row, cell.col);
      const c = ws.getCell(at);
      const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model[at];
      if (role === 'total') {
        const v = c.value as { formula?: string } | null;
        expect(typeof v?.formula, `${code} ${cellKey(cell)}`).toBe('string');
        const formula = v?.formula ?? '';
        const parts = model.formulaOf(cell)?.parts.map((p) => a1(read, p.row, p.col)) ?? [];
        expect(sumRefs(formula).sort()).toEqual([...parts].sort());
        expect(formula).toMatch(/^IF\(COUNT\(([^)]*)\)=0,"",SUM\(\1\)\)$/);
        expect(c.protection?.locked).not.toBe(false);
        expect(dv).toBeUndefined();
      } else if (role === 'na') {
        expect(c.value).toBe('x');
        expect(c.protection?.locked).not.toBe(false);
        expect(dv).toBeUndefined();
      } else {
        inputs++;
        expect(c.value ?? null, 'an empty input is "not reported"').toBeNull();
        expect(c.protection?.locked).toBe(false);
        const kind = model.kindOf(cell.row);
        expect(c.numFmt).toBe(kind === 'whole' ? '#,##0' : '#,##0.0##');
        expect(dv).toMatchObject({
          type: kind, operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true,
          showInputMessage: true, showErrorMessage: true, errorStyle: 'stop',
          promptTitle: 'Nhập số liệu', errorTitle: 'Số liệu không hợp lệ',
        });
        expect(dv?.prompt).toContain(`đơn vị tính: ${model.unitOf(cell.row)}`);
        expect(dv?.prompt).toContain('Để trống nếu không báo cáo');
        expect(dv?.error).toContain(kind === 'whole' ? 'số nguyên lớn hơn hoặc bằng 0' : 'lớn hơn hoặc bằng 0, có thể');
      }
    }
    expect(inputs).toBeGreaterThan(0);
    // Labels and headings are locked too.
    expect(ws.getCell(`A${read.headerRow}`).protection?.locked).not.toBe(false);
    expect(ws.getCell(`B${read.rows.get('01') ?? 0}`).protection?.locked).not.toBe(false);
  });

  it('is protected without a password', () => {
    const { ws } = sheet(code);
    const p = (ws as unknown as { sheetProtection: Record<string, unknown> | undefined }).sheetProtection;
    expect(p?.['sheet']).toBe(true);
    expect(p?.['hashValue']).toBeUndefined();
    expect(p?.['password']).toBeUndefined();
  });

  it('prints on A4, fitted to the width, with its header rows repeated', () => {
    const { ws, read } = sheet(code);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9, orientation: expected.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${read.headerRow}:${read.numberingRow}`,
    });
  });

  it('ends with the legend, the place-and-date line and the two signature blocks', () => {
    const { ws, read } = sheet(code);
    const lastRow = Math.max(...read.rows.values());
    const texts: string[] = [];
    for (let r = lastRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= 3; c++) {
        const v = row.getCell(c).value;
        if (typeof v === 'string' && !texts.includes(v)) texts.push(v);
      }
    }
    expect(texts[0]).toMatch(/^Ô đánh dấu "x": không có số liệu\. Ô chưa có số liệu để trống \(không báo cáo\)/);
    expect(texts.slice(1)).toEqual([
      '…, ngày … tháng … năm …', 'Người lập biểu', 'Thủ trưởng đơn vị', '(Ký, họ tên)', '(Ký, họ tên, đóng dấu)',
    ]);
  });
});

describe('form-specific cells', () => {
  it('0804: only the electronic column of "signed digitally" takes a figure; it is coloured when above electronic', () => {
    const { ws, read } = sheet('0804');
    expect(ws.getCell(a1(read, '03', 1)).value).toBe('x');
    expect(ws.getCell(a1(read, '03', 2)).value).toBe('x');
    expect(ws.getCell(a1(read, '03', 3)).protection?.locked).toBe(false);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const signed = cf.find((c) => c.ref === a1(read, '03', 3));
    expect(signed?.rules[0]?.formulae?.[0]).toBe(`AND(ISNUMBER(${a1(read, '03', 3)}),ISNUMBER(${a1(read, '02', 3)}),N(${a1(read, '03', 3)})-N(${a1(read, '02', 3)})>0)`);
  });

  it('0803: the total is chuyên trách + kiêm nhiệm; the qualifications breakdown is a check', () => {
    const { ws, read } = sheet('0803');
    const total = ws.getCell(a1(read, '01', 1)).value as { formula: string };
    expect(total.formula).toBe(`IF(COUNT(${a1(read, '01', 2)}:${a1(read, '01', 3)})=0,"",SUM(${a1(read, '01', 2)}:${a1(read, '01', 3)}))`);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(['D12', 'L12', 'M12', 'N12']);
    expect(cf[0]?.rules[0]?.formulae?.[0]).toContain('SUM(G12:K12)');
  });

  it('0808: shelf metres, GB and hours take decimals; files, pages and items whole numbers', () => {
    const { ws, read } = sheet('0808');
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string } | undefined> } }).dataValidations.model;
    expect(dv[a1(read, '02', 1)]?.type).toBe('decimal');
    expect(dv[a1(read, '05', 1)]?.type).toBe('whole');
    expect(dv[a1(read, '07', 1)]?.type).toBe('decimal');
    expect(dv[a1(read, '08', 1)]?.type).toBe('whole');
    expect(dv[a1(read, '10', 1)]?.type).toBe('decimal');
    expect((ws.getCell(a1(read, '01', 1)).value as { formula: string }).formula).toMatch(/SUM\(D1[23]:D1[34]\)/);
  });
});
