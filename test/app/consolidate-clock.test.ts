/**
 * A consolidation gives the same result whatever day it is run on: an agency file whose "Ngày đối chiếu" holds
 * =TODAY() with no value Excel saved (a file the product wrote and nobody opened in Excel) is checked as of the
 * consolidation's own as-of date, never the machine's clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consolidate, type OpenResult } from '../../src/app/consolidate';
import { insertTracker } from '../../src/app/insert-tracker';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { openForReading } from '../../src/hosts/xlsx/open-fast';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { TRACKER_COL } from '../../src/workbook/tracker';

const plan = defaultPlanPack();
const roster = defaultRoster();

async function open(bytes: Uint8Array): Promise<OpenResult> {
  const opened = await openForReading(bytes);
  return opened.ok ? { ok: true, port: opened.port } : opened;
}

/** SNV's tracker, its as-of date left to =TODAY(), one task marked done on 01/04/2026. */
async function trackerDoneOnFirstApril(): Promise<Uint8Array> {
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack: plan, agency: findAgency(roster, 'SNV')!, now: new Date(Date.UTC(2026, 0, 5, 3)), confirm: async () => true });
  const ws = wb.workbook.getWorksheet(plan.trackerSheetName)!;
  const row = wb.grid(plan.trackerSheetName)!.values.findIndex((r) => r[0] === plan.tasks[0]!.id) + 1;
  ws.getCell(row, TRACKER_COL.status).value = 'Hoàn thành';
  ws.getCell(row, TRACKER_COL.completion).value = toExcelSerial(mustDay(2026, 4, 1));
  ws.getCell(row, TRACKER_COL.percent).value = 100;
  return wb.toBuffer(new Date(Date.UTC(2026, 3, 2, 3)));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the day a consolidation runs', () => {
  it('does not change what it finds in a file whose as-of date is =TODAY() with no saved value', async () => {
    const bytes = await trackerDoneOnFirstApril();
    const runOn = async (clock: Date) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(clock);
      const result = await consolidate({
        files: [{ name: 'snv.xlsx', read: async () => bytes }],
        planPack: plan,
        knownPacks: new Map([[plan.id, [plan.version]]]),
        roster,
        asOf: mustDay(2026, 3, 20),
        lang: 'vi',
        open,
      });
      vi.useRealTimers();
      return {
        accepted: result.accepted.map((a) => a.file),
        rejected: result.rejected.map((r) => r.file),
        problems: result.problems.map((p) => `${p.issue.rule} ${p.issue.sheet}!${p.issue.cell}`).sort(),
      };
    };
    // Run the day before the task was done, and long after: the file is judged as of 20/03/2026 both times.
    const before = await runOn(new Date(Date.UTC(2026, 2, 25, 3)));
    const after = await runOn(new Date(Date.UTC(2027, 0, 10, 3)));
    expect(after).toEqual(before);
    expect(before.problems.some((p) => p.includes(plan.trackerSheetName))).toBe(true);
  });
});
