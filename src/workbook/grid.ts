/**
 * A sheet read back from a host: its used values as a 2-D array (dates as Excel serial numbers), anchored at A1.
 */
export type GridValue = string | number | boolean | null;

export interface Grid {
  readonly name: string;
  /** values[r][c] is the cell at row r+1, column c+1. Trailing empty rows/columns may be absent. */
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

export function isEmptyValue(v: GridValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function gridRowCount(grid: Grid): number {
  return grid.values.length;
}
