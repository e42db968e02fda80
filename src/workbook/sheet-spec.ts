/**
 * The SheetSpec: a plain, serialisable description of a sheet. Layouts produce SheetSpecs; hosts (Office.js in
 * Excel, ExcelJS for files) apply them, so a file written by the CLI shows what the add-in produces in Excel.
 *
 * Rows and columns are 1-based. Ranges are A1 strings without a sheet name.
 */
import type { Day } from '../domain/calendar';

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

export type ValidationRule =
  | { readonly type: 'list'; readonly values: readonly string[] }
  | { readonly type: 'whole' | 'decimal'; readonly min?: number; readonly max?: number }
  | { readonly type: 'date'; readonly min?: Day; readonly max?: Day };

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
  /** Fit all columns on one page width; rows flow onto as many pages as needed. */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "5:6". */
  readonly titleRows?: string;
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
