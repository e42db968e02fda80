/**
 * "Cho tính vào tổng hợp" on "Theo dõi nộp báo cáo": Sở Nội vụ chooses "Có" on an agency's row to count that agency's
 * file in the province totals although it has warnings (never errors). Typed into the consolidation workbook and read
 * back before every re-run, as "Ngày nhận" is (received-dates.ts).
 *
 * A mark holds for the file the row showed when it was typed: beside it, in a hidden column ("Mã tệp"), every run
 * writes the fingerprint of the file the row shows. On the next run the mark is compared with it, so a file the
 * agency sends later (different figures, statuses or findings) is not admitted by a mark made for an earlier one.
 */
import { normaliseName } from '../domain/text';
import { cellRef } from './a1';
import { CODE_HEADER } from './received-dates';
import { type Grid, type GridValue, forEachCell, forEachRow, gridText, gridValue, isEmptyValue } from './grid';

export const ADMIT_HEADER = 'Cho tính vào tổng hợp';
/** The hidden column: the fingerprint of the file the row shows (the file a mark on the row is for). */
export const FILE_KEY_HEADER = 'Mã tệp';
/** The choices of the drop-down: "Có" admits; "Không" (or an empty cell) does not. */
export const ADMIT_YES = 'Có';
export const ADMIT_NO = 'Không';

export interface AdmitEntry {
  /** What the cell holds, written back as it was typed when it is not a choice of the list. */
  readonly value: GridValue;
  /** "Có": true; "Không": false; null when the cell holds something else (reported, not applied). */
  readonly admit: boolean | null;
  /** The cell, e.g. "O7". */
  readonly cell: string;
  /** The fingerprint written beside it by the run the user saw; null when none (no file shown, or column gone). */
  readonly fileKey: string | null;
}

export interface AdmitMarks {
  /** Agency code (upper case) → what was typed. */
  readonly entries: ReadonlyMap<string, AdmitEntry>;
  /** Cells that hold neither "Có" nor "Không": the cell, the agency and the text. */
  readonly unreadable: readonly { readonly cell: string; readonly code: string; readonly text: string }[];
}

/** What a typed cell says: "Có" true; "Không" (any case) or empty false; anything else null. */
export function admitChoice(v: GridValue): boolean | null {
  if (isEmptyValue(v)) return false;
  const text = normaliseName(String(v));
  if (text === normaliseName(ADMIT_YES)) return true;
  if (text === normaliseName(ADMIT_NO)) return false;
  return null;
}

interface Columns {
  readonly row: number;
  readonly code: number;
  readonly admit: number;
  readonly key: number;
}

function headerRowOf(grid: Grid): Columns | null {
  let found: Columns | null = null;
  forEachRow(grid, 1, (r) => {
    if (r > 20) return true;
    let code = 0;
    let admit = 0;
    let key = 0;
    forEachCell(grid, r, (c) => {
      const h = normaliseName(gridText(grid, r, c));
      if (h === normaliseName(CODE_HEADER)) code = c;
      else if (h === normaliseName(ADMIT_HEADER)) admit = c;
      else if (h === normaliseName(FILE_KEY_HEADER)) key = c;
    });
    if (code > 0 && admit > 0) found = { row: r, code, admit, key };
    return found !== null;
  });
  return found;
}

/** Reads what Sở Nội vụ chose in "Cho tính vào tổng hợp"; null when the sheet has no such column. */
export function readAdmitMarks(grid: Grid | null): AdmitMarks | null {
  if (!grid) return null;
  const at = headerRowOf(grid);
  if (!at) return null;
  const entries = new Map<string, AdmitEntry>();
  const unreadable: { cell: string; code: string; text: string }[] = [];
  forEachRow(grid, at.row + 1, (r) => {
    const code = gridText(grid, r, at.code).trim();
    const value = gridValue(grid, r, at.admit);
    if (code === '' || isEmptyValue(value)) return;
    const cell = cellRef(r, at.admit);
    const admit = admitChoice(value);
    if (admit === null) unreadable.push({ cell, code, text: String(value) });
    const key = at.key > 0 ? gridText(grid, r, at.key).trim() : '';
    entries.set(code.toUpperCase(), { value, admit, cell, fileKey: key === '' ? null : key });
  });
  return { entries, unreadable };
}
