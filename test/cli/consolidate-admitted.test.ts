/**
 * `vtlt consolidate` reads Sở Nội vụ's "Cho tính vào tổng hợp" from the consolidation workbook it writes into: a file
 * with warnings chosen "Có" is counted in the totals, listed in the text report and in --json (`admittedByMark`); a
 * choice that admits nothing is named by its cell (`markWarnings`).
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { ADMIT_COLUMN, ADMITTED_BY_MARK, SUBMISSION_SHEET } from '../../src/workbook/consolidation-sheets';
import { formSheetLayout } from '../../src/workbook/forms';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { withSavedAt } from '../helpers/core-props';
import { runCli } from '../helpers/run-cli';

const forms = defaultFormPack();
const roster = defaultRoster();
const root = mkdtempSync(path.join(tmpdir(), 'vtlt-admitted-'));
const inDir = path.join(root, 'in');
mkdirSync(inDir);
const NOW = Date.UTC(2026, 2, 20, 3);
const GENERATED = new Date(Date.UTC(2026, 0, 5, 3));
/** STC's figure in form 0808, row 01, column 1. */
let stcFigure = 0;

function addressOf(code: string, key: string): string {
  const form = forms.forms.find((f) => f.code === code)!;
  return formSheetLayout({ pack: forms, form, agency: { code: 'X', name: 'X' }, year: 2025 }).addresses.get(key)!;
}

interface Json {
  totals: Record<string, Record<string, Record<string, number>>>;
  admittedByMark: { agency: string; file: string; cell: string }[];
  markWarnings: string[];
}

async function consolidate(out: string, ...more: string[]) {
  return runCli(['consolidate', inDir, '--out', out, '--as-of', '2026-03-20', ...more], { now: NOW });
}

async function choose(out: string, code: string, value: string): Promise<string> {
  const wb = await FileWorkbook.load(readFileSync(out));
  const row = wb.grid(SUBMISSION_SHEET)!.values.findIndex((r) => r[1] === code) + 1;
  const cell = wb.workbook.getWorksheet(SUBMISSION_SHEET)!.getCell(row, ADMIT_COLUMN);
  cell.value = value;
  writeFileSync(out, await wb.toBuffer());
  return cell.address;
}

beforeAll(async () => {
  const write = async (code: string, seed: number, edit: (wb: FileWorkbook) => void) => {
    const a = await agencyWorkbook(findAgency(roster, code)!, GENERATED, seed);
    edit(a.workbook);
    if (code === 'STC') stcFigure = a.figures.get('0808')?.get('01:1') ?? 0;
    writeFileSync(path.join(inDir, `${code}.xlsx`), withSavedAt(await a.workbook.toBuffer(), '2026-02-20T08:00:00Z'));
  };
  await write('SNV', 21, () => undefined);
  // A warning: the identity stamp is gone (the agency is known by its sheets' headings).
  await write('STC', 22, (wb) => wb.workbook.removeWorksheet(wb.workbook.getWorksheet(IDENTITY_SHEET)!.id));
  // An error: text where a number goes.
  await write('SYT', 23, (wb) => void (wb.workbook.getWorksheet('0811')!.getCell(addressOf('0811', '02:1')).value = 'nhiều'));
}, 120_000);

describe('vtlt consolidate: "Cho tính vào tổng hợp"', () => {
  it('counts the file chosen "Có", says so in --json and in the text, and names a choice on a file with errors', async () => {
    const out = path.join(root, 'tong-hop.xlsx');
    const first = await consolidate(out, '--json');
    expect(first.code).toBe(0);
    const before = JSON.parse(first.stdout) as Json;
    expect(before.admittedByMark).toEqual([]);
    expect(before.markWarnings).toEqual([]);

    const stc = await choose(out, 'STC', 'Có');
    const syt = await choose(out, 'SYT', 'Có');
    const r = await consolidate(out, '--json');
    expect(r.code).toBe(0);
    const after = JSON.parse(r.stdout) as Json;
    expect(after.admittedByMark).toEqual([{ agency: 'STC', file: path.join(inDir, 'STC.xlsx'), cell: stc }]);
    expect(after.markWarnings).toEqual([expect.stringContaining(`"${SUBMISSION_SHEET}"!${syt} (đơn vị SYT)`)]);
    expect(stcFigure).toBeGreaterThan(0);
    expect(after.totals['0808']?.['01']?.['1']).toBeCloseTo((before.totals['0808']?.['01']?.['1'] ?? 0) + stcFigure, 6);

    const text = await consolidate(out);
    expect(text.stdout).toContain(`Tính vào tổng hợp theo lựa chọn "Có" của Sở Nội vụ (tệp có cảnh báo, không có lỗi): STC: ${path.join(inDir, 'STC.xlsx')} (ô ${stc})`);
    expect(text.stdout).toContain(`"${SUBMISSION_SHEET}"!${syt} (đơn vị SYT): tệp ${path.join(inDir, 'SYT.xlsx')} có lỗi`);
    const sheet = (await FileWorkbook.load(readFileSync(out))).grid(SUBMISSION_SHEET)!;
    const line = sheet.values.find((row) => row[1] === 'STC')!;
    expect(line[13]).toBe(ADMITTED_BY_MARK);
    expect(line[ADMIT_COLUMN - 1]).toBe('Có');
  });

  it('in English: the admitted file and the unreadable choice', async () => {
    const out = path.join(root, 'tong-hop-en.xlsx');
    expect((await consolidate(out)).code).toBe(0);
    const stc = await choose(out, 'STC', 'Có');
    const snv = await choose(out, 'SNV', 'ừ');
    const r = await runCli(['consolidate', inDir, '--out', out, '--as-of', '2026-03-20'], { now: NOW, lang: 'en' });
    expect(r.stdout).toContain(`Counted in the totals by Sở Nội vụ's "Có" (a file with warnings, no errors): STC: ${path.join(inDir, 'STC.xlsx')} (cell ${stc})`);
    expect(r.stdout).toContain(`"${SUBMISSION_SHEET}"!${snv} (agency SNV): "ừ" is not a choice`);
  });
});
