import { describe, expect, it } from 'vitest';
import { readCarriedPlan } from '../../../src/app/stored-plan';
import { PLAN_SHEET } from '../../../src/workbook/plan-stamp';
import { insertTracker, trackerIdentity } from '../../../src/app/insert-tracker';
import { summariseTracker } from '../../../src/app/tracker-summary';
import { mustDay, toExcelSerial } from '../../../src/domain/calendar';
import { columnWidthPoints } from '../../../src/hosts/excel/apply-spec';
import { ExcelWorkbook } from '../../../src/hosts/excel/excel-workbook';
import { ALL_FEATURES, detectExcelFeatures } from '../../../src/hosts/excel/features';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { cellRef } from '../../../src/workbook/a1';
import { gridText, gridValue } from '../../../src/workbook/grid';
import { IDENTITY_SHEET, identitySheet } from '../../../src/workbook/identity';
import type { CellStyle, SheetSpec } from '../../../src/workbook/sheet-spec';
import { TRACKER_COL, trackerLayout } from '../../../src/workbook/tracker';
import { EXCEL_WEB_LIMIT, FakeExcel } from '../../fakes/excel-fake';
import { agency, hugePack, NOW, pack, rig, trimmed, yes } from './helpers';

const SHEET = pack.trackerSheetName;
const SMALL = agency('05953'); // a commune: 25 task rows
const LARGE = agency('SNV'); // the Department of Home Affairs: 37 task rows

function layoutRows(code: string): number {
  return trackerLayout({ pack, agency: agency(code), inclusiveBefore: false, window: 14, asOf: 'today' }).rows.length;
}

describe('insertTracker through Office.js: round trips are fixed', () => {
  it('uses trackers of 25 and 37 task rows', () => {
    expect(layoutRows('05953')).toBe(25);
    expect(layoutRows('SNV')).toBe(37);
  });

  for (const a of [SMALL, LARGE]) {
    it(`first insert and re-insert for ${a.code}: 3 syncs each (read 1, write 2)`, async () => {
      const { fake, workbook } = rig();
      const first = await insertTracker(workbook, { pack, agency: a, now: NOW, confirm: yes });
      expect(first.ok).toBe(true);
      expect(fake.syncCount).toBe(3);
      expect(fake.roundTrips).toBe(3);

      fake.resetCounters();
      const again = await insertTracker(workbook, { pack, agency: a, now: NOW, confirm: yes });
      expect(again.ok && again.replacedSheet).toBe(true);
      expect(fake.syncCount).toBe(3);
      expect(fake.roundTrips).toBe(3);
    });
  }

  it('the number of syncs does not depend on the number of rows (Excel on the web, 5 MB requests)', async () => {
    const counts: number[] = [];
    for (const rows of [37, 300, 1000]) {
      const { fake, workbook } = rig();
      const big = rows === 37 ? pack : hugePack(rows);
      await insertTracker(workbook, { pack: big, agency: LARGE, now: NOW, confirm: yes });
      await insertTracker(workbook, { pack: big, agency: LARGE, now: NOW, confirm: yes });
      counts.push(fake.syncCount);
      expect(fake.requests.every((r) => r.requestBytes <= EXCEL_WEB_LIMIT && r.responseBytes <= EXCEL_WEB_LIMIT)).toBe(true);
    }
    expect(counts).toEqual([6, 6, 6]);
  });

  it('a 5 000-row tracker: 3 syncs per insert where requests are unbounded (desktop)', async () => {
    const big = hugePack(5000);
    const { fake, workbook } = rig({ payloadLimit: Number.POSITIVE_INFINITY }, { requestBudget: Number.POSITIVE_INFINITY });
    const first = await insertTracker(workbook, { pack: big, agency: LARGE, now: NOW, confirm: yes });
    expect(first.ok && first.layout.rows.length).toBe(5000);
    expect(fake.syncCount).toBe(3);
    expect(fake.roundTrips).toBe(3);

    fake.resetCounters();
    const again = await insertTracker(workbook, { pack: big, agency: LARGE, now: NOW, confirm: yes });
    expect(again.ok).toBe(true);
    expect(fake.syncCount).toBe(3);
    expect(fake.roundTrips).toBe(3);
  }, 60_000);

  it('a 5 000-row tracker on the web: every request and response stays under 5 MB, one extra sync per ~4 MB', async () => {
    const big = hugePack(5000);
    const { fake, workbook } = rig();
    const first = await insertTracker(workbook, { pack: big, agency: LARGE, now: NOW, confirm: yes });
    expect(first.ok).toBe(true);
    const firstSyncs = fake.syncCount;
    const written = fake.requests.reduce((n, r) => n + r.requestBytes, 0);
    expect(fake.requests.every((r) => r.requestBytes <= EXCEL_WEB_LIMIT)).toBe(true);
    expect(firstSyncs).toBeLessThanOrEqual(3 + Math.ceil(written / (4 * 1024 * 1024)));

    fake.resetCounters();
    const again = await insertTracker(workbook, { pack: big, agency: LARGE, now: NOW, confirm: yes });
    expect(again.ok).toBe(true);
    // The sheet (about 10 MB of values and formulas) no longer fits one response: it is read again in slices.
    expect(fake.requests.every((r) => r.requestBytes <= EXCEL_WEB_LIMIT)).toBe(true);
    expect(fake.requests.filter((r) => r.responseBytes > EXCEL_WEB_LIMIT)).toHaveLength(1);
    const tracker = fake.mustSheet(SHEET);
    expect(tracker.usedArea(true)?.bottom).toBeGreaterThan(5000);
  }, 60_000);
});

describe('one layout, two hosts', () => {
  for (const [a, asOf] of [[SMALL, 'today'], [LARGE, mustDay(2026, 3, 1)]] as const) {
    it(`the grids read back from Office.js and from the .xlsx host agree (${a.code}, as of ${String(asOf)})`, async () => {
      const layout = trackerLayout({ pack, agency: a, inclusiveBefore: false, window: 14, asOf });
      const identity = identitySheet(trackerIdentity(pack, a, NOW, false));
      const specs = [layout.spec, identity];

      const file = FileWorkbook.create();
      await file.write(specs, { activate: SHEET });
      const fromFile = await file.read([SHEET, IDENTITY_SHEET]);

      const { fake, workbook } = rig();
      await workbook.write(specs, { activate: SHEET });
      fake.resetCounters();
      const fromExcel = await workbook.read([SHEET, IDENTITY_SHEET]);
      expect(fake.syncCount).toBe(1);

      for (const name of [SHEET, IDENTITY_SHEET]) {
        const x = trimmed(fromExcel.grids.get(name));
        const f = trimmed(fromFile.grids.get(name));
        expect(x?.values).toEqual(f?.values);
        expect(x?.formulas).toEqual(f?.formulas);
      }
      expect(fromExcel.sheetNames).toEqual(['Sheet1', SHEET, IDENTITY_SHEET]);
    });
  }

  it('the sheet looks as the file host makes it: widths, heights, merges, validations, rules, panes, print', async () => {
    const layout = trackerLayout({ pack, agency: LARGE, inclusiveBefore: false, window: 14, asOf: 'today' });
    const spec = layout.spec;
    const { fake, workbook } = rig();
    await workbook.write([spec], { activate: SHEET });
    const s = fake.mustSheet(SHEET);

    spec.columns.forEach((c, i) => expect(s.columnWidths.get(i + 1)).toBe(columnWidthPoints(c.width)));
    for (const { row, height } of spec.rowHeights ?? []) expect(s.rowHeights.get(row)).toBe(height);
    expect(s.merges.length).toBe(spec.merges.length);
    expect(s.validations.map((v) => v.range)).toEqual(spec.validations.map((v) => v.range));
    const status = s.validations.find((v) => v.range === spec.validations[2]?.range);
    expect(status?.rule).toEqual({ list: { inCellDropDown: true, source: 'Chưa thực hiện,Đang thực hiện,Hoàn thành,Không thực hiện' } });
    expect(status?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop' });
    expect(s.validations[0]?.rule).toEqual({ date: { formula1: '2000-01-01', formula2: '2100-12-31', operator: 'Between' } });
    expect(s.validations[1]?.rule).toEqual({ wholeNumber: { formula1: 0, formula2: 366, operator: 'Between' } });
    // Rules keep the spec's order: the first one is applied first.
    expect(s.conditionalFormats.map((c) => c.type)).toEqual(spec.conditionalFormats.map((c) => (c.type === 'expression' ? 'Custom' : 'DataBar')));
    expect(s.conditionalFormats[0]).toMatchObject({ stopIfTrue: true, custom: { fill: '#FDE7E9', fontColor: '#A4262C' } });
    expect(s.conditionalFormats[5]?.dataBar).toEqual({
      lower: { type: 'Number', formula: '0' },
      upper: { type: 'Number', formula: '100' },
      fillColor: '#0F6CBD',
      gradientFill: false,
    });
    expect(s.freeze).toEqual({ rows: 6, columns: 1 });
    expect(s.tabColor).toBe('#0F6CBD');
    expect(s.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, centerHorizontally: true, leftMargin: 0.4 * 72 });
    expect(s.printTitleRows).toBe('$6:$6');
    // Header style: bold white on blue, Times New Roman, thin borders inside and out.
    expect(s.formatAt('B6', 'font.bold')).toBe(true);
    expect(s.formatAt('B6', 'font.name')).toBe('Times New Roman');
    expect(s.formatAt('B6', 'fill.color')).toBe('#0F6CBD');
    expect(s.formatAt('B6', 'border.left.style')).toBe('Continuous');
    expect(s.formatAt('B6', 'border.right.weight')).toBe('Thin');
    expect(s.cell(7, TRACKER_COL.due)?.numberFormat).toBe('dd/mm/yyyy');
    expect(s.cell(8, 1)?.numberFormat).toBe('@');
    expect(fake.activeSheet).toBe(SHEET);
    expect(fake.selection).toEqual({ sheet: SHEET, address: spec.activeCell });
  });
});

describe('text stays text', () => {
  const tricky = ['=1+1', '+84 912', '-5', '@x', '0123', '15/3/2026', "'quoted", '=SUM(A1)', 'TRUE', '50%', '1,234', '2026-03-15', '10:30', '#N/A', 'Mar 2026', '1.0.0', '16a'];
  const spec: SheetSpec = {
    name: 'Chuỗi',
    columns: [{ width: 20 }],
    blocks: [{ at: 'B2', rows: tricky.map((t) => [t, { formula: '=1+1' }, 7, { date: mustDay(2026, 3, 15) }]) }],
    styles: {},
    styleRanges: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };

  it('every string written reads back as the same string, not as a number, date or formula', async () => {
    const { workbook } = rig();
    await workbook.write([spec]);
    const grid = (await workbook.read(['Chuỗi'])).grids.get('Chuỗi');
    expect(grid).toBeTruthy();
    if (!grid) return;
    tricky.forEach((t, i) => {
      expect(gridValue(grid, 2 + i, 2)).toBe(t);
      expect(grid.formulas?.[1 + i]?.[1]).toBeNull();
      expect(grid.formulas?.[1 + i]?.[2]).toBe('=1+1');
      expect(gridValue(grid, 2 + i, 4)).toBe(7);
      expect(gridValue(grid, 2 + i, 5)).toBe(toExcelSerial(mustDay(2026, 3, 15)));
    });
  });

  it('the same strings written without care would not survive (the fake parses like Excel)', async () => {
    const fake = new FakeExcel();
    fake.typeInto('Sheet1', `A1:A${tricky.length}`, tricky.map((t) => [t]));
    const values = fake.valuesOf('Sheet1').map((r) => r[0]);
    const changed = tricky.filter((t, i) => values[i] !== t);
    expect(changed).toEqual(expect.arrayContaining(['=1+1', '+84 912', '-5', '@x', '0123', '15/3/2026', "'quoted", 'TRUE', '50%', '1,234', '2026-03-15', '10:30', 'Mar 2026']));
  });
});

describe('re-inserting keeps what the user typed', () => {
  it('statuses, dates, progress and notes follow their task id to its new row', async () => {
    const { fake, workbook } = rig();
    const first = await insertTracker(workbook, { pack, agency: LARGE, now: NOW, confirm: yes });
    if (!first.ok) throw new Error('insert failed');
    const rowOf = (id: string) => first.layout.rows.find((r) => r.task.id === id)?.row ?? 0;
    const typed = [
      { id: '1', status: 'Hoàn thành', completion: '20/01/2026', percent: 100, note: 'Đã ban hành' },
      { id: '5', status: 'Đang thực hiện', completion: null, percent: 40, note: '=ghi chú bắt đầu bằng dấu bằng' },
    ];
    for (const t of typed) {
      const r = rowOf(t.id);
      expect(r).toBeGreaterThan(0);
      fake.typeInto(SHEET, `${cellRef(r, TRACKER_COL.status)}:${cellRef(r, TRACKER_COL.percent)}`, [[t.status, t.completion, t.percent]]);
      // A note starting with "=" typed with the apostrophe Excel users put in front of it.
      fake.typeInto(SHEET, cellRef(r, TRACKER_COL.note), [[t.note.startsWith('=') ? `'${t.note}` : t.note]]);
    }

    fake.resetCounters();
    const again = await insertTracker(workbook, { pack, agency: LARGE, now: NOW, confirm: yes });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.keptEntries).toBe(2);
    expect(fake.syncCount).toBe(3);

    const grid = (await workbook.read([SHEET])).grids.get(SHEET);
    if (!grid) throw new Error('no tracker');
    const rowAfter = (id: string) => again.layout.rows.find((r) => r.task.id === id)?.row ?? 0;
    expect(gridText(grid, rowAfter('1'), TRACKER_COL.status)).toBe('Hoàn thành');
    expect(gridValue(grid, rowAfter('1'), TRACKER_COL.completion)).toBe(toExcelSerial(mustDay(2026, 1, 20)));
    expect(gridValue(grid, rowAfter('1'), TRACKER_COL.percent)).toBe(100);
    expect(gridText(grid, rowAfter('1'), TRACKER_COL.note)).toBe('Đã ban hành');
    expect(gridText(grid, rowAfter('5'), TRACKER_COL.status)).toBe('Đang thực hiện');
    expect(gridValue(grid, rowAfter('5'), TRACKER_COL.percent)).toBe(40);
    expect(gridText(grid, rowAfter('5'), TRACKER_COL.note)).toBe('=ghi chú bắt đầu bằng dấu bằng');
    expect(grid.formulas?.[rowAfter('5') - 1]?.[TRACKER_COL.note - 1]).toBeNull();
  });

  it('a protected, frozen, validated sheet from an earlier insert is replaced without errors', async () => {
    const layout = trackerLayout({ pack, agency: SMALL, inclusiveBefore: false, window: 14, asOf: 'today' });
    const locked: SheetSpec = { ...layout.spec, protection: { unlocked: [`H7:L${layout.rows.at(-1)?.row ?? 7}`] } };
    const { fake, workbook } = rig();
    await workbook.write([locked], { activate: SHEET });
    const s = fake.mustSheet(SHEET);
    expect(s.protection.protected).toBe(true);
    expect(s.protection.options).toEqual({ allowFormatColumns: true, allowFormatRows: true });
    expect(s.cell(8, TRACKER_COL.status)?.locked).toBe(false);
    expect(s.cell(8, TRACKER_COL.content)?.locked).toBe(true);
    // The user can still type in the unlocked cells, not elsewhere.
    fake.typeInto(SHEET, cellRef(8, TRACKER_COL.status), [['Hoàn thành']]);
    expect(() => fake.typeInto(SHEET, cellRef(8, TRACKER_COL.content), [['x']])).toThrow(/locked/);

    fake.resetCounters();
    await workbook.write([locked], { activate: SHEET });
    expect(fake.syncCount).toBe(2);
    expect(s.protection.protected).toBe(true);
    expect(s.validations).toHaveLength(layout.spec.validations.length);
    expect(s.conditionalFormats).toHaveLength(layout.spec.conditionalFormats.length);
    expect(s.merges).toHaveLength(layout.spec.merges.length);
  });
});

describe('row heights', () => {
  const heightsSheet = (rowHeights: SheetSpec['rowHeights']): SheetSpec => ({
    name: 'Cao',
    columns: [{ width: 10 }],
    rowHeights,
    blocks: [{ at: 'A1', rows: [['x']] }],
    styles: {},
    styleRanges: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
  });

  it('alternating heights: the common one on the whole stretch, then the others; every row as the spec says, no other row touched', async () => {
    const heights = [31, 44, 31, 31, 57, 31, 18, 18, 31, 44, 31, 57, 31, 31, 18, 31];
    const spec = heightsSheet([{ row: 2, height: 40 }, ...heights.map((height, i) => ({ row: 5 + i, height })), { row: 30, height: 22 }, { row: 31, height: 22 }]);
    const { fake, workbook } = rig();
    await workbook.write([spec]);
    const s = fake.mustSheet('Cao');
    expect(Object.fromEntries(s.rowHeights)).toEqual(Object.fromEntries((spec.rowHeights ?? []).map((h) => [h.row, h.height])));
    // Rows 5–20 are 13 runs of one height; instead, the common height (31) on all 16 rows, then the 6 runs of the
    // others. Row 2 and rows 30–31 are runs of their own.
    expect(fake.log.filter((l) => l === 'RangeFormat.rowHeight')).toHaveLength(1 + 1 + 6 + 1);
  });

  it('the stretch gets the height that leaves the fewest other commands, not always the most common one', async () => {
    // Rows 1–6 alternate 20/30, rows 7–13 are 40 (the most common): 40 first would leave 6 other runs (7 commands, no
    // better than one per run); 20 first leaves 30, 30, 30 and the 40s: 5 commands.
    const heights = [20, 30, 20, 30, 20, 30, 40, 40, 40, 40, 40, 40, 40];
    const spec = heightsSheet(heights.map((height, i) => ({ row: i + 1, height })));
    const { fake, workbook } = rig();
    await workbook.write([spec]);
    expect(Object.fromEntries(fake.mustSheet('Cao').rowHeights)).toEqual(Object.fromEntries(heights.map((h, i) => [i + 1, h])));
    expect(fake.log.filter((l) => l === 'RangeFormat.rowHeight')).toHaveLength(5);
  });
});

describe('replacing a sheet leaves nothing of the old one', () => {
  it('widths, heights, hidden columns, tab colour and values of a longer earlier sheet are gone', async () => {
    const { fake, workbook } = rig();
    const long: SheetSpec = {
      name: 'Tạm',
      tabColor: '#FF0000',
      columns: [{ width: 10 }, { width: 30, hidden: true }],
      rowHeights: [{ row: 40, height: 50 }],
      blocks: [{ at: 'A40', rows: [['cũ', 'cũ']] }],
      styles: { b: { bold: true } },
      styleRanges: [{ range: 'A40:B40', style: 'b' }],
      merges: ['A41:B41'],
      validations: [{ range: 'A1:A9', rule: { type: 'whole', min: 1 }, allowBlank: true }],
      conditionalFormats: [{ type: 'dataBar', range: 'A1:A9', color: '#00FF00', min: 0, max: 9 }],
      freeze: { rows: 2, columns: 0 },
    };
    const short: SheetSpec = { name: 'Tạm', columns: [{ width: 12 }], blocks: [{ at: 'A1', rows: [['mới']] }], styles: {}, styleRanges: [], merges: [], validations: [], conditionalFormats: [] };
    await workbook.write([long]);
    const s = fake.mustSheet('Tạm');
    expect(s.hiddenColumns.has(2)).toBe(true);
    await workbook.write([short]);
    expect(fake.valuesOf('Tạm')).toEqual([['mới']]);
    expect([...s.columnWidths]).toEqual([[1, columnWidthPoints(12)]]);
    expect(s.rowHeights.size).toBe(0);
    expect(s.hiddenColumns.size).toBe(0);
    expect(s.tabColor).toBe('');
    expect(s.merges).toEqual([]);
    expect(s.validations).toEqual([]);
    expect(s.conditionalFormats).toEqual([]);
    expect(s.freeze).toBeNull();
    expect(s.formatAt('A40', 'font.bold')).toBeUndefined();
  });
});

describe('features Excel lacks are skipped, not failed', () => {
  it('without ExcelApi 1.9 the print setup is left out and reported', async () => {
    const fake = new FakeExcel({ excelApi: '1.8' });
    const features = detectExcelFeatures(fake.office.context.requirements);
    expect(features.pageLayout).toBe(false);
    expect(features.dataValidation).toBe(true);
    const workbook = new ExcelWorkbook((b) => fake.run(b), { features, requestBudget: 4 * 1024 * 1024 });
    const result = await insertTracker(workbook, { pack, agency: SMALL, now: NOW, confirm: yes });
    expect(result.ok).toBe(true);
    expect(workbook.lastWriteSkipped).toEqual(['pageLayout']);
    const s = fake.mustSheet(SHEET);
    expect(s.pageLayout).toEqual({});
    expect(s.printTitleRows).toBeNull();
    expect(s.validations.length).toBeGreaterThan(0);
    expect(fake.syncCount).toBe(3);
  });

  it('with everything supported nothing is skipped', async () => {
    const { workbook } = rig();
    await insertTracker(workbook, { pack, agency: SMALL, now: NOW, confirm: yes });
    expect(workbook.lastWriteSkipped).toEqual([]);
  });

  it('reads the features from the Office global when none are given', async () => {
    const fake = new FakeExcel({ excelApi: '1.7' });
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    g.Office = fake.office;
    try {
      const workbook = new ExcelWorkbook((b) => fake.run(b));
      await insertTracker(workbook, { pack, agency: SMALL, now: NOW, confirm: yes });
      expect(workbook.lastWriteSkipped.sort()).toEqual(['dataValidation', 'pageLayout']);
      expect(fake.mustSheet(SHEET).validations).toEqual([]);
    } finally {
      g.Office = before;
    }
  });
  it('assumes what the manifest requires when Office cannot say (no Office global)', async () => {
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    delete g.Office;
    try {
      const fake = new FakeExcel();
      const workbook = new ExcelWorkbook((b) => fake.run(b));
      await insertTracker(workbook, { pack, agency: SMALL, now: NOW, confirm: yes });
      expect(workbook.lastWriteSkipped).toEqual(['pageLayout']);
      expect(fake.mustSheet(SHEET).validations.length).toBeGreaterThan(0);
    } finally {
      g.Office = before;
    }
  });
});

describe('reading', () => {
  it('summariseTracker takes exactly one sync', async () => {
    const { fake, workbook } = rig();
    await insertTracker(workbook, { pack, agency: LARGE, now: NOW, confirm: yes, asOf: mustDay(2026, 3, 1) });
    fake.resetCounters();
    const summary = await summariseTracker(workbook, pack, NOW.getTime());
    expect(summary.ok).toBe(true);
    if (!summary.ok) return;
    expect(fake.syncCount).toBe(1);
    expect(fake.roundTrips).toBe(1);
    expect(summary.summary.asOfFixed).toBe(true);
    expect(summary.summary.tasks).toHaveLength(37);
  });

  it('a missing sheet reads as null and an empty one as an empty grid, in one sync', async () => {
    const { fake, workbook } = rig({ sheets: ['Sheet1', 'Trống'] });
    const snap = await workbook.read(['Không có', 'Trống']);
    expect(snap.grids.get('Không có')).toBeNull();
    expect(snap.grids.get('Trống')).toEqual({ name: 'Trống', values: [], formulas: [] });
    expect(snap.sheetNames).toEqual(['Sheet1', 'Trống']);
    expect(fake.syncCount).toBe(1);
  });

  it('a grid is anchored at A1 whatever the used range', async () => {
    const { fake, workbook } = rig();
    fake.typeInto('Sheet1', 'C3:D4', [['a', 1], [null, '=A1']]);
    const grid = (await workbook.read(['Sheet1'])).grids.get('Sheet1');
    expect(grid?.values).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, 'a', 1],
      [null, null, null, null],
    ]);
    expect(grid?.formulas?.[3]?.[3]).toBe('=A1');
  });

  it('sheet names match case-insensitively, and the grid carries the real name', async () => {
    const { workbook } = rig({ sheets: ['Báo Cáo'] });
    const snap = await workbook.read(['báo cáo']);
    expect(snap.grids.get('báo cáo')?.name).toBe('Báo Cáo');
  });
});

describe('selectRange', () => {
  it('activates the sheet and selects the range in one sync', async () => {
    const { fake, workbook } = rig({ sheets: ['Sheet1', 'Khác'] });
    await workbook.selectRange('Khác', 'A12:M12');
    expect(fake.syncCount).toBe(1);
    expect(fake.activeSheet).toBe('Khác');
    expect(fake.selection).toEqual({ sheet: 'Khác', address: 'A12:M12' });
  });
});

describe('writing', () => {
  it('an identity sheet is very hidden and the tracker stays active', async () => {
    const { fake, workbook } = rig();
    await insertTracker(workbook, { pack, agency: SMALL, now: NOW, confirm: yes });
    expect(fake.mustSheet(IDENTITY_SHEET).visibility).toBe('VeryHidden');
    expect(fake.activeSheet).toBe(SHEET);
  });

  it('the plan goes with the workbook: written very hidden in the same syncs, read back as the same plan', async () => {
    const { fake, workbook } = rig();
    await insertTracker(workbook, { pack, agency: SMALL, now: NOW, confirm: yes });
    expect(fake.syncCount).toBe(3);
    expect(fake.mustSheet(PLAN_SHEET).visibility).toBe('VeryHidden');
    const carried = await readCarriedPlan(workbook);
    expect(carried.kind === 'ok' && carried.plan).toEqual(pack);
  });

  it("a style's number format is set on the range the style already made: it costs one property set, no second range", async () => {
    const written = async (style: CellStyle): Promise<number> => {
      const { fake, workbook } = rig();
      const spec: SheetSpec = { name: 'S', columns: [], blocks: [{ at: 'A1', rows: [[1, 2]] }], styles: { s: style }, styleRanges: [{ range: 'A1:B1', style: 's' }], merges: [], validations: [], conditionalFormats: [] };
      await workbook.write([spec]);
      return fake.requests.reduce((n, r) => n + r.requestBytes, 0);
    };
    const bold = await written({ bold: true });
    // '0' and false are both five bytes as an argument: the number format must cost what one more font property does.
    expect((await written({ bold: true, numberFormat: '0' })) - bold).toBe((await written({ bold: true, italic: false })) - bold);
  });

  it('a very large block is written in slices, all in the same sync', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`Dòng ${i + 1} — ${'nội dung '.repeat(40)}`, i, { formula: `=B${i + 1}*2` }]);
    const spec: SheetSpec = { name: 'Lớn', columns: [], blocks: [{ at: 'A1', rows }], styles: {}, styleRanges: [], merges: [], validations: [], conditionalFormats: [] };
    const { fake, workbook } = rig();
    await workbook.write([spec]);
    expect(fake.syncCount).toBe(2);
    const writes = fake.log.filter((l) => l === 'Range.formulas');
    expect(writes.length).toBeGreaterThan(1);
    expect(fake.valuesOf('Lớn')).toHaveLength(3000);
    expect(fake.mustSheet('Lớn').cell(3000, 3)?.formula).toBe('=B3000*2');
  });

  it('features record is all true in ALL_FEATURES', () => {
    expect(Object.values(ALL_FEATURES).every(Boolean)).toBe(true);
  });
});
