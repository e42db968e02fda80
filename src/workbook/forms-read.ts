/**
 * Reading a report form back from a sheet (Grid → figures). The table is found by its anchors — the "Mã số" header
 * cell, the numbering row under it ("A", "B", "C", "1", "2 = 3 + 4", …) and the row codes in the "Mã số" column — not
 * by fixed offsets, so a user who inserts a row or a column does not break reading.
 */
import { cellKey, type Cell, type FormValue } from '../domain/form-pack';
import { normaliseName } from '../domain/text';
import { nameKey } from './name-key';
import { cellRef } from './a1';
import { forEachCell, forEachRow, type Grid, gridText, gridValue, isEmptyValue } from './grid';
import { CODE_HEADER, FORM_NUMBER_LABEL, NA_MARK, PERIOD_LABEL, REPORTER_LABEL } from './forms';

export interface FormSheetRead {
  /** The form code from the "Biểu số" line, when there is one. */
  readonly code: string | null;
  /** The reporting year from the "Thời điểm/kỳ báo cáo" line. */
  readonly year: number | null;
  /** The text after "Đơn vị báo cáo:" (identifies the agency when the workbook carries no stamp). */
  readonly reporter: string | null;
  readonly headerRow: number;
  readonly numberingRow: number;
  /** Sheet column of the "Mã số" header. */
  readonly codeColumn: number;
  /** Sheet column of each numbered column. */
  readonly columns: ReadonlyMap<number, number>;
  /** Sheet row of each row code. */
  readonly rows: ReadonlyMap<string, number>;
  /**
   * The figures typed in the table, by `cellKey` (row code, column number): non-empty cells that hold no formula
   * and not the "x" mark. Values are kept raw: text typed in a figure cell stays text, for validation to report.
   */
  readonly values: ReadonlyMap<string, FormValue>;
  /** Where each value was read, by `cellKey`. */
  readonly addresses: ReadonlyMap<string, string>;
  /**
   * Formulas typed in input cells (when the caller says which cells are inputs), by `cellKey`: the formula and the
   * result the file keeps for it (null when it keeps none or an empty one: readers differ on an empty result). A kept
   * result is also among `values`.
   */
  readonly formulaInputs: ReadonlyMap<string, { readonly formula: string; readonly value: FormValue; readonly address: string }>;
}

const SCAN_ROWS = 60;
const CODE_KEY = normaliseName(CODE_HEADER);

function numberingNo(text: string): number | null {
  const m = /^\s*(\d{1,2})\s*(?:=.*)?$/.exec(text);
  return m ? Number(m[1]) : null;
}

function rowCodeOf(v: FormValue): string | null {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 1000) return String(v).padStart(2, '0');
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^\d{1,3}$/.test(t)) return t.padStart(2, '0');
  }
  return null;
}

function labelledText(grid: Grid, lastRow: number, label: string): string | null {
  const key = nameKey(label);
  let found: string | null = null;
  for (let r = 1; r <= lastRow && found === null; r++) {
    forEachCell(grid, r, (c, v) => {
      if (!nameKey(v === null ? '' : String(v)).startsWith(key)) return false;
      const text = gridText(grid, r, c);
      found = text.slice(text.indexOf(':') + 1).trim();
      return true;
    });
  }
  return found;
}

/**
 * Finds a report form in a grid; null when the grid holds none. `isInput` tells the cells the agency types figures in:
 * a formula there (a clerk's "=5+3") is read by the result the file keeps; formulas elsewhere (the totals) are skipped.
 */
export function readFormSheet(grid: Grid, isInput?: (cell: Cell) => boolean): FormSheetRead | null {
  let headerRow = 0;
  let codeColumn = 0;
  for (let r = 1; r <= Math.min(grid.values.length, SCAN_ROWS) && headerRow === 0; r++) {
    forEachCell(grid, r, (c, v) => {
      // Only a text can read "Mã số" (normalising would give the same key for the text of gridText).
      if (typeof v !== 'string' || nameKey(v) !== CODE_KEY) return false;
      headerRow = r;
      codeColumn = c;
      return true;
    });
  }
  if (headerRow === 0) return null;

  // The numbering row: the first row under the header that numbers column 1.
  let numberingRow = 0;
  const columns = new Map<number, number>();
  for (let r = headerRow + 1; r <= Math.min(grid.values.length, headerRow + 5) && numberingRow === 0; r++) {
    const found = new Map<number, number>();
    forEachCell(grid, r, (c) => {
      const no = c > codeColumn ? numberingNo(gridText(grid, r, c)) : null;
      if (no !== null && !found.has(no)) found.set(no, c);
    });
    if (found.has(1)) {
      numberingRow = r;
      for (const [no, c] of found) columns.set(no, c);
    }
  }
  if (numberingRow === 0) return null;

  const rows = new Map<string, number>();
  forEachRow(grid, numberingRow + 1, (r) => {
    const code = rowCodeOf(gridValue(grid, r, codeColumn));
    if (code !== null && !rows.has(code)) rows.set(code, r);
  });

  const values = new Map<string, FormValue>();
  const addresses = new Map<string, string>();
  const formulaInputs = new Map<string, { formula: string; value: FormValue; address: string }>();
  for (const [code, r] of rows) {
    for (const [no, c] of columns) {
      const v = gridValue(grid, r, c);
      const formula = grid.formulas?.[r - 1]?.[c - 1];
      // Most cells of a table are empty: nothing is built for them.
      if (!formula && isEmptyValue(v)) continue;
      const cell = { row: code, col: no };
      const key = cellKey(cell);
      if (formula) {
        if (!isInput?.(cell)) continue;
        formulaInputs.set(key, { formula, value: isEmptyValue(v) ? null : v, address: cellRef(r, c) });
      }
      if (isEmptyValue(v)) continue;
      if (typeof v === 'string' && v.trim().toLowerCase() === NA_MARK) continue;
      values.set(key, typeof v === 'string' ? v.normalize('NFC') : v);
      addresses.set(key, cellRef(r, c));
    }
  }

  const numberText = labelledText(grid, headerRow - 1, FORM_NUMBER_LABEL);
  const code = numberText === null ? null : (/^(\d{4})\b/.exec(numberText)?.[1] ?? null);
  const period = labelledText(grid, headerRow - 1, PERIOD_LABEL);
  const yearMatch = period === null ? null : /\d{1,2}\/\d{1,2}\/(\d{4})/.exec(period);
  return {
    code,
    year: yearMatch ? Number(yearMatch[1]) : null,
    reporter: labelledText(grid, headerRow - 1, REPORTER_LABEL),
    headerRow,
    numberingRow,
    codeColumn,
    columns,
    rows,
    values,
    addresses,
    formulaInputs,
  };
}
