import { describe, it, expect } from 'vitest';
import {
  type Day,
  addDays,
  dayFromUtcDate,
  dayFromYmd,
  daysBetween,
  daysInMonth,
  formatVn,
  fromExcelSerial,
  isLeapYear,
  isoWeekday,
  lastDayOfMonth,
  mustDay,
  parseIso,
  parseUserDate,
  parseVnDate,
  toExcelSerial,
  toIso,
  todayInVietnam,
  utcDateOf,
  yearEnd,
  ymdOf,
} from '../../src/domain/calendar';

const d = (y: number, m: number, dd: number): Day => mustDay(y, m, dd);

/** Independent leap-year rule, written here so the calendar module is checked against something else. */
const leap = (y: number): boolean => (y % 400 === 0 ? true : y % 100 === 0 ? false : y % 4 === 0);
const monthLength = (y: number, m: number): number =>
  [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? NaN;

describe('dayFromYmd: which dates exist', () => {
  it('1970-01-01 is day 0 and the count is linear', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(2000, 3, 1)).toBe(11_017);
    expect(dayFromYmd(2026, 1, 1)).toBe(Date.UTC(2026, 0, 1) / 86_400_000);
  });

  it('rejects 31/02 and 30/02 in every year, and 31 in 30-day months', () => {
    for (const y of [1900, 2000, 2024, 2025, 2026]) {
      expect(dayFromYmd(y, 2, 31)).toBeNull();
      expect(dayFromYmd(y, 2, 30)).toBeNull();
      for (const m of [4, 6, 9, 11]) {
        expect(dayFromYmd(y, m, 31)).toBeNull();
        expect(dayFromYmd(y, m, 30)).not.toBeNull();
      }
    }
  });

  it('29/02 exists only in leap years (2000 yes, 1900 and 2100 no, 2024 yes, 2026 no)', () => {
    expect(dayFromYmd(2024, 2, 29)).not.toBeNull();
    expect(dayFromYmd(2000, 2, 29)).not.toBeNull();
    expect(dayFromYmd(1600, 2, 29)).not.toBeNull();
    expect(dayFromYmd(1900, 2, 29)).toBeNull();
    expect(dayFromYmd(2100, 2, 29)).toBeNull();
    expect(dayFromYmd(2026, 2, 29)).toBeNull();
    expect(dayFromYmd(2025, 2, 29)).toBeNull();
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
  });

  it('rejects out-of-range and non-integer parts', () => {
    expect(dayFromYmd(2026, 0, 1)).toBeNull();
    expect(dayFromYmd(2026, 13, 1)).toBeNull();
    expect(dayFromYmd(2026, 1, 0)).toBeNull();
    expect(dayFromYmd(2026, 1, 32)).toBeNull();
    expect(dayFromYmd(2026, 1.5, 1)).toBeNull();
    expect(dayFromYmd(2026, 1, 1.5)).toBeNull();
    expect(dayFromYmd(Number.NaN, 1, 1)).toBeNull();
    expect(dayFromYmd(0, 1, 1)).toBeNull();
    expect(dayFromYmd(10_000, 1, 1)).toBeNull();
  });

  it('daysInMonth agrees with an independent table for 1890–2110', () => {
    for (let y = 1890; y <= 2110; y++) {
      expect(isLeapYear(y)).toBe(leap(y));
      for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(monthLength(y, m));
    }
  });

  it('mustDay throws a RangeError for an impossible date', () => {
    expect(() => mustDay(2026, 2, 29)).toThrow(RangeError);
    expect(mustDay(2026, 2, 28)).toBe(dayFromYmd(2026, 2, 28));
  });
});

describe('ymdOf / dayFromYmd round trip', () => {
  it('walks every day from 01/01/1899 to 31/12/2101 with an independent counter', () => {
    let y = 1899;
    let m = 1;
    let dd = 1;
    let day = dayFromYmd(1899, 1, 1);
    expect(day).not.toBeNull();
    let count = 0;
    while (y <= 2101) {
      const built = dayFromYmd(y, m, dd);
      if (built !== day) expect(built).toBe(day);
      const back = ymdOf(day as Day);
      if (back.year !== y || back.month !== m || back.day !== dd) {
        expect(back).toEqual({ year: y, month: m, day: dd });
      }
      // Also against the host's own proleptic Gregorian calendar.
      if (Date.UTC(y, m - 1, dd) / 86_400_000 !== day) expect(Date.UTC(y, m - 1, dd) / 86_400_000).toBe(day);
      // advance the independent counter
      dd++;
      if (dd > monthLength(y, m)) {
        dd = 1;
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
      day = ((day as number) + 1) as Day;
      count++;
    }
    // 203 years, of which 49 leap years (1904…2096; 2000 is leap, 1900 and 2100 are not)
    expect(count).toBe(203 * 365 + 49);
  });

  it('round-trips far dates (years 1, 1582, 9999) and negative days', () => {
    for (const [y, m, dd] of [[1, 1, 1], [1582, 10, 15], [9999, 12, 31], [1600, 2, 29], [1969, 12, 31]] as const) {
      const day = dayFromYmd(y, m, dd);
      expect(day).not.toBeNull();
      expect(ymdOf(day as Day)).toEqual({ year: y, month: m, day: dd });
    }
  });

  it('addDays, daysBetween, lastDayOfMonth and yearEnd', () => {
    expect(addDays(d(2026, 2, 28), 1)).toBe(d(2026, 3, 1));
    expect(addDays(d(2024, 2, 28), 1)).toBe(d(2024, 2, 29));
    expect(addDays(d(2026, 1, 1), -1)).toBe(d(2025, 12, 31));
    expect(daysBetween(d(2026, 1, 1), d(2026, 12, 31))).toBe(364);
    expect(daysBetween(d(2026, 3, 1), d(2026, 2, 27))).toBe(-2);
    expect(lastDayOfMonth(2026, 2)).toBe(d(2026, 2, 28));
    expect(lastDayOfMonth(2028, 2)).toBe(d(2028, 2, 29));
    expect(lastDayOfMonth(2026, 4)).toBe(d(2026, 4, 30));
    expect(yearEnd(2035)).toBe(d(2035, 12, 31));
  });
});

describe('text forms: toIso, formatVn, parseIso, parseVnDate', () => {
  it('formats ISO and Vietnamese day-first with zero padding', () => {
    expect(toIso(d(2026, 2, 3))).toBe('2026-02-03');
    expect(formatVn(d(2026, 2, 3))).toBe('03/02/2026');
    expect(formatVn(d(2026, 12, 20))).toBe('20/12/2026');
    expect(toIso(d(999, 1, 1))).toBe('0999-01-01');
    expect(formatVn(d(999, 1, 1))).toBe('01/01/0999');
  });

  it('parseIso accepts exactly YYYY-MM-DD of a real date', () => {
    expect(parseIso('2026-03-01')).toBe(d(2026, 3, 1));
    expect(parseIso(' 2026-03-01 ')).toBe(d(2026, 3, 1));
    expect(parseIso('2024-02-29')).toBe(d(2024, 2, 29));
    expect(parseIso('2026-02-29')).toBeNull();
    expect(parseIso('2026-13-01')).toBeNull();
    expect(parseIso('2026-3-1')).toBeNull();
    expect(parseIso('01/03/2026')).toBeNull();
    expect(parseIso('')).toBeNull();
    expect(parseIso('2026-03-01T00:00')).toBeNull();
  });

  it('parseVnDate reads d/m/yyyy and dd/mm/yyyy, day first', () => {
    expect(parseVnDate('13/12/2026')).toBe(d(2026, 12, 13));
    expect(parseVnDate('1/3/2026')).toBe(d(2026, 3, 1));
    expect(parseVnDate('01/03/2026')).toBe(d(2026, 3, 1));
    expect(parseVnDate('5/12/2026')).toBe(d(2026, 12, 5));
    expect(parseVnDate('05/12/2026')).toBe(d(2026, 12, 5));
    expect(parseVnDate('30/6/2025')).toBe(d(2025, 6, 30));
    expect(parseVnDate('02/03/2026')).toBe(d(2026, 3, 2)); // 2 March, never 3 February
    expect(parseVnDate('28.02.2026')).toBe(d(2026, 2, 28));
    expect(parseVnDate('28-02-2026')).toBe(d(2026, 2, 28));
  });

  it('parseVnDate never reads month-first and rejects impossible dates', () => {
    expect(parseVnDate('02/30/2026')).toBeNull();
    expect(parseVnDate('12/31/2026')).toBeNull();
    expect(parseVnDate('31/02/2026')).toBeNull();
    expect(parseVnDate('29/02/2026')).toBeNull();
    expect(parseVnDate('29/02/2024')).toBe(d(2024, 2, 29));
    expect(parseVnDate('29/02/1900')).toBeNull();
    expect(parseVnDate('29/02/2000')).toBe(d(2000, 2, 29));
    expect(parseVnDate('28/02/26')).toBeNull();
    expect(parseVnDate('28/02-2026')).toBeNull();
    expect(parseVnDate('2026-02-28')).toBeNull();
    expect(parseVnDate('')).toBeNull();
  });

  it('parseUserDate accepts either form', () => {
    expect(parseUserDate('2026-03-01')).toBe(d(2026, 3, 1));
    expect(parseUserDate('1/3/2026')).toBe(d(2026, 3, 1));
    expect(parseUserDate('31/02/2026')).toBeNull();
    expect(parseUserDate('2026-13-01')).toBeNull();
  });

  it('formatVn → parseVnDate and toIso → parseIso round-trip over 1899–2101', () => {
    const from = d(1899, 1, 1);
    const to = d(2101, 12, 31);
    for (let x = from as number; x <= to; x += 1) {
      const day = x as Day;
      if (parseVnDate(formatVn(day)) !== day) expect(parseVnDate(formatVn(day))).toBe(day);
      if (parseIso(toIso(day)) !== day) expect(parseIso(toIso(day))).toBe(day);
    }
  });
});

describe('Excel serial dates (1900 system)', () => {
  it('matches the known anchors', () => {
    expect(fromExcelSerial(1)).toBe(d(1900, 1, 1));
    expect(fromExcelSerial(59)).toBe(d(1900, 2, 28));
    expect(fromExcelSerial(60)).toBeNull(); // Excel's phantom 29/02/1900
    expect(fromExcelSerial(61)).toBe(d(1900, 3, 1));
    expect(fromExcelSerial(25_569)).toBe(d(1970, 1, 1));
    expect(fromExcelSerial(45_658)).toBe(d(2025, 1, 1));
    expect(fromExcelSerial(46_023)).toBe(d(2026, 1, 1));
    expect(fromExcelSerial(2_958_465)).toBe(d(9999, 12, 31));

    expect(toExcelSerial(d(1900, 1, 1))).toBe(1);
    expect(toExcelSerial(d(1900, 2, 28))).toBe(59);
    expect(toExcelSerial(d(1900, 3, 1))).toBe(61);
    expect(toExcelSerial(d(2025, 1, 1))).toBe(45_658);
    expect(toExcelSerial(d(2026, 1, 1))).toBe(46_023);
    expect(toExcelSerial(d(2026, 12, 31))).toBe(46_387);
  });

  it('drops the time of day and rejects non-dates', () => {
    expect(fromExcelSerial(46_023.999)).toBe(d(2026, 1, 1));
    expect(fromExcelSerial(59.5)).toBe(d(1900, 2, 28));
    expect(fromExcelSerial(60.5)).toBeNull();
    expect(fromExcelSerial(0)).toBeNull();
    expect(fromExcelSerial(0.5)).toBeNull();
    expect(fromExcelSerial(-1)).toBeNull();
    expect(fromExcelSerial(Number.NaN)).toBeNull();
    expect(fromExcelSerial(Number.POSITIVE_INFINITY)).toBeNull();
    expect(fromExcelSerial(2_958_466)).toBeNull();
  });

  it('round-trips every serial from 1 to 80 000 except 60, and every day from 01/01/1900', () => {
    for (let s = 1; s <= 80_000; s++) {
      const day = fromExcelSerial(s);
      if (s === 60) {
        expect(day).toBeNull();
        continue;
      }
      if (day === null || toExcelSerial(day) !== s) expect(day === null ? null : toExcelSerial(day)).toBe(s);
    }
    // Serials are strictly increasing with the calendar and skip only 60.
    let prev = toExcelSerial(d(1900, 1, 1));
    for (let x = d(1900, 1, 2) as number; x <= d(2101, 1, 1); x++) {
      const s = toExcelSerial(x as Day);
      const expected = prev === 59 ? 61 : prev + 1;
      if (s !== expected) expect(s).toBe(expected);
      prev = s;
    }
  });
});

describe('UTC Date helpers and today in Vietnam', () => {
  it('dayFromUtcDate / utcDateOf', () => {
    expect(dayFromUtcDate(new Date(Date.UTC(2026, 2, 1, 23, 59, 59)))).toBe(d(2026, 3, 1));
    expect(utcDateOf(d(2026, 3, 1)).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(dayFromUtcDate(utcDateOf(d(1950, 7, 4)))).toBe(d(1950, 7, 4));
  });

  it('changes date at 17:00 UTC, which is midnight in Vietnam', () => {
    expect(todayInVietnam(Date.UTC(2026, 0, 1, 16, 59, 59))).toBe(d(2026, 1, 1));
    expect(todayInVietnam(Date.UTC(2026, 0, 1, 17, 0, 0))).toBe(d(2026, 1, 2));
    expect(todayInVietnam(Date.UTC(2025, 11, 31, 16, 59, 59, 999))).toBe(d(2025, 12, 31));
    expect(todayInVietnam(Date.UTC(2025, 11, 31, 17, 0, 0))).toBe(d(2026, 1, 1));
    // Early morning UTC is already the same date in Vietnam.
    expect(todayInVietnam(Date.UTC(2026, 1, 28, 0, 0, 0))).toBe(d(2026, 2, 28));
    // Before 1970 too.
    expect(todayInVietnam(Date.UTC(1969, 11, 31, 17, 0, 0))).toBe(d(1970, 1, 1));
    expect(todayInVietnam(Date.UTC(1969, 11, 31, 16, 59, 59))).toBe(d(1969, 12, 31));
  });
});

describe('isoWeekday', () => {
  it('knows the plan\'s weekend dates', () => {
    expect(isoWeekday(d(2026, 2, 28))).toBe(6); // Saturday
    expect(isoWeekday(d(2026, 12, 20))).toBe(7); // Sunday
    expect(isoWeekday(d(2026, 12, 10))).toBe(4); // Thursday
    expect(isoWeekday(d(1970, 1, 1))).toBe(4);
    expect(isoWeekday(d(1969, 12, 29))).toBe(1);
  });

  it('agrees with the host calendar for every day of 1960–2040', () => {
    for (let x = d(1960, 1, 1) as number; x <= d(2040, 12, 31); x++) {
      const js = new Date(x * 86_400_000).getUTCDay();
      const iso = js === 0 ? 7 : js;
      if (isoWeekday(x as Day) !== iso) expect(isoWeekday(x as Day)).toBe(iso);
    }
  });
});
