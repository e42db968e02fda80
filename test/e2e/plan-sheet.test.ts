/**
 * The "Kế hoạch" sheet through LibreOffice: written by the file host, opened and saved again as .xlsx by LibreOffice,
 * it still imports to the same plan; and LibreOffice agrees with the deadline parser on which phrases the deadline
 * column's check lets through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importPlanFromWorkbook, writePlanSheet } from '../../src/app/plan-import';
import { parseDeadline } from '../../src/domain/deadline';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { deadlineCheckFormula } from '../../src/workbook/plan-sheet';
import { convert, convertSheetsToCsv, createSession, disposeSession, findSoffice, type LoSession } from './lo';

let session: LoSession | undefined;

beforeAll(async () => {
  if (findSoffice()) session = await createSession('vtlt-plan-sheet-');
});
afterAll(async () => disposeSession(session));

describe.runIf(findSoffice() !== null)('the plan sheet in LibreOffice', () => {
  it('survives a LibreOffice round trip and imports to the bundled plan', async () => {
    const s = session as LoSession;
    const wb = FileWorkbook.create();
    await writePlanSheet(wb, defaultPlanPack());
    const file = path.join(s.dir, 'ke-hoach.xlsx');
    await writeFile(file, await wb.toBuffer());
    const [out] = await convert(s, [file], 'xlsx', path.join(s.dir, 'lo'));
    const again = await FileWorkbook.load(await readFile(out ?? ''));
    const r = await importPlanFromWorkbook(again, defaultRoster());
    if (!r.ok) throw new Error(JSON.stringify(r.findings));
    expect(r.pack).toEqual(defaultPlanPack());
  });

  it('lets through every phrase the parser reads, and stops phrases it cannot', async () => {
    const s = session as LoSession;
    const phrases = [
      'Thường xuyên', 'Tháng 02/2027', 'tháng 2 năm 2027', 'Quý II/2027', 'Q3/2027', 'Quý III - IV/2027', '6 tháng đầu năm 2027',
      '6 tháng cuối năm 2027', 'Năm 2027', 'Giai đoạn 2027 - 2030', 'Trước ngày 15/3/2027', 'trước 15/3/2027.',
      'Chậm nhất ngày 15/3/2027', 'Ngày 15/10/2027', 'Trong quý I/2027', 'Ngày 15 tháng 10 năm 2027', '06 tháng cuối năm 2027', 'Sáu tháng đầu năm 2027',
      'Khi có yêu cầu', 'Cuối năm', 'Sau 2027 một tháng', 'Theo kế hoạch 2027',
    ];
    const wb = FileWorkbook.create();
    await wb.write([{
      name: 'Thử', columns: [{ width: 30 }, { width: 10 }],
      blocks: [{ at: 'A1', rows: phrases.map((p, i) => [p, { formula: deadlineCheckFormula(`A${i + 1}`) }]) }],
      styles: {}, styleRanges: [], merges: [], validations: [], conditionalFormats: [],
    }]);
    const file = path.join(s.dir, 'thu-han.xlsx');
    await writeFile(file, await wb.toBuffer());
    const [sheets] = await convertSheetsToCsv(s, [file], path.join(s.dir, 'csv'));
    const grid = sheets?.get('Thử') ?? [];
    const allowed = phrases.map((_p, i) => grid[i]?.[1]);
    const readable = phrases.map((p) => parseDeadline(p).ok);
    for (const [i, p] of phrases.entries()) {
      if (readable[i]) expect(allowed[i], p).toBe('TRUE');
    }
    expect(allowed.slice(-4)).toEqual(['FALSE', 'FALSE', 'FALSE', 'FALSE']);
  });
});
