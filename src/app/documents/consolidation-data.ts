/**
 * Use case: a consolidation workbook read back for the province's documents (the report III.2.i and the reminder
 * letter): who submitted, late or not at all, the province totals of each form, task progress by agency, overdue
 * tasks with the agencies' notes, and the check's findings — all as the consolidation wrote them. The totals are
 * read from each "Tổng hợp 08xx" sheet by the forms' own reader (the same reader and the same rules that make an
 * agency's figures), so they equal what the consolidation computed. Round trips: one `read`.
 */
import type { Day } from '../../domain/calendar';
import type { FormPack } from '../../domain/form-pack';
import type { PlanPack } from '../../domain/plan-pack';
import {
  readOverdue, readProblems, readProgress, readSubmissions, type OverdueRead, type ProblemRead, type ProgressRead, type SubmissionRead,
} from '../../workbook/consolidation-read';
import { OVERDUE_SHEET, PROBLEMS_SHEET, PROGRESS_SHEET, SUBMISSION_SHEET } from '../../workbook/consolidation-sheets';
import type { Grid } from '../../workbook/grid';
import { totalsSheetName } from '../../workbook/totals-sheet';
import type { FormFigures } from '../consolidate';
import { formsPart } from '../forms-part';
import type { WorkbookPort } from '../workbook-port';

export interface ConsolidationData {
  readonly year: number | null;
  readonly asOf: Day | null;
  readonly deadlineText: string | null;
  readonly submissions: readonly SubmissionRead[];
  readonly progress: ProgressRead | null;
  readonly overdue: readonly OverdueRead[];
  readonly problems: readonly ProblemRead[];
  /** Province totals by form code and cell key; forms whose sheet is absent are absent. */
  readonly totals: FormFigures;
}

export type ConsolidationDataResult =
  | { readonly ok: true; readonly data: ConsolidationData }
  | { readonly ok: false; readonly reason: 'not-consolidation'; readonly sheet: string };

export async function readConsolidationData(port: WorkbookPort, plan: PlanPack, forms: FormPack): Promise<ConsolidationDataResult> {
  const totalsNames = forms.forms.map((f) => totalsSheetName(f.code));
  const snapshot = await port.read([SUBMISSION_SHEET, PROGRESS_SHEET, OVERDUE_SHEET, PROBLEMS_SHEET, ...totalsNames]);
  const grid = (name: string): Grid | null => snapshot.grids.get(name) ?? null;
  const submissionGrid = grid(SUBMISSION_SHEET);
  const submissions = submissionGrid ? readSubmissions(submissionGrid) : null;
  if (!submissions) return { ok: false, reason: 'not-consolidation', sheet: SUBMISSION_SHEET };
  const progressGrid = grid(PROGRESS_SHEET);
  const overdueGrid = grid(OVERDUE_SHEET);
  const problemsGrid = grid(PROBLEMS_SHEET);
  // The forms' reader looks for each form under its own code: hand it the totals sheets under those codes.
  const totalsGrids = new Map(forms.forms.map((f) => [f.code, grid(totalsSheetName(f.code))]));
  return {
    ok: true,
    data: {
      year: submissions.year,
      asOf: submissions.asOf,
      deadlineText: submissions.deadlineText,
      submissions: submissions.rows,
      progress: progressGrid ? readProgress(progressGrid, new Set(plan.tasks.map((t) => t.id))) : null,
      overdue: (overdueGrid ? readOverdue(overdueGrid) : null) ?? [],
      problems: (problemsGrid ? readProblems(problemsGrid) : null) ?? [],
      totals: formsPart(forms, { requireAll: false }).extract(totalsGrids),
    },
  };
}

export const submittedRows = (d: ConsolidationData): SubmissionRead[] => d.submissions.filter((s) => s.state !== 'missing');
export const missingRows = (d: ConsolidationData): SubmissionRead[] => d.submissions.filter((s) => s.state === 'missing');
export const lateRows = (d: ConsolidationData): SubmissionRead[] => d.submissions.filter((s) => s.state !== 'missing' && s.late);
