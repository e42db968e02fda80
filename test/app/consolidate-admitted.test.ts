/**
 * Per-file acceptance: Sở Nội vụ chooses "Có" in "Cho tính vào tổng hợp" on an agency's row of "Theo dõi nộp báo cáo"
 * to count that agency's file with warnings in the totals. Kept on every re-run into the same workbook; a file with
 * errors is never counted (the cell is named); a choice made for a file the agency has replaced since no longer
 * applies (taken off, the cell named); anything else typed is named by its cell. Beside the global switch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openWithSavedAt } from './open-saved';
import { consolidateInto, consolidateIntoWorkbook, type ConsolidateIntoRequest } from '../../src/app/consolidate-into';
import { mustDay } from '../../src/domain/calendar';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import {
  ADMIT_COLUMN, ADMITTED_BY_MARK, FILE_KEY_COLUMN, REFUSED_FOR_ERRORS, SUBMISSION_SHEET,
} from '../../src/workbook/consolidation-sheets';
import { readSubmissions } from '../../src/workbook/consolidation-read';
import { columnLetter } from '../../src/workbook/a1';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { formSheetLayout } from '../../src/workbook/forms';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { withSavedAt } from '../helpers/core-props';
import { rig } from '../hosts/excel/helpers';

const plan = defaultPlanPack();
const forms = defaultFormPack();
const roster = defaultRoster();
const agency = (code: string): RosterEntry => findAgency(roster, code)!;
const GENERATED = new Date(Date.UTC(2026, 0, 5, 3));
const ADMIT = columnLetter(ADMIT_COLUMN);

const open = openWithSavedAt;

type Files = Map<string, Uint8Array>;
/** SNV: clean. STC: a warning (its identity stamp is gone: the agency is known by its sheets' headings). SYT: an error. */
const files: Files = new Map();
/** STC's file sent again later, still with the warning, with a note added. */
let stcAgain: Uint8Array;

function addressOf(code: string, key: string): string {
  const form = forms.forms.find((f) => f.code === code)!;
  return formSheetLayout({ pack: forms, form, agency: { code: 'X', name: 'X' }, year: 2025 }).addresses.get(key)!;
}

function request(set: Files = files, extra: Partial<ConsolidateIntoRequest> = {}): ConsolidateIntoRequest {
  return {
    files: [...set].map(([name, bytes]) => ({ name, read: async () => bytes })),
    planPack: plan,
    formPack: forms,
    knownPacks: new Map([[plan.id, [plan.version]], [forms.id, [forms.version]]]),
    defaultRoster: roster,
    asOf: mustDay(2026, 3, 20),
    year: 2025,
    lang: 'vi',
    open,
    ...extra,
  };
}

function rowOf(wb: FileWorkbook, code: string): number {
  return wb.grid(SUBMISSION_SHEET)!.values.findIndex((row) => row[1] === code) + 1;
}

function lineOf(wb: FileWorkbook, code: string) {
  return wb.grid(SUBMISSION_SHEET)!.values[rowOf(wb, code) - 1] ?? [];
}

/** Sở Nội vụ types into "Cho tính vào tổng hợp" on an agency's row; returns the cell. */
function choose(wb: FileWorkbook, code: string, value: string | null): string {
  const cell = wb.workbook.getWorksheet(SUBMISSION_SHEET)!.getCell(rowOf(wb, code), ADMIT_COLUMN);
  cell.value = value;
  return cell.address;
}

/** A figure of form 0808 in the province totals. */
function total(result: Awaited<ReturnType<typeof consolidateInto>>['result']): number | undefined {
  return result.totals.get('0808')?.get('01:1');
}

beforeAll(async () => {
  const make = async (code: string, seed: number, edit?: (wb: FileWorkbook) => void) => {
    const a = await agencyWorkbook(agency(code), GENERATED, seed);
    edit?.(a.workbook);
    return withSavedAt(await a.workbook.toBuffer(), '2026-02-20T08:00:00Z');
  };
  const noStamp = (wb: FileWorkbook) => wb.workbook.removeWorksheet(wb.workbook.getWorksheet(IDENTITY_SHEET)!.id);
  files.set('SNV.xlsx', await make('SNV', 11));
  files.set('STC.xlsx', await make('STC', 12, noStamp));
  files.set('SYT.xlsx', await make('SYT', 13, (wb) => {
    wb.workbook.getWorksheet('0811')!.getCell(addressOf('0811', '02:1')).value = 'nhiều';
  }));
  const again = await FileWorkbook.load(files.get('STC.xlsx')!);
  const grid = again.grid(plan.trackerSheetName)!;
  const row = grid.values.findIndex((r) => typeof r[0] === 'string' && plan.tasks.some((t) => t.id === r[0])) + 1;
  again.workbook.getWorksheet(plan.trackerSheetName)!.getCell(row, TRACKER_COL.note).value = 'Bổ sung số liệu';
  stcAgain = withSavedAt(await again.toBuffer(), '2026-03-02T08:00:00Z');
}, 120_000);

describe('"Cho tính vào tổng hợp": one file with warnings admitted by Sở Nội vụ', () => {
  it('without a choice, the file with warnings stays out; the column is a drop-down, the file\'s fingerprint hidden beside it', async () => {
    const target = FileWorkbook.create();
    const { result, markProblems } = await consolidateInto(target, request());
    const stc = result.accepted.find((a) => a.agency.code === 'STC')!;
    expect(stc.report.holdingWarnings).toBeGreaterThan(0);
    expect(stc.report.errors).toBe(0);
    expect(stc.inTotals).toBe(false);
    expect(markProblems).toEqual([]);
    const header = target.grid(SUBMISSION_SHEET)!.values.find((r) => r[1] === 'Mã đơn vị')!;
    expect(header.slice(13, 16)).toEqual(['Tính vào tổng hợp', 'Cho tính vào tổng hợp', 'Mã tệp']);
    expect(lineOf(target, 'STC')[13]).toBe('Không');
    expect(lineOf(target, 'STC')[ADMIT_COLUMN - 1]).toBeNull();
    expect(lineOf(target, 'STC')[FILE_KEY_COLUMN - 1]).toBe(stc.fingerprint);
    const saved = await FileWorkbook.load(await target.toBuffer());
    const ws = saved.workbook.getWorksheet(SUBMISSION_SHEET)!;
    expect(ws.getColumn(FILE_KEY_COLUMN).hidden).toBe(true);
    const v = ws.getCell(`${ADMIT}${rowOf(target, 'STC')}`).dataValidation;
    expect(v.type).toBe('list');
    expect(v.formulae).toEqual(['"Có,Không"']);
  });

  it('"Có" admits it into the totals, kept on every re-run; the row and the summary say so', async () => {
    const target = FileWorkbook.create();
    const before = await consolidateInto(target, request());
    const cell = choose(target, 'STC', 'Có');
    const { result, markProblems } = await consolidateInto(target, request());
    const stc = result.accepted.find((a) => a.agency.code === 'STC')!;
    expect(stc.inTotals).toBe(true);
    expect(stc.admittedBy).toBe('mark');
    expect(markProblems).toEqual([]);
    const stcFigure = stc.figures.get('0808')?.get('01:1') ?? 0;
    expect(stcFigure).toBeGreaterThan(0);
    expect(total(result)).toBeCloseTo((total(before.result) ?? 0) + stcFigure, 6);
    expect(lineOf(target, 'STC')[13]).toBe(ADMITTED_BY_MARK);
    expect(lineOf(target, 'STC')[ADMIT_COLUMN - 1]).toBe('Có');
    expect(String(target.grid(SUBMISSION_SHEET)!.values[1]?.[0])).toContain('1 tệp được tính theo lựa chọn này');
    // Read back as counted (the documents read this column).
    expect(readSubmissions(target.grid(SUBMISSION_SHEET)!)!.rows.find((r) => r.code === 'STC')?.inTotals).toBe(true);

    // A third run: still chosen, still counted.
    const s = await consolidateIntoWorkbook(target, request());
    expect(s.admittedByMark).toEqual([{ agency: { code: 'STC', name: agency('STC').name }, file: 'STC.xlsx', cell }]);
    expect(s.inTotals).toBe(2);
    expect(lineOf(target, 'STC')[ADMIT_COLUMN - 1]).toBe('Có');
  });

  it('never admits a file with errors: the choice is named by its cell and ignored', async () => {
    const target = FileWorkbook.create();
    await consolidateInto(target, request());
    const cell = choose(target, 'SYT', 'Có');
    const { result, markProblems } = await consolidateInto(target, request());
    expect(result.accepted.find((a) => a.agency.code === 'SYT')?.inTotals).toBe(false);
    expect(markProblems.map((p) => p.cell)).toEqual([cell]);
    expect(markProblems[0]?.message).toContain(`"${SUBMISSION_SHEET}"!${cell} (đơn vị SYT): tệp SYT.xlsx có lỗi`);
    expect(lineOf(target, 'SYT')[13]).toBe(REFUSED_FOR_ERRORS);
    expect(lineOf(target, 'SYT')[ADMIT_COLUMN - 1]).toBe('Có');
  });

  it('a choice made for a file the agency has replaced since no longer applies: taken off and reported', async () => {
    const target = FileWorkbook.create();
    await consolidateInto(target, request());
    const cell = choose(target, 'STC', 'Có');
    const resent: Files = new Map([...files, ['STC_gui_lai.xlsx', stcAgain]]);
    const { result, markProblems } = await consolidateInto(target, request(resent));
    const stc = result.accepted.find((a) => a.agency.code === 'STC')!;
    expect(stc.file).toBe('STC_gui_lai.xlsx');
    expect(stc.inTotals).toBe(false);
    expect(markProblems.map((p) => p.cell)).toEqual([cell]);
    expect(markProblems[0]?.message).toContain('đơn vị đã gửi tệp khác (STC_gui_lai.xlsx)');
    expect(lineOf(target, 'STC')[ADMIT_COLUMN - 1]).toBeNull();
    expect(lineOf(target, 'STC')[FILE_KEY_COLUMN - 1]).toBe(stc.fingerprint);

    // Chosen again for the new file: counted.
    choose(target, 'STC', 'Có');
    const again = await consolidateInto(target, request(resent));
    expect(again.result.accepted.find((a) => a.agency.code === 'STC')?.admittedBy).toBe('mark');
    expect(again.markProblems).toEqual([]);
  });

  it('the same file in which the check now finds other warnings (the product updated): the choice is taken off, saying why', async () => {
    const target = FileWorkbook.create();
    const first = await consolidateInto(target, request());
    const stc = first.result.accepted.find((a) => a.agency.code === 'STC')!;
    const cell = choose(target, 'STC', 'Có');
    // The key an earlier run wrote: the same content half, another findings half (its checks found something else).
    const [content, findings] = stc.fingerprint.split('-');
    expect(content).toMatch(/^[0-9a-f]{16}$/);
    const other = findings === '0000000000000000' ? '0000000000000001' : '0000000000000000';
    target.workbook.getWorksheet(SUBMISSION_SHEET)!.getCell(rowOf(target, 'STC'), FILE_KEY_COLUMN).value = `${content}-${other}`;
    const { result, markProblems } = await consolidateInto(target, request());
    expect(result.accepted.find((a) => a.agency.code === 'STC')?.inTotals).toBe(false);
    expect(markProblems.map((p) => p.cell)).toEqual([cell]);
    expect(markProblems[0]?.message).toContain('vẫn như khi chọn "Có", nhưng lần kiểm tra này thấy cảnh báo khác trước');
    expect(markProblems[0]?.message).not.toContain('đã gửi tệp khác');
    // Not only an update: a file whose as-of date has no value is checked as of the consolidation's date.
    expect(markProblems[0]?.message).toContain('hoặc tệp được kiểm tra theo ngày đối chiếu khác');
    expect(lineOf(target, 'STC')[ADMIT_COLUMN - 1]).toBeNull();
    expect(lineOf(target, 'STC')[FILE_KEY_COLUMN - 1]).toBe(stc.fingerprint);
  });

  it('a choice beside a key written by an earlier version (one hash of content and findings) still holds', async () => {
    const target = FileWorkbook.create();
    const first = await consolidateInto(target, request());
    const stc = first.result.accepted.find((a) => a.agency.code === 'STC')!;
    choose(target, 'STC', 'Có');
    // The earlier key, computed as that version did: FNV-1a pairs over the JSON of year, figures, statuses, notes, findings.
    const sorted = <V>(m: ReadonlyMap<string, V>): [string, V][] => [...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    const text = JSON.stringify([
      stc.reportingYear,
      sorted(stc.figures).map(([form, cells]) => [form, sorted(cells)]),
      sorted(stc.statuses),
      sorted(stc.notes),
      stc.report.issues.map((i) => [i.rule, i.sheet, i.cell]),
    ]);
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let i = 0; i < text.length; i++) {
      a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
      b = Math.imul(b ^ text.charCodeAt(i), 0x01000193) ^ (b >>> 15);
    }
    const earlier = (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
    target.workbook.getWorksheet(SUBMISSION_SHEET)!.getCell(rowOf(target, 'STC'), FILE_KEY_COLUMN).value = earlier;
    const { result, markProblems } = await consolidateInto(target, request());
    expect(markProblems).toEqual([]);
    expect(result.accepted.find((a) => a.agency.code === 'STC')?.admittedBy).toBe('mark');
    // Written again in this version's form.
    expect(lineOf(target, 'STC')[FILE_KEY_COLUMN - 1]).toBe(stc.fingerprint);
  });

  it('the same file sent again (a copy, saved later) keeps the choice', async () => {
    const target = FileWorkbook.create();
    await consolidateInto(target, request());
    choose(target, 'STC', 'Có');
    const copy = withSavedAt(files.get('STC.xlsx')!, '2026-03-05T08:00:00Z');
    const { result, markProblems } = await consolidateInto(target, request(new Map([...files, ['STC_ban_sao.xlsx', copy]])));
    expect(result.accepted.find((a) => a.agency.code === 'STC')?.admittedBy).toBe('mark');
    expect(markProblems).toEqual([]);
  });

  it('names a cell that holds neither "Có" nor "Không", and a choice on an agency that sent nothing; both kept as typed', async () => {
    const target = FileWorkbook.create();
    await consolidateInto(target, request());
    const odd = choose(target, 'STC', 'x');
    const none = choose(target, 'SXD', 'Có');
    const no = choose(target, 'SNV', 'không');
    const { result, markProblems } = await consolidateInto(target, request());
    expect(result.accepted.find((a) => a.agency.code === 'STC')?.inTotals).toBe(false);
    expect(markProblems.map((p) => p.cell)).toEqual([odd, none]);
    expect(markProblems[0]?.message).toContain(`"${SUBMISSION_SHEET}"!${odd} (đơn vị STC): "x" không phải lựa chọn`);
    expect(markProblems[1]?.message).toContain('đơn vị chưa nộp tệp');
    expect(lineOf(target, 'STC')[ADMIT_COLUMN - 1]).toBe('x');
    expect(lineOf(target, 'SXD')[ADMIT_COLUMN - 1]).toBe('Có');
    expect(lineOf(target, 'SNV')[ADMIT_COLUMN - 1]).toBe('Không');
    expect(no).toMatch(/^O\d+$/);
  });

  it('beside the global switch: the switch admits every file with warnings, a choice still names its file', async () => {
    const target = FileWorkbook.create();
    const { result } = await consolidateInto(target, request(files, { admitWarnings: true }));
    expect(result.accepted.find((a) => a.agency.code === 'STC')?.admittedBy).toBe('switch');
    expect(lineOf(target, 'STC')[13]).toBe('Có');
    choose(target, 'STC', 'Có');
    const again = await consolidateInto(target, request(files, { admitWarnings: true }));
    expect(again.result.accepted.find((a) => a.agency.code === 'STC')?.admittedBy).toBe('mark');
    // The switch never lets a file with errors in.
    expect(again.result.accepted.find((a) => a.agency.code === 'SYT')?.inTotals).toBe(false);
  });

  it('in Excel (the pane): a choice typed through the drop-down is read and kept, in 2 syncs (read 1, write 1, with the sheet states the read found)', async () => {
    const { fake, workbook } = rig();
    await consolidateIntoWorkbook(workbook, request());
    const sheet = fake.sheet(SUBMISSION_SHEET)!;
    let row = 0;
    for (let r = 1; r < 200 && row === 0; r++) if (sheet.cell(r, 2)?.value === 'STC') row = r;
    expect(fake.listItemsAt(SUBMISSION_SHEET, `${ADMIT}${row}`)).toEqual(['Có', 'Không']);
    expect(sheet.hiddenColumns.has(FILE_KEY_COLUMN)).toBe(true);
    fake.typeInto(SUBMISSION_SHEET, `${ADMIT}${row}`, [['Có']]);
    fake.resetCounters();
    const s = await consolidateIntoWorkbook(workbook, request());
    expect(fake.syncCount).toBe(2);
    expect(s.admittedByMark?.map((a) => a.agency.code)).toEqual(['STC']);
    expect(s.inTotals).toBe(2);
    expect(sheet.cell(row, ADMIT_COLUMN)?.value).toBe('Có');
    expect(sheet.cell(row, 14)?.value).toBe(ADMITTED_BY_MARK);

    // Pasted past the drop-down: named in the pane's notice lines, not applied.
    fake.pasteValues(SUBMISSION_SHEET, `${ADMIT}${row}`, [['ok']]);
    const pasted = await consolidateIntoWorkbook(workbook, request());
    expect(pasted.admittedByMark).toEqual([]);
    expect(pasted.receivedProblems).toEqual([expect.stringContaining(`"${SUBMISSION_SHEET}"!${ADMIT}${row} (đơn vị STC): "ok"`)]);
  });
});
