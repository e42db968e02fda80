/**
 * The ribbon's "Làm mới hạn" command, without Office: re-insert the tracker for the workbook's stamped agency
 * (keeping every entry), then recalculate so =TODAY() and the due-state formulas are current.
 * A function command cannot ask the user anything, so every question is answered "no": nothing is overwritten.
 */
import { insertTracker } from '../app/insert-tracker';
import { summariseTracker } from '../app/tracker-summary';
import type { WorkbookPort } from '../app/workbook-port';
import type { PlanPack } from '../domain/plan-pack';
import { findAgency, type Roster } from '../domain/roster';

export interface RefreshOverdueDeps {
  readonly port: WorkbookPort;
  readonly pack: PlanPack;
  readonly roster: Roster;
  readonly now: Date;
  /** Full recalculation of the workbook. */
  readonly recalculate: () => Promise<void>;
}

export type RefreshOverdueOutcome =
  /** Re-inserted and recalculated. */
  | 'refreshed'
  /** No tracker in the workbook: nothing done. */
  | 'no-tracker'
  /** Re-inserting needed an answer (e.g. cells typed outside the table would be cleared): only recalculated. */
  | 'declined'
  /** The stamped agency is not in the roster: only recalculated. */
  | 'unknown-agency';

export async function refreshOverdue(deps: RefreshOverdueDeps): Promise<RefreshOverdueOutcome> {
  const { port, pack, roster, now } = deps;
  const read = await summariseTracker(port, pack, now.getTime());
  if (!read.ok) return 'no-tracker';
  const identity = read.summary.identity;
  const agency = identity ? findAgency(roster, identity.agencyCode) : undefined;
  let outcome: RefreshOverdueOutcome = 'unknown-agency';
  if (agency) {
    const result = await insertTracker(port, { pack, agency, now, confirm: async () => false });
    outcome = result.ok ? 'refreshed' : 'declined';
  }
  await deps.recalculate();
  return outcome;
}
