/**
 * The plan tracker sheet ("Theo dõi nhiệm vụ 2026"): layout (domain → SheetSpec) and reading it back (Grid → entries).
 */
import { type Day, fromExcelSerial } from '../domain/calendar';
import { roleOf, type TaskRole } from '../domain/applicability';
import { DUE_STATE_LABELS, dueStateFormula, MAX_DUE_SOON_WINDOW, milestoneFormula, TASK_STATUSES, type DueState } from '../domain/due-state';
import type { PlanPack, PlanTask } from '../domain/plan-pack';
import { taskDeadline } from '../domain/task-deadline';
import type { RosterEntry } from '../domain/roster';
import { normaliseName } from '../domain/text';
import { nameKey } from './name-key';
import { cellRef, columnLetter } from './a1';
import { rowHeightFor } from './text-metrics';
import { type Grid, type GridValue, forEachCell, forEachRow, gridText, gridValue, isEmptyValue } from './grid';
import type { CellValue, ConditionalFormat, SheetSpec, StyleRange, Validation } from './sheet-spec';

/** Column headers, exactly as the sheet shows them. */
export const TRACKER_COLUMNS = [
  { key: 'id', header: 'TT', width: 7 },
  { key: 'content', header: 'Nội dung công việc', width: 42 },
  { key: 'lead', header: 'Cơ quan chủ trì', width: 17 },
  { key: 'coordinating', header: 'Cơ quan phối hợp', width: 17 },
  { key: 'deadlineText', header: 'Thời gian hoàn thành (theo Kế hoạch)', width: 14 },
  { key: 'start', header: 'Ngày bắt đầu', width: 11 },
  { key: 'due', header: 'Hạn hoàn thành', width: 11 },
  { key: 'status', header: 'Trạng thái', width: 14 },
  { key: 'completion', header: 'Ngày hoàn thành', width: 11 },
  { key: 'percent', header: 'Tiến độ (%)', width: 8 },
  { key: 'result', header: 'Kết quả / Sản phẩm', width: 20 },
  { key: 'note', header: 'Ghi chú', width: 17 },
  { key: 'dueState', header: 'Tình trạng hạn', width: 19 },
  // Last, so trackers made before it (13 columns) keep their layout; blank except on multi-year rows.
  { key: 'milestone', header: 'Mốc năm (nhiệm vụ nhiều năm)', width: 12 },
] as const;
export type TrackerColumnKey = (typeof TRACKER_COLUMNS)[number]['key'];

/** What the user types in a row; kept, cell for cell, when the tracker is inserted again. */
export const TRACKER_INPUT_KEYS = ['status', 'completion', 'percent', 'result', 'note'] as const;
export type TrackerInputKey = (typeof TRACKER_INPUT_KEYS)[number];

export const AS_OF_LABEL = 'Ngày đối chiếu';
/** The visible line naming the agency: "Đơn vị: <name> (mã <code>)". */
export const AGENCY_LINE_PREFIX = 'Đơn vị: ';

export function agencyLine(agency: Pick<RosterEntry, 'name' | 'code'>): string {
  return `${AGENCY_LINE_PREFIX}${agency.name} (mã ${agency.code})`;
}

/** Reads the agency back from its visible line; the code is null when the line has none. */
export function parseAgencyLine(text: string): { name: string; code: string | null } | null {
  const s = text.normalize('NFC').trim();
  if (!s.startsWith(AGENCY_LINE_PREFIX.trim())) return null;
  const rest = s.slice(AGENCY_LINE_PREFIX.trim().length).trim();
  const m = /^(.*?)\s*\(mã\s+([^)]+)\)\s*$/u.exec(rest);
  return m ? { name: (m[1] ?? '').trim(), code: (m[2] ?? '').trim() } : { name: rest, code: null };
}
export const WINDOW_LABEL = 'Báo trước (ngày)';
export const COORDINATING_MARK = '(Đơn vị phối hợp thực hiện)';
export const ORPHAN_SECTION_TITLE = 'Nhiệm vụ không còn áp dụng cho đơn vị (giữ lại nội dung đã nhập)';

const col = (key: TrackerColumnKey): number => TRACKER_COLUMNS.findIndex((c) => c.key === key) + 1;
export const TRACKER_COL: Readonly<Record<TrackerColumnKey, number>> = Object.fromEntries(
  TRACKER_COLUMNS.map((c) => [c.key, col(c.key)]),
) as Record<TrackerColumnKey, number>;

const LAST_COL = TRACKER_COLUMNS.length;
const HEADER_ROW = 6;
const AS_OF_CELL = { row: 4, col: 3 };
const WINDOW_CELL = { row: 4, col: 5 };

export interface TrackerEntry {
  readonly taskId: string;
  readonly values: Readonly<Partial<Record<TrackerInputKey, GridValue>>>;
}

export interface TrackerInput {
  readonly pack: PlanPack;
  readonly agency: RosterEntry;
  readonly inclusiveBefore: boolean;
  readonly window: number;
  /** A fixed as-of date freezes the report; 'today' keeps =TODAY(). */
  readonly asOf: Day | 'today';
  /** Entries read from an existing tracker, by task id. */
  readonly entries?: ReadonlyMap<string, TrackerEntry>;
  readonly legalBasisLine?: string;
}

export interface TrackerRow {
  readonly row: number;
  readonly task: PlanTask;
  readonly role: TaskRole | 'orphan';
}

export interface TrackerLayout {
  readonly spec: SheetSpec;
  readonly rows: readonly TrackerRow[];
  readonly headerRow: number;
  readonly asOfCell: string;
  readonly windowCell: string;
}

/** Palette for due states (fills are light so they read in print; text colours meet contrast on them). */
export const STATE_COLOURS: Readonly<Partial<Record<DueState, { fill: string; font: string }>>> = {
  'overdue': { fill: '#FDE7E9', font: '#A4262C' },
  'due-soon': { fill: '#FFF4CE', font: '#8A5300' },
  'done-on-time': { fill: '#DFF6DD', font: '#0E700E' },
  'done-late': { fill: '#DFF6DD', font: '#0E700E' },
  'not-open': { fill: '#F0F0F0', font: '#616161' },
};

function planCaption(pack: PlanPack): string {
  const number = pack.number.trim() === '' ? `Số: ${pack.numberSuffix}` : `Số: ${pack.number}`;
  return `Căn cứ ${pack.title} của ${pack.issuer} (${number}${pack.issuedDate ? '' : ', chưa ghi ngày ban hành'})`;
}

function legalBasesLine(pack: PlanPack): string {
  return `Thực hiện: ${pack.legalBases.join('; ')}.`;
}

export function trackerLayout(input: TrackerInput): TrackerLayout {
  const { pack, agency } = input;
  const blocks: { at: string; rows: CellValue[][] }[] = [];
  const styleRanges: StyleRange[] = [];
  const validations: Validation[] = [];
  const rows: TrackerRow[] = [];
  const merges: string[] = [];
  const heights: { row: number; height: number }[] = [];
  const width = (k: TrackerColumnKey) => TRACKER_COLUMNS[TRACKER_COL[k] - 1]?.width ?? 10;
  const full = (r: number) => `A${r}:${columnLetter(LAST_COL)}${r}`;

  // Heading area.
  blocks.push({ at: 'A1', rows: [[`THEO DÕI THỰC HIỆN ${pack.title.toLocaleUpperCase('vi')}`]] });
  blocks.push({ at: 'A2', rows: [[agencyLine(agency)]] });
  blocks.push({ at: 'A3', rows: [[input.legalBasisLine ?? `${planCaption(pack)}. ${legalBasesLine(pack)}`]] });
  merges.push(full(1), full(2), full(3));
  styleRanges.push({ range: full(1), style: 'title' }, { range: full(2), style: 'subtitle' }, { range: full(3), style: 'basis' });
  const asOfValue: CellValue = input.asOf === 'today' ? { formula: '=TODAY()' } : { date: input.asOf };
  const rule = input.inclusiveBefore
    ? '"Trước ngày X": được hoàn thành trong ngày X'
    : '"Trước ngày X": hạn là ngày X − 1';
  blocks.push({
    at: 'A4',
    rows: [[null, `${AS_OF_LABEL}:`, asOfValue, `${WINDOW_LABEL}:`, input.window, rule]],
  });
  merges.push(`F4:${columnLetter(LAST_COL)}4`);
  styleRanges.push(
    { range: 'B4', style: 'label' },
    { range: 'D4', style: 'label' },
    { range: cellRef(AS_OF_CELL.row, AS_OF_CELL.col), style: 'settingDate' },
    { range: cellRef(WINDOW_CELL.row, WINDOW_CELL.col), style: 'settingNumber' },
    { range: `F4:${columnLetter(LAST_COL)}4`, style: 'hint' },
  );
  validations.push(
    {
      range: cellRef(AS_OF_CELL.row, AS_OF_CELL.col),
      rule: { type: 'date' },
      allowBlank: false,
      prompt: { title: AS_OF_LABEL, message: 'Để =TODAY() để luôn đối chiếu với ngày hôm nay, hoặc nhập một ngày cố định (dd/mm/yyyy) để chốt báo cáo.' },
      error: { title: 'Ngày không hợp lệ', message: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 31/12/2026.' },
    },
    {
      range: cellRef(WINDOW_CELL.row, WINDOW_CELL.col),
      rule: { type: 'whole', min: 0, max: MAX_DUE_SOON_WINDOW },
      allowBlank: false,
      error: { title: 'Số ngày không hợp lệ', message: `Nhập số ngày nguyên từ 0 đến ${MAX_DUE_SOON_WINDOW}.` },
    },
  );

  // Header.
  blocks.push({ at: `A${HEADER_ROW}`, rows: [TRACKER_COLUMNS.map((c) => c.header)] });
  styleRanges.push({ range: full(HEADER_ROW), style: 'header' });

  // Body.
  const asOfRef = cellRef(AS_OF_CELL.row, AS_OF_CELL.col, { row: true, col: true });
  const windowRef = cellRef(WINDOW_CELL.row, WINDOW_CELL.col, { row: true, col: true });
  const body: CellValue[][] = [];
  let r = HEADER_ROW + 1;
  const taskRowRuns: [number, number][] = [];
  const pushTaskRow = (task: PlanTask, role: TaskRole | 'orphan') => {
    const parsed = taskDeadline(task, { inclusiveBefore: input.inclusiveBefore });
    const deadline = parsed.ok ? parsed.deadline : null;
    const entry = input.entries?.get(task.id);
    const v = (k: TrackerInputKey): CellValue => entry?.values[k] ?? null;
    const ref = (k: TrackerColumnKey) => cellRef(r, TRACKER_COL[k], { col: true });
    const formula = deadline
      ? dueStateFormula(
          {
            status: ref('status'), note: ref('note'), completion: ref('completion'), start: ref('start'),
            due: ref('due'), asOf: asOfRef, window: windowRef,
          },
          deadline.yearlyMilestones === true,
        )
      : null;
    // A multi-year row's "Mốc năm": the 31/12 its "Tình trạng hạn" is judged against, from the same rule.
    const milestone = deadline?.yearlyMilestones === true
      ? milestoneFormula({ start: ref('start'), due: ref('due'), asOf: asOfRef })
      : null;
    body.push([
      task.id,
      role === 'coordinating' ? `${task.content}\n${COORDINATING_MARK}` : task.content,
      task.leadText,
      task.coordinatingText,
      task.deadlineText === '' ? 'Không nêu thời hạn' : task.deadlineText,
      deadline?.start != null ? { date: deadline.start } : null,
      deadline?.due != null ? { date: deadline.due } : null,
      v('status'),
      v('completion'),
      v('percent'),
      v('result'),
      v('note'),
      formula ? { formula } : 'Không đọc được thời hạn',
      milestone ? { formula: milestone } : null,
    ]);
    if (role === 'coordinating') styleRanges.push({ range: `B${r}`, style: 'coordinating' });
    const cells = body[body.length - 1] ?? [];
    const text = (k: TrackerColumnKey) => {
      const value = cells[TRACKER_COL[k] - 1];
      return typeof value === 'string' ? value : '';
    };
    heights.push({
      row: r,
      height: rowHeightFor((['content', 'lead', 'coordinating', 'deadlineText', 'result', 'note'] as const).map((k) => ({ text: text(k), width: width(k) }))),
    });
    const last = taskRowRuns[taskRowRuns.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else taskRowRuns.push([r, r]);
    rows.push({ row: r, task, role });
    r++;
  };
  const pushHeading = (id: string, text: string, style: 'section' | 'group') => {
    body.push([id, text]);
    merges.push(`B${r}:${columnLetter(LAST_COL)}${r}`);
    const mergedWidth = TRACKER_COLUMNS.slice(1).reduce((sum, c) => sum + c.width, 0);
    heights.push({ row: r, height: rowHeightFor([{ text, width: mergedWidth }]) });
    styleRanges.push({ range: full(r), style });
    r++;
  };

  const included = new Set<string>();
  for (const section of pack.sections) {
    const tasks = pack.tasks
      .map((task) => ({ task, role: roleOf(task, agency) }))
      .filter((x): x is { task: PlanTask; role: TaskRole } => x.task.section === section.id && x.role !== null);
    if (tasks.length === 0) continue;
    pushHeading('', section.title, 'section');
    let currentParent: string | undefined;
    for (const { task, role } of tasks) {
      if (task.parent !== undefined && task.parent !== currentParent) {
        const heading = pack.headings.find((h) => h.id === task.parent);
        if (heading) pushHeading(heading.id, heading.content, 'group');
      }
      currentParent = task.parent;
      pushTaskRow(task, role);
      included.add(task.id);
    }
  }
  // Entries for tasks that no longer apply to this agency are kept, never dropped.
  const orphans = [...(input.entries?.values() ?? [])].filter(
    (e) => !included.has(e.taskId) && TRACKER_INPUT_KEYS.some((k) => !isEmptyValue(e.values[k] ?? null)),
  );
  if (orphans.length > 0) {
    pushHeading('', ORPHAN_SECTION_TITLE, 'section');
    for (const e of orphans) {
      const task = pack.tasks.find((t) => t.id === e.taskId) ?? {
        id: e.taskId, section: '', content: '(Nhiệm vụ không có trong Kế hoạch hiện hành)', leadText: '', coordinatingText: '',
        deadlineText: '', lead: [{ type: 'all' as const }], coordinating: [],
      };
      pushTaskRow(task, 'orphan');
    }
  }
  const lastRow = Math.max(HEADER_ROW + 1, r - 1);
  blocks.push({ at: `A${HEADER_ROW + 1}`, rows: body });
  styleRanges.unshift({ range: `A${HEADER_ROW + 1}:${columnLetter(LAST_COL)}${lastRow}`, style: 'body' });
  const colRange = (k: TrackerColumnKey) => `${columnLetter(TRACKER_COL[k])}${HEADER_ROW + 1}:${columnLetter(TRACKER_COL[k])}${lastRow}`;
  styleRanges.splice(1, 0,
    { range: colRange('id'), style: 'id' },
    { range: colRange('start'), style: 'date' },
    { range: colRange('due'), style: 'date' },
    { range: colRange('completion'), style: 'date' },
    { range: colRange('percent'), style: 'percent' },
    { range: colRange('dueState'), style: 'state' },
    { range: colRange('milestone'), style: 'date' },
  );
  // Re-apply heading styles after the column styles.
  const headingRanges = styleRanges.filter((s) => s.style === 'section' || s.style === 'group');
  styleRanges.push(...headingRanges);

  // Inputs: drop-down, date, percentage; input cells tinted.
  for (const [from, to] of taskRowRuns) {
    const run = (k: TrackerColumnKey) => `${columnLetter(TRACKER_COL[k])}${from}:${columnLetter(TRACKER_COL[k])}${to}`;
    styleRanges.push({ range: `${columnLetter(TRACKER_COL.status)}${from}:${columnLetter(TRACKER_COL.note)}${to}`, style: 'input' });
    validations.push(
      {
        range: run('status'),
        rule: { type: 'list', values: TASK_STATUSES },
        allowBlank: true,
        prompt: { title: 'Trạng thái', message: 'Chọn trong danh sách. "Hoàn thành" cần ngày hoàn thành; "Không thực hiện" cần lý do ở cột Ghi chú.' },
        error: { title: 'Trạng thái không hợp lệ', message: `Chọn một trong: ${TASK_STATUSES.join(', ')}.` },
      },
      {
        range: run('completion'),
        rule: { type: 'date' },
        allowBlank: true,
        prompt: { title: 'Ngày hoàn thành', message: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 20/01/2026.' },
        error: { title: 'Ngày không hợp lệ', message: 'Nhập một ngày có thật dạng dd/mm/yyyy (ngày trước, tháng sau), ví dụ 20/01/2026.' },
      },
      {
        range: run('percent'),
        rule: { type: 'decimal', min: 0, max: 100 },
        allowBlank: true,
        prompt: { title: 'Tiến độ (%)', message: 'Nhập số từ 0 đến 100; 100 chỉ khi đã hoàn thành.' },
        error: { title: 'Tiến độ không hợp lệ', message: 'Tiến độ là một số từ 0 đến 100.' },
      },
    );
  }

  const conditionalFormats: ConditionalFormat[] = [];
  if (taskRowRuns.length > 0) {
    const stateCol = cellRef(HEADER_ROW + 1, TRACKER_COL.dueState, { col: true });
    const area = `A${HEADER_ROW + 1}:${columnLetter(LAST_COL)}${lastRow}`;
    for (const state of ['overdue', 'due-soon', 'done-on-time', 'done-late', 'not-open'] as const) {
      const colours = STATE_COLOURS[state];
      if (!colours) continue;
      conditionalFormats.push({
        type: 'expression',
        range: area,
        formula: stateMatchFormula(state, stateCol),
        fill: colours.fill,
        fontColor: colours.font,
        stopIfTrue: true,
      });
    }
    conditionalFormats.push({ type: 'dataBar', range: colRange('percent'), color: '#0F6CBD', min: 0, max: 100 });
  }

  const spec: SheetSpec = {
    name: pack.trackerSheetName,
    tabColor: '#0F6CBD',
    columns: TRACKER_COLUMNS.map((c) => ({ width: c.width })),
    rowHeights: [
      { row: 1, height: 24 },
      { row: 3, height: rowHeightFor([{ text: String(blocks[2]?.rows[0]?.[0] ?? ''), width: TRACKER_COLUMNS.reduce((s, c) => s + c.width, 0) }], 9) },
      { row: HEADER_ROW, height: rowHeightFor(TRACKER_COLUMNS.map((c) => ({ text: c.header, width: c.width }))) },
      ...heights,
    ],
    blocks,
    styles: TRACKER_STYLES,
    styleRanges,
    merges,
    validations,
    conditionalFormats,
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 },
      centerHorizontally: true,
    },
    activeCell: rows[0] ? cellRef(rows[0].row, TRACKER_COL.status) : cellRef(AS_OF_CELL.row, AS_OF_CELL.col),
  };
  return {
    spec,
    rows,
    headerRow: HEADER_ROW,
    asOfCell: cellRef(AS_OF_CELL.row, AS_OF_CELL.col),
    windowCell: cellRef(WINDOW_CELL.row, WINDOW_CELL.col),
  };
}

/** The condition (for conditional formatting) that a row's "Tình trạng hạn" shows `state`, from the label itself. */
export function stateMatchFormula(state: DueState, firstCell: string): string {
  const prefix = DUE_STATE_LABELS[state].prefix;
  return `=LEFT(${firstCell},${[...prefix].length})="${prefix.replace(/"/g, '""')}"`;
}

export const TRACKER_STYLES: SheetSpec['styles'] = {
  title: { bold: true, fontSize: 14, hAlign: 'center', vAlign: 'middle', fontColor: '#0F3D73' },
  subtitle: { bold: true, fontSize: 11, hAlign: 'center' },
  basis: { italic: true, fontSize: 9, hAlign: 'center', wrap: true, vAlign: 'top', fontColor: '#424242' },
  label: { bold: true, hAlign: 'right' },
  settingDate: { numberFormat: 'dd/mm/yyyy', fill: '#FFF9E5', border: 'thin', hAlign: 'center', bold: true },
  settingNumber: { numberFormat: '0', fill: '#FFF9E5', border: 'thin', hAlign: 'center', bold: true },
  hint: { italic: true, fontSize: 9, fontColor: '#616161' },
  header: { bold: true, fill: '#0F6CBD', fontColor: '#FFFFFF', hAlign: 'center', vAlign: 'middle', wrap: true, border: 'thin' },
  body: { border: 'thin', vAlign: 'top', wrap: true, fontSize: 10 },
  id: { hAlign: 'center', numberFormat: '@' },
  date: { numberFormat: 'dd/mm/yyyy', hAlign: 'center' },
  percent: { numberFormat: '0', hAlign: 'center' },
  state: { bold: true },
  input: { fill: '#FFFDF5' },
  coordinating: { italic: true },
  section: { bold: true, fill: '#DEECF9', fontColor: '#0F3D73', wrap: false },
  group: { bold: true, fill: '#F3F9FD', wrap: true },
};

// ---------------------------------------------------------------------------------------------------------------
// Reading a tracker back.

export interface TrackerRead {
  readonly headerRow: number;
  /** Column of each known header (1-based), found by its text, so inserted columns do not break reading. */
  readonly columns: Readonly<Partial<Record<TrackerColumnKey, number>>>;
  readonly entries: ReadonlyMap<string, TrackerEntry & { readonly row: number }>;
  readonly asOf: { readonly value: GridValue; readonly formula: string | null; readonly cell: string } | null;
  readonly window: { readonly value: GridValue; readonly cell: string } | null;
  /** Non-empty cells the layout does not own and could not keep (e.g. notes typed below the table). */
  readonly foreignCells: readonly string[];
}

const HEADER_KEYS = new Map(TRACKER_COLUMNS.map((c) => [normaliseName(c.header), c.key]));

/** What the layout itself writes in the body besides task rows: task ids and the texts of its heading rows. */
export interface TrackerVocabulary {
  readonly taskIds: ReadonlySet<string>;
  readonly headings: ReadonlySet<string>;
}

/** A pack's vocabulary, built once (a pack is not changed once loaded). */
const vocabularies = new WeakMap<PlanPack, TrackerVocabulary>();

export function trackerVocabulary(pack: PlanPack): TrackerVocabulary {
  let vocabulary = vocabularies.get(pack);
  if (!vocabulary) {
    vocabulary = {
      taskIds: new Set(pack.tasks.map((t) => t.id)),
      headings: new Set(
        [...pack.sections.map((s) => s.title), ...pack.headings.map((h) => h.content), ORPHAN_SECTION_TITLE].map(normaliseName),
      ),
    };
    vocabularies.set(pack, vocabulary);
  }
  return vocabulary;
}

/** The last reading of each grid (a file's tracker is read by validation and again by consolidation). */
const readings = new WeakMap<Grid, { readonly vocabulary: TrackerVocabulary; readonly read: TrackerRead | null }>();

/** Finds the tracker in a grid by its header row; null when the grid does not hold one. */
export function readTracker(grid: Grid, vocabulary: TrackerVocabulary): TrackerRead | null {
  const known = readings.get(grid);
  if (known && known.vocabulary === vocabulary) return known.read;
  const read = readTrackerGrid(grid, vocabulary);
  readings.set(grid, { vocabulary, read });
  return read;
}

function readTrackerGrid(grid: Grid, vocabulary: TrackerVocabulary): TrackerRead | null {
  const knownTaskIds = vocabulary.taskIds;
  let headerRow = 0;
  const columns: Partial<Record<TrackerColumnKey, number>> = {};
  for (let r = 1; r <= Math.min(grid.values.length, 40) && headerRow === 0; r++) {
    const row = grid.values[r - 1] ?? [];
    const found: Partial<Record<TrackerColumnKey, number>> = {};
    row.forEach((v, i) => {
      const key = typeof v === 'string' ? HEADER_KEYS.get(nameKey(v)) : undefined;
      if (key && found[key] === undefined) found[key] = i + 1;
    });
    if (found.id !== undefined && found.content !== undefined && found.status !== undefined) {
      headerRow = r;
      Object.assign(columns, found);
    }
  }
  if (headerRow === 0) return null;

  // Cells present only: a sparse row with a stray value far to the right is not walked cell by cell.
  const findLabelled = (label: string): { row: number; col: number } | null => {
    const wanted = nameKey(label);
    let at: { row: number; col: number } | null = null;
    forEachRow(grid, 1, (r) => {
      if (r >= headerRow) return true;
      forEachCell(grid, r, (c, v) => {
        if (typeof v !== 'string' || nameKey(v).replace(/:$/, '') !== wanted) return false;
        at = { row: r, col: filledAfter(grid, r, c) ?? c + 1 };
        return true;
      });
      return at !== null;
    });
    return at;
  };
  const asOfAt = findLabelled(AS_OF_LABEL);
  const windowAt = findLabelled(WINDOW_LABEL);

  const entries = new Map<string, TrackerEntry & { row: number }>();
  const foreignCells: string[] = [];
  const idCol = columns.id ?? 1;
  const owned = new Set(Object.values(columns));
  forEachRow(grid, headerRow + 1, (r) => {
    const id = gridText(grid, r, idCol).trim();
    const row = grid.values[r - 1] ?? [];
    if (id !== '' && knownTaskIds.has(id)) {
      const values: Partial<Record<TrackerInputKey, GridValue>> = {};
      for (const k of TRACKER_INPUT_KEYS) {
        const c = columns[k];
        if (c !== undefined) values[k] = gridValue(grid, r, c);
      }
      if (!entries.has(id)) entries.set(id, { taskId: id, row: r, values });
      row.forEach((v, i) => {
        if (!owned.has(i + 1) && !isEmptyValue(v)) foreignCells.push(cellRef(r, i + 1));
      });
      return;
    }
    // Heading rows of the layout (a section title, a group row like "16") are owned; anything else is the user's.
    const contentCol = columns.content ?? idCol + 1;
    const isHeading =
      vocabulary.headings.has(nameKey(gridText(grid, r, contentCol))) &&
      row.every((v, i) => i + 1 === idCol || i + 1 === contentCol || isEmptyValue(v));
    if (isHeading) return;
    row.forEach((v, i) => {
      if (!isEmptyValue(v)) foreignCells.push(cellRef(r, i + 1));
    });
  });
  // Cells to the right of the table in the heading area are also the user's (the table as read: a tracker made
  // before the "Mốc năm" column ends one column earlier).
  const lastCol = Math.max(...owned);
  forEachRow(grid, 1, (r) => {
    if (r > headerRow) return true;
    forEachCell(grid, r, (c, v) => {
      if (c > lastCol && !isEmptyValue(v)) foreignCells.push(cellRef(r, c));
    });
    return false;
  });
  return {
    headerRow,
    columns,
    entries,
    asOf: asOfAt
      ? { value: gridValue(grid, asOfAt.row, asOfAt.col), formula: grid.formulas?.[asOfAt.row - 1]?.[asOfAt.col - 1] ?? null, cell: cellRef(asOfAt.row, asOfAt.col) }
      : null,
    window: windowAt ? { value: gridValue(grid, windowAt.row, windowAt.col), cell: cellRef(windowAt.row, windowAt.col) } : null,
    foreignCells,
  };
}

/** The first column right of `col` in sheet row `row` that holds a value or a formula; null when none does. */
function filledAfter(grid: Grid, row: number, col: number): number | null {
  let found: number | null = null;
  const first = (c: number): void => {
    if (c > col && (found === null || c < found)) found = c;
  };
  forEachCell(grid, row, (c, v) => {
    if (c <= col || isEmptyValue(v)) return false;
    first(c);
    return true;
  });
  // A formula whose result is empty still marks the cell the label refers to.
  if (grid.formulas) {
    forEachCell({ name: grid.name, values: grid.formulas }, row, (c, f) => {
      if (c <= col || !f) return false;
      first(c);
      return true;
    });
  }
  return found;
}

/** What the due-state rule needs of a row the user filled in: its status, completion date and note. */
export interface EntryProgress {
  readonly status: string | null;
  readonly completion: Day | null;
  readonly note: string | null;
}

/** Reads a cell as a date (an Excel serial); text or anything else is no date. */
export function cellDay(v: GridValue | undefined): Day | null {
  return typeof v === 'number' ? fromExcelSerial(v) : null;
}

/**
 * The day a tracker's dates are judged on: the date its "Ngày đối chiếu" holds, typed or calculated; `otherwise` when
 * the cell holds none (an =TODAY() Excel never calculated, or no such cell). The check and the summary both take it so.
 */
export function trackerAsOf(tracker: TrackerRead, otherwise: Day): Day {
  return cellDay(tracker.asOf?.value) ?? otherwise;
}

/** The date typed in "Ngày đối chiếu" in place of its =TODAY() (kept fixed on a re-insert); null when there is none. */
export function fixedAsOf(tracker: TrackerRead): Day | null {
  return tracker.asOf !== null && tracker.asOf.formula === null ? cellDay(tracker.asOf.value) : null;
}

/**
 * The due-soon window the tracker's cell holds, in whole days as its "Tình trạng hạn" formulas count them (7.5 is 7);
 * null when the cell holds no number of 0 or more.
 */
export function trackerWindow(tracker: TrackerRead): number | null {
  const w = tracker.window?.value;
  return typeof w === 'number' && Number.isFinite(w) && w >= 0 ? Math.floor(w) : null;
}

function cellText(v: GridValue | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function entryProgress(entry: TrackerEntry): EntryProgress {
  return { status: cellText(entry.values.status), completion: cellDay(entry.values.completion), note: cellText(entry.values.note) };
}
