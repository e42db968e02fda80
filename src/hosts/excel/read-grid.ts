/**
 * A used range as Office.js returns it → a Grid anchored at A1, the same shape the file host reads.
 *
 * Excel reports an empty cell as "" (null here), dates as serial numbers (already what a Grid holds) and errors as
 * their text ("#N/A"). `formulas` holds "=…" for a formula cell and the constant otherwise; a text cell that starts
 * with "=" (kept as text by an apostrophe) reads the same in both arrays, which is how it is told from a formula.
 */
import type { Grid, GridValue } from '../../workbook/grid';

export interface UsedRangeData {
  /** Zero-based row and column of the used range's top-left cell. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
}

function gridValue(v: unknown): GridValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export function formulaOf(f: unknown, v: unknown): string | null {
  if (typeof f !== 'string' || !f.startsWith('=') || f.length < 2) return null;
  return typeof v === 'string' && v === f ? null : f;
}

/** The grid of a sheet whose used range (values only) is `used`; an empty sheet when `used` is null. */
export function usedRangeToGrid(name: string, used: UsedRangeData | null): Grid {
  if (used === null) return { name, values: [], formulas: [] };
  const width = used.columnIndex + Math.max(0, ...used.values.map((r) => r.length));
  const blank = (): null[] => Array.from({ length: width }, () => null);
  const values: GridValue[][] = Array.from({ length: used.rowIndex }, blank);
  const formulas: (string | null)[][] = Array.from({ length: used.rowIndex }, blank);
  used.values.forEach((row, i) => {
    const lead: null[] = Array.from({ length: used.columnIndex }, () => null);
    const fs = used.formulas[i] ?? [];
    values.push([...lead, ...row.map(gridValue)]);
    formulas.push([...lead, ...row.map((v, j) => formulaOf(fs[j], v))]);
  });
  return { name, values, formulas };
}
