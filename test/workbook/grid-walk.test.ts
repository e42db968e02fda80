/**
 * Walking a grid's cells and rows: a short row is walked by index (holes skipped), a long sparse one by the elements
 * present; both give the same cells in the same order, an explicit empty cell (null) included, and stop when told.
 */
import { describe, expect, it } from 'vitest';
import { forEachCell, forEachRow, type Grid, type GridValue } from '../../src/workbook/grid';

function cellsOf(grid: Grid, row: number, stopAt?: number): [number, GridValue][] {
  const out: [number, GridValue][] = [];
  forEachCell(grid, row, (col, v) => {
    out.push([col, v]);
    return col === stopAt;
  });
  return out;
}

/** A copy keeping the holes (spreading an array would fill them with undefined). */
function holeyCopy<T>(a: readonly T[]): T[] {
  const out: T[] = [];
  a.forEach((v, i) => {
    out[i] = v;
  });
  return out;
}

function rowsOf(grid: Grid, from: number, stopAt?: number): number[] {
  const out: number[] = [];
  forEachRow(grid, from, (r) => {
    out.push(r);
    return r === stopAt;
  });
  return out;
}

describe('walking a grid', () => {
  const short: GridValue[] = [];
  short[1] = 'B';
  short[2] = null;
  short[4] = 0;
  short[9] = false;
  const long: GridValue[] = holeyCopy(short);
  long[16_383] = 'XFD';

  it('gives the cells present, in order, with explicit empty cells and without holes, short or long', () => {
    const grid: Grid = { name: 'S', values: [short, long] };
    expect(cellsOf(grid, 1)).toEqual([[2, 'B'], [3, null], [5, 0], [10, false]]);
    expect(cellsOf(grid, 2)).toEqual([[2, 'B'], [3, null], [5, 0], [10, false], [16_384, 'XFD']]);
    expect(cellsOf(grid, 3)).toEqual([]);
  });

  it('stops at the cell the callback says', () => {
    const grid: Grid = { name: 'S', values: [short, long] };
    expect(cellsOf(grid, 1, 5)).toEqual([[2, 'B'], [3, null], [5, 0]]);
    expect(cellsOf(grid, 2, 5)).toEqual([[2, 'B'], [3, null], [5, 0]]);
  });

  it('gives the rows present from the row asked, in order, for a short grid and a sparse one', () => {
    const rows: GridValue[][] = [];
    rows[0] = ['a'];
    rows[3] = ['b'];
    rows[6] = [];
    expect(rowsOf({ name: 'S', values: rows }, 1)).toEqual([1, 4, 7]);
    expect(rowsOf({ name: 'S', values: rows }, 2)).toEqual([4, 7]);
    expect(rowsOf({ name: 'S', values: rows }, 1, 4)).toEqual([1, 4]);
    const sparse: GridValue[][] = holeyCopy(rows);
    sparse[1_048_575] = ['z'];
    expect(rowsOf({ name: 'S', values: sparse }, 1)).toEqual([1, 4, 7, 1_048_576]);
    expect(rowsOf({ name: 'S', values: sparse }, 5)).toEqual([7, 1_048_576]);
  });
});
