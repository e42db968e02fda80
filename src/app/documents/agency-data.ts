/**
 * Use case: what an agency's yearly report (plan row 16b) says, read from its workbook in one read — the tracker's
 * tasks with their due states (the tracker summary's settings and the plan-status rule, so the report agrees with
 * the sheet's "Tình trạng hạn" column), what the agency wrote for each task, the forms' figures (the forms' reader),
 * and the check's findings (the validation use case). Round trips: one `read`.
 */
import type { Day } from '../../domain/calendar';
import type { DueState } from '../../domain/due-state';
import type { FormPack } from '../../domain/form-pack';
import { issueMessage } from '../../domain/i18n';
import type { PlanPack, PlanTask } from '../../domain/plan-pack';
import type { AgencyKind } from '../../domain/roster';
import { readTracker, trackerVocabulary, cellDay, entryProgress, type TrackerRead } from '../../workbook/tracker';
import type { FormFigures } from '../consolidate';
import { formsPart } from '../forms-part';
import { planRows, type TaskProgress } from '../plan-status';
import { trackerSettings } from '../tracker-summary';
import { sheetsToRead, validateSnapshot, type ValidateOptions } from '../validate-workbook';
import type { WorkbookPort } from '../workbook-port';

export interface AgencyTask {
  readonly task: PlanTask;
  readonly state: DueState | null;
  /** Days overdue (overdue) or left (due soon). */
  readonly days: number | null;
  readonly due: Day | null;
  readonly status: string;
  readonly completion: Day | null;
  readonly result: string;
  readonly note: string;
}

export interface Finding {
  readonly severity: 'error' | 'warning';
  /** "0804!E12", or "" for the workbook as a whole. */
  readonly where: string;
  readonly message: string;
}

export interface AgencyReportData {
  readonly agency: { readonly code: string | null; readonly name: string; readonly kind: AgencyKind | null };
  readonly planYear: number;
  readonly asOf: Day;
  readonly tasks: readonly AgencyTask[];
  readonly figures: FormFigures;
  readonly findings: readonly Finding[];
}

export type AgencyDataResult =
  | { readonly ok: true; readonly data: AgencyReportData }
  | { readonly ok: false; readonly reason: 'no-tracker' | 'no-agency' };

export interface AgencyDataOptions {
  readonly planPack: PlanPack;
  readonly formPack: FormPack;
  readonly knownPacks: ValidateOptions['knownPacks'];
  /** Freezes the report at a date; default the tracker's own as-of date (or today when it follows TODAY()). */
  readonly asOf?: Day;
  readonly nowMs?: number;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).normalize('NFC').trim());

function progressOf(tracker: TrackerRead) {
  return (taskId: string): TaskProgress | undefined => {
    const entry = tracker.entries.get(taskId);
    return entry ? entryProgress(entry) : undefined;
  };
}

export async function readAgencyReportData(port: WorkbookPort, options: AgencyDataOptions): Promise<AgencyDataResult> {
  const forms = formsPart(options.formPack, { requireAll: 'when-started' });
  const validateOptions: ValidateOptions = {
    planPack: options.planPack, knownPacks: options.knownPacks, forms, ...(options.nowMs !== undefined ? { nowMs: options.nowMs } : {}),
  };
  const snapshot = await port.read(sheetsToRead(validateOptions));
  const grid = snapshot.grids.get(options.planPack.trackerSheetName) ?? null;
  const tracker = grid ? readTracker(grid, trackerVocabulary(options.planPack)) : null;
  if (!tracker) return { ok: false, reason: 'no-tracker' };
  const report = validateSnapshot(snapshot, validateOptions);
  if (!report.agency) return { ok: false, reason: 'no-agency' };

  // The tracker's own as-of date, window and day rule, as its summary takes them (not the summary itself: the states
  // are computed below, as of `options.asOf` when given).
  const settings = trackerSettings(tracker, snapshot.grids, options.nowMs);
  const { window, inclusiveBefore } = settings;
  const asOf = options.asOf ?? settings.asOf;
  const rows = planRows(options.planPack, { asOf, window, inclusiveBefore }, undefined, progressOf(tracker));
  const tasks: AgencyTask[] = [];
  for (const row of rows) {
    const entry = tracker.entries.get(row.task.id);
    if (!entry) continue; // the task does not apply to this agency: the tracker has no row for it
    tasks.push({
      task: row.task,
      state: row.due?.state ?? null,
      days: row.due?.days ?? null,
      due: row.deadline?.due ?? null,
      status: text(entry.values.status),
      completion: cellDay(entry.values.completion ?? undefined),
      result: text(entry.values.result),
      note: text(entry.values.note),
    });
  }
  return {
    ok: true,
    data: {
      agency: { code: report.agency.code, name: report.agency.name, kind: report.identity?.agencyKind ?? null },
      planYear: options.planPack.year,
      asOf,
      tasks,
      figures: forms.extract(snapshot.grids),
      findings: report.issues.map((i) => ({
        severity: i.severity,
        where: i.sheet ? `${i.sheet}${i.cell ? `!${i.cell}` : ''}` : i.cell,
        message: issueMessage('vi', i),
      })),
    },
  };
}
