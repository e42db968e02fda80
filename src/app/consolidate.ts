/**
 * Use case (Sở Nội vụ): consolidate the workbooks returned by agencies — who submitted, who is missing or late, the
 * state of every task across the province, province totals of the report forms, and every problem found.
 *
 * Files are read one at a time and reduced at once to the few facts consolidation needs, so memory stays flat
 * whatever the number of files. One bad file never stops the batch.
 */
import { type Day, dayFromUtcDate, VIETNAM_UTC_OFFSET_MINUTES } from '../domain/calendar';
import type { DueState } from '../domain/due-state';
import type { PlanPack } from '../domain/plan-pack';
import { taskDeadline } from '../domain/plan-pack';
import { findAgency, findAgencyByName, type Roster, type RosterEntry } from '../domain/roster';
import type { Issue } from '../domain/validation/issue';
import { t, type Lang } from '../domain/i18n';
import { planRows, type PlanRow, type TaskProgress } from './plan-status';
import { roleOf } from '../domain/applicability';
import { sheetsToRead, validateSnapshot, type FormsCheck, type ValidateOptions, type WorkbookReport } from './validate-workbook';
import type { WorkbookPort, WorkbookSnapshot } from './workbook-port';
import { entryProgress, readTracker, trackerVocabulary } from '../workbook/tracker';
import { DEFAULT_DUE_SOON_WINDOW } from '../domain/due-state';
import type { Grid } from '../workbook/grid';

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
}

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
}

export interface RejectedFile {
  readonly file: string;
  readonly reasons: readonly string[];
  readonly issues: readonly Issue[];
}

export interface SubmissionRow {
  readonly agency: RosterEntry;
  readonly accepted: AcceptedFile | null;
  /** Days after the deadline (0 or less: on time); null when not submitted or no date is known. */
  readonly daysLate: number | null;
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
  readonly replaced: readonly { readonly file: string; readonly by: string; readonly agency: RosterEntry }[];
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

function dayOfInstant(iso: string | undefined): Day | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  return dayFromUtcDate(new Date(ms + VIETNAM_UTC_OFFSET_MINUTES * 60_000));
}

function newer(a: AcceptedFile, b: AcceptedFile): boolean {
  const ta = a.generatedAt ? Date.parse(a.generatedAt) : -Infinity;
  const tb = b.generatedAt ? Date.parse(b.generatedAt) : -Infinity;
  return ta > tb;
}

function progressFrom(grid: Grid | null, pack: PlanPack): Map<string, TaskProgress> {
  const tracker = grid ? readTracker(grid, trackerVocabulary(pack)) : null;
  return new Map([...(tracker?.entries.values() ?? [])].map((e) => [e.taskId, entryProgress(e)]));
}

export async function consolidate(req: ConsolidateRequest): Promise<Consolidation> {
  const { planPack, roster } = req;
  const lang = req.lang ?? 'vi';
  const year = req.year ?? planPack.statisticsYear;
  const settings = { asOf: req.asOf, window: req.window ?? DEFAULT_DUE_SOON_WINDOW, inclusiveBefore: req.inclusiveBefore ?? false };
  const validateOptions: ValidateOptions = {
    planPack,
    knownPacks: req.knownPacks,
    expectedYear: year,
    forms: req.forms,
    nowMs: undefined,
  };
  const reportTask = planPack.tasks.find((t) => t.id === planPack.reportDeadlineTaskId);
  const reportDeadline = reportTask ? taskDeadline(reportTask, { inclusiveBefore: settings.inclusiveBefore }) : null;
  const deadline = reportDeadline?.ok ? reportDeadline.deadline.due : null;

  const accepted = new Map<string, AcceptedFile>();
  const replaced: { file: string; by: string; agency: RosterEntry }[] = [];
  const rejected: RejectedFile[] = [];
  const problems: { file: string; agency: RosterEntry | null; issue: Issue }[] = [];
  let cancelled = false;

  for (let i = 0; i < req.files.length; i++) {
    if (req.signal?.aborted) {
      cancelled = true;
      break;
    }
    const input = req.files[i]!;
    req.onProgress?.(i, req.files.length, input.name);
    const reject = (reasons: string[], issues: Issue[] = []) => {
      rejected.push({ file: input.name, reasons, issues });
      for (const issue of issues) problems.push({ file: input.name, agency: null, issue });
    };
    let bytes: Uint8Array;
    try {
      bytes = await input.read();
    } catch {
      reject([t(lang, 'consolidate.reason.unreadable')]);
      continue;
    }
    const opened = await req.open(bytes);
    if (!opened.ok) {
      reject([opened.reason]);
      continue;
    }
    let snapshot: WorkbookSnapshot;
    try {
      snapshot = await opened.port.read(sheetsToRead(validateOptions));
    } catch {
      reject([t(lang, 'consolidate.reason.corrupt')]);
      continue;
    }
    const report = validateSnapshot(snapshot, { ...validateOptions, requireTracker: false });
    const reasons: string[] = [];
    if (report.issues.some((x) => x.rule === 'not-product-workbook')) {
      reasons.push(t(lang, 'consolidate.reason.notProduct'));
    }
    let agency: RosterEntry | undefined;
    if (report.agency) {
      agency = report.agency.code ? findAgency(roster, report.agency.code) : undefined;
      agency ??= findAgencyByName(roster, report.agency.name);
      if (!agency) {
        reasons.push(t(lang, 'consolidate.reason.unknownAgency', { name: report.agency.name, code: report.agency.code ?? '' }));
      }
    } else if (reasons.length === 0) {
      reasons.push(t(lang, 'consolidate.reason.noAgency'));
    }
    const reportingYear = report.identity?.reportingYear ?? null;
    if (reportingYear !== null && reportingYear !== year) {
      reasons.push(t(lang, 'consolidate.reason.otherYear', { found: reportingYear, expected: year }));
    }
    const unknownPack = report.issues.find((x) => x.rule === 'pack-unknown');
    if (unknownPack) {
      reasons.push(t(lang, 'consolidate.reason.unknownPack', { pack: String(unknownPack.params['pack'] ?? ''), version: String(unknownPack.params['version'] ?? '') }));
    }
    if (reasons.length > 0 || !agency) {
      reject(reasons, report.issues.filter((x) => x.rule !== 'pack-unknown' && x.rule !== 'not-product-workbook'));
      continue;
    }
    const progress = progressFrom(snapshot.grids.get(planPack.trackerSheetName) ?? null, planPack);
    const tasks = planRows(planPack, settings, agency, (id) => progress.get(id) ?? { status: null });
    const figures = req.forms ? req.forms.extract(snapshot.grids) : new Map();
    const file: AcceptedFile = {
      file: input.name,
      agency,
      generatedAt: report.identity?.generatedAt ?? null,
      generatedDay: dayOfInstant(report.identity?.generatedAt),
      reportingYear,
      report,
      tasks,
      statuses: new Map([...progress].map(([id, p]) => [id, (p.status ?? '').trim()])),
      figures,
      inTotals: report.errors === 0 && (report.warnings === 0 || req.admitWarnings === true),
    };
    const key = agency.code.toUpperCase();
    const previous = accepted.get(key);
    if (previous) {
      const [keep, drop] = newer(file, previous) ? [file, previous] : [previous, file];
      accepted.set(key, keep);
      replaced.push({ file: drop.file, by: keep.file, agency });
    } else accepted.set(key, file);
  }
  req.onProgress?.(cancelled ? rejected.length + accepted.size : req.files.length, req.files.length, '');

  const keptFiles = [...accepted.values()];
  for (const a of keptFiles) for (const issue of a.report.issues) problems.push({ file: a.file, agency: a.agency, issue });

  const submissions: SubmissionRow[] = roster.entries.map((agency) => {
    const a = accepted.get(agency.code.toUpperCase()) ?? null;
    const daysLate = a && a.generatedDay !== null && deadline !== null ? a.generatedDay - deadline : null;
    return { agency, accepted: a, daysLate };
  });

  const overdue: OverdueItem[] = [];
  for (const a of keptFiles) {
    for (const row of a.tasks) {
      if (row.due?.state === 'overdue') overdue.push({ agency: a.agency, row, daysOverdue: row.due.days ?? 0 });
    }
  }
  overdue.sort((x, y) => y.daysOverdue - x.daysOverdue || x.agency.code.localeCompare(y.agency.code) || 0);

  const totals = new Map<string, Map<string, number>>();
  for (const a of keptFiles.filter((x) => x.inTotals)) {
    for (const [form, cells] of a.figures) {
      const t = totals.get(form) ?? new Map<string, number>();
      for (const [key, value] of cells) t.set(key, roundSum((t.get(key) ?? 0) + value));
      totals.set(form, t);
    }
  }
  return {
    asOf: req.asOf, year, deadline, roster, submissions, accepted: keptFiles, replaced, rejected, overdue, totals, problems, cancelled,
    applies: (taskId, agency) => {
      const task = planPack.tasks.find((t) => t.id === taskId);
      return task !== undefined && roleOf(task, agency) !== null;
    },
  };
}

/** Sums of decimals (mét giá, m², triệu đồng) without binary noise: 0.1 + 0.2 = 0.3. */
function roundSum(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Submitted after the report's deadline (a file whose date is unknown is not counted late). */
export function isLate(s: SubmissionRow): boolean {
  return s.accepted !== null && s.daysLate !== null && s.daysLate > 0;
}

export function lateSubmissions(c: Consolidation): SubmissionRow[] {
  return c.submissions.filter(isLate);
}

export function lateCodes(c: Consolidation): string[] {
  return lateSubmissions(c).map((s) => s.agency.code);
}

export function missingCodes(c: Consolidation): string[] {
  return c.submissions.filter((s) => !s.accepted).map((s) => s.agency.code);
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

