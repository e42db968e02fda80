import { describe, expect, it } from 'vitest';
import { usedRangeToGrid } from '../../../src/hosts/excel/read-grid';

describe('usedRangeToGrid', () => {
  it('anchors the used range at A1, empty cells as null, formulas where the cell has one', () => {
    const grid = usedRangeToGrid('S', {
      rowIndex: 1,
      columnIndex: 2,
      values: [
        ['a', '', 3],
        [true, '=x', '#N/A'],
      ],
      formulas: [
        ['a', '', '=1+2'],
        [true, '=x', '=NA()'],
      ],
    });
    expect(grid).toEqual({
      name: 'S',
      values: [
        [null, null, null, null, null],
        [null, null, 'a', null, 3],
        [null, null, true, '=x', '#N/A'],
      ],
      formulas: [
        [null, null, null, null, null],
        [null, null, null, null, '=1+2'],
        [null, null, null, null, '=NA()'],
      ],
    });
  });

  it('an empty sheet is an empty grid', () => {
    expect(usedRangeToGrid('S', null)).toEqual({ name: 'S', values: [], formulas: [] });
  });
});
