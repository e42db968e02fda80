import { describe, expect, it } from 'vitest';
import { defaultPlanPack } from '../../src/packs';
import { loadPlanPack, type PlanPack } from '../../src/domain/plan-pack';
import type { Loaded } from '../../src/domain/schema-errors';
import { planActions } from '../../src/taskpane/plan-actions';
import { planErrorNotice, planJson, planLines } from '../../src/taskpane/plan-view-model';
import { activePlan, initialState, reduce, type Action, type PaneState } from '../../src/taskpane/state';
import type { ActionContext } from '../../src/taskpane/tools-actions';
import type { Notice } from '../../src/taskpane/view-model';
import { plan2027 } from './plan-2027';

const bundled = defaultPlanPack();
const NOW = Date.UTC(2026, 2, 1, 3);
const start = (): PaneState => initialState('vi', NOW, { statisticsYear: bundled.statisticsYear });
const say = (notice: Notice | null) => (notice ? notice.lines.map((l) => l('vi')) : []);

describe('the plan in the pane state', () => {
  it('starts with the bundled plan and takes a picked plan, with its default statistics year', () => {
    const s = start();
    expect(s.plan).toBeNull();
    expect(activePlan(s, bundled)).toBe(bundled);
    const next = reduce(s, { type: 'plan', pack: plan2027(), file: 'ke-hoach-2027.json' });
    expect(next.plan?.file).toBe('ke-hoach-2027.json');
    expect(activePlan(next, bundled).year).toBe(2027);
    expect(next.forms.yearText).toBe('2026');
  });

  it('forgets what was read with the former plan, but not a year the user typed', () => {
    let s = reduce(start(), { type: 'forms-year', text: '2024' });
    s = reduce(s, { type: 'summary', summary: null, knownCodes: new Set() });
    expect(s.summary.kind).toBe('none');
    s = reduce(s, { type: 'plan', pack: plan2027(), file: 'p.json' });
    expect(s.summary.kind).toBe('unknown');
    expect(s.check).toBeNull();
    expect(s.forms.yearText).toBe('2024');
  });

  it('goes back to the bundled plan (no file)', () => {
    const picked = reduce(start(), { type: 'plan', pack: plan2027(), file: 'p.json' });
    const back = reduce(picked, { type: 'plan', pack: bundled, file: null });
    expect(back.plan).toEqual({ pack: bundled, file: null });
    expect(activePlan(back, bundled)).toBe(bundled);
    // Chosen again, the bundled plan wins over the plan a workbook carries.
    expect(activePlan(reduce(back, { type: 'carried', pack: plan2027() }), bundled)).toBe(bundled);
    expect(activePlan(reduce(start(), { type: 'carried', pack: plan2027() }), bundled).year).toBe(2027);
    expect(back.forms.yearText).toBe(String(bundled.statisticsYear));
  });
});

describe('what the pane says of the plan', () => {
  it('names the title and year, and the file only for a picked plan', () => {
    expect(planLines(bundled, null).map((l) => l('vi'))).toEqual(['Kế hoạch: Kế hoạch công tác văn thư, lưu trữ năm 2026 (năm 2026).']);
    expect(planLines(plan2027(), 'a.json').map((l) => l('vi'))).toEqual([
      'Kế hoạch: Kế hoạch công tác văn thư, lưu trữ năm 2027 (năm 2027).',
      'Nạp từ tệp "a.json".',
    ]);
    expect(planLines(plan2027(), 'a.json')[0]!('en')).toContain('Plan: ');
  });

  it('refuses a file line by line, each line naming the field', () => {
    const notice = planErrorNotice('x.json', ['tasks[0].id: bad']);
    expect(notice.tone).toBe('error');
    expect(say(notice)[0]).toContain('"x.json" không phải kế hoạch hợp lệ');
    expect(say(notice)[1]).toBe('tasks[0].id: bad');
  });

  it('reads JSON with a byte-order mark and tells text that is not JSON', () => {
    expect(planJson('\uFEFF{"a":1}')).toEqual({ data: { a: 1 } });
    expect(planJson('not json')).toBeUndefined();
  });
});

/** The plan actions against a state kept here; the real schema checks the plan. */
function harness(check: (data: unknown) => Promise<Loaded<PlanPack>> = async (d) => loadPlanPack(d)) {
  let state = start();
  let changes = 0;
  const ctx = {
    deps: { pack: bundled },
    state: () => state,
    dispatch: (a: Action) => {
      state = reduce(state, a);
    },
  } as unknown as ActionContext;
  const actions = planActions(ctx, async () => {
    changes += 1;
  }, check);
  return { actions, state: () => state, changes: () => changes };
}

const fileOf = (name: string, text: string) => new File([text], name, { type: 'application/json' });

describe('choosing a plan file', () => {
  it('takes a valid plan, says how many tasks, and reads the workbook again with it', async () => {
    const h = harness();
    await h.actions.loadPlan(fileOf('ke-hoach-2027.json', JSON.stringify(plan2027())));
    expect(h.state().plan?.pack.id).toBe('tn-vtlt-2027');
    expect(say(h.state().notices.insert)).toEqual([`Đã nạp kế hoạch từ tệp "ke-hoach-2027.json": ${bundled.tasks.length} nhiệm vụ.`]);
    expect(h.changes()).toBe(1);
  });

  it('refuses a malformed plan naming the field, and keeps the plan in use', async () => {
    const bad = { ...plan2027(), year: 'năm 2027', tasks: plan2027().tasks.map((t, i) => (i === 2 ? { ...t, deadlineTxt: 'x' } : t)) };
    const h = harness();
    await h.actions.loadPlan(fileOf('hong.json', JSON.stringify(bad)));
    expect(h.state().plan).toBeNull();
    const lines = say(h.state().notices.insert);
    expect(lines[0]).toContain('"hong.json" không phải kế hoạch hợp lệ');
    expect(lines.some((l) => l.startsWith('year:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('tasks[2].deadlineTxt:'))).toBe(true);
    expect(h.changes()).toBe(0);
  });

  it('says when the file is not JSON, and when the schema could not be loaded', async () => {
    const h = harness();
    await h.actions.loadPlan(fileOf('a.json', '{'));
    expect(say(h.state().notices.insert)[0]).toContain('không phải tệp JSON');
    const offline = harness(async () => {
      throw new Error('chunk');
    });
    await offline.actions.loadPlan(fileOf('a.json', JSON.stringify(plan2027())));
    expect(offline.state().notices.insert?.tone).toBe('error');
    expect(offline.state().plan).toBeNull();
  });

  it('goes back to the bundled plan', async () => {
    const h = harness();
    await h.actions.loadPlan(fileOf('p.json', JSON.stringify(plan2027())));
    await h.actions.useDefaultPlan();
    expect(h.state().plan).toEqual({ pack: bundled, file: null });
    expect(say(h.state().notices.insert)).toEqual(['Đã trở lại kế hoạch đi kèm.']);
    expect(h.changes()).toBe(2);
  });
});
