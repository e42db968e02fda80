/**
 * The file host's streaming writer: a WorkbookPort for a new .xlsx file, whose one write streams every sheet to the
 * file in turn with ExcelJS's WorkbookWriter — each row written out once filled, each sheet zipped while the next is
 * built, no more — so memory stays flat however long the sheets (the CLI's consolidation of many files).
 *
 * It writes a new workbook only: it reads as empty (no sheet), and a workbook with sheets of its own to keep is
 * written through FileWorkbook instead. What it writes is what FileWorkbook writes from the same specs.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { WorkbookPort, WorkbookSnapshot, WriteOptions } from '../../app/workbook-port';
import type { Grid } from '../../workbook/grid';
import { parseRange } from '../../workbook/a1';
import { assertSheetSpec, type SheetSpec } from '../../workbook/sheet-spec';
import { addConditionalFormats, addValidation, pageSetupOf, protectAsProduct, sheetOptions } from './apply-spec';
import { forEachSpecRow, type SpecCell } from './spec-cells';

/** The WorksheetWriter's few members used here beyond a Worksheet's (ExcelJS types them as a Worksheet). */
interface SheetWriter {
  getRow(row: number): ExcelJS.Row;
  getColumn(col: number): ExcelJS.Column;
  mergeCells(range: string): void;
  commit(): void;
  readonly stream: NodeJS.EventEmitter;
}

export class StreamedWorkbook implements WorkbookPort {
  private written = false;

  /** `file`: where the package is written (the caller renames it into place); `savedAt`: its last-saved time. */
  constructor(
    readonly file: string,
    private readonly savedAt: Date,
  ) {}

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    return { sheetNames: [], grids: new Map<string, Grid | null>(sheetNames.map((n) => [n, null])) };
  }

  async write(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<void> {
    if (this.written) throw new Error('StreamedWorkbook writes its file once');
    this.written = true;
    const out = createWriteStream(this.file);
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    wb.creator = 'vtlt';
    wb.lastModifiedBy = 'vtlt';
    wb.created = this.savedAt;
    wb.modified = this.savedAt;
    askFullCalculation(wb);
    // Each sheet is built while the one before it is compressed (zlib works off the main thread); never more than
    // those two are held.
    let previous: Promise<void> | null = null;
    for (const spec of specs) {
      const { zipped } = await writeSheet(wb, spec);
      if (previous) await previous;
      previous = zipped;
    }
    if (previous) await previous;
    const active = specs.findIndex((s) => s.name === options.activate);
    wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
    // A file that cannot be written (disk full, …) ends the write with its error rather than leaving it waiting.
    await Promise.all([wb.commit(), closed]);
  }
}

/**
 * Asks spreadsheet programs to recalculate on open (as FileWorkbook does): the WorkbookWriter writes no calcPr
 * attributes of its own, so its workbook part gets fullCalcOnLoad on the way into the package.
 */
function askFullCalculation(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const zip = (wb as unknown as { zip: { append(source: unknown, data: { name: string }): unknown } }).zip;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => {
    if (typeof source === 'string' && /(^|\/)xl\/workbook\.xml$/.test(data.name)) {
      const withCalc = source.replace(/<calcPr\b([^>]*?)\/>/, (_m, attrs: string) => (/fullCalcOnLoad=/.test(attrs) ? `<calcPr${attrs}/>` : `<calcPr${attrs} fullCalcOnLoad="1"/>`));
      return append(withCalc, data);
    }
    return append(source, data);
  };
}

/** The WorksheetWriter's own steps of finishing a sheet, two of which are put right here. */
interface SheetSteps {
  _write(text: string): void;
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
  _writePageMargins(): void;
  readonly pageSetup: Partial<ExcelJS.PageSetup>;
}

/**
 * Puts the WorksheetWriter's closing elements in the order of the schema, as the in-memory writer does (Excel
 * repairs a sheet otherwise): the protection right after the cells (it writes it after the merges and conditional
 * formats), and the print options before the margins (it leaves them out: "centre on page" would be lost).
 */
function inSchemaOrder(ws: SheetSteps): void {
  const closeData = ws._writeCloseSheetData.bind(ws);
  const protection = ws._writeSheetProtection.bind(ws);
  const margins = ws._writePageMargins.bind(ws);
  ws._writeCloseSheetData = () => {
    closeData();
    protection();
  };
  ws._writeSheetProtection = () => undefined;
  ws._writePageMargins = () => {
    const p = ws.pageSetup;
    const options = [
      p.showRowColHeaders ? ' headings="1"' : '',
      p.showGridLines ? ' gridLines="1"' : '',
      p.horizontalCentered ? ' horizontalCentered="1"' : '',
      p.verticalCentered ? ' verticalCentered="1"' : '',
    ].join('');
    if (options !== '') ws._write(`<printOptions${options}/>`);
    margins();
  };
}

/** Writes a sheet out; `zipped` is settled once the sheet is in the package. */
async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): Promise<{ readonly zipped: Promise<void> }> {
  assertSheetSpec(spec);
  const pageSetup = pageSetupOf(spec);
  const ws = wb.addWorksheet(spec.name, { ...sheetOptions(spec), ...(pageSetup ? { pageSetup } : {}) }) as unknown as ExcelJS.Worksheet & SheetWriter;
  inSchemaOrder(ws as unknown as SheetSteps);
  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  });
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  const heightRows = [...heights.keys()].sort((a, b) => a - b);
  let nextHeight = 0;
  const merges = spec.merges.map((m) => ({ text: m, r: parseRange(m) })).sort((a, b) => a.r.bottom - b.r.bottom);
  let nextMerge = 0;
  let written = 0;
  const fill = (r: number, cells: readonly SpecCell[]): void => {
    const row = ws.getRow(r);
    const height = heights.get(r);
    if (height !== undefined) row.height = height;
    for (const c of cells) {
      const cell = row.getCell(c.col);
      if (c.value !== undefined) cell.value = c.value;
      if (c.style !== null) cell.style = c.style;
    }
    // The writer leaves out a row without values; one whose cells are only styled (borders, fills) is written too.
    if (cells.length > 0) Object.defineProperty(row, 'hasValues', { value: true });
  };
  const heightsBefore = (r: number): void => {
    for (; nextHeight < heightRows.length && heightRows[nextHeight]! <= r; nextHeight++) {
      if (heightRows[nextHeight]! < r) fill(heightRows[nextHeight]!, []);
    }
  };
  forEachSpecRow(spec, (r, cells) => {
    heightsBefore(r);
    fill(r, cells);
    // Merges end on their last row: once it is filled they are applied, and rows no merge still spans are written.
    while (nextMerge < merges.length && merges[nextMerge]!.r.bottom <= r) ws.mergeCells(merges[nextMerge++]!.text);
    const open = merges.slice(nextMerge).filter((m) => m.r.top <= r).map((m) => m.r.top);
    const through = open.length === 0 ? r : Math.min(...open) - 1;
    if (through > written) {
      ws.getRow(through).commit();
      written = through;
    }
  });
  heightsBefore(Infinity);
  for (const m of merges.slice(nextMerge)) ws.mergeCells(m.text);
  for (const v of spec.validations) addValidation(ws, v);
  addConditionalFormats(ws, spec);
  if (spec.protection) await protectAsProduct(ws);
  return { zipped: finished(ws) };
}

/** Finishes a sheet; settled once it is in the package. */
function finished(ws: SheetWriter): Promise<void> {
  return new Promise((resolve) => {
    ws.stream.on('zipped', () => resolve());
    ws.commit();
  });
}

