/**
 * "Ngày nhận" on "Theo dõi nộp báo cáo": the day Sở Nội vụ received each agency's report (by e-mail, through the
 * document system, by hand), typed by Sở Nội vụ into the consolidation workbook. Read back before every re-run, so
 * what was typed is written again and decides lateness.
 */
import { type Day, fromExcelSerial, parseUserDate, ymdOf } from '../domain/calendar';
import { normaliseName } from '../domain/text';
import type { Grid, GridValue } from './grid';
import { CODE_HEADER, findHeaderRow, readTypedCells, type TypedCells } from './typed-columns';

export { CODE_HEADER };
export const RECEIVED_HEADER = 'Ngày nhận';

export interface ReceivedEntry {
  /** What the cell holds, written back as it was typed. */
  readonly value: GridValue;
  /** The day read from it; null when the cell holds no readable date. */
  readonly day: Day | null;
  /** The cell, e.g. "I7". */
  readonly cell: string;
}

/** What was typed by agency code, and the cells whose content is not a date. */
export type ReceivedDates = TypedCells<ReceivedEntry>;

/** A typed date: an Excel date (serial) or day-first text ("15/03/2026", also "2026-03-15"), in 2000–2099. */
export function receivedDay(v: GridValue): Day | null {
  let day: Day | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) day = fromExcelSerial(Math.floor(v));
  else if (typeof v === 'string') day = parseUserDate(v.trim());
  if (day === null) return null;
  const year = ymdOf(day).year;
  return year >= 2000 && year <= 2099 ? day : null;
}

/** Reads what Sở Nội vụ typed in the "Ngày nhận" column; null when the sheet has no such column. */
export function readReceivedDates(grid: Grid | null): ReceivedDates | null {
  if (!grid) return null;
  const at = findHeaderRow(grid, { received: (h) => h.startsWith(normaliseName(RECEIVED_HEADER)) }, 'received');
  if (!at) return null;
  return readTypedCells(grid, at, at.received, (value, cell) => {
    const day = receivedDay(value);
    return { entry: { value, day, cell }, understood: day !== null };
  });
}
