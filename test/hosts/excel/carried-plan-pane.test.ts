/**
 * The pane and the ribbon's "Làm mới hạn" keep the plan a workbook carries (its very hidden _vtlt_plan sheet): with no
 * plan picked, a 2027 workbook refreshed by a pane whose bundled plan is 2026 stays a 2027 workbook. A picked plan wins.
 */
import { describe, expect, it } from 'vitest';
import { ymdOf } from '../../../src/domain/calendar';
import { insertTracker } from '../../../src/app/insert-tracker';
import { readCarriedPlan } from '../../../src/app/stored-plan';
import type { WorkbookPort } from '../../../src/app/workbook-port';
import type { PlanPack } from '../../../src/domain/plan-pack';
import { refreshOverdue } from '../../../src/commands/refresh-overdue';
import { summariseWithPlan } from '../../../src/taskpane/plan-carry';
import { activePlan, initialState, reduce } from '../../../src/taskpane/state';
import { TRACKER_COLUMNS } from '../../../src/workbook/tracker';
import { plan2027 } from '../../taskpane/plan-2027';
import { agency, NOW, pack, rig, roster, yes } from './helpers';

const WARD = agency('05455');
const DEADLINE = TRACKER_COLUMNS.findIndex((c) => c.key === 'deadlineText');

async function workbook2027() {
  const r = rig();
  const inserted = await insertTracker(r.workbook, { pack: plan2027(), agency: WARD, now: NOW, confirm: yes });
  expect(inserted.ok).toBe(true);
  r.fake.resetCounters();
  return r;
}

async function storedPlan(port: WorkbookPort): Promise<PlanPack | null> {
  const carried = await readCarriedPlan(port);
  return carried.kind === 'ok' ? carried.plan : null;
}

/** The deadline text of task `id` on the tracker sheet `sheet`. */
async function deadlineOf(port: WorkbookPort, sheet: string, id: string): Promise<unknown> {
  const grid = (await port.read([sheet])).grids.get(sheet);
  return grid?.values.find((row) => row[0] === id)?.[DEADLINE];
}

describe('the pane with no plan picked uses the plan the workbook carries', () => {
  it('reads it with the stamp, summarises with it, and re-inserting keeps _vtlt_plan and the 2027 deadlines', async () => {
    const { fake, workbook } = await workbook2027();
    let state = initialState('vi', NOW.getTime(), { statisticsYear: pack.statisticsYear });
    const read = await summariseWithPlan(workbook, { picked: null, carried: state.carried, bundled: pack }, NOW.getTime());
    expect(read.carried).toEqual(plan2027());
    expect(read.result.ok && read.result.summary.sheetName).toBe(plan2027().trackerSheetName);
    const first = read.result.ok ? read.result.summary.tasks.find((x) => x.task.id === '1') : undefined;
    expect(first?.dueDate != null && ymdOf(first.dueDate).year).toBe(2027);
    // The bundled plan's tracker was not found, so the tracker was read again with the carried plan: two reads.
    expect(fake.syncCount).toBe(2);

    state = reduce(state, { type: 'carried', pack: read.carried });
    expect(activePlan(state, pack)).toBe(read.carried);
    fake.resetCounters();
    const again = await summariseWithPlan(workbook, { picked: null, carried: state.carried, bundled: pack }, NOW.getTime());
    expect(again.carried).toBe(state.carried);
    expect(fake.syncCount).toBe(1); // known plan: the plan sheet comes in the stamp's read

    const reinserted = await insertTracker(workbook, { pack: activePlan(state, pack), agency: WARD, now: NOW, confirm: yes });
    expect(reinserted.ok).toBe(true);
    expect(await storedPlan(workbook)).toEqual(plan2027());
    expect(await deadlineOf(workbook, plan2027().trackerSheetName, '1')).toBe('Tháng 02/2027');
    expect(fake.sheet(pack.trackerSheetName)).toBeUndefined();
  });

  it('a carried plan of the same year (same tracker sheet, other content) is summarised from the same read: one round trip', async () => {
    const r = rig();
    // The province's plan revised within the year: another deadline for task 1, the same tracker sheet.
    const revised: PlanPack = { ...pack, version: '1.1.0', tasks: pack.tasks.map((t) => (t.id === '1' ? { ...t, deadlineText: 'trước ngày 31/12/2026' } : t)) };
    expect(revised.trackerSheetName).toBe(pack.trackerSheetName);
    expect((await insertTracker(r.workbook, { pack: revised, agency: WARD, now: NOW, confirm: yes })).ok).toBe(true);
    r.fake.resetCounters();
    const read = await summariseWithPlan(r.workbook, { picked: null, carried: null, bundled: pack }, NOW.getTime());
    expect(read.carried).toEqual(revised);
    const first = read.result.ok ? read.result.summary.tasks.find((x) => x.task.id === '1') : undefined;
    expect(first?.task.deadlineText).toBe('trước ngày 31/12/2026');
    expect(r.fake.syncCount).toBe(1);
  });

  it('a picked plan wins over the one the workbook carries', async () => {
    const { workbook } = await workbook2027();
    let state = initialState('vi', NOW.getTime(), { statisticsYear: pack.statisticsYear });
    state = reduce(state, { type: 'carried', pack: plan2027() });
    state = reduce(state, { type: 'plan', pack, file: 'ke-hoach-2026.json' });
    const read = await summariseWithPlan(workbook, { picked: state.plan?.pack ?? null, carried: state.carried, bundled: pack }, NOW.getTime());
    expect(read.result.ok).toBe(false); // read with the picked plan's tracker sheet, not the carried one's
    expect(activePlan(state, pack)).toBe(pack);
    await insertTracker(workbook, { pack: activePlan(state, pack), agency: WARD, now: NOW, confirm: yes });
    expect(await storedPlan(workbook)).toEqual(pack);
  });

  it('a workbook without a plan sheet is read with the bundled plan', async () => {
    const { workbook } = rig();
    await insertTracker(workbook, { pack, agency: WARD, now: NOW, confirm: yes });
    const read = await summariseWithPlan(workbook, { picked: null, carried: plan2027(), bundled: pack }, NOW.getTime());
    expect(read.carried).toBe(pack); // same content as the bundled plan: the bundled object itself
    expect(read.result.ok).toBe(true);
  });
});

describe('"Làm mới hạn" refreshes with the plan the workbook carries', () => {
  it('a 2027 workbook refreshed by a 2026 add-in keeps its 2027 plan and deadlines', async () => {
    const { fake, workbook } = await workbook2027();
    const outcome = await refreshOverdue({ port: workbook, pack, roster, now: NOW, recalculate: async () => undefined });
    expect(outcome).toBe('refreshed');
    expect(await storedPlan(workbook)).toEqual(plan2027());
    expect(await deadlineOf(workbook, plan2027().trackerSheetName, '1')).toBe('Tháng 02/2027');
    expect(fake.sheet(pack.trackerSheetName)).toBeUndefined();
  });
});
