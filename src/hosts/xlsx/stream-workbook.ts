/**
 * The file host's streaming writer: a WorkbookPort for a new .xlsx file, whose one write streams every sheet to the
 * file in turn with ExcelJS's WorkbookWriter — each row written out once filled, each sheet zipped while the next is
 * built, no more — so memory stays flat however long the sheets (the CLI's consolidation of many files).
 *
 * A new workbook reads as empty (no sheet). An existing one (a consolidation run again into its earlier output) is
 * read with the fast reader, and rewritten as FileWorkbook would rewrite it: the sheets the write replaces are
 * streamed anew in their places, the others (the roster as edited, any sheet of the user's) loaded alone and copied
 * (stream-kept.ts) — or, should one hold what the streaming writer cannot carry (pictures, tables), the workbook is
 * rewritten whole in memory. What it writes is what FileWorkbook writes from the same specs.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { WorkbookPort, WorkbookSnapshot, WriteOptions } from '../../app/workbook-port';
import type { Grid } from '../../workbook/grid';
import { assertSheetSpec, builtSheet, type SheetSource, type SheetSpec } from '../../workbook/sheet-spec';
import { addConditionalFormats, addValidation, pageSetupOf, protectAgain, protectAsProduct, sheetOptions } from './apply-spec';
import { specRows } from './spec-cells';
import { RowWriter } from './stream-rows';
import { FileWorkbook } from './file-workbook';
import { copySheet, ExistingWorkbookDamaged, loadKeptSheets, type KeptSheets } from './stream-kept';
import { workbookWriter } from './exceljs-parts';
import { PackageZip } from './package-zip';
import type { Writable } from 'node:stream';

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

  /**
   * `file`: where the package is written (the caller renames it into place); `savedAt`: its last-saved time;
   * `existing`: the workbook rewritten, its bytes and the fast reader's port over them (none for a new workbook).
   */
  constructor(
    readonly file: string,
    private readonly savedAt: Date,
    private readonly existing?: { readonly bytes: Uint8Array; readonly port: WorkbookPort },
  ) {}

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    if (this.existing) return this.existing.port.read(sheetNames);
    return { sheetNames: [], grids: new Map<string, Grid | null>(sheetNames.map((n) => [n, null])) };
  }

  async write(specs: readonly SheetSource[], options: WriteOptions = {}): Promise<void> {
    if (this.written) throw new Error('StreamedWorkbook writes its file once');
    this.written = true;
    let kept: KeptSheets | null = null;
    if (this.existing) {
      kept = await loadKeptSheets(this.existing.bytes, new Set(specs.map((s) => s.name)), options.revalidate);
      if (kept === null) return this.writeWhole(this.existing.bytes, specs, options);
      for (const name of options.keepProtected ?? []) {
        const ws = kept.sheets.get(name);
        if (ws) await protectAgain(ws);
      }
    }
    const out = createWriteStream(this.file);
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    // Its failure is the write's, awaited below: while the sheets are still written it is no unhandled rejection.
    closed.catch(() => undefined);
    const wb = packageWriter(out, this.savedAt);
    const archived = archiveWatcher(wb);
    wb.creator = 'vtlt';
    wb.lastModifiedBy = 'vtlt';
    wb.created = this.savedAt;
    wb.modified = this.savedAt;
    askFullCalculation(wb);
    // Each sheet is built while the one before it is compressed (zlib works off the main thread); never more than
    // those two are held. Kept sheets stay in their places, replaced ones take theirs, new ones follow.
    const order: (Sheet | null)[] = sheetOrder(specs, kept);
    const names = order.map((s) => (s && 'source' in s ? s.source.name : s?.kept.name));
    const definedNames = kept?.definedNames ?? [];
    // A kept sheet's model (and the workbook loaded for it) is let go once the sheet is copied.
    kept = null;
    let previous: Promise<void> | null = null;
    for (let i = 0; i < order.length; i++) {
      const sheet = order[i]!;
      order[i] = null;
      // A deferred sheet is built now, and let go once written: one at a time is held.
      const { zipped } = 'source' in sheet ? await writeSheet(wb, builtSheet(sheet.source), archived) : { zipped: finished(archived, copied(wb, sheet.kept)) };
      if (previous) await previous;
      previous = zipped;
    }
    if (previous) await previous;
    if (definedNames.length > 0) (wb as unknown as { definedNames: { model: unknown } }).definedNames.model = definedNames;
    const active = names.indexOf(options.activate);
    wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
    // A file that cannot be written (disk full, …) ends the write with its error rather than leaving it waiting.
    await Promise.all([wb.commit(), closed]);
  }

  /** The existing workbook rewritten whole in memory (a kept sheet holds what the streaming writer cannot carry). */
  private async writeWhole(bytes: Uint8Array, specs: readonly SheetSource[], options: WriteOptions): Promise<void> {
    const whole = await FileWorkbook.load(bytes).catch((e: unknown) => {
      throw new ExistingWorkbookDamaged(e);
    });
    await whole.write(specs, options);
    await writeFile(this.file, await whole.toBuffer(this.savedAt));
  }
}

/** The members of ExcelJS's WorkbookWriter that packageWriter sets (not in its typings). */
interface WriterInside {
  zip: unknown;
  stream: unknown;
  promise: Promise<unknown>;
  addThemes(): Promise<void>;
  addOfficeRels(): Promise<void>;
}

/**
 * ExcelJS's WorkbookWriter writing through PackageZip (package-zip.ts) into `out`. The writer makes its own zip writer
 * and gives it the theme and the package's relationships at once; made without a stream, that zip writes into
 * memory and is never finished, and the two parts go to PackageZip instead.
 */
function packageWriter(out: NodeJS.WritableStream, savedAt: Date): ExcelJS.stream.xlsx.WorkbookWriter {
  const Writer = workbookWriter();
  const wb = new Writer({ useStyles: true, useSharedStrings: true });
  const inside = wb as unknown as WriterInside;
  const zip = new PackageZip(savedAt);
  zip.pipe(out as unknown as Writable);
  inside.zip = zip;
  inside.stream = out;
  inside.promise = Promise.all([inside.addThemes(), inside.addOfficeRels()]);
  return wb;
}

/** Rows written between two turns of the event loop. */
const YIELD_ROWS = 256;

function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

type Sheet = { readonly source: SheetSource } | { readonly kept: ExcelJS.Worksheet };

/** The sheets in the order written: the existing ones in theirs (each kept, or replaced by its spec), then new ones. */
function sheetOrder(specs: readonly SheetSource[], kept: KeptSheets | null): Sheet[] {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: Sheet[] = [];
  for (const name of kept?.order ?? []) {
    const source = byName.get(name);
    const ws = kept?.sheets.get(name);
    if (source) {
      out.push({ source });
      byName.delete(name);
    } else if (ws) out.push({ kept: ws });
  }
  return [...out, ...[...byName.values()].map((source) => ({ source }))];
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

/** A kept sheet copied into the streamed workbook, its closing elements in the schema's order. */
function copied(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet): SheetWriter {
  const out = copySheet(wb, ws);
  inSchemaOrder(out as unknown as SheetSteps);
  return out as unknown as SheetWriter;
}

/** Writes a sheet out; `zipped` is settled once the sheet is in the package. */
async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec, archived: Archived): Promise<{ readonly zipped: Promise<void> }> {
  assertSheetSpec(spec);
  const pageSetup = pageSetupOf(spec);
  const ws = wb.addWorksheet(spec.name, { ...sheetOptions(spec), ...(pageSetup ? { pageSetup } : {}) }) as unknown as ExcelJS.Worksheet & SheetWriter;
  inSchemaOrder(ws as unknown as SheetSteps);
  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  });
  // Rows go out as XML as soon as they are made (stream-rows.ts): no ExcelJS row or cell is made for them. Rows the
  // spec gives no cell but a height, or a merge spans, are written in their turn too.
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  const rows = new RowWriter(wb, ws as unknown as ConstructorParameters<typeof RowWriter>[1], spec.merges);
  const extra = [...new Set([...heights.keys(), ...rows.mergedRows()])].sort((a, b) => a - b);
  let next = 0;
  const extraBefore = (r: number): void => {
    for (; next < extra.length && extra[next]! <= r; next++) if (extra[next]! < r) rows.write(extra[next]!, heights.get(extra[next]!), []);
  };
  let n = 0;
  for (const [r, cells] of specRows(spec)) {
    extraBefore(r);
    rows.write(r, heights.get(r), cells);
    // Now and then the event loop runs: the zip writer then compresses the sheet before, on another thread, meanwhile.
    if (++n % YIELD_ROWS === 0) {
      rows.flush();
      await turn();
    }
  }
  extraBefore(Infinity);
  rows.flush();
  for (const v of spec.validations) addValidation(ws, v);
  addConditionalFormats(ws, spec);
  if (spec.protection) await protectAsProduct(ws);
  return { zipped: finished(archived, ws) };
}

/** When a part has been compressed into the package: the zip writer takes parts one after another. */
type Archived = (part: string) => Promise<void>;

function archiveWatcher(wb: ExcelJS.stream.xlsx.WorkbookWriter): Archived {
  const zip = (wb as unknown as { zip: NodeJS.EventEmitter }).zip;
  const done = new Set<string>();
  const waiting = new Map<string, { resolve(): void; reject(e: unknown): void }>();
  let failed: unknown = null;
  zip.on('entry', (entry: { name: string }) => {
    const part = entry.name.replace(/^\//, '');
    done.add(part);
    waiting.get(part)?.resolve();
    waiting.delete(part);
  });
  zip.on('error', (e: unknown) => {
    failed = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  return (part) => new Promise<void>((resolve, reject) => {
    if (done.has(part)) resolve();
    else if (failed !== null) reject(failed);
    else waiting.set(part, { resolve, reject });
  });
}

/**
 * Finishes a sheet; settled once the sheet is compressed into the package (the writer's own "zipped" event says only
 * that the sheet's XML was handed over: sheets built faster than they are compressed would wait in memory, whole).
 */
function finished(archived: Archived, ws: Pick<SheetWriter, 'commit'>): Promise<void> {
  const compressed = archived(`xl/worksheets/sheet${(ws as unknown as { id: number }).id}.xml`);
  ws.commit();
  return compressed;
}

