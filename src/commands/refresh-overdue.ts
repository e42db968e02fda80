/**
 * The ribbon's "Làm mới hạn" command, without Office: re-insert the tracker for the workbook's stamped agency
 * (keeping every entry), then recalculate so =TODAY() and the due-state formulas are current.
 * A function command cannot ask the user anything, so every question is answered "no": nothing is overwritten.
 * It can show what happened, though: anything but a clean refresh, and every failure, is told in a message (commands.ts
 * shows it in a dialog), and the event is completed on every path, after the message was closed.
 */
import { insertTracker } from '../app/insert-tracker';
import type { WorkbookPort } from '../app/workbook-port';
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';
import { findAgency } from '../domain/roster-lookup';
import { summariseWithPlan } from '../taskpane/plan-carry';
import { errorNotice } from '../taskpane/view-model';

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
  const { port, roster, now } = deps;
  // The plan the workbook carries, when it carries a valid one, is the one it is refreshed with; else `deps.pack`.
  const { result: read, carried } = await summariseWithPlan(port, { picked: null, carried: null, bundled: deps.pack }, now.getTime());
  const pack = carried ?? deps.pack;
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

/** Shows a message (title, text) and resolves once the user has closed it, or at once when it cannot be shown. */
export type ShowMessage = (title: string, text: string) => Promise<void>;

/** What the user is told after the command: nothing after a clean refresh. */
export function outcomeMessage(lang: Lang, outcome: RefreshOverdueOutcome): string | null {
  switch (outcome) {
    case 'refreshed':
      return null;
    case 'no-tracker':
      return t(lang, 'pane.command.noTracker');
    case 'declined':
      return t(lang, 'pane.command.declined');
    case 'unknown-agency':
      return t(lang, 'pane.command.unknownAgency');
  }
}

/** What the user is told after a failure: that it failed, and what the error means (never a stack trace). */
export function failureMessage(lang: Lang, error: unknown): string {
  return [t(lang, 'pane.command.failed'), ...errorNotice(error).lines.map((line) => line(lang))].join(' ');
}

/**
 * Runs the command and tells the user what happened; never rejects. `makeDeps` is called inside, so a pack that does
 * not load is a failure told like any other.
 */
export async function runRefreshCommand(lang: Lang, show: ShowMessage, makeDeps: () => RefreshOverdueDeps): Promise<RefreshOverdueOutcome | 'failed'> {
  let outcome: RefreshOverdueOutcome | 'failed';
  let message: string | null;
  try {
    outcome = await refreshOverdue(makeDeps());
    message = outcomeMessage(lang, outcome);
  } catch (error) {
    outcome = 'failed';
    message = failureMessage(lang, error);
  }
  if (message !== null) {
    try {
      await show(t(lang, 'pane.command.title'), message);
    } catch {
      // The message could not be shown; the event is completed all the same.
    }
  }
  return outcome;
}

/** The function command's handler: runs the command, then calls `event.completed()` whatever happened. */
export async function handleRefreshCommand(
  event: { completed(): void } | undefined,
  lang: () => Lang,
  show: ShowMessage,
  makeDeps: () => RefreshOverdueDeps,
): Promise<void> {
  try {
    await runRefreshCommand(lang(), show, makeDeps);
  } finally {
    event?.completed();
  }
}
