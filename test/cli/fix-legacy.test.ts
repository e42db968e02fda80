/** `vtlt validate FILE --fix-legacy --out NEW`: the pane's "Chuyển sang Unicode" for a file on disk. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_SHEET } from '../../src/app/legacy-text';
import { toTcvn3, toVni } from '../../src/domain/legacy-encoding';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { cellRef } from '../../src/workbook/a1';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { runCli } from '../helpers/run-cli';

const pack = defaultPlanPack();
const NOW = Date.UTC(2026, 10, 23, 3);
const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-fix-legacy-'));
const f = (name: string) => path.join(dir, name);
const vtlt = (...argv: string[]) => runCli(argv, { now: NOW });
const NOTE = toVni('Chờ ý kiến của Sở Nội vụ');
const STATUS = toTcvn3('Đang thực hiện');
let note = '';
let status = '';

beforeAll(async () => {
  const { workbook } = await agencyWorkbook(findAgency(defaultRoster(), '05455')!, new Date(NOW), 3);
  const ws = workbook.workbook.getWorksheet(pack.trackerSheetName)!;
  const row = workbook.grid(pack.trackerSheetName)!.values.findIndex((r) => r[0] === '2') + 1;
  note = cellRef(row, TRACKER_COL.note);
  status = cellRef(row + 1, TRACKER_COL.status);
  ws.getCell(note).value = NOTE;
  ws.getCell(status).value = STATUS;
  writeFileSync(f('legacy.xlsx'), await workbook.toBuffer(new Date(NOW)));
  writeFileSync(f('clean.xlsx'), await (await agencyWorkbook(findAgency(defaultRoster(), '05455')!, new Date(NOW), 4)).workbook.toBuffer(new Date(NOW)));
});

describe('vtlt validate --fix-legacy', () => {
  it('reports as usual, then writes the converted copy and leaves the input as it was', async () => {
    const before = readFileSync(f('legacy.xlsx'));
    const r = await vtlt('validate', f('legacy.xlsx'), '--fix-legacy', '--out', f('fixed.xlsx'));
    expect(r.stdout).toContain('(legacy-encoding)');
    expect(r.stdout).toContain(`Đã chuyển 2 ô từ bảng mã cũ (TCVN3/VNI) sang Unicode, ghi vào ${f('fixed.xlsx')}.`);
    expect(r.stderr).toBe('');
    // The input had an error (the status in TCVN3): the exit code is the check's.
    expect(r.code).toBe(1);
    expect(readFileSync(f('legacy.xlsx')).equals(before)).toBe(true);

    const fixed = await FileWorkbook.load(readFileSync(f('fixed.xlsx')));
    const ws = fixed.workbook.getWorksheet(pack.trackerSheetName)!;
    expect(ws.getCell(note).value).toBe('Chờ ý kiến của Sở Nội vụ');
    expect(ws.getCell(status).value).toBe('Đang thực hiện');
    expect(fixed.workbook.getWorksheet(LEGACY_SHEET)?.state).toBe('veryHidden');

    const again = await vtlt('validate', f('fixed.xlsx'));
    expect(again.stdout).not.toContain('legacy-encoding');
  });

  it('writes nothing when there is nothing to convert; says so on stderr beside --json', async () => {
    const r = await vtlt('validate', f('clean.xlsx'), '--fix-legacy', '--out', f('clean-fixed.xlsx'), '--json');
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toBe(`Tệp ${f('clean.xlsx')} không có ô nào dùng bảng mã cũ để chuyển; không ghi tệp nào.`);
    expect(existsSync(f('clean-fixed.xlsx'))).toBe(false);
  });

  it('refuses --out without --fix-legacy, several inputs, no --out, and the input as the output', async () => {
    const cases: [string[], string][] = [
      [['validate', f('legacy.xlsx'), '--out', f('x.xlsx')], '--out của vtlt validate chỉ dùng cùng --fix-legacy'],
      [['validate', f('legacy.xlsx'), f('clean.xlsx'), '--fix-legacy', '--out', f('x.xlsx')], 'nêu đúng một TỆP.xlsx'],
      [['validate', f('legacy.xlsx'), '--fix-legacy'], '--out'],
      [['validate', f('legacy.xlsx'), '--fix-legacy', '--out', f('legacy.xlsx')], 'phải khác tệp đang kiểm tra'],
    ];
    for (const [argv, message] of cases) {
      const r = await vtlt(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(message);
    }
    expect(existsSync(f('x.xlsx'))).toBe(false);
  });
});
