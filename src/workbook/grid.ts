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
  return v === null ? '' : String(v).normalize('NFC');
}

/**
 * Calls `fn` with the column (1-based) of each cell present in sheet row `row`, in order, until it returns true.
 * Only the indexes present in a possibly sparse array are visited: a for…in over an array lists only the elements
 * present (in index order), which for a sparse array is far faster than counting up to its length.
 */
export function forEachCell(grid: Grid, row: number, fn: (col: number, value: GridValue) => boolean | void): void {
  const cells = grid.values[row - 1];
  if (!cells) return;
  for (const key in cells) {
    const i = Number(key);
    if (Number.isInteger(i) && fn(i + 1, cells[i] ?? null) === true) return;
  }
}

/** Calls `fn` with each sheet row (1-based) present in the grid from row `from` on, in order, until it returns true. */
export function forEachRow(grid: Grid, from: number, fn: (row: number) => boolean | void): void {
  const rows = grid.values;
  for (const key in rows) {
    const i = Number(key);
    if (Number.isInteger(i) && i + 1 >= from && fn(i + 1) === true) return;
  }
}

export function isEmptyValue(v: GridValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function gridRowCount(grid: Grid): number {
  return grid.values.length;
}
