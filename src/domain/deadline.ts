/**
 * Completion-time phrases of the plan ("Thời gian hoàn thành") and the dates they stand for (domain.md §3).
 * A phrase that cannot be read is returned as unparsed, verbatim; it is never guessed.
 */
import { type Day, dayFromYmd, addDays, lastDayOfMonth, mustDay, yearEnd } from './calendar';

export const DEADLINE_KINDS = ['month', 'quarter', 'window', 'year', 'period', 'recurring', 'before', 'on'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  readonly kind: DeadlineKind;
  /** The phrase as written in the plan. */
  readonly text: string;
  /** First day of the task's window; null for kinds without one (recurring, before, on). */
  readonly start: Day | null;
  /** Last day allowed; null when there is none (recurring). For a period this is the end of the period. */
  readonly due: Day | null;
  /** "before" phrases: the date the phrase names, and whether that date itself is still allowed. */
  readonly named?: Day;
  readonly inclusive?: boolean;
  /** Periods of several years have a milestone at the end of each year (31/12). */
  readonly yearlyMilestones?: boolean;
}

export interface DeadlineOptions {
  /** "Trước ngày X": false (default) makes X − 1 the due date; true allows X itself. */
  readonly inclusiveBefore: boolean;
}

export const DEFAULT_DEADLINE_OPTIONS: DeadlineOptions = { inclusiveBefore: false };

export type DeadlineParse =
  | { readonly ok: true; readonly deadline: Deadline }
  | { readonly ok: false; readonly text: string; readonly reason: 'empty' | 'unrecognised' | 'invalid-date' };

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const Q = '(iv|iii|ii|i|[1-4])';
const YEAR_SEP = '\\s*(?:/|năm)\\s*(\\d{4})';
const DATE = '(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})|(\\d{1,2}) tháng (\\d{1,2}) năm (\\d{4})';

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]+$/, '')
    .trim();
}

/** Reads the day-first date captured by DATE (two alternative groups of three). */
function dateFrom(groups: ReadonlyArray<string | undefined>): Day | null {
  const [d, m, y] = groups[0] !== undefined ? groups.slice(0, 3) : groups.slice(3, 6);
  return dayFromYmd(Number(y), Number(m), Number(d));
}

function quarterStart(year: number, q: number): Day {
  return mustDay(year, q * 3 - 2, 1);
}
function quarterEnd(year: number, q: number): Day {
  return lastDayOfMonth(year, q * 3);
}

type Matcher = (s: string, text: string, options: DeadlineOptions) => DeadlineParse | null;

const ok = (deadline: Deadline): DeadlineParse => ({ ok: true, deadline });
const invalid = (text: string): DeadlineParse => ({ ok: false, text, reason: 'invalid-date' });

const MATCHERS: readonly Matcher[] = [
  (s, text) => (/^thường xuyên$/.test(s) ? ok({ kind: 'recurring', text, start: null, due: null }) : null),
  (s, text) => {
    const m = new RegExp(`^(?:trong )?tháng (\\d{1,2})${YEAR_SEP}$`).exec(s);
    if (!m) return null;
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month < 1 || month > 12) return invalid(text);
    return ok({ kind: 'month', text, start: mustDay(year, month, 1), due: lastDayOfMonth(year, month) });
  },
  (s, text) => {
    const m = new RegExp(`^(?:trong )?(?:quý|q) ?${Q}${YEAR_SEP}$`).exec(s);
    if (!m) return null;
    const q = ROMAN[m[1] ?? ''] ?? 0;
    const year = Number(m[2]);
    return ok({ kind: 'quarter', text, start: quarterStart(year, q), due: quarterEnd(year, q) });
  },
  (s, text) => {
    const m = new RegExp(`^(?:trong )?(?:quý|q) ?${Q} ?(?:-|,|và|đến) ?(?:quý |q)?${Q}${YEAR_SEP}$`).exec(s);
    if (!m) return null;
    const from = ROMAN[m[1] ?? ''] ?? 0;
    const to = ROMAN[m[2] ?? ''] ?? 0;
    const year = Number(m[3]);
    if (from >= to) return { ok: false, text, reason: 'unrecognised' };
    return ok({ kind: 'window', text, start: quarterStart(year, from), due: quarterEnd(year, to) });
  },
  (s, text) => {
    const m = /^(?:trong )?(?:0?6|sáu) tháng (đầu|cuối) năm (\d{4})$/.exec(s);
    if (!m) return null;
    const year = Number(m[2]);
    return m[1] === 'đầu'
      ? ok({ kind: 'window', text, start: mustDay(year, 1, 1), due: mustDay(year, 6, 30) })
      : ok({ kind: 'window', text, start: mustDay(year, 7, 1), due: yearEnd(year) });
  },
  (s, text) => {
    const m = /^(?:trong )?năm (\d{4})$/.exec(s);
    if (!m) return null;
    const year = Number(m[1]);
    return ok({ kind: 'year', text, start: mustDay(year, 1, 1), due: yearEnd(year) });
  },
  (s, text) => {
    const m = /^giai đoạn (\d{4}) ?- ?(\d{4})$/.exec(s);
    if (!m) return null;
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from > to) return { ok: false, text, reason: 'unrecognised' };
    return ok({ kind: 'period', text, start: mustDay(from, 1, 1), due: yearEnd(to), yearlyMilestones: true });
  },
  (s, text, options) => {
    const m = new RegExp(`^(trước ngày|trước|chậm nhất là ngày|chậm nhất ngày|chậm nhất là|chậm nhất) (?:${DATE})$`).exec(s);
    if (!m) return null;
    const named = dateFrom(m.slice(2));
    if (named === null) return invalid(text);
    const inclusive = m[1]?.startsWith('chậm nhất') === true ? true : options.inclusiveBefore;
    return ok({ kind: 'before', text, start: null, due: inclusive ? named : addDays(named, -1), named, inclusive });
  },
  (s, text) => {
    const m = new RegExp(`^(?:vào )?ngày (?:${DATE})$`).exec(s);
    if (!m) return null;
    const due = dateFrom(m.slice(1));
    return due === null ? invalid(text) : ok({ kind: 'on', text, start: null, due });
  },
];

export function parseDeadline(text: string, options: DeadlineOptions = DEFAULT_DEADLINE_OPTIONS): DeadlineParse {
  const s = normalise(text);
  if (s === '') return { ok: false, text, reason: 'empty' };
  for (const match of MATCHERS) {
    let result: DeadlineParse | null;
    try {
      result = match(s, text, options);
    } catch (e) {
      // A year outside the calendar (e.g. "Năm 0000") makes mustDay throw: an impossible date, not a crash.
      if (e instanceof RangeError) return invalid(text);
      throw e;
    }
    if (result) return result;
  }
  return { ok: false, text, reason: 'unrecognised' };
}
