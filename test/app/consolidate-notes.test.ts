/**
 * The agency's "Kết quả / Sản phẩm" and "Ghi chú" for each task reach Sở Nội vụ: two columns on "Quá hạn", one column
 * on "Tiến độ nhiệm vụ" — always as text, through either host, even when the agency's text starts with "=".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidateInto, type ConsolidateIntoRequest } from '../../src/app/consolidate-into';
import type { OpenResult } from '../../src/app/consolidate';
import { planRows } from '../../src/app/plan-status';
import { mustDay } from '../../src/domain/calendar';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { openForReading } from '../../src/hosts/xlsx/open-fast';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { NOTES_HEADER, OVERDUE_SHEET, PROGRESS_SHEET, notesText } from '../../src/workbook/consolidation-sheets';
import { MAX_CELL_TEXT } from '../../src/workbook/cell-text';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { rig } from '../hosts/excel/helpers';

const plan = defaultPlanPack();
const forms = defaultFormPack();
const roster = defaultRoster();
const agency = (code: string): RosterEntry => findAgency(roster, code)!;
const AS_OF = mustDay(2026, 11, 23);
const RESULT = 'Đã trình UBND tỉnh dự thảo';
/** What a clerk might type as the reason for a delay: text that Excel would take for a formula. */
const NOTE = '=Chậm do chờ kinh phí (xem CV 12/SNV)';
const NUMBERISH = '-5 hồ sơ chưa chỉnh lý';

let bytes: Uint8Array;
let task = '';
let quiet = '';

beforeAll(async () => {
  const who = agency('SNV');
  const made = new Date(Date.UTC(2026, 1, 20, 3));
  const a = await agencyWorkbook(who, made, 77);
  const rows = planRows(plan, { asOf: AS_OF, window: 14, inclusiveBefore: false }, who, () => ({ status: 'Đang thực hiện' }));
  const overdue = rows.filter((r) => r.due?.state === 'overdue').map((r) => r.task.id);
  task = overdue[0]!;
  quiet = overdue[1]!;
  const ws = a.workbook.workbook.getWorksheet(plan.trackerSheetName)!;
  const grid = a.workbook.grid(plan.trackerSheetName)!;
  const rowOf = (id: string) => grid.values.findIndex((r) => r[TRACKER_COL.id - 1] === id) + 1;
  for (const id of [task, quiet]) {
    ws.getCell(rowOf(id), TRACKER_COL.status).value = 'Đang thực hiện';
    ws.getCell(rowOf(id), TRACKER_COL.completion).value = null;
  }
  ws.getCell(rowOf(task), TRACKER_COL.result).value = RESULT;
  ws.getCell(rowOf(task), TRACKER_COL.note).value = NOTE;
  ws.getCell(rowOf(quiet), TRACKER_COL.note).value = NUMBERISH;
  bytes = await a.workbook.toBuffer(made);
});

async function open(b: Uint8Array): Promise<OpenResult> {
  return openForReading(b);
}

function request(): ConsolidateIntoRequest {
  return {
    files: [{ name: 'SNV.xlsx', read: async () => bytes }],
    planPack: plan,
    formPack: forms,
    knownPacks: new Map([[plan.id, [plan.version]], [forms.id, [forms.version]]]),
    defaultRoster: roster,
    asOf: AS_OF,
    lang: 'vi',
    open,
  };
}

describe('results and notes of the agencies', () => {
  it('"Quá hạn" and "Tiến độ nhiệm vụ" carry them, as text in the .xlsx file', async () => {
    const target = FileWorkbook.create();
    await consolidateInto(target, request());
    const reloaded = await FileWorkbook.load(await target.toBuffer());

    const overdue = reloaded.grid(OVERDUE_SHEET)!;
    expect(overdue.values[3]?.slice(9, 11)).toEqual(['Kết quả / Sản phẩm', 'Ghi chú']);
    const line = overdue.values.find((r) => r[1] === 'SNV' && r[3] === task)!;
    expect(line.slice(9, 11)).toEqual([RESULT, NOTE]);
    expect(overdue.values.find((r) => r[1] === 'SNV' && r[3] === quiet)?.slice(9, 11)).toEqual([null, NUMBERISH]);

    const progress = reloaded.grid(PROGRESS_SHEET)!;
    const header = progress.values[3] ?? [];
    const col = header.indexOf(NOTES_HEADER);
    expect(col).toBe(header.length - 1);
    const notes = String(progress.values.find((r) => r[0] === 'SNV')?.[col]);
    expect(notes.split('\n')).toEqual(expect.arrayContaining([`${task} — Kết quả: ${RESULT}; Ghi chú: ${NOTE}`, `${quiet} — Ghi chú: ${NUMBERISH}`]));

    // Never a formula: every cell holding the agency's text is a string cell.
    for (const sheet of [OVERDUE_SHEET, PROGRESS_SHEET]) {
      reloaded.workbook.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.value.includes('Chậm do chờ kinh phí')) expect(cell.formula, `${sheet}!${cell.address}`).toBeUndefined();
          expect(typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value, `${sheet}!${cell.address}`).toBe(false);
        }),
      );
    }
    expect(reloaded.grid(OVERDUE_SHEET)!.formulas?.flat().filter((f) => f !== null && f !== undefined)).toEqual([]);
  });

  it('through Office.js, the same text arrives as text, not as a formula or a number', async () => {
    const { fake, workbook } = rig();
    await consolidateInto(workbook, request());
    const sheet = fake.sheet(OVERDUE_SHEET)!;
    const cells = [...sheet.cells.values()];
    const note = cells.find((c) => c.value === NOTE);
    expect(note?.formula).toBeNull();
    const numberish = cells.find((c) => c.value === NUMBERISH);
    expect(numberish?.formula).toBeNull();
    expect(cells.filter((c) => c.formula !== null)).toEqual([]);
    const progress = [...fake.sheet(PROGRESS_SHEET)!.cells.values()].find((c) => typeof c.value === 'string' && c.value.includes(NOTE));
    expect(progress?.formula).toBeNull();
  });

  it('a note too long for one cell is cut to Excel\'s limit with a visible "…"', () => {
    const long = 'x'.repeat(40_000);
    const text = notesText(new Map([['1', { result: '', note: long }], ['2', { result: 'ok', note: '' }]]), ['1', '2']);
    expect(text).toHaveLength(MAX_CELL_TEXT);
    expect(text.endsWith('…')).toBe(true);
    expect(notesText(new Map([['2', { result: 'ok', note: '' }]]), ['1', '2'])).toBe('2 — Kết quả: ok');
  });
});
