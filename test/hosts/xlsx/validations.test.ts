import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { clearValidations, compactValidations, rectangles } from '../../../src/hosts/xlsx/validations';
import { parseCell } from '../../../src/workbook/a1';

const cells = (...refs: string[]) => refs.map(parseCell);

describe('rectangles', () => {
  it('joins runs down a column, then equal runs across adjacent columns', () => {
    expect(rectangles(cells('H8', 'H9', 'H10', 'I8', 'I9', 'I10', 'K8')).sort()).toEqual(['H8:I10', 'K8']);
    expect(rectangles(cells('H10', 'H8', 'H9', 'H22'))).toEqual(['H8:H10', 'H22']);
  });
});

describe('compactValidations', () => {
  it('turns the cells ExcelJS read back into the ranges they came from, none overlapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    const holder = ws as unknown as { dataValidations: { add(a: string, dv: ExcelJS.DataValidation): void; model: Record<string, unknown> } };
    const list: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
    const whole: ExcelJS.DataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 9] };
    holder.dataValidations.add('H8:H22', list);
    const loaded = await new ExcelJS.Workbook().xlsx.load(await wb.xlsx.writeBuffer());
    const read = loaded.getWorksheet('S')!;
    const model = (read as unknown as typeof holder).dataValidations.model;
    expect(Object.keys(model)).toHaveLength(15);
    model['C4'] = whole;
    compactValidations(read);
    expect(Object.keys((read as unknown as typeof holder).dataValidations.model).sort()).toEqual(['C4', 'H8:H22']);
  });
});

describe('clearValidations', () => {
  it('removes the cells and ranges inside the areas, keeping the part of a range outside them', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('S');
    const holder = ws as unknown as { dataValidations: { add(a: string, dv: ExcelJS.DataValidation): void; model: Record<string, unknown> } };
    const list: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
    const other: ExcelJS.DataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 9] };
    holder.dataValidations.add('C5', list);
    holder.dataValidations.add('C2:D3', list);
    holder.dataValidations.add('E4', other);
    clearValidations(ws, ['C3:C1048576']);
    expect(Object.keys(holder.dataValidations.model).sort()).toEqual(['C2', 'D2', 'D3', 'E4']);
    compactValidations(ws);
    expect(Object.keys(holder.dataValidations.model).sort()).toEqual(['C2', 'D2:D3', 'E4']);
  });
});
