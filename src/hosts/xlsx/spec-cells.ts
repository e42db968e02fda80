/**
 * A SheetSpec's cells, row by row, as ExcelJS writes them: each cell's value and its style, the style an object
 * shared by every cell styled alike (ExcelJS then finds the style's id at once, by the object, instead of comparing a
 * new object per cell). Used by both ways the file host writes: into a workbook in memory and streamed to a file.
 */
import type ExcelJS from 'exceljs';
import { toExcelSerial } from '../../domain/calendar';
import { parseRange, type RangeAddress } from '../../workbook/a1';
import { cellText } from '../../workbook/cell-text';
import { type CellStyle, type CellValue, type SheetSpec, isDate, isFormula } from '../../workbook/sheet-spec';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function cellContent(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isFormula(v)) return { formula: v.formula.replace(/^=/, ''), date1904: false } as ExcelJS.CellFormulaValue;
  if (isDate(v)) return toExcelSerial(v.date);
  return typeof v === 'string' ? cellText(v) : v;
}

/** Applies one CellStyle over a style (as setting each of a cell's properties in turn would). */
function overlay(style: Partial<ExcelJS.Style>, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    style.font = {
      ...style.font,
      name: style.font?.name ?? 'Times New Roman',
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
      ...(s.fontColor !== undefined ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.hAlign !== undefined || s.vAlign !== undefined || s.wrap !== undefined || s.indent !== undefined) {
    style.alignment = {
      ...style.alignment,
      ...(s.hAlign !== undefined ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign !== undefined ? { vertical: s.vAlign } : {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.indent !== undefined ? { indent: s.indent } : {}),
    };
  }
  if (s.numberFormat !== undefined) style.numFmt = s.numberFormat;
  if (s.border === 'thin') {
    const edge: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8A8886' } };
    style.border = { top: edge, left: edge, bottom: edge, right: edge };
  } else if (s.border === 'none') {
    style.border = {};
  }
}

export interface SpecCell {
  readonly col: number;
  /** undefined: the cell holds no value (it is only styled). */
  readonly value: ExcelJS.CellValue | undefined;
  /** null: the cell keeps the default style. */
  readonly style: Partial<ExcelJS.Style> | null;
}

interface Span {
  readonly r: RangeAddress;
  /** Index into spec.styleRanges, or -1 for an unlocked range. */
  readonly style: number;
}

/**
 * Each row the spec writes to (values or styles), in order, with its cells in column order, one by one (a writer may
 * pause between them). Styles apply in the order of spec.styleRanges, then the unlocked ranges of the sheet's
 * protection, as the spec says.
 */
export function* specRows(spec: SheetSpec): Generator<readonly [number, readonly SpecCell[]]> {
  const spans: Span[] = [
    ...spec.styleRanges.map((s, i) => {
      if (!spec.styles[s.style]) throw new Error(`SheetSpec ${spec.name}: unknown style ${s.style}`);
      return { r: parseRange(s.range), style: i };
    }),
    ...(spec.protection?.unlocked ?? []).map((range) => ({ r: parseRange(range), style: -1 })),
  ];
  const blocks = spec.blocks.map((b) => ({ at: parseRange(b.at), rows: b.rows }));
  let last = 0;
  for (const s of spans) last = Math.max(last, s.r.bottom);
  for (const b of blocks) last = Math.max(last, b.at.top + b.rows.length - 1);
  const styles = new Map<string, Partial<ExcelJS.Style> | null>();
  const layouts = new Map<string, Layout>();
  // The ranges over a row change only where one starts or ends: the layout is looked up again only there.
  let layout: Layout | null = null;
  let changesAt = 1;
  // A row's values by column (reused row after row), and the columns holding one, in the order met.
  const byCol: (CellValue | undefined)[] = [];
  const valueCols: number[] = [];
  for (let row = 1; row <= last; row++) {
    if (row >= changesAt) {
      ({ layout, changesAt } = layoutAt(spec, spans, row, layouts, styles));
    }
    for (const col of valueCols) byCol[col] = undefined;
    valueCols.length = 0;
    for (const b of blocks) {
      const line = b.rows[row - b.at.top];
      if (line === undefined) continue;
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        if (v === null || v === undefined) continue;
        const col = b.at.left + j;
        if (byCol[col] === undefined) valueCols.push(col);
        byCol[col] = v;
      }
    }
    if (layout === null && valueCols.length === 0) continue;
    yield [row, rowCells(layout ?? NO_LAYOUT, byCol, valueCols)];
  }
}

/** The style of each column some ranges cover, and those columns in order. */
interface Layout {
  readonly styled: Map<number, Partial<ExcelJS.Style> | null>;
  readonly cols: readonly number[];
}

const NO_LAYOUT: Layout = { styled: new Map(), cols: [] };

/** The layout of the ranges over `row` (null when none is), and the next row where that set of ranges changes. */
function layoutAt(
  spec: SheetSpec,
  spans: readonly Span[],
  row: number,
  layouts: Map<string, Layout>,
  styles: Map<string, Partial<ExcelJS.Style> | null>,
): { layout: Layout | null; changesAt: number } {
  // The ranges over this row, named by their indexes (the rows of a table share a few such sets).
  let signature = '';
  let any = false;
  let changesAt = Infinity;
  for (const s of spans) {
    if (s.r.top > row) {
      changesAt = Math.min(changesAt, s.r.top);
      continue;
    }
    if (row > s.r.bottom) continue;
    changesAt = Math.min(changesAt, s.r.bottom + 1);
    signature = any ? `${signature},${s.style}` : String(s.style);
    any = true;
  }
  if (!any) return { layout: null, changesAt };
  let layout = layouts.get(signature);
  if (!layout) {
    const styled = rowLayout(spec, spans.filter((s) => s.r.top <= row && row <= s.r.bottom), styles);
    layout = { styled, cols: [...styled.keys()] };
    layouts.set(signature, layout);
  }
  return { layout, changesAt };
}

/** A row's cells in column order: those its ranges style, and those holding a value. */
function rowCells(layout: Layout, byCol: readonly (CellValue | undefined)[], valueCols: readonly number[]): SpecCell[] {
  const { styled } = layout;
  let cols = layout.cols;
  for (const col of valueCols) {
    if (styled.has(col)) continue;
    cols = [...new Set([...cols, ...valueCols])].sort((a, b) => a - b);
    break;
  }
  const cells: SpecCell[] = new Array<SpecCell>(cols.length);
  for (let k = 0; k < cols.length; k++) {
    const col = cols[k]!;
    const v = byCol[col];
    cells[k] = { col, value: v === undefined ? undefined : cellContent(v), style: styled.get(col) ?? null };
  }
  return cells;
}

/** The style of each column a set of ranges covers in a row: one shared object per distinct sequence of styles. */
function rowLayout(spec: SheetSpec, active: readonly Span[], styles: Map<string, Partial<ExcelJS.Style> | null>): Map<number, Partial<ExcelJS.Style> | null> {
  const out = new Map<number, Partial<ExcelJS.Style> | null>();
  let left = Infinity;
  let right = 0;
  for (const s of active) {
    left = Math.min(left, s.r.left);
    right = Math.max(right, s.r.right);
  }
  for (let col = left; col <= right; col++) {
    const applied = active.filter((s) => s.r.left <= col && col <= s.r.right);
    if (applied.length === 0) continue;
    const key = applied.map((s) => s.style).join(',');
    if (!styles.has(key)) styles.set(key, styleOf(spec, applied));
    out.set(col, styles.get(key) ?? null);
  }
  return out;
}

function styleOf(spec: SheetSpec, applied: readonly Span[]): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  for (const s of applied) {
    if (s.style < 0) style.protection = { locked: false };
    else overlay(style, spec.styles[spec.styleRanges[s.style]!.style]!);
  }
  return style;
}
