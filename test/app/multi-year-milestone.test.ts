/**
 * Multi-year tasks (task 15, "Giai đoạn 2026 - 2035"): the tracker's "Mốc năm" column, the summary the pane reads
 * and the pane's attention list say both the due date of the period and the milestone its state is judged against.
 * Trackers made before the column (13 columns) still read.
 */
import { describe, expect, it } from 'vitest';
import { type Day, formatVn, mustDay, toExcelSerial } from '../../src/domain/calendar';
import { computeDueState, milestoneFormula } from '../../src/domain/due-state';
import { t } from '../../src/domain/i18n';
import { findAgency } from '../../src/domain/roster';
import { taskDeadline } from '../../src/domain/task-deadline';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { insertTracker } from '../../src/app/insert-tracker';
import { summariseTracker } from '../../src/app/tracker-summary';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { cellRef, columnLetter } from '../../src/workbook/a1';
import type { Grid } from '../../src/workbook/grid';
import { readTracker, TRACKER_COL, TRACKER_COLUMNS, trackerLayout, trackerVocabulary } from '../../src/workbook/tracker';
import { attentionModel } from '../../src/taskpane/view-model';

const pack = defaultPlanPack();
const agency = findAgency(defaultRoster(), '05455')!;
const d = (y: number, m: number, dd: number): Day => mustDay(y, m, dd);

function cellsOf(layout: ReturnType<typeof trackerLayout>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const block of layout.spec.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(block.at)!;
    const col0 = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    block.rows.forEach((row, i) => row.forEach((v, j) => out.set(cellRef(Number(m[2]) + i, col0 + j), v)));
  }
  return out;
}

async function summaryAt(asOf: Day, window = 14) {
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack, agency, now: new Date('2026-11-29T03:00:00Z'), confirm: async () => false, asOf, window });
  const result = await summariseTracker(wb, pack, Date.UTC(2026, 0, 1, 3));
  if (!result.ok) throw new Error('no tracker');
  return { wb, summary: result.summary };
}

describe('the tracker\'s "Mốc năm" column', () => {
  const layout = trackerLayout({ pack, agency, inclusiveBefore: false, window: 14, asOf: 'today' });
  const cells = cellsOf(layout);

  it('is the last column, after "Tình trạng hạn", so older trackers keep their layout', () => {
    expect(TRACKER_COL.milestone).toBe(TRACKER_COLUMNS.length);
    expect(TRACKER_COL.milestone).toBe(TRACKER_COL.dueState + 1);
    expect(cells.get(cellRef(layout.headerRow, TRACKER_COL.milestone))).toBe('Mốc năm (nhiệm vụ nhiều năm)');
  });

  it('holds the milestone formula of the rule on the multi-year row (task 15) only, as a date', () => {
    for (const r of layout.rows) {
      const got = cells.get(cellRef(r.row, TRACKER_COL.milestone));
      const parsed = taskDeadline(r.task, { inclusiveBefore: false });
      if (parsed.ok && parsed.deadline.yearlyMilestones === true) {
        const ref = (k: 'start' | 'due') => cellRef(r.row, TRACKER_COL[k], { col: true });
        expect(got).toEqual({ formula: milestoneFormula({ start: ref('start'), due: ref('due'), asOf: '$C$4' }) });
      } else {
        expect([r.task.id, got]).toEqual([r.task.id, null]);
      }
    }
    const row15 = layout.rows.find((r) => r.task.id === '15')!.row;
    const milestoneCol = columnLetter(TRACKER_COL.milestone);
    expect(cells.get(cellRef(row15, TRACKER_COL.milestone))).toEqual({ formula: `=MIN(DATE(YEAR(IF($C$4<$F${row15},$F${row15},$C$4)),12,31),$G${row15})` });
    const styled = layout.spec.styleRanges.filter((s) => s.range.startsWith(`${milestoneCol}${layout.headerRow + 1}:`));
    expect(styled.map((s) => s.style)).toContain('date');
  });
});

describe('a tracker made before the "Mốc năm" column', () => {
  /** The new layout with its last column cut off: what an older version wrote. */
  function oldGrid(extra: Record<string, string> = {}): Grid {
    const layout = trackerLayout({ pack, agency, inclusiveBefore: false, window: 14, asOf: d(2026, 11, 29) });
    const cells = cellsOf(layout);
    const rows = Math.max(...[...cells.keys()].map((k) => Number(/\d+$/.exec(k)![0])));
    const values = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: TRACKER_COLUMNS.length - 1 }, (_, c) => {
        const v = cells.get(cellRef(r + 1, c + 1));
        if (v === undefined || v === null) return null;
        if (typeof v === 'object' && 'date' in v) return toExcelSerial(v.date as Day);
        if (typeof v === 'object') return null;
        return v as string | number;
      }),
    );
    for (const [at, text] of Object.entries(extra)) {
      const m = /^([A-Z]+)(\d+)$/.exec(at)!;
      const row = values[Number(m[2]) - 1]!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      while (row.length < col) row.push(null);
      row[col - 1] = text;
    }
    return { name: pack.trackerSheetName, values };
  }

  it('still reads: its columns, entries and as-of date, without the milestone column', () => {
    const read = readTracker(oldGrid(), trackerVocabulary(pack))!;
    expect(read).not.toBeNull();
    expect(read.columns.milestone).toBeUndefined();
    expect(read.columns.dueState).toBe(13);
    expect(read.entries.has('15')).toBe(true);
    expect(read.asOf?.value).toBe(toExcelSerial(d(2026, 11, 29)));
    expect(read.foreignCells).toEqual([]);
  });

  it('a note the user typed right of its heading area (N1) is still the user\'s, not the new column\'s', () => {
    const read = readTracker(oldGrid({ N1: 'ghi chú của văn thư' }), trackerVocabulary(pack))!;
    expect(read.foreignCells).toEqual(['N1']);
  });
});

describe('inserting the tracker again over one made before the "Mốc năm" column', () => {
  it('keeps what was typed, asks nothing, and adds the column', async () => {
    const { wb } = await summaryAt(d(2026, 11, 29));
    const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    // What an older version left: the same table without its last column, with the user's entries.
    for (const range of [...ws.model.merges]) ws.unMergeCells(range);
    ws.spliceColumns(TRACKER_COL.milestone, 1);
    const row15 = wb.grid(pack.trackerSheetName)!.values.findIndex((r) => r[0] === '15') + 1;
    ws.getCell(row15, TRACKER_COL.status).value = 'Đang thực hiện';
    ws.getCell(row15, TRACKER_COL.note).value = 'Đã chỉnh lý 120 mét giá';
    const old = wb.grid(pack.trackerSheetName)!;
    expect(old.values[5]?.[TRACKER_COL.milestone - 1] ?? null).toBeNull();
    const questions: string[] = [];
    const result = await insertTracker(wb, {
      pack, agency, now: new Date('2026-11-29T03:00:00Z'), confirm: async (q) => { questions.push(q); return true; }, asOf: d(2026, 11, 29), window: 14,
    });
    expect(result.ok).toBe(true);
    expect(questions).toEqual([]);
    const grid = wb.grid(pack.trackerSheetName)!;
    const row = grid.values.findIndex((r) => r[0] === '15') + 1;
    expect(grid.values[row - 1]?.[TRACKER_COL.status - 1]).toBe('Đang thực hiện');
    expect(grid.values[row - 1]?.[TRACKER_COL.note - 1]).toBe('Đã chỉnh lý 120 mét giá');
    expect(grid.values[5]?.[TRACKER_COL.milestone - 1]).toBe('Mốc năm (nhiệm vụ nhiều năm)');
    expect(grid.formulas?.[row - 1]?.[TRACKER_COL.milestone - 1]).toBe(`=MIN(DATE(YEAR(IF($C$4<$F${row},$F${row},$C$4)),12,31),$G${row})`);
  });
});

describe('the summary and the pane for task 15', () => {
  it('29/11/2026: days left to 31/12/2035, milestone 31/12/2026 in 32 days, on track (not in the attention list)', async () => {
    const { summary } = await summaryAt(d(2026, 11, 29));
    const t15 = summary.tasks.find((x) => x.task.id === '15')!;
    expect(t15.dueDate).toBe(d(2035, 12, 31));
    expect(t15.due).toMatchObject({ state: 'on-track', daysLeft: 3319, milestone: { date: d(2026, 12, 31), daysLeft: 32 } });
    expect(attentionModel(summary.tasks).some((i) => i.id === '15')).toBe(false);
  });

  it('20/12/2026: due soon against the milestone; the pane says the milestone with its days and the period\'s due date', async () => {
    const { summary } = await summaryAt(d(2026, 12, 20));
    const item = attentionModel(summary.tasks).find((i) => i.id === '15')!;
    expect(item.label('vi')).toBe('Sắp đến hạn (còn 11 ngày)');
    expect(item.dueText).toBe('31/12/2035');
    expect(item.milestone).toEqual({ text: '31/12/2026', days: 11 });
    expect(t('vi', 'pane.summary.milestone', { date: item.milestone!.text, days: item.milestone!.days })).toBe('Mốc năm 31/12/2026 (còn 11 ngày)');
    expect(t('en', 'pane.summary.milestone', { date: '31/12/2026', days: 11 })).toBe("Year's milestone 31/12/2026 (11 days left)");
    // other tasks have no milestone
    expect(attentionModel(summary.tasks).filter((i) => i.id !== '15').every((i) => i.milestone === null)).toBe(true);
  });

  it('after the period the milestone is the due date and is not repeated', async () => {
    const { summary } = await summaryAt(d(2036, 1, 10));
    const item = attentionModel(summary.tasks).find((i) => i.id === '15')!;
    expect(item.label('vi')).toBe('Quá hạn (10 ngày)');
    expect(item.milestone).toBeNull();
  });

  it('the sheet\'s milestone and state formulas give what the summary computes (evaluated from the written cells)', async () => {
    const { wb } = await summaryAt(d(2027, 6, 30));
    const grid = wb.grid(pack.trackerSheetName)!;
    const row = grid.values.findIndex((r) => r[0] === '15') + 1;
    const formula = grid.formulas?.[row - 1]?.[TRACKER_COL.milestone - 1];
    expect(formula).toBe(`=MIN(DATE(YEAR(IF($C$4<$F${row},$F${row},$C$4)),12,31),$G${row})`);
    const deadline = taskDeadline(pack.tasks.find((x) => x.id === '15')!, { inclusiveBefore: false });
    if (!deadline.ok) throw new Error('unparsed');
    const want = computeDueState({ deadline: deadline.deadline, asOf: d(2027, 6, 30) }).milestone!;
    expect(formatVn(want.date)).toBe('31/12/2027');
    expect(want.daysLeft).toBe(184);
  });
});
