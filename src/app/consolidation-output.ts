/**
 * Turns a Consolidation into its output sheets and the reminder text, and writes them into a workbook.
 */
import { formatVn } from '../domain/calendar';
import { issueMessage, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';
import { lowerFirst } from '../domain/text';
import {
  OVERDUE_SHEET, PROBLEMS_SHEET, PROGRESS_SHEET, REMINDER_SHEET, SUBMISSION_SHEET,
  lateAgencyText, overdueSheet, problemsSheet, progressSheet, reminderSheet, submissionSheet, type ProgressAgency,
} from '../workbook/consolidation-sheets';
import { LISTS_SHEET, ROSTER_SHEET, rosterListsSheet, rosterRevalidation, rosterSheet } from '../workbook/roster-sheet';
import type { Grid } from '../workbook/grid';
import type { DeferredSheet, SheetSource } from '../workbook/sheet-spec';
import type { FormPack } from '../domain/form-pack';
import { breakdownSheet, breakdownSheetName, formTotalsSheet, totalsSheetName } from '../workbook/totals-sheet';
import { dayOfInstant } from './consolidate-read';
import { isLate, lateSubmissions, missingSubmissions, taskCounts, type AcceptedFile, type Consolidation, type SubmissionRow } from './consolidate';
import type { ReceivedEntry } from '../workbook/received-dates';
import { ADMIT_NO, ADMIT_YES, type AdmitEntry } from '../workbook/admit-marks';
import { markKept } from './admission';
import type { CellValue } from '../workbook/sheet-spec';
import type { WorkbookPort } from './workbook-port';

/** A short reminder in administrative style, ready to paste into an official letter. */
export function reminderParagraphs(c: Consolidation, pack: PlanPack): string[] {
  const report = pack.tasks.find((t) => t.id === pack.reportDeadlineTaskId);
  const reportName = report?.content ?? `Báo cáo thống kê năm ${c.year}`;
  const deadlineText = report ? lowerFirst(report.deadlineText) : '';
  const missing = missingSubmissions(c);
  const late = lateSubmissions(c);
  const out: string[] = [
    `Thực hiện ${pack.title} của ${pack.issuer}, các cơ quan, tổ chức, đơn vị gửi ${lowerFirst(reportName)} về Sở Nội vụ ${deadlineText}.`,
  ];
  if (missing.length === 0 && late.length === 0) {
    out.push(`Đến ngày ${formatVn(c.asOf)}, Sở Nội vụ đã nhận đủ báo cáo của ${c.submissions.length} cơ quan, tổ chức, đơn vị, đúng thời hạn.`);
    return out;
  }
  if (missing.length > 0) {
    out.push(`Đến ngày ${formatVn(c.asOf)}, Sở Nội vụ chưa nhận được báo cáo của ${missing.length} cơ quan, tổ chức, đơn vị sau:`);
    missing.forEach((s, i) => out.push(`${i + 1}. ${s.agency.name}.`));
    out.push(
      'Sở Nội vụ đề nghị Thủ trưởng các cơ quan, tổ chức, đơn vị nêu trên khẩn trương chỉ đạo hoàn thành, gửi báo cáo về Sở Nội vụ qua Hệ thống quản lý văn bản và điều hành của tỉnh trước ngày …/…/…… để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.',
    );
  }
  if (late.length > 0) {
    out.push(`Các cơ quan, tổ chức, đơn vị sau đã gửi báo cáo nhưng chậm so với thời hạn quy định:`);
    late.forEach((s, i) => out.push(`${i + 1}. ${lateAgencyText(s.agency.name, s.daysLate ?? 0)}.`));
    out.push('Đề nghị các đơn vị nêu trên rút kinh nghiệm, bảo đảm thời hạn trong các kỳ báo cáo tiếp theo.');
  }
  return out;
}

/**
 * Per form, "Tổng hợp <code>" (the totals over the files counted, in the form's layout) and "Chi tiết <code>" (the
 * per-agency breakdown) beside it. Each is built when written (the breakdowns grow with the number of agencies).
 */
export function totalsSheets(pack: FormPack, c: Consolidation): DeferredSheet[] {
  const counted = c.accepted.filter((a) => a.inTotals);
  return pack.forms.flatMap((form) => [
    { name: totalsSheetName(form.code), build: () => formTotalsSheet(pack, form, c.year, c.totals.get(form.code) ?? new Map(), counted.length) },
    {
      name: breakdownSheetName(form.code),
      build: () =>
        breakdownSheet(
          pack,
          form,
          c.year,
          counted.map((a) => ({ code: a.agency.code, name: a.agency.name, figures: a.figures.get(form.code) ?? new Map() })),
        ),
    },
  ]);
}

/** The day a workbook was last saved, shown beside the day received. */
function savedDay(a: AcceptedFile | null): ReturnType<typeof dayOfInstant> {
  return a ? dayOfInstant(a.savedAt) : null;
}

/** A cell Sở Nội vụ typed that is not what its column asks for, written back as it was (TRUE/FALSE as text). */
function asTyped(value: ReceivedEntry['value']): CellValue {
  return typeof value === 'boolean' ? String(value) : value;
}

/** "Ngày nhận" written back as Sở Nội vụ typed it: a date it could read as a date, anything else as it was. */
function receivedCell(entry: ReceivedEntry | undefined): CellValue {
  if (!entry) return null;
  if (entry.day !== null) return { date: entry.day };
  return asTyped(entry.value);
}

/**
 * "Cho tính vào tổng hợp" written back: the choice as the list spells it, anything else as typed; a "Có" typed for a
 * file the agency has replaced since is taken off (see admission.ts).
 */
function admitCell(entry: AdmitEntry | undefined, s: SubmissionRow): CellValue {
  if (!entry) return null;
  if (entry.admit === true) return s.mark && !markKept(s.mark.effect) ? null : ADMIT_YES;
  if (entry.admit === false) return ADMIT_NO;
  return asTyped(entry.value);
}

/** What Sở Nội vụ typed on the submission sheet, read back before the run and written again. */
export interface TypedColumns {
  readonly received: ReadonlyMap<string, ReceivedEntry>;
  readonly marks: ReadonlyMap<string, AdmitEntry>;
}

const NOTHING_TYPED: TypedColumns = { received: new Map(), marks: new Map() };

function submissionLine(s: SubmissionRow, typed: TypedColumns) {
  const { received } = typed;
  const shown = s.accepted ?? s.conflict[0] ?? null;
  return {
    code: s.agency.code,
    name: s.agency.name,
    kind: s.agency.kind,
    files: s.accepted ? [s.accepted.file] : s.conflict.map((f) => f.file),
    conflict: s.conflict.length > 0,
    reportingYear: shown?.reportingYear ?? null,
    saved: savedDay(shown),
    received: receivedCell(received.get(s.agency.code.toUpperCase())),
    receivedUnreadable: received.get(s.agency.code.toUpperCase())?.day === null,
    basis: s.basis,
    daysLate: s.daysLate,
    late: isLate(s),
    errors: s.accepted?.report.errors ?? 0,
    warnings: s.accepted?.report.warnings ?? 0,
    inTotals: s.accepted?.inTotals ?? false,
    ...(s.accepted?.admittedBy ? { admittedBy: s.accepted.admittedBy } : {}),
    admitMark: admitCell(typed.marks.get(s.agency.code.toUpperCase()), s),
    markRefused: s.mark?.effect === 'errors',
    fileKey: s.accepted?.fingerprint ?? null,
  };
}

/**
 * The output sheets of a consolidation, in their order, each built when written: those listing the agencies, their
 * tasks or the problems found grow with the number of files, and a writer going sheet by sheet holds one at a time.
 */
export function consolidationSheets(
  c: Consolidation,
  pack: PlanPack,
  lang: Lang,
  formSheets: readonly SheetSource[] = [],
  typed: TypedColumns = NOTHING_TYPED,
): SheetSource[] {
  return [
    { name: SUBMISSION_SHEET, build: () => submissionOutput(c, pack, typed) },
    ...formSheets,
    { name: PROGRESS_SHEET, build: () => progressOutput(c, pack) },
    { name: OVERDUE_SHEET, build: () => overdueOutput(c) },
    {
      name: PROBLEMS_SHEET,
      build: () => problemsSheet(c.problems.map((p) => ({ file: p.file, agency: p.agency?.name ?? '', issue: p.issue, message: issueMessage(lang, p.issue) }))),
    },
    { name: REMINDER_SHEET, build: () => reminderSheet(reminderParagraphs(c, pack)) },
  ];
}

function submissionOutput(c: Consolidation, pack: PlanPack, typed: TypedColumns) {
  const report = pack.tasks.find((t) => t.id === pack.reportDeadlineTaskId);
  return submissionSheet(
    c.submissions.map((s) => submissionLine(s, typed)),
    { asOf: c.asOf, deadline: c.deadline, deadlineText: report?.deadlineText ?? '', year: c.year },
  );
}

function progressOutput(c: Consolidation, pack: PlanPack) {
  const agencies: ProgressAgency[] = c.submissions.map((s) => {
    const cells = new Map<string, string>();
    if (s.accepted) for (const r of s.accepted.tasks) cells.set(r.task.id, r.due?.label ?? '');
    else for (const t of pack.tasks) if (c.applies(t.id, s.agency)) cells.set(t.id, '');
    return {
      code: s.agency.code, name: s.agency.name, submitted: s.accepted !== null, conflict: s.conflict.length > 0, cells,
      ...(s.accepted ? { notes: s.accepted.notes } : {}),
    };
  });
  return progressSheet(pack, agencies, taskCounts(c, pack), c.asOf);
}

function overdueOutput(c: Consolidation) {
  const keptBy = new Map(c.accepted.map((a) => [a.agency.code, a]));
  return overdueSheet(
    c.overdue.map((o) => {
      const file = keptBy.get(o.agency.code);
      const note = file?.notes.get(o.row.task.id);
      return {
        code: o.agency.code,
        name: o.agency.name,
        taskId: o.row.task.id,
        content: o.row.task.content,
        deadlineText: o.row.task.deadlineText,
        due: o.row.deadline?.due ?? null,
        daysOverdue: o.daysOverdue,
        status: file?.statuses.get(o.row.task.id) ?? '',
        result: note?.result ?? '',
        note: note?.note ?? '',
      };
    }),
    c.asOf,
  );
}

/**
 * Writes the outputs into `port` in one write. The roster sheet is created only when absent (`rosterGrid` null), so
 * the user's edits to it are kept, only its kind drop-down set again (an older version's may split "Sở, ban, ngành");
 * the other output sheets are replaced. Consolidation read `port` just before (its one read), and nothing since: the
 * write may take the sheets' state from that read.
 */
export async function writeConsolidation(port: WorkbookPort, sheets: readonly SheetSource[], roster: Roster, rosterGrid: Grid | null): Promise<void> {
  // The lists sheet (the roster's drop-down items) is the product's own: written every time, before the roster sheet
  // whose validation refers to it.
  const revalidation = rosterGrid ? rosterRevalidation(rosterGrid) : null;
  await port.write(rosterGrid ? [rosterListsSheet(), ...sheets] : [rosterListsSheet(), rosterSheet(roster), ...sheets], {
    activate: sheets[0]?.name,
    ...(revalidation ? { revalidate: [revalidation] } : {}),
    fromRead: true,
  });
}

/**
 * The sheets writeConsolidation replaces in an existing workbook, known before any file is read: every output sheet
 * but the roster (kept as the user edited it).
 */
export function replacedSheetNames(pack: FormPack): string[] {
  return [
    LISTS_SHEET,
    SUBMISSION_SHEET,
    ...pack.forms.flatMap((f) => [totalsSheetName(f.code), breakdownSheetName(f.code)]),
    PROGRESS_SHEET,
    OVERDUE_SHEET,
    PROBLEMS_SHEET,
    REMINDER_SHEET,
  ];
}

export { ROSTER_SHEET };
