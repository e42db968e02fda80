/**
 * Workbooks re-saved by LibreOffice ("Calc MS Excel 2007 XML"), then written again by the product:
 * - `vtlt tracker --in` keeps every form sheet protected, with its input cells unlocked (checked with openpyxl);
 * - LibreOffice keeps every data validation the product wrote (count and ranges);
 * - the packages the product writes from LibreOffice's files pass the structural checks Excel would otherwise repair.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateIntoWorkbook } from '../../src/app/consolidate-into';
import { insertForms } from '../../src/app/insert-forms';
import { insertTracker } from '../../src/app/insert-tracker';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { mustDay } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { openWorkbookBytes } from '../../src/hosts/xlsx/open';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { inspectPackage, packageProblems, sqrefCells, type PackageReport } from '../helpers/package-check';
import { convert, createSession, disposeSession, type LoSession } from './lo';

/** The system Python, which has openpyxl. */
const PYTHON = process.env['VTLT_PYTHON'] ?? '/usr/bin/python3';
const plan = defaultPlanPack();
const formPack = defaultFormPack();
const roster = defaultRoster();
const NOW = new Date(Date.UTC(2026, 1, 20, 3));
const snv = findAgency(roster, 'SNV')!;

let session: LoSession;
let dir: string;
const file = (name: string) => path.join(dir, name);
const inputs = new Map<string, string>();

async function vtlt(...argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const io: CliIo = { lang: 'vi', out: () => undefined, err: (t) => err.push(t), now: () => NOW.getTime() };
  return { code: await run(argv, io), err: err.join('\n') };
}

/** Per sheet: its protection and, for the cells asked, whether each is locked — as openpyxl reads the file. */
function openpyxlProtection(xlsx: string, cells: Record<string, string[]>): Promise<Record<string, { protected: boolean; locked: Record<string, boolean> }>> {
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'cells = json.loads(sys.argv[2])',
    'out = {}',
    'for ws in wb.worksheets:',
    '    out[ws.title] = {"protected": bool(ws.protection.sheet), "locked": {c: bool(ws[c].protection.locked) for c in cells.get(ws.title, [])}}',
    'print(json.dumps(out))',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile(PYTHON, ['-c', script, xlsx, JSON.stringify(cells)], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Record<string, { protected: boolean; locked: Record<string, boolean> }>);
    });
  });
}

/** Every validation as "sheet type formula: cells", one line per cell range kind, so splitting a range does not matter. */
function validationCells(report: PackageReport): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of report.sheets) {
    for (const v of s.validations) {
      const key = `${s.name} ${v.type} ${(v.formula1 ?? '').replace(/^=/, '')}`;
      out.set(key, [...(out.get(key) ?? []), ...sqrefCells(v.sqref)].sort());
    }
  }
  return out;
}

const firstInputs = new Map<string, string>();
const cellsToCheck = () => Object.fromEntries([...firstInputs].map(([form, input]) => [form, [input, 'A1']]));

beforeAll(async () => {
  session = await createSession('vtlt-resave-');
  dir = path.join(session.dir, 'files');
  await mkdir(path.join(dir, 'lo'), { recursive: true });
  // A full agency workbook: tracker, then the 13 forms.
  const wb = FileWorkbook.create();
  expect((await insertTracker(wb, { pack: plan, agency: snv, now: NOW, confirm: async () => true })).ok).toBe(true);
  const forms = await insertForms(wb, { pack: formPack, agency: snv, year: 2025, plan, now: NOW, confirm: async () => true });
  if (!forms.ok) throw new Error('forms not inserted');
  for (const f of forms.forms) firstInputs.set(f.code, f.layout.spec.protection!.unlocked[0]!.split(':')[0]!);
  await writeFile(file('agency.xlsx'), await wb.toBuffer());
  inputs.set('agency', file('agency.xlsx'));
  // A consolidation workbook (roster sheet with its lists sheet, and the output sheets).
  const target = FileWorkbook.create();
  const agencyBytes = new Uint8Array(await readFile(file('agency.xlsx')));
  await consolidateIntoWorkbook(target, {
    files: [{ name: 'agency.xlsx', read: async () => agencyBytes }],
    planPack: plan, formPack, knownPacks: new Map([[plan.id, [plan.version]], [formPack.id, [formPack.version]]]),
    defaultRoster: roster, asOf: mustDay(2026, 3, 1), lang: 'vi',
    open: async (bytes) => {
      const opened = await openWorkbookBytes(bytes);
      return opened.ok ? { ok: true, port: opened.workbook } : opened;
    },
  });
  await writeFile(file('consolidated.xlsx'), await target.toBuffer());
  inputs.set('consolidated', file('consolidated.xlsx'));
  await convert(session, [...inputs.values()], 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'lo'));
}, 600_000);

afterAll(async () => {
  await disposeSession(session);
});

const resaved = (name: string) => path.join(dir, 'lo', `${name}.xlsx`);

describe('`vtlt tracker --in` on a workbook re-saved by LibreOffice', () => {
  it('leaves every form sheet protected, each input cell unlocked and the heading locked', async () => {
    const { code, err } = await vtlt('tracker', '--agency', 'SNV', '--in', resaved('agency'), '--out', file('agency-again.xlsx'));
    expect(code, err).toBe(0);
    const read = await openpyxlProtection(file('agency-again.xlsx'), cellsToCheck());
    for (const [form, input] of firstInputs) {
      expect(read[form]?.protected, form).toBe(true);
      expect(read[form]?.locked[input], `${form}!${input}`).toBe(false);
      expect(read[form]?.locked['A1'], `${form}!A1`).toBe(true);
    }
    expect(packageProblems(new Uint8Array(await readFile(file('agency-again.xlsx'))))).toEqual([]);
  });

  it('`vtlt forms --in` on it writes a package Excel opens without repair, the forms protected', async () => {
    const { code, err } = await vtlt('forms', '--agency', 'SNV', '--year', '2025', '--in', resaved('agency'), '--out', file('agency-forms.xlsx'));
    expect(code, err).toBe(0);
    expect(packageProblems(new Uint8Array(await readFile(file('agency-forms.xlsx'))))).toEqual([]);
    const read = await openpyxlProtection(file('agency-forms.xlsx'), cellsToCheck());
    for (const [form, input] of firstInputs) {
      expect(read[form]?.protected, form).toBe(true);
      expect(read[form]?.locked[input], `${form}!${input}`).toBe(false);
    }
  });
});

describe('LibreOffice keeps every data validation the product wrote', () => {
  it.each(['agency', 'consolidated'])('%s.xlsx: the same cells under the same rules, none twice', async (name) => {
    const before = validationCells(inspectPackage(new Uint8Array(await readFile(inputs.get(name)!))));
    const after = validationCells(inspectPackage(new Uint8Array(await readFile(resaved(name)))));
    expect(before.size).toBeGreaterThan(0);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, cells] of before) expect(after.get(key), key).toEqual(cells);
    const count = (file: string) => inspectPackage(new Uint8Array(readFileSync(file))).sheets.map((s) => `${s.name}: ${s.validations.length}`);
    expect(count(resaved(name))).toEqual(count(inputs.get(name)!));
    const problems = packageProblems(new Uint8Array(await readFile(resaved(name))));
    expect(problems.filter((p) => /two data validations|not one of its list/.test(p))).toEqual([]);
  });
});
