/**
 * A record the add-in keeps in a workbook so a change can be undone later ("Tô màu lỗi", "Chuyển sang Unicode"): a
 * very hidden sheet with a note in A1, headers in row 2 and one entry a row from row 3, all as text.
 */
import { columnLetter } from './a1';
import type { CellValue, SheetSpec } from './sheet-spec';

/** The row of a record sheet's first entry. */
export const FIRST_RECORD_ROW = 3;

export function recordSheet(
  name: string,
  note: string,
  headers: readonly string[],
  widths: readonly number[],
  rows: readonly (readonly CellValue[])[],
): SheetSpec {
  const lastRow = FIRST_RECORD_ROW - 1 + Math.max(1, rows.length);
  const lastCol = columnLetter(headers.length);
  return {
    name,
    visibility: 'veryHidden',
    columns: widths.map((width) => ({ width })),
    blocks: [
      { at: 'A1', rows: [[note]] },
      { at: 'A2', rows: [[...headers]] },
      { at: `A${FIRST_RECORD_ROW}`, rows },
    ],
    styles: { text: { numberFormat: '@' }, header: { bold: true } },
    styleRanges: [
      { range: `A${FIRST_RECORD_ROW}:${lastCol}${lastRow}`, style: 'text' },
      { range: `A2:${lastCol}2`, style: 'header' },
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}
