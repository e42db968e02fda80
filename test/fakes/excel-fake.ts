/**
 * An in-memory Excel for tests: the part of the Office.js Excel object model the add-in uses, with Excel's batching
 * rules, so a test fails where real Excel would.
 *
 * - Proxies queue commands; `context.sync()` runs them in order. Reading a property that was not loaded, or was
 *   loaded but not yet synced, throws PropertyNotLoaded. `isNullObject` is readable only after a sync.
 *   Properties of a null object throw here (Excel returns undefined, which would fail later and less clearly).
 * - Strings written through `Range.formulas` / `Range.values` are parsed as if typed into an en-GB Excel
 *   (day-first dates, "." decimals): "=…" becomes a formula, "0123" the number 123, "15/3/2026" a date serial,
 *   "TRUE" a boolean, "+…"/"-…"/"@…" that are not numbers a formula; a leading apostrophe keeps the rest as text.
 *   Cells formatted "@" keep what is written as text. null in a 2-D array leaves the cell unchanged.
 * - A protected sheet refuses changes to locked cells and formatting (except column widths / row heights when the
 *   protection allows them); merged areas refuse values in their hidden cells.
 * - What real Excel refuses, each at the line of the Office.js reference it follows (issue 10): deleting a very hidden
 *   sheet; protect() on a protected sheet; unprotect() without the password; 2-D arrays of another shape than the
 *   range (values, formulas, numberFormat; one value for every cell is documented and accepted); formulas with ";" or a
 *   localised function name (Office.js takes en-US); undocumented page zoom values. List validations split a literal
 *   source on every comma and read a range source ("=$K$2:$K$5", "='Sheet'!$A$1:$A$4") from its cells; typing a value
 *   that is not an item into a cell with a Stop alert is refused (`listItemsAt`, `listViolations` for assertions).
 *   A read of more than 5 000 000 cells returns null, or throws RangeExceedsLimit (`hugeRead`).
 *   WorksheetProtection.isPasswordProtected answers only with `excelApiOnline` (ExcelApiOnline 1.1, the web).
 * - Each sync is a request: its size is estimated from the queued commands and the objects they made, as Office.js
 *   would serialise them (checked against the real Office.js client), and a request or response over the payload
 *   limit (Excel on the web: 5 MB) is refused as Excel does, before anything runs.
 * - `syncCount` counts the `context.sync()` calls of the code under test; `roundTrips` the requests actually sent
 *   (a sync with nothing queued sends nothing; `run` sends what is left queued at the end, like Excel.run).
 *
 * The fake imports no test framework and no Node built-in, so a browser page can use it as the `Excel` global.
 * office-addin-mock's OfficeMockObject serves static object trees; it cannot model a command queue, ranges made from
 * addresses, null objects or parsing on write, and it pulls in Node-only packages, so it is not used here.
 */
import { dayFromYmd, toExcelSerial } from '../../src/domain/calendar';

export type FakeScalar = string | number | boolean;

export interface FakeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;
/** Cells one read may return (all platforms). */
export const READ_CELL_LIMIT = 5_000_000;

// ---------------------------------------------------------------------------------------------------------------
// Errors shaped like OfficeExtension.Error.

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

function fail(code: string, message: string, location?: string): never {
  throw new FakeOfficeError(code, message, location);
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses.

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Parses "A1", "A1:C3", "A:C", "7:9" (with or without "$"); no address means the whole sheet. */
export function parseArea(address?: string): FakeArea {
  if (address === undefined || address === '') return { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
  const a = address.replace(/\$/g, '').replace(/^.*!/, '').trim().toUpperCase();
  const parts = a.split(':');
  if (parts.length > 2) fail('InvalidArgument', `bad address ${address}`);
  const [p, q = p] = parts as [string, string?];
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  let r: FakeArea;
  const mp = cell.exec(p);
  const mq = cell.exec(q ?? p);
  if (mp && mq) {
    r = {
      top: Math.min(Number(mp[2]), Number(mq[2])),
      bottom: Math.max(Number(mp[2]), Number(mq[2])),
      left: Math.min(columnNumber(mp[1] ?? ''), columnNumber(mq[1] ?? '')),
      right: Math.max(columnNumber(mp[1] ?? ''), columnNumber(mq[1] ?? '')),
    };
  } else if (col.test(p) && col.test(q ?? p)) {
    const c1 = columnNumber(p);
    const c2 = columnNumber(q ?? p);
    r = { top: 1, bottom: MAX_ROWS, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (row.test(p) && row.test(q ?? p)) {
    const r1 = Number(p);
    const r2 = Number(q ?? p);
    r = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 1, right: MAX_COLUMNS };
  } else {
    return fail('InvalidArgument', `bad address ${address}`);
  }
  if (r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLUMNS) fail('InvalidArgument', `bad address ${address}`);
  return r;
}

export function formatArea(r: FakeArea): string {
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  if (r.left === 1 && r.right === MAX_COLUMNS) return `${r.top}:${r.bottom}`;
  const a = `${columnLetters(r.left)}${r.top}`;
  const b = `${columnLetters(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

const overlaps = (a: FakeArea, b: FakeArea): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const contains = (outer: FakeArea, row: number, col: number): boolean =>
  row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
const isBounded = (r: FakeArea): boolean => r.bottom < MAX_ROWS && r.right < MAX_COLUMNS;
const cellCount = (r: FakeArea): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------------------------
// Size of what crosses the wire, modelled on Office.js's own requests (test/e2e/office-js-payload.test.ts runs the
// real Office.js client from node_modules and checks this model against the requests it builds).
//
// Office.js sends a batch as JSON: every object it makes a proxy for (getRange, format, font, borders.getItem, …) is
// an object path plus an "Instantiate" action, every property set or method call an action with its arguments; inside
// Excel.run each Range also gets a kept reference. On Excel on the web that JSON text travels inside a message that is
// itself JSON-stringified, so each quote and backslash of it is escaped once more. The model counts that twice-escaped
// text in UTF-8 bytes, the larger of the once- and twice-escaped texts in characters or UTF-8 bytes (Vietnamese letters
// are 2–3 bytes: JSON.stringify leaves them as they are and escapes only control characters, as "\t" or "\u0001", and
// lone surrogates). Measured with Office.js 16.00 (web) inside Excel.run, ids of 2 to 5 digits: a set action is
// ~100–135 bytes besides its argument, an object 150–210 besides its path's arguments, the envelope with the paths to
// the workbook and its worksheets ~300.

/** Bytes of a value as an argument in the request: its JSON, escaped again, in UTF-8. */
export function wireBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff) n += 2;
    else n += 3;
  }
  return n;
}
/** An action (property set, method call, load) besides its arguments. */
const COMMAND_BYTES = 120;
/**
 * An object Office.js creates a path for (a range, its format, a border, a sheet, …): the path, its Instantiate action,
 * and its id in the list of the last action that uses it ("L"); 150–210 bytes measured with the 5-digit ids of a
 * request near the limit, besides the path's arguments (a range's address, a border's edge).
 */
const PATH_BYTES = 200;
/**
 * Inside Excel.run (how the add-in runs every batch) Office.js keeps a reference to each Range it makes, so that the
 * range outlives the sync: a "_KeepReference" action and a second "Instantiate" action per range (~185 bytes).
 */
const KEEP_REFERENCE_BYTES = 200;
/**
 * The request's envelope, the paths to the workbook and its worksheets (~300 bytes), and the path of a sheet made in an
 * earlier request, which each request that uses it sends again. The paths of other objects made earlier and used again
 * are not counted.
 */
const REQUEST_BYTES = 600;
/** Cells above which Office.js sends a 2-D array in slices. */
const BULK_CELLS = 1500;
/**
 * One slice besides its cells: three ranges (two rows and their bounding rectangle), each a path and, inside Excel.run,
 * two Instantiate actions, and the set action. Measured ~930 bytes with short ids; ids grow to 5–6 digits in a large
 * request.
 */
const SLICE_BYTES = 1100;

// ---------------------------------------------------------------------------------------------------------------
// Typing: how Excel turns a written string into a cell.

export interface ParsedInput {
  readonly value: FakeScalar;
  readonly formula: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parseNumber(text: string): number | null {
  let t = text.trim();
  if (t === '') return null;
  let sign = 1;
  let percent = false;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('-')) {
    sign *= -1;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  t = t.replace(/^[$€£¥₫]\s*/, '').replace(/\s*[$€£¥₫]$/, '');
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?(e[+-]?\d+)?$/i.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  return sign * (percent ? n / 100 : n);
}

function parseDate(text: string, dayFirst: boolean, year: number): number | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/\-.])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = m[4] === undefined ? year : m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    return dayFirst ? serialOf(y, b, a) : serialOf(y, a, b);
  }
  m = /^(\d{1,2})[\s\-/]([a-z]{3,9})\.?(?:[\s\-/,]+(\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf((m[2] ?? '').slice(0, 3)) + 1;
    if (month === 0) return null;
    const y = m[3] === undefined ? year : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return serialOf(y, month, Number(m[1]));
  }
  m = /^([a-z]{3,9})\.?[\s\-/,]+(\d{1,2}|\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf((m[1] ?? '').slice(0, 3)) + 1;
    if (month === 0) return null;
    const n = Number(m[2]);
    return (m[2] ?? '').length === 4 ? serialOf(n, month, 1) : serialOf(year, month, n);
  }
  return null;
}

function serialOf(y: number, m: number, d: number): number | null {
  const day = dayFromYmd(y, m, d);
  return day === null ? null : toExcelSerial(day);
}

function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (m[4]) h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  if (h > 23 || min > 59 || s > 59) return null;
  return (h * 3600 + min * 60 + s) / 86_400;
}

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];

export type Evaluate = (formula: string, at: { sheet: string; row: number; col: number }) => FakeScalar;

// ---------------------------------------------------------------------------------------------------------------
// The model: what the workbook holds.

export interface FakeCell {
  value: FakeScalar;
  formula: string | null;
  numberFormat: string;
  /** Formatting by path, e.g. "font.bold", "fill.color", "horizontalAlignment", "border.top.style". */
  readonly format: Map<string, unknown>;
  locked: boolean;
}

export interface FakeValidation {
  range: string;
  area: FakeArea;
  rule?: Record<string, unknown>;
  ignoreBlanks?: boolean;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface FakeConditionalFormat {
  range: string;
  type: 'Custom' | 'DataBar';
  stopIfTrue: boolean;
  custom?: { formula?: string; fill?: string; fontColor?: string; bold?: boolean };
  dataBar?: { lower?: { type: string; formula?: string }; upper?: { type: string; formula?: string }; fillColor?: string; gradientFill?: boolean };
}

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export class FakeSheet {
  visibility: FakeVisibility = 'Visible';
  tabColor = '';
  readonly cells = new Map<number, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  merges: FakeArea[] = [];
  validations: FakeValidation[] = [];
  /** In priority order: index 0 is applied first. */
  conditionalFormats: FakeConditionalFormat[] = [];
  freeze: { rows: number; columns: number } | null = null;
  protection: { protected: boolean; options: Record<string, unknown>; password?: string } = { protected: false, options: {} };
  readonly pageLayout: Record<string, unknown> = {};
  printTitleRows: string | null = null;
  printTitleColumns: string | null = null;

  constructor(public name: string) {}

  private static key(row: number, col: number): number {
    return row * (MAX_COLUMNS + 1) + col;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, col));
  }

  ensureCell(row: number, col: number): FakeCell {
    const k = FakeSheet.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: '', formula: null, numberFormat: 'General', format: new Map(), locked: true };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Bounding box of cells with a value or formula (valuesOnly) or with anything at all. */
  usedArea(valuesOnly: boolean): FakeArea | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, c] of this.cells) {
      const used = c.value !== '' || c.formula !== null || (!valuesOnly && (c.format.size > 0 || c.numberFormat !== 'General' || !c.locked));
      if (!used) continue;
      const row = Math.floor(k / (MAX_COLUMNS + 1));
      const col = k % (MAX_COLUMNS + 1);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  mergeAt(row: number, col: number): FakeArea | undefined {
    return this.merges.find((m) => contains(m, row, col));
  }

  /** Values of an area as Excel returns them: "" for empty cells, the merged area's hidden cells read empty. */
  valuesOf(r: FakeArea): FakeScalar[][] {
    return this.matrix(r, (c) => c?.value ?? '');
  }

  formulasOf(r: FakeArea): FakeScalar[][] {
    return this.matrix(r, (c) => c?.formula ?? c?.value ?? '');
  }

  numberFormatsOf(r: FakeArea): string[][] {
    return this.matrix(r, (c) => c?.numberFormat ?? 'General');
  }

  private matrix<T>(r: FakeArea, f: (c: FakeCell | undefined) => T): T[][] {
    if (!isBounded(r)) fail('InvalidArgument', 'reading a whole row or column is not emulated');
    if (cellCount(r) > READ_CELL_LIMIT) fail('RangeExceedsLimit', 'a range is limited to 5 000 000 cells for reading');
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(f(this.cell(row, col)));
      out.push(line);
    }
    return out;
  }

  /** Formatting of one cell by path, for assertions. */
  formatAt(address: string, path: string): unknown {
    const a = parseArea(address);
    return this.cell(a.top, a.left)?.format.get(path);
  }
}

export interface FakeExcelOptions {
  /** Sheets the workbook starts with (Excel never has none). */
  readonly sheets?: readonly string[];
  /** Highest ExcelApi requirement set reported as supported, e.g. "1.8". Default "1.17". */
  readonly excelApi?: string;
  /** Office.context.platform reported by `office`. Default "OfficeOnline". */
  readonly platform?: string;
  /** Request and response size limit in bytes (Excel on the web: 5 MB). Infinity for none. */
  readonly payloadLimit?: number;
  /** Result of a formula cell; default "" (the fake does not calculate). */
  readonly evaluate?: Evaluate;
  /** Order of day and month in typed dates; default day first. */
  readonly dateOrder?: 'dmy' | 'mdy';
  /** Year given to typed dates without one. */
  readonly currentYear?: number;
  /** What a read of more than 5 000 000 cells does: return null (default) or throw RangeExceedsLimit. */
  readonly hugeRead?: 'null' | 'throw';
  /** Whether ExcelApiOnline 1.1 is supported (Excel on the web): WorksheetProtection.isPasswordProtected. Default false. */
  readonly excelApiOnline?: boolean;
}

export interface FakeRequestRecord {
  readonly commands: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
}

export class FakeExcel {
  readonly sheets: FakeSheet[];
  activeSheet: string;
  selection: { sheet: string; address: string } | null = null;
  /** context.sync() calls made by the code under test (Excel.run's own closing sync is not one of them). */
  syncCount = 0;
  /** Requests actually sent: syncs that had commands queued, including Excel.run's closing one when it had any. */
  roundTrips = 0;
  readonly requests: FakeRequestRecord[] = [];
  /** Labels of the commands run, in order: what was written. */
  readonly log: string[] = [];
  /** Calculations asked for with Application.calculate, in order. */
  readonly calculations: string[] = [];
  readonly payloadLimit: number;
  readonly evaluate: Evaluate;
  readonly dayFirst: boolean;
  readonly currentYear: number;
  readonly hugeRead: 'null' | 'throw';
  readonly excelApiOnline: boolean;
  private readonly excelApi: string;
  private readonly platform: string;

  constructor(options: FakeExcelOptions = {}) {
    this.sheets = (options.sheets ?? ['Sheet1']).map((n) => new FakeSheet(n));
    if (this.sheets.length === 0) throw new Error('a workbook has at least one sheet');
    this.activeSheet = this.sheets[0]?.name ?? '';
    this.payloadLimit = options.payloadLimit ?? EXCEL_WEB_LIMIT;
    this.evaluate = options.evaluate ?? (() => '');
    this.dayFirst = (options.dateOrder ?? 'dmy') === 'dmy';
    this.currentYear = options.currentYear ?? 2026;
    this.hugeRead = options.hugeRead ?? 'null';
    this.excelApiOnline = options.excelApiOnline ?? false;
    this.excelApi = options.excelApi ?? '1.17';
    this.platform = options.platform ?? 'OfficeOnline';
  }

  /** Like Excel.run: a fresh request context, the batch, then a closing sync. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeRequestContext(this);
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      // Excel.run sends whatever is still queued; with nothing queued it sends nothing.
      await ctx._send();
      return result;
    } finally {
      ctx.close();
    }
  }

  /** An object to install as the `Excel` global in a page. */
  get excelGlobal(): { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> } {
    return { run: (batch) => this.run(batch) };
  }

  /** An object to install as the `Office` global: requirement sets and platform. */
  get office(): { context: { platform: string; requirements: { isSetSupported(name: string, version?: string): boolean } } } {
    const max = this.excelApi;
    const online = this.excelApiOnline;
    return {
      context: {
        platform: this.platform,
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            (name === 'ExcelApi' && compareVersions(version ?? '1.1', max) <= 0) || (name === 'ExcelApiOnline' && online && compareVersions(version ?? '1.1', '1.1') <= 0),
        },
      },
    };
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.roundTrips = 0;
    this.requests.length = 0;
    this.log.length = 0;
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** What a user does by typing into cells (protection applies; the input is parsed like typing). */
  typeInto(sheetName: string, address: string, rows: readonly (readonly (FakeScalar | null)[])[]): void {
    writeInputs(this, this.mustSheet(sheetName), parseArea(address), rows, 'typing');
  }

  /**
   * What a user does by pasting values (Paste Special › Values): like typing, except that data validation does not
   * check what is pasted, so a list-validated cell can end up holding a value that is not one of its items.
   */
  pasteValues(sheetName: string, address: string, rows: readonly (readonly (FakeScalar | null)[])[]): void {
    writeInputs(this, this.mustSheet(sheetName), parseArea(address), rows, 'pasting');
  }

  /** The items of the list validation of one cell, as Excel splits them; null when the cell has none. */
  listItemsAt(sheetName: string, address: string): FakeScalar[] | null {
    const s = this.mustSheet(sheetName);
    const a = parseArea(address);
    return listAt(this, s, a.top, a.left)?.items ?? null;
  }

  /** Cells of a sheet holding a value that is not one of their list validation's items ("sheet!A1: value"). */
  listViolations(sheetName: string): string[] {
    const s = this.mustSheet(sheetName);
    const out: string[] = [];
    for (const v of s.validations) {
      if (!v.rule || !('list' in v.rule) || !isBounded(v.area)) continue;
      for (let row = v.area.top; row <= v.area.bottom; row++) {
        for (let col = v.area.left; col <= v.area.right; col++) {
          const value = s.cell(row, col)?.value ?? '';
          const list = listAt(this, s, row, col);
          if (value === '' || !list || list.items.some((item) => sameItem(this, item, value))) continue;
          out.push(`${s.name}!${columnLetters(col)}${row}: ${String(value)}`);
        }
      }
    }
    return out;
  }

  /** Values of a sheet from A1 to the end of its used range ("" for empty cells). */
  valuesOf(sheetName: string): FakeScalar[][] {
    const s = this.mustSheet(sheetName);
    const used = s.usedArea(true);
    return used ? s.valuesOf({ top: 1, left: 1, bottom: used.bottom, right: used.right }) : [];
  }

  /** Parses typed text the way this Excel would. */
  parse(text: string, at: { sheet: string; row: number; col: number }, textFormat = false): ParsedInput {
    if (text === '') return { value: '', formula: null };
    if (text.startsWith("'")) return { value: text.slice(1), formula: null };
    if (textFormat) return { value: text, formula: null };
    if (text.startsWith('=') && text.length > 1) return { value: this.evaluate(text, at), formula: text };
    const n = parseNumber(text);
    if (n !== null) return { value: n, formula: null };
    const d = parseDate(text, this.dayFirst, this.currentYear);
    if (d !== null) return { value: d, formula: null };
    const t = parseTime(text);
    if (t !== null) return { value: t, formula: null };
    if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === 'true', formula: null };
    const err = ERRORS.find((e) => e === text.trim().toUpperCase());
    if (err) return { value: err, formula: null };
    if (/^[+\-@]/.test(text)) {
      const formula = `=${text}`;
      return { value: this.evaluate(formula, at), formula };
    }
    return { value: text, formula: null };
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Operations on the model (run at sync time).

/**
 * Writes to locked cells of a protected sheet are refused. FormatProtection.locked: "Specifies if Excel locks the cells
 * in the object"; WorksheetProtection.protect(options): "Protects a worksheet", the options allowing only what they
 * name (e.g. allowFormatCells: "allowing formatting of cells"), so values and formulas of locked cells, and
 * formatting (number formats included) without allowFormatCells, are refused with AccessDenied.
 */
function guardLocked(sheet: FakeSheet, r: FakeArea, what: string): void {
  if (!sheet.protection.protected) return;
  if (!isBounded(r)) fail('AccessDenied', `${what}: the sheet is protected`);
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      if (sheet.cell(row, col)?.locked !== false) fail('AccessDenied', `${what}: ${columnLetters(col)}${row} is locked on a protected sheet`);
    }
  }
}

function guardUnprotected(sheet: FakeSheet, what: string): void {
  if (sheet.protection.protected) fail('AccessDenied', `${what}: the sheet "${sheet.name}" is protected`);
}

/**
 * Formatting cells of a protected sheet: WorksheetProtectionOptions.allowFormatCells "Represents the worksheet
 * protection option allowing formatting of cells"; without it, refused.
 */
function guardFormat(sheet: FakeSheet, what: string): void {
  if (sheet.protection.protected && sheet.protection.options.allowFormatCells !== true) guardUnprotected(sheet, what);
}

function writeInputs(
  excel: FakeExcel,
  sheet: FakeSheet,
  r: FakeArea,
  input: unknown,
  what: string,
): void {
  if (!isBounded(r)) fail('InvalidArgument', `${what}: whole rows or columns are not emulated`);
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  const single = !Array.isArray(input);
  if (!single) {
    // Range.values / Range.formulas are `any[][]`: "The number of rows or columns in the input array doesn't match the
    // size or dimensions of the range" is Excel's InvalidArgument for any other shape.
    checkShape(input, rows, cols, what, r);
  }
  guardLocked(sheet, r, what);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const raw = single ? input : (input as unknown[][])[i]?.[j];
      if (raw === null || raw === undefined) continue;
      const row = r.top + i;
      const col = r.left + j;
      const merge = sheet.mergeAt(row, col);
      if (merge && (merge.top !== row || merge.left !== col) && raw !== '') {
        fail('InvalidOperation', `${what}: ${columnLetters(col)}${row} is inside the merged area ${formatArea(merge)}`);
      }
      const cell = sheet.ensureCell(row, col);
      let parsed: ParsedInput;
      if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) fail('InvalidArgument', `${what}: ${String(raw)} is not a cell value`);
        parsed = { value: raw, formula: null };
      } else if (typeof raw === 'boolean') parsed = { value: raw, formula: null };
      else if (typeof raw === 'string') parsed = excel.parse(raw, { sheet: sheet.name, row, col }, cell.numberFormat === '@');
      else return fail('InvalidArgument', `${what}: ${typeof raw} is not a cell value`);
      if (what === 'typing') checkTypedAgainstValidation(excel, sheet, row, col, parsed.value);
      else if (parsed.formula !== null) checkEnUsFormula(parsed.formula, `${what} ${columnLetters(col)}${row}`);
      cell.value = parsed.value;
      cell.formula = parsed.formula;
    }
  }
}

function checkShape(input: unknown, rows: number, cols: number, what: string, r: FakeArea): void {
  const m = input as unknown[];
  if (m.length !== rows || m.some((line) => !Array.isArray(line) || line.length !== cols)) {
    fail('InvalidArgument', `${what}: the number of rows or columns in the input array doesn't match the size of ${formatArea(r)} (${rows}×${cols})`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Formulas go in as en-US.

/**
 * Function names of other Excel languages that a formula written for one of them would use (fr, de, es, pt, it, nl).
 * Excel would store such a formula and show #NAME?; the fake refuses it at once so the test names the cause.
 */
const LOCALISED_FUNCTIONS = new Set([
  'SOMME', 'SUMME', 'SUMA', 'SOMA', 'SOMMA', 'SOM', 'SI', 'SE', 'WENN', 'ALS', 'AUJOURDHUI', 'HEUTE', 'HOY', 'HOJE',
  'OGGI', 'VANDAAG', 'NB.SI', 'CONTAR.SI', 'CONTA.SE', 'AANTAL.ALS', 'RECHERCHEV', 'SVERWEIS', 'BUSCARV', 'PROCV',
  'CERCA.VERT', 'ET', 'UND', 'Y', 'E', 'OU', 'ODER', 'O', 'ESTVIDE', 'ISTLEER', 'ESBLANCO', 'SOMME.SI', 'SUMMEWENN',
  'SUMAR.SI', 'SOMASE', 'SOMMA.SE', 'ARRONDI', 'RUNDEN', 'REDONDEAR', 'ARRED', 'ARROTONDA', 'AFRONDEN', 'DATUM',
  'FECHA', 'DATA', 'JOUR', 'TAG', 'DIA', 'GIORNO', 'DAG', 'MOIS', 'MONAT', 'MES', 'MESE', 'MAAND', 'ANNEE', 'JAHR',
  'AÑO', 'ANO', 'ANNO', 'JAAR', 'TEXTE', 'TEXTO', 'TESTO', 'TEKST', 'SIERREUR', 'WENNFEHLER', 'SI.ERROR', 'SEERRO',
  'SE.ERRORE', 'ALS.FOUT',
]);

/** Text of a formula with string literals and quoted sheet names blanked out. */
function formulaSkeleton(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "'x'!");
}

/**
 * Range.formulas: "Represents the formula in A1-style notation", while Range.formulasLocal is the one "in the user's
 * language and number-formatting locale. For example, the English "=SUM(A1, 1.5)" formula would become
 * "=SUMME(A1; 1,5)" in German." ConditionalFormatRule.formula is likewise the en-US one ("formulaLocal: … in the
 * user's language"). So a formula given to these with ";" as the separator, or with a localised function name, is
 * refused here (Excel refuses the ";" and shows #NAME? for the name).
 */
export function checkEnUsFormula(formula: string, what: string): void {
  const skeleton = formulaSkeleton(formula);
  if (skeleton.includes(';')) fail('InvalidArgument', `${what}: "${formula}" uses ";" as a separator; Office.js takes en-US formulas (",")`);
  for (const m of skeleton.matchAll(/([\p{L}_][\p{L}\p{N}_.]*)\s*\(/gu)) {
    const name = (m[1] ?? '').toUpperCase();
    if (/[^\x00-\x7f]/.test(name) || LOCALISED_FUNCTIONS.has(name)) {
      fail('InvalidArgument', `${what}: "${formula}" calls ${name}, which is not an en-US function name`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// List validations as Excel splits them.

/**
 * The items of a list validation. ListDataValidation.source: "When setting the value, it can be passed in as a
 * `Range` object, or a string that contains a comma-separated number, Boolean, or date." So a literal source is split
 * on every comma ("Sở, ban, ngành" is three items); a source "=$K$2:$K$5" or "='Sheet'!$A$1:$A$4" (what a Range
 * becomes) is the values of that range, read when they are needed.
 */
export function listItemsOf(excel: FakeExcel, sheet: FakeSheet, source: string): FakeScalar[] {
  if (!source.startsWith('=')) return source.split(',').map((t) => t.trim());
  const { target, area } = listRange(excel, sheet, source);
  return target.valuesOf(area).flat().filter((v) => v !== '');
}

function listRange(excel: FakeExcel, sheet: FakeSheet, source: string): { target: FakeSheet; area: FakeArea } {
  const ref = source.slice(1).trim();
  const bang = ref.lastIndexOf('!');
  let target = sheet;
  if (bang > 0) {
    const raw = ref.slice(0, bang);
    const name = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    target = excel.sheet(name) ?? fail('InvalidArgument', `list source ${source}: no sheet "${name}"`);
  }
  return { target, area: listArea(source) };
}

/** The area of a range source; Excel: "The list source must be a delimited list, or a reference to single row or column." */
function listArea(source: string): FakeArea {
  const ref = source.slice(1).trim();
  const area = parseArea(ref.slice(ref.lastIndexOf('!') + 1));
  if (area.top !== area.bottom && area.left !== area.right) fail('InvalidArgument', `list source ${source} must be a single row or column`);
  if (!isBounded(area)) fail('InvalidArgument', `list source ${source}: whole rows or columns are not emulated`);
  return area;
}

function sameItem(excel: FakeExcel, item: FakeScalar, value: FakeScalar): boolean {
  const parsed = typeof item === 'string' ? excel.parse(item, { sheet: '', row: 1, col: 1 }).value : item;
  if (typeof parsed === 'string' && typeof value === 'string') return parsed.toLocaleLowerCase() === value.toLocaleLowerCase();
  return parsed === value;
}

/** The list validation covering a cell, with its items; undefined when the cell has none. */
function listAt(excel: FakeExcel, sheet: FakeSheet, row: number, col: number): { v: FakeValidation; items: FakeScalar[] } | undefined {
  const v = sheet.validations.find((x) => contains(x.area, row, col) && x.rule !== undefined && 'list' in x.rule);
  const source = (v?.rule?.list as { source?: unknown } | undefined)?.source;
  if (!v || typeof source !== 'string') return undefined;
  return { v, items: listItemsOf(excel, sheet, source) };
}

/** A value typed into a list-validated cell must be one of its items when the alert is Stop (Excel's default). */
function checkTypedAgainstValidation(excel: FakeExcel, sheet: FakeSheet, row: number, col: number, value: FakeScalar): void {
  const list = listAt(excel, sheet, row, col);
  if (!list) return;
  const alert = list.v.errorAlert;
  if (alert?.showAlert === false || (alert?.style ?? 'Stop') !== 'Stop') return;
  if (value === '' && list.v.ignoreBlanks !== false) return;
  if (list.items.some((item) => sameItem(excel, item, value))) return;
  fail('DataValidationStop', `${sheet.name}!${columnLetters(col)}${row}: "${String(value)}" is not one of the list's items (${list.items.join(' | ')})`);
}

/** Adds or removes from..to in a set of row or column numbers (removal touches only what is there). */
function setIn(set: Set<number>, from: number, to: number, on: boolean): void {
  if (on) for (let i = from; i <= to; i++) set.add(i);
  else for (const i of [...set]) if (i >= from && i <= to) set.delete(i);
}

/** Removes from..to from a map of row heights or column widths. */
function dropIn(map: Map<number, number>, from: number, to: number): void {
  for (const i of [...map.keys()]) if (i >= from && i <= to) map.delete(i);
}

function forEachCell(sheet: FakeSheet, r: FakeArea, fn: (cell: FakeCell, row: number, col: number) => void): void {
  if (!isBounded(r)) fail('InvalidArgument', 'formatting whole rows or columns is not emulated');
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(sheet.ensureCell(row, col), row, col);
}

function setCellFormat(sheet: FakeSheet, r: FakeArea, path: string, value: unknown): void {
  guardFormat(sheet, `format ${path}`);
  forEachCell(sheet, r, (c) => c.format.set(path, value));
}

function clearArea(sheet: FakeSheet, r: FakeArea, applyTo: string): void {
  guardUnprotected(sheet, 'clear');
  const contents = applyTo === 'All' || applyTo === 'Contents';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  for (const [k, c] of [...sheet.cells]) {
    const row = Math.floor(k / (MAX_COLUMNS + 1));
    const col = k % (MAX_COLUMNS + 1);
    if (!contains(r, row, col)) continue;
    if (contents) {
      c.value = '';
      c.formula = null;
    }
    if (formats) {
      c.format.clear();
      c.numberFormat = 'General';
      c.locked = true;
    }
    if (c.value === '' && c.formula === null && c.format.size === 0 && c.numberFormat === 'General' && c.locked) sheet.cells.delete(k);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The request context and its command queue.

interface Command {
  readonly label: string;
  readonly bytes: number;
  readonly run: (response: ResponseSink) => void;
}

interface ResponseSink {
  add(bytes: number, commit: () => void): void;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Command[] = [];
  private created: FakeProxy[] = [];
  /** Object paths and kept references made since the last request (sent with the next one that has commands). */
  private pathBytes = 0;
  private closed = false;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(label: string, bytes: number, run: (response: ResponseSink) => void): void {
    if (this.closed) fail('InvalidObjectPath', `${label}: the object was used after Excel.run finished`);
    this.queue.push({ label, bytes: COMMAND_BYTES + bytes, run });
  }

  register(p: FakeProxy): void {
    this.made(PATH_BYTES);
    this.created.push(p);
  }

  /** Bytes of what Office.js sends for the objects it makes: paths, their arguments, kept references. */
  made(bytes: number): void {
    this.pathBytes += bytes;
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    if (this.closed) fail('InvalidObjectPath', 'sync after Excel.run finished');
    this.excel.syncCount++;
    await this._send();
  }

  /** Sends the queued commands as one request (nothing when nothing is queued). */
  async _send(): Promise<void> {
    const commands = this.queue;
    const created = this.created;
    const pathBytes = this.pathBytes;
    this.queue = [];
    this.created = [];
    this.pathBytes = 0;
    await Promise.resolve();
    if (commands.length === 0) {
      for (const p of created) p._settle();
      return;
    }
    this.excel.roundTrips++;
    const requestBytes = REQUEST_BYTES + pathBytes + commands.reduce((n, c) => n + c.bytes, 0);
    if (requestBytes > this.excel.payloadLimit) {
      this.excel.requests.push({ commands: commands.length, requestBytes, responseBytes: 0 });
      fail('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    let responseBytes = 0;
    const commits: (() => void)[] = [];
    const sink: ResponseSink = {
      add: (bytes, commit) => {
        responseBytes += bytes;
        commits.push(commit);
      },
    };
    try {
      for (const c of commands) {
        this.excel.log.push(c.label);
        c.run(sink);
      }
    } finally {
      this.excel.requests.push({ commands: commands.length, requestBytes, responseBytes });
    }
    if (responseBytes > this.excel.payloadLimit) {
      fail('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    for (const commit of commits) commit();
    for (const p of created) p._settle();
  }

  /** Present in Office.js; tracking is irrelevant in memory. */
  trackedObjects = { add(): void {}, remove(): void {} };
}

type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

function loadNames(arg: LoadArg): string[] {
  let text: string[];
  if (arg === undefined) return fail('InvalidArgument', 'load() without property names loads everything; name the properties (not emulated)');
  if (typeof arg === 'string') text = arg.split(',');
  else if (Array.isArray(arg)) text = arg.flatMap((a) => a.split(','));
  else text = [...(arg.select ?? '').split(','), ...(arg.expand ?? '').split(',')];
  return text.map((t) => t.trim()).filter((t) => t !== '');
}

/** A proxy: queues commands, holds what loads brought back. */
export abstract class FakeProxy {
  private readonly loaded = new Map<string, unknown>();
  private settled = false;
  private resolved: { target: unknown } | undefined;

  constructor(
    protected readonly ctx: FakeRequestContext,
    private readonly resolver: () => unknown,
    protected readonly kind: string,
  ) {
    ctx.register(this);
  }

  /** The model object this proxy stands for, fixed the first time a command needs it; null for a null object. */
  _target(): unknown {
    if (!this.resolved) this.resolved = { target: this.resolver() };
    return this.resolved.target;
  }

  _settle(): void {
    this.settled = true;
    try {
      this._target();
    } catch {
      // A proxy whose commands failed stays unresolved; the failure was reported by its command.
    }
  }

  get isNullObject(): boolean {
    if (!this.settled) fail('PropertyNotLoaded', `${this.kind}.isNullObject is not available before context.sync()`);
    return this._target() === null;
  }

  protected read<T>(name: string): T {
    if (this.settled && this._target() === null) {
      fail('InvalidObjectPath', `${this.kind}.${name} was read on a null object (check isNullObject first)`);
    }
    if (!this.loaded.has(name)) {
      fail(
        'PropertyNotLoaded',
        `The property '${name}' of ${this.kind} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  /** The live model object, or the failure Excel gives for acting on a null object. */
  protected live<T>(what: string): T {
    const t = this._target();
    if (t === null) fail('ItemNotFound', `${this.kind}.${what} on a null object`);
    return t as T;
  }

  load(arg?: LoadArg): this {
    const names = loadNames(arg);
    this.ctx.enqueue(`${this.kind}.load(${names.join(',')})`, wireBytes(names), (sink) => this._load(names, sink));
    return this;
  }

  _load(names: readonly string[], sink: ResponseSink): void {
    const target = this._target();
    if (target === null) return;
    for (const name of names) {
      const slash = name.indexOf('/');
      if (slash > 0) {
        const child = this._child(name.slice(0, slash));
        child._load([name.slice(slash + 1)], sink);
        continue;
      }
      const value = this._snapshot(name, target);
      sink.add(wireBytes(value) + name.length + 4, () => this.loaded.set(name, value));
    }
  }

  /** A navigation property by name, for "a/b" load paths. */
  protected _child(name: string): FakeProxy {
    return fail('InvalidArgument', `${this.kind} has no navigation property ${name} (not emulated)`);
  }

  /** The current value of a scalar property. */
  protected abstract _snapshot(name: string, target: unknown): unknown;

  /** Queues a change of the model. */
  protected queue(label: string, payload: unknown, run: () => void): void {
    this.ctx.enqueue(`${this.kind}.${label}`, wireBytes(payload), () => run());
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook and worksheets.

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
  }

  getActiveWorksheet(): FakeWorksheet {
    const excel = this.ctx.excel;
    const ws = new FakeWorksheet(this.ctx, () => excel.mustSheet(excel.activeSheet));
    this.ctx.enqueue('Workbook.getActiveWorksheet', 0, () => ws._target());
    return ws;
  }
}

/** Workbook.application: only calculate(), recorded in FakeExcel.calculations (the fake does not calculate). */
export class FakeApplication extends FakeProxy {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.excel, 'Application');
  }
  protected _snapshot(name: string): unknown {
    return fail('InvalidArgument', `Application.${name} (not emulated)`);
  }
  calculate(calculationType: string): void {
    this.queue(`calculate(${calculationType})`, calculationType, () => {
      if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType)) fail('InvalidArgument', `calculate(${calculationType})`);
      this.ctx.excel.calculations.push(calculationType);
    });
  }
}

export class FakeWorksheetCollection extends FakeProxy {
  private itemsLoaded: FakeWorksheet[] | undefined;

  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.excel, 'WorksheetCollection');
  }

  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) fail('PropertyNotLoaded', "The property 'items' of WorksheetCollection is not available; load it and sync first.");
    return this.itemsLoaded as FakeWorksheet[];
  }

  override _load(names: readonly string[], sink: ResponseSink): void {
    const props = names.map((n) => n.replace(/^items\//, '')).filter((n) => n !== 'items');
    const excel = this.ctx.excel;
    const list = excel.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
    for (const ws of list) {
      ws._settle();
      ws._load(props.length > 0 ? props : ['name'], sink);
    }
    sink.add(2, () => (this.itemsLoaded = list));
  }

  protected _snapshot(name: string): unknown {
    return fail('InvalidArgument', `WorksheetCollection.${name} (not emulated)`);
  }

  add(name?: string): FakeWorksheet {
    const excel = this.ctx.excel;
    let created: FakeSheet | undefined;
    const ws = new FakeWorksheet(this.ctx, () => created ?? fail('InvalidObjectPath', 'worksheet not yet added'));
    this.ctx.enqueue(`Worksheets.add(${name ?? ''})`, wireBytes(name ?? ''), () => {
      let n = name;
      if (n === undefined) {
        let i = excel.sheets.length + 1;
        while (excel.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (n.length === 0 || n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n)) fail('InvalidArgument', `bad sheet name "${n}"`);
      if (excel.sheet(n)) fail('ItemAlreadyExists', `A sheet named "${n}" already exists.`);
      created = new FakeSheet(n);
      excel.sheets.push(created);
      ws._target();
    });
    return ws;
  }

  getItem(name: string): FakeWorksheet {
    const excel = this.ctx.excel;
    const ws = new FakeWorksheet(this.ctx, () => excel.sheet(name) ?? fail('ItemNotFound', `No sheet named "${name}".`));
    this.ctx.enqueue(`Worksheets.getItem(${name})`, wireBytes(name), () => ws._target());
    return ws;
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const excel = this.ctx.excel;
    const ws = new FakeWorksheet(this.ctx, () => excel.sheet(name) ?? null);
    this.ctx.enqueue(`Worksheets.getItemOrNullObject(${name})`, wireBytes(name), () => ws._target());
    return ws;
  }
}

const SHEET_VISIBILITY: readonly FakeVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

export class FakeWorksheet extends FakeProxy {
  private readonly nav = new Map<string, FakeProxy>();

  constructor(ctx: FakeRequestContext, resolver: () => FakeSheet | null) {
    super(ctx, resolver, 'Worksheet');
  }

  private sheet(what: string): FakeSheet {
    return this.live<FakeSheet>(what);
  }

  protected _snapshot(name: string, target: unknown): unknown {
    const s = target as FakeSheet;
    switch (name) {
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.visibility === 'Visible' ? s.tabColor : null;
      case 'position':
        return this.ctx.excel.sheets.indexOf(s);
      default:
        return fail('InvalidArgument', `Worksheet.${name} (not emulated)`);
    }
  }

  protected override _child(name: string): FakeProxy {
    if (name === 'protection') return this.protection;
    if (name === 'freezePanes') return this.freezePanes;
    if (name === 'pageLayout') return this.pageLayout;
    return super._child(name);
  }

  get name(): string {
    return this.read('name');
  }
  get visibility(): FakeVisibility {
    return this.read('visibility');
  }
  set visibility(v: FakeVisibility) {
    this.queue('visibility', v, () => {
      const s = this.sheet('visibility');
      if (!SHEET_VISIBILITY.includes(v)) fail('InvalidArgument', `visibility ${String(v)}`);
      if (v !== 'Visible' && s.visibility === 'Visible') {
        const visible = this.ctx.excel.sheets.filter((x) => x.visibility === 'Visible');
        if (visible.length <= 1) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        if (this.ctx.excel.activeSheet === s.name) {
          const next = visible.find((x) => x !== s);
          if (next) this.ctx.excel.activeSheet = next.name;
        }
      }
      s.visibility = v;
    });
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(v: string) {
    this.queue('tabColor', v, () => {
      const s = this.sheet('tabColor');
      if (v !== '' && !/^#[0-9A-Fa-f]{6}$/.test(v)) fail('InvalidArgument', `tab colour ${v}`);
      s.tabColor = v.toUpperCase();
    });
  }

  get protection(): FakeWorksheetProtection {
    return this.navigation('protection', () => new FakeWorksheetProtection(this.ctx, () => this._target() as FakeSheet | null));
  }
  get freezePanes(): FakeFreezePanes {
    return this.navigation('freezePanes', () => new FakeFreezePanes(this.ctx, () => this._target() as FakeSheet | null));
  }
  get pageLayout(): FakePageLayout {
    return this.navigation('pageLayout', () => new FakePageLayout(this.ctx, () => this._target() as FakeSheet | null));
  }

  private navigation<T extends FakeProxy>(name: string, make: () => T): T {
    let p = this.nav.get(name) as T | undefined;
    if (!p) {
      p = make();
      this.nav.set(name, p);
    }
    return p;
  }

  getRange(address?: string): FakeRange {
    const area = parseArea(address);
    const r = new FakeRange(this.ctx, () => {
      const s = this._target() as FakeSheet | null;
      if (s === null) return fail('ItemNotFound', `getRange(${address ?? ''}) on a null worksheet`);
      return { sheet: s, area };
    });
    this.ctx.enqueue(`Worksheet.getRange(${address ?? ''})`, wireBytes(address ?? ''), () => r._target());
    return r;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.ctx, () => {
      const s = this._target() as FakeSheet | null;
      if (s === null) return null;
      const area = s.usedArea(valuesOnly === true);
      return area ? { sheet: s, area } : null;
    });
    this.ctx.enqueue('Worksheet.getUsedRangeOrNullObject', 8, () => r._target());
    return r;
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.ctx, () => {
      const s = this.sheet('getUsedRange');
      return { sheet: s, area: s.usedArea(valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
    this.ctx.enqueue('Worksheet.getUsedRange', 8, () => r._target());
    return r;
  }

  activate(): void {
    this.queue('activate', '', () => {
      const s = this.sheet('activate');
      if (s.visibility !== 'Visible') fail('InvalidOperation', `cannot activate the hidden sheet "${s.name}"`);
      this.ctx.excel.activeSheet = s.name;
    });
  }

  delete(): void {
    this.queue('delete', '', () => {
      const s = this.sheet('delete');
      const excel = this.ctx.excel;
      // Worksheet.delete(): "Note that if the worksheet's visibility is set to "VeryHidden", the delete operation will
      // fail with an `InvalidOperation` exception. You should first change its visibility to hidden or visible before
      // deleting it."
      if (s.visibility === 'VeryHidden') fail('InvalidOperation', `cannot delete the very hidden sheet "${s.name}": set its visibility to Hidden first`);
      if (excel.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) fail('InvalidOperation', 'cannot delete the last visible sheet');
      excel.sheets.splice(excel.sheets.indexOf(s), 1);
      if (excel.activeSheet === s.name) excel.activeSheet = excel.sheets.find((x) => x.visibility === 'Visible')?.name ?? '';
    });
  }
}

export class FakeWorksheetProtection extends FakeProxy {
  constructor(ctx: FakeRequestContext, sheet: () => FakeSheet | null) {
    super(ctx, sheet, 'WorksheetProtection');
  }

  protected _snapshot(name: string, target: unknown): unknown {
    const s = target as FakeSheet;
    if (name === 'protected') return s.protection.protected;
    if (name === 'options') return { ...s.protection.options };
    // "isPasswordProtected: Specifies if the sheet is password protected. [Api set: ExcelApiOnline 1.1]"
    if (name === 'isPasswordProtected') {
      if (!this.ctx.excel.excelApiOnline) fail('ApiNotFound', 'WorksheetProtection.isPasswordProtected needs ExcelApiOnline 1.1 (Excel on the web)');
      return s.protection.protected && s.protection.password !== undefined;
    }
    return fail('InvalidArgument', `WorksheetProtection.${name} (not emulated)`);
  }

  get protected(): boolean {
    return this.read('protected');
  }
  get options(): Record<string, unknown> {
    return this.read('options');
  }
  get isPasswordProtected(): boolean {
    return this.read('isPasswordProtected');
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this.queue('protect', options ?? {}, () => {
      const s = this.live<FakeSheet>('protect');
      // WorksheetProtection.protect(): "Protects a worksheet. Fails if the worksheet has already been protected."
      if (s.protection.protected) fail('InvalidOperation', `the sheet "${s.name}" is already protected`);
      s.protection = { protected: true, options: { ...(options ?? {}) }, ...(password ? { password } : {}) };
    });
  }

  unprotect(password?: string): void {
    this.queue('unprotect', password ?? '', () => {
      const s = this.live<FakeSheet>('unprotect');
      // Builds of 2026 refuse unprotect() on a sheet that is not protected ("WorksheetProtection.protect() and
      // unprotect() now throw AccessDenied when called on already protected/unprotected worksheets", office-js#6784):
      // code must read `protected` first, so the fake refuses it too.
      if (!s.protection.protected) fail('AccessDenied', `unprotect(): the sheet "${s.name}" is not protected`);
      // WorksheetProtection.unprotect(password): "Unprotects a worksheet. @param password Sheet protection password."
      // Without the password of a sheet that has one, Excel refuses it.
      if (s.protection.password !== undefined && s.protection.password !== password) fail('InvalidArgument', 'wrong password');
      s.protection = { protected: false, options: {} };
    });
  }
}

export class FakeFreezePanes extends FakeProxy {
  constructor(ctx: FakeRequestContext, sheet: () => FakeSheet | null) {
    super(ctx, sheet, 'WorksheetFreezePanes');
  }
  protected _snapshot(name: string): unknown {
    return fail('InvalidArgument', `WorksheetFreezePanes.${name} (not emulated)`);
  }
  freezeAt(range: string | FakeRange): void {
    const address = typeof range === 'string' ? range : undefined;
    this.queue('freezeAt', address ?? 'range', () => {
      const s = this.live<FakeSheet>('freezeAt');
      const a = typeof range === 'string' ? parseArea(range) : range._area();
      s.freeze = { rows: a.bottom === MAX_ROWS ? 0 : a.bottom, columns: a.right === MAX_COLUMNS ? 0 : a.right };
    });
  }
  freezeRows(count = 1): void {
    this.queue('freezeRows', count, () => (this.live<FakeSheet>('freezeRows').freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.queue('freezeColumns', count, () => (this.live<FakeSheet>('freezeColumns').freeze = { rows: 0, columns: count }));
  }
  unfreeze(): void {
    this.queue('unfreeze', '', () => (this.live<FakeSheet>('unfreeze').freeze = null));
  }
}

const PAGE_PROPERTIES = [
  'orientation',
  'paperSize',
  'centerHorizontally',
  'centerVertically',
  'leftMargin',
  'rightMargin',
  'topMargin',
  'bottomMargin',
  'headerMargin',
  'footerMargin',
  'printGridlines',
] as const;

/**
 * Only the documented values of PageLayoutZoomOptions: horizontalFitToPages / verticalFitToPages: "Number of pages to
 * fit horizontally / vertically. This value can be `null` if percentage scale is used."; scale: "Print page scale
 * value can be between 10 and 400." A page count of 0 (the .xlsx "automatic" fitToHeight) is not documented: refused.
 */
function checkZoom(z: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(z)) {
    if (v === null || v === undefined) continue;
    if (k === 'scale') {
      if (typeof v !== 'number' || !(v >= 10 && v <= 400)) fail('InvalidArgument', `PageLayout.zoom.scale ${String(v)} (10 to 400)`);
    } else if (k === 'horizontalFitToPages' || k === 'verticalFitToPages') {
      if (!Number.isInteger(v) || (v as number) < 1) fail('InvalidArgument', `PageLayout.zoom.${k} ${String(v)} is not a number of pages`);
    } else fail('InvalidArgument', `PageLayout.zoom has no ${k}`);
  }
}

export class FakePageLayout extends FakeProxy {
  constructor(ctx: FakeRequestContext, sheet: () => FakeSheet | null) {
    super(ctx, sheet, 'PageLayout');
    for (const p of PAGE_PROPERTIES) {
      Object.defineProperty(this, p, {
        get: () => this.read(p),
        set: (v: unknown) => this.queue(p, v, () => (this.live<FakeSheet>(p).pageLayout[p] = v)),
        enumerable: true,
      });
    }
  }
  protected _snapshot(name: string, target: unknown): unknown {
    const s = target as FakeSheet;
    if ((PAGE_PROPERTIES as readonly string[]).includes(name) || name === 'zoom') return s.pageLayout[name] ?? null;
    return fail('InvalidArgument', `PageLayout.${name} (not emulated)`);
  }
  get zoom(): unknown {
    return this.read('zoom');
  }
  set zoom(v: unknown) {
    this.queue('zoom', v, () => {
      if (typeof v !== 'object' || v === null) fail('InvalidArgument', 'PageLayout.zoom takes a PageLayoutZoomOptions object');
      checkZoom(v as Record<string, unknown>);
      this.live<FakeSheet>('zoom').pageLayout.zoom = { ...(v as object) };
    });
  }
  setPrintTitleRows(rows: string | FakeRange): void {
    this.queue('setPrintTitleRows', typeof rows === 'string' ? rows : 'range', () => {
      const a = typeof rows === 'string' ? parseArea(rows) : rows._area();
      if (a.left !== 1 || a.right !== MAX_COLUMNS) fail('InvalidArgument', 'print title rows must be whole rows');
      this.live<FakeSheet>('setPrintTitleRows').printTitleRows = `$${a.top}:$${a.bottom}`;
    });
  }
  /**
   * PageLayout.setPrintTitleColumns(printTitleColumns: Range | string) (ExcelApi 1.9): "The columns to be repeated to
   * the left of each page. The range must span the entire column to be valid." Anything but whole columns is refused.
   */
  setPrintTitleColumns(columns: string | FakeRange): void {
    this.queue('setPrintTitleColumns', typeof columns === 'string' ? columns : 'range', () => {
      const a = typeof columns === 'string' ? parseArea(columns) : columns._area();
      if (a.top !== 1 || a.bottom !== MAX_ROWS) fail('InvalidArgument', 'print title columns must span the entire columns');
      this.live<FakeSheet>('setPrintTitleColumns').printTitleColumns = `$${columnLetters(a.left)}:$${columnLetters(a.right)}`;
    });
  }
  setPrintMargins(unit: string, margins: Record<string, number>): void {
    this.queue('setPrintMargins', margins, () => {
      const factor = unit === 'Inches' ? 72 : unit === 'Centimeters' ? 72 / 2.54 : 1;
      const s = this.live<FakeSheet>('setPrintMargins');
      for (const [k, v] of Object.entries(margins)) s.pageLayout[`${k}Margin`] = v * factor;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges and their formatting.

interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly area: FakeArea;
}

export class FakeRange extends FakeProxy {
  private readonly nav = new Map<string, FakeProxy>();

  constructor(ctx: FakeRequestContext, resolver: () => RangeTarget | null) {
    super(ctx, resolver, 'Range');
    // A range made inside Excel.run: Office.js keeps a reference to it.
    ctx.made(KEEP_REFERENCE_BYTES);
  }

  _area(): FakeArea {
    return this.live<RangeTarget>('area').area;
  }

  _targetArea(): RangeTarget {
    return this.live<RangeTarget>('range');
  }

  private t(what: string): RangeTarget {
    return this.live<RangeTarget>(what);
  }

  protected _snapshot(name: string, target: unknown): unknown {
    const { sheet, area } = target as RangeTarget;
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${formatArea(area)}`;
      case 'rowIndex':
        return area.top - 1;
      case 'columnIndex':
        return area.left - 1;
      case 'rowCount':
        return area.bottom - area.top + 1;
      case 'columnCount':
        return area.right - area.left + 1;
      case 'values':
        return this.readable(area, 'values') ? sheet.valuesOf(area) : null;
      case 'formulas':
        return this.readable(area, 'formulas') ? sheet.formulasOf(area) : null;
      case 'numberFormat':
        return this.readable(area, 'numberFormat') ? sheet.numberFormatsOf(area) : null;
      default:
        return fail('InvalidArgument', `Range.${name} (not emulated)`);
    }
  }

  /**
   * "On all platforms, a range is limited to five million cells for get operations" (Excel JavaScript API
   * performance); and "When a get operation using `Range.values` exceeds the five-million-cell limit, the API doesn't
   * always throw an error. In some cases, `Range.values` returns `null` instead." (office-js-docs-pr #5821; office-js
   * #4783, #6781). So a read of more cells returns null, or throws RangeExceedsLimit when the fake is told to.
   */
  private readable(area: FakeArea, what: string): boolean {
    if (cellCount(area) <= READ_CELL_LIMIT) return true;
    if (this.ctx.excel.hugeRead === 'throw') fail('RangeExceedsLimit', `Range.${what}: ${cellCount(area)} cells is over the 5 000 000-cell limit of a read`);
    return false;
  }

  protected override _child(name: string): FakeProxy {
    if (name === 'format') return this.format;
    return super._child(name);
  }

  private navigation<T extends FakeProxy>(name: string, make: () => T): T {
    let p = this.nav.get(name) as T | undefined;
    if (!p) {
      p = make();
      this.nav.set(name, p);
    }
    return p;
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  /**
   * Office.js sends a 2-D array of more than 1,500 cells in slices of about 1,500 cells, each written to a range it
   * makes from two rows ("_ValidateArraySize", then getRow/getRow/getBoundingRect and a set per slice:
   * setRangePropertiesInBulk in Office.js).
   */
  private queueBulk(label: string, v: unknown, run: () => void): void {
    let extra = 0;
    const width = Array.isArray(v) && Array.isArray(v[0]) ? (v[0] as unknown[]).length : 0;
    if (width > 0 && (v as unknown[]).length * width > BULK_CELLS) {
      const slices = Math.ceil((v as unknown[]).length / Math.max(1, Math.round(BULK_CELLS / width)));
      extra = COMMAND_BYTES + slices * SLICE_BYTES;
    }
    this.ctx.enqueue(`${this.kind}.${label}`, wireBytes(v) + extra, () => run());
  }
  get values(): FakeScalar[][] {
    return this.read('values');
  }
  set values(v: unknown) {
    this.queueBulk('values', v, () => {
      const { sheet, area } = this.t('values');
      writeInputs(this.ctx.excel, sheet, area, v, `values ${formatArea(area)}`);
    });
  }
  get formulas(): FakeScalar[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown) {
    this.queueBulk('formulas', v, () => {
      const { sheet, area } = this.t('formulas');
      writeInputs(this.ctx.excel, sheet, area, v, `formulas ${formatArea(area)}`);
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: unknown) {
    this.queueBulk('numberFormat', v, () => {
      const { sheet, area } = this.t('numberFormat');
      guardFormat(sheet, 'numberFormat');
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      // Range.numberFormat is `any[][]` ("Represents Excel's number format code for the given range"): a 2-D array of
      // the range's shape, or one value for every cell: "If you need to apply the same value, the same number format,
      // or the same formula to a range of cells, it's more efficient to specify a single value instead of an array of
      // values" (Excel JavaScript API performance, "Update all cells in a range"; the core-concepts sample sets
      // `range.numberFormat = 'm/d/yyyy'` on A1:A20). Not on whole rows or columns: "You can't set cell-level
      // properties such as values, numberFormat, and formulas on unbounded range" (unbounded ranges). A 1×1 array for a
      // larger range is another shape, refused like any other.
      if (!isBounded(area)) fail('InvalidArgument', `numberFormat ${formatArea(area)}: cell-level properties can't be set on whole rows or columns`);
      if (Array.isArray(v)) checkShape(v, rows, cols, 'numberFormat', area);
      else if (typeof v !== 'string') fail('InvalidArgument', `numberFormat ${formatArea(area)}: ${typeof v} is not a number format`);
      forEachCell(sheet, area, (c, row, col) => {
        const f = Array.isArray(v) ? (v as unknown[][])[row - area.top]?.[col - area.left] : v;
        if (f === null || f === undefined) return;
        c.numberFormat = f === '' ? 'General' : String(f);
      });
    });
  }
  set columnHidden(v: boolean) {
    this.queue('columnHidden', v, () => {
      const { sheet, area } = this.t('columnHidden');
      if (sheet.protection.protected && sheet.protection.options.allowFormatColumns !== true) fail('AccessDenied', 'columnHidden on a protected sheet');
      setIn(sheet.hiddenColumns, area.left, area.right, v);
    });
  }
  set rowHidden(v: boolean) {
    this.queue('rowHidden', v, () => {
      const { sheet, area } = this.t('rowHidden');
      if (sheet.protection.protected && sheet.protection.options.allowFormatRows !== true) fail('AccessDenied', 'rowHidden on a protected sheet');
      setIn(sheet.hiddenRows, area.top, area.bottom, v);
    });
  }

  get format(): FakeRangeFormat {
    return this.navigation('format', () => new FakeRangeFormat(this.ctx, () => this._target() as RangeTarget | null));
  }
  get dataValidation(): FakeDataValidation {
    return this.navigation('dataValidation', () => new FakeDataValidation(this.ctx, () => this._target() as RangeTarget | null));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.navigation('conditionalFormats', () => new FakeConditionalFormatCollection(this.ctx, () => this._target() as RangeTarget | null));
  }

  merge(across = false): void {
    this.queue('merge', across, () => {
      const { sheet, area } = this.t('merge');
      guardUnprotected(sheet, 'merge');
      if (!isBounded(area)) fail('InvalidArgument', 'merging whole rows or columns is not emulated');
      const pieces: FakeArea[] = across
        ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i }))
        : [area];
      for (const p of pieces) {
        if (cellCount(p) < 2) continue;
        if (sheet.merges.some((m) => overlaps(m, p))) fail('InvalidOperation', `${formatArea(p)} overlaps a merged area`);
        // Excel keeps the upper-left value only.
        forEachCell(sheet, p, (c, row, col) => {
          if (row !== p.top || col !== p.left) {
            c.value = '';
            c.formula = null;
          }
        });
        sheet.merges.push(p);
      }
    });
  }

  unmerge(): void {
    this.queue('unmerge', '', () => {
      const { sheet, area } = this.t('unmerge');
      guardUnprotected(sheet, 'unmerge');
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, area));
    });
  }

  clear(applyTo: string = 'All'): void {
    this.queue('clear', applyTo, () => {
      const { sheet, area } = this.t('clear');
      if (!['All', 'Formats', 'Contents'].includes(applyTo)) fail('InvalidArgument', `clear(${applyTo}) is not emulated`);
      clearArea(sheet, area, applyTo);
    });
  }

  select(): void {
    this.queue('select', '', () => {
      const { sheet, area } = this.t('select');
      if (this.ctx.excel.activeSheet !== sheet.name) fail('InvalidSelection', `select(${formatArea(area)}) on "${sheet.name}", which is not the active sheet`);
      this.ctx.excel.selection = { sheet: sheet.name, address: formatArea(area) };
    });
  }
}

export class FakeRangeFormat extends FakeProxy {
  private readonly nav = new Map<string, FakeProxy>();

  constructor(ctx: FakeRequestContext, private readonly range: () => RangeTarget | null) {
    super(ctx, range, 'RangeFormat');
    const cellProps: Record<string, (v: unknown) => boolean> = {
      horizontalAlignment: (v) => ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(String(v)),
      verticalAlignment: (v) => ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(String(v)),
      wrapText: (v) => typeof v === 'boolean',
      indentLevel: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 250,
    };
    for (const [p, valid] of Object.entries(cellProps)) {
      Object.defineProperty(this, p, {
        get: () => this.read(p),
        set: (v: unknown) =>
          this.queue(p, v, () => {
            const { sheet, area } = this.live<RangeTarget>(p);
            if (!valid(v)) fail('InvalidArgument', `RangeFormat.${p} = ${String(v)}`);
            setCellFormat(sheet, area, p, v);
          }),
        enumerable: true,
      });
    }
  }

  protected _snapshot(name: string, target: unknown): unknown {
    const { sheet, area } = target as RangeTarget;
    if (name === 'columnWidth') return sheet.columnWidths.get(area.left) ?? 48;
    if (name === 'rowHeight') return sheet.rowHeights.get(area.top) ?? 15;
    return uniform(sheet, area, (c) => c?.format.get(name) ?? null);
  }

  set columnWidth(points: number) {
    this.queue('columnWidth', points, () => {
      const { sheet, area } = this.live<RangeTarget>('columnWidth');
      if (!(points >= 0 && points <= 255 * 7.5)) fail('InvalidArgument', `columnWidth ${points}`);
      if (sheet.protection.protected && sheet.protection.options.allowFormatColumns !== true) fail('AccessDenied', 'columnWidth on a protected sheet');
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set rowHeight(points: number) {
    this.queue('rowHeight', points, () => {
      const { sheet, area } = this.live<RangeTarget>('rowHeight');
      if (!(points >= 0 && points <= 409)) fail('InvalidArgument', `rowHeight ${points}`);
      if (sheet.protection.protected && sheet.protection.options.allowFormatRows !== true) fail('AccessDenied', 'rowHeight on a protected sheet');
      for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  /** Only true has an effect, as in Excel. */
  set useStandardWidth(v: boolean) {
    this.queue('useStandardWidth', v, () => {
      const { sheet, area } = this.live<RangeTarget>('useStandardWidth');
      if (sheet.protection.protected && sheet.protection.options.allowFormatColumns !== true) fail('AccessDenied', 'useStandardWidth on a protected sheet');
      if (v) dropIn(sheet.columnWidths, area.left, area.right);
    });
  }
  set useStandardHeight(v: boolean) {
    this.queue('useStandardHeight', v, () => {
      const { sheet, area } = this.live<RangeTarget>('useStandardHeight');
      if (sheet.protection.protected && sheet.protection.options.allowFormatRows !== true) fail('AccessDenied', 'useStandardHeight on a protected sheet');
      if (v) dropIn(sheet.rowHeights, area.top, area.bottom);
    });
  }

  private navigation<T extends FakeProxy>(name: string, make: () => T): T {
    let p = this.nav.get(name) as T | undefined;
    if (!p) {
      p = make();
      this.nav.set(name, p);
    }
    return p;
  }

  get font(): FakeStyleObject {
    return this.navigation('font', () => new FakeStyleObject(this.ctx, this.range, 'RangeFont', 'font', ['name', 'bold', 'italic', 'size', 'color', 'underline']));
  }
  get fill(): FakeStyleObject {
    return this.navigation('fill', () => new FakeStyleObject(this.ctx, this.range, 'RangeFill', 'fill', ['color', 'pattern', 'tintAndShade']));
  }
  get protection(): FakeFormatProtection {
    return this.navigation('protection', () => new FakeFormatProtection(this.ctx, this.range));
  }
  get borders(): FakeBorderCollection {
    return this.navigation('borders', () => new FakeBorderCollection(this.ctx, this.range));
  }
}

function uniform(sheet: FakeSheet, area: FakeArea, f: (c: FakeCell | undefined) => unknown): unknown {
  if (!isBounded(area)) return null;
  let first: unknown;
  let seen = false;
  for (let row = area.top; row <= area.bottom; row++) {
    for (let col = area.left; col <= area.right; col++) {
      const v = f(sheet.cell(row, col));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first;
}

const HEX = /^#[0-9A-Fa-f]{6}$/;

/** A property the fake's conditional formats take but do not give back. */
function writeOnly(): never {
  return fail('PropertyNotLoaded', 'write-only in the fake');
}

/** Font and fill: plain properties stored per cell under "<prefix>.<property>". */
export class FakeStyleObject extends FakeProxy {
  constructor(ctx: FakeRequestContext, range: () => RangeTarget | null, kind: string, private readonly prefix: string, props: readonly string[]) {
    super(ctx, range, kind);
    for (const p of props) {
      Object.defineProperty(this, p, {
        get: () => this.read(p),
        set: (v: unknown) =>
          this.queue(p, v, () => {
            const { sheet, area } = this.live<RangeTarget>(p);
            if (p === 'color' && !(typeof v === 'string' && HEX.test(v))) fail('InvalidArgument', `${kind}.color ${String(v)} (use #RRGGBB)`);
            if ((p === 'bold' || p === 'italic') && typeof v !== 'boolean') fail('InvalidArgument', `${kind}.${p} ${String(v)}`);
            if (p === 'size' && !(typeof v === 'number' && v >= 1 && v <= 409)) fail('InvalidArgument', `${kind}.size ${String(v)}`);
            if (p === 'tintAndShade' && !(typeof v === 'number' && v >= -1 && v <= 1)) fail('InvalidArgument', `${kind}.tintAndShade ${String(v)}`);
            setCellFormat(sheet, area, `${prefix}.${p}`, p === 'color' ? String(v).toUpperCase() : v);
            // A new fill colour starts without tint, as in Excel.
            if (prefix === 'fill' && p === 'color') forEachCell(sheet, area, (c) => c.format.delete('fill.tintAndShade'));
          }),
        enumerable: true,
      });
    }
  }
  protected _snapshot(name: string, target: unknown): unknown {
    const { sheet, area } = target as RangeTarget;
    if (this.prefix === 'fill') {
      // As Excel reports it: a cell without fill reads "#FFFFFF", like a white fill; only tintAndShade tells them
      // apart (null without fill, a number with one).
      if (name === 'color') return uniform(sheet, area, (c) => c?.format.get('fill.color') ?? '#FFFFFF');
      if (name === 'tintAndShade') {
        return uniform(sheet, area, (c) => (c?.format.has('fill.color') ? (c.format.get('fill.tintAndShade') ?? 0) : null));
      }
    }
    return uniform(sheet, area, (c) => c?.format.get(`${this.prefix}.${name}`) ?? null);
  }
  clear(): void {
    this.queue('clear', '', () => {
      const { sheet, area } = this.live<RangeTarget>('clear');
      guardFormat(sheet, `${this.kind}.clear`);
      forEachCell(sheet, area, (c) => {
        for (const k of [...c.format.keys()]) if (k.startsWith(`${this.prefix}.`)) c.format.delete(k);
      });
    });
  }
}

export class FakeFormatProtection extends FakeProxy {
  constructor(ctx: FakeRequestContext, range: () => RangeTarget | null) {
    super(ctx, range, 'FormatProtection');
  }
  protected _snapshot(name: string, target: unknown): unknown {
    const { sheet, area } = target as RangeTarget;
    if (name === 'locked') return uniform(sheet, area, (c) => c?.locked ?? true);
    return fail('InvalidArgument', `FormatProtection.${name} (not emulated)`);
  }
  get locked(): boolean {
    return this.read('locked');
  }
  set locked(v: boolean) {
    this.queue('locked', v, () => {
      const { sheet, area } = this.live<RangeTarget>('locked');
      guardUnprotected(sheet, 'locked');
      forEachCell(sheet, area, (c) => (c.locked = v));
    });
  }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class FakeBorderCollection extends FakeProxy {
  constructor(ctx: FakeRequestContext, private readonly range: () => RangeTarget | null) {
    super(ctx, range, 'RangeBorderCollection');
  }
  protected _snapshot(name: string): unknown {
    return fail('InvalidArgument', `RangeBorderCollection.${name} (not emulated)`);
  }
  getItem(index: string): FakeBorder {
    if (!EDGES.includes(index)) fail('InvalidArgument', `border ${index}`);
    const border = new FakeBorder(this.ctx, this.range, index);
    this.ctx.made(wireBytes(index));
    return border;
  }
}

/** A border edge, stored per cell side: "border.top.style", "border.left.color"… */
export class FakeBorder extends FakeProxy {
  constructor(ctx: FakeRequestContext, range: () => RangeTarget | null, private readonly edge: string) {
    super(ctx, range, `RangeBorder(${edge})`);
    const valid: Record<string, (v: unknown) => boolean> = {
      style: (v) => ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'].includes(String(v)),
      weight: (v) => ['Hairline', 'Thin', 'Medium', 'Thick'].includes(String(v)),
      color: (v) => typeof v === 'string' && HEX.test(v),
    };
    for (const [p, ok] of Object.entries(valid)) {
      Object.defineProperty(this, p, {
        get: () => this.read(p),
        set: (v: unknown) =>
          this.queue(p, v, () => {
            const { sheet, area } = this.live<RangeTarget>(p);
            if (!ok(v)) fail('InvalidArgument', `border ${this.edge}.${p} = ${String(v)}`);
            guardFormat(sheet, 'border');
            this.apply(sheet, area, p, p === 'color' ? String(v).toUpperCase() : v);
          }),
        enumerable: true,
      });
    }
  }
  protected _snapshot(name: string): unknown {
    return fail('InvalidArgument', `RangeBorder.${name} (not emulated)`);
  }
  private apply(sheet: FakeSheet, a: FakeArea, prop: string, v: unknown): void {
    forEachCell(sheet, a, (c, row, col) => {
      const sides: string[] = [];
      switch (this.edge) {
        case 'EdgeTop':
          if (row === a.top) sides.push('top');
          break;
        case 'EdgeBottom':
          if (row === a.bottom) sides.push('bottom');
          break;
        case 'EdgeLeft':
          if (col === a.left) sides.push('left');
          break;
        case 'EdgeRight':
          if (col === a.right) sides.push('right');
          break;
        case 'InsideHorizontal':
          if (row > a.top) sides.push('top');
          if (row < a.bottom) sides.push('bottom');
          break;
        case 'InsideVertical':
          if (col > a.left) sides.push('left');
          if (col < a.right) sides.push('right');
          break;
        default:
          sides.push(this.edge);
      }
      for (const side of sides) c.format.set(`border.${side}.${prop}`, v);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Data validation and conditional formats.

const DV_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

function checkRule(rule: unknown): Record<string, unknown> {
  if (typeof rule !== 'object' || rule === null) return fail('InvalidArgument', 'dataValidation.rule takes an object');
  const keys = Object.keys(rule);
  if (keys.length !== 1) fail('InvalidArgument', 'a data validation rule has exactly one kind');
  const kind = keys[0] ?? '';
  const body = (rule as Record<string, Record<string, unknown>>)[kind] ?? {};
  switch (kind) {
    case 'list':
      if (typeof body.source !== 'string' || body.source === '') fail('InvalidArgument', 'list rule needs a source');
      if (body.source.startsWith('=')) checkEnUsFormula(body.source, 'list source');
      break;
    case 'wholeNumber':
    case 'decimal':
    case 'textLength':
      if (!DV_OPERATORS.includes(String(body.operator))) fail('InvalidArgument', `operator ${String(body.operator)}`);
      if (body.formula1 === undefined) fail('InvalidArgument', 'formula1 is required');
      if ((body.operator === 'Between' || body.operator === 'NotBetween') && body.formula2 === undefined) fail('InvalidArgument', 'formula2 is required');
      break;
    case 'date':
    case 'time':
      if (!DV_OPERATORS.includes(String(body.operator))) fail('InvalidArgument', `operator ${String(body.operator)}`);
      for (const f of [body.formula1, body.formula2]) {
        if (f !== undefined && !(f instanceof Date) && !(typeof f === 'string' && (/^\d{4}-\d{2}-\d{2}/.test(f) || f.startsWith('=')))) {
          fail('InvalidArgument', `date bound ${String(f)} (ISO 8601 text, a Date or a formula)`);
        }
      }
      break;
    case 'custom':
      if (typeof body.formula !== 'string') fail('InvalidArgument', 'custom rule needs a formula');
      checkEnUsFormula(body.formula, 'custom validation formula');
      break;
    default:
      fail('InvalidArgument', `rule kind ${kind}`);
  }
  return rule as Record<string, unknown>;
}

/** A list rule whose source is a Range: the source becomes the range's sheet-qualified address, as Excel stores it. */
function withRangeSource(rule: unknown): unknown {
  const list = (rule as { list?: { source?: unknown } } | null)?.list;
  if (!list || !(list.source instanceof FakeRange)) return rule;
  const { sheet, area } = list.source._targetArea();
  const a = formatArea(area).split(':').map((p) => p.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')).join(':');
  return { ...(rule as Record<string, unknown>), list: { ...list, source: `=${quoteSheet(sheet.name)}!${a}` } };
}

export class FakeDataValidation extends FakeProxy {
  constructor(ctx: FakeRequestContext, range: () => RangeTarget | null) {
    super(ctx, range, 'DataValidation');
  }
  protected _snapshot(name: string, target: unknown): unknown {
    const { sheet, area } = target as RangeTarget;
    const v = sheet.validations.find((x) => formatArea(x.area) === formatArea(area));
    if (name === 'type') return v?.rule ? Object.keys(v.rule)[0] : 'None';
    if (name === 'rule' || name === 'ignoreBlanks' || name === 'prompt' || name === 'errorAlert') return v?.[name] ?? null;
    return fail('InvalidArgument', `DataValidation.${name} (not emulated)`);
  }
  private entry(): FakeValidation {
    const { sheet, area } = this.live<RangeTarget>('dataValidation');
    guardUnprotected(sheet, 'dataValidation');
    let v = sheet.validations.find((x) => formatArea(x.area) === formatArea(area));
    if (!v) {
      if (sheet.validations.some((x) => overlaps(x.area, area))) {
        fail('InvalidOperation', `${formatArea(area)} overlaps another data validation; clear it first`);
      }
      v = { range: formatArea(area), area };
      sheet.validations.push(v);
    }
    return v;
  }
  set rule(r: unknown) {
    this.queue('rule', r, () => {
      const rule = checkRule(withRangeSource(r));
      const source = (rule.list as { source?: unknown } | undefined)?.source;
      // A range source must name one row or column (its sheet may be written later in the batch; the items are read
      // when they are needed).
      if (typeof source === 'string' && source.startsWith('=')) listArea(source);
      this.entry().rule = rule;
    });
  }
  get rule(): unknown {
    return this.read('rule');
  }
  set ignoreBlanks(v: boolean) {
    this.queue('ignoreBlanks', v, () => (this.entry().ignoreBlanks = v));
  }
  set prompt(p: FakeValidation['prompt']) {
    this.queue('prompt', p, () => (this.entry().prompt = { ...p }));
  }
  set errorAlert(e: FakeValidation['errorAlert']) {
    this.queue('errorAlert', e, () => {
      if (e?.style !== undefined && !['Stop', 'Warning', 'Information'].includes(e.style)) fail('InvalidArgument', `errorAlert.style ${e.style}`);
      this.entry().errorAlert = { ...e };
    });
  }
  clear(): void {
    this.queue('clear', '', () => {
      const { sheet, area } = this.live<RangeTarget>('dataValidation.clear');
      guardUnprotected(sheet, 'dataValidation.clear');
      sheet.validations = sheet.validations.filter((x) => !overlaps(x.area, area));
    });
  }
}

export class FakeConditionalFormatCollection extends FakeProxy {
  constructor(ctx: FakeRequestContext, private readonly range: () => RangeTarget | null) {
    super(ctx, range, 'ConditionalFormatCollection');
  }
  protected _snapshot(name: string): unknown {
    return fail('InvalidArgument', `ConditionalFormatCollection.${name} (not emulated)`);
  }
  add(type: string): FakeConditionalFormatProxy {
    let made: FakeConditionalFormat | undefined;
    const proxy = new FakeConditionalFormatProxy(this.ctx, () => made ?? null, () => this.live<RangeTarget>('add').sheet);
    this.queue(`add(${type})`, type, () => {
      const { sheet, area } = this.live<RangeTarget>('conditionalFormats.add');
      guardUnprotected(sheet, 'conditionalFormats.add');
      if (type !== 'Custom' && type !== 'DataBar') fail('InvalidArgument', `conditional format type ${type} (not emulated)`);
      const cf: FakeConditionalFormat = {
        range: formatArea(area),
        type: type as 'Custom' | 'DataBar',
        stopIfTrue: false,
        ...(type === 'Custom' ? { custom: {} } : { dataBar: {} }),
      };
      made = cf;
      // A new rule goes on top.
      sheet.conditionalFormats.unshift(cf);
      proxy._target();
    });
    return proxy;
  }
  clearAll(): void {
    this.queue('clearAll', '', () => {
      const { sheet, area } = this.live<RangeTarget>('conditionalFormats.clearAll');
      guardUnprotected(sheet, 'conditionalFormats.clearAll');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !overlaps(parseArea(cf.range), area));
    });
  }
}

/** Write-only proxy for one conditional format: custom rule/format, data bar, stopIfTrue, priority. */
export class FakeConditionalFormatProxy extends FakeProxy {
  constructor(ctx: FakeRequestContext, cf: () => FakeConditionalFormat | null, private readonly sheetOf: () => FakeSheet) {
    super(ctx, cf, 'ConditionalFormat');
  }
  protected _snapshot(name: string, target: unknown): unknown {
    const cf = target as FakeConditionalFormat;
    if (name === 'type' || name === 'stopIfTrue') return cf[name];
    if (name === 'priority') return this.sheetOf().conditionalFormats.indexOf(cf);
    return fail('InvalidArgument', `ConditionalFormat.${name} (not emulated)`);
  }
  private readonly navigated = new Set<string>();
  /**
   * custom, custom.rule, custom.format, its fill and font, dataBar, dataBar.positiveFormat: Office.js makes an object
   * (a path and an Instantiate action) for each the first time it is read, as for any navigation property.
   */
  private navigate<T>(name: string, value: T): T {
    if (!this.navigated.has(name)) {
      this.navigated.add(name);
      this.ctx.made(PATH_BYTES);
    }
    return value;
  }
  private cf(kind?: 'Custom' | 'DataBar'): FakeConditionalFormat {
    const cf = this.live<FakeConditionalFormat>('conditionalFormat');
    if (kind && cf.type !== kind) fail('InvalidOperation', `a ${cf.type} conditional format has no ${kind === 'Custom' ? 'custom' : 'dataBar'} part`);
    return cf;
  }
  /** A colour set: "#RRGGBB" or refused as `what`, kept upper-cased. */
  private queueColour(label: string, c: string, what: string, keep: (hex: string) => void): void {
    this.queue(label, c, () => {
      if (!HEX.test(c)) fail('InvalidArgument', `${what} ${c}`);
      keep(c.toUpperCase());
    });
  }
  set stopIfTrue(v: boolean) {
    this.queue('stopIfTrue', v, () => (this.cf().stopIfTrue = v));
  }
  set priority(p: number) {
    this.queue('priority', p, () => {
      const cf = this.cf();
      const list = this.sheetOf().conditionalFormats;
      if (!Number.isInteger(p) || p < 0) fail('InvalidArgument', `priority ${p}`);
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.min(p, list.length), 0, cf);
    });
  }
  get custom(): { rule: { formula: string }; format: { fill: { color: string }; font: { color: string; bold: boolean } } } {
    const queue = (label: string, payload: unknown, run: () => void) => this.queue(label, payload, run);
    const colour = (label: string, c: string, what: string, keep: (hex: string) => void) => this.queueColour(label, c, what, keep);
    const nav = <T>(name: string, value: T): T => this.navigate(name, value);
    const custom = () => this.cf('Custom').custom ?? {};
    const rule = {
      set formula(f: string) {
        queue('custom.rule.formula', f, () => {
          if (typeof f !== 'string' || !f.startsWith('=')) fail('InvalidArgument', `custom rule formula ${String(f)} must start with "="`);
          checkEnUsFormula(f, 'conditional format formula');
          custom().formula = f;
        });
      },
      get formula(): string {
        return fail('PropertyNotLoaded', 'custom.rule.formula is write-only in the fake');
      },
    };
    const fill = {
      set color(c: string) {
        colour('custom.format.fill.color', c, 'fill', (hex) => (custom().fill = hex));
      },
      get color(): string {
        return writeOnly();
      },
    };
    const font = {
      set color(c: string) {
        colour('custom.format.font.color', c, 'font colour', (hex) => (custom().fontColor = hex));
      },
      get color(): string {
        return writeOnly();
      },
      set bold(b: boolean) {
        queue('custom.format.font.bold', b, () => (custom().bold = b));
      },
      get bold(): boolean {
        return writeOnly();
      },
    };
    const format = {
      get fill() {
        return nav('custom.format.fill', fill);
      },
      get font() {
        return nav('custom.format.font', font);
      },
    };
    return nav('custom', {
      get rule() {
        return nav('custom.rule', rule);
      },
      get format() {
        return nav('custom.format', format);
      },
    });
  }
  get dataBar(): {
    lowerBoundRule: { type: string; formula?: string };
    upperBoundRule: { type: string; formula?: string };
    positiveFormat: { fillColor: string; gradientFill: boolean };
  } {
    const queue = (label: string, payload: unknown, run: () => void) => this.queue(label, payload, run);
    const colour = (label: string, c: string, what: string, keep: (hex: string) => void) => this.queueColour(label, c, what, keep);
    const nav = <T>(name: string, value: T): T => this.navigate(name, value);
    const bar = () => this.cf('DataBar').dataBar ?? {};
    const bound = (which: 'lower' | 'upper') => (r: { type: string; formula?: string }) =>
      queue(`dataBar.${which}BoundRule`, r, () => {
        if (!['LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile', 'Automatic'].includes(r.type)) fail('InvalidArgument', `bound type ${r.type}`);
        bar()[which] = { ...r };
      });
    const positiveFormat = {
      set fillColor(c: string) {
        colour('dataBar.positiveFormat.fillColor', c, 'bar colour', (hex) => (bar().fillColor = hex));
      },
      get fillColor(): string {
        return writeOnly();
      },
      set gradientFill(g: boolean) {
        queue('dataBar.positiveFormat.gradientFill', g, () => (bar().gradientFill = g));
      },
      get gradientFill(): boolean {
        return writeOnly();
      },
    };
    return nav('dataBar', {
      set lowerBoundRule(r: { type: string; formula?: string }) {
        bound('lower')(r);
      },
      get lowerBoundRule(): { type: string; formula?: string } {
        return writeOnly();
      },
      set upperBoundRule(r: { type: string; formula?: string }) {
        bound('upper')(r);
      },
      get upperBoundRule(): { type: string; formula?: string } {
        return writeOnly();
      },
      get positiveFormat() {
        return nav('dataBar.positiveFormat', positiveFormat);
      },
    });
  }
}
