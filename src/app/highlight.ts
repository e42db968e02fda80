/**
 * Use case: colour the cells a check found problems in (errors light red, warnings light amber), and later put every
 * one of them back exactly as it was, "no fill" included.
 *
 * The fills the cells had before are kept with the workbook, in a very hidden sheet ("_vtlt_highlight": one row per
 * cell, "sheet!cell" → previous colour, all text), so "Bỏ tô màu" works after the pane was closed, or from another
 * computer. Highlighting writes that record before it changes any fill; removing the highlight restores the fills
 * before it deletes the record. Each use case is two round trips to the host, whatever the number of cells.
 *
 * Everything but the two port calls is pure bookkeeping, tested on its own.
 */
import type { Issue, Severity } from '../domain/validation/issue';
import { type Grid, forEachRow, gridText } from '../workbook/grid';
import type { SheetSpec } from '../workbook/sheet-spec';
import { recordSheet } from '../workbook/record-sheet';
import { isProductSheet } from '../workbook/hidden-sheets';
import { type CellAt, type FillChange, type FillPort, type FillReading, type Fill, type SheetAccess, fillKey, normaliseCell, parseFillKey } from './cell-fill';

export type { CellAt, Fill, FillChange, FillPort, FillReading, SheetAccess } from './cell-fill';
export { fillKey, normaliseCell, parseFillKey } from './cell-fill';

export const HIGHLIGHT_SHEET = '_vtlt_highlight';

/** Excel's own "light red fill" and "light yellow/amber fill" of its conditional-formatting presets. */
export const HIGHLIGHT_FILLS: Readonly<Record<Severity, string>> = { error: '#FFC7CE', warning: '#FFEB9C' };

// ---------------------------------------------------------------------------------------------------------------
// Fills as text in the record.

const NO_FILL = 'none';
const HEX = /^#[0-9A-F]{6}$/;

/** How a fill is written in the record: "#RRGGBB", or "none". */
export function fillText(fill: Fill): string {
  return fill === null ? NO_FILL : fill.toUpperCase();
}

/** A fill read back from the record; undefined for text that is neither "#RRGGBB" nor "none". */
export function parseFillText(text: string): Fill | undefined {
  const t = text.trim().toUpperCase();
  if (t === NO_FILL.toUpperCase()) return null;
  return HEX.test(t) ? t : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// What to colour.

export interface HighlightTarget extends CellAt {
  readonly severity: Severity;
  readonly fill: string;
}

/**
 * The cells to colour for `issues`: one per cell (an error wins over a warning), in the order found. Findings about a
 * whole sheet or file, ranges, and the product's own hidden sheets are left out.
 */
export function highlightTargets(issues: readonly Issue[]): HighlightTarget[] {
  const byKey = new Map<string, HighlightTarget>();
  for (const i of issues) {
    if (i.sheet === '' || isProductSheet(i.sheet)) continue;
    const cell = normaliseCell(i.cell);
    if (cell === null) continue;
    const key = fillKey({ sheet: i.sheet, cell });
    const known = byKey.get(key);
    if (known && (known.severity === 'error' || i.severity === 'warning')) continue;
    byKey.set(key, { sheet: i.sheet, cell, severity: i.severity, fill: HIGHLIGHT_FILLS[i.severity] });
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// The record sheet.

export interface HighlightEntry extends CellAt {
  /** The fill the cell had before it was first highlighted. */
  readonly previous: Fill;
  /** The fill highlighting gave it. */
  readonly applied: string;
}

const RECORD_HEADERS = ['Ô', 'Màu nền trước khi tô', 'Màu đã tô'] as const;
const RECORD_NOTE =
  'Bổ trợ Văn thư – Lưu trữ ghi ở đây màu nền của các ô trước khi "Tô màu lỗi", để "Bỏ tô màu" trả lại đúng như cũ. Không sửa trang này.';

export function highlightRecordSheet(entries: readonly HighlightEntry[]): SheetSpec {
  const rows = entries.map((e) => [fillKey(e), fillText(e.previous), fillText(e.applied)]);
  return recordSheet(HIGHLIGHT_SHEET, RECORD_NOTE, RECORD_HEADERS, [28, 22, 14], rows);
}

/** The entries of a record sheet; rows that do not read as "sheet!cell", fill, fill are skipped. */
export function readHighlightRecord(grid: Grid | null): HighlightEntry[] {
  if (grid === null) return [];
  const out = new Map<string, HighlightEntry>();
  forEachRow(grid, 1, (r) => {
    const at = parseFillKey(gridText(grid, r, 1));
    const previous = parseFillText(gridText(grid, r, 2));
    const applied = parseFillText(gridText(grid, r, 3));
    if (at === null || previous === undefined || applied === undefined || applied === null) return;
    const key = fillKey(at);
    // The first record of a cell holds its original fill.
    if (!out.has(key)) out.set(key, { ...at, previous, applied });
  });
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Plans.

function sheetOf(reading: FillReading, sheet: string): SheetAccess | undefined {
  return reading.sheets.get(sheet.toLocaleLowerCase());
}

export interface HighlightPlan {
  /** The record to keep: every cell highlighted after the change, with its original fill. */
  readonly entries: readonly HighlightEntry[];
  readonly changes: readonly FillChange[];
  /** Cells of an earlier highlight that are no longer problems, given back their fill. */
  readonly restored: number;
  /** Targets left out: their sheet is gone, or their fill could not be read. */
  readonly skipped: readonly CellAt[];
}

/**
 * Highlights `targets`. A cell already highlighted keeps the original fill from the record (its current fill is the
 * highlight's); a cell of the record that is no longer a target gets its original fill back.
 */
export function planHighlight(targets: readonly HighlightTarget[], reading: FillReading): HighlightPlan {
  const recorded = new Map(readHighlightRecord(reading.record).map((e) => [fillKey(e), e]));
  const entries: HighlightEntry[] = [];
  const changes: FillChange[] = [];
  const skipped: CellAt[] = [];
  const wanted = new Set<string>();
  for (const t of targets) {
    const key = fillKey(t);
    const known = recorded.get(key);
    const previous = known ? known.previous : reading.fills.get(key);
    if (!sheetOf(reading, t.sheet) || previous === undefined) {
      skipped.push({ sheet: t.sheet, cell: t.cell });
      continue;
    }
    wanted.add(key);
    entries.push({ sheet: t.sheet, cell: t.cell, previous, applied: t.fill });
    changes.push({ sheet: t.sheet, cell: t.cell, fill: t.fill });
  }
  let restored = 0;
  for (const [key, e] of recorded) {
    if (wanted.has(key) || !sheetOf(reading, e.sheet)) continue;
    changes.push({ sheet: e.sheet, cell: e.cell, fill: e.previous });
    restored++;
  }
  return { entries, changes, restored, skipped };
}

/** Gives every recorded cell (of a sheet still there) its original fill. */
export function planUnhighlight(reading: FillReading): FillChange[] {
  return readHighlightRecord(reading.record)
    .filter((e) => sheetOf(reading, e.sheet) !== undefined)
    .map((e) => ({ sheet: e.sheet, cell: e.cell, fill: e.previous }));
}

// ---------------------------------------------------------------------------------------------------------------
// Use cases.

export interface HighlightResult {
  /** Cells highlighted now. */
  readonly highlighted: number;
  /** Cells of an earlier highlight given back their fill. */
  readonly restored: number;
  readonly skipped: number;
}

/** Colours the problem cells of `issues`: one read, one write. */
export async function highlightIssues(port: FillPort, issues: readonly Issue[]): Promise<HighlightResult> {
  const targets = highlightTargets(issues);
  const reading = await port.readFills(targets, HIGHLIGHT_SHEET);
  const plan = planHighlight(targets, reading);
  if (plan.changes.length > 0 || reading.record !== null) {
    await port.setFills(plan.changes, reading, plan.entries.length > 0 ? highlightRecordSheet(plan.entries) : null);
  }
  return { highlighted: plan.entries.length, restored: plan.restored, skipped: plan.skipped.length };
}

/** Gives every highlighted cell its fill back and removes the record: one read, one write (none without a record). */
export async function clearHighlight(port: FillPort): Promise<{ readonly restored: number }> {
  const reading = await port.readFills([], HIGHLIGHT_SHEET);
  if (reading.record === null) return { restored: 0 };
  const changes = planUnhighlight(reading);
  await port.setFills(changes, reading, null);
  return { restored: changes.length };
}

/** How many cells a record sheet (as read with the rest of the workbook) says are highlighted. */
export function highlightedCount(grid: Grid | null): number {
  return readHighlightRecord(grid).length;
}
