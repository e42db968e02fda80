/**
 * The columns Sở Nội vụ types into on "Theo dõi nộp báo cáo" ("Ngày nhận", "Cho tính vào tổng hợp"), read back before
 * every re-run the same way: the header row found by its headers within the first 20 rows, then each typed cell of a
 * column by the agency code on its row.
 */
import { normaliseName } from '../domain/text';
import { cellRef } from './a1';
import { type Grid, type GridValue, forEachCell, forEachRow, gridText, gridValue, isEmptyValue } from './grid';

export const CODE_HEADER = 'Mã đơn vị';

/** The header row, its "Mã đơn vị" column and each column looked for (0 when an optional one is absent). */
export type HeaderColumns<K extends string> = { readonly row: number; readonly code: number } & Readonly<Record<K, number>>;

/**
 * The first row (within 20) holding "Mã đơn vị" and a header that `tests[required]` accepts; `tests` tell each column
 * by its header (normalised), the first that accepts it wins.
 */
export function findHeaderRow<K extends string>(
  grid: Grid,
  tests: Readonly<Record<K, (header: string) => boolean>>,
  required: NoInfer<K>,
): HeaderColumns<K> | null {
  const codeKey = normaliseName(CODE_HEADER);
  const keys = Object.keys(tests) as K[];
  let found: HeaderColumns<K> | null = null;
  forEachRow(grid, 1, (r) => {
    if (r > 20) return true;
    let code = 0;
    const cols = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    forEachCell(grid, r, (c) => {
      const h = normaliseName(gridText(grid, r, c));
      if (h === codeKey) code = c;
      else {
        const k = keys.find((key) => tests[key](h));
        if (k !== undefined) cols[k] = c;
      }
    });
    if (code > 0 && cols[required] > 0) found = { row: r, code, ...cols };
    return found !== null;
  });
  return found;
}

export interface TypedCells<E> {
  /** Agency code (upper case) → what was typed. */
  readonly entries: ReadonlyMap<string, E>;
  /** Cells whose content could not be understood: the cell, the agency and the text. */
  readonly unreadable: readonly { readonly cell: string; readonly code: string; readonly text: string }[];
}

/**
 * Every non-empty cell of column `col` below the header row, on a row with an agency code: `read` gives its entry and
 * whether it was understood (if not, it is listed as unreadable too).
 */
export function readTypedCells<E>(
  grid: Grid,
  at: { readonly row: number; readonly code: number },
  col: number,
  read: (value: GridValue, cell: string, row: number) => { readonly entry: E; readonly understood: boolean },
): TypedCells<E> {
  const entries = new Map<string, E>();
  const unreadable: { cell: string; code: string; text: string }[] = [];
  forEachRow(grid, at.row + 1, (r) => {
    const code = gridText(grid, r, at.code).trim();
    const value = gridValue(grid, r, col);
    if (code === '' || isEmptyValue(value)) return;
    const cell = cellRef(r, col);
    const { entry, understood } = read(value, cell, r);
    if (!understood) unreadable.push({ cell, code, text: String(value) });
    entries.set(code.toUpperCase(), entry);
  });
  return { entries, unreadable };
}
