/**
 * The statistical report forms (domain.md §5): one sheet per form, named by its code. Layout: domain → SheetSpec.
 *
 *   1  Biểu số: 0804.N/BNV-VTLT                 │ Đơn vị báo cáo: <agency> (mã <code>)
 *   2  <the circular that issued it>            │ Đơn vị nhận báo cáo: Sở Nội vụ
 *   3  Ngày nhận báo cáo: …                     │
 *   5  TITLE (centred)
 *   6  Thời điểm/kỳ báo cáo: 01/01/YYYY – 31/12/YYYY
 *   7  (the reference-pack notice)
 *   8                                                              Đơn vị tính: …
 *   9  Chỉ tiêu │ Mã số │ Đơn vị tính │ column labels (under a group heading when the columns have one)
 *      A        │ B     │ C           │ 1 = 2 + 3 │ 2 │ 3          ← numbering row, with the arithmetic
 *      rows: indicator, row code, unit, figures (inputs; totals as formulas; "x" where no figure is taken)
 *      legend, then the place-and-date line and the two signature blocks
 *
 * Totals are formulas generated from the pack's sum rules; input cells are unlocked and validated, everything else
 * is locked by sheet protection without a password. Check-only rules (a ≤ b, a second breakdown of a total) colour
 * the offending cell, from the same rule instances the checker in domain/form-pack.ts uses.
 */
import {
  type Cell,
  cellKey,
  columnCaption,
  type Form,
  type FormModel,
  formModel,
  formNumber,
  type FormPack,
  type FormValues,
  type ValueKind,
} from '../domain/form-pack';
import { cellRef, columnLetter, rangeRef } from './a1';
import type { CellValue, ConditionalFormat, SheetSpec, StyleRange, Validation } from './sheet-spec';
import { footerLayout, type FormFooterCells, type FormFooterText } from './forms-footer';
import { rowHeightFor } from './text-metrics';

export const FORM_NUMBER_LABEL = 'Biểu số';
export const REPORTER_LABEL = 'Đơn vị báo cáo';
export const RECIPIENT_LABEL = 'Đơn vị nhận báo cáo';
export const RECEIPT_LABEL = 'Ngày nhận báo cáo';
export const PERIOD_LABEL = 'Thời điểm/kỳ báo cáo';
export const UNIT_LABEL = 'Đơn vị tính';
export const CODE_HEADER = 'Mã số';
export const DEFAULT_INDICATOR_HEADER = 'Chỉ tiêu';
/** The mark of a cell that takes no figure. */
export const NA_MARK = 'x';
export const LEGEND_TEXT =
  `Ô đánh dấu "${NA_MARK}": không có số liệu. Ô chưa có số liệu để trống (không báo cáo); có số liệu bằng 0 thì nhập 0. ` +
  'Ô tô đỏ: số liệu chưa thỏa quy tắc kiểm tra của biểu (ví dụ số "trong đó" lớn hơn tổng số, hoặc tổng số khác tổng các thành phần).';

const ROW_FORM_NUMBER = 1;
const ROW_BASIS = 2;
const ROW_RECEIPT = 3;
const ROW_TITLE = 5;
const ROW_PERIOD = 6;
const ROW_NOTICE = 7;
const ROW_UNIT = 8;
const ROW_HEADER = 9;
/** Columns before the numbered ones: indicator, row code, unit. */
const LEAD_COLUMNS = 3;
/** Sheets wider than this (in character units) print landscape. */
const PORTRAIT_MAX_WIDTH = 110;

export interface FormSheetInput {
  readonly pack: FormPack;
  readonly form: Form;
  readonly agency: { readonly code: string; readonly name: string };
  readonly year: number;
  /** Figures to place in input cells, by `cellKey` (values for other cells are ignored). */
  readonly values?: FormValues;
  /** The clerk's own text under the table, carried over from the previous sheet. */
  readonly footer?: FormFooterText;
}

export interface FormLayout {
  readonly spec: SheetSpec;
  readonly model: FormModel;
  readonly headerRow: number;
  readonly numberingRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  /** Address (A1) of every cell of the table, by `cellKey`. */
  readonly addresses: ReadonlyMap<string, string>;
  /** Number of values written into input cells. */
  readonly placed: number;
  readonly footerCells: FormFooterCells;
}

export function periodText(year: number): string {
  return `${PERIOD_LABEL}: 01/01/${year} – 31/12/${year}`;
}

export function receiptText(pack: FormPack, year: number): string {
  const date = pack.header.receiptDate.replace(/\{year\}/g, String(year)).replace(/\{nextYear\}/g, String(year + 1));
  return `${RECEIPT_LABEL}: ${date}`;
}

export function reporterText(agency: { readonly code: string; readonly name: string }): string {
  return `${REPORTER_LABEL}: ${agency.name} (mã ${agency.code})`;
}

/** "Đơn vị tính: văn bản", or a pointer to column C when rows differ. */
export function unitLine(form: Form): string {
  const units = new Set(form.rows.map((r) => r.unit));
  return units.size === 1 ? `${UNIT_LABEL}: ${form.rows[0]?.unit ?? ''}` : `${UNIT_LABEL}: ghi tại cột C`;
}

function widths(form: Form): { indicator: number; code: number; unit: number; figure: number } {
  const n = form.columns.length;
  if (n === 1) return { indicator: 50, code: 7, unit: 11, figure: 16 };
  if (n <= 4) return { indicator: 40, code: 7, unit: 11, figure: 12 };
  return { indicator: 30, code: 7, unit: 11, figure: 10 };
}

const NUMBER_FORMATS: Readonly<Record<ValueKind, string>> = { whole: '#,##0', decimal: '#,##0.0##' };

/** References to `cells` for a formula, runs of adjacent cells written as ranges ("D12:D17"), in sheet order. */
export function formulaRefs(cells: readonly Cell[], addressOf: (c: Cell) => { row: number; col: number }): string {
  const key = (row: number, col: number) => `${row}:${col}`;
  const left = new Map(cells.map(addressOf).map((p) => [key(p.row, p.col), p]));
  const ranges: { top: number; left: number; bottom: number; right: number }[] = [];
  const take = (top: number, l: number, bottom: number, r: number) => {
    for (let row = top; row <= bottom; row++) for (let col = l; col <= r; col++) left.delete(key(row, col));
    ranges.push({ top, left: l, bottom, right: r });
  };
  // Runs down a column first (a row sum), then runs along a row (a column sum), then single cells.
  for (const p of [...left.values()].sort((a, b) => a.col - b.col || a.row - b.row)) {
    if (!left.has(key(p.row, p.col))) continue;
    let end = p.row;
    while (left.has(key(end + 1, p.col))) end++;
    if (end > p.row) take(p.row, p.col, end, p.col);
  }
  for (const p of [...left.values()].sort((a, b) => a.row - b.row || a.col - b.col)) {
    if (!left.has(key(p.row, p.col))) continue;
    let end = p.col;
    while (left.has(key(p.row, end + 1))) end++;
    take(p.row, p.col, p.row, end);
  }
  return ranges
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((g) => rangeRef(g.top, g.left, g.bottom, g.right))
    .join(',');
}

/** The formula of a total: empty while no part is reported, otherwise the sum of its parts. */
export function totalFormula(refs: string): string {
  return `=IF(COUNT(${refs})=0,"",SUM(${refs}))`;
}

function tol(kind: ValueKind): string {
  return kind === 'decimal' ? '>0.001' : '>0';
}

export function formSheetLayout(input: FormSheetInput): FormLayout {
  const { pack, form, agency, year } = input;
  const model = formModel(form, pack.units);
  const w = widths(form);
  const nCols = form.columns.length;
  const lastCol = LEAD_COLUMNS + nCols;
  const last = columnLetter(lastCol);
  const full = (r: number) => `A${r}:${last}${r}`;
  const right = (r: number) => `B${r}:${last}${r}`;
  const rightWidth = w.code + w.unit + w.figure * nCols;
  const totalWidth = w.indicator + rightWidth;
  const figureCol = (no: number) => LEAD_COLUMNS + no;

  const blocks: { at: string; rows: CellValue[][] }[] = [];
  const styleRanges: StyleRange[] = [];
  const merges: string[] = [];
  const heights: { row: number; height: number }[] = [];
  const put = (row: number, col: number, value: CellValue) => blocks.push({ at: cellRef(row, col), rows: [[value]] });

  // Heading: form number, circular, receipt date on the left; reporting and receiving units on the right.
  const numberText = `${FORM_NUMBER_LABEL}: ${formNumber(pack, form)}`;
  const reporter = reporterText(agency);
  const recipient = `${RECIPIENT_LABEL}: ${pack.header.recipient}`;
  const receipt = receiptText(pack, year);
  put(ROW_FORM_NUMBER, 1, numberText);
  put(ROW_BASIS, 1, pack.header.basisLine);
  put(ROW_RECEIPT, 1, receipt);
  put(ROW_FORM_NUMBER, 2, reporter);
  put(ROW_BASIS, 2, recipient);
  merges.push(right(ROW_FORM_NUMBER), right(ROW_BASIS), right(ROW_RECEIPT));
  styleRanges.push(
    { range: `A${ROW_FORM_NUMBER}`, style: 'formNumber' },
    { range: `A${ROW_BASIS}`, style: 'basis' },
    { range: `A${ROW_RECEIPT}`, style: 'headLeft' },
    { range: `B${ROW_FORM_NUMBER}:${last}${ROW_RECEIPT}`, style: 'headRight' },
  );
  heights.push(
    { row: ROW_FORM_NUMBER, height: rowHeightFor([{ text: numberText, width: w.indicator }, { text: reporter, width: rightWidth }]) },
    { row: ROW_BASIS, height: rowHeightFor([{ text: pack.header.basisLine, width: w.indicator }, { text: recipient, width: rightWidth }]) },
    { row: ROW_RECEIPT, height: rowHeightFor([{ text: receipt, width: w.indicator }]) },
    { row: ROW_RECEIPT + 1, height: 8 },
  );

  // Title, period, notice, unit of measure.
  const title = form.title.toLocaleUpperCase('vi');
  put(ROW_TITLE, 1, title);
  put(ROW_PERIOD, 1, periodText(year));
  if (pack.notice !== null) put(ROW_NOTICE, 1, `(${pack.notice})`);
  put(ROW_UNIT, 1, unitLine(form));
  merges.push(full(ROW_TITLE), full(ROW_PERIOD), full(ROW_NOTICE), full(ROW_UNIT));
  styleRanges.push(
    { range: full(ROW_TITLE), style: 'title' },
    { range: full(ROW_PERIOD), style: 'period' },
    { range: full(ROW_NOTICE), style: 'notice' },
    { range: full(ROW_UNIT), style: 'unitLine' },
  );
  heights.push({ row: ROW_TITLE, height: Math.max(22, rowHeightFor([{ text: title, width: totalWidth }], 14)) });

  // Table header: labels (under group headings when there are any), then the numbering row.
  const grouped = form.columns.some((c) => c.group !== undefined);
  const headerRows = grouped ? 2 : 1;
  const numberingRow = ROW_HEADER + headerRows;
  const headerBottom = numberingRow - 1;
  const leadHeaders = [form.indicatorHeader ?? DEFAULT_INDICATOR_HEADER, CODE_HEADER, UNIT_LABEL];
  leadHeaders.forEach((text, i) => {
    put(ROW_HEADER, i + 1, text);
    if (grouped) merges.push(rangeRef(ROW_HEADER, i + 1, headerBottom, i + 1));
  });
  const groupHeights: { text: string; width: number }[] = [];
  const labelHeights: { text: string; width: number }[] = [
    { text: leadHeaders[0] ?? '', width: w.indicator },
    { text: CODE_HEADER, width: w.code },
    { text: UNIT_LABEL, width: w.unit },
  ];
  for (let i = 0; i < nCols; ) {
    const column = form.columns[i];
    if (!column) break;
    const col = figureCol(column.no);
    if (column.group === undefined) {
      put(ROW_HEADER, col, column.label);
      if (grouped) merges.push(rangeRef(ROW_HEADER, col, headerBottom, col));
      labelHeights.push({ text: column.label, width: w.figure });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < nCols && form.columns[j + 1]?.group === column.group) j++;
    put(ROW_HEADER, col, column.group);
    if (j > i) merges.push(rangeRef(ROW_HEADER, col, ROW_HEADER, figureCol(form.columns[j]?.no ?? column.no)));
    groupHeights.push({ text: column.group, width: w.figure * (j - i + 1) });
    for (let k = i; k <= j; k++) {
      const c = form.columns[k];
      if (!c) continue;
      put(headerBottom, figureCol(c.no), c.label);
      labelHeights.push({ text: c.label, width: w.figure });
    }
    i = j + 1;
  }
  if (grouped) {
    heights.push({ row: ROW_HEADER, height: rowHeightFor(groupHeights, HEADER_FONT_SIZE) }, { row: headerBottom, height: rowHeightFor(labelHeights, HEADER_FONT_SIZE) });
  } else {
    heights.push({ row: ROW_HEADER, height: rowHeightFor(labelHeights, HEADER_FONT_SIZE) });
  }
  blocks.push({
    at: cellRef(numberingRow, 1),
    rows: [['A', 'B', 'C', ...form.columns.map((c) => columnCaption(form, c.no))]],
  });
  styleRanges.push(
    { range: rangeRef(ROW_HEADER, 1, headerBottom, lastCol), style: 'header' },
    { range: full(numberingRow), style: 'numbering' },
  );
  const captionHeight = rowHeightFor(form.columns.map((c) => ({ text: columnCaption(form, c.no), width: w.figure })), 9);
  heights.push({ row: numberingRow, height: captionHeight });

  // Body.
  const firstDataRow = numberingRow + 1;
  const rowOf = new Map(form.rows.map((r, i) => [r.code, firstDataRow + i]));
  const lastDataRow = firstDataRow + form.rows.length - 1;
  const position = (c: Cell) => ({ row: rowOf.get(c.row) ?? 0, col: figureCol(c.col) });
  const addresses = new Map<string, string>();
  for (const { cell } of model.cells) {
    const p = position(cell);
    addresses.set(cellKey(cell), cellRef(p.row, p.col));
  }
  const address = (c: Cell) => addresses.get(cellKey(c)) ?? 'A1';

  const body: CellValue[][] = [];
  let placed = 0;
  const inputRuns: { row: string; from: number; to: number }[] = [];
  const rowTotals = new Set(model.sums.filter((s) => s.formula && s.target.col === s.parts[0]?.col).map((s) => s.target.row));
  form.rows.forEach((row) => {
    const r = rowOf.get(row.code) ?? 0;
    const line: CellValue[] = [row.label, row.code, row.unit];
    const roleStyles: StyleRange[] = [];
    for (const column of form.columns) {
      const cell = { row: row.code, col: column.no };
      const role = model.roleOf(cell);
      if (role === 'na') line.push(NA_MARK);
      else if (role === 'total') {
        const sum = model.formulaOf(cell);
        line.push({ formula: totalFormula(formulaRefs(sum?.parts ?? [], position)) });
      } else {
        const v = input.values?.get(cellKey(cell)) ?? null;
        if (v !== null && !(typeof v === 'string' && v.trim() === '')) placed++;
        line.push(v);
        const run = inputRuns[inputRuns.length - 1];
        if (run && run.row === row.code && run.to === column.no - 1) run.to = column.no;
        else inputRuns.push({ row: row.code, from: column.no, to: column.no });
      }
      roleStyles.push({ range: cellRef(r, figureCol(column.no)), style: role === 'na' ? 'na' : role === 'total' ? 'total' : 'input' });
    }
    body.push(line);
    styleRanges.push({ range: rangeRef(r, figureCol(1), r, lastCol), style: model.kindOf(row.code) }, ...roleStyles);
    if (row.indent) styleRanges.push({ range: `A${r}`, style: `indent${row.indent}` });
    if (rowTotals.has(row.code)) styleRanges.push({ range: `A${r}`, style: 'totalLabel' });
    heights.push({ row: r, height: rowHeightFor([{ text: row.label, width: w.indicator - 2 * (row.indent ?? 0) }]) });
  });
  blocks.push({ at: cellRef(firstDataRow, 1), rows: body });
  // Body base styles go first so the per-cell styles above refine them.
  styleRanges.unshift(
    { range: rangeRef(firstDataRow, 1, lastDataRow, lastCol), style: 'body' },
    { range: rangeRef(firstDataRow, 1, lastDataRow, 1), style: 'label' },
    { range: rangeRef(firstDataRow, 2, lastDataRow, 2), style: 'code' },
    { range: rangeRef(firstDataRow, 3, lastDataRow, 3), style: 'unitCell' },
  );

  // Inputs: validated, unlocked.
  const validations: Validation[] = [];
  const unlocked: string[] = [];
  for (const run of inputRuns) {
    const r = rowOf.get(run.row) ?? 0;
    const range = rangeRef(r, figureCol(run.from), r, figureCol(run.to));
    unlocked.push(range);
    validations.push(inputValidation(range, model.kindOf(run.row), model.unitOf(run.row)));
  }

  // Checks that are not formulas colour the offending cell, as the checker reports it (N() keeps text from raising
  // an error, which would switch the format off).
  const conditionalFormats: ConditionalFormat[] = [];
  const kindOf = (cells: readonly Cell[]): ValueKind => (cells.some((c) => model.kindOf(c.row) === 'decimal') ? 'decimal' : 'whole');
  for (const s of model.sums) {
    if (s.formula) continue;
    const t = address(s.target);
    const parts = formulaRefs(s.parts, position);
    conditionalFormats.push(violationFormat(
      t,
      `=OR(AND(COUNT(${parts})>0,ISNUMBER(${t}),ABS(N(${t})-SUM(${parts}))${tol(kindOf([s.target, ...s.parts]))}),` +
        `AND(COUNT(${parts})=0,ISNUMBER(${t}),${t}<>0),AND(COUNT(${parts})>0,LEN(${t})=0))`,
    ));
  }
  for (const l of model.les) {
    const a = address(l.a);
    const b = address(l.b);
    conditionalFormats.push(violationFormat(a, `=AND(ISNUMBER(${a}),ISNUMBER(${b}),N(${a})-N(${b})${tol(kindOf([l.a, l.b]))})`));
  }

  // Legend and footer.
  const legendRow = lastDataRow + 1;
  put(legendRow, 1, LEGEND_TEXT);
  merges.push(full(legendRow));
  styleRanges.push({ range: full(legendRow), style: 'legend' });
  heights.push({ row: legendRow, height: rowHeightFor([{ text: LEGEND_TEXT, width: totalWidth }], 9) });
  const footerCells = footerLayout(pack, input.footer ?? {}, legendRow + 2, last, { put, merges, styleRanges, unlocked });

  const firstInput = model.cells.find((c) => c.role === 'input');
  const spec: SheetSpec = {
    name: form.code,
    tabColor: '#107C10',
    columns: [
      { width: w.indicator },
      { width: w.code },
      { width: w.unit },
      ...form.columns.map(() => ({ width: w.figure })),
    ],
    rowHeights: heights,
    blocks,
    styles: FORM_STYLES,
    styleRanges,
    merges,
    validations,
    conditionalFormats,
    protection: { unlocked },
    print: {
      orientation: totalWidth > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${ROW_HEADER}:${numberingRow}`,
      margins: { left: 0.5, right: 0.4, top: 0.5, bottom: 0.5 },
      centerHorizontally: true,
    },
    activeCell: firstInput ? address(firstInput.cell) : cellRef(firstDataRow, figureCol(1)),
  };
  return { spec, model, headerRow: ROW_HEADER, numberingRow, firstDataRow, lastDataRow, addresses, placed, footerCells };
}

function violationFormat(range: string, formula: string): ConditionalFormat {
  return { type: 'expression', range, formula, fill: '#FDE7E9', fontColor: '#A4262C', bold: true };
}

export const INPUT_PROMPT_TITLE = 'Nhập số liệu';
export const INPUT_ERROR_TITLE = 'Số liệu không hợp lệ';

/** Data validation of input cells: a whole or decimal number, 0 or more, with Vietnamese messages. */
export function inputValidation(range: string, kind: ValueKind, unit: string): Validation {
  const whole = kind === 'whole';
  return {
    range,
    rule: { type: kind, min: 0 },
    allowBlank: true,
    prompt: {
      title: INPUT_PROMPT_TITLE,
      message: `Nhập ${whole ? 'số nguyên từ 0 trở lên' : 'số từ 0 trở lên, có thể có phần thập phân'}, đơn vị tính: ${unit}. ` +
        'Để trống nếu không báo cáo; số liệu bằng 0 thì nhập 0.',
    },
    error: {
      title: INPUT_ERROR_TITLE,
      message: `Chỉ nhập ${whole ? 'số nguyên lớn hơn hoặc bằng 0' : 'số lớn hơn hoặc bằng 0, có thể có phần thập phân'} (đơn vị tính: ${unit}).`,
    },
  };
}

/** Column headers are set in 11 pt bold; their row heights are estimated at that size. */
const HEADER_FONT_SIZE = 11;

export const FORM_STYLES: SheetSpec['styles'] = {
  formNumber: { bold: true, fontSize: 11 },
  basis: { italic: true, fontSize: 9, wrap: true, vAlign: 'top', fontColor: '#424242' },
  headLeft: { fontSize: 10, wrap: true, vAlign: 'top' },
  headRight: { fontSize: 10, wrap: true, vAlign: 'top', hAlign: 'left' },
  title: { bold: true, fontSize: 14, hAlign: 'center', vAlign: 'middle', wrap: true, fontColor: '#0F3D73' },
  period: { italic: true, fontSize: 11, hAlign: 'center' },
  notice: { italic: true, bold: true, fontSize: 10, hAlign: 'center', fontColor: '#A4262C' },
  unitLine: { italic: true, fontSize: 10, hAlign: 'right' },
  header: { bold: true, fontSize: HEADER_FONT_SIZE, fill: '#DEECF9', fontColor: '#0F3D73', hAlign: 'center', vAlign: 'middle', wrap: true, border: 'thin' },
  numbering: { italic: true, fontSize: 9, hAlign: 'center', vAlign: 'middle', wrap: true, fill: '#F3F9FD', border: 'thin', numberFormat: '@' },
  body: { border: 'thin', vAlign: 'middle', wrap: true, fontSize: 10 },
  label: { hAlign: 'left' },
  totalLabel: { bold: true },
  indent1: { indent: 1 },
  indent2: { indent: 2 },
  indent3: { indent: 3 },
  code: { hAlign: 'center', numberFormat: '@' },
  unitCell: { hAlign: 'center' },
  whole: { numberFormat: NUMBER_FORMATS.whole, hAlign: 'right' },
  decimal: { numberFormat: NUMBER_FORMATS.decimal, hAlign: 'right' },
  input: { fill: '#FFFDF5' },
  total: { bold: true, fill: '#F3F9FD' },
  na: { fill: '#F0F0F0', fontColor: '#616161', hAlign: 'center' },
  legend: { italic: true, fontSize: 9, wrap: true, vAlign: 'top', fontColor: '#616161' },
  placeDate: { italic: true, hAlign: 'center' },
  signTitle: { bold: true, hAlign: 'center' },
  signNote: { italic: true, hAlign: 'center', fontSize: 10 },
  signName: { bold: true, hAlign: 'center' },
};
