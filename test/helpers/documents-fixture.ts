/**
 * A small province for the documents' tests: four agencies' filled workbooks (one sent late, one with an error in a
 * form, one with a note on an overdue task), consolidated by `vtlt consolidate` against the default roster of 106
 * agencies, with the consolidation's JSON kept to compare the documents' figures with.
 */
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { formSheetLayout } from '../../src/workbook/forms';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { agencyWorkbook } from './agency-workbook';
import { runCli } from './run-cli';

export const FEB = Date.UTC(2026, 1, 20, 3); // 20/02/2026: before the statistics report's deadline
export const MAR = Date.UTC(2026, 2, 5, 3); // 05/03/2026: late
export const NOV = Date.UTC(2026, 10, 23, 3);
export const OVERDUE_NOTE = 'Chờ phê duyệt của lãnh đạo';

export interface ConsolidationJson {
  asOf: string;
  year: number;
  submitted: string[];
  missing: string[];
  late: string[];
  totals: Record<string, Record<string, Record<string, number>>>;
}

export interface DocumentsFixture {
  readonly root: string;
  readonly agencyFile: string;
  readonly consolidationFile: string;
  readonly json: ConsolidationJson;
}

export async function vtlt(now: number, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(argv, { now });
}

function formAddress(code: string, key: string): string {
  const pack = defaultFormPack();
  const form = pack.forms.find((f) => f.code === code)!;
  return formSheetLayout({ pack, form, agency: { code: 'X', name: 'X' }, year: 2025 }).addresses.get(key)!;
}

const agency = (code: string) => {
  const a = defaultRoster().entries.find((e) => e.code === code);
  if (!a) throw new Error(`no agency ${code}`);
  return a;
};

export async function documentsFixture(): Promise<DocumentsFixture> {
  const plan = defaultPlanPack();
  const root = mkdtempSync(path.join(tmpdir(), 'vtlt-documents-'));
  const inDir = path.join(root, 'in');
  mkdirSync(inDir);
  const sent: [string, number, number][] = [['SNV', FEB, 1], ['STC', MAR, 2], ['05455', FEB, 3], ['SYT', FEB, 4]];
  for (const [code, when, seed] of sent) {
    const a = await agencyWorkbook(agency(code), new Date(when), seed);
    const ws = a.workbook.workbook.getWorksheet(plan.trackerSheetName)!;
    const row = a.workbook.grid(plan.trackerSheetName)!.values.findIndex((r) => r[0] === '1') + 1;
    if (code === 'SNV') {
      // Task 1 (due 31/01/2026) not done: overdue on 23/11/2026, with the agency's note.
      ws.getCell(row, TRACKER_COL.status).value = 'Đang thực hiện';
      ws.getCell(row, TRACKER_COL.completion).value = null;
      ws.getCell(row, TRACKER_COL.percent).value = 50;
      ws.getCell(row, TRACKER_COL.note).value = OVERDUE_NOTE;
    }
    // A figure typed as words: an error the check reports, and the file stays out of the totals.
    if (code === 'SYT') a.workbook.workbook.getWorksheet('0811')!.getCell(formAddress('0811', '02:1')).value = 'nhiều';
    const file = path.join(inDir, `${code}.xlsx`);
    writeFileSync(file, await a.workbook.toBuffer(new Date(when)));
    utimesSync(file, when / 1000, when / 1000);
  }
  const consolidationFile = path.join(root, 'TONG-HOP.xlsx');
  const r = await vtlt(NOV, 'consolidate', inDir, '--out', consolidationFile, '--as-of', '2026-11-23', '--json');
  if (r.code !== 0 && r.code !== 1) throw new Error(`consolidate failed (${r.code}): ${r.stderr}`);
  return { root, agencyFile: path.join(inDir, 'SNV.xlsx'), consolidationFile, json: JSON.parse(r.stdout) as ConsolidationJson };
}

export const readBytes = (file: string): Uint8Array => new Uint8Array(readFileSync(file));
