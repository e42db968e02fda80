/**
 * Readers of the product's sheets walk only the cells a sparse grid holds: a stray value at XFD1 or XFD1048576 (which
 * the file reader stores as one entry) is never reached by counting every row and column up to it. Each grid here
 * counts the cells read by position; the readers still find what they read before, the stray cells included.
 */
import { describe, expect, it } from 'vitest';
import { readHighlightRecord } from '../../src/app/highlight';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { insertTracker } from '../../src/app/insert-tracker';
import { mustDay } from '../../src/domain/calendar';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import type { Grid, GridValue } from '../../src/workbook/grid';
import { IDENTITY_SCHEMA, readIdentity } from '../../src/workbook/identity';
import { readReceivedDates } from '../../src/workbook/received-dates';
import { readTracker, trackerVocabulary } from '../../src/workbook/tracker';

const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;

/** A grid holding `rows` plus stray values at XFD1 and XFD1048576, counting reads of a row or cell by position. */
function strayGrid(rows: readonly (readonly GridValue[])[]): { grid: Grid; reads: () => number } {
  let reads = 0;
  const counted = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(t, key, receiver) as unknown;
      },
    });
  const values: GridValue[][] = [];
  rows.forEach((r, i) => {
    values[i] = [...r];
  });
  const first: GridValue[] = values[0] ?? [];
  first[LAST_COL - 1] = 'lạc 1';
  values[0] = counted(first);
  const last: GridValue[] = [];
  last[LAST_COL - 1] = 'lạc 2';
  values[LAST_ROW - 1] = counted(last);
  return { grid: { name: 'S', values: counted(values) }, reads: () => reads };
}

describe('sparse grids', () => {
  it('the tracker reader finds the entries and the stray cells without walking to them', async () => {
    const plan = defaultPlanPack();
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack: plan, agency: findAgency(defaultRoster(), 'SNV')!, now: new Date(Date.UTC(2026, 1, 2)), confirm: async () => true, asOf: mustDay(2026, 3, 1) });
    const source = wb.grid(plan.trackerSheetName)!;
    const plain = readTracker(source, trackerVocabulary(plan))!;
    const { grid, reads } = strayGrid(source.values);
    const read = readTracker(grid, trackerVocabulary(plan))!;
    expect(read.entries.size).toBe(plain.entries.size);
    expect(read.asOf?.cell).toBe(plain.asOf?.cell);
    expect(read.window?.cell).toBe(plain.window?.cell);
    expect(read.foreignCells).toEqual([`XFD${LAST_ROW}`, 'XFD1']);
    expect(reads()).toBeLessThan(50_000);
  });

  it('the identity stamp, the highlight record and "Ngày nhận" are read without walking to the stray cells', () => {
    const identity = strayGrid([['Khoá', 'Giá trị'], ['schema', IDENTITY_SCHEMA], ['agencyCode', 'SNV']]);
    const stamp = readIdentity(identity.grid);
    expect(stamp.ok).toBe(false);
    expect(stamp.ok === false && stamp.reason === 'invalid' ? stamp.errors : []).toContain('agencyName');
    expect(identity.reads()).toBeLessThan(100);

    const record = strayGrid([['Ô', 'Màu cũ', 'Màu tô'], ['0804!E12', '#00FF00', '#FFC7CE']]);
    expect(readHighlightRecord(record.grid)).toEqual([{ sheet: '0804', cell: 'E12', previous: '#00FF00', applied: '#FFC7CE' }]);
    expect(record.reads()).toBeLessThan(100);

    const received = strayGrid([['Theo dõi'], [], ['Mã đơn vị', 'Tên', 'Ngày nhận'], ['SNV', 'Sở Nội vụ', '12/02/2026']]);
    const dates = readReceivedDates(received.grid)!;
    expect([...dates.entries.keys()]).toEqual(['SNV']);
    expect(received.reads()).toBeLessThan(200);
  });
});
