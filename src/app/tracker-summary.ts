/**
 * Use case: what is overdue in the workbook's tracker — counts per due state and the tasks to look at first.
 * Computed by the domain rule from the user's entries, so it agrees with the sheet's formulas.
 */
import { type Day, todayInVietnam } from '../domain/calendar';
import { computeDueState, DEFAULT_DUE_SOON_WINDOW, DUE_STATES, type DueResult, type DueState } from '../domain/due-state';
import type { PlanPack, PlanTask } from '../domain/plan-pack';
import { taskDeadline } from '../domain/task-deadline';
import { IDENTITY_SHEET, type Identity } from '../workbook/identity';
import { TRACKER_COL, entryProgress, fixedAsOf, readTracker, trackerAsOf, trackerVocabulary, trackerWindow, type TrackerRead } from '../workbook/tracker';
import { cellRef } from '../workbook/a1';
import type { Grid } from '../workbook/grid';
import type { WorkbookPort } from './workbook-port';
import { stampIn } from './workbook-stamp';

export interface SummaryTask {
  readonly task: PlanTask;
  readonly row: number;
  /** The task's row in the sheet, e.g. "A12:M12", to select it. */
  readonly range: string;
  readonly due: DueResult;
  readonly dueDate: Day | null;
}

export interface TrackerSummary {
  readonly sheetName: string;
  readonly identity: Identity | null;
  readonly asOf: Day;
  readonly asOfFixed: boolean;
  readonly window: number;
  readonly inclusiveBefore: boolean;
  readonly counts: Readonly<Record<DueState, number>>;
  readonly tasks: readonly SummaryTask[];
  /** Overdue first (most days first), then due soon (fewest days left first). */
  readonly attention: readonly SummaryTask[];
}

export type SummaryResult = { readonly ok: true; readonly summary: TrackerSummary } | { readonly ok: false; readonly reason: 'no-tracker' };

export async function summariseTracker(port: WorkbookPort, pack: PlanPack, nowMs: number = Date.now()): Promise<SummaryResult> {
  const snapshot = await port.read([pack.trackerSheetName, IDENTITY_SHEET]);
  return summariseGrids(snapshot.grids, pack, nowMs);
}

/** What a tracker's states are measured with, as it and the identity stamp say: its as-of date, window and day rule. */
export interface TrackerSettings {
  readonly identity: Identity | null;
  readonly inclusiveBefore: boolean;
  readonly asOf: Day;
  /** The as-of date is a date typed in, not the =TODAY() the tracker is made with. */
  readonly asOfFixed: boolean;
  readonly window: number;
}

/** The settings of a tracker already read; `grids` holds the identity stamp. */
export function trackerSettings(tracker: TrackerRead, grids: ReadonlyMap<string, Grid | null>, nowMs: number = Date.now()): TrackerSettings {
  const identity = stampIn(grids);
  return {
    identity,
    inclusiveBefore: identity?.inclusiveBefore === 'true',
    asOf: trackerAsOf(tracker, todayInVietnam(nowMs)),
    asOfFixed: fixedAsOf(tracker) !== null,
    window: trackerWindow(tracker) ?? DEFAULT_DUE_SOON_WINDOW,
  };
}

/** The summary from sheets already read: the plan's tracker sheet and the identity stamp (no round trip). */
export function summariseGrids(grids: ReadonlyMap<string, Grid | null>, pack: PlanPack, nowMs: number = Date.now()): SummaryResult {
  const sheetName = pack.trackerSheetName;
  const grid = grids.get(sheetName) ?? null;
  const tracker = grid ? readTracker(grid, trackerVocabulary(pack)) : null;
  if (!grid || !tracker) return { ok: false, reason: 'no-tracker' };
  const { identity, inclusiveBefore, asOf, asOfFixed, window } = trackerSettings(tracker, grids, nowMs);

  const counts = Object.fromEntries(DUE_STATES.map((s) => [s, 0])) as Record<DueState, number>;
  const tasks: SummaryTask[] = [];
  const lastCol = Math.max(...Object.values(tracker.columns).filter((c): c is number => c !== undefined), TRACKER_COL.dueState);
  for (const entry of tracker.entries.values()) {
    const task = pack.tasks.find((t) => t.id === entry.taskId);
    if (!task) continue;
    const parsed = taskDeadline(task, { inclusiveBefore });
    if (!parsed.ok) continue;
    const due = computeDueState({
      deadline: parsed.deadline,
      asOf,
      window,
      ...entryProgress(entry),
    });
    counts[due.state]++;
    tasks.push({ task, row: entry.row, range: `${cellRef(entry.row, 1)}:${cellRef(entry.row, lastCol)}`, due, dueDate: parsed.deadline.due });
  }
  const attention = [
    ...tasks.filter((t) => t.due.state === 'overdue').sort((a, b) => (b.due.days ?? 0) - (a.due.days ?? 0)),
    ...tasks.filter((t) => t.due.state === 'due-soon').sort((a, b) => (a.due.days ?? 0) - (b.due.days ?? 0)),
  ];
  return {
    ok: true,
    summary: { sheetName, identity, asOf, asOfFixed, window, inclusiveBefore, counts, tasks, attention },
  };
}
