/**
 * Reading one returned file for consolidation: open it, check it, and reduce it at once to the few facts
 * consolidation needs (figures, statuses, notes, when it was saved). A bad file is set aside with its reasons.
 */
import { type Day, dayFromUtcDate, VIETNAM_UTC_OFFSET_MINUTES } from '../domain/calendar';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster, RosterEntry } from '../domain/roster';
import { findAgency } from '../domain/roster-lookup';
import { rosterEntryFor } from '../domain/roster-match';
import { UnreadableFile } from './unreadable-file';
import type { Issue } from '../domain/validation/issue';
import type { Lang } from '../domain/i18n';
import type { Grid } from '../workbook/grid';
import { entryProgress, readTracker, trackerVocabulary } from '../workbook/tracker';
import type { AcceptedFile, ConsolidateRequest, InputFile, RejectedFile, TaskNote } from './consolidate';
import { planRows, type PlanRow, type TaskProgress } from './plan-status';
import { sheetsToRead, validateSnapshot, type ValidateOptions } from './validate-workbook';
import { planAgainst } from './plan-against';
import { planName } from './plan-identity';
import { PLAN_SHEET } from '../workbook/plan-stamp';
import type { WorkbookSnapshot } from './workbook-port';
import { type RejectReason, reasonText } from './reject-reason';
import { countsByItself } from './admission';
import { fingerprint } from './file-key';

export function dayOfInstant(iso: string | null | undefined): Day | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  return dayFromUtcDate(new Date(ms + VIETNAM_UTC_OFFSET_MINUTES * 60_000));
}

function textOf(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** The tracker's entries: what the due-state rule needs, and the agency's result and note for each task. */
function trackerFacts(grid: Grid | null, pack: PlanPack): { progress: Map<string, TaskProgress>; notes: Map<string, TaskNote> } {
  const tracker = grid ? readTracker(grid, trackerVocabulary(pack)) : null;
  const entries = [...(tracker?.entries.values() ?? [])];
  const notes = new Map<string, TaskNote>();
  for (const e of entries) {
    const note = { result: textOf(e.values.result), note: textOf(e.values.note) };
    if (note.result !== '' || note.note !== '') notes.set(e.taskId, note);
  }
  return { progress: new Map(entries.map((e) => [e.taskId, entryProgress(e)])), notes };
}


/**
 * What every file's facts have in common, held once: the plan's tasks, the roster's entries, each task's deadline,
 * and the texts that recur (statuses, due labels, cell keys). Each file's check makes its own of these (and the texts
 * of sheets a worker thread opened come as copies); a thousand files would otherwise hold a thousand copies.
 */
export class SharedFacts {
  private readonly texts = new Map<string, string>();
  private readonly deadlines = new Map<string, NonNullable<PlanRow['deadline']>>();
  private readonly dues = new Map<string, NonNullable<PlanRow['due']>>();
  private readonly rows = new Map<string, PlanRow>();
  private readonly tasks: ReadonlyMap<string, PlanRow['task']>;

  constructor(
    pack: PlanPack,
    private readonly roster: Roster,
  ) {
    this.tasks = new Map(pack.tasks.map((t) => [t.id, t]));
  }

  private text(s: string): string {
    const held = this.texts.get(s);
    if (held !== undefined) return held;
    this.texts.set(s, s);
    return s;
  }

  private deadline(taskId: string, d: PlanRow['deadline']): PlanRow['deadline'] {
    if (d === null) return null;
    const held = this.deadlines.get(taskId);
    if (held !== undefined && sameDeadline(held, d)) return held;
    if (!held) this.deadlines.set(taskId, d);
    return d;
  }

  private row(r: PlanRow): PlanRow {
    const task = this.tasks.get(r.task.id) ?? r.task;
    const deadline = this.deadline(task.id, r.deadline);
    const due = r.due === null ? null : this.due(r.due);
    // Most agencies' rows for a task say the same (same role, deadline and due state): one row object for them all.
    if (task !== this.tasks.get(task.id) || (deadline !== null && deadline !== this.deadlines.get(task.id))) return { task, role: r.role, deadline, due };
    const key = `${task.id}\u0000${r.role ?? ''}\u0000${deadline === null ? 0 : 1}\u0000${due === null ? '' : dueKey(due)}`;
    const held = this.rows.get(key);
    if (held !== undefined && held.due === due) return held;
    const row: PlanRow = { task, role: r.role, deadline, due };
    if (held === undefined) this.rows.set(key, row);
    return row;
  }

  /** One due result object for all equal ones. */
  private due(d: NonNullable<PlanRow['due']>): NonNullable<PlanRow['due']> {
    const key = dueKey(d);
    const held = this.dues.get(key);
    if (held !== undefined) return held;
    const due = { ...d, label: this.text(d.label) };
    this.dues.set(key, due);
    return due;
  }

  private map<V>(m: ReadonlyMap<string, V>, value: (v: V) => V): Map<string, V> {
    return new Map([...m].map(([k, v]) => [this.text(k), value(v)]));
  }

  file(f: AcceptedFile): AcceptedFile {
    return {
      ...f,
      agency: findAgency(this.roster, f.agency.code) ?? f.agency,
      tasks: f.tasks.map((r) => this.row(r)),
      statuses: this.map(f.statuses, (v) => this.text(v)),
      figures: this.map(f.figures, (cells) => this.map(cells, (v) => v)),
      notes: this.map(f.notes, (v) => v),
    };
  }
}

/** A due result as a key: equal keys, equal results (state, days, days left, milestone, label; no other fields). */
function dueKey(d: NonNullable<PlanRow['due']>): string {
  const m = d.milestone;
  return `${d.state}\u0000${d.days ?? ''}\u0000${d.daysLeft ?? ''}\u0000${m ? `${m.date}/${m.daysLeft}/${Object.keys(m).length}` : ''}\u0000${d.label}\u0000${Object.keys(d).length}`;
}

/** Two deadlines that say the same: every field alike (a deadline is flat: kind, phrase, days, flags). */
function sameDeadline(a: NonNullable<PlanRow['deadline']>, b: NonNullable<PlanRow['deadline']>): boolean {
  if (a === b) return true;
  return a.kind === b.kind && a.text === b.text && a.start === b.start && a.due === b.due && a.named === b.named
    && a.inclusive === b.inclusive && a.yearlyMilestones === b.yearlyMilestones && Object.keys(a).length === Object.keys(b).length;
}

export interface Context {
  readonly req: ConsolidateRequest;
  readonly lang: Lang;
  readonly year: number;
  readonly settings: { asOf: Day; window: number; inclusiveBefore: boolean };
  readonly validateOptions: ValidateOptions;
}

export type ReadOutcome = { readonly ok: true; readonly file: AcceptedFile } | { readonly ok: false; readonly rejected: RejectedFile };

/** The sheets readOne reads of a workbook (a thread that opens files for it reads the same). */
export function readingSheets(ctx: Context): string[] {
  return [...sheetsToRead(ctx.validateOptions), PLAN_SHEET];
}

/** Reads one file and reduces it to what consolidation needs; a bad file is set aside with its reasons. */
export async function readOne(input: InputFile, ctx: Context): Promise<ReadOutcome> {
  const { req, lang, year, validateOptions } = ctx;
  // Each reason in the consolidation's language (its sheet), and as a message for readers in another (the pane).
  const reject = (why: RejectReason[], issues: Issue[] = []): ReadOutcome => ({
    ok: false,
    rejected: { file: input.name, reasons: why.map((r) => reasonText(lang, r)), why, issues },
  });
  let bytes: Uint8Array;
  try {
    bytes = await input.read();
  } catch (e) {
    return reject([e instanceof UnreadableFile ? { text: e.reason } : { key: 'consolidate.reason.unreadable' }]);
  }
  const opened = await req.open(bytes);
  if (!opened.ok) return reject([{ text: opened.reason }]);
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await opened.port.read(readingSheets(ctx));
  } catch {
    return reject([{ key: 'consolidate.reason.corrupt' }]);
  }
  const report = validateSnapshot(snapshot, { ...validateOptions, requireTracker: false });
  const reasons: RejectReason[] = [];
  if (report.issues.some((x) => x.rule === 'not-product-workbook')) reasons.push({ key: 'consolidate.reason.notProduct' });
  let agency: RosterEntry | undefined;
  if (report.agency) {
    agency = rosterEntryFor(req.roster, report.agency);
    if (!agency) reasons.push({ key: 'consolidate.reason.unknownAgency', params: { name: report.agency.name, code: report.agency.code ?? '' } });
  } else if (reasons.length === 0) {
    reasons.push({ key: 'consolidate.reason.noAgency' });
  }
  const reportingYear = report.identity?.reportingYear ?? null;
  if (reportingYear !== null && reportingYear !== year) reasons.push({ key: 'consolidate.reason.otherYear', params: { found: reportingYear, expected: year } });
  // A file made from another plan (or another version of it) is never added to this plan's totals.
  const otherPlan = await planAgainst(snapshot.grids, req.planPack);
  if (otherPlan) reasons.push({ key: 'consolidate.reason.otherPlan', params: { found: planName(otherPlan.other), expected: planName(req.planPack) } });
  const unknownPack = otherPlan ? undefined : report.issues.find((x) => x.rule === 'pack-unknown');
  if (unknownPack) {
    reasons.push({ key: 'consolidate.reason.unknownPack', params: { pack: String(unknownPack.params['pack'] ?? ''), version: String(unknownPack.params['version'] ?? '') } });
  }
  if (reasons.length > 0 || !agency) {
    const set = reject(reasons, report.issues.filter((x) => x.rule !== 'pack-unknown' && x.rule !== 'not-product-workbook'));
    return otherPlan && !set.ok ? { ok: false, rejected: { ...set.rejected, plan: planName(otherPlan.other) } } : set;
  }
  const { progress, notes } = trackerFacts(snapshot.grids.get(req.planPack.trackerSheetName) ?? null, req.planPack);
  const found = agency;
  const base = {
    file: input.name,
    agency: found,
    generatedAt: report.identity?.generatedAt ?? null,
    generatedDay: dayOfInstant(report.identity?.generatedAt),
    reportingYear,
    report,
    tasks: planRows(req.planPack, ctx.settings, found, (id) => progress.get(id) ?? { status: null }),
    statuses: new Map([...progress].map(([id, p]) => [id, (p.status ?? '').trim()])),
    figures: req.forms ? req.forms.extract(snapshot.grids) : new Map(),
    inTotals: countsByItself(report, req.admitWarnings === true),
    savedAt: opened.savedAt ?? null,
    lastModified: input.lastModified !== undefined && Number.isFinite(input.lastModified) ? input.lastModified : null,
    notes,
  };
  return { ok: true, file: { ...base, fingerprint: fingerprint(base) } };
}

