/**
 * The table sheets of consolidation: a title, a subtitle, a header row (with an optional line of short notes over it)
 * and rows, with the styles, heights, freeze and print setup every such sheet shares.
 */
import { columnLetter } from './a1';
import { rowHeightFor } from './text-metrics';
import type { CellValue, ConditionalFormat, SheetSpec } from './sheet-spec';

/** The size of the short notes over a table's headings. */
export const NOTE_FONT_SIZE = 9;

export const BASE_STYLES: SheetSpec['styles'] = {
  title: { bold: true, fontSize: 13, fontColor: '#0F3D73' },
  subtitle: { italic: true, fontSize: 10, fontColor: '#424242', wrap: true, vAlign: 'top' },
  header: { bold: true, fill: '#0F6CBD', fontColor: '#FFFFFF', wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin' },
  body: { border: 'thin', fontSize: 10, vAlign: 'top', wrap: true },
  center: { hAlign: 'center' },
  text: { numberFormat: '@' },
  date: { numberFormat: 'dd/mm/yyyy', hAlign: 'center' },
  received: { numberFormat: 'dd/mm/yyyy', hAlign: 'center', fill: '#FFF9E5' },
  admit: { hAlign: 'center', fill: '#FFF9E5' },
  number: { numberFormat: '#,##0', hAlign: 'right' },
  total: { bold: true, fill: '#F3F2F1', border: 'thin' },
  paragraph: { wrap: true, vAlign: 'top', fontSize: 12 },
  strong: { bold: true, fontSize: 12 },
  headerNote: { italic: true, fontSize: NOTE_FONT_SIZE, fontColor: '#424242', wrap: true, vAlign: 'bottom', border: 'thin' },
};

export interface Table {
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly headers: readonly string[];
  readonly widths: readonly number[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly columnStyles?: readonly (string | undefined)[];
  readonly orientation?: 'portrait' | 'landscape';
  readonly conditionalFormats?: (firstRow: number, lastRow: number) => ConditionalFormat[];
  readonly tabColor?: string;
  readonly footerRows?: readonly (readonly CellValue[])[];
  /**
   * Too wide for one page at a readable size: printed at 100 % across as many landscape pages as it needs, the
   * heading row and the first `leadColumns` columns repeated on each (and frozen on screen).
   */
  readonly paged?: { readonly leadColumns: number };
  /** A line over the headings (what each column is, in short), printed with them on every page. */
  readonly headerNotes?: readonly (string | null)[];
}

export const NOTE_ROW = 3;

export const HEADER_ROW = 4;

/**
 * The height one cell's text needs, remembered for the table (a status, a date text or an agency's name comes back
 * row after row): a row's height is its tallest cell's, as rowHeightFor gives it for the whole row.
 */
function cellHeights(): (text: string, width: number) => number {
  const known = new Map<number, Map<string, number>>();
  return (text, width) => {
    let byText = known.get(width);
    if (!byText) {
      byText = new Map();
      known.set(width, byText);
    }
    let height = byText.get(text);
    if (height === undefined) {
      height = rowHeightFor([{ text, width }]);
      byText.set(text, height);
    }
    return height;
  };
}

export function tableSheet(t: Table): SheetSpec {
  const lastCol = columnLetter(t.headers.length);
  const first = HEADER_ROW + 1;
  const last = Math.max(first, HEADER_ROW + t.rows.length);
  const styleRanges = [
    { range: `A1:${lastCol}1`, style: 'title' },
    { range: `A2:${lastCol}2`, style: 'subtitle' },
    { range: `A${HEADER_ROW}:${lastCol}${HEADER_ROW}`, style: 'header' },
    ...(t.headerNotes ? [{ range: `A${NOTE_ROW}:${lastCol}${NOTE_ROW}`, style: 'headerNote' }] : []),
    { range: `A${first}:${lastCol}${last}`, style: 'body' },
  ];
  (t.columnStyles ?? []).forEach((style, i) => {
    if (style) styleRanges.push({ range: `${columnLetter(i + 1)}${first}:${columnLetter(i + 1)}${last}`, style });
  });
  const footerAt = last + 1;
  if (t.footerRows && t.footerRows.length > 0) {
    styleRanges.push({ range: `A${footerAt}:${lastCol}${footerAt + t.footerRows.length - 1}`, style: 'total' });
  }
  const cellHeight = cellHeights();
  const heights = t.rows.map((row, i) => {
    let height = 0;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      height = Math.max(height, cellHeight(typeof v === 'string' ? v : '', t.widths[j] ?? 10));
    }
    return { row: first + i, height: row.length === 0 ? rowHeightFor([]) : height };
  });
  return {
    name: t.name,
    tabColor: t.tabColor ?? '#0F6CBD',
    columns: t.widths.map((width) => ({ width })),
    rowHeights: [
      { row: 2, height: rowHeightFor([{ text: t.subtitle, width: t.widths.reduce((a, b) => a + b, 0) }]) },
      { row: HEADER_ROW, height: rowHeightFor(t.headers.map((h, j) => ({ text: h, width: t.widths[j] ?? 10 }))) },
      ...(t.headerNotes
        ? [{ row: NOTE_ROW, height: rowHeightFor(t.headerNotes.map((h, j) => ({ text: h ?? '', width: t.widths[j] ?? 10 })), NOTE_FONT_SIZE) }]
        : []),
      ...heights,
    ],
    blocks: [
      { at: 'A1', rows: [[t.title]] },
      { at: 'A2', rows: [[t.subtitle]] },
      ...(t.headerNotes ? [{ at: `A${NOTE_ROW}`, rows: [t.headerNotes] }] : []),
      { at: `A${HEADER_ROW}`, rows: [t.headers] },
      ...(t.rows.length > 0 ? [{ at: `A${first}`, rows: t.rows }] : []),
      ...(t.footerRows && t.footerRows.length > 0 ? [{ at: `A${footerAt}`, rows: t.footerRows }] : []),
    ],
    styles: BASE_STYLES,
    styleRanges,
    merges: [`A1:${lastCol}1`, `A2:${lastCol}2`],
    validations: [],
    conditionalFormats: t.conditionalFormats ? t.conditionalFormats(first, last) : [],
    freeze: { rows: HEADER_ROW, columns: t.paged?.leadColumns ?? 0 },
    print: t.paged
      ? {
          orientation: 'landscape',
          paper: 'A4',
          fitToWidth: false,
          titleRows: `${t.headerNotes ? NOTE_ROW : HEADER_ROW}:${HEADER_ROW}`,
          titleColumns: `A:${columnLetter(t.paged.leadColumns)}`,
        }
      : { orientation: t.orientation ?? 'landscape', paper: 'A4', fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  };
}
