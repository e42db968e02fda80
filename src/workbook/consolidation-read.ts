/**
 * Reading a consolidation workbook back (Grid → data): the sheets `consolidation-sheets.ts` writes — who submitted,
 * task progress by agency, overdue tasks, findings. Every table is found by its header row (the header texts the
 * writer uses), and every column by its header text, so a row or a column the user inserts does not break reading.
 * Values are read as the sheets show them; nothing is computed again here.
 */
import { type Day, parseUserDate } from '../domain/calendar';
import { dueStateFromLabel, type DueState } from '../domain/due-state';
import { normaliseName } from '../domain/text';
import { CONFLICT, COUNTED, lateDaysOf, NOT_SUBMITTED, NOTES_HEADER, SUBMISSION_HEADERS, SUBMITTED } from './consolidation-sheets';
import { forEachCell, forEachRow, type Grid, type GridValue, gridText, gridValue } from './grid';
import { receivedDay } from './received-dates';

interface HeaderAt {
  readonly row: number;
  /** Column (1-based) of each header text, by its normalised text. */
  readonly columns: ReadonlyMap<string, number>;
}

const SCAN_ROWS = 30;

/** The first row within the top rows that carries every one of `required` headers. */
export function findHeaderRow(grid: Grid, required: readonly string[]): HeaderAt | null {
  const want = required.map(normaliseName);
  let found: HeaderAt | null = null;
  forEachRow(grid, 1, (r) => {
    if (r > SCAN_ROWS) return true;
    const columns = new Map<string, number>();
    forEachCell(grid, r, (c, v) => {
      if (typeof v === 'string' && !columns.has(normaliseName(v))) columns.set(normaliseName(v), c);
    });
    if (want.every((h) => columns.has(h))) found = { row: r, columns };
    return found !== null;
  });
  return found;
}

function column(at: HeaderAt, header: string): number | null {
  return at.columns.get(normaliseName(header)) ?? null;
}

function textAt(grid: Grid, row: number, col: number | null): string {
  return col === null ? '' : gridText(grid, row, col).trim();
}

/** The lines above the header (title, subtitle), joined, to find the year and the as-of date in. */
function headingText(grid: Grid, headerRow: number): string {
  const parts: string[] = [];
  for (let r = 1; r < headerRow; r++) forEachCell(grid, r, (_c, v) => void (typeof v === 'string' && parts.push(v.normalize('NFC'))));
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// "Theo dõi nộp báo cáo"

export type SubmissionState = 'submitted' | 'missing' | 'conflict';

export interface SubmissionRead {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly state: SubmissionState;
  /** "Chậm n ngày": n; null when on time, unknown or not submitted. */
  readonly daysLate: number | null;
  readonly late: boolean;
  readonly received: Day | null;
  readonly inTotals: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export interface SubmissionsRead {
  /** The reporting year from the sheet's title ("… NĂM 2025"). */
  readonly year: number | null;
  /** "Đến ngày dd/mm/yyyy" in the subtitle. */
  readonly asOf: Day | null;
  /** "Thời hạn: …" in the subtitle, as written (the plan's phrase). */
  readonly deadlineText: string | null;
  readonly rows: readonly SubmissionRead[];
}

const STATE_BY_TEXT = new Map<string, SubmissionState>([
  [normaliseName(SUBMITTED), 'submitted'], [normaliseName(NOT_SUBMITTED), 'missing'], [normaliseName(CONFLICT), 'conflict'],
]);

function count(v: GridValue): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** COUNTED, or COUNTED with a reason in brackets (counted by Sở Nội vụ's choice): the file is in the totals. */
function countedText(text: string): boolean {
  const t = normaliseName(text);
  const counted = normaliseName(COUNTED);
  return t === counted || t.startsWith(`${counted} (`);
}

export function readSubmissions(grid: Grid): SubmissionsRead | null {
  const H = SUBMISSION_HEADERS;
  const at = findHeaderRow(grid, [H.code, H.name, H.state]);
  if (!at) return null;
  const heading = headingText(grid, at.row);
  const year = /NĂM\s+(\d{4})/iu.exec(heading)?.[1];
  const asOf = /Đến ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/iu.exec(heading)?.[1];
  const deadline = /Thời hạn:\s*(.+?)(?:\s*\(hạn cuối[^)]*\))?\./u.exec(heading)?.[1];
  const col = (h: string) => column(at, h);
  const rows: SubmissionRead[] = [];
  forEachRow(grid, at.row + 1, (r) => {
    const code = textAt(grid, r, col(H.code));
    const state = STATE_BY_TEXT.get(normaliseName(textAt(grid, r, col(H.state))));
    if (code === '' || state === undefined) return;
    const timing = textAt(grid, r, col(H.timing));
    const daysLate = lateDaysOf(timing);
    const receivedCol = col(H.received);
    rows.push({
      code,
      name: textAt(grid, r, col(H.name)),
      kind: textAt(grid, r, col(H.kind)),
      state,
      daysLate,
      late: daysLate !== null,
      received: receivedCol === null ? null : receivedDay(gridValue(grid, r, receivedCol)),
      inTotals: countedText(textAt(grid, r, col(H.inTotals))),
      errors: count(col(H.errors) === null ? null : gridValue(grid, r, col(H.errors) ?? 0)),
      warnings: count(col(H.warnings) === null ? null : gridValue(grid, r, col(H.warnings) ?? 0)),
    });
  });
  return {
    year: year ? Number(year) : null,
    asOf: asOf ? parseUserDate(asOf) : null,
    deadlineText: deadline ?? null,
    rows,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// "Tiến độ nhiệm vụ"

export type ProgressCell = DueState | 'not-submitted' | 'conflict';

export interface ProgressRead {
  /** Task ids, as the header shows them, in order. */
  readonly taskIds: readonly string[];
  /** Per agency code: each task's state as shown (absent task: "—", it does not apply). */
  readonly agencies: readonly { readonly code: string; readonly name: string; readonly cells: ReadonlyMap<string, ProgressCell> }[];
}

function progressCell(text: string): ProgressCell | null {
  if (text === '' || text === '—') return null;
  if (normaliseName(text) === normaliseName(NOT_SUBMITTED)) return 'not-submitted';
  if (normaliseName(text) === normaliseName(CONFLICT)) return 'conflict';
  return dueStateFromLabel(text)?.state ?? null;
}

export function readProgress(grid: Grid, knownTaskIds: ReadonlySet<string>): ProgressRead | null {
  const at = findHeaderRow(grid, [SUBMISSION_HEADERS.code, SUBMISSION_HEADERS.name]);
  if (!at) return null;
  const codeCol = column(at, SUBMISSION_HEADERS.code) ?? 1;
  const nameCol = column(at, SUBMISSION_HEADERS.name) ?? 2;
  const taskCols: [string, number][] = [];
  forEachCell(grid, at.row, (c, v) => {
    const id = String(v ?? '').trim();
    if (knownTaskIds.has(id) && normaliseName(id) !== normaliseName(NOTES_HEADER)) taskCols.push([id, c]);
  });
  const agencies: { code: string; name: string; cells: Map<string, ProgressCell> }[] = [];
  forEachRow(grid, at.row + 1, (r) => {
    const code = textAt(grid, r, codeCol);
    if (code === '') return;
    const cells = new Map<string, ProgressCell>();
    for (const [id, c] of taskCols) {
      const cell = progressCell(gridText(grid, r, c).trim());
      if (cell !== null) cells.set(id, cell);
    }
    agencies.push({ code, name: textAt(grid, r, nameCol), cells });
  });
  return { taskIds: taskCols.map(([id]) => id), agencies };
}

// ---------------------------------------------------------------------------------------------------------------
// "Quá hạn" and "Lỗi kiểm tra": numbered tables ("STT" 1, 2, …).

export interface OverdueRead {
  readonly code: string;
  readonly name: string;
  readonly taskId: string;
  readonly content: string;
  readonly daysOverdue: number;
  readonly result: string;
  readonly note: string;
}

export const OVERDUE_HEADERS = {
  no: 'STT', code: 'Mã đơn vị', name: 'Tên đơn vị', task: 'Nhiệm vụ', content: 'Nội dung', days: 'Số ngày quá hạn',
  result: 'Kết quả / Sản phẩm', note: 'Ghi chú',
} as const;

function numberedRows(grid: Grid, at: HeaderAt, fn: (row: number) => void): void {
  const noCol = column(at, 'STT') ?? 1;
  forEachRow(grid, at.row + 1, (r) => {
    if (typeof gridValue(grid, r, noCol) === 'number') fn(r);
  });
}

export function readOverdue(grid: Grid): OverdueRead[] | null {
  const H = OVERDUE_HEADERS;
  const at = findHeaderRow(grid, [H.no, H.code, H.task, H.days]);
  if (!at) return null;
  const col = (h: string) => column(at, h);
  const out: OverdueRead[] = [];
  numberedRows(grid, at, (r) => {
    const days = gridValue(grid, r, col(H.days) ?? 0);
    out.push({
      code: textAt(grid, r, col(H.code)),
      name: textAt(grid, r, col(H.name)),
      taskId: textAt(grid, r, col(H.task)),
      content: textAt(grid, r, col(H.content)),
      daysOverdue: typeof days === 'number' ? days : Number(days) || 0,
      result: textAt(grid, r, col(H.result)),
      note: textAt(grid, r, col(H.note)),
    });
  });
  return out;
}

export interface ProblemRead {
  readonly file: string;
  readonly agency: string;
  readonly severity: 'error' | 'warning';
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

export const PROBLEM_HEADERS = { no: 'STT', file: 'Tệp', agency: 'Đơn vị', severity: 'Mức độ', sheet: 'Trang tính', cell: 'Ô', message: 'Nội dung' } as const;

export function readProblems(grid: Grid): ProblemRead[] | null {
  const H = PROBLEM_HEADERS;
  const at = findHeaderRow(grid, [H.no, H.file, H.severity, H.message]);
  if (!at) return null;
  const col = (h: string) => column(at, h);
  const out: ProblemRead[] = [];
  numberedRows(grid, at, (r) => {
    out.push({
      file: textAt(grid, r, col(H.file)),
      agency: textAt(grid, r, col(H.agency)),
      severity: normaliseName(textAt(grid, r, col(H.severity))) === normaliseName('Lỗi') ? 'error' : 'warning',
      sheet: textAt(grid, r, col(H.sheet)),
      cell: textAt(grid, r, col(H.cell)),
      message: textAt(grid, r, col(H.message)),
    });
  });
  return out;
}
