import { describe, it, expect } from 'vitest';
import { type Day, mustDay, toIso } from '../../src/domain/calendar';
import { type Deadline, type DeadlineParse, parseDeadline } from '../../src/domain/deadline';

const d = (y: number, m: number, dd: number): Day => mustDay(y, m, dd);
const iso = (x: Day | null | undefined): string | null => (x === null || x === undefined ? null : toIso(x));

function parsed(text: string, inclusiveBefore = false): Deadline {
  const r = parseDeadline(text, { inclusiveBefore });
  if (!r.ok) throw new Error(`expected "${text}" to parse, got ${r.reason}`);
  return r.deadline;
}

/** kind, start and due as ISO strings, for compact comparison with the table of domain.md §3. */
function summary(text: string, inclusiveBefore = false): [string, string | null, string | null] {
  const x = parsed(text, inclusiveBefore);
  return [x.kind, iso(x.start), iso(x.due)];
}

describe('every completion-time phrase of the plan (domain.md §3 table)', () => {
  const table: ReadonlyArray<[string, string, string | null, string | null]> = [
    ['Tháng 01/2026', 'month', '2026-01-01', '2026-01-31'],
    ['Quý I/2026', 'quarter', '2026-01-01', '2026-03-31'],
    ['Quý III - IV/2026', 'window', '2026-07-01', '2026-12-31'],
    ['Năm 2026', 'year', '2026-01-01', '2026-12-31'],
    ['Giai đoạn 2026 - 2035', 'period', '2026-01-01', '2035-12-31'],
    ['Thường xuyên', 'recurring', null, null],
    ['Trước ngày 28/02/2026', 'before', null, '2026-02-27'],
    ['Trước ngày 10/12/2026', 'before', null, '2026-12-09'],
    ['Ngày 20/12/2026', 'on', null, '2026-12-20'],
    ['trước ngày 30/01/2026', 'before', null, '2026-01-29'],
    ['trước ngày 20/12/2026', 'before', null, '2026-12-19'],
  ];
  for (const [text, kind, start, due] of table) {
    it(`${text} → ${kind} ${start ?? '—'} … ${due ?? '—'}`, () => {
      const r = parseDeadline(text);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.deadline.text).toBe(text);
      expect([r.deadline.kind, iso(r.deadline.start), iso(r.deadline.due)]).toEqual([kind, start, due]);
    });
  }

  it('marks only the multi-year period with yearly milestones', () => {
    expect(parsed('Giai đoạn 2026 - 2035').yearlyMilestones).toBe(true);
    for (const text of ['Tháng 01/2026', 'Quý I/2026', 'Quý III - IV/2026', 'Năm 2026', 'Thường xuyên', 'Ngày 20/12/2026']) {
      expect(parsed(text).yearlyMilestones).not.toBe(true);
    }
  });

  it('"Trước ngày X" keeps the named date and is strict by default', () => {
    const x = parsed('Trước ngày 28/02/2026');
    expect(x.named).toBe(d(2026, 2, 28));
    expect(x.inclusive).toBe(false);
    expect(x.due).toBe(d(2026, 2, 27));
  });

  it('"Trước ngày X" is X itself in inclusive mode', () => {
    expect(summary('Trước ngày 28/02/2026', true)).toEqual(['before', null, '2026-02-28']);
    expect(summary('Trước ngày 10/12/2026', true)).toEqual(['before', null, '2026-12-10']);
    expect(summary('trước ngày 30/01/2026', true)).toEqual(['before', null, '2026-01-30']);
    const x = parsed('Trước ngày 10/12/2026', true);
    expect(x.inclusive).toBe(true);
    expect(x.named).toBe(d(2026, 12, 10));
  });

  it('inclusive mode changes nothing but "before" phrases', () => {
    for (const text of ['Tháng 01/2026', 'Quý I/2026', 'Quý III - IV/2026', 'Năm 2026', 'Giai đoạn 2026 - 2035', 'Thường xuyên', 'Ngày 20/12/2026']) {
      expect(summary(text, true)).toEqual(summary(text, false));
    }
  });

  it('strict "before" the first of a month or year falls on the previous month\'s last day', () => {
    expect(summary('Trước ngày 01/03/2026')).toEqual(['before', null, '2026-02-28']);
    expect(summary('Trước ngày 01/03/2024')).toEqual(['before', null, '2024-02-29']);
    expect(summary('Trước ngày 01/01/2027')).toEqual(['before', null, '2026-12-31']);
  });
});

describe('variants people type', () => {
  it('quarters: Quý 1/2026, quý I năm 2026, Q1/2026, Q4/2026, QUÝ II/2026, Quý III/2026', () => {
    expect(summary('Quý 1/2026')).toEqual(['quarter', '2026-01-01', '2026-03-31']);
    expect(summary('quý I năm 2026')).toEqual(['quarter', '2026-01-01', '2026-03-31']);
    expect(summary('Q1/2026')).toEqual(['quarter', '2026-01-01', '2026-03-31']);
    expect(summary('QUÝ II/2026')).toEqual(['quarter', '2026-04-01', '2026-06-30']);
    expect(summary('Quý III/2026')).toEqual(['quarter', '2026-07-01', '2026-09-30']);
    expect(summary('Q4/2026')).toEqual(['quarter', '2026-10-01', '2026-12-31']);
    expect(summary('Quý IV/2026')).toEqual(['quarter', '2026-10-01', '2026-12-31']);
  });

  it('windows of quarters: Quý III-IV/2026, Quý I - II/2026, with an en dash', () => {
    expect(summary('Quý III-IV/2026')).toEqual(['window', '2026-07-01', '2026-12-31']);
    expect(summary('Quý I - II/2026')).toEqual(['window', '2026-01-01', '2026-06-30']);
    expect(summary('Quý III – IV/2026')).toEqual(['window', '2026-07-01', '2026-12-31']);
    expect(summary('Quý II - III/2027')).toEqual(['window', '2027-04-01', '2027-09-30']);
  });

  it('halves: 6 tháng đầu năm 2026 → 30/06, 6 tháng cuối năm 2026 → 31/12', () => {
    expect(summary('6 tháng đầu năm 2026')).toEqual(['window', '2026-01-01', '2026-06-30']);
    expect(summary('6 tháng cuối năm 2026')).toEqual(['window', '2026-07-01', '2026-12-31']);
    expect(summary('6 tháng đầu năm 2027')).toEqual(['window', '2027-01-01', '2027-06-30']);
    expect(summary('06 tháng cuối năm 2027')).toEqual(['window', '2027-07-01', '2027-12-31']);
    expect(summary('Sáu tháng đầu năm 2027')).toEqual(['window', '2027-01-01', '2027-06-30']);
    expect(summary('Trong 6 tháng cuối năm 2028.')).toEqual(['window', '2028-07-01', '2028-12-31']);
    expect(parseDeadline('6 tháng giữa năm 2027').ok).toBe(false);
  });

  it('months with or without leading zero and "năm"', () => {
    expect(summary('Tháng 1/2026')).toEqual(['month', '2026-01-01', '2026-01-31']);
    expect(summary('tháng 02/2026')).toEqual(['month', '2026-02-01', '2026-02-28']);
    expect(summary('Tháng 2/2028')).toEqual(['month', '2028-02-01', '2028-02-29']);
    expect(summary('Tháng 12 năm 2026')).toEqual(['month', '2026-12-01', '2026-12-31']);
    expect(summary('Tháng 6/2026')).toEqual(['month', '2026-06-01', '2026-06-30']);
  });

  it('"trước", "trước ngày" and "chậm nhất ngày" with d/m/yyyy and dd/mm/yyyy', () => {
    expect(summary('Trước ngày 10/12/2026')).toEqual(['before', null, '2026-12-09']);
    expect(summary('trước 10/12/2026')).toEqual(['before', null, '2026-12-09']);
    expect(summary('TRƯỚC NGÀY 10/12/2026')).toEqual(['before', null, '2026-12-09']);
    expect(summary('Trước ngày 5/3/2026')).toEqual(['before', null, '2026-03-04']);
    expect(summary('Trước ngày 05/03/2026')).toEqual(['before', null, '2026-03-04']);
    expect(summary('Trước ngày 5/03/2026')).toEqual(['before', null, '2026-03-04']);
    expect(summary('Trước ngày 05/3/2026')).toEqual(['before', null, '2026-03-04']);
    expect(summary('Trước ngày 10 tháng 12 năm 2026')).toEqual(['before', null, '2026-12-09']);
    expect(summary('  Trước   ngày 10/12/2026.  ')).toEqual(['before', null, '2026-12-09']);
  });

  it('"chậm nhất ngày X" is inclusive even in strict mode', () => {
    const strict = parsed('chậm nhất ngày 10/12/2026', false);
    expect(strict.kind).toBe('before');
    expect(strict.due).toBe(d(2026, 12, 10));
    expect(strict.inclusive).toBe(true);
    expect(strict.named).toBe(d(2026, 12, 10));
    expect(parsed('Chậm nhất ngày 10/12/2026', true).due).toBe(d(2026, 12, 10));
    expect(parsed('chậm nhất là ngày 1/2/2026').due).toBe(d(2026, 2, 1));
  });

  it('"Ngày X" with and without leading zeros', () => {
    expect(summary('Ngày 20/12/2026')).toEqual(['on', null, '2026-12-20']);
    expect(summary('ngày 5/1/2026')).toEqual(['on', null, '2026-01-05']);
    expect(summary('Ngày 05/01/2026')).toEqual(['on', null, '2026-01-05']);
  });

  it('recurring and year phrases in other cases', () => {
    expect(summary('thường xuyên')).toEqual(['recurring', null, null]);
    expect(summary('THƯỜNG XUYÊN')).toEqual(['recurring', null, null]);
    expect(summary('năm 2027')).toEqual(['year', '2027-01-01', '2027-12-31']);
    expect(summary('Giai đoạn 2026-2035')).toEqual(['period', '2026-01-01', '2035-12-31']);
  });

  it('reads NFD-composed text like NFC', () => {
    const nfd = 'Trước ngày 28/02/2026'.normalize('NFD');
    expect(nfd).not.toBe('Trước ngày 28/02/2026');
    const r = parseDeadline(nfd);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(iso(r.deadline.due)).toBe('2026-02-27');
      expect(r.deadline.text).toBe(nfd); // kept as given
    }
  });

  it('dates are always day first: 02/12/2026 is 2 December', () => {
    expect(summary('Ngày 02/12/2026')).toEqual(['on', null, '2026-12-02']);
    expect(summary('Trước ngày 12/02/2026')).toEqual(['before', null, '2026-02-11']);
  });
});

describe('unreadable or impossible phrases are reported, never guessed', () => {
  const cases: ReadonlyArray<[string, Exclude<DeadlineParse, { ok: true }>['reason']]> = [
    ['Trước ngày 31/02/2026', 'invalid-date'],
    ['Trước ngày 29/02/2026', 'invalid-date'],
    ['Ngày 31/04/2026', 'invalid-date'],
    ['Trước ngày 02/30/2026', 'invalid-date'],
    ['Tháng 13/2026', 'invalid-date'],
    ['Tháng 0/2026', 'invalid-date'],
    ['Quý V/2026', 'unrecognised'],
    ['Quý 5/2026', 'unrecognised'],
    ['Quý IV - I/2026', 'unrecognised'],
    ['Giai đoạn 2035 - 2026', 'unrecognised'],
    ['sớm nhất có thể', 'unrecognised'],
    ['02/30/2026', 'unrecognised'],
    ['10/12/2026', 'unrecognised'],
    ['Trước ngày 10/12', 'unrecognised'],
    ['Quý I', 'unrecognised'],
    ['Trước ngày 10/12/26', 'unrecognised'],
    ['', 'empty'],
    ['   ', 'empty'],
  ];
  for (const [text, reason] of cases) {
    it(`"${text}" → ok:false (${reason}), text kept verbatim`, () => {
      for (const inclusiveBefore of [false, true]) {
        const r = parseDeadline(text, { inclusiveBefore });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.text).toBe(text);
        expect(r.reason).toBe(reason);
      }
    });
  }

  it('never throws, even for years outside the calendar', () => {
    for (const text of ['Tháng 01/0000', 'Quý I/0000', 'Quý I - II/0000', '6 tháng đầu năm 0000', 'Năm 0000', 'Giai đoạn 0000 - 2035', 'Trước ngày 01/01/0000', 'Ngày 01/01/0000']) {
      let r: DeadlineParse | undefined;
      expect(() => {
        r = parseDeadline(text);
      }).not.toThrow();
      expect(r?.ok).toBe(false);
      if (r && !r.ok) expect(r.text).toBe(text);
    }
  });
});
