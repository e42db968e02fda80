/**
 * A sheet too wide for one page prints at 100 % across pages with its heading rows and first columns repeated
 * (PrintSetup.titleColumns, fitToWidth false), in all three writers: the in-memory file writer, the streaming writer
 * and Office.js (through the strict fake, which takes only whole columns as print titles and documented zooms).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { StreamedWorkbook } from '../../src/hosts/xlsx/stream-workbook';
import type { SheetSpec } from '../../src/workbook/sheet-spec';
import { FakeExcel } from '../fakes/excel-fake';
import { rig } from './excel/helpers';

const WIDE: SheetSpec = {
  name: 'Rộng',
  columns: Array.from({ length: 40 }, () => ({ width: 13 })),
  blocks: [{ at: 'A4', rows: [['Mã', 'Tên', ...Array.from({ length: 38 }, (_, i) => `NV${i + 1}`)]] }],
  styles: {},
  styleRanges: [],
  merges: [],
  validations: [],
  conditionalFormats: [],
  print: { orientation: 'landscape', paper: 'A4', fitToWidth: false, titleRows: '4:4', titleColumns: 'A:B' },
};

const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pageSetup(bytes: Uint8Array): Promise<Partial<ExcelJS.PageSetup>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.getWorksheet(WIDE.name)!.pageSetup;
}

const expected = { orientation: 'landscape', fitToPage: false, printTitlesRow: '4:4', printTitlesColumn: 'A:B' };

describe('print titles: rows and columns repeated on every page', () => {
  it('the in-memory file writer', async () => {
    const wb = FileWorkbook.create();
    await wb.write([WIDE]);
    expect(await pageSetup(await wb.toBuffer())).toMatchObject(expected);
  });

  it('the streaming writer', async () => {
    const file = path.join(dir, 'wide.xlsx');
    await new StreamedWorkbook(file, new Date(Date.UTC(2026, 2, 1))).write([WIDE]);
    expect(await pageSetup(new Uint8Array(readFileSync(file)))).toMatchObject(expected);
  });

  it('Office.js: setPrintTitleColumns with whole columns, a documented scale of 100 %', async () => {
    const { fake, workbook } = rig();
    await workbook.write([WIDE]);
    const s = fake.mustSheet(WIDE.name);
    expect(s.printTitleColumns).toBe('$A:$B');
    expect(s.printTitleRows).toBe('$4:$4');
    expect(s.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { scale: 100 } });
  });

  it('the fake refuses print title columns that are not whole columns, as Office.js documents', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.add('X');
        ws.pageLayout.setPrintTitleColumns('A1:B5');
        await context.sync();
      }),
    ).rejects.toThrow(/entire columns/);
  });
});
