/**
 * `vtlt consolidate` and an agency's several files: different files saved at the same time (same file time too) are
 * a conflict, printed in the JSON (`conflicts`) and the text, and kept out of the totals; "Ngày nhận" cells that hold
 * no date are reported by cell.
 */
import { mkdtempSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack } from '../../src/packs';
import { RECEIVED_COLUMN, SUBMISSION_SHEET } from '../../src/workbook/consolidation-sheets';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { withSavedAt } from '../helpers/core-props';
import { runCli } from '../helpers/run-cli';

const pack = defaultPlanPack();
const root = mkdtempSync(path.join(tmpdir(), 'vtlt-conflicts-'));
const inDir = path.join(root, 'in');
mkdirSync(inDir);
const f = (name: string) => path.join(inDir, name);
const FEB = Date.UTC(2026, 1, 20, 3);
const NOV = Date.UTC(2026, 10, 23, 3);
const SAVED = '2026-02-24T08:00:00Z';
const MTIME = new Date('2026-02-25T00:00:00Z');

async function vtlt(...argv: string[]) {
  return runCli(argv, { now: NOV });
}

async function setFirstStatus(file: string, status: string): Promise<void> {
  const wb = await FileWorkbook.load(readFileSync(file));
  const grid = wb.grid(pack.trackerSheetName)!;
  const row = grid.values.findIndex((r) => typeof r[0] === 'string' && pack.tasks.some((t) => t.id === r[0])) + 1;
  wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell(row, TRACKER_COL.status).value = status;
  writeFileSync(file, await wb.toBuffer());
}

beforeAll(async () => {
  const now = FEB;
  const make = async (code: string, name: string) => {
    const r = await run(['tracker', '--agency', code, '--out', f(name)], { lang: 'vi', out: () => undefined, err: () => undefined, now: () => now });
    expect(r).toBe(0);
  };
  await make('SYT', 'SYT.xlsx');
  await make('SYT', 'SYT_sua.xlsx');
  await make('SNV', 'SNV.xlsx');
  await setFirstStatus(f('SYT.xlsx'), 'Đang thực hiện');
  await setFirstStatus(f('SYT_sua.xlsx'), 'Hoàn thành');
  for (const name of ['SYT.xlsx', 'SYT_sua.xlsx', 'SNV.xlsx']) {
    writeFileSync(f(name), withSavedAt(readFileSync(f(name)), SAVED));
    utimesSync(f(name), MTIME, MTIME);
  }
}, 60_000);

describe('vtlt consolidate: conflicts and "Ngày nhận"', () => {
  it('lists the conflict in the JSON and the text, keeps the agency out of "submitted" and of "missing"', async () => {
    const out = path.join(root, 'tong-hop.xlsx');
    const r = await vtlt('consolidate', inDir, '--out', out, '--as-of', '2026-11-23', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { submitted: string[]; missing: string[]; conflicts: { agency: string; files: string[] }[] };
    expect(json.conflicts.map((c) => ({ agency: c.agency, files: c.files.map((x) => path.basename(x)).sort() }))).toEqual([
      { agency: 'SYT', files: ['SYT.xlsx', 'SYT_sua.xlsx'] },
    ]);
    expect(json.submitted).toEqual(['SNV']);
    expect(json.missing).not.toContain('SYT');

    const text = await vtlt('consolidate', inDir, '--out', out, '--as-of', '2026-11-23');
    expect(text.stdout).toContain(`Trùng tệp (SYT): ${f('SYT.xlsx')}, ${f('SYT_sua.xlsx')}`);
    const sheet = (await FileWorkbook.load(readFileSync(out))).grid(SUBMISSION_SHEET)!;
    expect(sheet.values.find((row) => row[1] === 'SYT')?.[4]).toBe('Trùng tệp, cần chọn');
  });

  it('names a "Ngày nhận" cell that holds no date, in the JSON and the text', async () => {
    const out = path.join(root, 'tong-hop-2.xlsx');
    expect((await vtlt('consolidate', inDir, '--out', out, '--as-of', '2026-11-23', '--json')).code).toBe(0);
    const wb = await FileWorkbook.load(readFileSync(out));
    const row = wb.grid(SUBMISSION_SHEET)!.values.findIndex((r) => r[1] === 'SNV') + 1;
    const cell = wb.workbook.getWorksheet(SUBMISSION_SHEET)!.getCell(row, RECEIVED_COLUMN);
    cell.value = '31/02/2026';
    writeFileSync(out, await wb.toBuffer());

    const r = await vtlt('consolidate', inDir, '--out', out, '--as-of', '2026-11-23', '--json');
    const json = JSON.parse(r.stdout) as { receivedWarnings: string[] };
    expect(json.receivedWarnings).toEqual([expect.stringContaining(`"${SUBMISSION_SHEET}"!${cell.address} (đơn vị SNV): "31/02/2026" không phải ngày`)]);
    const text = await vtlt('consolidate', inDir, '--out', out, '--as-of', '2026-11-23');
    expect(text.stdout).toContain(`"${SUBMISSION_SHEET}"!${cell.address}`);
    // Still there, as typed.
    const again = await FileWorkbook.load(readFileSync(out));
    expect(again.grid(SUBMISSION_SHEET)!.values[row - 1]?.[RECEIVED_COLUMN - 1]).toBe('31/02/2026');
  });
});
