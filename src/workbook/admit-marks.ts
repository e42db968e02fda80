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
import { type Grid, type GridValue, gridText, isEmptyValue } from './grid';
import { findHeaderRow, readTypedCells, type TypedCells } from './typed-columns';

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

/** What was typed by agency code, and the cells that hold neither "Có" nor "Không". */
export type AdmitMarks = TypedCells<AdmitEntry>;

/** What a typed cell says: "Có" true; "Không" (any case) or empty false; anything else null. */
export function admitChoice(v: GridValue): boolean | null {
  if (isEmptyValue(v)) return false;
  const text = normaliseName(String(v));
  if (text === normaliseName(ADMIT_YES)) return true;
  if (text === normaliseName(ADMIT_NO)) return false;
  return null;
}

/** Reads what Sở Nội vụ chose in "Cho tính vào tổng hợp"; null when the sheet has no such column. */
export function readAdmitMarks(grid: Grid | null): AdmitMarks | null {
  if (!grid) return null;
  const headers = { admit: normaliseName(ADMIT_HEADER), key: normaliseName(FILE_KEY_HEADER) };
  const at = findHeaderRow(grid, { admit: (h) => h === headers.admit, key: (h) => h === headers.key }, 'admit');
  if (!at) return null;
  return readTypedCells(grid, at, at.admit, (value, cell, r) => {
    const admit = admitChoice(value);
    const key = at.key > 0 ? gridText(grid, r, at.key).trim() : '';
    return { entry: { value, admit, cell, fileKey: key === '' ? null : key }, understood: admit !== null };
  });
}
