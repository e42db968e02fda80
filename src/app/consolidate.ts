/**
 * Use case (Sở Nội vụ): consolidate the workbooks returned by agencies — who submitted, who is missing or late, the
 * state of every task across the province, province totals of the report forms, and every problem found.
 *
 * Files are read one at a time and reduced at once to the few facts consolidation needs, so memory stays flat
 * whatever the number of files. One bad file never stops the batch.
 */
import type { Day } from '../domain/calendar';
import type { DueState } from '../domain/due-state';
import type { PlanPack } from '../domain/plan-pack';
import { taskDeadline } from '../domain/task-deadline';
import type { Roster, RosterEntry } from '../domain/roster';
import type { Issue } from '../domain/validation/issue';
import type { Lang } from '../domain/i18n';
import type { PlanRow } from './plan-status';
import { roleOf } from '../domain/applicability';
import type { FormsCheck, ValidateOptions, WorkbookReport } from './validate-workbook';
import type { WorkbookPort } from './workbook-port';
import { chooseResend } from './resend-order';
import { dayOfInstant, readOne, SharedFacts, type Context, type ReadOutcome } from './consolidate-read';
import { DEFAULT_DUE_SOON_WINDOW } from '../domain/due-state';
import type { Grid } from '../workbook/grid';
import { admitted, markEffect, type AdmitMark, type MarkOutcome } from './admission';
import type { RejectReason } from './reject-reason';

/** Agency codes in Vietnamese order whatever the machine's locale (one collator: localeCompare would look it up per call). */
const CODE_ORDER = new Intl.Collator('vi');

/** Form figures of one agency: form code → cell key ("01:2") → number. */
export type FormFigures = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** What consolidation needs of the report forms (provided by the forms feature). */
export interface FormsPart extends FormsCheck {
  extract(grids: ReadonlyMap<string, Grid | null>): FormFigures;
}

export interface InputFile {
  readonly name: string;
  /** When the file was last modified, ms since epoch (fs mtime in the CLI, File.lastModified in the pane). */
  readonly lastModified?: number;
  read(): Promise<Uint8Array>;
}

export type OpenResult =
  | {
      readonly ok: true;
      readonly port: WorkbookPort;
      /** When the workbook was last saved (ISO 8601 of dcterms:modified in docProps/core.xml), when the file says. */
      readonly savedAt?: string;
    }
  | { readonly ok: false; readonly reason: string };

export interface ConsolidateRequest {
  readonly files: readonly InputFile[];
  readonly planPack: PlanPack;
  readonly roster: Roster;
  readonly asOf: Day;
  readonly inclusiveBefore?: boolean;
  readonly window?: number;
  /** The statistics year expected in every file (default: the plan's statistics year). */
  readonly year?: number;
  /** Admit files that have warnings (but no errors) into the totals. */
  readonly admitWarnings?: boolean;
  readonly forms?: FormsPart;
  readonly knownPacks: ReadonlyMap<string, readonly string[]>;
  /** Opens a file's bytes as a workbook (the file host); never throws for a bad file. */
  open(bytes: Uint8Array): Promise<OpenResult>;
  readonly onProgress?: (done: number, total: number, file: string) => void;
  readonly signal?: AbortSignal;
  /** Language of the reasons given for files set aside. */
  readonly lang?: Lang;
  /** The day Sở Nội vụ received each agency's report, as it typed it ("Ngày nhận"), by agency code in upper case. */
  readonly received?: ReadonlyMap<string, Day>;
  /**
   * "Có" typed by Sở Nội vụ in "Cho tính vào tổng hợp", by agency code in upper case: that agency's file is counted
   * although it has warnings (never with errors), if it is still the file the mark was typed for (see admission.ts).
   */
  readonly admitMarks?: ReadonlyMap<string, AdmitMark>;
  /**
   * Reads the files elsewhere (the CLI's worker threads, several at once) instead of one at a time with `open`: one
   * outcome per file, in the order of `files`, each as readOne gives it. Stopping the iteration stops the reading.
   */
  readonly readFiles?: FilesReader;
}

/** Reads files as readOne does, possibly several at once; yields one outcome per file, in the files' order. */
export type FilesReader = (files: readonly InputFile[]) => AsyncIterable<ReadOutcome>;

/** What an agency wrote against a task besides its status: "Kết quả / Sản phẩm" and "Ghi chú" (empty when blank). */
export interface TaskNote {
  readonly result: string;
  readonly note: string;
}

/**
 * What the submission day of a file was taken from, first found first: "Ngày nhận" typed by Sở Nội vụ; the workbook's
 * last-saved time (dcterms:modified); the generation stamp (when the product inserted the tracker, which is never
 * after the sending). The file's modification time is not used: a downloaded attachment bears the day of download.
 */
export type DateBasis = 'received' | 'saved' | 'generated';

export interface AcceptedFile {
  readonly file: string;
  readonly agency: RosterEntry;
  readonly generatedAt: string | null;
  /** The calendar day (Vietnam) the file was generated; the submission date for on-time checks. */
  readonly generatedDay: Day | null;
  readonly reportingYear: number | null;
  readonly report: WorkbookReport;
  readonly tasks: readonly PlanRow[];
  /** The status each task shows in the file ("" when left blank). */
  readonly statuses: ReadonlyMap<string, string>;
  readonly figures: FormFigures;
  /** Counted in the totals (no errors; no warnings unless admitted). */
  readonly inTotals: boolean;
  /** Counted although it has warnings: by Sở Nội vụ's mark on its row, or by the global switch. */
  readonly admittedBy?: 'mark' | 'switch';
  /** Equal for two files that say the same (figures, statuses, notes): copies of one file are no conflict. */
  readonly fingerprint: string;
  /** When the workbook was last saved (ISO 8601), when the file records it. */
  readonly savedAt: string | null;
  /** The file's modification time (ms since epoch), when known. */
  readonly lastModified: number | null;
  /** task id → what the agency wrote in "Kết quả / Sản phẩm" and "Ghi chú" (tasks with either filled in). */
  readonly notes: ReadonlyMap<string, TaskNote>;
}

export interface RejectedFile {
  readonly file: string;
  /** The reasons in the consolidation's language (its sheet, the CLI). */
  readonly reasons: readonly string[];
  /** The same reasons as messages, for a reader in another language (the pane); absent: only `reasons` is known. */
  readonly why?: readonly RejectReason[];
  readonly issues: readonly Issue[];
  /** The plan the file was made from, when it is not the consolidation's plan (files are grouped by it). */
  readonly plan?: string;
}

export interface SubmissionRow {
  readonly agency: RosterEntry;
  /** The file that counts; null when none was sent, or when the newest files are in conflict. */
  readonly accepted: AcceptedFile | null;
  /** The agency's newest files when they cannot be told apart and differ (none counted until one is removed). */
  readonly conflict: readonly AcceptedFile[];
  /** The day the report counts as submitted, and what it was taken from; null when unknown or not submitted. */
  readonly submittedOn: Day | null;
  readonly basis: DateBasis | null;
  /** Days after the deadline (0 or less: on time); null when not submitted or no date is known. */
  readonly daysLate: number | null;
  /** What Sở Nội vụ's "Có" in "Cho tính vào tổng hợp" did, when there is one on the row. */
  readonly mark: MarkOutcome | null;
}

export interface Conflict {
  readonly agency: RosterEntry;
  readonly files: readonly AcceptedFile[];
}

export interface OverdueItem {
  readonly agency: RosterEntry;
  readonly row: PlanRow;
  readonly daysOverdue: number;
}

export interface Consolidation {
  readonly asOf: Day;
  readonly year: number;
  readonly deadline: Day | null;
  readonly roster: Roster;
  readonly submissions: readonly SubmissionRow[];
  readonly accepted: readonly AcceptedFile[];
  /** Older files of an agency set aside for a newer one ("by": the file kept, or the files in conflict). */
  readonly replaced: readonly { readonly file: string; readonly by: string; readonly agency: RosterEntry }[];
  /** Agencies whose newest files are in conflict: listed for Sở Nội vụ to keep one; none of them in the totals. */
  readonly conflicts: readonly Conflict[];
  readonly rejected: readonly RejectedFile[];
  readonly overdue: readonly OverdueItem[];
  /** form code → cell key → total over the files in the totals. */
  readonly totals: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Every problem, with its file. */
  readonly problems: readonly { readonly file: string; readonly agency: RosterEntry | null; readonly issue: Issue }[];
  readonly cancelled: boolean;
  /** Whether a task applies to an agency (its lead or coordinating role). */
  applies(taskId: string, agency: RosterEntry): boolean;
}

/** The day an agency's report counts as submitted: "Ngày nhận" typed, else when the file was last saved, … */
function submissionDay(file: AcceptedFile, received: Day | undefined): { day: Day | null; basis: DateBasis | null } {
  if (received !== undefined) return { day: received, basis: 'received' };
  const saved = dayOfInstant(file.savedAt);
  if (saved !== null) return { day: saved, basis: 'saved' };
  if (file.generatedDay !== null) return { day: file.generatedDay, basis: 'generated' };
  return { day: null, basis: null };
}

/** What reading one file needs (readOne), from the request: the same here and in a worker thread. */
export function readingContext(req: ConsolidateRequest): Context {
  const lang = req.lang ?? 'vi';
  const year = req.year ?? req.planPack.statisticsYear;
  const settings = { asOf: req.asOf, window: req.window ?? DEFAULT_DUE_SOON_WINDOW, inclusiveBefore: req.inclusiveBefore ?? false };
  // A file whose "Ngày đối chiếu" has no value (=TODAY() that Excel never calculated) is checked as of the
  // consolidation's own date, not the machine's clock: the same files and --as-of give the same result any day.
  const validateOptions: ValidateOptions = { planPack: req.planPack, knownPacks: req.knownPacks, expectedYear: year, forms: req.forms, asOf: req.asOf };
  return { req, lang, year, settings, validateOptions };
}

export async function consolidate(req: ConsolidateRequest): Promise<Consolidation> {
  const { planPack, roster } = req;
  const ctx = readingContext(req);
  const { year, settings } = ctx;
  const reportTask = planPack.tasks.find((t) => t.id === planPack.reportDeadlineTaskId);
  const reportDeadline = reportTask ? taskDeadline(reportTask, { inclusiveBefore: settings.inclusiveBefore }) : null;
  const deadline = reportDeadline?.ok ? reportDeadline.deadline.due : null;

  // Per agency, only the newest files are kept in memory; older ones are set aside at once (named at the end).
  const byAgency = new Map<string, { newest: readonly AcceptedFile[]; older: AcceptedFile['file'][] }>();
  const rejected: RejectedFile[] = [];
  const problems: { file: string; agency: RosterEntry | null; issue: Issue }[] = [];
  let cancelled = false;
  let read = 0;
  const shared = new SharedFacts(planPack, roster);
  const elsewhere = req.readFiles ? req.readFiles(req.files)[Symbol.asyncIterator]() : null;
  for (let i = 0; i < req.files.length; i++) {
    if (req.signal?.aborted) {
      cancelled = true;
      break;
    }
    const input = req.files[i]!;
    req.onProgress?.(i, req.files.length, input.name);
    const outcome = elsewhere ? await nextOutcome(elsewhere, input) : await readOne(input, ctx);
    read++;
    if (!outcome.ok) {
      rejected.push(outcome.rejected);
      for (const issue of outcome.rejected.issues) problems.push({ file: input.name, agency: null, issue });
      continue;
    }
    const file = shared.file(outcome.file);
    const key = file.agency.code.toUpperCase();
    const seen = byAgency.get(key) ?? { newest: [], older: [] };
    const choice = chooseResend([...seen.newest, file]);
    // A copy of the kept file goes with the older ones: the kept file stands for it in any later comparison.
    byAgency.set(key, {
      newest: choice.kind === 'one' ? [choice.keep] : choice.files,
      older: [...seen.older, ...choice.replaced.map((f) => f.file)],
    });
  }
  await elsewhere?.return?.();
  req.onProgress?.(cancelled ? read : req.files.length, req.files.length, '');

  const accepted = new Map<string, AcceptedFile>();
  const conflicts = new Map<string, Conflict>();
  const replaced: { file: string; by: string; agency: RosterEntry }[] = [];
  for (const [key, { newest, older }] of byAgency) {
    const choice = chooseResend(newest);
    const by = choice.kind === 'one' ? choice.keep.file : choice.files.map((f) => f.file).join(', ');
    const agency = newest[0]!.agency;
    for (const file of [...older, ...choice.replaced.map((f) => f.file)]) replaced.push({ file, by, agency });
    if (choice.kind === 'one') accepted.set(key, choice.keep);
    else conflicts.set(key, { agency: choice.files[0]!.agency, files: choice.files });
  }
  const marks = new Map<string, MarkOutcome>();
  for (const [key, mark] of req.admitMarks ?? []) {
    marks.set(key, { cell: mark.cell, effect: markEffect(mark, accepted.get(key) ?? null, conflicts.get(key)?.files ?? []) });
  }
  for (const [key, file] of accepted) accepted.set(key, admitted(file, marks.get(key)?.effect ?? null));

  const keptFiles = [...accepted.values()];
  const inConflict = [...conflicts.values()].flatMap((c) => c.files);
  for (const a of [...keptFiles, ...inConflict]) for (const issue of a.report.issues) problems.push({ file: a.file, agency: a.agency, issue });

  const submissions: SubmissionRow[] = roster.entries.map((agency) => {
    const key = agency.code.toUpperCase();
    const a = accepted.get(key) ?? null;
    const conflict = conflicts.get(key)?.files ?? [];
    const representative = a ?? conflict[0] ?? null;
    const { day, basis } = representative ? submissionDay(representative, req.received?.get(key)) : { day: null, basis: null };
    const daysLate = day !== null && deadline !== null ? day - deadline : null;
    return { agency, accepted: a, conflict, submittedOn: day, basis, daysLate, mark: marks.get(key) ?? null };
  });

  const overdue: OverdueItem[] = [];
  for (const a of keptFiles) {
    for (const row of a.tasks) {
      if (row.due?.state === 'overdue') overdue.push({ agency: a.agency, row, daysOverdue: row.due.days ?? 0 });
    }
  }
  overdue.sort((x, y) => y.daysOverdue - x.daysOverdue || CODE_ORDER.compare(x.agency.code, y.agency.code));

  const totals = new Map<string, Map<string, number>>();
  for (const a of keptFiles.filter((x) => x.inTotals)) {
    for (const [form, cells] of a.figures) {
      const t = totals.get(form) ?? new Map<string, number>();
      for (const [key, value] of cells) t.set(key, roundSum((t.get(key) ?? 0) + value));
      totals.set(form, t);
    }
  }
  return {
    asOf: req.asOf, year, deadline, roster, submissions, accepted: keptFiles, replaced, conflicts: [...conflicts.values()], rejected, overdue, totals,
    problems, cancelled,
    applies: (taskId, agency) => {
      const task = planPack.tasks.find((t) => t.id === taskId);
      return task !== undefined && roleOf(task, agency) !== null;
    },
  };
}

/** The next outcome of a FilesReader, which must give one per file. */
async function nextOutcome(outcomes: AsyncIterator<ReadOutcome>, input: InputFile): Promise<ReadOutcome> {
  const next = await outcomes.next();
  if (next.done === true) throw new Error(`the files reader gave no outcome for ${input.name}`);
  return next.value;
}

/** Sums of decimals (mét giá, m², triệu đồng) without binary noise: 0.1 + 0.2 = 0.3. */
function roundSum(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Sent something: a file that counts, or files in conflict (the agency is not chased as missing). */
export function hasSubmitted(s: SubmissionRow): boolean {
  return s.accepted !== null || s.conflict.length > 0;
}

/**
 * Submitted after the report's deadline, judged by the day received ("Ngày nhận" typed by Sở Nội vụ), else the day
 * the file was last saved (see submissionDay). A file whose date is unknown is not counted late.
 */
export function isLate(s: SubmissionRow): boolean {
  return hasSubmitted(s) && s.daysLate !== null && s.daysLate > 0;
}

export function lateSubmissions(c: Consolidation): SubmissionRow[] {
  return c.submissions.filter(isLate);
}

/** The agencies of the roster that sent nothing (those chased as missing). */
export function missingSubmissions(c: Consolidation): SubmissionRow[] {
  return c.submissions.filter((s) => !hasSubmitted(s));
}

export function lateCodes(c: Consolidation): string[] {
  return lateSubmissions(c).map((s) => s.agency.code);
}

export function missingCodes(c: Consolidation): string[] {
  return missingSubmissions(c).map((s) => s.agency.code);
}

/** Counts of task states per task across the agencies it applies to (for the progress sheet). */
export function taskCounts(c: Consolidation, pack: PlanPack): Map<string, Record<DueState | 'not-reported', number>> {
  const out = new Map<string, Record<DueState | 'not-reported', number>>();
  const blank = (): Record<DueState | 'not-reported', number> => ({
    'overdue': 0, 'due-soon': 0, 'on-track': 0, 'not-open': 0, 'recurring': 0, 'done-on-time': 0, 'done-late': 0,
    'not-applicable': 0, 'not-reported': 0,
  });
  for (const s of c.submissions) {
    const a = s.accepted;
    if (!a) {
      // A missing agency has reported none of the tasks that apply to it.
      for (const task of pack.tasks) {
        if (roleOf(task, s.agency) === null) continue;
        const counts = out.get(task.id) ?? blank();
        counts['not-reported']++;
        out.set(task.id, counts);
      }
      continue;
    }
    for (const r of a.tasks) {
      const counts = out.get(r.task.id) ?? blank();
      if (r.due) counts[r.due.state]++;
      if ((a.statuses.get(r.task.id) ?? '') === '') counts['not-reported']++;
      out.set(r.task.id, counts);
    }
  }
  return out;
}

