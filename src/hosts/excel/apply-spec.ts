/**
 * Queues the Office.js commands that make a worksheet look as a SheetSpec says: the Office.js half of
 * "one layout, two hosts" (src/hosts/xlsx/apply-spec.ts is the file half and the reference for every choice here).
 *
 * Nothing here syncs by itself: commands are queued on the caller's request context, values go in as whole 2-D
 * arrays, and a RequestBudget decides when the queue is big enough that it must be sent before more is added.
 */
import { mustDay, toIso } from '../../domain/calendar';
import { columnLetter, parseCell, parseRange, rangeRef } from '../../workbook/a1';
import { listSource, type CellStyle, type ConditionalFormat, type PrintSetup, type SheetSpec, type Validation } from '../../workbook/sheet-spec';
import { excelInput, type ExcelInput } from './cell-input';
import type { ExcelFeature, ExcelFeatures } from './features';
import { BLOCK_CHUNK_BYTES, bulkBytes, jsonBytes, OPERATION_BYTES, type RequestBudget } from './payload';

/** The font the file host gives every cell it styles; Office.js gets the same. */
export const SHEET_FONT = 'Times New Roman';
/** Colour of thin borders, as in the file host. */
export const BORDER_COLOR = '#8A8886';
/** Bounds of a date validation without its own, as in the file host. */
const DATE_MIN = mustDay(2000, 1, 1);
const DATE_MAX = mustDay(2100, 12, 31);
/** Header and footer margins in inches, as in the file host. */
const HEADER_FOOTER_MARGIN = 0.3;
const POINTS_PER_INCH = 72;
/**
 * How the product protects its sheets (as the file host's protectAsProduct): locked cells stay selectable, column
 * widths and row heights can be changed.
 */
export const PRODUCT_PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };
/** Width in pixels of the digit "0" in the default font (Calibri 11), which column widths are counted in. */
const MAX_DIGIT_WIDTH_PX = 7;

/**
 * Column width in points for a SheetSpec width in characters.
 *
 * The file host stores the width as-is in the .xlsx (`<col width>`), and Excel turns a stored width into pixels with
 * the formula of ECMA-376 §18.3.1.13: pixels = trunc(((256·w + trunc(128/mdw)) / 256) · mdw), mdw being the maximum
 * digit width (7 px). One pixel is 0.75 pt at 96 dpi. Using the same formula makes both hosts show the same width.
 */
export function columnWidthPoints(chars: number): number {
  const pixels = Math.trunc(((256 * chars + Math.trunc(128 / MAX_DIGIT_WIDTH_PX)) / 256) * MAX_DIGIT_WIDTH_PX);
  return pixels * 0.75;
}

export interface ApplyState {
  readonly features: ExcelFeatures;
  /** Features a spec needed that this Excel lacks; the commands were left out. */
  readonly skipped: Set<ExcelFeature>;
  readonly budget: RequestBudget;
}

function needs(state: ApplyState, feature: ExcelFeature): boolean {
  if (state.features[feature]) return true;
  state.skipped.add(feature);
  return false;
}

/**
 * Empties an existing sheet of everything a previous spec (or the user) put there; queued, not synced. A protected
 * sheet must have been unprotected before (see protection.ts: ahead of every write of the batch).
 */
export function queueReset(ws: Excel.Worksheet, features: ExcelFeatures): void {
  const all = ws.getRange();
  all.clear('All');
  all.unmerge();
  // The file host starts from a new sheet: default widths and heights, nothing hidden.
  all.columnHidden = false;
  all.rowHidden = false;
  if (features.standardSizes) {
    all.format.useStandardWidth = true;
    all.format.useStandardHeight = true;
  }
  if (features.conditionalFormats) all.conditionalFormats.clearAll();
  if (features.dataValidation) all.dataValidation.clear();
  if (features.freezePanes) ws.freezePanes.unfreeze();
}

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;
const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Queues everything `spec` describes on `ws` (a new or freshly reset sheet). */
export async function queueSheetSpec(ws: Excel.Worksheet, spec: SheetSpec, existed: boolean, state: ApplyState): Promise<void> {
  const { budget } = state;

  if (spec.visibility !== undefined && (spec.visibility !== 'visible' || existed)) {
    if (needs(state, 'visibility')) {
      await budget.reserve(OPERATION_BYTES);
      ws.visibility = VISIBILITY[spec.visibility];
    }
  } else if (existed && state.features.visibility) {
    await budget.reserve(OPERATION_BYTES);
    ws.visibility = 'Visible';
  }
  if (spec.tabColor !== undefined || existed) {
    if (spec.tabColor === undefined ? state.features.tabColor : needs(state, 'tabColor')) {
      await budget.reserve(OPERATION_BYTES);
      ws.tabColor = spec.tabColor ?? '';
    }
  }

  await queueColumns(ws, spec, budget);
  await queueRowHeights(ws, spec, budget);
  for (const block of spec.blocks) await queueBlock(ws, block.at, block.rows, budget);

  for (const { range, style } of spec.styleRanges) {
    const s = spec.styles[style];
    if (!s) throw new Error(`SheetSpec ${spec.name}: unknown style ${style}`);
    await queueStyle(ws, range, s, state);
  }
  for (const m of spec.merges) {
    await budget.reserve(2 * OPERATION_BYTES);
    ws.getRange(m).merge(false);
  }
  if (spec.validations.length > 0 && needs(state, 'dataValidation')) {
    for (const v of spec.validations) await queueValidation(ws, v, budget);
  }
  if (spec.conditionalFormats.length > 0 && needs(state, 'conditionalFormats')) {
    let priority = 0;
    for (const cf of spec.conditionalFormats) await queueConditionalFormat(ws, cf, priority++, budget);
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0) && needs(state, 'freezePanes')) {
    await budget.reserve(2 * OPERATION_BYTES);
    const { rows, columns } = spec.freeze;
    if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(`A1:${columnLetter(columns)}${rows}`);
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(columns);
  }
  if (spec.print && needs(state, 'pageLayout')) await queuePrint(ws, spec.print, budget);
  // Protection last: once on, the sheet refuses further formatting in the same batch.
  if (spec.protection && needs(state, 'protection')) {
    for (const range of spec.protection.unlocked) {
      await budget.reserve(3 * OPERATION_BYTES);
      ws.getRange(range).format.protection.locked = false;
    }
    await budget.reserve(2 * OPERATION_BYTES);
    ws.protection.protect(PRODUCT_PROTECTION);
  }
}

async function queueColumns(ws: Excel.Worksheet, spec: SheetSpec, budget: RequestBudget): Promise<void> {
  // Runs of equal columns go in one command: "A:C".
  let start = 0;
  while (start < spec.columns.length) {
    const first = spec.columns[start];
    if (!first) break;
    let end = start;
    while (end + 1 < spec.columns.length) {
      const next = spec.columns[end + 1];
      if (!next || next.width !== first.width || Boolean(next.hidden) !== Boolean(first.hidden)) break;
      end++;
    }
    const range = ws.getRange(`${columnLetter(start + 1)}:${columnLetter(end + 1)}`);
    await budget.reserve(3 * OPERATION_BYTES);
    range.format.columnWidth = columnWidthPoints(first.width);
    if (first.hidden) range.columnHidden = true;
    start = end + 1;
  }
}

interface HeightRun {
  readonly top: number;
  readonly bottom: number;
  readonly height: number;
}

/** Consecutive rows of one height, from rows in ascending order. */
function heightRuns(rows: readonly number[], heightOf: (row: number) => number): HeightRun[] {
  const runs: HeightRun[] = [];
  for (const row of rows) {
    const height = heightOf(row);
    const last = runs[runs.length - 1];
    if (last && last.bottom === row - 1 && last.height === height) runs[runs.length - 1] = { ...last, bottom: row };
    else runs.push({ top: row, bottom: row, height });
  }
  return runs;
}

/**
 * Row heights, one command per run of rows of one height. Where a stretch of consecutive rows alternates between
 * heights (a list whose texts wrap onto 1–4 lines), one of its heights goes on the whole stretch first and only the
 * other rows get their own command, when that is fewer commands; the height chosen is the one that leaves the fewest
 * (usually, not always, the most common). The same heights, a third fewer commands on the consolidation's overdue
 * list (each run ~700 bytes of a request on Excel on the web, measured inside Excel.run).
 */
async function queueRowHeights(ws: Excel.Worksheet, spec: SheetSpec, budget: RequestBudget): Promise<void> {
  const byRow = new Map<number, number>();
  for (const { row, height } of spec.rowHeights ?? []) byRow.set(row, height);
  const heightOf = (row: number): number => byRow.get(row) ?? 15;
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const set = async (run: HeightRun): Promise<void> => {
    await budget.reserve(3 * OPERATION_BYTES);
    ws.getRange(`${run.top}:${run.bottom}`).format.rowHeight = run.height;
  };
  // Stretches of consecutive rows, whatever their heights: runs of one (dummy) height.
  for (const { top, bottom } of heightRuns(rows, () => 0)) {
    const stretch = Array.from({ length: bottom - top + 1 }, (_, k) => top + k);
    const runs = heightRuns(stretch, heightOf);
    const { common, others } = [...new Set(stretch.map(heightOf))]
      .map((height) => ({ common: height, others: heightRuns(stretch.filter((row) => heightOf(row) !== height), heightOf) }))
      .reduce((best, c) => (c.others.length < best.others.length ? c : best));
    if (1 + others.length < runs.length) {
      await set({ top, bottom, height: common });
      for (const run of others) await set(run);
    } else {
      for (const run of runs) await set(run);
    }
  }
}

/**
 * Writes a block as whole 2-D arrays through `Range.formulas` (constants and formulas alike), in slices of at most
 * BLOCK_CHUNK_BYTES so no single command, and with the budget no request, grows past Excel on the web's limit.
 */
async function queueBlock(ws: Excel.Worksheet, at: string, rows: SheetSpecRows, budget: RequestBudget): Promise<void> {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0 || rows.length === 0) return;
  const origin = parseCell(at);
  let slice: ExcelInput[][] = [];
  let sliceBytes = 0;
  let sliceTop = origin.row;
  const flush = async (): Promise<void> => {
    if (slice.length === 0) return;
    await budget.reserve(OPERATION_BYTES + sliceBytes + bulkBytes(slice.length, width));
    const address = rangeRef(sliceTop, origin.col, sliceTop + slice.length - 1, origin.col + width - 1);
    ws.getRange(address).formulas = slice;
    sliceTop += slice.length;
    slice = [];
    sliceBytes = 0;
  };
  for (const row of rows) {
    const line: ExcelInput[] = Array.from({ length: width }, (_, j) => excelInput(row[j] ?? null));
    const bytes = jsonBytes(line);
    if (slice.length > 0 && sliceBytes + bytes > BLOCK_CHUNK_BYTES) await flush();
    slice.push(line);
    sliceBytes += bytes;
  }
  await flush();
}
type SheetSpecRows = SheetSpec['blocks'][number]['rows'];

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
const EDGES_OUTSIDE: readonly Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

/** Edges a border style touches: the outline, and the inside lines where the range has more than one row/column. */
function borderEdges(address: string): Edge[] {
  const r = parseRange(address);
  const edges: Edge[] = [...EDGES_OUTSIDE];
  if (r.bottom > r.top) edges.push('InsideHorizontal');
  if (r.right > r.left) edges.push('InsideVertical');
  return edges;
}

const FONT_KEYS = ['bold', 'italic', 'fontSize', 'fontColor'] as const;
const PLAIN_KEYS = ['fill', 'hAlign', 'vAlign', 'wrap', 'indent', 'numberFormat'] as const;

/**
 * One number format for every cell of the range, as one value: "If you need to apply the same value, the same number
 * format, or the same formula to a range of cells, it's more efficient to specify a single value instead of an array
 * of values. Doing so will significantly improve performance." (Excel JavaScript API performance, "Update all cells
 * in a range"; the core-concepts sample sets `range.numberFormat = 'm/d/yyyy'` on A1:A20.) The typings declare only
 * the 2-D array the property reads back as, hence the structural view instead of a cast. One command of a few bytes,
 * whatever the range's size, budgeted with the style's other properties (nothing here bounds it; it no longer needs to
 * be): a 2-D array of `#,##0.###` for each breakdown was ~2 MB of a 1,000-file consolidation's request.
 */
function setNumberFormat(range: { numberFormat: unknown }, format: string): void {
  range.numberFormat = format;
}

/** Commands one style costs (range, format, each property, each border edge). */
function styleOperations(address: string, s: CellStyle): number {
  const font = FONT_KEYS.filter((k) => s[k] !== undefined).length;
  const plain = PLAIN_KEYS.filter((k) => s[k] !== undefined).length;
  const edges = s.border === 'thin' || s.border === 'none' ? borderEdges(address).length * 4 : 0;
  return 2 + (font > 0 ? font + 2 : 0) + plain + edges;
}

async function queueStyle(ws: Excel.Worksheet, address: string, s: CellStyle, state: ApplyState): Promise<void> {
  await state.budget.reserve(styleOperations(address, s) * OPERATION_BYTES + (s.numberFormat === undefined ? 0 : jsonBytes(s.numberFormat)));
  const range = ws.getRange(address);
  const f = range.format;
  if (FONT_KEYS.some((k) => s[k] !== undefined)) {
    f.font.name = SHEET_FONT;
    if (s.bold !== undefined) f.font.bold = s.bold;
    if (s.italic !== undefined) f.font.italic = s.italic;
    if (s.fontSize !== undefined) f.font.size = s.fontSize;
    if (s.fontColor !== undefined) f.font.color = s.fontColor;
  }
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.indent !== undefined && needs(state, 'indent')) f.indentLevel = s.indent;
  if (s.numberFormat !== undefined) setNumberFormat(range, s.numberFormat);
  if (s.border === 'thin' || s.border === 'none') {
    for (const edge of borderEdges(address)) {
      const b = f.borders.getItem(edge);
      if (s.border === 'none') {
        b.style = 'None';
        continue;
      }
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = BORDER_COLOR;
    }
  }
}

export async function queueValidation(ws: Excel.Worksheet, v: Validation, budget: RequestBudget): Promise<void> {
  let rule: Excel.DataValidationRule;
  switch (v.rule.type) {
    case 'list': {
      const source = listSource(v.rule);
      rule = { list: { inCellDropDown: true, source: source.kind === 'literal' ? source.text : `=${source.ref}` } };
      break;
    }
    case 'whole':
    case 'decimal': {
      const { min, max } = v.rule;
      const basic: Excel.BasicDataValidation =
        max === undefined
          ? { formula1: min ?? 0, operator: 'GreaterThanOrEqualTo' }
          : { formula1: min ?? 0, formula2: max, operator: 'Between' };
      rule = v.rule.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
      break;
    }
    case 'custom':
      rule = { custom: { formula: `=${v.rule.formula}` } };
      break;
    case 'date':
      rule = { date: { formula1: toIso(v.rule.min ?? DATE_MIN), formula2: toIso(v.rule.max ?? DATE_MAX), operator: 'Between' } };
      break;
  }
  const dv = ws.getRange(v.range).dataValidation;
  await budget.reserve(5 * OPERATION_BYTES + jsonBytes(rule) + jsonBytes(v.prompt ?? null) + jsonBytes(v.error ?? null));
  dv.rule = rule;
  dv.ignoreBlanks = v.allowBlank;
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error?.title ?? '', message: v.error?.message ?? '' };
}

async function queueConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat, priority: number, budget: RequestBudget): Promise<void> {
  const target = ws.getRange(cf.range).conditionalFormats;
  if (cf.type === 'expression') {
    await budget.reserve(8 * OPERATION_BYTES + jsonBytes(cf.formula));
    const c = target.add('Custom');
    c.custom.rule.formula = cf.formula.startsWith('=') ? cf.formula : `=${cf.formula}`;
    if (cf.fill) c.custom.format.fill.color = cf.fill;
    if (cf.fontColor) c.custom.format.font.color = cf.fontColor;
    if (cf.bold) c.custom.format.font.bold = true;
    if (cf.stopIfTrue) c.stopIfTrue = true;
    c.priority = priority;
  } else {
    await budget.reserve(7 * OPERATION_BYTES);
    const c = target.add('DataBar');
    c.dataBar.lowerBoundRule = { type: 'Number', formula: String(cf.min) };
    c.dataBar.upperBoundRule = { type: 'Number', formula: String(cf.max) };
    c.dataBar.positiveFormat.fillColor = cf.color;
    c.dataBar.positiveFormat.gradientFill = false;
    c.priority = priority;
  }
}

async function queuePrint(ws: Excel.Worksheet, p: PrintSetup, budget: RequestBudget): Promise<void> {
  await budget.reserve(12 * OPERATION_BYTES);
  const pl = ws.pageLayout;
  pl.paperSize = 'A4';
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  // One page wide; as many pages tall as the rows need. PageLayoutZoomOptions documents page counts ("Number of pages
  // to fit horizontally/vertically … can be null if percentage scale is used") and a scale of 10–400, nothing for
  // "automatic": so only the width is given (the file host writes fitToHeight 0, the .xlsx "automatic").
  // Known issue (OfficeDev/office-js#1860, "horizontalFitToPages does not set if Page Layout tab is not selected"):
  // on Windows the fit may not apply until the Page Layout tab has been shown once; the README's troubleshooting says so.
  // Otherwise 100 %, across as many pages as the sheet needs (a documented scale: 10 to 400).
  pl.zoom = p.fitToWidth ? { horizontalFitToPages: 1 } : { scale: 100 };
  if (p.titleRows) {
    const [top, bottom = top] = p.titleRows.replace(/\$/g, '').split(':');
    pl.setPrintTitleRows(`$${top}:$${bottom}`);
  }
  if (p.titleColumns) {
    // setPrintTitleColumns: "The columns to be repeated to the left of each page. The range must span the entire column."
    const [left, right = left] = p.titleColumns.replace(/\$/g, '').split(':');
    pl.setPrintTitleColumns(`$${left}:$${right}`);
  }
  if (p.margins) {
    pl.leftMargin = p.margins.left * POINTS_PER_INCH;
    pl.rightMargin = p.margins.right * POINTS_PER_INCH;
    pl.topMargin = p.margins.top * POINTS_PER_INCH;
    pl.bottomMargin = p.margins.bottom * POINTS_PER_INCH;
    pl.headerMargin = HEADER_FOOTER_MARGIN * POINTS_PER_INCH;
    pl.footerMargin = HEADER_FOOTER_MARGIN * POINTS_PER_INCH;
  }
  pl.centerHorizontally = p.centerHorizontally ?? false;
}
