/**
 * The file host: a WorkbookPort over an .xlsx file held in memory with ExcelJS.
 */
import ExcelJS from 'exceljs';
import type { Revalidation, WorkbookPort, WorkbookSnapshot, WriteOptions } from '../../app/workbook-port';
import type { Grid } from '../../workbook/grid';
import { builtSheet, type SheetSource } from '../../workbook/sheet-spec';
import { addValidation, applySheetSpec, protectAgain } from './apply-spec';
import { readPackageProtection, restoreProtection } from './protection';
import { worksheetToGrid } from './read-grid';
import { clearValidations, compactValidations } from './validations';

export class FileWorkbook implements WorkbookPort {
  /** Sheets named by a use case as the product's, to be written protected whatever was read. */
  private readonly keepProtected = new Set<string>();

  /** `source`: the bytes the workbook was loaded from, and the worksheets as loaded (to restore their protection). */
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly source: { readonly bytes: Uint8Array; readonly sheets: ReadonlySet<ExcelJS.Worksheet> } | null = null,
  ) {}

  static create(): FileWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'vtlt';
    wb.lastModifiedBy = 'vtlt';
    wb.created = new Date();
    return new FileWorkbook(wb);
  }

  /** Loads an .xlsx from bytes. Throws ExcelJS's error for unreadable input; callers turn it into a finding. */
  static async load(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
    const wb = new ExcelJS.Workbook();
    const buffer = data instanceof Uint8Array ? data : new Uint8Array(data);
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return new FileWorkbook(wb, { bytes: buffer, sheets: new Set(wb.worksheets) });
  }

  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  grid(name: string): Grid | null {
    const ws = this.workbook.getWorksheet(name);
    return ws ? worksheetToGrid(ws) : null;
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    const grids = new Map<string, Grid | null>();
    for (const name of sheetNames) grids.set(name, this.grid(name));
    return { sheetNames: this.sheetNames(), grids };
  }

  async write(sources: readonly SheetSource[], options: WriteOptions = {}): Promise<void> {
    // The whole workbook is in memory: each sheet is built as it is applied.
    for (const source of sources) await applySheetSpec(this.workbook, builtSheet(source));
    for (const r of options.revalidate ?? []) this.revalidate(r, sources);
    for (const name of options.keepProtected ?? []) this.keepProtected.add(name);
    // Keep the sheets in their recorded order.
    const ordered = [...this.workbook.worksheets].sort(
      (a, b) => (a as unknown as { orderNo: number }).orderNo - (b as unknown as { orderNo: number }).orderNo,
    );
    ordered.forEach((ws, i) => ((ws as unknown as { orderNo: number }).orderNo = i));
    if (options.activate) {
      const target = this.workbook.getWorksheet(options.activate);
      if (target) {
        const index = this.workbook.worksheets.indexOf(target);
        this.workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, index), visibility: 'visible' }];
      }
    }
    // Ask spreadsheet programs to recalculate on open (as-of =TODAY() and the due-state formulas).
    this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
  }

  /** Sets a kept sheet's validations again (a sheet just written from its spec, or missing, is left alone). */
  private revalidate(r: Revalidation, specs: readonly SheetSource[]): void {
    if (specs.some((s) => s.name.toLocaleLowerCase() === r.sheet.toLocaleLowerCase())) return;
    const ws = this.workbook.getWorksheet(r.sheet);
    if (!ws) return;
    clearValidations(ws, [...r.clear, ...r.validations.map((v) => v.range)]);
    for (const v of r.validations) addValidation(ws, v);
  }

  /**
   * Sheets kept from the loaded file get back the protection the file gave them (ExcelJS misses LibreOffice's
   * "true"/"false" spelling); the product's sheets named by a use case end protected in any case.
   */
  private async protectAsRead(): Promise<void> {
    if (this.source) {
      const kept = this.workbook.worksheets.filter((ws) => this.source?.sheets.has(ws));
      if (kept.length > 0) {
        const read = await readPackageProtection(this.source.bytes);
        for (const ws of kept) {
          const sheet = read.get(ws.name);
          if (sheet) restoreProtection(ws, sheet);
        }
      }
    }
    for (const name of this.keepProtected) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) await protectAgain(ws);
    }
  }

  /**
   * The package's bytes. `savedAt` (default: now) becomes its last-saved time, docProps/core.xml's dcterms:modified,
   * as Excel writes on every save: consolidation orders an agency's re-sends by it. ExcelJS would otherwise write back
   * the time read from the file. The creation time and cp:lastModifiedBy stay as read (Excel writes the user's name
   * there, which the product does not know; a workbook the product created says "vtlt").
   */
  async toBuffer(savedAt: Date = new Date()): Promise<Uint8Array> {
    this.workbook.modified = savedAt;
    // Sheets read from a file, rewritten or not, would otherwise come out with overlapping validations.
    for (const ws of this.workbook.worksheets) compactValidations(ws);
    await this.protectAsRead();
    const out = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }
}
