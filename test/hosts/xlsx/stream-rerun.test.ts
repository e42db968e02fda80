/**
 * A consolidation run again into its earlier output is streamed too: the fast reader reads what Sở Nội vụ typed, the
 * replaced sheets are written anew in their places, and the sheets kept (the roster as edited, a sheet of the user's)
 * are loaded alone and copied. What it writes is what the in-memory rewrite writes: every sheet, cell, style, merge,
 * validation, view, print setup, protection and note, the defined names and the active sheet. A kept sheet with a
 * picture (which the streaming writer cannot carry) has the workbook rewritten whole in memory, picture included.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { consolidateIntoWorkbook, type ConsolidateIntoRequest } from '../../../src/app/consolidate-into';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { openLazily } from '../../../src/hosts/xlsx/open-fast';
import { StreamedWorkbook } from '../../../src/hosts/xlsx/stream-workbook';
import { ROSTER_SHEET } from '../../../src/workbook/roster-sheet';
import { packageProblems } from '../../helpers/package-check';
import { consolidationRequest, describeSheet, loadXlsx } from './consolidation-fixture';

const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-rerun-'));
const savedAt = new Date(Date.UTC(2026, 2, 1, 2));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An earlier output as Sở Nội vụ left it: a roster row edited, and a sheet of its own (with a picture, if asked). */
async function earlierOutput(req: ConsolidateIntoRequest, picture: boolean): Promise<Uint8Array> {
  const first = FileWorkbook.create();
  await consolidateIntoWorkbook(first, req);
  const wb = first.workbook;
  const rosterWs = wb.getWorksheet(ROSTER_SHEET)!;
  rosterWs.getCell('B4').value = 'Sở Nội vụ tỉnh (đã sửa)';
  rosterWs.getCell('F4').value = 'ghi chú của Sở';
  rosterWs.getCell('F4').note = 'Ghi chú ô';
  const own = wb.addWorksheet('Sổ tay riêng', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }], properties: { tabColor: { argb: 'FF00AA00' } } });
  own.getColumn(1).width = 30;
  own.getCell('A1').value = 'Tiêu đề';
  own.getCell('A1').font = { bold: true };
  own.mergeCells('A1:C1');
  own.getCell('A2').value = 5;
  own.getCell('A3').value = { formula: 'A2*2', result: 10 };
  own.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
  own.getRow(2).height = 24;
  own.pageSetup.printTitlesRow = '1:1';
  await own.protect('mật khẩu', { selectLockedCells: true });
  wb.definedNames.add("'Sổ tay riêng'!$A$2", 'so_lieu');
  if (picture) {
    const png = readFileSync(path.join(__dirname, '../../../assets/check-16.png'));
    own.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'D4:E6');
  }
  return first.toBuffer(new Date(Date.UTC(2026, 1, 28, 2)));
}

async function rerunInMemory(req: ConsolidateIntoRequest, earlier: Uint8Array): Promise<Uint8Array> {
  const wb = await FileWorkbook.load(earlier);
  await consolidateIntoWorkbook(wb, req);
  return wb.toBuffer(savedAt);
}

async function rerunStreamed(req: ConsolidateIntoRequest, earlier: Uint8Array, name: string): Promise<Uint8Array> {
  const opened = await openLazily(earlier);
  if (!opened.ok) throw new Error(opened.reason);
  const file = path.join(dir, name);
  await consolidateIntoWorkbook(new StreamedWorkbook(file, savedAt, { bytes: earlier, port: opened.port }), req);
  return new Uint8Array(readFileSync(file));
}

async function expectSame(streamed: Uint8Array, inMemory: Uint8Array): Promise<void> {
  const [a, b] = await Promise.all([loadXlsx(inMemory), loadXlsx(streamed)]);
  expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  for (const ws of a.worksheets) expect(describeSheet(b.getWorksheet(ws.name)!)).toEqual(describeSheet(ws));
  expect(b.views[0]?.activeTab).toBe(a.views[0]?.activeTab);
  expect(b.definedNames.model).toEqual(a.definedNames.model);
  expect(b.modified?.toISOString()).toBe(savedAt.toISOString());
}

describe('a consolidation run again into its earlier output', () => {
  it('is streamed, keeping the roster as edited and the user\'s own sheet as the in-memory rewrite keeps them', async () => {
    const req = await consolidationRequest(['SNV', 'STC']);
    const earlier = await earlierOutput(req, false);
    const streamed = await rerunStreamed(req, earlier, 'again.xlsx');
    await expectSame(streamed, await rerunInMemory(req, earlier));
    const wb = await loadXlsx(streamed);
    expect(wb.getWorksheet(ROSTER_SHEET)!.getCell('B4').value).toBe('Sở Nội vụ tỉnh (đã sửa)');
    expect(wb.getWorksheet('Sổ tay riêng')!.getCell('A3').value).toEqual({ formula: 'A2*2', result: 10 });
    expect(packageProblems(streamed)).toEqual([]);
  }, 120_000);

  it('keeps a picture on a kept sheet by rewriting the workbook whole', async () => {
    const req = await consolidationRequest(['SNV', 'STC']);
    const earlier = await earlierOutput(req, true);
    const streamed = await rerunStreamed(req, earlier, 'picture.xlsx');
    await expectSame(streamed, await rerunInMemory(req, earlier));
    expect((await loadXlsx(streamed)).getWorksheet('Sổ tay riêng')!.getImages()).toHaveLength(1);
  }, 120_000);
});
