import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack } from '../../src/packs';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { PLAN_SHEET } from '../../src/workbook/plan-stamp';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { makeZip } from '../helpers/zip';

const pack = defaultPlanPack();
const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-validate-'));
const f = (name: string) => path.join(dir, name);

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { lang: 'vi', out: (t) => out.push(t), err: (t) => err.push(t), now: () => Date.UTC(2026, 10, 23, 3) };
  return { io: value, out, err };
}

async function vtlt(...argv: string[]) {
  const x = io();
  const code = await run(argv, x.io);
  return { code, stdout: x.out.join('\n'), stderr: x.err.join('\n') };
}

interface JsonReport {
  files: { file: string; agency: string | null; errors: number; warnings: number; issues: { severity: string; rule: string; sheet: string; cell: string; value: unknown; message: string }[] }[];
}

async function edit(file: string, fn: (wb: FileWorkbook) => void): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const wb = await FileWorkbook.load(await readFile(file));
  fn(wb);
  writeFileSync(file, await wb.toBuffer());
}

function rowOf(wb: FileWorkbook, id: string): number {
  return wb.grid(pack.trackerSheetName)!.values.findIndex((r) => r[0] === id) + 1;
}

beforeAll(async () => {
  for (const name of ['good', 'errors', 'nostamp', 'mismatch', 'oldpack']) {
    expect((await vtlt('tracker', '--agency', 'STC', '--out', f(`${name}.xlsx`), '--as-of', '2026-06-30')).code).toBe(0);
    expect((await vtlt('forms', '--agency', 'STC', '--year', '2025', '--in', f(`${name}.xlsx`), '--out', f(`${name}.xlsx`))).code).toBe(0);
  }
  await edit(f('errors.xlsx'), (wb) => {
    const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    const r1 = rowOf(wb, '1');
    ws.getCell(r1, TRACKER_COL.status).value = 'Hoàn thành';
    ws.getCell(r1, TRACKER_COL.completion).value = '15/3/2026';
    const r16a = rowOf(wb, '16a');
    ws.getCell(r16a, TRACKER_COL.status).value = 'Không thực hiện';
    ws.getCell(r16a, TRACKER_COL.percent).value = '1.234';
    const r7 = rowOf(wb, '7');
    ws.getCell(r7, TRACKER_COL.status).value = 'Hoàn thành';
    ws.getCell(r7, TRACKER_COL.completion).value = toExcelSerial(mustDay(2026, 8, 1));
  });
  await edit(f('nostamp.xlsx'), (wb) => wb.workbook.removeWorksheet(wb.workbook.getWorksheet(IDENTITY_SHEET)!.id));
  await edit(f('mismatch.xlsx'), (wb) => {
    wb.workbook.getWorksheet(pack.trackerSheetName)!.getCell('A2').value = 'Đơn vị: Sở Tư pháp (mã STP)';
  });
  await edit(f('oldpack.xlsx'), (wb) => {
    const ws = wb.workbook.getWorksheet(IDENTITY_SHEET)!;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'planPackVersion') row.getCell(2).value = '0.9.0';
    });
    // A workbook of an older version carries no plan (an edited stamp with the current plan would be a damaged copy).
    wb.workbook.removeWorksheet(wb.workbook.getWorksheet(PLAN_SHEET)!.id);
  });
  const plain = FileWorkbook.create();
  plain.workbook.addWorksheet('Sheet1').getCell('A1').value = 'Danh sách cán bộ';
  writeFileSync(f('foreign.xlsx'), await plain.toBuffer());
  const good = await FileWorkbook.load(await (await import('node:fs/promises')).readFile(f('good.xlsx')));
  const goodBytes = await good.toBuffer();
  writeFileSync(f('truncated.xlsx'), goodBytes.subarray(0, goodBytes.length - 300));
  writeFileSync(f('empty.xlsx'), new Uint8Array());
  const ole = new Uint8Array(2048);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(f('old.xlsx'), ole);
  const enc = new Uint8Array(4096);
  enc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  enc.set(Buffer.from('EncryptionInfo', 'utf16le'), 1200);
  writeFileSync(f('password.xlsx'), enc);
  writeFileSync(f('report.xlsx'), makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]));
  writeFileSync(f('bomb.xlsx'), makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', data: 'x', claimUncompressed: 3_900_000_000 }]));
});

describe('vtlt validate', () => {
  it('exits 0 for a clean workbook', async () => {
    const r = await vtlt('validate', f('good.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 lỗi');
  });

  it('reports each error with severity, rule, sheet, cell, value and a Vietnamese fix, and exits 1', async () => {
    const r = await vtlt('validate', f('errors.xlsx'), '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as JsonReport;
    expect(json.files).toHaveLength(1);
    const file = json.files[0]!;
    expect(file.agency).toBe('STC');
    const rules = file.issues.map((i) => i.rule).sort();
    expect(rules).toEqual(['date-as-text', 'done-after-as-of', 'number-as-text', 'skipped-no-reason'].sort());
    const textDate = file.issues.find((i) => i.rule === 'date-as-text')!;
    expect(textDate).toMatchObject({ severity: 'error', sheet: pack.trackerSheetName, value: '15/3/2026' });
    expect(textDate.cell).toMatch(/^I\d+$/);
    expect(textDate.message).toContain('15/03/2026');
    expect(file.errors).toBe(4);
    // A date is shown as the cell shows it, never as its serial number.
    expect(file.issues.find((i) => i.rule === 'done-after-as-of')!.value).toBe('01/08/2026');
    const text = (await vtlt('validate', f('errors.xlsx'))).stdout;
    expect(text).toContain('[giá trị: 01/08/2026]');
    expect(text).not.toMatch(/giá trị: 4\d{4}\]/);
  });

  it('reads a workbook without its stamp from the visible headers, with a warning', async () => {
    const json = JSON.parse((await vtlt('validate', f('nostamp.xlsx'), '--json')).stdout) as JsonReport;
    expect(json.files[0]).toMatchObject({ agency: 'STC', errors: 0, warnings: 1 });
    expect(json.files[0]!.issues[0]!.rule).toBe('stamp-missing');
  });

  it('flags a stamp that disagrees with the headers, and an unknown pack version', async () => {
    const mismatch = JSON.parse((await vtlt('validate', f('mismatch.xlsx'), '--json')).stdout) as JsonReport;
    expect(mismatch.files[0]!.issues.map((i) => i.rule)).toEqual(['stamp-mismatch']);
    const old = JSON.parse((await vtlt('validate', f('oldpack.xlsx'), '--json')).stdout) as JsonReport;
    expect(old.files[0]!.issues.map((i) => i.rule)).toEqual(['pack-unknown']);
  });

  it('turns every kind of bad file into a finding, keeps going, and exits 2', async () => {
    const names = ['empty', 'truncated', 'old', 'password', 'report', 'bomb', 'foreign', 'good'];
    const r = await vtlt('validate', ...names.map((n) => f(`${n}.xlsx`)), path.join(dir, 'missing.xlsx'), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as JsonReport;
    const byName = new Map(json.files.map((x) => [path.basename(x.file), x]));
    const msg = (n: string) => byName.get(n)!.issues[0]!.message;
    expect(msg('empty.xlsx')).toContain('0 byte');
    expect(msg('truncated.xlsx')).toContain('không trọn vẹn');
    expect(msg('old.xlsx')).toContain('97–2003');
    expect(msg('password.xlsx')).toContain('mật khẩu');
    expect(msg('report.xlsx')).toContain('Word');
    expect(msg('bomb.xlsx')).toContain('giải nén');
    expect(msg('missing.xlsx')).toContain('Không tìm thấy');
    expect(byName.get('foreign.xlsx')!.issues.map((i) => i.rule)).toContain('sheet-missing');
    expect(byName.get('good.xlsx')!.errors).toBe(0);
  });

  it('accepts a folder and refuses bad arguments with exit 2', async () => {
    const r = await vtlt('validate', dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('good.xlsx');
    expect((await vtlt('validate')).code).toBe(2);
    expect((await vtlt('validate', f('good.xlsx'), '--year', '25')).code).toBe(2);
  });
});

describe('vtlt validate in English', () => {
  it('explains unreadable files in the user\'s language', async () => {
    const out: string[] = [];
    const code = await run(['validate', f('empty.xlsx'), f('old.xlsx'), '--json'], {
      lang: 'en', out: (t) => out.push(t), err: () => undefined, now: () => Date.UTC(2026, 10, 23),
    });
    expect(code).toBe(2);
    const json = JSON.parse(out.join('\n')) as JsonReport;
    expect(json.files.map((x) => x.issues[0]!.message)).toEqual([
      expect.stringContaining('empty (0 bytes)'),
      expect.stringContaining('Excel 97–2003'),
    ]);
  });
});
