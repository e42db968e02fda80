/**
 * Use case (the pane's "Chuyển sang Unicode" and its "Hoàn tác"): the cells a check found typed in a legacy encoding
 * (TCVN3/ABC, VNI-Windows) are given their Unicode text, and can be given their old text back.
 *
 * The old text is kept with the workbook, in a very hidden sheet ("_vtlt_unicode": one row per cell — sheet, cell, old
 * text, new text, all text), so the change can be undone after the pane was closed, or on another computer. Converting
 * writes that record in the same batch as the new texts, record first. Undoing gives a cell its old text only where it
 * still holds the text the conversion wrote: a cell the user changed since is left as it is, and said so.
 *
 * Only text is written, as text (a converted "=…" stays text), never into a formula, and never into a cell locked on a
 * protected sheet (the forms are protected; their input cells are open): such a cell is left out and said so.
 *
 * Round trips, whatever the number of cells: converting two (the record with the cells the check found, then the write;
 * two more if a sheet went since the check), undoing the same with the cells the check saw in the record (three
 * without them: the record, the cells it names, the write).
 * Everything but the port calls is pure bookkeeping, tested on its own.
 */
import { legacyEncodingName, toUnicode } from '../domain/legacy-encoding';
import { issue, type Issue } from '../domain/validation/issue';
import { cellRef } from '../workbook/a1';
import { type Grid, forEachCell, forEachRow, gridText, gridValue } from '../workbook/grid';
import { FIRST_RECORD_ROW, recordSheet } from '../workbook/record-sheet';
import { isProductSheet } from '../workbook/hidden-sheets';
import type { SheetSpec } from '../workbook/sheet-spec';
import { type CellAt, fillKey, normaliseCell } from './cell-fill';
import type { CellTextPort, CellTextReading, TextChange } from './cell-text';

export type { CellContent, CellTextPort, CellTextReading, TextChange } from './cell-text';

export const LEGACY_SHEET = '_vtlt_unicode';

/** A cell the check found in a legacy encoding, with the text it held then. */
export interface LegacyTarget extends CellAt {
  readonly text: string;
}

/**
 * The cells to convert for `issues`: the legacy-encoding findings of one cell holding text, one per cell, in the order
 * found. Findings about a whole sheet or file (the agency name read from a header), ranges, and the product's own
 * hidden sheets are left out.
 */
export function legacyTargets(issues: readonly Issue[]): LegacyTarget[] {
  const byKey = new Map<string, LegacyTarget>();
  for (const i of issues) {
    if (i.rule !== 'legacy-encoding' || i.sheet === '' || isProductSheet(i.sheet) || typeof i.value !== 'string') continue;
    const cell = normaliseCell(i.cell);
    if (cell === null) continue;
    const key = fillKey({ sheet: i.sheet, cell });
    if (!byKey.has(key)) byKey.set(key, { sheet: i.sheet, cell, text: i.value });
  }
  return [...byKey.values()];
}

/**
 * Findings for the text cells of `grids` typed in a legacy encoding (a tracker's note, a form's place-and-date line or
 * signer's name…), beside the rules' own: cells `known` already reports are left out, and so are formulas (their text
 * is computed) and the product's hidden sheets. Text with nothing beyond ASCII is never legacy and is not read.
 */
export function legacyCellIssues(grids: Iterable<Grid>, known: readonly Issue[]): Issue[] {
  const reported = new Set(known.filter((i) => i.rule === 'legacy-encoding').map((i) => fillKey({ sheet: i.sheet, cell: i.cell })));
  const out: Issue[] = [];
  for (const grid of grids) {
    if (isProductSheet(grid.name)) continue;
    forEachRow(grid, 1, (row) => {
      forEachCell(grid, row, (col, value) => {
        if (typeof value !== 'string' || !/[^\u0000-\u007f]/.test(value) || grid.formulas?.[row - 1]?.[col - 1]) return;
        const cell = cellRef(row, col);
        if (reported.has(fillKey({ sheet: grid.name, cell }))) return;
        const read = toUnicode(value);
        if (read.from === null) return;
        out.push(issue('warning', 'legacy-encoding', grid.name, cell, value, { encoding: legacyEncodingName(read.from), sample: read.text }));
      });
    });
  }
  return out;
}

/** How many cells, on which sheets (in the order found): what the question before converting says. */
export function targetSheets(targets: readonly CellAt[]): { readonly sheet: string; readonly count: number }[] {
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.sheet, (counts.get(t.sheet) ?? 0) + 1);
  return [...counts].map(([sheet, count]) => ({ sheet, count }));
}

// ---------------------------------------------------------------------------------------------------------------
// The record sheet.

export interface LegacyEntry extends CellAt {
  /** The text the cell held before (legacy). */
  readonly old: string;
  /** The text the conversion wrote (Unicode). */
  readonly new: string;
}

const RECORD_HEADERS = ['Trang tính', 'Ô', 'Chữ cũ (bảng mã cũ)', 'Chữ mới (Unicode)'] as const;
const RECORD_NOTE =
  'Bổ trợ Văn thư – Lưu trữ ghi ở đây chữ cũ của các ô đã "Chuyển sang Unicode", để "Hoàn tác" trả lại đúng như cũ. Không sửa trang này.';

export function legacyRecordSheet(entries: readonly LegacyEntry[]): SheetSpec {
  return recordSheet(LEGACY_SHEET, RECORD_NOTE, RECORD_HEADERS, [16, 8, 40, 40], entries.map((e) => [e.sheet, e.cell, e.old, e.new]));
}

/** The text of a record cell exactly as written (not normalised: it is compared with what the cell holds). */
function recordText(grid: Grid, row: number, col: number): string | null {
  const v = gridValue(grid, row, col);
  return v === null ? null : String(v);
}

/** The entries of a record sheet; rows without a sheet, one cell and both texts are skipped; the last row of a cell wins. */
export function readLegacyRecord(grid: Grid | null): LegacyEntry[] {
  if (grid === null) return [];
  const out = new Map<string, LegacyEntry>();
  forEachRow(grid, FIRST_RECORD_ROW, (r) => {
    const sheet = gridText(grid, r, 1);
    const cell = normaliseCell(gridText(grid, r, 2));
    const old = recordText(grid, r, 3);
    const now = recordText(grid, r, 4);
    if (sheet === '' || cell === null || old === null || now === null || old === now) return;
    const key = fillKey({ sheet, cell });
    out.delete(key);
    out.set(key, { sheet, cell, old, new: now });
  });
  return [...out.values()];
}

/** The cells a record sheet (as read with the rest of the workbook) says can be given their old text back. */
export function convertedCells(grid: Grid | null): CellAt[] {
  return readLegacyRecord(grid).map((e) => ({ sheet: e.sheet, cell: e.cell }));
}

// ---------------------------------------------------------------------------------------------------------------
// Plans.

/** Why a cell was left as it is. */
export type LeftReason = 'changed' | 'protected' | 'missing';

export interface LeftCell extends CellAt {
  readonly reason: LeftReason;
}

export interface LegacyPlan {
  readonly changes: readonly TextChange[];
  /** The record after the change: null when it has no entry left. */
  readonly record: readonly LegacyEntry[] | null;
  readonly left: readonly LeftCell[];
}

/**
 * Converts each target still holding the text the check found (a formula, or text changed since, is left alone), unless
 * it is locked on a protected sheet. The record keeps its earlier entries; a cell converted again gets a new entry.
 */
export function planConvert(targets: readonly LegacyTarget[], reading: CellTextReading): LegacyPlan {
  const record = new Map(readLegacyRecord(reading.record).map((e) => [fillKey(e), e]));
  const changes: TextChange[] = [];
  const left: LeftCell[] = [];
  for (const t of targets) {
    const at = { sheet: t.sheet, cell: t.cell };
    const content = reading.cells.get(fillKey(t));
    const converted = toUnicode(t.text);
    if (!content) left.push({ ...at, reason: 'missing' });
    else if (content.formula || content.value !== t.text || converted.from === null) left.push({ ...at, reason: 'changed' });
    else if (content.locked) left.push({ ...at, reason: 'protected' });
    else {
      changes.push({ ...at, text: converted.text });
      const key = fillKey(t);
      record.delete(key);
      record.set(key, { ...at, old: t.text, new: converted.text });
    }
  }
  return { changes, record: record.size > 0 ? [...record.values()] : null, left };
}

/**
 * Gives each recorded cell its old text where it still holds the new one. A cell changed since (or whose sheet is gone)
 * is left alone and dropped from the record; a cell now locked on a protected sheet keeps its entry, to try again.
 */
export function planUndo(reading: CellTextReading): LegacyPlan & { readonly restorable: number } {
  const changes: TextChange[] = [];
  const kept: LegacyEntry[] = [];
  const left: LeftCell[] = [];
  const entries = readLegacyRecord(reading.record);
  for (const e of entries) {
    const at = { sheet: e.sheet, cell: e.cell };
    const content = reading.cells.get(fillKey(e));
    if (!content) left.push({ ...at, reason: 'missing' });
    else if (content.formula || content.value !== e.new) left.push({ ...at, reason: 'changed' });
    else if (content.locked) {
      left.push({ ...at, reason: 'protected' });
      kept.push(e);
    } else changes.push({ ...at, text: e.old });
  }
  return { changes, record: kept.length > 0 ? kept : null, left, restorable: entries.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Use cases.

export interface LegacyResult {
  /** Cells given their new (convert) or old (undo) text. */
  readonly changed: number;
  readonly left: readonly LeftCell[];
  /** Cells the record still lists after the change (what "Hoàn tác" can give back). */
  readonly recorded: number;
}

function recordSpec(plan: LegacyPlan): SheetSpec | null {
  return plan.record === null ? null : legacyRecordSheet(plan.record);
}

/** Converts the legacy-encoded cells of `issues` to Unicode, keeping their old text: two round trips. */
export async function convertLegacyText(port: CellTextPort, issues: readonly Issue[]): Promise<LegacyResult> {
  const targets = legacyTargets(issues);
  if (targets.length === 0) return { changed: 0, left: [], recorded: 0 };
  const reading = await port.readTexts(LEGACY_SHEET, targets);
  const plan = planConvert(targets, reading);
  if (plan.changes.length > 0) await port.writeTexts(plan.changes, reading, recordSpec(plan));
  // The plan's record is the one read plus what was converted (as read when nothing was).
  return { changed: plan.changes.length, left: plan.left, recorded: plan.record?.length ?? 0 };
}

/**
 * Gives the converted cells their old text back where they still hold the converted text. `expected`: the cells the
 * record named when the workbook was last checked (CheckResult.converted), read with the record in one round trip,
 * then the write; when the record names others (or a sheet has gone), the cells it names are read again first.
 */
export async function undoLegacyText(port: CellTextPort, expected: readonly CellAt[] = []): Promise<LegacyResult> {
  const named = (record: Grid | null) => readLegacyRecord(record);
  let reading = await port.readTexts(LEGACY_SHEET, expected.length > 0 ? expected : named);
  if (expected.length > 0 && named(reading.record).some((e) => !reading.cells.has(fillKey(e)))) reading = await port.readTexts(LEGACY_SHEET, named);
  if (reading.record === null) return { changed: 0, left: [], recorded: 0 };
  const plan = planUndo(reading);
  await port.writeTexts(plan.changes, reading, recordSpec(plan));
  return { changed: plan.changes.length, left: plan.left, recorded: plan.record?.length ?? 0 };
}
