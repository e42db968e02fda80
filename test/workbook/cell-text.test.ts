import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, MAX_CELL_TEXT } from '../../src/workbook/cell-text';
import { applySheetSpec } from '../../src/hosts/xlsx/apply-spec';
import { excelInput } from '../../src/hosts/excel/cell-input';
import type { SheetSpec } from '../../src/workbook/sheet-spec';

describe('no cell exceeds Excel\'s 32,767 characters', () => {
  it('leaves text that fits alone and cuts longer text with a visible "…"', () => {
    expect(cellText('Hoàn thành')).toBe('Hoàn thành');
    const exact = 'a'.repeat(MAX_CELL_TEXT);
    expect(cellText(exact)).toBe(exact);
    const cut = cellText('b'.repeat(MAX_CELL_TEXT + 1));
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a character written as a surrogate pair', () => {
    const text = `${'x'.repeat(MAX_CELL_TEXT - 2)}😀😀😀`;
    const cut = cellText(text);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cut).toBe(`${'x'.repeat(MAX_CELL_TEXT - 2)}…`);
    expect(/[\ud800-\udbff]$/.test(cut.slice(0, -1))).toBe(false);
  });

  it('is applied where both hosts write a cell', async () => {
    const long = `Ghi chú: ${'lý do chậm '.repeat(5000)}`;
    const spec: SheetSpec = {
      name: 'T', columns: [], blocks: [{ at: 'A1', rows: [[long, 'ngắn']] }], styles: {}, styleRanges: [], merges: [], validations: [], conditionalFormats: [],
    };
    const wb = new ExcelJS.Workbook();
    const ws = await applySheetSpec(wb, spec);
    const written = ws.getCell('A1').value as string;
    expect(written).toHaveLength(MAX_CELL_TEXT);
    expect(written.endsWith('…')).toBe(true);
    expect(ws.getCell('B1').value).toBe('ngắn');
    const input = excelInput(long) as string;
    expect(input).toHaveLength(MAX_CELL_TEXT);
    expect(excelInput(`=${long}`)).toBe(`'${cellText(`=${long}`)}`);
  });
});
