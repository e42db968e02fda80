/**
 * Reading the XML parts of an .xlsx that batch work needs — the workbook's sheet list, its relationships, the shared
 * strings, the last-saved time and each worksheet's cells — in one pass over each part's bytes. Worksheets are read
 * sparsely: only the cells present are stored, so a stray value at XFD1048576 costs one cell, not a billion.
 * Browser-safe.
 */
import type { GridValue } from '../../workbook/grid';
import { name, text, XmlScanner, type Name } from './xml-scan';

const N = {
  sheet: name('sheet'), name: name('name'), id: name('id'), relationship: name('Relationship'), Id: name('Id'),
  target: name('Target'), workbookPr: name('workbookPr'), date1904: name('date1904'), si: name('si'), t: name('t'),
  rPh: name('rPh'), modified: name('modified'), sheetData: name('sheetData'), row: name('row'), r: name('r'),
  c: name('c'), v: name('v'), f: name('f'), is: name('is'), shared: name('shared'),
  one: name('1'), true: name('true'),
};

/** The cell types a spreadsheet program writes, matched as bytes (no string made for each cell's type). */
const CELL_TYPES: readonly (readonly [Name, string])[] = ['s', 'n', 'str', 'b', 'inlineStr', 'e', 'd'].map((t) => [name(t), t] as const);

/** The sheets listed in workbook.xml, in order, with their relationship ids; and the date system. */
export function readWorkbookPart(b: Uint8Array): { sheets: { name: string; rid: string }[]; date1904: boolean } {
  const x = new XmlScanner(b);
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  while (x.next()) {
    if (x.kind() !== 'open' && x.kind() !== 'empty') continue;
    if (x.is(N.sheet)) {
      const sheetName = x.attr(N.name) ? x.attrText() : null;
      const rid = x.attr(N.id) ? x.attrText() : null;
      if (sheetName !== null && rid !== null) sheets.push({ name: sheetName, rid });
    } else if (x.is(N.workbookPr) && x.attr(N.date1904)) {
      date1904 = x.attrIs(N.one) || x.attrIs(N.true);
    }
  }
  return { sheets, date1904 };
}

/** Relationship id → target path, resolved against the part the relationships belong to. */
export function readRelationships(b: Uint8Array, base: string): Map<string, string> {
  const x = new XmlScanner(b);
  const out = new Map<string, string>();
  while (x.next()) {
    if ((x.kind() === 'open' || x.kind() === 'empty') && x.is(N.relationship)) {
      const id = x.attr(N.Id) ? x.attrText() : null;
      const target = x.attr(N.target) ? x.attrText() : null;
      if (id && target) out.set(id, resolvePath(base, target));
    }
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The visible text of a string item (<si>, <is>) the scanner is inside: its <t> runs, without phonetic guides. */
function runsText(x: XmlScanner, end: Uint8Array): string {
  let out = '';
  while (x.next()) {
    if (x.kind() === 'close' && x.is(end)) break;
    if (x.kind() !== 'open') continue;
    if (x.is(N.t)) out += x.textContent();
    else if (x.is(N.rPh)) x.skipElement();
  }
  return out;
}

/**
 * The shared strings table, read lazily: opening finds where each item lies (two numbers per item); an item's text is
 * decoded when a cell first refers to it. A big table of strings no cell uses costs its bytes, not a string each.
 */
export class SharedStrings {
  private starts: Int32Array = new Int32Array(1_024);
  private ends: Int32Array = new Int32Array(1_024);
  readonly count: number;
  private readonly decoded = new Map<number, string>();

  constructor(private readonly bytes: Uint8Array) {
    const x = new XmlScanner(bytes);
    let n = 0;
    while (x.next()) {
      if (!x.is(N.si)) continue;
      const kind = x.kind();
      if (kind !== 'open' && kind !== 'empty') continue;
      const start = x.pos;
      if (kind === 'open') x.skipElement();
      this.put(n++, start, kind === 'open' ? x.pos : start);
    }
    this.count = n;
  }

  private put(i: number, start: number, end: number): void {
    if (i >= this.starts.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[i] = start;
    this.ends[i] = end;
  }

  /** The text of item `i`, or null when there is no such item. */
  get(i: number): string | null {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return null;
    let text = this.decoded.get(i);
    if (text === undefined) {
      text = itemText(this.bytes, this.starts[i] as number, this.ends[i] as number);
      this.decoded.set(i, text);
    }
    return text;
  }
}

/**
 * Texts decoded lately, by a hash of their bytes: a batch of files made from one template holds the same labels and
 * the same formulas, each file decoding them afresh. Bytes compared in full before a text is reused; bounded
 * (forgotten when full), so memory stays flat whatever the number of files.
 */
class RememberedTexts {
  private texts = new Map<number, { readonly bytes: Uint8Array; readonly text: string }>();

  constructor(
    /** Texts longer than this (bytes) are not remembered. */
    readonly maxBytes: number,
    private readonly maxTexts: number,
  ) {}

  /** The text of bytes [start, end): remembered, or decoded (and remembered unless longer than maxBytes). */
  get(b: Uint8Array, start: number, end: number, decode: () => string): string {
    if (end - start > this.maxBytes) return decode();
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
    const known = this.texts.get(h);
    if (known !== undefined && known.bytes.length === end - start && bytesAt(b, start, known.bytes)) return known.text;
    const text = decode();
    if (this.texts.size >= this.maxTexts) this.texts = new Map();
    // A copy: a view would hold the whole part in memory.
    this.texts.set(h, { bytes: new Uint8Array(b.subarray(start, end)), text });
    return text;
  }
}

/** String items: labels and statuses are far shorter than this; longer ones are kept apart (longItemText). */
const rememberedItems = new RememberedTexts(512, 4_096);
/** Formulas: the tracker's due-state formula is ~700 bytes of Vietnamese and entities, on every row of every file. */
const rememberedFormulas = new RememberedTexts(2_048, 1_024);

/**
 * Long items lately decoded (the plan's JSON text every tracker carries, in pieces of tens of kilobytes): a batch of
 * files made from one plan holds the same pieces, whose decoding (entities at every quote) costs far more than
 * comparing their bytes. A few, bounded by their bytes; compared in full before one is reused.
 */
const LONG_ITEMS_BYTES = 2 * 1024 * 1024;
let longItems: { readonly bytes: Uint8Array; readonly text: string }[] = [];
let longBytes = 0;

function longItemText(b: Uint8Array, start: number, end: number, decode: () => string): string {
  const view = b.subarray(start, end);
  for (const known of longItems) if (known.bytes.length === view.length && sameBytes(known.bytes, view)) return known.text;
  const text = decode();
  if (view.length > LONG_ITEMS_BYTES / 4) return text;
  if (longBytes + view.length > LONG_ITEMS_BYTES) {
    longItems = [];
    longBytes = 0;
  }
  // A copy: a view would hold the whole part in memory.
  longItems.push({ bytes: new Uint8Array(view), text });
  longBytes += view.length;
  return text;
}

/** Node's Buffer, whose comparison is native (tens of kilobytes at once); absent in a browser. */
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): { equals(o: Uint8Array): boolean } } }).Buffer;

/** Equal bytes (same length assumed); the last ones first, where two pieces of different plans soon differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (NodeBuffer) return NodeBuffer.from(a.buffer, a.byteOffset, a.length).equals(b);
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return false;
  return true;
}

function itemText(b: Uint8Array, start: number, end: number): string {
  const decode = (): string => runsText(new XmlScanner(b.subarray(start, end)), N.si);
  if (end - start > rememberedItems.maxBytes) return longItemText(b, start, end, decode);
  return rememberedItems.get(b, start, end, decode);
}

/** The formula of the <f> element the scanner has just opened ("" for an empty one: a shared formula's other cells). */
function formulaText(x: XmlScanner): string {
  if (x.kind() !== 'open') return '';
  const b = x.bytes;
  const start = x.pos;
  const end = x.textEnd();
  const decode = (): string => text(b, start, end);
  // A short formula (a sum) decodes as fast as it is looked up.
  return end - start < 64 ? decode() : rememberedFormulas.get(b, start, end, decode);
}

/** dcterms:modified of docProps/core.xml as ISO 8601 (UTC), when present and a real date. */
export function readSavedAt(b: Uint8Array): string | undefined {
  const x = new XmlScanner(b);
  while (x.next()) {
    if (x.kind() === 'open' && x.is(N.modified)) {
      const ms = Date.parse(x.textContent().trim());
      return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
    }
  }
  return undefined;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

export interface SheetCells {
  /** values[r][c]: sparse rows and cells (holes where nothing is stored). */
  readonly values: GridValue[][];
  readonly formulas: (string | null)[][];
  readonly cells: number;
}

export type SheetScan =
  | { readonly ok: true; readonly sheet: SheetCells }
  | { readonly ok: false; readonly problem: 'too-many-cells'; readonly cells: number }
  | { readonly ok: false; readonly problem: 'bad-reference'; readonly ref: string };

interface CellParts {
  type: 'n' | 's' | 'str' | 'inlineStr' | 'b' | 'e' | 'd' | string;
  /** Where the <v> text lies in the part's bytes; vStart < 0 when the cell has no <v>. */
  vStart: number;
  vEnd: number;
  inline: string | undefined;
  formula: string | undefined;
  sharedIndex: string | undefined;
}

/**
 * The bytes [start, end) as a whole number when they are plain decimal digits (a "-" first when `signed`), at most 15
 * of them (so the number is exact, as Number() of the same text gives it); NaN for anything else (spaces, entities,
 * a decimal point, an exponent), which the caller then reads as text.
 */
function plainInt(b: Uint8Array, start: number, end: number, signed: boolean): number {
  const negative = signed && b[start] === 45;
  let i = negative ? start + 1 : start;
  if (i >= end || end - i > 15) return NaN;
  let n = 0;
  for (; i < end; i++) {
    const d = (b[i] as number) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return negative ? -n : n;
}

function cellValue(p: CellParts, strings: SharedStrings, b: Uint8Array): GridValue {
  if (p.type === 's' || p.type === 'n') {
    const n = p.vStart < 0 ? NaN : plainInt(b, p.vStart, p.vEnd, p.type === 'n');
    if (n === n) return p.type === 's' ? strings.get(n) : n;
  }
  const v = p.vStart < 0 ? undefined : text(b, p.vStart, p.vEnd);
  switch (p.type) {
    case 's':
      return v === undefined || v.trim() === '' ? null : strings.get(Number(v));
    case 'inlineStr':
      return p.inline ?? null;
    case 'str':
    case 'e':
      return v ?? null;
    case 'b':
      return v === undefined ? null : v === '1' || v === 'true';
    case 'd': {
      const ms = v === undefined ? NaN : Date.parse(v);
      return Number.isFinite(ms) ? ms / 86_400_000 + 25_569 : null;
    }
    default: {
      if (v === undefined || v.trim() === '') return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

/** "<v>" and "</v></c>": the commonest cell, a value alone, is read without scanning its tags one by one. */
const V_OPEN = name('<v>');
const V_C_CLOSE = name('</v></c>');

function bytesAt(b: Uint8Array, at: number, n: Name): boolean {
  if (at + n.length > b.length) return false;
  for (let k = 0; k < n.length; k++) if (b[at + k] !== n[k]) return false;
  return true;
}

/** Reads the children of a <c> element the scanner has just opened, up to its </c>. */
function readCellChildren(x: XmlScanner, p: CellParts): void {
  p.inline = p.formula = p.sharedIndex = undefined;
  p.vStart = p.vEnd = -1;
  const b = x.bytes;
  if (bytesAt(b, x.pos, V_OPEN)) {
    // <c …><v>text</v></c>: what the loop below reads from the same bytes, found at once.
    const start = x.pos + V_OPEN.length;
    const lt = b.indexOf(60, start);
    if (lt >= 0 && bytesAt(b, lt, V_C_CLOSE)) {
      p.vStart = start;
      p.vEnd = lt;
      x.pos = lt + V_C_CLOSE.length;
      return;
    }
  }
  while (x.next()) {
    if (x.kind() === 'close') {
      if (x.is(N.c)) return;
      continue;
    }
    if (x.is(N.v)) {
      p.vStart = x.pos;
      p.vEnd = x.textEnd();
    } else if (x.is(N.f)) {
      const shared = x.attr(N.t) && x.attrIs(N.shared);
      p.sharedIndex = shared && x.attr(N.si) ? x.attrText() : undefined;
      p.formula = formulaText(x);
    } else if (x.is(N.is) && x.kind() === 'open') p.inline = runsText(x, N.is);
  }
}

/** Skips the children of a <c> element the scanner has just opened; whether it holds a value, formula or text. */
function skipCellChildren(x: XmlScanner): boolean {
  let content = false;
  while (x.next()) {
    if (x.kind() === 'close') {
      if (x.is(N.c)) break;
      continue;
    }
    if (x.is(N.v) || x.is(N.f) || x.is(N.is)) content = true;
  }
  return content;
}

/**
 * A worksheet's cells: values (dates as serials, formulas as their cached results) and formulas, sparsely. Stops at
 * `maxCells` cells holding something, so an over-limit sheet costs no more memory than the limit. With `countOnly`,
 * checks the references and counts the cells without decoding or keeping anything (the census done on opening).
 */
export function readWorksheet(b: Uint8Array, strings: SharedStrings, maxCells: number, countOnly = false): SheetScan {
  const x = new XmlScanner(b);
  while (x.next() && !(x.is(N.sheetData) && (x.kind() === 'open' || x.kind() === 'empty')));
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  if (x.kind() !== 'open') return { ok: true, sheet: { values, formulas, cells: 0 } };
  const shared = new Map<string, string>();
  const at = { row: 0, col: 0 };
  let rowNo = 0;
  let col = 0;
  let cells = 0;
  const p: CellParts = { type: 'n', vStart: -1, vEnd: -1, inline: undefined, formula: undefined, sharedIndex: undefined };
  while (x.next()) {
    if (x.kind() === 'close') {
      if (x.is(N.sheetData)) break;
      continue;
    }
    if (x.is(N.row)) {
      rowNo = x.attr(N.r) ? x.attrInt() : rowNo + 1;
      if (!(rowNo >= 1 && rowNo <= MAX_ROW)) return { ok: false, problem: 'bad-reference', ref: x.attr(N.r) ? x.attrText() : String(rowNo) };
      col = 0;
      continue;
    }
    if (!x.is(N.c)) continue;
    if (x.attr(N.r)) {
      // A reference outside Excel's grid is not something a spreadsheet program writes.
      if (!x.attrCell(at) || at.row < 1 || at.row > MAX_ROW || at.col < 1 || at.col > MAX_COL) {
        return { ok: false, problem: 'bad-reference', ref: x.attrText() };
      }
      rowNo = at.row;
      col = at.col;
    } else col++;
    if (col > MAX_COL || rowNo < 1) return { ok: false, problem: 'bad-reference', ref: `${rowNo}:${col}` };
    if (x.kind() === 'empty') continue;
    if (countOnly) {
      if (skipCellChildren(x) && ++cells > maxCells) return { ok: false, problem: 'too-many-cells', cells };
      continue;
    }
    p.type = x.attr(N.t) ? x.attrOneOf(CELL_TYPES) : 'n';
    readCellChildren(x, p);
    const value = cellValue(p, strings, b);
    if (value === null && p.formula === undefined) continue;
    if (++cells > maxCells) return { ok: false, problem: 'too-many-cells', cells };
    (values[rowNo - 1] ??= [])[col - 1] = value;
    if (p.formula !== undefined) {
      let f = p.formula;
      if (p.sharedIndex !== undefined) {
        if (f !== '') shared.set(p.sharedIndex, f);
        else f = shared.get(p.sharedIndex) ?? '';
      }
      (formulas[rowNo - 1] ??= [])[col - 1] = `=${f}`;
    }
  }
  return { ok: true, sheet: { values, formulas, cells } };
}

