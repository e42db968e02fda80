/**
 * Calendar dates without time zones.
 *
 * A `Day` is the whole number of days since 1970-01-01 in the proleptic Gregorian calendar. It never carries a
 * time of day, so arithmetic on it cannot drift across time zones or daylight-saving changes.
 */
export type Day = number & { readonly __day: unique symbol };

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;
/** Vietnam is UTC+7 all year round (Asia/Ho_Chi_Minh has no daylight saving). */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds a Day from year, month (1–12) and day of month, or null when the combination is not a real date. */
export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Days-from-civil: count whole eras of 400 years (146 097 days) from 0000-03-01.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) as Day;
}

/** Like dayFromYmd, for arguments already known to be valid (constants, values derived from a Day). */
export function mustDay(year: number, month: number, day: number): Day {
  const d = dayFromYmd(year, month, day);
  if (d === null) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  return d;
}

export function ymdOf(d: Day): Ymd {
  const z = d + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function addDays(d: Day, n: number): Day {
  return (d + n) as Day;
}

export function daysBetween(from: Day, to: Day): number {
  return to - from;
}

export function lastDayOfMonth(year: number, month: number): Day {
  return mustDay(year, month, daysInMonth(year, month));
}

export function yearEnd(year: number): Day {
  return mustDay(year, 12, 31);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** YYYY-MM-DD */
export function toIso(d: Day): string {
  const { year, month, day } = ymdOf(d);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** dd/mm/yyyy, the way dates are shown to users in Vietnam. */
export function formatVn(d: Day): string {
  const { year, month, day } = ymdOf(d);
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
}

/** Parses exactly YYYY-MM-DD (a real date) or returns null. */
export function parseIso(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Parses a Vietnamese day-first date: d/m/yyyy or dd/mm/yyyy (also with "-" or "." between the parts).
 * Month-first readings are never tried: "02/30/2026" is not a date.
 */
export function parseVnDate(text: string): Day | null {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text.trim());
  if (!m) return null;
  return dayFromYmd(Number(m[4]), Number(m[3]), Number(m[1]));
}

/** Accepts either YYYY-MM-DD or a day-first Vietnamese date. */
export function parseUserDate(text: string): Day | null {
  return parseIso(text) ?? parseVnDate(text);
}

/**
 * Excel serial dates (1900 date system). Serial 1 is 1900-01-01; Excel also counts a 29/02/1900 that never existed
 * (serial 60), so serials 1–59 are one day off from the true calendar and 60 has no date.
 */
const EXCEL_EPOCH_OFFSET = 25_569; // serial of 1970-01-01

export function toExcelSerial(d: Day): number {
  const serial = d + EXCEL_EPOCH_OFFSET;
  return serial <= 60 ? serial - 1 : serial;
}

/** Whole-day part of an Excel serial as a Day; null for serial 60, values below 1, and non-finite numbers. */
export function fromExcelSerial(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  return (whole < 60 ? whole + 1 - EXCEL_EPOCH_OFFSET : whole - EXCEL_EPOCH_OFFSET) as Day;
}

/** A Day from a JavaScript Date, taking its calendar date in UTC (how ExcelJS represents cell dates). */
export function dayFromUtcDate(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY) as Day;
}

export function utcDateOf(d: Day): Date {
  return new Date(d * MS_PER_DAY);
}

/** Today's date in Vietnam (UTC+7), whatever the machine's own time zone. */
export function todayInVietnam(nowMs: number = Date.now()): Day {
  return Math.floor((nowMs + VIETNAM_UTC_OFFSET_MINUTES * 60_000) / MS_PER_DAY) as Day;
}
