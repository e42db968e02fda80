/**
 * Use case (Sở Nội vụ, in the pane): consolidate the agency workbooks a user picked into the workbook open in Excel,
 * as `vtlt consolidate` does into a file. The roster comes from the workbook's "Danh sách đơn vị" sheet when it has
 * one (the default roster otherwise, and the sheet is then created for editing). Round trips to the workbook are
 * fixed whatever the number of files: one read (the roster sheet), one write of every output sheet (and of the roster
 * sheet's kind drop-down, set again on a sheet kept from an earlier run). Files are read
 * one at a time, through `open` (the file host, loaded only when needed).
 *
 * What the pane shows is returned as plain data (ConsolidationSummary), so the pane needs none of this code to show it.
 */
import type { Day } from '../domain/calendar';
import type { FormPack } from '../domain/form-pack';
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';
import { ROSTER_SHEET, readRosterSheet } from '../workbook/roster-sheet';
import {
  consolidate, hasSubmitted, lateSubmissions, missingSubmissions, type ConsolidateRequest, type Consolidation, type DateBasis, type FilesReader, type InputFile, type OpenResult,
} from './consolidate';
import { SUBMISSION_SHEET } from '../workbook/consolidation-sheets';
import { readReceivedDates } from '../workbook/received-dates';
import { readAdmitMarks } from '../workbook/admit-marks';
import type { Grid } from '../workbook/grid';
import { consolidationSheets, reminderParagraphs, totalsSheets, writeConsolidation, type TypedColumns } from './consolidation-output';
import { markMessage, type AdmitMark } from './admission';
import { formsPart } from './forms-part';
import type { WorkbookPort } from './workbook-port';
import type { RejectReason } from './reject-reason';

export interface ConsolidateIntoRequest {
  readonly files: readonly InputFile[];
  /** A roster given explicitly (the CLI's --roster) wins over the workbook's sheet. */
  readonly roster?: Roster;
  /** The statistics year expected (default: the plan's). */
  readonly year?: number;
  readonly inclusiveBefore?: boolean;
  readonly window?: number;
  readonly planPack: PlanPack;
  readonly formPack: FormPack;
  readonly knownPacks: ReadonlyMap<string, readonly string[]>;
  /** Used when the workbook has no "Danh sách đơn vị" sheet (or an empty one). */
  readonly defaultRoster: Roster;
  readonly asOf: Day;
  readonly admitWarnings?: boolean;
  readonly lang: Lang;
  open(bytes: Uint8Array): Promise<OpenResult>;
  readonly onProgress?: (done: number, total: number, file: string) => void;
  readonly signal?: AbortSignal;
  /**
   * Reads the files elsewhere (the CLI's worker threads), given what consolidation decided: the roster the files are
   * matched against and the year expected. A reader there builds its request with readingRequest.
   */
  readonly readFiles?: (decided: ReadingDecided) => FilesReader;
}

/** What consolidation decides before reading any file, and a reader elsewhere must know. */
export interface ReadingDecided {
  readonly roster: Roster;
  readonly year: number;
}

/**
 * The request consolidation reads files with: the same whether the files are read here, one at a time, or in worker
 * threads (each builds it from the same ConsolidateIntoRequest and ReadingDecided).
 */
export function readingRequest(req: ConsolidateIntoRequest, decided: ReadingDecided): ConsolidateRequest {
  const { roster, year } = decided;
  return {
    files: req.files,
    planPack: req.planPack,
    roster,
    asOf: req.asOf,
    year,
    admitWarnings: req.admitWarnings === true,
    forms: formsPart(req.formPack, { requireAll: false, expectedYear: year }),
    knownPacks: req.knownPacks,
    open: req.open,
    lang: req.lang,
    ...(req.inclusiveBefore !== undefined ? { inclusiveBefore: req.inclusiveBefore } : {}),
    ...(req.window !== undefined ? { window: req.window } : {}),
  };
}

export interface AgencyName {
  readonly code: string;
  readonly name: string;
}

export interface ConsolidationSummary {
  /** Cancelled before the end: nothing was written. */
  readonly cancelled: boolean;
  readonly files: number;
  readonly year: number;
  readonly asOf: Day;
  readonly rosterSource: 'workbook' | 'default';
  readonly rosterSize: number;
  /** Rows of the roster sheet that could not be read ("cell: why"). */
  readonly rosterProblems: readonly string[];
  readonly submitted: readonly AgencyName[];
  readonly missing: readonly AgencyName[];
  /** Late agencies, with what the submission day was taken from ("Ngày nhận" typed, or when the file was saved). */
  readonly late: readonly (AgencyName & { readonly days: number; readonly basis: DateBasis | null })[];
  readonly replaced: readonly { readonly file: string; readonly by: string; readonly agency: AgencyName }[];
  /** Agencies whose newest files differ and cannot be told apart: none counted until Sở Nội vụ keeps one. */
  readonly conflicts: readonly { readonly agency: AgencyName; readonly files: readonly string[] }[];
  /**
   * What Sở Nội vụ typed on "Theo dõi nộp báo cáo" that could not be used, each naming its cell: "Ngày nhận" cells
   * that hold no readable date (lateness then falls back to the saved time), then "Cho tính vào tổng hợp" cells that
   * admitted nothing.
   */
  readonly receivedProblems: readonly string[];
  /** Files with warnings counted in the totals by Sở Nội vụ's "Có" on their row. */
  readonly admittedByMark?: readonly { readonly agency: AgencyName; readonly file: string; readonly cell: string }[];
  /** Agencies that sent a report but have no "Ngày nhận" typed: their lateness is judged by when the file was saved. */
  readonly datedBySave: number;
  /** Files set aside: the reasons as the workbook says them, and as messages for the pane's language. */
  readonly rejected: readonly { readonly file: string; readonly reasons: readonly string[]; readonly why: readonly RejectReason[] }[];
  /** Files counted in the totals. */
  readonly inTotals: number;
  readonly overdue: number;
  readonly problems: number;
  /** The reminder to paste into a letter, one paragraph per item. */
  readonly reminder: readonly string[];
  /** The sheets written, in order. */
  readonly sheets: readonly string[];
}

const ROSTER_META = { id: 'workbook', version: '1', title: ROSTER_SHEET, note: '' };

export interface ConsolidatedInto {
  readonly result: Consolidation;
  readonly roster: Roster;
  readonly rosterSource: 'given' | 'workbook' | 'default';
  /** Rows of the roster sheet that could not be read. */
  readonly rosterProblems: readonly { readonly cell: string; readonly message: string }[];
  /** "Ngày nhận" cells of "Theo dõi nộp báo cáo" that hold no readable date (the cell, e.g. I7, and why). */
  readonly receivedProblems: readonly { readonly cell: string; readonly message: string }[];
  /**
   * "Cho tính vào tổng hợp" cells that admitted nothing: neither "Có" nor "Không", or "Có" on a file with errors, on a
   * file sent after the choice or found since to hold other warnings (taken off), on no file, on files in conflict
   * (the cell, e.g. O7, and why: admission.ts).
   */
  readonly markProblems: readonly { readonly cell: string; readonly message: string }[];
  /** The sheets written, in order (none when cancelled). */
  readonly sheets: readonly string[];
}

/**
 * Consolidates into a workbook (the pane's open workbook, or the CLI's output file): one read (the roster sheet, and
 * what Sở Nội vụ typed on the submission sheet: "Ngày nhận", "Cho tính vào tổng hợp"), the files one at a time, one
 * write of every output sheet (what was typed written back).
 */
export async function consolidateInto(port: WorkbookPort, req: ConsolidateIntoRequest): Promise<ConsolidatedInto> {
  const snapshot = await port.read([ROSTER_SHEET, SUBMISSION_SHEET]);
  const { typed, received, admitMarks, receivedProblems, unreadableMarks } = readTyped(snapshot.grids.get(SUBMISSION_SHEET) ?? null, req.lang);
  const rosterGrid = snapshot.grids.get(ROSTER_SHEET) ?? null;
  let roster = req.roster ?? req.defaultRoster;
  let rosterSource: ConsolidatedInto['rosterSource'] = req.roster ? 'given' : 'default';
  const rosterProblems: { cell: string; message: string }[] = [];
  if (!req.roster && rosterGrid) {
    const read = readRosterSheet(rosterGrid, ROSTER_META);
    if (read && read.roster.entries.length > 0) {
      roster = read.roster;
      rosterSource = 'workbook';
      rosterProblems.push(...read.problems);
    }
  }

  const year = req.year ?? req.planPack.statisticsYear;
  const decided: ReadingDecided = { roster, year };
  const result = await consolidate({
    ...readingRequest(req, decided),
    received,
    admitMarks,
    ...(req.readFiles ? { readFiles: req.readFiles(decided) } : {}),
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
    ...(req.signal ? { signal: req.signal } : {}),
  });

  let sheets: string[] = [];
  if (!result.cancelled) {
    const specs = consolidationSheets(result, req.planPack, req.lang, totalsSheets(req.formPack, result), typed);
    await writeConsolidation(port, specs, roster, rosterGrid);
    sheets = [...(rosterGrid !== null ? [] : [ROSTER_SHEET]), ...specs.map((s) => s.name)];
  }
  const markProblems = [...unreadableMarks, ...markOutcomeProblems(result, req.lang)];
  return { result, roster, rosterSource, rosterProblems, receivedProblems, markProblems, sheets };
}

type CellProblem = { readonly cell: string; readonly message: string };

/** What Sở Nội vụ typed on "Theo dõi nộp báo cáo" ("Ngày nhận", "Cho tính vào tổng hợp"), and what could not be read. */
function readTyped(grid: Grid | null, lang: Lang) {
  const dates = readReceivedDates(grid);
  const marks = readAdmitMarks(grid);
  const typed: TypedColumns = { received: dates?.entries ?? new Map(), marks: marks?.entries ?? new Map() };
  const received = new Map([...typed.received].flatMap(([code, e]) => (e.day !== null ? [[code, e.day] as const] : [])));
  const admitMarks = new Map<string, AdmitMark>(
    [...typed.marks].flatMap(([code, e]) => (e.admit === true ? [[code, { cell: e.cell, fileKey: e.fileKey }] as const] : [])),
  );
  const receivedProblems: CellProblem[] = (dates?.unreadable ?? []).map((u) => ({
    cell: u.cell,
    message: t(lang, 'consolidate.received.unreadable', { sheet: SUBMISSION_SHEET, cell: u.cell, code: u.code, text: u.text }),
  }));
  const unreadableMarks: CellProblem[] = (marks?.unreadable ?? []).map((u) => ({
    cell: u.cell,
    message: t(lang, 'consolidate.mark.unreadable', { sheet: SUBMISSION_SHEET, cell: u.cell, code: u.code, text: u.text }),
  }));
  return { typed, received, admitMarks, receivedProblems, unreadableMarks };
}

/** The marks "Có" that admitted nothing, each with its cell and why. */
function markOutcomeProblems(result: Consolidation, lang: Lang): CellProblem[] {
  return result.submissions.flatMap((s) => {
    if (!s.mark) return [];
    const file = s.accepted ? s.accepted.file : s.conflict.map((f) => f.file).join(', ');
    const message = markMessage(lang, s.mark.effect, { sheet: SUBMISSION_SHEET, cell: s.mark.cell, code: s.agency.code, file });
    return message === null ? [] : [{ cell: s.mark.cell, message }];
  });
}

/** The files counted in the totals by Sở Nội vụ's "Có" on their row (with warnings, no errors). */
export function admittedByMark(result: Consolidation): { readonly agency: AgencyName; readonly file: string; readonly cell: string }[] {
  return result.submissions.flatMap((s) =>
    s.accepted?.admittedBy === 'mark' && s.mark ? [{ agency: { code: s.agency.code, name: s.agency.name }, file: s.accepted.file, cell: s.mark.cell }] : [],
  );
}

/** The pane's use: consolidate, then summarise as plain data for display. */
export async function consolidateIntoWorkbook(port: WorkbookPort, req: ConsolidateIntoRequest): Promise<ConsolidationSummary> {
  const { result, roster, rosterSource, rosterProblems, receivedProblems, markProblems, sheets } = await consolidateInto(port, req);
  const name = (a: { code: string; name: string }): AgencyName => ({ code: a.code, name: a.name });
  return {
    cancelled: result.cancelled,
    files: req.files.length,
    year: result.year,
    asOf: result.asOf,
    rosterSource: rosterSource === 'workbook' ? 'workbook' : 'default',
    rosterSize: roster.entries.length,
    rosterProblems: rosterProblems.map((p) => (p.cell ? `${p.cell}: ${p.message}` : p.message)),
    submitted: result.accepted.map((a) => name(a.agency)),
    missing: missingSubmissions(result).map((s) => name(s.agency)),
    late: lateSubmissions(result).map((s) => ({ ...name(s.agency), days: s.daysLate ?? 0, basis: s.basis })),
    replaced: result.replaced.map((r) => ({ file: r.file, by: r.by, agency: name(r.agency) })),
    conflicts: result.conflicts.map((c) => ({ agency: name(c.agency), files: c.files.map((f) => f.file) })),
    receivedProblems: [...receivedProblems, ...markProblems].map((p) => p.message),
    admittedByMark: admittedByMark(result),
    datedBySave: result.submissions.filter((s) => hasSubmitted(s) && s.basis !== 'received').length,
    rejected: result.rejected.map((r) => ({ file: r.file, reasons: [...r.reasons], why: r.why ? [...r.why] : r.reasons.map((text) => ({ text })) })),
    inTotals: result.accepted.filter((a) => a.inTotals).length,
    overdue: result.overdue.length,
    problems: result.problems.length,
    reminder: result.cancelled ? [] : reminderParagraphs(result, req.planPack),
    sheets: [...sheets],
  };
}
