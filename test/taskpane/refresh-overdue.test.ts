import { describe, expect, it } from 'vitest';
import { mustDay } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { insertTracker } from '../../src/app/insert-tracker';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { refreshOverdue } from '../../src/commands/refresh-overdue';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { catalog } from '../../src/domain/i18n';

const pack = defaultPlanPack();
const roster = defaultRoster();
const now = new Date('2026-03-01T03:00:00Z');

function rowOf(wb: FileWorkbook, id: string): number {
  return wb.grid(pack.trackerSheetName)!.values.findIndex((row) => row[0] === id) + 1;
}

describe('refreshOverdue (the ribbon command)', () => {
  it('re-inserts the tracker for the stamped agency, keeps the entries, then recalculates', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency: findAgency(roster, '05455')!, now, confirm: async () => false, asOf: mustDay(2026, 2, 1), window: 5 });
    const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    ws.getCell(rowOf(wb, '2'), TRACKER_COL.status).value = 'Đang thực hiện';
    ws.getCell(rowOf(wb, '2'), TRACKER_COL.content).value = 'sửa nhầm';
    let recalculated = 0;
    const outcome = await refreshOverdue({ port: wb, pack, roster, now, recalculate: async () => void recalculated++ });
    expect(outcome).toBe('refreshed');
    expect(recalculated).toBe(1);
    const ws2 = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    expect(ws2.getCell(rowOf(wb, '2'), TRACKER_COL.status).value).toBe('Đang thực hiện');
    expect(String(ws2.getCell(rowOf(wb, '2'), TRACKER_COL.content).value)).toContain(pack.tasks[1]!.content);
    expect(ws2.getCell('E4').value).toBe(5);
  });

  it('answers every question "no": cells typed outside the table stay, and it only recalculates', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency: findAgency(roster, 'SNV')!, now, confirm: async () => false });
    wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell('P10').value = 'của tôi';
    let recalculated = 0;
    const outcome = await refreshOverdue({ port: wb, pack, roster, now, recalculate: async () => void recalculated++ });
    expect(outcome).toBe('declined');
    expect(recalculated).toBe(1);
    expect(wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell('P10').value).toBe('của tôi');
  });

  it('does nothing in a workbook without a tracker', async () => {
    const wb = FileWorkbook.create();
    wb.workbook.addWorksheet(pack.trackerSheetName).getCell('A1').value = 'Bảng lương';
    let recalculated = 0;
    let writes = 0;
    const port = { read: wb.read.bind(wb), write: async () => void writes++ };
    expect(await refreshOverdue({ port, pack, roster, now, recalculate: async () => void recalculated++ })).toBe('no-tracker');
    expect([recalculated, writes]).toEqual([0, 0]);
  });
});

describe('pane messages', () => {
  it('exist in both languages and are never empty', () => {
    const vi = catalog('vi');
    const en = catalog('en');
    const keys = Object.keys(vi).filter((k) => k.startsWith('pane.'));
    expect(keys.length).toBeGreaterThan(60);
    for (const k of keys) {
      for (const c of [vi, en]) {
        const m = (c as Record<string, unknown>)[k];
        const text = typeof m === 'function' ? (m as (p: unknown) => string)({ count: 1, days: 1, date: '01/01/2026', name: 'x', code: 'x', kind: 'x', value: 'x', host: 'x', agency: 'x', tasks: 1, kept: 0, features: 'x', id: '1', state: 'x', content: 'x', version: '1', fixed: false }) : m;
        expect(typeof text === 'string' && text.trim().length > 0, `${k}`).toBe(true);
      }
    }
    expect(keys).not.toContain('pane.placeholder');
  });

  it('are Vietnamese in NFC with the diacritics composed', () => {
    for (const [k, m] of Object.entries(catalog('vi'))) {
      if (k.startsWith('pane.') && typeof m === 'string') expect(m, k).toBe(m.normalize('NFC'));
    }
  });
});
