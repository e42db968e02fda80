/**
 * A spec's rows written straight into a streamed sheet as XML, as ExcelJS's WorksheetWriter would write them from its
 * rows and cells — the same style ids (asked of the workbook's styles in the same order, for the same style objects),
 * the same shared strings, the same merged cells (each taking its first cell's style) — without making an ExcelJS
 * row and cell object for each cell of a thousand agencies' sheets. Only what a SheetSpec holds is written: numbers,
 * texts, booleans and formulas without a cached result.
 */
import type ExcelJS from 'exceljs';
import { cellRef, columnLetter, parseRange, type RangeAddress } from '../../workbook/a1';
import type { SpecCell } from './spec-cells';

/** Characters of rows' XML gathered before they go to the sheet's stream (each write costs a buffer and a call). */
const FLUSH_CHARS = 64 * 1024;

/** ExcelJS's value types, as its styles use them to choose a cell's default number format. */
const TYPE = { null: 0, merge: 1, number: 2, string: 3, formula: 6, boolean: 9 } as const;

interface Styles {
  addStyleModel(style: Partial<ExcelJS.Style>, type?: number): number;
}
interface SharedStrings {
  add(text: string): number;
}
/** The WorksheetWriter's members the rows are written through. */
interface SheetStream {
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _merges: { toString(): string }[];
  readonly stream: { write(text: string): void };
}

/** The ids of empty styles by value type, per workbook: ExcelJS makes a new empty style for each row and cell. */
const emptyIds = new WeakMap<object, Map<number | undefined, number>>();

interface Cell {
  readonly col: number;
  readonly value: ExcelJS.CellValue | undefined;
  readonly style: Partial<ExcelJS.Style> | null;
  /** Set for a merged cell other than the first: it takes the first one's style and shows no value. */
  readonly merged?: Partial<ExcelJS.Style>;
}

export class RowWriter {
  private readonly styles: Styles;
  private readonly strings: SharedStrings;
  private readonly merges: readonly RangeAddress[];
  /** The style each merge's first cell holds (a cell the spec leaves unstyled holds an empty one of its own). */
  private readonly masters = new Map<RangeAddress, Partial<ExcelJS.Style>>();

  constructor(
    wb: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly ws: SheetStream,
    merges: readonly string[],
  ) {
    const inner = wb as unknown as { styles: Styles; sharedStrings: SharedStrings };
    this.styles = inner.styles;
    this.strings = inner.sharedStrings;
    const ranges = merges.map(parseRange);
    this.merges = [...ranges].sort((a, b) => a.top - b.top || a.left - b.left);
    // The merged ranges are listed by the writer at the end of the sheet (its mergeCells would make rows of its own),
    // in the order they were applied before: by their last row.
    for (const m of [...ranges].sort((a, b) => a.bottom - b.bottom)) ws._merges.push({ toString: () => `${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}` });
  }

  /** The rows some merge spans (each is written, even with no cell of the spec's). */
  mergedRows(): number[] {
    const rows = new Set<number>();
    for (const m of this.merges) for (let r = m.top; r <= m.bottom; r++) rows.add(r);
    return [...rows].sort((a, b) => a - b);
  }

  /** Rows' XML not yet handed to the sheet's stream: handed over in pieces of ~64 K characters, not row by row. */
  private pending = '';

  private put(xml: string): void {
    this.pending += xml;
    if (this.pending.length >= FLUSH_CHARS) this.flush();
  }

  /** Hands the rows written so far to the sheet's stream (before anything else is written to it, and at the end). */
  flush(): void {
    if (this.pending === '') return;
    this.ws.stream.write(this.pending);
    this.pending = '';
  }

  /** Writes row `r` (rows in ascending order, each once). */
  write(r: number, height: number | undefined, specCells: readonly SpecCell[]): void {
    const cells = this.withMerges(r, specCells);
    if (cells.length === 0 && height === undefined) return;
    if (!this.ws.startedData) {
      this.ws._writeColumns();
      this.ws._writeOpenSheetData();
      this.ws.startedData = true;
    }
    const rowStyle = this.emptyId(undefined);
    let xml = `<row r="${r}"`;
    if (height) xml += ` ht="${height}" customHeight="1"`;
    if (cells.length > 0) xml += ` spans="${cells[0]!.col}:${cells[cells.length - 1]!.col}"`;
    if (rowStyle) xml += ` s="${rowStyle}" customFormat="1"`;
    xml += ' x14ac:dyDescent="0.25"';
    if (cells.length === 0) {
      this.put(`${xml}/>`);
      return;
    }
    xml += '>';
    for (const c of cells) xml += this.cell(r, c);
    this.put(`${xml}</row>`);
  }

  /** The row's cells in column order, with the merged cells ExcelJS would hold there. */
  private withMerges(r: number, specCells: readonly SpecCell[]): Cell[] {
    const spans = this.merges.filter((m) => m.top <= r && r <= m.bottom);
    if (spans.length === 0) return specCells as Cell[];
    const byCol = new Map<number, Cell>(specCells.map((c) => [c.col, c]));
    for (const m of spans) {
      if (m.top === r) {
        const first = byCol.get(m.left);
        const style = first?.style ?? {};
        this.masters.set(m, style);
        byCol.set(m.left, { col: m.left, value: first?.value, style });
      }
      const style = this.masters.get(m) ?? {};
      for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) byCol.set(c, { col: c, value: undefined, style: null, merged: style });
    }
    return [...byCol.values()].sort((a, b) => a.col - b.col);
  }

  private cell(r: number, c: Cell): string {
    const ref = `${letters(c.col)}${r}`;
    if (c.merged) {
      const s = this.styleId(c.merged, TYPE.merge);
      return s ? `<c r="${ref}" s="${s}"/>` : `<c r="${ref}"/>`;
    }
    const v = c.value;
    const type = typeOf(v);
    // A formula's style is chosen by its result's type: none is written, so as an empty cell's.
    const s = this.styleId(c.style, type === TYPE.formula ? TYPE.null : type);
    const open = s ? `<c r="${ref}" s="${s}"` : `<c r="${ref}"`;
    if (v === undefined || v === null) return s ? `${open}/>` : '';
    if (typeof v === 'number') return `${open}><v>${v}</v></c>`;
    if (typeof v === 'string') return `${open} t="s"><v>${this.strings.add(v)}</v></c>`;
    if (typeof v === 'boolean') return `${open} t="b"><v>${v ? '1' : '0'}</v></c>`;
    return `${open}><f>${xmlEncode((v as ExcelJS.CellFormulaValue).formula)}</f></c>`;
  }

  /** The style id ExcelJS gives a cell's style; a cell left unstyled has an empty style of its own. */
  private styleId(style: Partial<ExcelJS.Style> | null, type: number): number {
    return style === null ? this.emptyId(type) : this.styles.addStyleModel(style, type);
  }

  private emptyId(type: number | undefined): number {
    let ids = emptyIds.get(this.styles);
    if (!ids) {
      ids = new Map();
      emptyIds.set(this.styles, ids);
    }
    // An empty style's id depends on its type alone (the number types share theirs): asked once per type.
    const key = type === undefined || type === TYPE.null ? TYPE.number : type;
    let id = ids.get(key);
    if (id === undefined) {
      id = this.styles.addStyleModel({}, type);
      ids.set(key, id);
    }
    return id;
  }
}

/** Column letters by column number, made once each (a sheet's thousands of rows use the same few columns). */
const LETTERS: string[] = [];

function letters(col: number): string {
  return (LETTERS[col] ??= columnLetter(col));
}

function typeOf(v: ExcelJS.CellValue | undefined): number {
  if (v === undefined || v === null) return TYPE.null;
  if (typeof v === 'number') return TYPE.number;
  if (typeof v === 'string') return TYPE.string;
  if (typeof v === 'boolean') return TYPE.boolean;
  if (typeof v === 'object' && 'formula' in v) return TYPE.formula;
  throw new Error(`a spec cell holds a value the streamed rows do not write: ${JSON.stringify(v)}`);
}

/** Text in XML as ExcelJS writes it: the five entities, and the control characters XML cannot hold left out. */
function xmlEncode(text: string): string {
  return text.replace(/[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => ENTITIES[ch] ?? '');
}

const ENTITIES: Readonly<Record<string, string>> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
