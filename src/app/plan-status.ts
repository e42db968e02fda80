/**
 * Use case: the plan's tasks with their deadlines and due states for an as-of date, for one agency or for all.
 */
import { type Day, todayInVietnam } from '../domain/calendar';
import type { Deadline } from '../domain/deadline';
import { computeDueState, DEFAULT_DUE_SOON_WINDOW, type DueResult } from '../domain/due-state';
import type { PlanPack, PlanTask } from '../domain/plan-pack';
import { taskDeadline } from '../domain/task-deadline';
import type { RosterEntry } from '../domain/roster';
import { roleOf, type TaskRole } from '../domain/applicability';

export interface DueSettings {
  readonly asOf: Day;
  readonly window: number;
  readonly inclusiveBefore: boolean;
}

export function defaultDueSettings(nowMs: number = Date.now()): DueSettings {
  return { asOf: todayInVietnam(nowMs), window: DEFAULT_DUE_SOON_WINDOW, inclusiveBefore: false };
}

/** What an agency recorded against a task (from its tracker); absent when nothing is known. */
export interface TaskProgress {
  readonly status?: string | null;
  readonly completion?: Day | null;
  readonly note?: string | null;
}

export interface PlanRow {
  readonly task: PlanTask;
  /** The agency's role; null when listing for no particular agency. */
  readonly role: TaskRole | null;
  /** null when the phrase could not be read (reported, never guessed). */
  readonly deadline: Deadline | null;
  /** null for an unreadable phrase. */
  readonly due: DueResult | null;
}

/**
 * Deadlines read from their phrases, by rule and phrase: every file consolidated reads the same tasks' phrases, and a
 * phrase always reads the same way. Bounded (forgotten when full).
 */
let deadlines = new Map<string, ReturnType<typeof taskDeadline>>();

function deadlineOf(task: PlanTask, inclusiveBefore: boolean): ReturnType<typeof taskDeadline> {
  const key = `${inclusiveBefore ? 1 : 0}${task.deadlineText}`;
  let parsed = deadlines.get(key);
  if (!parsed) {
    parsed = taskDeadline(task, { inclusiveBefore });
    if (deadlines.size >= 2_000) deadlines = new Map();
    deadlines.set(key, parsed);
  }
  return parsed;
}

export function planRows(
  pack: PlanPack,
  settings: DueSettings,
  agency?: RosterEntry,
  progress: (taskId: string) => TaskProgress | undefined = () => undefined,
): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const task of pack.tasks) {
    const role = agency ? roleOf(task, agency) : null;
    if (agency && role === null) continue;
    const parsed = deadlineOf(task, settings.inclusiveBefore);
    const deadline = parsed.ok ? parsed.deadline : null;
    const p = progress(task.id);
    const due = deadline
      ? computeDueState({
          deadline,
          asOf: settings.asOf,
          window: settings.window,
          status: p?.status ?? null,
          completion: p?.completion ?? null,
          note: p?.note ?? null,
        })
      : null;
    rows.push({ task, role, deadline, due });
  }
  return rows;
}
