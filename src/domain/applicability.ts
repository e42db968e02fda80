/**
 * Who a task applies to (domain.md §2): its lead, its coordinating bodies, and roster flags.
 */
import type { Audience, PlanTask } from './plan-pack';
import type { RosterEntry } from './roster';

export type TaskRole = 'lead' | 'coordinating';

function inAudience(audience: readonly Audience[], agency: RosterEntry): boolean {
  const code = agency.code.toUpperCase();
  return audience.some((a) => {
    switch (a.type) {
      case 'all':
        return true;
      case 'bodies':
        return a.codes.some((c) => c.toUpperCase() === code);
      case 'flag':
        return agency[a.flag];
      case 'kinds':
        return a.kinds.includes(agency.kind);
    }
  });
}

/** The agency's role in the task, or null when the task does not apply to it. Leading wins over coordinating. */
export function roleOf(task: Pick<PlanTask, 'lead' | 'coordinating'>, agency: RosterEntry): TaskRole | null {
  if (inAudience(task.lead, agency)) return 'lead';
  if (inAudience(task.coordinating, agency)) return 'coordinating';
  return null;
}
