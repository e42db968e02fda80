/**
 * The SheetSpec: a plain, serialisable description of a sheet. Layouts produce SheetSpecs; hosts (Office.js in
 * Excel, ExcelJS for files) apply them, so a file written by the CLI shows what the add-in produces in Excel.
 *
 * Rows and columns are 1-based. Ranges are A1 strings without a sheet name.
 */
import type { Day } from '../domain/calendar';
import { cellRef, parseRange, quoteSheetName } from './a1';

/** A cell's content. Strings are always text, even when they start with "=" or look like a number. */
export type CellValue =
  | string
  | number
  | boolean
  | null
  | { readonly formula: string }
  | { readonly date: Day };

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** "#RRGGBB" */
  readonly fontColor?: string;
  readonly fill?: string;
  readonly hAlign?: 'left' | 'center' | 'right';
  readonly vAlign?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  /** Excel number format code, e.g. "dd/mm/yyyy", "#,##0", "@". */
  readonly numberFormat?: string;
  readonly border?: 'thin' | 'none';
  readonly indent?: number;
}

/** A rectangle of values whose top-left cell is `at`. Rows may be shorter than the widest row. */
export interface Block {
  readonly at: string;
  readonly rows: readonly (readonly CellValue[])[];
}

export interface StyleRange {
  readonly range: string;
  /** A key of SheetSpec.styles. Later entries override earlier ones property by property. */
  readonly style: string;
}

/** Cells that hold a list's items, one per cell in a single row or column (e.g. on the hidden lists sheet). */
export interface ListSource {
  readonly sheet: string;
  readonly range: string;
}

export type ValidationRule =
  /**
   * A drop-down list. Without `source` the items are written literally ("a,b,c"), which Excel and LibreOffice split
   * on every comma and cap at 255 characters; with `source` the list refers to cells that hold exactly `values`.
   */
  | { readonly type: 'list'; readonly values: readonly string[]; readonly source?: ListSource }
  | { readonly type: 'whole' | 'decimal'; readonly min?: number; readonly max?: number }
  | { readonly type: 'date'; readonly min?: Day; readonly max?: Day }
  /** A formula (without "=") relative to the top-left cell of the range; the value is allowed when it is TRUE. */
  | { readonly type: 'custom'; readonly formula: string };

export interface Validation {
  readonly range: string;
  readonly rule: ValidationRule;
  readonly allowBlank: boolean;
  readonly prompt?: { readonly title: string; readonly message: string };
  readonly error?: { readonly title: string; readonly message: string };
}

export type ConditionalFormat =
  | {
      readonly type: 'expression';
      readonly range: string;
      /** Formula (with "=") relative to the top-left cell of `range`. */
      readonly formula: string;
      readonly fill?: string;
      readonly fontColor?: string;
      readonly bold?: boolean;
      readonly stopIfTrue?: boolean;
    }
  | { readonly type: 'dataBar'; readonly range: string; readonly color: string; readonly min: number; readonly max: number };

export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  readonly paper: 'A4';
  /**
   * Fit all columns on one page width; rows flow onto as many pages as needed. When false the sheet prints at 100 %
   * across as many pages as it needs (give it `titleRows`/`titleColumns` so every page can be read).
   */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "5:6". */
  readonly titleRows?: string;
  /** Columns repeated at the left of every printed page, e.g. "A:B". */
  readonly titleColumns?: string;
  readonly margins?: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly centerHorizontally?: boolean;
}

export interface SheetSpec {
  readonly name: string;
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
  readonly tabColor?: string;
  /** Column widths in characters, from column A. */
  readonly columns: readonly { readonly width: number; readonly hidden?: boolean }[];
  /** Row heights in points, for rows that need one. */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  readonly blocks: readonly Block[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  readonly styleRanges: readonly StyleRange[];
  readonly merges: readonly string[];
  readonly validations: readonly Validation[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Sheet protection without a password; `unlocked` ranges stay editable. */
  readonly protection?: { readonly unlocked: readonly string[] };
  readonly print?: PrintSetup;
  /** The range whose cells the user works in, selected after insertion. */
  readonly activeCell?: string;
}

/**
 * A sheet to write that is built only when its turn comes: a writer that writes sheet by sheet (the streamed workbook)
 * then holds one such sheet at a time, not all (a consolidation's per-agency sheets are most of what it writes).
 */
export interface DeferredSheet {
  readonly name: string;
  readonly build: () => SheetSpec;
}

/** What a write is given: sheets built, or to be built when written. */
export type SheetSource = SheetSpec | DeferredSheet;

/** The sheet itself: built now if it was deferred. */
export function builtSheet(s: SheetSource): SheetSpec {
  if (!('build' in s)) return s;
  const spec = s.build();
  if (spec.name !== s.name) throw new Error(`deferred sheet "${s.name}" built as "${spec.name}"`);
  return spec;
}

/** Excel's limit on a literal list source ("Sở,Xã,…"), in characters. */
export const MAX_LIST_LITERAL = 255;

/**
 * How a host writes a list's source: `literal` ("a,b,c", without quotes) or `range` (a sheet-qualified absolute
 * reference, without "="). Throws for a literal list that Excel would split or refuse (a layout bug, not a user's).
 */
export function listSource(rule: Extract<ValidationRule, { type: 'list' }>): { kind: 'literal'; text: string } | { kind: 'range'; ref: string } {
  if (rule.source) {
    const r = parseRange(rule.source.range);
    if (r.top !== r.bottom && r.left !== r.right) throw new Error(`list source ${rule.source.range} must be one row or one column`);
    const abs = (row: number, col: number) => cellRef(row, col, { row: true, col: true });
    const cells = r.top === r.bottom && r.left === r.right ? abs(r.top, r.left) : `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
    return { kind: 'range', ref: `${quoteSheetName(rule.source.sheet)}!${cells}` };
  }
  const withComma = rule.values.find((v) => v.includes(','));
  if (withComma !== undefined) throw new Error(`list item "${withComma}" contains a comma: Excel would split it; give the list a range source`);
  const text = rule.values.join(',');
  if (text.length > MAX_LIST_LITERAL) throw new Error(`list source of ${text.length} characters is over Excel's ${MAX_LIST_LITERAL}; give the list a range source`);
  return { kind: 'literal', text };
}

/** Checks what a host cannot write faithfully: list sources (see listSource) and cells under two validations. */
export function assertSheetSpec(spec: SheetSpec): void {
  const ranges = spec.validations.map((v) => ({ v, r: parseRange(v.range) }));
  ranges.forEach(({ v, r }, i) => {
    if (v.rule.type === 'list') listSource(v.rule);
    for (const other of ranges.slice(i + 1)) {
      const o = other.r;
      if (r.left <= o.right && o.left <= r.right && r.top <= o.bottom && o.top <= r.bottom) {
        throw new Error(`SheetSpec ${spec.name}: validations ${v.range} and ${other.v.range} overlap`);
      }
    }
  });
}

export function isFormula(v: CellValue): v is { readonly formula: string } {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

export function isDate(v: CellValue): v is { readonly date: Day } {
  return typeof v === 'object' && v !== null && 'date' in v;
}

/** The last row and column a spec writes to. */
export function specExtent(spec: SheetSpec): { rows: number; columns: number } {
  let rows = 0;
  let columns = spec.columns.length;
  for (const b of spec.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.at);
    if (!m) continue;
    const top = Number(m[2]);
    rows = Math.max(rows, top + b.rows.length - 1);
    let col = 0;
    for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
    for (const r of b.rows) columns = Math.max(columns, col + r.length - 1);
  }
  return { rows, columns };
}
