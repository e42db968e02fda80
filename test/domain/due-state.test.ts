import { describe, it, expect } from 'vitest';
import { type Day, mustDay, toExcelSerial } from '../../src/domain/calendar';
import { type Deadline, parseDeadline } from '../../src/domain/deadline';
import {
  DEFAULT_DUE_SOON_WINDOW, DUE_STATES, DUE_STATE_LABEL_EXPR, type DueCells, type DueInput, type DueState,
  TASK_STATUSES, computeDueState, dueStateFormula, dueStateFromLabel, dueStateLabel, milestoneFormula,
} from '../../src/domain/due-state';
import { type Value, evaluate } from '../../src/domain/formula';

const d = (y: number, m: number, dd: number): Day => mustDay(y, m, dd);
const MS = 86_400_000;

function deadline(text: string, inclusiveBefore = false): Deadline {
  const r = parseDeadline(text, { inclusiveBefore });
  if (!r.ok) throw new Error(`unparsed ${text}`);
  return r.deadline;
}

const DL = {
  month: deadline('Tháng 01/2026'), // 01/01 – 31/01/2026
  quarter: deadline('Quý I/2026'), // 01/01 – 31/03/2026
  window: deadline('Quý III - IV/2026'), // 01/07 – 31/12/2026
  year: deadline('Năm 2026'),
  period: deadline('Giai đoạn 2026 - 2035'),
  recurring: deadline('Thường xuyên'),
  before16a: deadline('Trước ngày 28/02/2026'), // due 27/02/2026
  before16b: deadline('Trước ngày 10/12/2026'), // due 09/12/2026
  on16c: deadline('Ngày 20/12/2026'),
};

const state = (input: Partial<DueInput> & Pick<DueInput, 'deadline' | 'asOf'>) => computeDueState(input);

// ---------------------------------------------------------------------------------------------------------------
// An independent reference implementation of the domain.md §4 table, on plain day numbers.

/** 31/12 of the year containing day x (days since 1970-01-01), via the host's calendar. */
const yearEndOfDay = (x: number): number => Date.UTC(new Date(x * MS).getUTCFullYear(), 11, 31) / MS;

interface RefInput {
  start: number | null;
  due: number | null;
  yearly: boolean;
  status: string | null;
  note: string | null;
  completion: number | null;
  asOf: number;
  window: number;
  applies: boolean;
}

interface RefResult {
  state: DueState;
  days: number | null;
  daysLeft: number | null;
  milestone?: { date: number; daysLeft: number };
}

function reference(x: RefInput): RefResult {
  let effectiveDue = x.due;
  let milestone: RefResult['milestone'];
  if (x.due !== null && x.yearly) {
    const ref = x.start !== null && x.asOf < x.start ? x.start : x.asOf;
    effectiveDue = Math.min(yearEndOfDay(ref), x.due);
    milestone = { date: effectiveDue, daysLeft: effectiveDue - x.asOf };
  }
  const daysLeft = x.due === null ? null : x.due - x.asOf;
  const r = (state: DueState, days: number | null = null): RefResult => ({ state, days, daysLeft, ...(milestone ? { milestone } : {}) });
  if (!x.applies) return r('not-applicable');
  if (x.status === 'Không thực hiện' && x.note !== null && x.note.trim() !== '') return r('not-applicable');
  if (x.status === 'Hoàn thành') {
    const doneOn = x.completion ?? x.asOf;
    return effectiveDue === null || doneOn <= effectiveDue ? r('done-on-time') : r('done-late');
  }
  if (effectiveDue === null) return r('recurring');
  if (x.start !== null && x.asOf < x.start) return r('not-open');
  if (effectiveDue < x.asOf) return r('overdue', x.asOf - effectiveDue);
  if (effectiveDue - x.asOf <= x.window) return r('due-soon', effectiveDue - x.asOf);
  return r('on-track');
}

const expectedLabel = (s: DueState, days: number | null): string => {
  switch (s) {
    case 'overdue': return `Quá hạn (${days} ngày)`;
    case 'due-soon': return `Sắp đến hạn (còn ${days} ngày)`;
    case 'on-track': return 'Trong hạn';
    case 'not-open': return 'Chưa đến kỳ';
    case 'recurring': return 'Thường xuyên';
    case 'done-on-time': return 'Hoàn thành đúng hạn';
    case 'done-late': return 'Hoàn thành quá hạn';
    case 'not-applicable': return 'Không áp dụng';
  }
};

// ---------------------------------------------------------------------------------------------------------------

describe('computeDueState: each state of domain.md §4 with its label', () => {
  it('overdue: "Quá hạn (12 ngày)"', () => {
    const r = state({ deadline: DL.before16a, asOf: d(2026, 3, 11) });
    expect(r).toEqual({ state: 'overdue', days: 12, daysLeft: -12, label: 'Quá hạn (12 ngày)' });
  });

  it('due-soon: "Sắp đến hạn (còn 3 ngày)"', () => {
    const r = state({ deadline: DL.before16b, asOf: d(2026, 12, 6), status: 'Đang thực hiện' });
    expect(r).toEqual({ state: 'due-soon', days: 3, daysLeft: 3, label: 'Sắp đến hạn (còn 3 ngày)' });
  });

  it('on-track: "Trong hạn"', () => {
    const r = state({ deadline: DL.before16b, asOf: d(2026, 3, 1), status: 'Chưa thực hiện' });
    expect(r).toEqual({ state: 'on-track', days: null, daysLeft: 283, label: 'Trong hạn' });
  });

  it('not-open: "Chưa đến kỳ" before a window task starts', () => {
    const r = state({ deadline: DL.window, asOf: d(2026, 6, 30) });
    expect(r.state).toBe('not-open');
    expect(r.label).toBe('Chưa đến kỳ');
    expect(r.days).toBeNull();
    expect(r.daysLeft).toBe(184);
    expect(state({ deadline: DL.window, asOf: d(2026, 7, 1) }).state).toBe('on-track');
    expect(state({ deadline: DL.month, asOf: d(2025, 12, 31) }).state).toBe('not-open');
    expect(state({ deadline: DL.month, asOf: d(2026, 1, 1) })).toMatchObject({ state: 'on-track', daysLeft: 30, label: 'Trong hạn' });
    expect(state({ deadline: DL.month, asOf: d(2026, 1, 17) }).label).toBe('Sắp đến hạn (còn 14 ngày)');
  });

  it('recurring: "Thường xuyên" (no due date)', () => {
    const r = state({ deadline: DL.recurring, asOf: d(2026, 3, 1), status: 'Đang thực hiện' });
    expect(r).toEqual({ state: 'recurring', days: null, daysLeft: null, label: 'Thường xuyên' });
  });

  it('done-on-time and done-late', () => {
    const onTime = state({ deadline: DL.before16a, asOf: d(2026, 3, 1), status: 'Hoàn thành', completion: d(2026, 2, 27) });
    expect(onTime).toMatchObject({ state: 'done-on-time', days: null, label: 'Hoàn thành đúng hạn' });
    const late = state({ deadline: DL.before16a, asOf: d(2026, 3, 1), status: 'Hoàn thành', completion: d(2026, 2, 28) });
    expect(late).toMatchObject({ state: 'done-late', days: null, label: 'Hoàn thành quá hạn' });
    // inclusive reading: 28/02 itself is allowed
    const incl = state({ deadline: deadline('Trước ngày 28/02/2026', true), asOf: d(2026, 3, 1), status: 'Hoàn thành', completion: d(2026, 2, 28) });
    expect(incl.state).toBe('done-on-time');
  });

  it('done without a due date is on time', () => {
    const r = state({ deadline: DL.recurring, asOf: d(2026, 3, 1), status: 'Hoàn thành', completion: d(2026, 2, 1) });
    expect(r.state).toBe('done-on-time');
    expect(state({ deadline: DL.recurring, asOf: d(2030, 1, 1), status: 'Hoàn thành' }).state).toBe('done-on-time');
  });

  it('done without a completion date is judged as of the as-of date', () => {
    expect(state({ deadline: DL.before16a, asOf: d(2026, 2, 27), status: 'Hoàn thành' }).state).toBe('done-on-time');
    expect(state({ deadline: DL.before16a, asOf: d(2026, 2, 28), status: 'Hoàn thành' }).state).toBe('done-late');
    expect(state({ deadline: DL.before16a, asOf: d(2026, 2, 28), status: 'Hoàn thành', completion: null }).state).toBe('done-late');
  });

  it('"Không thực hiện" with a reason is not applicable; without one it is judged like a task not done', () => {
    const withNote = state({ deadline: DL.before16a, asOf: d(2026, 3, 11), status: 'Không thực hiện', note: 'Đơn vị mới thành lập' });
    expect(withNote).toMatchObject({ state: 'not-applicable', label: 'Không áp dụng', days: null });
    const noNote = state({ deadline: DL.before16a, asOf: d(2026, 3, 11), status: 'Không thực hiện' });
    expect(noNote).toMatchObject({ state: 'overdue', label: 'Quá hạn (12 ngày)' });
    const blankNote = state({ deadline: DL.before16a, asOf: d(2026, 3, 11), status: 'Không thực hiện', note: '   ' });
    expect(blankNote.state).toBe('overdue');
    // a note alone, on another status, changes nothing
    expect(state({ deadline: DL.before16a, asOf: d(2026, 3, 11), status: 'Đang thực hiện', note: 'x' }).state).toBe('overdue');
    // the reason wins even over a recurring task
    expect(state({ deadline: DL.recurring, asOf: d(2026, 3, 11), status: 'Không thực hiện', note: 'x' }).state).toBe('not-applicable');
  });

  it('applies:false is not applicable, whatever the status', () => {
    for (const status of [null, ...TASK_STATUSES]) {
      const r = state({ deadline: DL.before16a, asOf: d(2026, 3, 11), status, applies: false });
      expect(r.state).toBe('not-applicable');
      expect(r.label).toBe('Không áp dụng');
      expect(r.daysLeft).toBe(-12);
    }
    expect(state({ deadline: DL.before16a, asOf: d(2026, 3, 11), applies: true }).state).toBe('overdue');
  });

  it('the status is matched without regard to case, as in Excel', () => {
    expect(state({ deadline: DL.before16a, asOf: d(2026, 3, 1), status: 'hoàn thành', completion: d(2026, 2, 1) }).state).toBe('done-on-time');
  });
});

describe('computeDueState: window boundaries', () => {
  const due = DL.before16b.due as Day; // 09/12/2026
  const at = (daysBefore: number, window?: number) =>
    state({ deadline: DL.before16b, asOf: (due - daysBefore) as Day, ...(window === undefined ? {} : { window }) });

  it('default window is 14 days', () => {
    expect(DEFAULT_DUE_SOON_WINDOW).toBe(14);
    expect(at(14)).toMatchObject({ state: 'due-soon', days: 14, label: 'Sắp đến hạn (còn 14 ngày)' });
    expect(at(15)).toMatchObject({ state: 'on-track', days: null, daysLeft: 15 });
  });

  it('due − asOf = window is due-soon, window + 1 is on-track, for several windows', () => {
    for (const w of [0, 1, 7, 30, 300]) {
      expect(at(w, w).state).toBe('due-soon');
      expect(at(w + 1, w).state).toBe('on-track');
    }
  });

  it('0 days left is due-soon; one day past due is overdue (1 ngày)', () => {
    expect(at(0)).toEqual({ state: 'due-soon', days: 0, daysLeft: 0, label: 'Sắp đến hạn (còn 0 ngày)' });
    expect(at(-1)).toEqual({ state: 'overdue', days: 1, daysLeft: -1, label: 'Quá hạn (1 ngày)' });
    expect(at(0, 0).state).toBe('due-soon');
    expect(at(-1, 0).state).toBe('overdue');
  });
});

describe('computeDueState: multi-year periods (task 15, "Giai đoạn 2026 - 2035")', () => {
  const end2035 = d(2035, 12, 31);
  const ms = (y: number) => d(y, 12, 31);

  it('daysLeft counts to the end of the period; the state and its days count to the milestone of the as-of year', () => {
    // 29/11/2026: 3,319 days to 31/12/2035, 32 to the 2026 milestone
    const nov = state({ deadline: DL.period, asOf: d(2026, 11, 29) });
    expect(nov).toEqual({
      state: 'on-track', days: null, daysLeft: end2035 - d(2026, 11, 29), label: 'Trong hạn',
      milestone: { date: ms(2026), daysLeft: 32 },
    });
    expect(nov.daysLeft).toBe(3319);
    const dec = state({ deadline: DL.period, asOf: d(2026, 12, 20) });
    expect(dec).toMatchObject({ state: 'due-soon', days: 11, daysLeft: 3298, label: 'Sắp đến hạn (còn 11 ngày)' });
    expect(dec.milestone).toEqual({ date: ms(2026), daysLeft: 11 });
  });

  it('a 2027 date moves the milestone to 31/12/2027', () => {
    const r = state({ deadline: DL.period, asOf: d(2027, 1, 1) });
    expect(r).toMatchObject({ state: 'on-track', daysLeft: end2035 - d(2027, 1, 1), milestone: { date: ms(2027), daysLeft: 364 } });
    const mid = state({ deadline: DL.period, asOf: d(2027, 6, 30) });
    expect(mid.milestone).toEqual({ date: ms(2027), daysLeft: 184 });
    expect(mid.daysLeft).toBe(3106);
  });

  it('in the last year the milestone is the due date, and after the period both count the same overdue days', () => {
    expect(state({ deadline: DL.period, asOf: end2035 })).toMatchObject({
      state: 'due-soon', days: 0, daysLeft: 0, milestone: { date: end2035, daysLeft: 0 },
    });
    const after = state({ deadline: DL.period, asOf: d(2036, 1, 10) });
    expect(after).toMatchObject({ state: 'overdue', days: 10, daysLeft: -10, label: 'Quá hạn (10 ngày)' });
    expect(after.milestone).toEqual({ date: end2035, daysLeft: -10 });
  });

  it('are not open before the first year (milestone 31/12 of the first year), and a completion is judged against that year\'s milestone', () => {
    const before = state({ deadline: DL.period, asOf: d(2025, 12, 31) });
    expect(before).toMatchObject({ state: 'not-open', daysLeft: end2035 - d(2025, 12, 31), milestone: { date: ms(2026), daysLeft: 365 } });
    expect(state({ deadline: DL.period, asOf: d(2027, 3, 1), status: 'Hoàn thành', completion: d(2027, 2, 1) }).state).toBe('done-on-time');
    expect(state({ deadline: DL.period, asOf: d(2036, 3, 1), status: 'Hoàn thành', completion: d(2036, 2, 1) }).state).toBe('done-late');
  });

  it('only multi-year periods carry a milestone', () => {
    for (const [name, dl] of Object.entries(DL)) {
      const r = state({ deadline: dl, asOf: d(2026, 11, 29) });
      expect([name, 'milestone' in r]).toEqual([name, name === 'period']);
    }
  });

  it('a period without yearlyMilestones is a plain window', () => {
    const plain = { start: DL.period.start, due: DL.period.due };
    const r = state({ deadline: plain, asOf: d(2026, 12, 20) });
    expect(r.state).toBe('on-track');
    expect(r.milestone).toBeUndefined();
  });
});

describe('computeDueState against an independent reference of the §4 table', () => {
  const deadlines: Array<[string, Pick<Deadline, 'start' | 'due' | 'yearlyMilestones'>]> = [
    ...Object.entries(DL),
    ['before16b-inclusive', deadline('Trước ngày 10/12/2026', true)],
    ['half', deadline('6 tháng đầu năm 2026')],
    ['quarterIV', deadline('Q4/2026')],
    ['period-2025-2026', deadline('Giai đoạn 2025 - 2026')],
    ['period-2026-2027', deadline('Giai đoạn 2026 - 2027')],
    ['chamNhat', deadline('chậm nhất ngày 30/06/2026')],
    ['onFirst', deadline('Ngày 01/01/2026')],
  ];
  const completions: Array<Day | null> = [
    null, d(2025, 6, 1), d(2026, 1, 15), d(2026, 1, 31), d(2026, 2, 1), d(2026, 2, 27), d(2026, 2, 28), d(2026, 3, 31),
    d(2026, 4, 1), d(2026, 12, 9), d(2026, 12, 10), d(2026, 12, 31), d(2027, 1, 1), d(2027, 12, 31), d(2028, 1, 1),
  ];
  const progresses: Array<{ status: string | null; note: string | null; completion: Day | null }> = [
    { status: null, note: null, completion: null },
    { status: 'Chưa thực hiện', note: null, completion: null },
    { status: 'Đang thực hiện', note: 'đang làm', completion: d(2026, 1, 1) },
    { status: 'Không thực hiện', note: 'Không có công trình', completion: null },
    { status: 'Không thực hiện', note: null, completion: null },
    { status: 'Không thực hiện', note: ' ', completion: null },
    ...completions.map((completion) => ({ status: 'Hoàn thành', note: null, completion })),
  ];
  const from = d(2025, 1, 1);
  const to = d(2027, 12, 31);

  it('agrees on state, days and daysLeft for every day of 2025–2027 × status × deadline (window 14)', () => {
    const seen = new Set<DueState>();
    let checked = 0;
    for (const [name, dl] of deadlines) {
      for (const p of progresses) {
        for (let x = from as number; x <= to; x++) {
          const asOf = x as Day;
          const got = computeDueState({ deadline: dl, asOf, window: 14, ...p });
          const want = reference({
            start: dl.start, due: dl.due, yearly: dl.yearlyMilestones === true, asOf, window: 14, applies: true, ...p,
          });
          seen.add(got.state);
          checked++;
          if (got.state !== want.state || got.days !== want.days || got.daysLeft !== want.daysLeft
            || got.milestone?.date !== want.milestone?.date || got.milestone?.daysLeft !== want.milestone?.daysLeft
            || got.label !== expectedLabel(want.state, want.days)) {
            expect({ name, p, asOf, got }).toEqual({ name, p, asOf, got: { ...want, label: expectedLabel(want.state, want.days) } });
          }
        }
      }
    }
    expect(checked).toBe(deadlines.length * progresses.length * 1095);
    // the sweep reaches every state but not-applicable-by-roster
    expect([...seen].sort()).toEqual([...DUE_STATES].sort());
  });

  it('agrees for other windows and for tasks that do not apply (every 5th day)', () => {
    for (const window of [0, 1, 30, 365]) {
      for (const applies of [true, false]) {
        for (const [name, dl] of deadlines) {
          for (const p of progresses) {
            for (let x = from as number; x <= to; x += 5) {
              const asOf = x as Day;
              const got = computeDueState({ deadline: dl, asOf, window, applies, ...p });
              const want = reference({
                start: dl.start, due: dl.due, yearly: dl.yearlyMilestones === true, asOf, window, applies, ...p,
              });
              if (got.state !== want.state || got.days !== want.days || got.daysLeft !== want.daysLeft
                || got.milestone?.date !== want.milestone?.date || got.milestone?.daysLeft !== want.milestone?.daysLeft) {
                expect({ name, window, applies, p, asOf, got }).toEqual({ name, window, applies, p, asOf, got: { ...want, label: got.label } });
              }
            }
          }
        }
      }
    }
  });

  it('invariants: overdue ⇔ daysLeft < 0 for a task not done; days = |daysLeft| on numbered states', () => {
    for (const [, dl] of deadlines) {
      for (let x = from as number; x <= to; x++) {
        const r = computeDueState({ deadline: dl, asOf: x as Day, status: 'Đang thực hiện' });
        // the state is judged against the milestone for a multi-year period, against the due date otherwise
        const judged = r.milestone ? r.milestone.daysLeft : r.daysLeft;
        if (r.state === 'overdue') expect(r.days).toBe(-(judged as number));
        if (r.state === 'due-soon') expect(r.days).toBe(judged);
        if (judged !== null && judged < 0 && r.state !== 'not-open') expect(r.state).toBe('overdue');
        if (r.milestone) expect(r.milestone.daysLeft).toBeLessThanOrEqual(r.daysLeft as number);
        if (r.daysLeft === null) expect(r.state).toBe('recurring');
        if (r.days !== null) expect(r.days).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('labels', () => {
  it('dueStateLabel writes the exact Vietnamese labels', () => {
    expect(dueStateLabel('overdue', 12)).toBe('Quá hạn (12 ngày)');
    expect(dueStateLabel('due-soon', 3)).toBe('Sắp đến hạn (còn 3 ngày)');
    expect(dueStateLabel('on-track')).toBe('Trong hạn');
    expect(dueStateLabel('not-open')).toBe('Chưa đến kỳ');
    expect(dueStateLabel('recurring')).toBe('Thường xuyên');
    expect(dueStateLabel('done-on-time')).toBe('Hoàn thành đúng hạn');
    expect(dueStateLabel('done-late')).toBe('Hoàn thành quá hạn');
    expect(dueStateLabel('not-applicable')).toBe('Không áp dụng');
  });

  it('dueStateFromLabel(dueStateLabel(s, n)) round-trips', () => {
    for (const s of DUE_STATES) {
      for (const n of [0, 1, 2, 12, 99, 365, 3650]) {
        const label = dueStateLabel(s, n);
        const back = dueStateFromLabel(label);
        const numbered = s === 'overdue' || s === 'due-soon';
        expect(back).toEqual({ state: s, days: numbered ? n : null });
        // also from NFD text and with surrounding spaces, as cached values may come back
        expect(dueStateFromLabel(`  ${label.normalize('NFD')} `)).toEqual(back);
      }
    }
  });

  it('dueStateFromLabel rejects what is not a label', () => {
    for (const text of ['', 'Quá hạn', 'Quá hạn (x ngày)', 'Quá hạn (1.5 ngày)', 'Quá hạn ( ngày)', 'Quá hạn (  ngày)', 'Trong hạn!', 'Đúng hạn', 'quá hạn (3 ngày)x']) {
      expect(dueStateFromLabel(text)).toBeNull();
    }
  });

  it('labels are distinct and none is a prefix-and-suffix match of another', () => {
    const labels = DUE_STATES.map((s) => dueStateLabel(s, 7));
    expect(new Set(labels).size).toBe(DUE_STATES.length);
    for (const s of DUE_STATES) expect(dueStateFromLabel(dueStateLabel(s, 7))?.state).toBe(s);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The formula written into the sheet, run by a small Excel-like evaluator written here.

type Cell = number | string | boolean | null;
type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const re = {
    num: /^\d+(?:\.\d+)?/,
    ref: /^(?:(?:'[^']+'|[A-Za-z_][\w.]*)!)?\$?[A-Z]{1,3}\$?\d+(?![\w(])/,
    id: /^[A-Z][A-Z0-9.]*/,
    op: /^(<>|<=|>=|[=<>&+\-,()])/,
  };
  while (i < src.length) {
    const rest = src.slice(i);
    if (rest[0] === ' ') { i++; continue; }
    if (rest[0] === '"') {
      let j = 1;
      let s = '';
      for (;;) {
        if (j >= rest.length) throw new Error('unterminated string');
        if (rest[j] === '"') {
          if (rest[j + 1] === '"') { s += '"'; j += 2; continue; }
          j++;
          break;
        }
        s += rest[j];
        j++;
      }
      out.push({ t: 'str', v: s });
      i += j;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = re.num.exec(rest))) { out.push({ t: 'num', v: Number(m[0]) }); i += m[0].length; continue; }
    if ((m = re.ref.exec(rest))) { out.push({ t: 'ref', v: m[0].replace(/\$/g, '') }); i += m[0].length; continue; }
    if ((m = re.id.exec(rest))) { out.push({ t: 'id', v: m[0] }); i += m[0].length; continue; }
    if ((m = re.op.exec(rest))) { out.push({ t: 'op', v: m[0] }); i += m[0].length; continue; }
    throw new Error(`cannot read formula at: ${rest}`);
  }
  return out;
}

type Node =
  | { n: 'num'; v: number } | { n: 'str'; v: string } | { n: 'bool'; v: boolean } | { n: 'ref'; v: string }
  | { n: 'bin'; op: string; a: Node; b: Node } | { n: 'neg'; a: Node } | { n: 'call'; f: string; args: Node[] };

function parseFormula(formula: string): Node {
  expect(formula.startsWith('=')).toBe(true);
  const toks = tokenize(formula.slice(1));
  let p = 0;
  const peek = () => toks[p];
  const take = (v?: string) => {
    const tok = toks[p++];
    if (tok === undefined || (v !== undefined && tok.v !== v)) throw new Error(`expected ${v ?? 'token'} at ${p}`);
    return tok;
  };
  const LEVELS: string[][] = [['=', '<>', '<', '<=', '>', '>='], ['&'], ['+', '-']];
  const level = (k: number): Node => {
    if (k === LEVELS.length) return unary();
    let a = level(k + 1);
    for (;;) {
      const tok = peek();
      if (tok?.t === 'op' && LEVELS[k]?.includes(tok.v)) {
        p++;
        a = { n: 'bin', op: tok.v, a, b: level(k + 1) };
      } else return a;
    }
  };
  const unary = (): Node => {
    const tok = take();
    if (tok.t === 'op' && tok.v === '-') return { n: 'neg', a: unary() };
    if (tok.t === 'op' && tok.v === '(') { const e = level(0); take(')'); return e; }
    if (tok.t === 'num') return { n: 'num', v: tok.v };
    if (tok.t === 'str') return { n: 'str', v: tok.v };
    if (tok.t === 'ref') return { n: 'ref', v: tok.v };
    if (tok.t === 'id') {
      if (tok.v === 'TRUE' || tok.v === 'FALSE') return { n: 'bool', v: tok.v === 'TRUE' };
      take('(');
      const args: Node[] = [];
      if (peek()?.v !== ')') {
        args.push(level(0));
        while (peek()?.v === ',') { p++; args.push(level(0)); }
      }
      take(')');
      return { n: 'call', f: tok.v, args };
    }
    throw new Error(`unexpected ${JSON.stringify(tok)}`);
  };
  const e = level(0);
  expect(p).toBe(toks.length);
  return e;
}

/** Excel's serial ↔ civil date, written independently of calendar.ts (valid from 01/03/1900). */
const EXCEL_ZERO = Date.UTC(1899, 11, 30) / MS;
const yearOfSerial = (s: number) => (s < 61 ? 1900 : new Date((s + EXCEL_ZERO) * MS).getUTCFullYear());
const serialOf = (y: number, m: number, dd: number) => Date.UTC(y, m - 1, dd) / MS - EXCEL_ZERO;

class ExcelValueError extends Error {}

function excelEval(node: Node, cell: (ref: string) => Cell): Cell {
  const num = (x: Cell): number => {
    if (x === null) return 0;
    if (typeof x === 'number') return x;
    if (typeof x === 'boolean') return x ? 1 : 0;
    if (x.trim() !== '' && Number.isFinite(Number(x))) return Number(x);
    throw new ExcelValueError(x);
  };
  const str = (x: Cell): string => (x === null ? '' : typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : String(x));
  const bool = (x: Cell): boolean => {
    if (typeof x === 'boolean') return x;
    if (x === null) return false;
    if (typeof x === 'number') return x !== 0;
    throw new ExcelValueError(x);
  };
  const typeRank = (x: Cell) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  const cmp = (a: Cell, b: Cell): number => {
    const blankAs = (other: Cell): Cell => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
    const x = a === null ? blankAs(b) : a;
    const y = b === null ? blankAs(a) : b;
    if (typeRank(x) !== typeRank(y)) return typeRank(x) - typeRank(y);
    if (typeof x === 'string' && typeof y === 'string') {
      const [p, q] = [x.toLowerCase(), y.toLowerCase()];
      return p < q ? -1 : p > q ? 1 : 0;
    }
    return num(x) - num(y);
  };
  const go = (e: Node): Cell => excelEval(e, cell);
  switch (node.n) {
    case 'num': case 'str': case 'bool': return node.v;
    case 'ref': return cell(node.v);
    case 'neg': return -num(go(node.a));
    case 'bin': {
      const a = go(node.a);
      const b = go(node.b);
      switch (node.op) {
        case '&': return str(a) + str(b);
        case '+': return num(a) + num(b);
        case '-': return num(a) - num(b);
        case '=': return cmp(a, b) === 0;
        case '<>': return cmp(a, b) !== 0;
        case '<': return cmp(a, b) < 0;
        case '<=': return cmp(a, b) <= 0;
        case '>': return cmp(a, b) > 0;
        case '>=': return cmp(a, b) >= 0;
      }
      throw new Error(node.op);
    }
    case 'call': {
      const args = node.args;
      switch (node.f) {
        case 'IF': return bool(go(args[0] as Node)) ? go(args[1] as Node) : args[2] ? go(args[2]) : false;
        case 'AND': return args.map(go).every(bool);
        case 'OR': return args.map(go).some(bool);
        case 'NOT': return !bool(go(args[0] as Node));
        // Excel's TRIM removes spaces (U+0020) only; CLEAN removes control characters 0–31.
        case 'TRIM': return str(go(args[0] as Node)).replace(/^ +| +$/g, '').replace(/ +/g, ' ');
        case 'CLEAN': return str(go(args[0] as Node)).replace(/[\u0000-\u001f]/g, '');
        case 'ISNUMBER': return typeof go(args[0] as Node) === 'number';
        case 'INT': return Math.floor(num(go(args[0] as Node)));
        case 'LEN': return str(go(args[0] as Node)).length;
        case 'YEAR': return yearOfSerial(num(go(args[0] as Node)));
        case 'DATE': return serialOf(num(go(args[0] as Node)), num(go(args[1] as Node)), num(go(args[2] as Node)));
        case 'MIN': {
          // Excel ignores blank and text cells referenced directly.
          const vals = args.flatMap((a) => {
            const x = go(a);
            if (a.n === 'ref' && (x === null || typeof x === 'string')) return [];
            return [num(x)];
          });
          return vals.length === 0 ? 0 : Math.min(...vals);
        }
      }
      throw new Error(`function ${node.f} not supported by the test evaluator`);
    }
  }
}

describe('dueStateFormula: the sheet formula', () => {
  const cellsOf = (row: number): DueCells => ({
    status: `F${row}`, note: `K${row}`, completion: `G${row}`, start: `D${row}`, due: `E${row}`,
    asOf: "'Cài đặt'!$B$2", window: "'Cài đặt'!$B$3",
  });

  it('is a formula over the given cells; yearly is folded away', () => {
    const f = dueStateFormula(cellsOf(7), false);
    expect(f.startsWith('=')).toBe(true);
    for (const ref of ['F7', 'K7', 'G7', 'E7', "'Cài đặt'!$B$2", "'Cài đặt'!$B$3"]) expect(f).toContain(ref);
    expect(f).not.toContain('yearly');
    expect(f).not.toContain('DATE(YEAR(');
    expect(f).toContain('"Hoàn thành"');
    expect(f).toContain('"Không thực hiện"');
    expect(f).toContain('"Quá hạn ("');
    expect(f).toContain('"Sắp đến hạn (còn "');
    expect(f).toContain('"Trong hạn"');
  });

  it('for a period row contains the 31/12 milestone of the as-of year', () => {
    const f = dueStateFormula(cellsOf(20), true);
    expect(f.startsWith('=')).toBe(true);
    expect(f).toContain('DATE(YEAR(');
    expect(f).toContain('MIN(');
    expect(f).not.toContain('yearly');
    for (const ref of ['F20', 'K20', 'G20', 'D20', 'E20']) expect(f).toContain(ref);
  });

  it('references exactly the given row', () => {
    const f = dueStateFormula(cellsOf(12), true);
    const refs = new Set(tokenize(f.slice(1)).filter((x) => x.t === 'ref').map((x) => x.v));
    expect([...refs].sort()).toEqual(["'Cài đặt'!B2", "'Cài đặt'!B3", 'D12', 'E12', 'F12', 'G12', 'K12'].sort());
  });

  it('throws when a cell is missing', () => {
    const { note: _omit, ...partial } = cellsOf(3);
    expect(() => dueStateFormula(partial as unknown as DueCells, false)).toThrow();
  });

  it('evaluated like Excel, agrees with computeDueState on every sampled date, status and deadline', () => {
    const deadlines = [
      ...Object.values(DL), deadline('Trước ngày 10/12/2026', true), deadline('Giai đoạn 2025 - 2026'), deadline('6 tháng đầu năm 2026'),
    ];
    const formulas = { plain: parseFormula(dueStateFormula(cellsOf(5), false)), yearly: parseFormula(dueStateFormula(cellsOf(5), true)) };
    const progresses: Array<{ status: string | null; note: string | null; completion: Day | null }> = [
      { status: null, note: null, completion: null },
      { status: 'Đang thực hiện', note: null, completion: null },
      { status: 'Không thực hiện', note: 'lý do', completion: null },
      { status: 'Không thực hiện', note: null, completion: null },
      { status: 'Hoàn thành', note: null, completion: null },
      { status: 'Hoàn thành', note: null, completion: d(2026, 2, 27) },
      { status: 'Hoàn thành', note: null, completion: d(2026, 12, 10) },
      { status: 'Hoàn thành', note: null, completion: d(2027, 1, 2) },
    ];
    const serial = (x: Day | null) => (x === null ? null : toExcelSerial(x));
    let n = 0;
    for (const dl of deadlines) {
      const formula = dl.yearlyMilestones === true ? formulas.yearly : formulas.plain;
      for (const p of progresses) {
        for (const window of [0, 14]) {
          for (let x = d(2025, 1, 1) as number; x <= d(2027, 12, 31); x += 3) {
            const asOf = x as Day;
            const values: Record<string, Cell> = {
              F5: p.status, K5: p.note, G5: serial(p.completion), D5: serial(dl.start), E5: serial(dl.due),
              "'Cài đặt'!B2": serial(asOf), "'Cài đặt'!B3": window,
            };
            const got = excelEval(formula, (ref) => {
              if (!(ref in values)) throw new Error(`unexpected ref ${ref}`);
              return values[ref] ?? null;
            });
            const want = computeDueState({ deadline: dl, asOf, window, ...p }).label;
            if (got !== want) expect({ dl, p, window, asOf: x, got }).toEqual({ dl, p, window, asOf: x, got: want });
            n++;
          }
        }
      }
    }
    expect(n).toBeGreaterThan(10_000);
  });

  it('the milestone formula ("Mốc năm"), evaluated like Excel, gives the milestone date on every day 2025–2037', () => {
    const cells = { start: 'F9', due: 'G9', asOf: '$C$4' };
    const f = milestoneFormula(cells);
    expect(f).toBe('=MIN(DATE(YEAR(IF($C$4<F9,F9,$C$4)),12,31),G9)');
    const parsed = parseFormula(f);
    for (const dl of [DL.period, deadline('Giai đoạn 2027 - 2030'), deadline('Giai đoạn 2025 - 2026')]) {
      for (let x = d(2025, 1, 1) as number; x <= d(2037, 12, 31); x++) {
        const values: Record<string, Cell> = { F9: toExcelSerial(dl.start as Day), G9: toExcelSerial(dl.due as Day), C4: toExcelSerial(x as Day) };
        const got = excelEval(parsed, (ref) => {
          if (!(ref in values)) throw new Error(`unexpected ref ${ref}`);
          return values[ref] ?? null;
        });
        const want = computeDueState({ deadline: dl, asOf: x as Day }).milestone;
        if (want === undefined || got !== toExcelSerial(want.date)) expect({ text: dl.text, x, got }).toEqual({ text: dl.text, x, got: want });
      }
    }
  });

  it('DUE_STATE_LABEL_EXPR evaluated directly gives the same labels as computeDueState', () => {
    const serial = (x: Day | null) => (x === null ? null : toExcelSerial(x));
    for (const dl of [DL.before16a, DL.period, DL.recurring, DL.window]) {
      for (let x = d(2026, 1, 1) as number; x <= d(2026, 12, 31); x += 7) {
        const vars: Record<string, Value> = {
          status: 'Đang thực hiện', note: null, completion: null, start: serial(dl.start), due: serial(dl.due),
          asOf: serial(x as Day), window: 14, yearly: dl.yearlyMilestones === true,
        };
        const label = evaluate(DUE_STATE_LABEL_EXPR, (name) => vars[name] ?? null);
        expect(label).toBe(computeDueState({ deadline: dl, asOf: x as Day, status: 'Đang thực hiện' }).label);
      }
    }
  });
});
