/**
 * What a tracker's own cells set, read one way wherever it is read: the day it is judged on (trackerAsOf) by the check
 * (validateSnapshot) and the summary the pane shows — the date "Ngày đối chiếu" holds, or the caller's day when the
 * =TODAY() was never calculated; and the due-soon window (trackerWindow) by the summary and a re-insert.
 */
import { describe, expect, it } from 'vitest';
import { type Day, mustDay, todayInVietnam } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { insertTracker } from '../../src/app/insert-tracker';
import { summariseGrids, summariseTracker } from '../../src/app/tracker-summary';
import { sheetsToRead, validateSnapshot, type ValidateOptions } from '../../src/app/validate-workbook';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { readTracker, trackerVocabulary } from '../../src/workbook/tracker';

const pack = defaultPlanPack();
const agency = findAgency(defaultRoster(), '05455')!;
const nowMs = Date.UTC(2026, 4, 10, 3);

async function judged(asOf: Day | undefined, checkAsOf?: Day) {
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack, agency, now: new Date(nowMs), confirm: async () => false, ...(asOf ? { asOf } : {}) });
  const options: ValidateOptions = { planPack: pack, knownPacks: new Map(), nowMs, ...(checkAsOf ? { asOf: checkAsOf } : {}) };
  const snapshot = await wb.read(sheetsToRead(options));
  const summary = summariseGrids(snapshot.grids, pack, nowMs);
  if (!summary.ok) throw new Error('no tracker');
  return { check: validateSnapshot(snapshot, options).asOf, summary: summary.summary.asOf, fixed: summary.summary.asOfFixed };
}

describe('the day a tracker is judged on', () => {
  it('a date typed in "Ngày đối chiếu": the check and the summary both take it, whatever day the caller gives', async () => {
    const typed = mustDay(2026, 3, 15);
    expect(await judged(typed, mustDay(2026, 12, 31))).toEqual({ check: typed, summary: typed, fixed: true });
  });

  it('an =TODAY() never calculated: both take the caller\'s day (today in Vietnam unless the check is given one)', async () => {
    const today = todayInVietnam(nowMs);
    expect(await judged(undefined)).toEqual({ check: today, summary: today, fixed: false });
    expect((await judged(undefined, mustDay(2026, 12, 31))).check).toEqual(mustDay(2026, 12, 31));
  });
});

describe('the due-soon window a tracker holds', () => {
  it('7.5 typed in the window cell: the summary and a re-insert both keep 7 (whole days), not the default', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency, now: new Date(nowMs), confirm: async () => false, window: 30 });
    const grid = (await wb.read([pack.trackerSheetName])).grids.get(pack.trackerSheetName)!;
    const cell = readTracker(grid, trackerVocabulary(pack))!.window!.cell;
    wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell(cell).value = 7.5;
    const edited = await FileWorkbook.load(await wb.toBuffer());
    const before = await summariseTracker(edited, pack, nowMs);
    expect(before.ok && before.summary.window).toBe(7);
    const again = await insertTracker(edited, { pack, agency, now: new Date(nowMs), confirm: async () => true });
    expect(again.ok).toBe(true);
    const after = await summariseTracker(edited, pack, nowMs);
    expect(after.ok && after.summary.window).toBe(7);
  });
});

describe('a re-insert with no settings asked', () => {
  it('keeps the settings the summary reads (trackerSettings): a typed as-of date, the window and the day rule', async () => {
    const wb = FileWorkbook.create();
    const typed = mustDay(2026, 3, 15);
    await insertTracker(wb, { pack, agency, now: new Date(nowMs), confirm: async () => false, asOf: typed, window: 9, inclusiveBefore: true });
    const settings = async () => {
      const s = await summariseTracker(wb, pack, nowMs);
      if (!s.ok) throw new Error('no tracker');
      return { asOf: s.summary.asOf, fixed: s.summary.asOfFixed, window: s.summary.window, inclusive: s.summary.inclusiveBefore };
    };
    const before = await settings();
    expect(before).toEqual({ asOf: typed, fixed: true, window: 9, inclusive: true });
    expect((await insertTracker(wb, { pack, agency, now: new Date(nowMs), confirm: async () => true })).ok).toBe(true);
    expect(await settings()).toEqual(before);
  });
});
