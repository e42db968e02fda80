/**
 * The output sheets of consolidation, as SheetSpecs. Every text that came from an agency's file (names, file names,
 * statuses, values found) is written as a string, which both hosts keep as text — never as a formula.
 */
import { formatVn, mustDay, type Day } from '../domain/calendar';
import type { DueState } from '../domain/due-state';
import { AGENCY_KIND_LABELS } from '../domain/roster-lookup';
import type { PlanPack } from '../domain/plan-pack';
import type { Issue } from '../domain/validation/issue';
import { cellRef, columnLetter } from './a1';
import { STATE_COLOURS, stateMatchFormula } from './tracker';
import { rowHeightFor } from './text-metrics';
import type { CellValue, ConditionalFormat, SheetSpec } from './sheet-spec';
import { CODE_HEADER, RECEIVED_HEADER } from './received-dates';
import { ADMIT_HEADER, ADMIT_NO, ADMIT_YES, FILE_KEY_HEADER } from './admit-marks';
import { cellText } from './cell-text';
import { BASE_STYLES, HEADER_ROW, tableSheet } from './table-sheet';
import { SUBMISSION_SHEET } from './consolidation-names';

export { SUBMISSION_SHEET };
export const PROGRESS_SHEET = 'Tiến độ nhiệm vụ';
export const OVERDUE_SHEET = 'Quá hạn';
export const PROBLEMS_SHEET = 'Lỗi kiểm tra';
export const REMINDER_SHEET = 'Văn bản đôn đốc';

export interface SubmissionLine {
  readonly code: string;
  readonly name: string;
  readonly kind: keyof typeof AGENCY_KIND_LABELS;
  /** The file that counts; or the files in conflict (several); none when not submitted. */
  readonly files: readonly string[];
  readonly conflict: boolean;
  readonly reportingYear: number | null;
  /** The day the workbook was last saved, when it records it. */
  readonly saved: Day | null;
  /** What Sở Nội vụ typed in "Ngày nhận", written back as typed (a date, or text that is not one). */
  readonly received: CellValue;
  /** What the submission day was taken from. */
  readonly basis: SubmissionBasis | null;
  /** "Ngày nhận" holds something that is not a date (kept as typed; the saved time stands in meanwhile). */
  readonly receivedUnreadable?: boolean;
  readonly daysLate: number | null;
  /** Submitted after the deadline (decided by the consolidation rule). */
  readonly late: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly inTotals: boolean;
  /** Counted although it has warnings: by the mark in "Cho tính vào tổng hợp", or by the global switch. */
  readonly admittedBy?: 'mark' | 'switch';
  /** "Cho tính vào tổng hợp" written back: "Có", "Không", what was typed when it is neither, or empty. */
  readonly admitMark?: CellValue;
  /** "Có" is chosen but the file has errors: it is not counted, and the row says why. */
  readonly markRefused?: boolean;
  /** The fingerprint of the file the row shows (the hidden "Mã tệp"): a mark on the row is for this file. */
  readonly fileKey?: string | null;
}

export type SubmissionBasis = 'received' | 'saved' | 'generated';

/**
 * Headers of the submission sheet that its readers find columns by (consolidation-read.ts; "Mã đơn vị" and "Ngày nhận"
 * also typed-columns.ts, for what Sở Nội vụ typed): written and read from here, one text each.
 */
export const SUBMISSION_HEADERS = {
  code: CODE_HEADER, name: 'Tên đơn vị', kind: 'Loại đơn vị', state: 'Tình trạng', timing: 'Thời hạn', received: RECEIVED_HEADER,
  inTotals: 'Tính vào tổng hợp', errors: 'Số lỗi', warnings: 'Số cảnh báo',
} as const;

export const SUBMITTED = 'Đã nộp';
export const NOT_SUBMITTED = 'Chưa nộp';
/** An agency whose newest files differ and cannot be told apart by when they were saved. */
export const CONFLICT = 'Trùng tệp, cần chọn';
export { RECEIVED_HEADER };
export const BASIS_LABELS: Readonly<Record<SubmissionBasis, string>> = {
  received: 'Ngày nhận',
  saved: 'Ngày lưu tệp',
  generated: 'Ngày tạo tệp',
};
/** The submission sheet's header row, in order. */
const SUBMISSION_HEADER_ROW: readonly string[] = [
  'STT', SUBMISSION_HEADERS.code, SUBMISSION_HEADERS.name, SUBMISSION_HEADERS.kind, SUBMISSION_HEADERS.state, 'Tệp', 'Năm báo cáo',
  'Ngày lưu tệp', SUBMISSION_HEADERS.received, 'Căn cứ tính hạn', SUBMISSION_HEADERS.timing, SUBMISSION_HEADERS.errors,
  SUBMISSION_HEADERS.warnings, SUBMISSION_HEADERS.inTotals, ADMIT_HEADER, FILE_KEY_HEADER,
];
/** A column of the submission sheet (1-based), by its header. */
function submissionColumn(header: string): number {
  return SUBMISSION_HEADER_ROW.indexOf(header) + 1;
}
/** Column of "Ngày nhận" on the submission sheet (1-based). */
export const RECEIVED_COLUMN = submissionColumn(SUBMISSION_HEADERS.received);
/** Column of "Cho tính vào tổng hợp" (typed by Sở Nội vụ), and of the hidden "Mã tệp" beside it. */
export const ADMIT_COLUMN = submissionColumn(ADMIT_HEADER);
export const FILE_KEY_COLUMN = submissionColumn(FILE_KEY_HEADER);
export { ADMIT_HEADER, ADMIT_YES };
/** "Tính vào tổng hợp": the file counts, or not; a reason may follow in brackets (consolidation-read.ts reads it back). */
export const COUNTED = 'Có';
export const NOT_COUNTED = 'Không';
/** Of a file counted by Sở Nội vụ's choice (read back as counted: it starts so). */
export const ADMITTED_BY_MARK = `${COUNTED} (Sở Nội vụ chọn)`;
export const REFUSED_FOR_ERRORS = `${NOT_COUNTED} (tệp có lỗi)`;

/** "Thời hạn" of a file sent late: "Chậm n ngày" (read back by consolidation-read.ts, coloured by its first word). */
export const LATE_PREFIX = 'Chậm';
export function lateText(days: number): string {
  return `${LATE_PREFIX} ${days} ngày`;
}
/** An agency that sent late, as the reminders and reports name it: "Sở Tài chính (chậm 6 ngày)". */
export function lateAgencyText(name: string, days: number): string {
  return `${name} (${lateText(days).toLowerCase()})`;
}
const LATE_PATTERN = new RegExp(`^${LATE_PREFIX}\\s+(\\d+)\\s+ngày$`, 'u');
/** The days of a "Thời hạn" written by lateText; null for any other text (on time, unknown, empty). */
export function lateDaysOf(text: string): number | null {
  const m = LATE_PATTERN.exec(text);
  return m ? Number(m[1]) : null;
}

function verdict(l: SubmissionLine): string {
  if (l.conflict) return `${NOT_COUNTED} (chờ chọn tệp)`;
  if (l.inTotals) return l.admittedBy === 'mark' ? ADMITTED_BY_MARK : COUNTED;
  return l.markRefused ? REFUSED_FOR_ERRORS : NOT_COUNTED;
}

function submissionRow(l: SubmissionLine, i: number): CellValue[] {
  const sent = l.files.length > 0;
  return [
    i + 1,
    l.code,
    l.name,
    AGENCY_KIND_LABELS[l.kind],
    l.conflict ? CONFLICT : sent ? SUBMITTED : NOT_SUBMITTED,
    sent ? l.files.join('; ') : null,
    l.reportingYear,
    l.saved === null ? null : { date: l.saved },
    l.received,
    l.basis === null ? null : l.receivedUnreadable ? `${BASIS_LABELS[l.basis]} (ô "${RECEIVED_HEADER}" không phải ngày)` : BASIS_LABELS[l.basis],
    !sent ? null : l.late ? lateText(l.daysLate ?? 0) : l.daysLate === null ? 'Không rõ ngày' : 'Đúng hạn',
    sent && !l.conflict ? l.errors : null,
    sent && !l.conflict ? l.warnings : null,
    !sent ? null : verdict(l),
    l.admitMark ?? null,
    l.fileKey ?? null,
  ];
}

function submissionSubtitle(lines: readonly SubmissionLine[], meta: { asOf: Day; deadline: Day | null; deadlineText: string }): string {
  const submitted = lines.filter((l) => l.files.length > 0).length;
  const late = lines.filter((l) => l.late).length;
  const conflicts = lines.filter((l) => l.conflict).length;
  const bySaved = lines.filter((l) => l.basis !== null && l.basis !== 'received').length;
  const admittedByMark = lines.filter((l) => l.inTotals && l.admittedBy === 'mark').length;
  return [
    `Đến ngày ${formatVn(meta.asOf)}: ${submitted}/${lines.length} đơn vị đã nộp, ${lines.length - submitted} chưa nộp, ${late} nộp chậm.`,
    `Thời hạn: ${meta.deadlineText}${meta.deadline !== null ? ` (hạn cuối ${formatVn(meta.deadline)})` : ''}.`,
    `Ngày nộp tính theo cột "${RECEIVED_HEADER}" do Sở Nội vụ ghi (gõ ngày dạng dd/mm/yyyy; được giữ lại ở lần tổng hợp sau); ô để trống thì tính theo ngày lưu tệp, hoặc ngày tạo tệp khi tệp không ghi ngày lưu (cột "Căn cứ tính hạn")${bySaved > 0 ? `: ${bySaved} đơn vị chưa có ngày nhận` : ''}.`,
    `Tệp có cảnh báo (không có lỗi) được tính vào tổng hợp khi Sở Nội vụ chọn "${ADMIT_YES}" ở cột "${ADMIT_HEADER}" của đơn vị; lựa chọn chỉ áp dụng cho tệp đang ghi ở dòng đó, đơn vị gửi tệp khác (hoặc lần kiểm tra sau thấy cảnh báo khác trong tệp) thì lựa chọn được bỏ để xem lại${admittedByMark > 0 ? `: ${admittedByMark} tệp được tính theo lựa chọn này` : ''}.`,
    ...(conflicts > 0
      ? [`${conflicts} đơn vị gửi nhiều tệp khác nhau có cùng thời điểm lưu ("${CONFLICT}"): chưa tệp nào được tính vào số tổng hợp; bỏ tệp không dùng ra khỏi thư mục rồi tổng hợp lại.`]
      : []),
  ].join(' ');
}

export function submissionSheet(lines: readonly SubmissionLine[], meta: { asOf: Day; deadline: Day | null; deadlineText: string; year: number }): SheetSpec {
  const H = SUBMISSION_HEADERS;
  const spec = tableSheet({
    name: SUBMISSION_SHEET,
    title: `THEO DÕI NỘP BÁO CÁO THỐNG KÊ NĂM ${meta.year}`,
    subtitle: submissionSubtitle(lines, meta),
    headers: SUBMISSION_HEADER_ROW,
    widths: [6, 11, 34, 16, 14, 30, 10, 12, 12, 13, 14, 8, 10, 12, 12, 18],
    rows: lines.map(submissionRow),
    columnStyles: [
      'center', 'text', undefined, undefined, 'center', 'text', 'center', 'date', 'received', 'center', 'center', 'number', 'number', 'center', 'admit', 'text',
    ],
    conditionalFormats: (first, last) => {
      // The rows as far as "Cho tính vào tổng hợp" (the hidden "Mã tệp" after it is not coloured).
      const rows = `A${first}:${columnLetter(ADMIT_COLUMN)}${last}`;
      const state = `$${columnLetter(submissionColumn(H.state))}${first}`;
      const timing = `$${columnLetter(submissionColumn(H.timing))}${first}`;
      return [
        { type: 'expression', range: rows, formula: `=${state}="${NOT_SUBMITTED}"`, fill: '#FDE7E9', fontColor: '#A4262C' },
        { type: 'expression', range: rows, formula: `=${state}="${CONFLICT}"`, fill: '#FCE4D6', fontColor: '#8A3707' },
        { type: 'expression', range: rows, formula: `=LEFT(${timing},${LATE_PREFIX.length})="${LATE_PREFIX}"`, fill: '#FFF4CE', fontColor: '#8A5300' },
      ];
    },
  });
  const col = columnLetter(RECEIVED_COLUMN);
  const admitCol = columnLetter(ADMIT_COLUMN);
  const first = HEADER_ROW + 1;
  const last = Math.max(first, HEADER_ROW + lines.length);
  return {
    ...spec,
    // The fingerprints are the product's own: hidden, out of the way of reading and printing.
    columns: spec.columns.map((c, i) => (i + 1 === FILE_KEY_COLUMN ? { ...c, hidden: true } : c)),
    validations: [
      {
        range: `${admitCol}${first}:${admitCol}${last}`,
        rule: { type: 'list', values: [ADMIT_YES, ADMIT_NO] },
        allowBlank: true,
        prompt: { title: ADMIT_HEADER, message: `Chọn "${ADMIT_YES}" để tính tệp có cảnh báo (không có lỗi) của đơn vị vào số tổng hợp. Chỉ áp dụng cho tệp đang ghi ở dòng này.` },
        error: { title: ADMIT_HEADER, message: `Chọn "${ADMIT_YES}" trong danh sách, hoặc để trống.` },
      },
      {
        range: `${col}${first}:${col}${last}`,
        rule: { type: 'date', min: mustDay(2000, 1, 1), max: mustDay(2099, 12, 31) },
        allowBlank: true,
        prompt: { title: RECEIVED_HEADER, message: 'Ngày Sở Nội vụ nhận báo cáo (thư điện tử, hệ thống văn bản, bản giấy), dạng dd/mm/yyyy.' },
        error: { title: RECEIVED_HEADER, message: 'Gõ ngày dạng dd/mm/yyyy, ví dụ 27/02/2026.' },
      },
    ],
  };
}

export interface ProgressAgency {
  readonly code: string;
  readonly name: string;
  readonly submitted: boolean;
  /** Its newest files are in conflict: no task state is shown until Sở Nội vụ keeps one. */
  readonly conflict?: boolean;
  /** task id → label shown (due-state label), absent when the task does not apply. */
  readonly cells: ReadonlyMap<string, string>;
  /** task id → what the agency wrote in "Kết quả / Sản phẩm" and "Ghi chú". */
  readonly notes?: ReadonlyMap<string, { readonly result: string; readonly note: string }>;
}

/** Text as a cell (cut to fit), or an empty cell. */
function textOrEmpty(text: string): CellValue {
  return text === '' ? null : cellText(text);
}

export const NOTES_HEADER = 'Kết quả, ghi chú của đơn vị';

/** The longest task label over the progress sheet's headings, in characters. */
export const TASK_LABEL_LENGTH = 60;

/** `text` cut at a word boundary to at most `max` characters, "…" marking the cut. */
export function shortLabel(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** One line per task with something written: "16a — Kết quả: …; Ghi chú: …". */
export function notesText(notes: ReadonlyMap<string, { readonly result: string; readonly note: string }> | undefined, taskIds: readonly string[]): string {
  if (!notes) return '';
  const lines: string[] = [];
  for (const id of taskIds) {
    const n = notes.get(id);
    if (!n) continue;
    const parts = [n.result !== '' ? `Kết quả: ${n.result}` : '', n.note !== '' ? `Ghi chú: ${n.note}` : ''].filter((p) => p !== '');
    if (parts.length > 0) lines.push(`${id} — ${parts.join('; ')}`);
  }
  return cellText(lines.join('\n'));
}

function progressCell(a: ProgressAgency, taskId: string): string {
  if (a.conflict) return a.cells.has(taskId) ? CONFLICT : '—';
  if (a.submitted) return a.cells.get(taskId) ?? '—';
  return a.cells.has(taskId) ? NOT_SUBMITTED : '—';
}

export function progressSheet(
  pack: PlanPack,
  agencies: readonly ProgressAgency[],
  counts: ReadonlyMap<string, Readonly<Record<DueState | 'not-reported', number>>>,
  asOf: Day,
): SheetSpec {
  const tasks = pack.tasks.filter((t) => counts.has(t.id));
  const ids = tasks.map((t) => t.id);
  const headers = ['Mã đơn vị', 'Tên đơn vị', ...ids, NOTES_HEADER];
  const rows = agencies.map((a): CellValue[] => [a.code, a.name, ...tasks.map((t) => progressCell(a, t.id)), textOrEmpty(notesText(a.notes, ids))]);
  const lastTaskCol = columnLetter(2 + tasks.length);
  const count = (id: string, states: (DueState | 'not-reported')[]) => {
    const c = counts.get(id);
    return c ? states.reduce((s, k) => s + c[k], 0) : 0;
  };
  const footer: CellValue[][] = [
    ['', 'Số đơn vị hoàn thành', ...tasks.map((t) => count(t.id, ['done-on-time', 'done-late']))],
    ['', 'Số đơn vị quá hạn', ...tasks.map((t) => count(t.id, ['overdue']))],
    ['', 'Số đơn vị chưa báo cáo', ...tasks.map((t) => count(t.id, ['not-reported']))],
  ];
  const legend = tasks.map((t) => `${t.id}: ${t.content}`).join(' • ');
  return tableSheet({
    name: PROGRESS_SHEET,
    title: 'TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ',
    subtitle: `Tình trạng hạn tính đến ngày ${formatVn(asOf)}. Cột cuối: kết quả và ghi chú đơn vị ghi cho từng nhiệm vụ. ${legend}`,
    headers,
    widths: [11, 30, ...tasks.map(() => 13), 50],
    rows,
    columnStyles: ['text', undefined, ...tasks.map(() => undefined), 'text'],
    footerRows: footer,
    // 106 agencies × 40 tasks: on one page the text would be about 2 pt high.
    paged: { leadColumns: 2 },
    // Over each task's id, the start of what it asks: printed with the headings, so each page can be read alone.
    headerNotes: [null, 'Nhiệm vụ (tóm tắt nội dung):', ...tasks.map((t) => shortLabel(t.content, TASK_LABEL_LENGTH)), null],
    conditionalFormats: (first, last) => {
      const area = `C${first}:${lastTaskCol}${last}`;
      const firstCell = cellRef(first, 3);
      const fmts: ConditionalFormat[] = [];
      for (const state of ['overdue', 'due-soon', 'done-on-time', 'done-late', 'not-open'] as const) {
        const c = STATE_COLOURS[state];
        if (c) fmts.push({ type: 'expression', range: area, formula: stateMatchFormula(state, firstCell), fill: c.fill, fontColor: c.font, stopIfTrue: true });
      }
      fmts.push({ type: 'expression', range: area, formula: `=${firstCell}="${NOT_SUBMITTED}"`, fill: '#F3F2F1', fontColor: '#A4262C' });
      fmts.push({ type: 'expression', range: area, formula: `=${firstCell}="${CONFLICT}"`, fill: '#FCE4D6', fontColor: '#8A3707' });
      return fmts;
    },
  });
}

export interface OverdueLine {
  readonly code: string;
  readonly name: string;
  readonly taskId: string;
  readonly content: string;
  readonly deadlineText: string;
  readonly due: Day | null;
  readonly daysOverdue: number;
  readonly status: string;
  /** What the agency wrote in "Kết quả / Sản phẩm" and "Ghi chú" for the task (the reason for a delay, often). */
  readonly result: string;
  readonly note: string;
}

export function overdueSheet(lines: readonly OverdueLine[], asOf: Day): SheetSpec {
  return tableSheet({
    name: OVERDUE_SHEET,
    title: 'CÁC NHIỆM VỤ QUÁ HẠN',
    subtitle: `Tính đến ngày ${formatVn(asOf)}; xếp theo số ngày quá hạn, nhiều nhất trước. ${lines.length} nhiệm vụ. Hai cột cuối: kết quả và ghi chú đơn vị ghi.`,
    headers: ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Nhiệm vụ', 'Nội dung', 'Thời gian (theo Kế hoạch)', 'Hạn hoàn thành', 'Số ngày quá hạn', 'Trạng thái đơn vị ghi', 'Kết quả / Sản phẩm', 'Ghi chú'],
    widths: [6, 11, 28, 9, 50, 16, 12, 10, 16, 28, 28],
    rows: lines.map((l, i) => [
      i + 1, l.code, l.name, l.taskId, l.content, l.deadlineText, l.due === null ? null : { date: l.due }, l.daysOverdue, l.status,
      textOrEmpty(l.result), textOrEmpty(l.note),
    ]),
    columnStyles: ['center', 'text', undefined, 'text', undefined, undefined, 'date', 'number', 'text', 'text', 'text'],
    tabColor: '#A4262C',
  });
}

export interface ProblemLine {
  readonly file: string;
  readonly agency: string;
  readonly issue: Issue;
  readonly message: string;
}

export function problemsSheet(lines: readonly ProblemLine[]): SheetSpec {
  return tableSheet({
    name: PROBLEMS_SHEET,
    title: 'KẾT QUẢ KIỂM TRA CÁC TỆP',
    subtitle: `${lines.filter((l) => l.issue.severity === 'error').length} lỗi, ${lines.filter((l) => l.issue.severity === 'warning').length} cảnh báo. Mỗi dòng chỉ rõ tệp, trang tính, ô và cách sửa.`,
    headers: ['STT', 'Tệp', 'Đơn vị', 'Mức độ', 'Trang tính', 'Ô', 'Mã quy tắc', 'Nội dung', 'Giá trị trong tệp'],
    widths: [6, 28, 24, 10, 18, 7, 18, 60, 18],
    rows: lines.map((l, i) => [
      i + 1, l.file, l.agency, l.issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo', l.issue.sheet, l.issue.cell, l.issue.rule, l.message,
      l.issue.value === null ? null : String(l.issue.value),
    ]),
    columnStyles: ['center', 'text', undefined, 'center', 'text', 'text', 'text', undefined, 'text'],
    conditionalFormats: (first, last) => [
      { type: 'expression', range: `D${first}:D${last}`, formula: `=$D${first}="Lỗi"`, fill: '#FDE7E9', fontColor: '#A4262C' },
    ],
    tabColor: '#8A5300',
  });
}

export function reminderSheet(paragraphs: readonly string[]): SheetSpec {
  const width = 100;
  return {
    name: REMINDER_SHEET,
    tabColor: '#107C10',
    columns: [{ width }],
    rowHeights: paragraphs.map((p, i) => ({ row: i + 1, height: rowHeightFor([{ text: p, width }], 12) })),
    blocks: [{ at: 'A1', rows: paragraphs.map((p) => [p]) }],
    styles: BASE_STYLES,
    styleRanges: [{ range: `A1:A${Math.max(1, paragraphs.length)}`, style: 'paragraph' }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
  };
}

