import { mkdtempSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack } from '../../src/packs';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { OVERDUE_SHEET, PROBLEMS_SHEET, REMINDER_SHEET, SUBMISSION_SHEET, PROGRESS_SHEET } from '../../src/workbook/consolidation-sheets';
import { ROSTER_SHEET } from '../../src/workbook/roster-sheet';
import { withSavedAt } from '../helpers/core-props';
import { runCli } from '../helpers/run-cli';

const pack = defaultPlanPack();
const root = mkdtempSync(path.join(tmpdir(), 'vtlt-consolidate-'));
const inDir = path.join(root, 'in');
mkdirSync(inDir);
const f = (name: string) => path.join(inDir, name);

async function vtlt(now: number, ...argv: string[]) {
  return runCli(argv, { now });
}

const FEB = Date.UTC(2026, 1, 20, 3); // 20/02/2026, before the 27/02 deadline
const MAR = Date.UTC(2026, 2, 5, 3); // 05/03/2026, late
const NOV = Date.UTC(2026, 10, 23, 3);

async function edit(file: string, fn: (wb: FileWorkbook) => void): Promise<void> {
  const wb = await FileWorkbook.load(readFileSync(file));
  fn(wb);
  writeFileSync(file, await wb.toBuffer());
}

/** Records when "the agency saved" the file (dcterms:modified), whatever time the program that wrote it put there. */
function savedOn(file: string, ms: number): void {
  writeFileSync(file, withSavedAt(readFileSync(file), new Date(ms).toISOString()));
}

function setStamp(wb: FileWorkbook, key: string, value: string): void {
  wb.workbook.getWorksheet(IDENTITY_SHEET)!.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });
}

interface Json {
  submitted: string[]; missing: string[]; late: string[]; replaced: string[];
  rejected: { file: string; reasons: string[] }[];
  unreadable: { file: string; reason: string }[];
}

let json: Json;
let output: FileWorkbook;

beforeAll(async () => {
  expect((await vtlt(FEB, 'tracker', '--agency', 'SNV', '--out', f('snv.xlsx'))).code).toBe(0);
  expect((await vtlt(MAR, 'tracker', '--agency', 'STC', '--out', f('stc-late.xlsx'))).code).toBe(0);
  expect((await vtlt(FEB, 'tracker', '--agency', '05455', '--out', f('quyet-thang-old.xlsx'))).code).toBe(0);
  expect((await vtlt(FEB + 86_400_000, 'tracker', '--agency', '05455', '--out', f('quyet-thang-new.xlsx'))).code).toBe(0);
  expect((await vtlt(FEB, 'tracker', '--agency', 'STP', '--out', f('stp-2024.xlsx'))).code).toBe(0);
  await edit(f('stp-2024.xlsx'), (wb) => setStamp(wb, 'reportingYear', '2024'));
  // Formula-looking text typed by an agency must stay text in the consolidation workbook.
  await edit(f('snv.xlsx'), (wb) => {
    const grid = wb.grid(pack.trackerSheetName)!;
    const row = grid.values.findIndex((r) => r[0] === '16a') + 1;
    const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    ws.getCell(row, TRACKER_COL.status).value = '=HYPERLINK("http://x","Hoàn thành")';
  });
  savedOn(f('snv.xlsx'), FEB);
  savedOn(f('stc-late.xlsx'), MAR);
  savedOn(f('quyet-thang-old.xlsx'), FEB);
  savedOn(f('quyet-thang-new.xlsx'), FEB + 86_400_000);
  savedOn(f('stp-2024.xlsx'), FEB);
  writeFileSync(f('broken.xlsx'), readFileSync(f('snv.xlsx')).subarray(0, 2000));
  const foreign = FileWorkbook.create();
  foreign.workbook.addWorksheet('Bảng lương').getCell('A1').value = 'Họ và tên';
  writeFileSync(f('foreign.xlsx'), await foreign.toBuffer());
  writeFileSync(f('notes.xlsx'), 'not a workbook at all');

  // The files' modification times say when each was sent (the CLI passes them to consolidation).
  const sent: Record<string, number> = { 'snv.xlsx': FEB, 'stc-late.xlsx': MAR, 'quyet-thang-old.xlsx': FEB, 'quyet-thang-new.xlsx': FEB + 86_400_000 };
  for (const [name, ms] of Object.entries(sent)) utimesSync(f(name), ms / 1000, ms / 1000);
  const r = await vtlt(NOV, 'consolidate', inDir, '--out', path.join(root, 'tong-hop.xlsx'), '--as-of', '2026-11-23', '--json');
  // Two files could not be read as workbooks (broken.xlsx, notes.xlsx): what could be read is written, and exit 2.
  expect(r.code).toBe(2);
  json = JSON.parse(r.stdout) as Json;
  output = await FileWorkbook.load(readFileSync(path.join(root, 'tong-hop.xlsx')));
});

describe('vtlt consolidate', () => {
  it('takes in the good files, keeps the newest of an agency and lists the older one as replaced', () => {
    expect(json.submitted.sort()).toEqual(['05455', 'SNV', 'STC']);
    expect(json.replaced.map((x) => path.basename(x))).toEqual(['quyet-thang-old.xlsx']);
    expect(json.missing).toHaveLength(106 - 3);
    expect(json.missing).toContain('STP');
  });

  it('judges lateness against the report deadline (before 28/02/2026)', () => {
    expect(json.late).toEqual(['STC']);
  });

  it('sets aside broken, foreign and other-year files with their reasons, without stopping', () => {
    const rejected = new Map(json.rejected.map((r) => [path.basename(r.file), r.reasons.join(' ')]));
    expect([...rejected.keys()].sort()).toEqual(['broken.xlsx', 'foreign.xlsx', 'notes.xlsx', 'stp-2024.xlsx']);
    expect(rejected.get('stp-2024.xlsx')).toContain('2024');
    expect(rejected.get('broken.xlsx')).toContain('gửi lại');
    expect(rejected.get('foreign.xlsx')).toContain('Không phải sổ báo cáo');
    expect(json.unreadable.map((u) => path.basename(u.file)).sort()).toEqual(['broken.xlsx', 'notes.xlsx']);
  });

  it('writes every output sheet, with the roster seeded', () => {
    expect(output.sheetNames()).toEqual(expect.arrayContaining([ROSTER_SHEET, SUBMISSION_SHEET, PROGRESS_SHEET, OVERDUE_SHEET, PROBLEMS_SHEET, REMINDER_SHEET]));
    const sub = output.grid(SUBMISSION_SHEET)!;
    const stc = sub.values.find((r) => r[1] === 'STC')!;
    expect(stc[4]).toBe('Đã nộp');
    expect(stc[10]).toMatch(/^Chậm \d+ ngày$/);
    expect(sub.values.find((r) => r[1] === 'STP')![4]).toBe('Chưa nộp');
  });

  it('lists overdue tasks most overdue first, and keeps formula-looking text as text', () => {
    const grid = output.grid(OVERDUE_SHEET)!;
    const rows = grid.values.slice(4).filter((r) => typeof r[0] === 'number');
    const days = rows.map((r) => Number(r[7]));
    expect(days.length).toBeGreaterThan(0);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    const ws = output.workbook.getWorksheet(PROBLEMS_SHEET)!;
    let found = false;
    ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.startsWith('=HYPERLINK')) found = true;
      expect(cell.formula).toBeUndefined();
    }));
    expect(found).toBe(true);
  });

  it('keeps the user\'s edits to the roster sheet on a re-run', async () => {
    const file = path.join(root, 'tong-hop.xlsx');
    await edit(file, (wb) => {
      const ws = wb.workbook.getWorksheet(ROSTER_SHEET)!;
      const last = ws.rowCount + 1;
      ws.getCell(last, 1).value = 'TTLTLS';
      ws.getCell(last, 2).value = 'Trung tâm Lưu trữ lịch sử tỉnh';
      ws.getCell(last, 3).value = 'Đơn vị sự nghiệp';
      ws.getCell(last, 4).value = 'Có';
      ws.getCell(last, 5).value = 'Không';
    });
    const r = await vtlt(NOV, 'consolidate', inDir, '--out', file, '--as-of', '2026-11-23', '--json');
    expect(r.code).toBe(2);
    const again = JSON.parse(r.stdout) as Json;
    expect(again.missing).toContain('TTLTLS');
    const wb = await FileWorkbook.load(readFileSync(file));
    expect(wb.grid(ROSTER_SHEET)!.values.some((row) => row[0] === 'TTLTLS')).toBe(true);
  });

  it('refuses bad arguments with exit 2', async () => {
    expect((await vtlt(NOV, 'consolidate', inDir)).code).toBe(2);
    expect((await vtlt(NOV, 'consolidate', inDir, '--out', path.join(root, 'x.csv'))).code).toBe(2);
    expect((await vtlt(NOV, 'consolidate', '--out', path.join(root, 'x.xlsx'))).code).toBe(2);
    expect((await vtlt(NOV, 'consolidate', inDir, '--out', path.join(root, 'x.xlsx'), '--as-of', '2026-02-30')).code).toBe(2);
  });
});
