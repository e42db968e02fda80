/**
 * A sheet read back from a host: its used values as a 2-D array (dates as Excel serial numbers), anchored at A1.
 * The arrays may be sparse (a file reader stores only the cells present: a stray value at XFD1048576 is one entry,
 * not a billion), so read cells with `gridValue`/`gridText` and walk a row's cells with `forEachCell`, never by
 * counting up to a row's length.
 */
export type GridValue = string | number | boolean | null;

export interface Grid {
  readonly name: string;
  /** values[r][c] is the cell at row r+1, column c+1. Empty rows and cells may be absent (holes). */
  readonly values: readonly (readonly GridValue[])[];
  /** Formulas where the host could read them (same shape as values, null where the cell holds a constant). */
  readonly formulas?: readonly (readonly (string | null)[])[];
}

export function gridValue(grid: Grid, row: number, col: number): GridValue {
  return grid.values[row - 1]?.[col - 1] ?? null;
}

export function gridText(grid: Grid, row: number, col: number): string {
  const v = gridValue(grid, row, col);
  // Only text can be in another normal form; a number or TRUE/FALSE reads the same either way.
  return v === null ? '' : typeof v === 'string' ? v.normalize('NFC') : String(v);
}

/**
 * Arrays up to this long are walked by index, holes skipped (a form's row, a tracker's rows); longer ones — a sparse
 * array with a stray cell far out — by for…in, which lists only the elements present (in index order) but costs
 * about ten times as much per element (a string key each).
 */
const WALK_BY_INDEX = 4_096;

/** Calls `fn` with each index of `a` holding an element, in order, until it returns true. */
function forEachPresent<T>(a: readonly T[], from: number, fn: (i: number, value: T) => boolean | void): void {
  if (a.length <= WALK_BY_INDEX) {
    for (let i = Math.max(0, from); i < a.length; i++) {
      const v = a[i] as T;
      if (v === undefined && !(i in a)) continue;
      if (fn(i, v) === true) return;
    }
    return;
  }
  for (const key in a) {
    const i = Number(key);
    if (Number.isInteger(i) && i >= from && fn(i, a[i] as T) === true) return;
  }
}

/**
 * Calls `fn` with the column (1-based) of each cell present in sheet row `row`, in order, until it returns true: only
 * the cells present in a possibly sparse row are visited.
 */
export function forEachCell(grid: Grid, row: number, fn: (col: number, value: GridValue) => boolean | void): void {
  const cells = grid.values[row - 1];
  if (cells) forEachPresent(cells, 0, (i, v) => fn(i + 1, v ?? null));
}

/** Calls `fn` with each sheet row (1-based) present in the grid from row `from` on, in order, until it returns true. */
export function forEachRow(grid: Grid, from: number, fn: (row: number) => boolean | void): void {
  forEachPresent(grid.values, from - 1, (i) => fn(i + 1));
}

export function isEmptyValue(v: GridValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function gridRowCount(grid: Grid): number {
  return grid.values.length;
}
