import { describe, expect, it } from 'vitest';
import { assertSheetSpec, listSource, MAX_LIST_LITERAL, type SheetSpec, type Validation } from '../../src/workbook/sheet-spec';

const spec = (validations: Validation[]): SheetSpec => ({
  name: 'S', columns: [], blocks: [], styles: {}, styleRanges: [], merges: [], validations, conditionalFormats: [],
});
const list = (range: string, values: string[], source?: { sheet: string; range: string }): Validation => ({
  range, rule: { type: 'list', values, ...(source ? { source } : {}) }, allowBlank: true,
});

describe('list sources a host can write faithfully', () => {
  it('writes a plain list literally', () => {
    expect(listSource({ type: 'list', values: ['Có', 'Không'] })).toEqual({ kind: 'literal', text: 'Có,Không' });
  });

  it('refuses a literal item with a comma (Excel would split it) and a literal source over 255 characters', () => {
    expect(() => listSource({ type: 'list', values: ['Sở, ban, ngành', 'Xã'] })).toThrow(/comma/);
    const long = Array.from({ length: 40 }, (_, i) => `Loại đơn vị ${i}`);
    expect(long.join(',').length).toBeGreaterThan(MAX_LIST_LITERAL);
    expect(() => listSource({ type: 'list', values: long })).toThrow(/255/);
  });

  it('refers to cells, sheet-qualified and absolute, when the list has a source', () => {
    const rule = { type: 'list' as const, values: ['Sở, ban, ngành', 'Xã'], source: { sheet: '_vtlt_lists', range: 'A1:A2' } };
    expect(listSource(rule)).toEqual({ kind: 'range', ref: '_vtlt_lists!$A$1:$A$2' });
    expect(listSource({ ...rule, source: { sheet: 'Danh sách', range: 'B3:E3' } })).toEqual({ kind: 'range', ref: "'Danh sách'!$B$3:$E$3" });
    expect(() => listSource({ ...rule, source: { sheet: 'L', range: 'A1:B2' } })).toThrow(/one row or one column/);
  });

  it('refuses a spec with a cell under two validations, or an unwritable list', () => {
    expect(() => assertSheetSpec(spec([list('H8:H22', ['a']), list('H10:H30', ['b'])]))).toThrow(/H8:H22 and H10:H30 overlap/);
    expect(() => assertSheetSpec(spec([list('A1', ['x, y'])]))).toThrow(/comma/);
    expect(() => assertSheetSpec(spec([list('H8:H22', ['a']), list('I8:I22', ['b'])]))).not.toThrow();
  });
});
