import { describe, it, expect } from 'vitest';
import { type Day, mustDay, toIso } from '../../src/domain/calendar';
import { loadPlanPack, type PlanPack } from '../../src/domain/plan-pack';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { defaultDueSettings, planRows, type DueSettings } from '../../src/app/plan-status';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import planJson from '../../src/packs/plan-tn-vtlt-2026.json';

const d = (y: number, m: number, dd: number): Day => mustDay(y, m, dd);
const settings = (asOf: Day, over: Partial<DueSettings> = {}): DueSettings => ({ asOf, window: 14, inclusiveBefore: false, ...over });
const pack = defaultPlanPack();
const roster = defaultRoster();
const APPENDIX = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16a', '16b', '16c'];

const byId = <T extends { task: { id: string } }>(rows: readonly T[]) => new Map(rows.map((r) => [r.task.id, r]));

describe('defaultDueSettings', () => {
  it('today in Vietnam, 14 days, strict "trước ngày"', () => {
    expect(defaultDueSettings(Date.UTC(2026, 1, 27, 17, 0, 0))).toEqual({ asOf: d(2026, 2, 28), window: 14, inclusiveBefore: false });
    expect(defaultDueSettings(Date.UTC(2026, 1, 27, 16, 59, 59)).asOf).toBe(d(2026, 2, 27));
  });
});

describe('planRows without an agency', () => {
  const rows = planRows(pack, settings(d(2026, 3, 1)));
  const m = byId(rows);

  it('lists every task of the pack in plan order, with no role', () => {
    expect(rows.map((r) => r.task.id)).toEqual(pack.tasks.map((t) => t.id));
    expect(rows.slice(0, 18).map((r) => r.task.id)).toEqual(APPENDIX);
    for (const r of rows) expect(r.role).toBeNull();
  });

  it('computes deadlines and due states as of 01/03/2026', () => {
    const s = (id: string) => {
      const r = m.get(id);
      return [r?.deadline?.kind, r?.deadline?.due == null ? null : toIso(r.deadline.due), r?.due?.state, r?.due?.daysLeft];
    };
    expect(s('1')).toEqual(['month', '2026-01-31', 'overdue', -29]);
    expect(s('2')).toEqual(['quarter', '2026-03-31', 'on-track', 30]);
    expect(s('5')).toEqual(['window', '2026-12-31', 'not-open', 305]);
    expect(s('6')).toEqual(['recurring', null, 'recurring', null]);
    expect(s('13')).toEqual(['year', '2026-12-31', 'on-track', 305]);
    // a multi-year period: days left to the end of the period, the state judged against this year's milestone
    expect(s('15')).toEqual(['period', '2035-12-31', 'on-track', 3592]);
    expect(m.get('15')?.due?.milestone).toEqual({ date: d(2026, 12, 31), daysLeft: 305 });
    expect(m.get('13')?.due?.milestone).toBeUndefined();
    expect(s('16a')).toEqual(['before', '2026-02-27', 'overdue', -2]);
    expect(s('16b')).toEqual(['before', '2026-12-09', 'on-track', 283]);
    expect(s('16c')).toEqual(['on', '2026-12-20', 'on-track', 294]);
    expect(s('III.1.a')).toEqual(['recurring', null, 'recurring', null]);
    expect(s('III.1.i.1')).toEqual(['before', '2026-01-29', 'overdue', -31]);
    expect(m.get('16a')?.due?.label).toBe('Quá hạn (2 ngày)');
  });

  it('honours the window and the inclusive setting', () => {
    const wide = byId(planRows(pack, settings(d(2026, 3, 1), { window: 300 })));
    expect(wide.get('16b')?.due?.state).toBe('due-soon');
    expect(wide.get('16b')?.due?.label).toBe('Sắp đến hạn (còn 283 ngày)');
    const incl = byId(planRows(pack, settings(d(2026, 2, 28), { inclusiveBefore: true })));
    expect(incl.get('16a')?.deadline?.due).toBe(d(2026, 2, 28));
    expect(incl.get('16a')?.due?.state).toBe('due-soon');
    const strict = byId(planRows(pack, settings(d(2026, 2, 28))));
    expect(strict.get('16a')?.due?.state).toBe('overdue');
  });

  it('uses what the agency recorded', () => {
    const progress = (id: string) =>
      id === '16a' ? { status: 'Hoàn thành', completion: d(2026, 2, 20) }
        : id === '1' ? { status: 'Không thực hiện', note: 'Đơn vị mới sáp nhập' }
          : id === '16b' ? { status: 'Hoàn thành', completion: d(2026, 12, 10) }
            : undefined;
    const rows2 = byId(planRows(pack, settings(d(2026, 12, 15)), undefined, progress));
    expect(rows2.get('16a')?.due?.state).toBe('done-on-time');
    expect(rows2.get('1')?.due?.state).toBe('not-applicable');
    expect(rows2.get('16b')?.due?.state).toBe('done-late');
    expect(rows2.get('2')?.due?.state).toBe('overdue');
  });
});

describe('planRows for one agency', () => {
  const xa = roster.entries.find((e) => e.kind === 'xa') as RosterEntry;

  it('an ordinary xã sees only the tasks that apply to it, with its role', () => {
    const rows = planRows(pack, settings(d(2026, 3, 1)), xa);
    const ids = rows.map((r) => r.task.id);
    expect(ids.filter((id) => APPENDIX.includes(id))).toEqual(APPENDIX.filter((id) => !['6', '11', '16c'].includes(id)));
    expect(ids.some((id) => id.startsWith('III.2') || id.startsWith('III.3'))).toBe(false);
    expect(ids.filter((id) => id.startsWith('III.1'))).toHaveLength(10);
    const m = byId(rows);
    expect(m.get('1')?.role).toBe('lead');
    expect(m.get('2')?.role).toBe('coordinating');
    expect(m.get('16a')?.role).toBe('lead');
    for (const r of rows) expect(r.role).not.toBeNull();
  });

  it('a xã with construction projects also sees 16c', () => {
    const rows = planRows(pack, settings(d(2026, 3, 1)), { ...xa, coCongTrinh: true });
    expect(byId(rows).get('16c')?.role).toBe('lead');
  });

  it('Sở Nội vụ sees every appendix row and its own section III duties', () => {
    const snv = findAgency(roster, 'SNV') as RosterEntry;
    const rows = planRows(pack, settings(d(2026, 3, 1)), snv);
    const ids = rows.map((r) => r.task.id);
    expect(ids.slice(0, 18)).toEqual(APPENDIX);
    expect(ids.filter((id) => id.startsWith('III.2'))).toHaveLength(9);
    expect(ids.some((id) => id.startsWith('III.3'))).toBe(false);
    expect(byId(rows).get('16c')?.role).toBe('coordinating');
    expect(byId(rows).get('2')?.role).toBe('lead');
  });
});

describe('planRows with a custom pack', () => {
  function customPack(mutate: (tasks: Array<Record<string, unknown>>) => void): PlanPack {
    const data = JSON.parse(JSON.stringify(planJson)) as { tasks: Array<Record<string, unknown>> };
    mutate(data.tasks);
    const r = loadPlanPack(data);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.value;
  }

  it('an unreadable deadline has deadline null and due null; other rows are unaffected', () => {
    const p = customPack((tasks) => {
      (tasks[1] as Record<string, unknown>).deadlineText = 'sớm nhất có thể';
      (tasks[2] as Record<string, unknown>).deadlineText = 'Trước ngày 31/02/2026';
    });
    const rows = byId(planRows(p, settings(d(2026, 3, 1))));
    expect(rows.get('2')?.deadline).toBeNull();
    expect(rows.get('2')?.due).toBeNull();
    expect(rows.get('2')?.task.deadlineText).toBe('sớm nhất có thể');
    expect(rows.get('3')?.deadline).toBeNull();
    expect(rows.get('3')?.due).toBeNull();
    expect(rows.get('4')?.due?.state).toBe('on-track');
    expect(rows.size).toBe(p.tasks.length);
    // also for one agency
    const xa = roster.entries.find((e) => e.kind === 'xa') as RosterEntry;
    const forXa = byId(planRows(p, settings(d(2026, 3, 1)), xa));
    expect(forXa.get('2')?.role).toBe('coordinating');
    expect(forXa.get('2')?.due).toBeNull();
  });

  it('an empty deadline phrase is an ongoing duty', () => {
    const p = customPack((tasks) => {
      (tasks[0] as Record<string, unknown>).deadlineText = '';
    });
    const row = byId(planRows(p, settings(d(2026, 3, 1)))).get('1');
    expect(row?.deadline?.kind).toBe('recurring');
    expect(row?.due?.state).toBe('recurring');
  });
});

describe('planRows reading each deadline phrase once', () => {
  it('gives the same deadlines, shared, on every call; a "trước ngày" rule or another phrase is read afresh', () => {
    const a = planRows(pack, settings(d(2026, 3, 1)));
    const b = planRows(pack, settings(d(2026, 9, 1)));
    a.forEach((r, i) => expect(b[i]!.deadline).toBe(r.deadline));
    const before = pack.tasks.find((t) => /^trước ngày/i.test(t.deadlineText.trim()));
    if (before) {
      const strict = byId(a).get(before.id)!.deadline;
      const inclusive = byId(planRows(pack, settings(d(2026, 3, 1), { inclusiveBefore: true }))).get(before.id)!.deadline;
      expect(inclusive?.due).toBe((strict?.due ?? 0) + 1);
    }
    const changed: PlanPack = { ...pack, tasks: [{ ...pack.tasks[0]!, deadlineText: 'Trước ngày 15/5/2026' }] };
    expect(planRows(changed, settings(d(2026, 3, 1)))[0]!.deadline?.due).toBe(d(2026, 5, 14));
  });
});
