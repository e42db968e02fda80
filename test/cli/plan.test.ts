import { describe, it, expect } from 'vitest';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { roleOf } from '../../src/domain/applicability';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';

const APPENDIX = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16a', '16b', '16c'];
/** 2026-03-01 10:00 in Vietnam. */
const NOW = Date.UTC(2026, 2, 1, 3, 0, 0);

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], opts: { lang?: 'vi' | 'en'; now?: number; columns?: number } = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    lang: opts.lang ?? 'vi',
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    now: () => opts.now ?? NOW,
    ...(opts.columns === undefined ? {} : { columns: opts.columns }),
  };
  const code = await run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface JsonTask {
  id: string;
  content: string;
  lead: string;
  coordinating: string;
  role: string | null;
  deadlineText: string;
  kind: string | null;
  start: string | null;
  due: string | null;
  state: string | null;
  label: string | null;
  daysLeft: number | null;
  milestone: string | null;
  milestoneDaysLeft: number | null;
  problem?: string;
}
interface JsonOut {
  plan: { id: string; version: string; title: string; year: number };
  asOf: string;
  window: number;
  inclusive: boolean;
  agency: { code: string; name: string } | null;
  tasks: JsonTask[];
}

async function planJson(extra: string[] = []): Promise<JsonOut> {
  const r = await cli(['plan', '--json', '--as-of', '2026-03-01', ...extra]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as JsonOut;
}
const task = (j: JsonOut, id: string): JsonTask => {
  const t = j.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
};

describe('vtlt plan --json', () => {
  it('prints exactly one JSON object on stdout', async () => {
    const r = await cli(['plan', '--json', '--as-of', '2026-03-01']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const parsed: unknown = JSON.parse(r.out);
    expect(typeof parsed).toBe('object');
    expect(Array.isArray(parsed)).toBe(false);
    expect(r.out.trim().startsWith('{')).toBe(true);
    expect(r.out.trim().endsWith('}')).toBe(true);
  });

  it('describes the plan and the settings', async () => {
    const j = await planJson();
    expect(j.plan).toMatchObject({ id: 'tn-vtlt-2026', year: 2026 });
    expect(j.asOf).toBe('2026-03-01');
    expect(j.window).toBe(14);
    expect(j.inclusive).toBe(false);
    expect(j.agency).toBeNull();
    expect(j.tasks).toHaveLength(defaultPlanPack().tasks.length);
  });

  it('lists the 18 appendix tasks first, in plan order', async () => {
    const j = await planJson();
    expect(j.tasks.slice(0, 18).map((t) => t.id)).toEqual(APPENDIX);
    expect(j.tasks.slice(18).every((t) => t.id.startsWith('III.'))).toBe(true);
  });

  it('16b: "Trước ngày 10/12/2026", before, due 2026-12-09, on-track', async () => {
    const t = task(await planJson(), '16b');
    expect(t).toMatchObject({
      deadlineText: 'Trước ngày 10/12/2026', kind: 'before', start: null, due: '2026-12-09', state: 'on-track', label: 'Trong hạn', daysLeft: 283,
    });
    expect(t.problem).toBeUndefined();
    expect(t.role).toBeNull();
  });

  it('16a is overdue by 2 days', async () => {
    const t = task(await planJson(), '16a');
    expect(t).toMatchObject({ deadlineText: 'Trước ngày 28/02/2026', kind: 'before', due: '2026-02-27', state: 'overdue', daysLeft: -2, label: 'Quá hạn (2 ngày)' });
  });

  it('reports the table of domain.md §3 for the other rows', async () => {
    const j = await planJson();
    const s = (id: string) => { const t = task(j, id); return [t.kind, t.start, t.due, t.state]; };
    expect(s('1')).toEqual(['month', '2026-01-01', '2026-01-31', 'overdue']);
    expect(s('2')).toEqual(['quarter', '2026-01-01', '2026-03-31', 'on-track']);
    expect(s('5')).toEqual(['window', '2026-07-01', '2026-12-31', 'not-open']);
    expect(s('7')).toEqual(['recurring', null, null, 'recurring']);
    expect(s('13')).toEqual(['year', '2026-01-01', '2026-12-31', 'on-track']);
    expect(s('15')).toEqual(['period', '2026-01-01', '2035-12-31', 'on-track']);
    expect(s('16c')).toEqual(['on', null, '2026-12-20', 'on-track']);
    // days left to the end of the period; the state judged against the 2026 milestone, 305 days away
    expect(task(j, '15')).toMatchObject({ daysLeft: 3592, milestone: '2026-12-31', milestoneDaysLeft: 305 });
    expect(task(j, '13')).toMatchObject({ daysLeft: 305, milestone: null, milestoneDaysLeft: null });
  });

  it('task 15 ("Giai đoạn 2026 - 2035"): daysLeft to 31/12/2035, the milestone and its days for the as-of year', async () => {
    const at = async (asOf: string) => {
      const r = await cli(['plan', '--json', '--as-of', asOf]);
      expect(r.code).toBe(0);
      return task(JSON.parse(r.out) as JsonOut, '15');
    };
    expect(await at('2026-11-29')).toMatchObject({
      due: '2035-12-31', daysLeft: 3319, milestone: '2026-12-31', milestoneDaysLeft: 32, state: 'on-track', label: 'Trong hạn',
    });
    expect(await at('2026-12-20')).toMatchObject({
      daysLeft: 3298, milestone: '2026-12-31', milestoneDaysLeft: 11, state: 'due-soon', label: 'Sắp đến hạn (còn 11 ngày)',
    });
    expect(await at('2027-06-30')).toMatchObject({ daysLeft: 3106, milestone: '2027-12-31', milestoneDaysLeft: 184, state: 'on-track' });
    expect(await at('2036-01-10')).toMatchObject({
      daysLeft: -10, milestone: '2035-12-31', milestoneDaysLeft: -10, state: 'overdue', label: 'Quá hạn (10 ngày)',
    });
  });

  it('--inclusive makes 16b due on 2026-12-10', async () => {
    const j = await planJson(['--inclusive']);
    expect(j.inclusive).toBe(true);
    expect(task(j, '16b')).toMatchObject({ due: '2026-12-10', daysLeft: 284 });
    expect(task(j, '16a')).toMatchObject({ due: '2026-02-28', daysLeft: -1, label: 'Quá hạn (1 ngày)' });
    // only "before" phrases move
    expect(task(j, '16c').due).toBe('2026-12-20');
  });

  it('--window 300 turns 16b due-soon', async () => {
    const j = await planJson(['--window', '300']);
    expect(j.window).toBe(300);
    expect(task(j, '16b')).toMatchObject({ state: 'due-soon', label: 'Sắp đến hạn (còn 283 ngày)' });
    const eq = await planJson(['--window=283']);
    expect(task(eq, '16b').state).toBe('due-soon');
    const below = await planJson(['--window', '282']);
    expect(task(below, '16b').state).toBe('on-track');
  });

  it('--as-of accepts dd/mm/yyyy', async () => {
    const r = await cli(['plan', '--json', '--as-of', '1/3/2026']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as JsonOut).asOf).toBe('2026-03-01');
  });

  it('without --as-of uses today in Vietnam from io.now()', async () => {
    const late = await cli(['plan', '--json'], { now: Date.UTC(2026, 1, 27, 17, 0, 0) });
    const j = JSON.parse(late.out) as JsonOut;
    expect(j.asOf).toBe('2026-02-28');
    expect(task(j, '16a').state).toBe('overdue');
    const early = JSON.parse((await cli(['plan', '--json'], { now: Date.UTC(2026, 1, 27, 16, 59, 59) })).out) as JsonOut;
    expect(early.asOf).toBe('2026-02-27');
    expect(task(early, '16a')).toMatchObject({ state: 'due-soon', label: 'Sắp đến hạn (còn 0 ngày)' });
  });

  it('--agency with a xã code lists only the tasks that apply to it, with its role', async () => {
    const roster = defaultRoster();
    const xa = roster.entries.find((e) => e.kind === 'xa') as RosterEntry;
    const j = await planJson(['--agency', xa.code]);
    expect(j.agency).toEqual({ code: xa.code, name: xa.name });
    const expected = defaultPlanPack().tasks.filter((t) => roleOf(t, xa) !== null).map((t) => t.id);
    expect(j.tasks.map((t) => t.id)).toEqual(expected);
    expect(j.tasks.map((t) => t.id)).not.toContain('6');
    expect(j.tasks.map((t) => t.id)).not.toContain('11');
    expect(j.tasks.map((t) => t.id)).not.toContain('16c');
    expect(j.tasks.some((t) => t.id.startsWith('III.2') || t.id.startsWith('III.3'))).toBe(false);
    expect(task(j, '1').role).toBe('lead');
    expect(task(j, '2').role).toBe('coordinating');
    expect(task(j, '16b')).toMatchObject({ role: 'lead', due: '2026-12-09', state: 'on-track' });
  });

  it('--agency is case-insensitive', async () => {
    const j = await planJson(['--agency', 'snv']);
    expect(j.agency?.code).toBe('SNV');
    const snv = findAgency(defaultRoster(), 'SNV') as RosterEntry;
    expect(j.tasks.map((t) => t.id)).toEqual(defaultPlanPack().tasks.filter((t) => roleOf(t, snv) !== null).map((t) => t.id));
    expect(task(j, '16c').role).toBe('coordinating');
  });
});

describe('vtlt plan: human output', () => {
  it('prints a Vietnamese table with dates as dd/mm/yyyy', async () => {
    const r = await cli(['plan', '--as-of', '2026-03-01'], { columns: 160 });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Nội dung công việc');
    expect(r.out).toContain('Tình trạng hạn');
    expect(r.out).toContain('01/03/2026'); // as-of
    expect(r.out).toContain('09/12/2026'); // 16b
    expect(r.out).toContain('27/02/2026'); // 16a
    expect(r.out).toContain('Trước ngày 10/12/2026');
    expect(r.out).toContain('Quá hạn (2 ngày)');
    expect(r.out).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    const line16b = r.out.split('\n').find((l) => l.startsWith('16b '));
    expect(line16b).toBeDefined();
    expect(line16b).toContain('09/12/2026');
    expect(line16b).toContain('Trong hạn');
    // the multi-year task shows its due date and this year's milestone
    const line15 = r.out.split('\n').find((l) => l.startsWith('15 '));
    expect(line15).toMatch(/31\/12\/2035\s+31\/12\/2026\s+Trong hạn/);
    expect(r.out).toContain('Mốc năm');
    expect(() => JSON.parse(r.out)).toThrow();
  });

  it('marks the coordinating role and the inclusive setting', async () => {
    const r = await cli(['plan', '--as-of', '01/03/2026', '--agency', 'SKHCN', '--inclusive']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sở Khoa học và Công nghệ (SKHCN)');
    expect(r.out).toContain('(phối hợp)');
    expect(r.out).toContain('10/12/2026');
    expect(r.out).toContain('tính cả ngày X');
  });

  it('prints the plan usage with --help', async () => {
    const r = await cli(['plan', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--as-of');
    expect(r.err).toBe('');
  });
});

describe('vtlt: usage errors exit 2 with a Vietnamese message and no stack trace', () => {
  const bad: Array<[string, string[], RegExp]> = [
    ['an impossible as-of date', ['plan', '--as-of', '31/02/2026'], /31\/02\/2026/],
    ['an ISO as-of with month 13', ['plan', '--as-of', '2026-13-01'], /2026-13-01/],
    ['a month-first as-of date', ['plan', '--as-of', '02/30/2026'], /02\/30\/2026/],
    ['an unknown agency', ['plan', '--agency', 'NOPE'], /NOPE/],
    ['a negative window', ['plan', '--window', '-3'], /-3/],
    ['a non-numeric window', ['plan', '--window', 'abc'], /abc/],
    ['a fractional window', ['plan', '--window', '1.5'], /1\.5/],
    ['an unknown option', ['plan', '--frobnicate'], /--frobnicate/],
    ['a missing value', ['plan', '--as-of'], /--as-of/],
    ['a repeated option', ['plan', '--window', '1', '--window', '2'], /--window/],
    ['a stray argument', ['plan', 'extra'], /extra/],
    ['a value for a flag', ['plan', '--json=yes'], /--json=yes/],
    ['an unknown command', ['frobnicate'], /frobnicate/],
  ];
  for (const [what, argv, mentions] of bad) {
    it(`${what}: ${argv.join(' ')}`, async () => {
      const r = await cli([...argv, '--json']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).not.toBe('');
      expect(r.err).toMatch(mentions);
      expect(r.err).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
      expect(r.err.split('\n').some((l) => /^\s*at\s/.test(l))).toBe(false);
      expect(r.err).not.toMatch(/Error:|\.ts:\d+/);
    });
  }

  it('no command at all prints the usage and exits 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('vtlt');
  });

  it('--version and --help exit 0', async () => {
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^\d+\.\d+\.\d+/);
    const h = await cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('plan');
  });

  it('English messages when io.lang is en', async () => {
    const r = await cli(['plan', '--window', 'abc'], { lang: 'en' });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('abc');
  });
});
