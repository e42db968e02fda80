/** A plan task's deadline, read from its phrase (kept apart from the plan pack's schema: no schema library needed). */
import { parseDeadline, type Deadline, type DeadlineOptions, DEFAULT_DEADLINE_OPTIONS } from './deadline';
import type { PlanTask } from './plan-pack';

/** The task's deadline; a task without a phrase is ongoing (recurring). Unreadable phrases stay unparsed. */
export function taskDeadline(
  task: Pick<PlanTask, 'deadlineText'>,
  options: DeadlineOptions = DEFAULT_DEADLINE_OPTIONS,
): { ok: true; deadline: Deadline } | { ok: false; text: string } {
  if (task.deadlineText.trim() === '') {
    return { ok: true, deadline: { kind: 'recurring', text: '', start: null, due: null } };
  }
  const parsed = parseDeadline(task.deadlineText, options);
  return parsed.ok ? parsed : { ok: false, text: parsed.text };
}
