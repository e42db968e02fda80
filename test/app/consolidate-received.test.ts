/**
 * Lateness by the day Sở Nội vụ received the report: "Ngày nhận" on "Theo dõi nộp báo cáo", typed by Sở Nội vụ, kept
 * on every re-run into the same workbook, deciding lateness; when empty, the day the file was last saved stands in and
 * the sheet says so. Still one read and one write of the consolidation workbook.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openWithSavedAt } from './open-saved';
import { consolidateInto, consolidateIntoWorkbook, type ConsolidateIntoRequest } from '../../src/app/consolidate-into';
import { lateCodes } from '../../src/app/consolidate';
import type { WorkbookPort } from '../../src/app/workbook-port';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { RECEIVED_COLUMN, SUBMISSION_SHEET } from '../../src/workbook/consolidation-sheets';
import { readReceivedDates } from '../../src/workbook/received-dates';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { rig } from '../hosts/excel/helpers';
import { withSavedAt } from '../helpers/core-props';

const plan = defaultPlanPack();
const forms = defaultFormPack();
const roster = defaultRoster();
const agency = (code: string): RosterEntry => findAgency(roster, code)!;
/** Inserted long before the deadline (27/02/2026): the generation stamp says nothing about when it was sent. */
const GENERATED = new Date(Date.UTC(2026, 0, 5, 3));

const open = openWithSavedAt;

/** A port that counts its round trips. */
function counting(port: WorkbookPort) {
  const calls = { read: 0, write: 0 };
  const wrapped: WorkbookPort = {
    read: (names) => {
      calls.read++;
      return port.read(names);
    },
    write: (specs, options) => {
      calls.write++;
      return port.write(specs, options);
    },
  };
  return { port: wrapped, calls };
}

const files: { name: string; bytes: Uint8Array }[] = [];

function request(): ConsolidateIntoRequest {
  return {
    files: files.map((f) => ({ name: f.name, read: async () => f.bytes })),
    planPack: plan,
    formPack: forms,
    knownPacks: new Map([[plan.id, [plan.version]], [forms.id, [forms.version]]]),
    defaultRoster: roster,
    asOf: mustDay(2026, 3, 20),
    lang: 'vi',
    open,
  };
}

/** The submission sheet's line of an agency, as values. */
function lineOf(wb: FileWorkbook, code: string) {
  const grid = wb.grid(SUBMISSION_SHEET)!;
  const r = grid.values.findIndex((row) => row[1] === code);
  return { row: r + 1, values: grid.values[r] ?? [] };
}

function typeReceived(wb: FileWorkbook, code: string, value: string | number): string {
  const { row } = lineOf(wb, code);
  const cell = wb.workbook.getWorksheet(SUBMISSION_SHEET)!.getCell(row, RECEIVED_COLUMN);
  cell.value = value;
  return cell.address;
}

beforeAll(async () => {
  // Saved (by the agency) on 20/02, 05/03 and 25/02; the deadline is 27/02/2026.
  const saved: [string, string][] = [['SNV', '2026-02-20T08:00:00Z'], ['STC', '2026-03-05T08:00:00Z'], ['05455', '2026-02-25T08:00:00Z']];
  for (const [i, [code, at]] of saved.entries()) {
    const a = await agencyWorkbook(agency(code), GENERATED, 50 + i);
    files.push({ name: `${code}.xlsx`, bytes: withSavedAt(await a.workbook.toBuffer(), at) });
  }
});

describe('"Ngày nhận" decides lateness', () => {
  it('empty: the saved time stands in, and the sheet says what each date was taken from', async () => {
    const target = FileWorkbook.create();
    const { result } = await consolidateInto(target, request());
    expect(lateCodes(result)).toEqual(['STC']);
    const stc = lineOf(target, 'STC').values;
    expect(stc[7]).toBe(toExcelSerial(mustDay(2026, 3, 5)));
    expect(stc[8]).toBeNull();
    expect(stc[9]).toBe('Ngày lưu tệp');
    expect(stc[10]).toBe('Chậm 6 ngày');
    const subtitle = String(target.grid(SUBMISSION_SHEET)!.values[1]?.[0]);
    expect(subtitle).toContain('ô để trống thì tính theo ngày lưu tệp');
    expect(subtitle).toContain('3 đơn vị chưa có ngày nhận');
  });

  it('typed: kept on the re-run as typed, deciding lateness; an unreadable one is named by its cell', async () => {
    const target = FileWorkbook.create();
    await consolidateInto(target, request());
    // Received by e-mail on 10/03 (typed as text), on 26/02 (typed as a date), and something that is not a date.
    typeReceived(target, 'SNV', '10/03/2026');
    typeReceived(target, 'STC', toExcelSerial(mustDay(2026, 2, 26)));
    const bad = typeReceived(target, '05455', 'hôm qua');
    typeReceived(target, 'SYT', '01/03/2026'); // a paper report, no file yet: kept, and not a submission

    const { port, calls } = counting(target);
    const { result, receivedProblems } = await consolidateInto(port, request());
    expect(calls).toEqual({ read: 1, write: 1 });
    expect(lateCodes(result)).toEqual(['SNV']);
    expect(result.submissions.find((s) => s.agency.code === 'SNV')?.daysLate).toBe(11);
    expect(receivedProblems.map((p) => p.cell)).toEqual([bad]);
    expect(receivedProblems[0]?.message).toContain(`"${SUBMISSION_SHEET}"!${bad}`);
    expect(receivedProblems[0]?.message).toContain('"hôm qua" không phải ngày');

    const snv = lineOf(target, 'SNV').values;
    expect(snv[8]).toBe(toExcelSerial(mustDay(2026, 3, 10)));
    expect(snv[9]).toBe('Ngày nhận');
    expect(snv[10]).toBe('Chậm 11 ngày');
    const stc = lineOf(target, 'STC').values;
    expect(stc[8]).toBe(toExcelSerial(mustDay(2026, 2, 26)));
    expect(stc[10]).toBe('Đúng hạn');
    const ward = lineOf(target, '05455').values;
    expect(ward[8]).toBe('hôm qua');
    expect(ward[9]).toBe('Ngày lưu tệp (ô "Ngày nhận" không phải ngày)');
    expect(lineOf(target, 'SYT').values[8]).toBe(toExcelSerial(mustDay(2026, 3, 1)));
    expect(lineOf(target, 'SYT').values[4]).toBe('Chưa nộp');

    // A third run changes nothing of what was typed.
    await consolidateInto(target, request());
    const again = readReceivedDates(target.grid(SUBMISSION_SHEET))!;
    expect(Object.fromEntries([...again.entries].map(([code, e]) => [code, e.value]))).toEqual({
      SNV: toExcelSerial(mustDay(2026, 3, 10)),
      STC: toExcelSerial(mustDay(2026, 2, 26)),
      '05455': 'hôm qua',
      SYT: toExcelSerial(mustDay(2026, 3, 1)),
    });
  });

  it('the pane\'s summary: late agencies with what their date was taken from, and how many wait for a "Ngày nhận"', async () => {
    const target = FileWorkbook.create();
    await consolidateInto(target, request());
    typeReceived(target, 'SNV', '10/03/2026');
    const s = await consolidateIntoWorkbook(target, request());
    expect(s.late.map((l) => [l.code, l.days, l.basis])).toEqual([['SNV', 11, 'received'], ['STC', 6, 'saved']]);
    expect(s.datedBySave).toBe(2);
    expect(s.receivedProblems).toEqual([]);
  });

  it('in Excel (the pane): what was typed is kept and decides lateness, still in 2 syncs (read 1, write 1)', async () => {
    const { fake, workbook } = rig();
    await consolidateIntoWorkbook(workbook, request());
    const sheet = fake.sheet(SUBMISSION_SHEET)!;
    let row = 0;
    for (let r = 1; r < 200 && row === 0; r++) if (sheet.cell(r, 2)?.value === 'STC') row = r;
    // Received on 26/02 as Excel keeps a typed date: its serial number, shown through the column's date format.
    sheet.ensureCell(row, RECEIVED_COLUMN).value = toExcelSerial(mustDay(2026, 2, 26));
    fake.resetCounters();
    const s = await consolidateIntoWorkbook(workbook, request());
    expect(fake.syncCount).toBe(2);
    expect(s.late).toEqual([]);
    expect(sheet.cell(row, RECEIVED_COLUMN)?.value).toBe(toExcelSerial(mustDay(2026, 2, 26)));
    expect(sheet.cell(row, RECEIVED_COLUMN)?.numberFormat).toBe('dd/mm/yyyy');
    expect(sheet.cell(row, RECEIVED_COLUMN + 1)?.value).toBe('Ngày nhận');
  });
});
