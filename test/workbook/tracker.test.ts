import { describe, expect, it } from 'vitest';
import { dayFromYmd, mustDay, toExcelSerial } from '../../src/domain/calendar';
import { dueStateFormula, TASK_STATUSES } from '../../src/domain/due-state';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { cellRef } from '../../src/workbook/a1';
import type { Grid, GridValue } from '../../src/workbook/grid';
import {
  COORDINATING_MARK, ORPHAN_SECTION_TITLE, readTracker, stateMatchFormula, TRACKER_COL, TRACKER_COLUMNS, trackerLayout,
  trackerVocabulary,
} from '../../src/workbook/tracker';
import { isFormula, type CellValue, type SheetSpec } from '../../src/workbook/sheet-spec';
import { parseCell } from '../../src/workbook/a1';

const pack = defaultPlanPack();
const roster = defaultRoster();
const agency = (code: string): RosterEntry => {
  const a = findAgency(roster, code);
  if (!a) throw new Error(code);
  return a;
};

/** The spec's cells as a sparse map "A1" → value, the way a host would write them. */
function cells(spec: SheetSpec): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of spec.blocks) {
    const at = parseCell(b.at);
    b.rows.forEach((row, i) => row.forEach((v, j) => {
      if (v !== null) out.set(cellRef(at.row + i, at.col + j), v);
    }));
  }
  return out;
}

/** A Grid as a host would read back the spec (formulas kept apart, dates as serials). */
function gridOf(spec: SheetSpec, edits: Record<string, GridValue> = {}): Grid {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  const put = (ref: string, v: CellValue) => {
    const { row, col } = parseCell(ref);
    values[row - 1] ??= [];
    formulas[row - 1] ??= [];
    if (isFormula(v)) {
      formulas[row - 1]![col - 1] = v.formula;
      values[row - 1]![col - 1] = null;
    } else if (v !== null && typeof v === 'object') {
      values[row - 1]![col - 1] = toExcelSerial(v.date);
    } else values[row - 1]![col - 1] = v;
  };
  for (const [ref, v] of cells(spec)) put(ref, v);
  for (const [ref, v] of Object.entries(edits)) put(ref, v);
  for (let i = 0; i < values.length; i++) {
    values[i] = Array.from({ length: values[i]?.length ?? 0 }, (_, j) => values[i]?.[j] ?? null);
    formulas[i] = Array.from({ length: formulas[i]?.length ?? 0 }, (_, j) => formulas[i]?.[j] ?? null);
  }
  return { name: spec.name, values, formulas };
}

const ids = trackerVocabulary(pack);

describe('tracker layout', () => {
  const layout = trackerLayout({ pack, agency: agency('05455'), inclusiveBefore: false, window: 14, asOf: 'today' });
  const c = cells(layout.spec);

  it('has the sheet name from the pack and the exact column headers on the header row', () => {
    expect(layout.spec.name).toBe('Theo dõi nhiệm vụ 2026');
    const headers = TRACKER_COLUMNS.map((_, i) => c.get(cellRef(layout.headerRow, i + 1)));
    expect(headers).toEqual([
      'TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành (theo Kế hoạch)',
      'Ngày bắt đầu', 'Hạn hoàn thành', 'Trạng thái', 'Ngày hoàn thành', 'Tiến độ (%)', 'Kết quả / Sản phẩm', 'Ghi chú',
      'Tình trạng hạn', 'Mốc năm (nhiệm vụ nhiều năm)',
    ]);
  });

  it('labels the as-of cell and defaults it to =TODAY()', () => {
    expect(c.get('B4')).toBe('Ngày đối chiếu:');
    expect(c.get(layout.asOfCell)).toEqual({ formula: '=TODAY()' });
  });

  it('lists only the tasks that apply to an ordinary ward, in plan order, marking the coordinating ones', () => {
    const listed = layout.rows.map((r) => r.task.id);
    expect(listed.slice(0, 16)).toEqual(['1', '2', '3', '4', '5', '7', '8', '9', '10', '12', '13', '14', '15', '16a', '16b', 'III.1.a']);
    expect(listed).not.toContain('6');
    expect(listed).not.toContain('11');
    expect(listed).not.toContain('16c');
    expect(listed.filter((id) => id.startsWith('III.2'))).toEqual([]);
    const row2 = layout.rows.find((r) => r.task.id === '2');
    expect(row2?.role).toBe('coordinating');
    expect(c.get(cellRef(row2!.row, TRACKER_COL.content))).toBe(`${row2!.task.content}\n${COORDINATING_MARK}`);
    const row1 = layout.rows.find((r) => r.task.id === '1');
    expect(c.get(cellRef(row1!.row, TRACKER_COL.content))).toBe(row1!.task.content);
  });

  it('keeps the heading row 16 above 16a and 16b', () => {
    const row16a = layout.rows.find((r) => r.task.id === '16a')!.row;
    expect(c.get(cellRef(row16a - 1, 1))).toBe('16');
    expect(c.get(cellRef(row16a - 1, 2))).toBe(pack.headings[0]!.content);
  });

  it('writes dates as dates and the due-state column as the formula generated from the rule', () => {
    for (const r of layout.rows) {
      const formula = c.get(cellRef(r.row, TRACKER_COL.dueState));
      const ref = (k: keyof typeof TRACKER_COL) => cellRef(r.row, TRACKER_COL[k], { col: true });
      const expected = dueStateFormula({
        status: ref('status'), note: ref('note'), completion: ref('completion'), start: ref('start'), due: ref('due'),
        asOf: '$C$4', window: '$E$4',
      }, r.task.deadlineText.startsWith('Giai đoạn'));
      expect(formula).toEqual({ formula: expected });
    }
    const r16a = layout.rows.find((r) => r.task.id === '16a')!.row;
    expect(c.get(cellRef(r16a, TRACKER_COL.due))).toEqual({ date: dayFromYmd(2026, 2, 27) });
    expect(c.get(cellRef(r16a, TRACKER_COL.deadlineText))).toBe('Trước ngày 28/02/2026');
  });

  it('moves the due date of "Trước ngày X" to X itself when inclusive', () => {
    const inc = trackerLayout({ pack, agency: agency('05455'), inclusiveBefore: true, window: 14, asOf: 'today' });
    const r16a = inc.rows.find((r) => r.task.id === '16a')!.row;
    expect(cells(inc.spec).get(cellRef(r16a, TRACKER_COL.due))).toEqual({ date: dayFromYmd(2026, 2, 28) });
  });

  it('offers the four statuses as a drop-down and validates dates and percentages on every task row', () => {
    const lists = layout.spec.validations.filter((v) => v.rule.type === 'list');
    expect(lists.length).toBeGreaterThan(0);
    for (const v of lists) expect(v.rule).toEqual({ type: 'list', values: TASK_STATUSES });
    const covered = new Set<number>();
    for (const v of lists) {
      const [a, b] = v.range.split(':');
      for (let r = parseCell(a!).row; r <= parseCell(b ?? a!).row; r++) covered.add(r);
    }
    expect([...covered].sort((x, y) => x - y)).toEqual(layout.rows.map((r) => r.row));
    expect(layout.spec.validations.some((v) => v.rule.type === 'decimal' && v.rule.min === 0 && v.rule.max === 100)).toBe(true);
    expect(layout.spec.validations.every((v) => v.error?.message)).toBe(true);
  });

  it('colours rows by state from the labels the formula shows, and prints on A4 landscape with the header repeated', () => {
    const expr = layout.spec.conditionalFormats.filter((f) => f.type === 'expression');
    expect(expr.map((f) => f.type === 'expression' && f.formula)).toContain(stateMatchFormula('overdue', '$M7'));
    expect(stateMatchFormula('overdue', '$M7')).toBe('=LEFT($M7,9)="Quá hạn ("');
    expect(layout.spec.conditionalFormats.some((f) => f.type === 'dataBar')).toBe(true);
    expect(layout.spec.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: '6:6' });
    expect(layout.spec.freeze).toEqual({ rows: 6, columns: 1 });
  });

  it('gives Sở Nội vụ its own duties and the rows it coordinates', () => {
    const snv = trackerLayout({ pack, agency: agency('SNV'), inclusiveBefore: false, window: 14, asOf: 'today' });
    const roles = new Map(snv.rows.map((r) => [r.task.id, r.role]));
    expect(roles.get('2')).toBe('lead');
    expect(roles.get('6')).toBe('lead'); // provincial bodies carry the "nộp lưu" flag by default
    expect(roles.get('16c')).toBe('coordinating');
    expect(roles.get('III.2.i')).toBe('lead');
    expect(roles.has('III.3.a')).toBe(false);
  });

  it('fixes the as-of date when asked', () => {
    const fixed = trackerLayout({ pack, agency: agency('STC'), inclusiveBefore: false, window: 7, asOf: mustDay(2026, 6, 30) });
    const fc = cells(fixed.spec);
    expect(fc.get(fixed.asOfCell)).toEqual({ date: mustDay(2026, 6, 30) });
    expect(fc.get(fixed.windowCell)).toBe(7);
  });
});

describe('reading a tracker back', () => {
  const layout = trackerLayout({ pack, agency: agency('05455'), inclusiveBefore: false, window: 14, asOf: 'today' });
  const row1 = layout.rows.find((r) => r.task.id === '1')!.row;

  it('finds every task row by its id, with the user entries', () => {
    const grid = gridOf(layout.spec, {
      [cellRef(row1, TRACKER_COL.status)]: 'Hoàn thành',
      [cellRef(row1, TRACKER_COL.completion)]: toExcelSerial(mustDay(2026, 1, 20)),
      [cellRef(row1, TRACKER_COL.note)]: '=HYPERLINK("x")',
    });
    const read = readTracker(grid, ids)!;
    expect(read.headerRow).toBe(6);
    expect([...read.entries.keys()]).toEqual(layout.rows.map((r) => r.task.id));
    expect(read.entries.get('1')?.values).toMatchObject({
      status: 'Hoàn thành', completion: toExcelSerial(mustDay(2026, 1, 20)), note: '=HYPERLINK("x")',
    });
    expect(read.asOf?.formula).toBe('=TODAY()');
    expect(read.foreignCells).toEqual([]);
  });

  it('still finds the columns when the user inserted a column before them', () => {
    const grid = gridOf(layout.spec, { [cellRef(row1, TRACKER_COL.status)]: 'Đang thực hiện' });
    const shifted: Grid = { name: grid.name, values: grid.values.map((r) => [null, ...r]) };
    const read = readTracker(shifted, ids)!;
    expect(read.columns.id).toBe(2);
    expect(read.entries.get('1')?.values.status).toBe('Đang thực hiện');
  });

  it('reports cells the user typed outside the table', () => {
    const last = layout.rows[layout.rows.length - 1]!.row;
    const grid = gridOf(layout.spec, { [cellRef(last + 3, 2)]: 'ghi chú riêng', [cellRef(row1, 20)]: 5 });
    const read = readTracker(grid, ids)!;
    expect(read.foreignCells).toEqual([cellRef(row1, 20), cellRef(last + 3, 2)]);
  });

  it('reads a grid once per vocabulary (validation and consolidation share the reading), and a pack once', () => {
    const grid = gridOf(layout.spec, { [cellRef(row1, TRACKER_COL.status)]: 'Hoàn thành' });
    const first = readTracker(grid, ids);
    expect(readTracker(grid, ids)).toBe(first);
    expect(trackerVocabulary(pack)).toBe(trackerVocabulary(pack));
    const other = { taskIds: new Set<string>(), headings: ids.headings };
    expect(readTracker(grid, other)?.entries.size).toBe(0);
    expect(readTracker(grid, ids)?.entries.get('1')?.values.status).toBe('Hoàn thành');
  });

  it('returns null for a sheet that is not a tracker', () => {
    expect(readTracker({ name: 'x', values: [['Họ tên', 'Ngày sinh'], ['A', 1]] }, ids)).toBeNull();
  });

  it('keeps entries of tasks that no longer apply at the end, never dropping them', () => {
    const again = trackerLayout({
      pack, agency: agency('05455'), inclusiveBefore: false, window: 14, asOf: 'today',
      entries: new Map([['6', { taskId: '6', values: { status: 'Đang thực hiện', note: 'đã nộp 2 mét' } }]]),
    });
    const orphan = again.rows.find((r) => r.role === 'orphan');
    expect(orphan?.task.id).toBe('6');
    const ac = cells(again.spec);
    expect(ac.get(cellRef(orphan!.row - 1, 2))).toBe(ORPHAN_SECTION_TITLE);
    expect(ac.get(cellRef(orphan!.row, TRACKER_COL.note))).toBe('đã nộp 2 mét');
  });
});
