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
    const parsed = taskDeadline(task, { inclusiveBefore: settings.inclusiveBefore });
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
