import { describe, expect, it } from 'vitest';
import { mustDay, toExcelSerial } from '../../../src/domain/calendar';
import { findAgency, type RosterEntry } from '../../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import { insertTracker } from '../../../src/app/insert-tracker';
import { summariseTracker } from '../../../src/app/tracker-summary';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { IDENTITY_SHEET, readIdentity } from '../../../src/workbook/identity';
import { PLAN_SHEET } from '../../../src/workbook/plan-stamp';
import { TRACKER_COL } from '../../../src/workbook/tracker';
import { packageProblems } from '../../helpers/package-check';

const pack = defaultPlanPack();
const agency = (code: string): RosterEntry => findAgency(defaultRoster(), code)!;
const now = new Date('2026-11-23T03:00:00Z');
const yes = async () => true;
const no = async () => false;

/** Saves and loads again; every package written passes the structural checks Excel would otherwise repair. */
async function reopen(wb: FileWorkbook): Promise<FileWorkbook> {
  const bytes = await wb.toBuffer();
  expect(packageProblems(bytes)).toEqual([]);
  return FileWorkbook.load(bytes);
}

function rowOf(wb: FileWorkbook, taskId: string): number {
  const grid = wb.grid(pack.trackerSheetName)!;
  const r = grid.values.findIndex((row) => row[0] === taskId);
  if (r < 0) throw new Error(`no row for ${taskId}`);
  return r + 1;
}

describe('insertTracker on an .xlsx file', () => {
  it('writes the tracker and a very hidden identity stamp that survive a save and reload', async () => {
    const wb = FileWorkbook.create();
    const result = await insertTracker(wb, { pack, agency: agency('05455'), now, confirm: no });
    expect(result.ok).toBe(true);
    const again = await reopen(wb);
    expect(again.sheetNames()).toEqual([pack.trackerSheetName, IDENTITY_SHEET, PLAN_SHEET]);
    expect(again.workbook.getWorksheet(IDENTITY_SHEET)?.state).toBe('veryHidden');
    expect(again.workbook.getWorksheet(PLAN_SHEET)?.state).toBe('veryHidden');
    const stamp = readIdentity(again.grid(IDENTITY_SHEET));
    expect(stamp.ok && stamp.identity).toMatchObject({
      agencyCode: '05455', agencyName: 'Phường Quyết Thắng', agencyKind: 'phuong', reportingYear: 2025, planYear: 2026,
      planPackId: pack.id, planPackVersion: pack.version, generatedAt: now.toISOString(),
    });
    const ws = again.workbook.getWorksheet(pack.trackerSheetName)!;
    expect(ws.getCell('C4').formula).toBe('TODAY()');
    expect(ws.getCell(`M${rowOf(again, '1')}`).formula).toMatch(/^IF\(/);
  });

  it('keeps what the user entered, by task id, when inserted again, and refreshes the rest', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency: agency('STC'), now, confirm: no, asOf: mustDay(2026, 6, 30), window: 10 });
    const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    const r1 = rowOf(wb, '1');
    const r16b = rowOf(wb, '16b');
    ws.getCell(r1, TRACKER_COL.status).value = 'Hoàn thành';
    ws.getCell(r1, TRACKER_COL.completion).value = toExcelSerial(mustDay(2026, 1, 20));
    ws.getCell(r1, TRACKER_COL.percent).value = 100;
    ws.getCell(r1, TRACKER_COL.result).value = 'Số 12/KH-STC ngày 20/01/2026';
    ws.getCell(r16b, TRACKER_COL.note).value = '=1+1 là ghi chú, không phải công thức';
    ws.getCell(r1, TRACKER_COL.content).value = 'nội dung bị sửa nhầm';
    const file = await reopen(wb);

    const result = await insertTracker(file, { pack, agency: agency('STC'), now, confirm: no });
    expect(result.ok && result.keptEntries).toBe(2);
    const after = await reopen(file);
    const ws2 = after.workbook.getWorksheet(pack.trackerSheetName)!;
    const a1 = rowOf(after, '1');
    expect(ws2.getCell(a1, TRACKER_COL.status).value).toBe('Hoàn thành');
    expect(after.grid(pack.trackerSheetName)!.values[a1 - 1]![TRACKER_COL.completion - 1]).toBe(toExcelSerial(mustDay(2026, 1, 20)));
    expect(ws2.getCell(a1, TRACKER_COL.result).value).toBe('Số 12/KH-STC ngày 20/01/2026');
    expect(ws2.getCell(a1, TRACKER_COL.content).value).toBe(pack.tasks[0]!.content);
    const note = ws2.getCell(rowOf(after, '16b'), TRACKER_COL.note);
    expect(note.value).toBe('=1+1 là ghi chú, không phải công thức');
    expect(note.formula).toBeUndefined();
    // The fixed as-of date and the window typed earlier are kept.
    expect(after.grid(pack.trackerSheetName)!.values[3]![2]).toBe(toExcelSerial(mustDay(2026, 6, 30)));
    expect(ws2.getCell('E4').value).toBe(10);
  });

  it('asks before clearing cells the user typed outside the table, and writes nothing when told no', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency: agency('SNV'), now, confirm: no });
    wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell('P10').value = 'của tôi';
    const before = await reopen(wb);
    const questions: string[] = [];
    const refused = await insertTracker(before, { pack, agency: agency('SNV'), now, confirm: async (q) => (questions.push(q), false) });
    expect(refused.ok).toBe(false);
    expect(questions[0]).toContain('P10');
    expect(before.workbook.getWorksheet(pack.trackerSheetName)!.getCell('P10').value).toBe('của tôi');
    const accepted = await insertTracker(before, { pack, agency: agency('SNV'), now, confirm: yes });
    expect(accepted.ok).toBe(true);
  });

  it('asks before replacing a sheet of the same name that is not a tracker, and before changing the agency', async () => {
    const wb = FileWorkbook.create();
    wb.workbook.addWorksheet(pack.trackerSheetName).getCell('A1').value = 'Bảng lương';
    const q1: string[] = [];
    expect((await insertTracker(wb, { pack, agency: agency('SNV'), now, confirm: async (q) => (q1.push(q), false) })).ok).toBe(false);
    expect(q1[0]).toContain('không phải bảng theo dõi');
    expect(wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell('A1').value).toBe('Bảng lương');

    const wb2 = FileWorkbook.create();
    await insertTracker(wb2, { pack, agency: agency('SNV'), now, confirm: no });
    const q2: string[] = [];
    expect((await insertTracker(wb2, { pack, agency: agency('STC'), now, confirm: async (q) => (q2.push(q), false) })).ok).toBe(false);
    expect(q2[0]).toContain('Sở Nội vụ');
  });

  it('summarises the due states from the entries in one read', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack, agency: agency('05455'), now, confirm: no, asOf: mustDay(2026, 3, 1), window: 30 });
    const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    ws.getCell(rowOf(wb, '1'), TRACKER_COL.status).value = 'Hoàn thành';
    ws.getCell(rowOf(wb, '1'), TRACKER_COL.completion).value = toExcelSerial(mustDay(2026, 2, 5));
    let reads = 0;
    const counting = { read: (names: readonly string[]) => (reads++, wb.read(names)), write: wb.write.bind(wb) };
    const result = await summariseTracker(counting, pack, now.getTime());
    expect(reads).toBe(1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.summary;
    expect(s.asOfFixed).toBe(true);
    expect(s.counts['done-late']).toBe(1); // due 31/01, done 05/02
    expect(s.counts['overdue']).toBe(2); // III.1.i.1 (29/01) and 16a (27/02)
    expect(s.attention.map((t) => t.task.id)).toEqual(['III.1.i.1', '16a', '2', '3', '4']);
    expect(s.attention[0]?.due.label).toBe('Quá hạn (31 ngày)');
    expect(s.attention[2]?.due.label).toBe('Sắp đến hạn (còn 30 ngày)');
    expect(s.window).toBe(30);
  });
});
