/**
 * What the pane shows for the report forms, the check and the consolidation, computed from the use cases' results:
 * pure functions, no DOM, no Office (the tracker's part is view-model.ts). Loaded with the tools chunk (tools.ts).
 */
import { type Day, parseVnDate, todayInVietnam, ymdOf } from '../domain/calendar';
import type { FormPack } from '../domain/form-pack';
import { issueMessage, t, type Lang } from '../domain/i18n';
import type { RosterEntry } from '../domain/roster';
import type { Issue, IssueValue, Severity } from '../domain/validation/issue';
import { type CellAt, normaliseCell } from '../app/cell-fill';
import type { CheckResult } from '../app/check-workbook';
import type { ConsolidationSummary } from '../app/consolidate-into';
import type { HighlightResult } from '../app/highlight';
import { type LeftCell, type LeftReason, type LegacyResult, legacyTargets, targetSheets } from '../app/legacy-text';
import type { InsertFormsResult, UnplacedValue } from '../app/insert-forms';
import { reasonText } from '../app/reject-reason';
import { featureLabel, type Notice, type Text, type Tone } from './view-model';
import { isProductSheet } from '../workbook/hidden-sheets';

// ---------------------------------------------------------------------------------------------------------------
// Report forms.

export const MIN_REPORTING_YEAR = 2000;

export type YearParse = { readonly ok: true; readonly year: number } | { readonly ok: false; readonly error: Text };

/** The reporting year: four digits, from 2000 to the current year in Vietnam (as `vtlt forms --year`). */
export function parseReportingYear(text: string, nowMs: number): YearParse {
  const value = text.trim();
  const max = ymdOf(todayInVietnam(nowMs)).year;
  if (value === '') return { ok: false, error: (lang) => t(lang, 'pane.forms.yearRequired') };
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= MIN_REPORTING_YEAR && year <= max)) return { ok: false, error: (lang) => t(lang, 'pane.forms.yearInvalid', { value, max }) };
  return { ok: true, year };
}

export interface FormChoice {
  readonly code: string;
  readonly title: string;
}

export function formChoices(pack: FormPack): FormChoice[] {
  return pack.forms.map((f) => ({ code: f.code, title: f.title }));
}

/** What the pane says of the form pack in use: its name, where it came from, and always its notice. */
export function packLines(pack: FormPack, file: string | null): Text[] {
  const lines: Text[] = [(lang) => t(lang, 'pane.forms.pack', { title: pack.title, id: pack.id, version: pack.version })];
  if (file !== null) lines.push((lang) => t(lang, 'pane.forms.packFrom', { file }));
  const notice = pack.notice;
  if (notice !== null) lines.push((lang) => t(lang, 'pane.forms.notice', { notice: notice.replace(/[.\s]+$/, '') }));
  return lines;
}

/** A refused pack file: one line per problem, each naming the field path ("forms.2.rows.0.code: …"). */
export function packErrorNotice(file: string, errors: readonly string[]): Notice {
  return { tone: 'error', lines: [(lang) => t(lang, 'pane.forms.packInvalid', { file }), ...errors.map((e): Text => () => e)] };
}

/** After inserting the forms: what was written, the figures kept, every figure that found no place, what was skipped. */
export function formsInsertNotice(
  result: Extract<InsertFormsResult, { ok: true }>,
  agency: Pick<RosterEntry, 'name'>,
  year: number,
  skipped: readonly string[],
  describe: (u: UnplacedValue, lang: Lang) => string,
): Notice {
  const codes = result.forms.map((f) => f.code);
  const kept = result.forms.reduce((n, f) => n + f.kept, 0);
  const lines: Text[] = [(lang) => t(lang, 'pane.forms.done', { count: codes.length, codes: codeList(codes), year, agency: agency.name })];
  if (kept > 0) lines.push((lang) => t(lang, 'pane.forms.kept', { count: kept }));
  if (result.unplaced.length > 0) {
    lines.push((lang) => t(lang, 'pane.forms.unplaced', { count: result.unplaced.length }));
    for (const u of result.unplaced) lines.push((lang) => describe(u, lang).trim());
  }
  const unique = [...new Set(skipped)];
  if (unique.length > 0) {
    lines.push((lang) => t(lang, 'pane.insert.skipped', { features: [...new Set(unique.map((f) => featureLabel(f, lang)))].join(', ') }));
  }
  return { tone: result.unplaced.length > 0 || unique.length > 0 ? 'warning' : 'success', lines };
}

/** Form codes for reading: runs of three or more consecutive codes shortened, "0801–0805, 0807, 0810–0813". */
export function codeList(codes: readonly string[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < codes.length) {
    let j = i;
    while (j + 1 < codes.length && /^\d+$/.test(codes[j + 1] ?? '') && Number(codes[j + 1]) === Number(codes[j]) + 1) j++;
    if (j - i >= 2) parts.push(`${codes[i]}–${codes[j]}`);
    else parts.push(...codes.slice(i, j + 1));
    i = j + 1;
  }
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// Check.

export interface IssueItem {
  readonly key: string;
  readonly severity: Severity;
  readonly message: Text;
  readonly cell: string;
  /** The value found, as shown (issueValueText); null when there is none to show. */
  readonly value: Text | null;
  /** Where "go to" takes the user; null for a finding about a whole sheet or file. */
  readonly target: CellAt | null;
}

export interface IssueGroup {
  /** "" for findings about the workbook as a whole. */
  readonly sheet: string;
  readonly title: Text;
  readonly errors: number;
  readonly warnings: number;
  readonly items: readonly IssueItem[];
}

/** A value as the user typed it: numbers with Vietnamese grouping in Vietnamese, text in quotes. */
export function issueValueText(value: IssueValue, lang: Lang): string | null {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 6 });
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `"${[...value].length > 80 ? `${[...value].slice(0, 79).join('')}…` : value}"`;
}

/**
 * Findings grouped by sheet: the workbook as a whole first, then the sheets in the order found; within a sheet,
 * errors before warnings, then by cell (row, then column).
 */
export function issueGroups(issues: readonly Issue[]): IssueGroup[] {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = groups.get(i.sheet) ?? [];
    list.push(i);
    groups.set(i.sheet, list);
  }
  const order = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  return order.map((sheet) => {
    const list = [...(groups.get(sheet) ?? [])].sort(
      (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || cellOrder(a.cell) - cellOrder(b.cell),
    );
    const items = list.map((i, n): IssueItem => {
      const cell = normaliseCell(i.cell);
      return {
        key: `${sheet}|${i.cell}|${i.rule}|${n}`,
        severity: i.severity,
        message: (lang) => upperFirst(issueMessage(lang, i)),
        cell: cell ?? i.cell,
        value: i.value === null || i.value === '' ? null : (lang) => issueValueText(i.value, lang) ?? '',
        target: sheet !== '' && !isProductSheet(sheet) && cell !== null ? { sheet, cell } : null,
      };
    });
    const errors = list.filter((i) => i.severity === 'error').length;
    return {
      sheet,
      title: (lang) => (sheet === '' ? t(lang, 'pane.check.workbook') : t(lang, 'pane.check.sheet', { sheet })),
      errors,
      warnings: list.length - errors,
      items,
    };
  });
}

/** Messages of tracker rows start with "Nhiệm vụ …"; the others start in lower case, to follow one: shown alone, capitalised. */
function upperFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Row-major order of an A1 address; addresses that are not one cell go last. */
function cellOrder(address: string): number {
  const cell = normaliseCell(address);
  if (cell === null) return Number.MAX_SAFE_INTEGER;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return Number.MAX_SAFE_INTEGER;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20_000 + col;
}

/** The check's summary: counts, the forms not there yet (one line), a missing tracker, cells still highlighted. */
export function checkNotice(result: CheckResult): Notice {
  const { report } = result;
  const lines: Text[] = [
    report.errors + report.warnings === 0
      ? (lang) => t(lang, 'pane.check.clean')
      : (lang) => t(lang, 'pane.check.found', { errors: report.errors, warnings: report.warnings }),
  ];
  if (!result.trackerPresent) lines.push((lang) => t(lang, 'pane.check.noTracker'));
  const missing = result.missingForms.map((f) => f.code);
  if (missing.length > 0) {
    lines.push((lang) => t(lang, 'pane.check.missingForms', { count: missing.length, total: result.formsTotal, codes: codeList(missing) }));
  } else if (result.formsTotal > 0) {
    lines.push((lang) => t(lang, 'pane.check.allForms', { total: result.formsTotal }));
  }
  if (result.highlighted > 0) lines.push((lang) => t(lang, 'pane.highlight.active', { count: result.highlighted }));
  const legacy = legacyOffer(result);
  if (legacy.cells > 0) lines.push((lang) => t(lang, 'pane.legacy.found', { count: legacy.cells }));
  if (legacy.converted > 0) lines.push((lang) => t(lang, 'pane.legacy.recorded', { count: legacy.converted }));
  return { tone: report.errors > 0 ? 'error' : report.warnings > 0 ? 'warning' : 'success', lines };
}

export function highlightNotice(result: HighlightResult): Notice {
  const lines: Text[] = [
    result.highlighted > 0 ? (lang) => t(lang, 'pane.highlight.done', { count: result.highlighted }) : (lang) => t(lang, 'pane.highlight.nothing'),
  ];
  if (result.restored > 0) lines.push((lang) => t(lang, 'pane.highlight.restoredOld', { count: result.restored }));
  if (result.skipped > 0) lines.push((lang) => t(lang, 'pane.highlight.skipped', { count: result.skipped }));
  return { tone: result.skipped > 0 ? 'warning' : result.highlighted > 0 ? 'success' : 'info', lines };
}

export function clearHighlightNotice(restored: number): Notice {
  return restored > 0
    ? { tone: 'success', lines: [(lang) => t(lang, 'pane.highlight.cleared', { count: restored })] }
    : { tone: 'info', lines: [(lang) => t(lang, 'pane.highlight.noneRecorded')] };
}

// ---------------------------------------------------------------------------------------------------------------
// Legacy text ("Chuyển sang Unicode" and its undo).

export interface LegacyOffer {
  /** Cells the check found typed in a legacy encoding, which "Chuyển sang Unicode" converts. */
  readonly cells: number;
  /** Cells an earlier conversion recorded, which "Hoàn tác" can give back. */
  readonly converted: number;
}

/** What the check section offers for legacy text: the convert button when cells were found, undo when some were converted. */
export function legacyOffer(result: CheckResult | null): LegacyOffer {
  if (result === null) return { cells: 0, converted: 0 };
  return { cells: legacyTargets(result.report.issues).length, converted: result.converted?.length ?? 0 };
}

/** The question before converting: how many cells, on which sheets. */
export function legacyQuestion(result: CheckResult, lang: Lang): string {
  const targets = legacyTargets(result.report.issues);
  const sheets = targetSheets(targets).map((s) => t(lang, 'pane.legacy.sheetCount', s)).join(', ');
  return t(lang, 'pane.legacy.question', { count: targets.length, sheets });
}

export function legacyUndoQuestion(converted: number, lang: Lang): string {
  return t(lang, 'pane.legacy.undoQuestion', { count: converted });
}

const LEFT_KEYS = { changed: 'pane.legacy.leftChanged', protected: 'pane.legacy.leftProtected', missing: 'pane.legacy.leftMissing' } as const;
const CELLS_SHOWN = 8;

/** "Theo dõi!H8, 0801!C40, …": the first cells of a list, the rest as "…". */
function cellList(cells: readonly LeftCell[]): string {
  const shown = cells.slice(0, CELLS_SHOWN).map((c) => `${c.sheet}!${c.cell}`);
  return cells.length > CELLS_SHOWN ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** After converting (or undoing): how many cells changed, and each kind of cell left as it was, named. */
export function legacyNotice(kind: 'convert' | 'undo', result: LegacyResult): Notice {
  const count = result.changed;
  const lines: Text[] = [];
  if (kind === 'convert') lines.push((lang) => (count > 0 ? t(lang, 'pane.legacy.done', { count }) : t(lang, 'pane.legacy.nothing')));
  else lines.push((lang) => (count > 0 || result.left.length > 0 ? t(lang, 'pane.legacy.undone', { count }) : t(lang, 'pane.legacy.noneRecorded')));
  for (const reason of ['changed', 'protected', 'missing'] as const satisfies readonly LeftReason[]) {
    const cells = result.left.filter((l) => l.reason === reason);
    if (cells.length > 0) lines.push((lang) => t(lang, LEFT_KEYS[reason], { count: cells.length, cells: cellList(cells) }));
  }
  return { tone: result.left.length > 0 ? 'warning' : count > 0 ? 'success' : 'info', lines };
}

// ---------------------------------------------------------------------------------------------------------------
// Consolidation.

export type DayParse = { readonly ok: true; readonly day: Day } | { readonly ok: false; readonly error: Text };

/** A date typed day first (dd/mm/yyyy); the same messages as the settings' as-of date. */
export function parseDayText(text: string): DayParse {
  const value = text.trim();
  if (value === '') return { ok: false, error: (lang) => t(lang, 'pane.settings.asOfRequired') };
  const day = parseVnDate(value);
  return day === null ? { ok: false, error: (lang) => t(lang, 'pane.settings.asOfInvalid', { value }) } : { ok: true, day };
}

/** "Tệp n/N: tên" for the file being read (done files before it); the write step after the last one. */
export function progressText(done: number, total: number, file: string): Text {
  if (file === '' || done >= total) return (lang) => t(lang, 'pane.consolidate.writing');
  const name = file.split(/[\\/]/).pop() ?? file;
  return (lang) => t(lang, 'pane.consolidate.progress', { n: done + 1, total, file: name });
}

export interface ConsolidationRow {
  readonly key: 'submitted' | 'missing' | 'late' | 'conflicts' | 'replaced' | 'rejected';
  readonly tone: Tone;
  readonly count: number;
  readonly label: Text;
  readonly items: readonly Text[];
}

/** Submitted, missing, late, replaced and rejected, each with its list (names, days late, files and reasons). */
export function consolidationRows(s: ConsolidationSummary): ConsolidationRow[] {
  const plain = (x: string): Text => () => x;
  return [
    {
      key: 'submitted', tone: 'success', count: s.submitted.length,
      label: (lang) => t(lang, 'pane.consolidate.submitted', { count: s.submitted.length, total: s.rosterSize }),
      items: s.submitted.map((a) => plain(a.name)),
    },
    {
      key: 'missing', tone: s.missing.length > 0 ? 'danger' : 'neutral', count: s.missing.length,
      label: (lang) => t(lang, 'pane.consolidate.missing', { count: s.missing.length }),
      items: s.missing.map((a) => plain(a.name)),
    },
    {
      key: 'late', tone: s.late.length > 0 ? 'warning' : 'neutral', count: s.late.length,
      label: (lang) => t(lang, 'pane.consolidate.late', { count: s.late.length }),
      items: s.late.map((a): Text => (lang) => t(lang, 'pane.consolidate.lateItem', { name: a.name, days: a.days })),
    },
    ...(s.conflicts.length > 0 ? [{
      key: 'conflicts' as const, tone: 'danger' as const, count: s.conflicts.length,
      label: (lang: Lang) => t(lang, 'pane.consolidate.conflicts', { count: s.conflicts.length }),
      items: s.conflicts.map((c): Text => (lang) => t(lang, 'pane.consolidate.conflictItem', { agency: c.agency.name, files: c.files.map(baseName).join(', ') })),
    }] : []),
    {
      key: 'replaced', tone: 'neutral', count: s.replaced.length,
      label: (lang) => t(lang, 'pane.consolidate.replaced', { count: s.replaced.length }),
      items: s.replaced.map((r): Text => (lang) => t(lang, 'pane.consolidate.replacedItem', { file: baseName(r.file), by: baseName(r.by), agency: r.agency.name })),
    },
    {
      key: 'rejected', tone: s.rejected.length > 0 ? 'danger' : 'neutral', count: s.rejected.length,
      label: (lang) => t(lang, 'pane.consolidate.rejected', { count: s.rejected.length }),
      items: s.rejected.map((r): Text => (lang) => t(lang, 'pane.consolidate.rejectedItem', { file: baseName(r.file), reasons: r.why.map((w) => reasonText(lang, w)).join(' ') })),
    },
  ];
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** After a consolidation: cancelled, or what was written, the roster used (and its unreadable rows), the totals line. */
export function consolidationNotice(s: ConsolidationSummary): Notice {
  if (s.cancelled) return { tone: 'info', lines: [(lang) => t(lang, 'pane.consolidate.cancelled')] };
  const lines: Text[] = [
    (lang) => t(lang, 'pane.consolidate.done', { files: s.files, sheets: s.sheets.map((n) => `"${n}"`).join(', ') }),
    s.rosterSource === 'workbook'
      ? (lang) => t(lang, 'pane.consolidate.rosterWorkbook', { count: s.rosterSize })
      : (lang) => t(lang, 'pane.consolidate.rosterDefault', { count: s.rosterSize }),
    ...s.rosterProblems.map((problem): Text => (lang) => t(lang, 'pane.consolidate.rosterProblem', { problem })),
    ...s.receivedProblems.map((problem): Text => () => problem),
    ...(s.datedBySave > 0 ? [(lang: Lang): string => t(lang, 'pane.consolidate.datedBySave', { count: s.datedBySave })] : []),
    (lang) => t(lang, 'pane.consolidate.totals', { count: s.inTotals, overdue: s.overdue, problems: s.problems }),
  ];
  return { tone: s.rosterProblems.length > 0 || s.rejected.length > 0 || s.conflicts.length > 0 || s.receivedProblems.length > 0 ? 'warning' : 'success', lines };
}

/** The reminder as one text to paste into a letter: paragraphs separated by a line break. */
export function reminderText(s: ConsolidationSummary): string {
  return s.reminder.join('\n');
}
