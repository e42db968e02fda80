/**
 * "Ngày nhận" on "Theo dõi nộp báo cáo": the day Sở Nội vụ received each agency's report (by e-mail, through the
 * document system, by hand), typed by Sở Nội vụ into the consolidation workbook. Read back before every re-run, so
 * what was typed is written again and decides lateness.
 */
import { type Day, fromExcelSerial, parseUserDate, ymdOf } from '../domain/calendar';
import { normaliseName } from '../domain/text';
import { cellRef } from './a1';
import { type Grid, type GridValue, forEachCell, forEachRow, gridText, gridValue, isEmptyValue } from './grid';

export const RECEIVED_HEADER = 'Ngày nhận';
export const CODE_HEADER = 'Mã đơn vị';

export interface ReceivedEntry {
  /** What the cell holds, written back as it was typed. */
  readonly value: GridValue;
  /** The day read from it; null when the cell holds no readable date. */
  readonly day: Day | null;
  /** The cell, e.g. "I7". */
  readonly cell: string;
}

export interface ReceivedDates {
  /** Agency code (upper case) → what was typed. */
  readonly entries: ReadonlyMap<string, ReceivedEntry>;
  /** Cells whose content is not a date: the cell and its text. */
  readonly unreadable: readonly { readonly cell: string; readonly code: string; readonly text: string }[];
}

/** A typed date: an Excel date (serial) or day-first text ("15/03/2026", also "2026-03-15"), in 2000–2099. */
export function receivedDay(v: GridValue): Day | null {
  let day: Day | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) day = fromExcelSerial(Math.floor(v));
  else if (typeof v === 'string') day = parseUserDate(v.trim());
  if (day === null) return null;
  const year = ymdOf(day).year;
  return year >= 2000 && year <= 2099 ? day : null;
}

function headerRowOf(grid: Grid): { row: number; code: number; received: number } | null {
  let found: { row: number; code: number; received: number } | null = null;
  forEachRow(grid, 1, (r) => {
    if (r > 20) return true;
    let code = 0;
    let received = 0;
    forEachCell(grid, r, (c) => {
      const h = normaliseName(gridText(grid, r, c));
      if (h === normaliseName(CODE_HEADER)) code = c;
      else if (h.startsWith(normaliseName(RECEIVED_HEADER))) received = c;
    });
    if (code > 0 && received > 0) found = { row: r, code, received };
    return found !== null;
  });
  return found;
}

/** Reads what Sở Nội vụ typed in the "Ngày nhận" column; null when the sheet has no such column. */
export function readReceivedDates(grid: Grid | null): ReceivedDates | null {
  if (!grid) return null;
  const at = headerRowOf(grid);
  if (!at) return null;
  const entries = new Map<string, ReceivedEntry>();
  const unreadable: { cell: string; code: string; text: string }[] = [];
  forEachRow(grid, at.row + 1, (r) => {
    const code = gridText(grid, r, at.code).trim();
    const value = gridValue(grid, r, at.received);
    if (code === '' || isEmptyValue(value)) return;
    const cell = cellRef(r, at.received);
    const day = receivedDay(value);
    if (day === null) unreadable.push({ cell, code, text: String(value) });
    entries.set(code.toUpperCase(), { value, day, cell });
  });
  return { entries, unreadable };
}
