/**
 * A formula typed in a form's input cell (a clerk's "=5+3"): read by the result the file keeps, reported as a warning
 * at that cell, counted in the province totals, and not by itself keeping the file out of them; a formula with no
 * kept result is an error asking for the number. Through both readers (fast and ExcelJS).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidate } from '../../src/app/consolidate';
import { formsPart } from '../../src/app/forms-part';
import { sheetsToRead, validateSnapshot, type ValidateOptions } from '../../src/app/validate-workbook';
import type { WorkbookPort } from '../../src/app/workbook-port';
import { mustDay } from '../../src/domain/calendar';
import { issueMessage } from '../../src/domain/i18n';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { openWorkbookBytes } from '../../src/hosts/xlsx/open';
import { openForReading } from '../../src/hosts/xlsx/open-fast';
import { openForReadingAnywhere } from '../../src/hosts/xlsx/open-read';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { formSheetLayout } from '../../src/workbook/forms';
import { agencyWorkbook } from '../helpers/agency-workbook';

const plan = defaultPlanPack();
const pack = defaultFormPack();
const roster = defaultRoster();
const FEB = new Date(Date.UTC(2026, 1, 20, 3));
const knownPacks = new Map([[plan.id, [plan.version]], [pack.id, [pack.version]]]);
const options = (): ValidateOptions => ({ planPack: plan, knownPacks, forms: formsPart(pack, { requireAll: true, expectedYear: 2025 }), expectedYear: 2025 });

type Reader = (bytes: Uint8Array) => Promise<WorkbookPort>;
const readers: Record<string, Reader> = {
  fast: async (bytes) => {
    const o = await openForReading(bytes);
    if (!o.ok) throw new Error(o.reason);
    return o.port;
  },
  'any-runtime': async (bytes) => {
    const o = await openForReadingAnywhere(bytes);
    if (!o.ok) throw new Error(o.reason);
    return o.port;
  },
  ExcelJS: async (bytes) => {
    const o = await openWorkbookBytes(bytes);
    if (!o.ok) throw new Error(o.reason);
    return o.workbook;
  },
};

function addressOf(code: string, key: string): string {
  const form = pack.forms.find((f) => f.code === code)!;
  return formSheetLayout({ pack, form, agency: { code: 'X', name: 'X' }, year: 2025 }).addresses.get(key)!;
}

describe.each(Object.keys(readers))('a formula in a form input (%s reader)', (readerName) => {
  const read = readers[readerName]!;
  let withResult: Uint8Array;
  let withoutResult: Uint8Array;
  let emptyResult: Uint8Array;
  let key: string;
  let address: string;

  beforeAll(async () => {
    const filled = await agencyWorkbook(findAgency(roster, 'STC')!, FEB, 7);
    key = [...filled.inputs.get('0804')!.keys()].find((k) => k.startsWith('02:'))!;
    address = addressOf('0804', key);
    const wb = await FileWorkbook.load(await filled.workbook.toBuffer());
    wb.workbook.getWorksheet('0804')!.getCell(address).value = { formula: '5+3', result: 8 };
    withResult = await wb.toBuffer();
    wb.workbook.getWorksheet('0804')!.getCell(address).value = { formula: '5+3' } as never;
    withoutResult = await wb.toBuffer();
    wb.workbook.getWorksheet('0804')!.getCell(address).value = { formula: 'IF(1>2,1,"")', result: '' };
    emptyResult = await wb.toBuffer();
  });

  it('uses the kept result 8 with a warning at the cell, and no error', async () => {
    const port = await read(withResult);
    const report = validateSnapshot(await port.read(sheetsToRead(options())), options());
    const found = report.issues.filter((i) => i.rule === 'formula-in-input');
    expect(found.map((i) => `${i.severity}@${i.sheet}!${i.cell}=${String(i.value)}`)).toEqual([`warning@0804!${address}=8`]);
    expect(report.errors).toBe(0);
    expect(report.holdingWarnings).toBe(0);
    expect(issueMessage('vi', found[0]!)).toMatch(/^Chỉ tiêu 02 .*ô nhập số liệu có công thức \(=5\+3\): dùng giá trị 8; nên gõ số/);
    expect(issueMessage('en', found[0]!)).toMatch(/input cell holds a formula \(=5\+3\): its value 8 is used/);
  });

  it('asks for the number when the file keeps no result', async () => {
    const port = await read(withoutResult);
    const report = validateSnapshot(await port.read(sheetsToRead(options())), options());
    const found = report.issues.filter((i) => i.rule === 'formula-no-value');
    expect(found.map((i) => `${i.severity}@${i.sheet}!${i.cell}`)).toEqual([`error@0804!${address}`]);
    expect(issueMessage('vi', found[0]!)).toMatch(/Xoá công thức và gõ số/);
  });

  it('asks for the number too when the kept result is empty (ExcelJS reads an empty result as none)', async () => {
    const port = await read(emptyResult);
    const report = validateSnapshot(await port.read(sheetsToRead(options())), options());
    const found = report.issues.filter((i) => i.rule === 'formula-in-input' || i.rule === 'formula-no-value');
    expect(found.map((i) => `${i.severity}:${i.rule}@${i.cell}`)).toEqual([`error:formula-no-value@${address}`]);
  });

  it('counts 8 in the province totals, the warning alone not keeping the file out', async () => {
    const result = await consolidate({
      files: [{ name: 'STC.xlsx', read: async () => withResult }],
      planPack: plan,
      roster,
      asOf: mustDay(2026, 11, 23),
      forms: formsPart(pack, { requireAll: false, expectedYear: 2025 }),
      knownPacks,
      open: async (bytes) => ({ ok: true, port: await read(bytes) }),
    });
    expect(result.accepted.map((a) => a.inTotals)).toEqual([true]);
    expect(result.totals.get('0804')?.get(key)).toBe(8);
  });
});
