/**
 * The consolidation workbook as LibreOffice sees it: `vtlt consolidate` over four agency workbooks (one of them with
 * errors, so it is kept out of the totals), then every sheet of the output converted to CSV in one LibreOffice run.
 *
 * - "Tổng hợp <code>": the province totals in the form's layout, whose total cells LibreOffice recalculates from the
 *   summed inputs, equal the `totals` printed with --json and the sums worked out here from the error-free agencies'
 *   figures; the breakdown lists each of those agencies with its own figures, and its "Cộng" row equals the totals.
 * - No cell of any output sheet shows an error.
 * - Text typed by an agency that starts with "=" reaches "Lỗi kiểm tra" and "Quá hạn" as text, never as a formula.
 * - The same batch re-saved by LibreOffice ("Calc MS Excel 2007 XML") consolidates to the same totals.
 * - A corrected re-send with an older generation stamp but a later save (dcterms:modified) is the one counted.
 * - "Có" chosen in "Cho tính vào tổng hợp" in a consolidation workbook saved by LibreOffice is read on the re-run.
 */
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustDay } from '../../src/domain/calendar';
import { cellKey, type Form } from '../../src/domain/form-pack';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { planRows } from '../../src/app/plan-status';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import {
  ADMIT_COLUMN, ADMITTED_BY_MARK, FILE_KEY_COLUMN, OVERDUE_SHEET, PROBLEMS_SHEET, SUBMISSION_SHEET,
} from '../../src/workbook/consolidation-sheets';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { formSheetLayout, NA_MARK, type FormLayout } from '../../src/workbook/forms';
import { BREAKDOWN_HEADER, BREAKDOWN_SUM as SUM_LABEL, breakdownSheetName, totalsSheetName } from '../../src/workbook/totals-sheet';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { agencyWorkbook, type AgencyWorkbook } from '../helpers/agency-workbook';
import { savedAtOf, withSavedAt } from '../helpers/core-props';
import { convert, convertSheetsToCsv, createSession, csvCell, disposeSession, errorCells, type LoSession, type SheetGrids } from './lo';

const plan = defaultPlanPack();
const pack = defaultFormPack();
const roster = defaultRoster();
const YEAR = 2025;
const GENERATED = new Date(Date.UTC(2026, 1, 20, 3));
const AS_OF = '2026-11-23';
const RUN_AT = Date.UTC(2026, 10, 23, 3);
const CODES = ['SNV', 'STC', '05455', 'SYT'] as const;
/** The agency whose file has errors: it is submitted, but kept out of the totals. */
const FAULTY = 'SYT';
/** Formula-looking text the faulty agency typed: a status in the tracker, and a figure in form 0811. */
const STATUS_TEXT = '=1+1';
const FIGURE_TEXT = '=2*3';
const FIGURE_AT = { form: '0811', key: '02:1' };

function agencyOf(code: string): RosterEntry {
  const a = findAgency(roster, code);
  if (!a) throw new Error(`agency ${code} is not in the roster`);
  return a;
}

function layoutOf(form: Form): FormLayout {
  return formSheetLayout({ pack, form, agency: { code: 'X', name: 'X' }, year: YEAR });
}

interface Json {
  asOf: string;
  year: number;
  submitted: string[];
  replaced: string[];
  conflicts: { agency: string; files: string[] }[];
  rejected: { file: string; reasons: string[] }[];
  totals: Record<string, Record<string, Record<string, number>>>;
}

/** What --json says of Sở Nội vụ's "Cho tính vào tổng hợp". */
interface MarkJson extends Json {
  admittedByMark: { agency: string; file: string; cell: string }[];
  markWarnings: string[];
}

/** `vtlt consolidate DIR --out OUT --as-of AS_OF --json`, its JSON. */
async function consolidateJson(inDir: string, out: string): Promise<Json> {
  const printed: string[] = [];
  const errors: string[] = [];
  const io: CliIo = { lang: 'vi', out: (t) => printed.push(t), err: (t) => errors.push(t), now: () => RUN_AT };
  const code = await run(['consolidate', inDir, '--out', out, '--as-of', AS_OF, '--json'], io);
  if (code !== 0) throw new Error(`vtlt consolidate exited ${code}: ${errors.join('\n')}`);
  return JSON.parse(printed.join('\n')) as Json;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

let session: LoSession | undefined;
let json: Json;
let sheets: SheetGrids;
const agencies = new Map<string, AgencyWorkbook>();
/** The task whose status the faulty agency wrote as formula-looking text (overdue on the as-of date). */
let overdueTask = '';

/** Makes the faulty agency's file: a status that is not in the list, and text in a figure cell, both starting "=". */
function spoil(a: AgencyWorkbook): void {
  const agency = agencyOf(FAULTY);
  const rows = planRows(plan, { asOf: mustDay(2026, 11, 23), window: 14, inclusiveBefore: false }, agency, () => ({ status: STATUS_TEXT }));
  const task = rows.find((r) => r.due?.state === 'overdue')?.task;
  if (!task) throw new Error(`no task of ${FAULTY} is overdue on ${AS_OF}`);
  overdueTask = task.id;
  const ws = a.workbook.workbook.getWorksheet(plan.trackerSheetName);
  const grid = a.workbook.grid(plan.trackerSheetName);
  const row = (grid?.values.findIndex((r) => r[TRACKER_COL.id - 1] === task.id) ?? -1) + 1;
  if (!ws || row < 1) throw new Error(`no tracker row for task ${task.id}`);
  ws.getCell(row, TRACKER_COL.status).value = STATUS_TEXT;
  ws.getCell(row, TRACKER_COL.completion).value = null;
  ws.getCell(row, TRACKER_COL.percent).value = null;

  const form = pack.forms.find((f) => f.code === FIGURE_AT.form);
  const address = form ? layoutOf(form).addresses.get(FIGURE_AT.key) : undefined;
  const sheet = a.workbook.workbook.getWorksheet(FIGURE_AT.form);
  if (!address || !sheet) throw new Error(`no cell ${FIGURE_AT.key} in form ${FIGURE_AT.form}`);
  sheet.getCell(address).value = FIGURE_TEXT;
}

beforeAll(async () => {
  const lo = await createSession('vtlt-e2e-consolidation-');
  session = lo;
  const inDir = path.join(lo.dir, 'in');
  await mkdir(inDir, { recursive: true });
  for (const [i, code] of CODES.entries()) {
    const a = await agencyWorkbook(agencyOf(code), GENERATED, 401 + i);
    if (code === FAULTY) spoil(a);
    agencies.set(code, a);
    // Saved the day it was made, not the day the test runs: the submission day (and lateness) follow the file.
    await writeFile(path.join(inDir, `${code}.xlsx`), await a.workbook.toBuffer(GENERATED));
  }

  const out = path.join(lo.dir, 'tong-hop.xlsx');
  json = await consolidateJson(inDir, out);

  const [grids] = await convertSheetsToCsv(lo, [out], path.join(lo.dir, 'csv'), { asShown: false });
  sheets = grids ?? new Map();
});

afterAll(async () => {
  await disposeSession(session);
});

function gridOf(sheet: string): string[][] {
  const grid = sheets.get(sheet);
  if (!grid) throw new Error(`no CSV of sheet "${sheet}" (sheets: ${[...sheets.keys()].join(', ')})`);
  return grid;
}

const counted = () => CODES.filter((c) => c !== FAULTY);

/** Province totals worked out here: the error-free agencies' figures (inputs and totals), added cell by cell. */
function expectedTotals(form: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const code of counted()) {
    for (const [key, v] of agencies.get(code)?.figures.get(form) ?? []) out.set(key, (out.get(key) ?? 0) + v);
  }
  return out;
}

function jsonTotal(form: string, key: string, from: Json = json): number | undefined {
  const [row, col] = key.split(':');
  return from.totals[form]?.[row ?? '']?.[col ?? ''];
}

describe('vtlt consolidate, output opened in LibreOffice', () => {
  it('takes in every file, and keeps the one with errors out of the totals', () => {
    expect([...json.submitted].sort()).toEqual([...CODES].sort());
    expect(json.rejected).toEqual([]);
    expect(json.asOf).toBe(AS_OF);
    expect(json.year).toBe(YEAR);
    const grid = gridOf(SUBMISSION_SHEET);
    const lineOf = (code: string) => grid.find((r) => r[1] === code) ?? [];
    for (const code of CODES) {
      expect(lineOf(code)[4], code).toBe('Đã nộp');
      expect(lineOf(code)[13], code).toBe(code === FAULTY ? 'Không' : 'Có');
      expect(Number(lineOf(code)[11]), `errors of ${code}`).toBe(code === FAULTY ? 2 : 0);
    }
  });

  it('the --json totals are the sums of the error-free agencies\' figures', () => {
    for (const form of pack.forms) {
      const expected = expectedTotals(form.code);
      const printed = Object.entries(json.totals[form.code] ?? {}).flatMap(([row, cols]) =>
        Object.entries(cols).map(([col, v]) => [`${row}:${col}`, v] as const),
      );
      expect(new Set(printed.map(([k]) => k)), form.code).toEqual(new Set(expected.keys()));
      for (const [key, v] of printed) expect(close(v, expected.get(key) ?? NaN), `${form.code} ${key}: ${v} vs ${expected.get(key)}`).toBe(true);
    }
  });

  it('"Tổng hợp <code>": the totals LibreOffice computes in the form layout equal the --json totals and the sums', () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const form of pack.forms) {
      const grid = gridOf(totalsSheetName(form.code));
      const layout = layoutOf(form);
      expect(csvCell(grid, 'A1'), form.code).toBe(`Biểu số: ${form.code}.N/BNV-VTLT`);
      // The reporting unit is the province, over the agencies counted.
      expect(csvCell(grid, 'B1'), form.code).toContain(`Tổng hợp ${counted().length} đơn vị`);
      const expected = expectedTotals(form.code);
      for (const { cell, role } of layout.model.cells) {
        const key = cellKey(cell);
        const address = layout.addresses.get(key) ?? '';
        const shown = csvCell(grid, address);
        if (role === 'na') {
          if (shown !== NA_MARK) wrong.push(`${form.code} ${key} (${address}): "${shown}", expected "${NA_MARK}"`);
          continue;
        }
        const sum = expected.get(key);
        const printed = jsonTotal(form.code, key);
        compared++;
        if (sum === undefined || printed === undefined || shown === '' || !close(Number(shown), sum) || !close(Number(shown), printed)) {
          wrong.push(`${form.code} ${key} (${address}, ${role}): LibreOffice "${shown}", json ${String(printed)}, sum ${String(sum)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  it('"Chi tiết <code>": the breakdown lists each counted agency\'s figures, and its "Cộng" row equals the totals', () => {
    const wrong: string[] = [];
    for (const form of pack.forms) {
      const grid = gridOf(breakdownSheetName(form.code));
      const cells = layoutOf(form).model.cells.filter((c) => c.role !== 'na').map((c) => c.cell);
      const top = grid.findIndex((r) => r[0] === BREAKDOWN_HEADER);
      expect(top, `${form.code}: breakdown header`).toBeGreaterThanOrEqual(0);
      expect(grid[top]?.slice(2, 2 + cells.length), form.code).toEqual(cells.map((c) => `${c.row}/${c.col}`));
      const sumAt = grid.findIndex((r, i) => i > top && r[1] === SUM_LABEL);
      const lines = grid.slice(top + 1, sumAt);
      expect(lines.map((r) => r[0]).sort(), form.code).toEqual(counted().sort());
      for (const line of lines) {
        const code = line[0] ?? '';
        expect(line[1], `${form.code} ${code}`).toBe(agencyOf(code).name);
        const figures = agencies.get(code)?.figures.get(form.code) ?? new Map<string, number>();
        cells.forEach((c, i) => {
          const shown = line[2 + i] ?? '';
          const v = figures.get(cellKey(c));
          if (v === undefined ? shown !== '' : shown === '' || !close(Number(shown), v)) {
            wrong.push(`${form.code} ${code} ${cellKey(c)}: LibreOffice "${shown}", figure ${String(v)}`);
          }
        });
      }
      const sumLine = grid[sumAt] ?? [];
      cells.forEach((c, i) => {
        const shown = sumLine[2 + i] ?? '';
        const printed = jsonTotal(form.code, cellKey(c));
        if (printed === undefined ? shown !== '' : shown === '' || !close(Number(shown), printed)) {
          wrong.push(`${form.code} ${SUM_LABEL} ${cellKey(c)}: LibreOffice "${shown}", json ${String(printed)}`);
        }
      });
    }
    expect(wrong).toEqual([]);
  });

  it('no cell of any output sheet shows an error', () => {
    expect(sheets.size).toBeGreaterThan(pack.forms.length);
    const errors: string[] = [];
    for (const [sheet, grid] of sheets) errors.push(...errorCells(grid).map((e) => `${sheet} ${e}`));
    expect(errors).toEqual([]);
  });

  it('text an agency typed starting with "=" shows as that text in "Lỗi kiểm tra" and "Quá hạn"', () => {
    const problems = gridOf(PROBLEMS_SHEET);
    const valuesOf = (rule: string) => problems.filter((r) => r[6] === rule && r[1]?.endsWith(`${FAULTY}.xlsx`)).map((r) => r[8]);
    expect(valuesOf('status-unknown')).toEqual([STATUS_TEXT]);
    expect(valuesOf('not-a-number')).toEqual([FIGURE_TEXT]);
    expect(problems.filter((r) => r[6] === 'not-a-number').map((r) => [r[4], r[5]])).toEqual([
      [FIGURE_AT.form, layoutOf(pack.forms.find((f) => f.code === FIGURE_AT.form) as Form).addresses.get(FIGURE_AT.key)],
    ]);

    const overdue = gridOf(OVERDUE_SHEET);
    const line = overdue.find((r) => r[1] === FAULTY && r[3] === overdueTask);
    expect(line, `${FAULTY} task ${overdueTask} in "${OVERDUE_SHEET}"`).toBeDefined();
    expect(line?.[8]).toBe(STATUS_TEXT);
    // Every cell that starts with "=" is one of these texts, shown as typed.
    const formulaLike = (sheet: string) => gridOf(sheet).flat().filter((t) => t.startsWith('=')).sort();
    expect(formulaLike(PROBLEMS_SHEET)).toEqual([STATUS_TEXT, FIGURE_TEXT].sort());
    expect(formulaLike(OVERDUE_SHEET)).toEqual([STATUS_TEXT]);
  });
});

describe('files from the field: re-saved by LibreOffice, and re-sent after a correction', () => {
  it('the batch re-saved by LibreOffice consolidates to the same totals as the originals', async () => {
    const lo = session;
    if (!lo) throw new Error('no LibreOffice session');
    const originals = CODES.map((code) => path.join(lo.dir, 'in', `${code}.xlsx`));
    const resavedDir = path.join(lo.dir, 'resaved');
    const resaved = await convert(lo, originals, 'xlsx:Calc MS Excel 2007 XML', resavedDir);
    expect(resaved).toHaveLength(CODES.length);
    const again = await consolidateJson(resavedDir, path.join(lo.dir, 'tong-hop-resaved.xlsx'));
    expect([...again.submitted].sort()).toEqual([...json.submitted].sort());
    expect(again.rejected).toEqual([]);
    expect(again.conflicts).toEqual([]);
    const flat = (j: Json) => Object.entries(j.totals).flatMap(([form, rows]) =>
      Object.entries(rows).flatMap(([row, cols]) => Object.entries(cols).map(([col, v]) => [`${form} ${row}:${col}`, v] as const)));
    const before = new Map(flat(json));
    const after = new Map(flat(again));
    expect(new Set(after.keys())).toEqual(new Set(before.keys()));
    const differ = [...before].filter(([k, v]) => !close(after.get(k) ?? NaN, v)).map(([k, v]) => `${k}: ${v} → ${after.get(k)}`);
    expect(differ).toEqual([]);
    expect(before.size).toBeGreaterThan(100);

    // Originals and re-saves in one batch, all with one file time (unpacked from one archive, say): LibreOffice kept
    // the saved time, so nothing orders them — yet they say the same, so they are no conflict, and totals are equal.
    const mixedDir = path.join(lo.dir, 'mixed');
    await mkdir(mixedDir, { recursive: true });
    const when = new Date('2026-02-26T00:00:00Z');
    for (const [i, code] of CODES.entries()) {
      for (const [from, name] of [[originals[i]!, `${code}.xlsx`], [resaved[i]!, `${code}-libreoffice.xlsx`]] as const) {
        await writeFile(path.join(mixedDir, name), await readFile(from));
        await utimes(path.join(mixedDir, name), when, when);
      }
    }
    const mixed = await consolidateJson(mixedDir, path.join(lo.dir, 'tong-hop-mixed.xlsx'));
    expect(mixed.conflicts).toEqual([]);
    expect(mixed.replaced).toHaveLength(CODES.length);
    expect(new Map(flat(mixed))).toEqual(before);
  });

  it('a corrected re-send with an older generation stamp but a later save is the one counted', async () => {
    const lo = session;
    if (!lo) throw new Error('no LibreOffice session');
    const dir = path.join(lo.dir, 'resend');
    await mkdir(dir, { recursive: true });
    const stc = agencyOf('STC');
    // The first send: tracker inserted on 22/02, saved on 22/02. The correction: made from an older copy (inserted on
    // 10/02, so an older stamp), saved on 25/02 — and its file time is the older one (copied around, say).
    const first = await agencyWorkbook(stc, new Date(Date.UTC(2026, 1, 22, 2)), 501);
    const corrected = await agencyWorkbook(stc, new Date(Date.UTC(2026, 1, 10, 2)), 502);
    const firstFile = path.join(dir, 'STC.xlsx');
    const correctedFile = path.join(dir, 'STC (sửa).xlsx');
    await writeFile(firstFile, withSavedAt(await first.workbook.toBuffer(), '2026-02-22T03:00:00Z'));
    await writeFile(correctedFile, withSavedAt(await corrected.workbook.toBuffer(), '2026-02-25T09:00:00Z'));
    await utimes(firstFile, new Date('2026-02-26T00:00:00Z'), new Date('2026-02-26T00:00:00Z'));
    await utimes(correctedFile, new Date('2026-02-24T00:00:00Z'), new Date('2026-02-24T00:00:00Z'));
    expect(savedAtOf(await readFile(correctedFile))).toBe('2026-02-25T09:00:00Z');

    const result = await consolidateJson(dir, path.join(lo.dir, 'tong-hop-resend.xlsx'));
    expect(result.submitted).toEqual(['STC']);
    expect(result.replaced.map((f) => path.basename(f))).toEqual(['STC.xlsx']);
    expect(result.conflicts).toEqual([]);
    const expected = corrected.figures;
    const wrong: string[] = [];
    for (const form of pack.forms) {
      for (const [key, v] of expected.get(form.code) ?? new Map<string, number>()) {
        const got = jsonTotal(form.code, key, result);
        if (got === undefined || !close(got, v)) wrong.push(`${form.code} ${key}: ${String(got)} vs ${v}`);
      }
    }
    expect(wrong).toEqual([]);

    // Saved at the same time, with the same file time, and different: both listed, neither counted.
    await writeFile(firstFile, withSavedAt(await first.workbook.toBuffer(), '2026-02-25T09:00:00Z'));
    await utimes(firstFile, new Date('2026-02-24T00:00:00Z'), new Date('2026-02-24T00:00:00Z'));
    const tied = await consolidateJson(dir, path.join(lo.dir, 'tong-hop-tied.xlsx'));
    expect(tied.conflicts.map((c) => ({ agency: c.agency, files: c.files.map((f) => path.basename(f)).sort() }))).toEqual([
      { agency: 'STC', files: ['STC (sửa).xlsx', 'STC.xlsx'] },
    ]);
    expect(tied.submitted).toEqual([]);
    expect(tied.totals).toEqual({});
  });
});


describe('"Cho tính vào tổng hợp" in a consolidation workbook re-saved by LibreOffice', () => {
  it('a "Có" in the workbook LibreOffice saved is read: the file with warnings is counted, and stays so on a re-run', async () => {
    const lo = session;
    if (!lo) throw new Error('no LibreOffice session');
    const dir = path.join(lo.dir, 'marked');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'SNV.xlsx'), await readFile(path.join(lo.dir, 'in', 'SNV.xlsx')));
    // STC's file with a warning: its identity stamp is gone (the agency is known by its sheets' headings).
    const stc = await FileWorkbook.load(await readFile(path.join(lo.dir, 'in', 'STC.xlsx')));
    stc.workbook.removeWorksheet(stc.workbook.getWorksheet(IDENTITY_SHEET)!.id);
    await writeFile(path.join(dir, 'STC.xlsx'), await stc.toBuffer(GENERATED));

    const out = path.join(lo.dir, 'tong-hop-marked.xlsx');
    const before = (await consolidateJson(dir, out)) as MarkJson;
    expect(before.admittedByMark).toEqual([]);
    const snvOnly = jsonTotal('0808', '01:1', before);

    // Sở Nội vụ chooses "Có" on STC's row, and the workbook is saved by LibreOffice Calc.
    const typed = await FileWorkbook.load(await readFile(out));
    const row = typed.grid(SUBMISSION_SHEET)!.values.findIndex((r) => r[1] === 'STC') + 1;
    const cell = typed.workbook.getWorksheet(SUBMISSION_SHEET)!.getCell(row, ADMIT_COLUMN);
    cell.value = 'Có';
    const typedFile = path.join(lo.dir, 'typed', 'tong-hop-marked.xlsx');
    await mkdir(path.dirname(typedFile), { recursive: true });
    await writeFile(typedFile, await typed.toBuffer());
    const [resaved] = await convert(lo, [typedFile], 'xlsx:Calc MS Excel 2007 XML', path.join(lo.dir, 'marked-lo'));
    if (!resaved) throw new Error('LibreOffice wrote nothing');

    // LibreOffice kept the drop-down and the hidden fingerprint beside it.
    const loBook = await FileWorkbook.load(await readFile(resaved));
    const ws = loBook.workbook.getWorksheet(SUBMISSION_SHEET)!;
    expect(ws.getCell(cell.address).dataValidation?.type).toBe('list');
    expect(ws.getColumn(FILE_KEY_COLUMN).hidden).toBe(true);

    const after = (await consolidateJson(dir, resaved)) as MarkJson;
    expect(after.admittedByMark).toEqual([{ agency: 'STC', file: path.join(dir, 'STC.xlsx'), cell: cell.address }]);
    expect(after.markWarnings).toEqual([]);
    const stcFigure = agencies.get('STC')?.figures.get('0808')?.get('01:1') ?? NaN;
    expect(close(jsonTotal('0808', '01:1', after) ?? NaN, (snvOnly ?? 0) + stcFigure)).toBe(true);

    const again = (await consolidateJson(dir, resaved)) as MarkJson;
    expect(again.admittedByMark.map((a) => a.agency)).toEqual(['STC']);
    const line = (await FileWorkbook.load(await readFile(resaved))).grid(SUBMISSION_SHEET)!.values.find((r) => r[1] === 'STC')!;
    expect(line[13]).toBe(ADMITTED_BY_MARK);
    expect(line[ADMIT_COLUMN - 1]).toBe('Có');
  });
});
