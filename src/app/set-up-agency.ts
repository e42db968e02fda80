/**
 * Use case: a clerk's workbook set up in one step — the plan tracker and the report forms for one agency, composed of
 * insertTracker and insertForms. Whatever either would overwrite is asked once, together, before anything is written:
 * both first run on one read of every sheet they look at, with writing refused, to gather their questions.
 */
import type { FormPack } from '../domain/form-pack';
import type { Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { RosterEntry } from '../domain/roster';
import { IDENTITY_SHEET } from '../workbook/identity';
import { insertForms, type InsertFormsResult } from './insert-forms';
import { insertTracker, type InsertTrackerResult } from './insert-tracker';
import type { Confirm, WorkbookPort, WorkbookSnapshot } from './workbook-port';

export interface SetUpAgencyRequest {
  readonly planPack: PlanPack;
  readonly formPack: FormPack;
  readonly agency: RosterEntry;
  /** The forms' reporting year. */
  readonly year: number;
  readonly now: Date;
  /** Asked at most once, with every question of both steps. */
  readonly confirm: Confirm;
  readonly lang?: Lang;
  /** Called after each write with what the host skipped (features it lacks), for the notices. */
  readonly afterWrite?: (step: 'tracker' | 'forms') => void;
}

type TrackerInserted = Extract<InsertTrackerResult, { ok: true }>;

export type SetUpAgencyResult =
  | { readonly ok: true; readonly tracker: TrackerInserted; readonly forms: Extract<InsertFormsResult, { ok: true }> }
  | { readonly ok: false; readonly reason: 'cancelled'; readonly question: string }
  /** The workbook changed after the question: the tracker is in, a new question about the forms was answered "no". */
  | { readonly ok: false; readonly reason: 'forms-cancelled'; readonly tracker: TrackerInserted; readonly question: string };

/** Thrown by the gathering port's write: the dry run stops there, nothing written. */
class NotWritten extends Error {}

/** A port answering reads from `snapshot` (the sheets it holds) and refusing to write. */
function gatheringPort(snapshot: WorkbookSnapshot): WorkbookPort {
  return {
    read: async (names) => ({ sheetNames: snapshot.sheetNames, grids: new Map(names.map((n) => [n, snapshot.grids.get(n) ?? null])) }),
    write: async () => {
      throw new NotWritten();
    },
  };
}

/** `port`, whose next read is answered from `snapshot` (nothing changed since it was read). */
function firstReadFrom(port: WorkbookPort, snapshot: WorkbookSnapshot): WorkbookPort {
  let used = false;
  return {
    read: (names) => {
      if (used || !names.every((n) => snapshot.grids.has(n))) return port.read(names);
      used = true;
      return gatheringPort(snapshot).read(names);
    },
    write: (specs, options) => port.write(specs, options),
  };
}

async function gather(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (e) {
    if (!(e instanceof NotWritten)) throw e;
  }
}

export async function setUpAgency(port: WorkbookPort, req: SetUpAgencyRequest): Promise<SetUpAgencyResult> {
  const { planPack, formPack, agency, year, now, lang } = req;
  const codes = formPack.forms.map((f) => f.code);
  const snapshot = await port.read([planPack.trackerSheetName, IDENTITY_SHEET, ...codes]);

  const questions: string[] = [];
  const note: Confirm = async (q) => {
    if (!questions.includes(q)) questions.push(q);
    return true;
  };
  const plan = { id: planPack.id, version: planPack.version };
  const dry = gatheringPort(snapshot);
  await gather(() => insertTracker(dry, { pack: planPack, agency, now, confirm: note, lang }));
  await gather(() => insertForms(dry, { pack: formPack, codes, agency, year, plan, now, confirm: note, lang }));
  if (questions.length > 0 && !(await req.confirm(questions.join('\n\n')))) {
    return { ok: false, reason: 'cancelled', question: questions.join('\n\n') };
  }
  // What was agreed to is not asked again; anything new (the workbook changed meanwhile) is.
  const confirm: Confirm = async (q) => questions.includes(q) || req.confirm(q);

  // Nothing was asked, so nothing waited: the tracker's read is the one just made.
  const trackerPort = questions.length === 0 ? firstReadFrom(port, snapshot) : port;
  const tracker = await insertTracker(trackerPort, { pack: planPack, agency, now, confirm, lang });
  if (!tracker.ok) return tracker;
  req.afterWrite?.('tracker');
  const forms = await insertForms(port, { pack: formPack, codes, agency, year, plan, now, confirm, lang });
  if (!forms.ok) {
    // Only a question answered "no" stops it here (the codes are the pack's own).
    return { ok: false, reason: 'forms-cancelled', tracker, question: forms.reason === 'cancelled' ? forms.question : '' };
  }
  req.afterWrite?.('forms');
  return { ok: true, tracker, forms };
}
