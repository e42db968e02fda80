/**
 * The file host: a WorkbookPort over an .xlsx file held in memory with ExcelJS.
 */
import ExcelJS from 'exceljs';
import type { WorkbookPort, WorkbookSnapshot } from '../../app/workbook-port';
import type { Grid } from '../../workbook/grid';
import type { SheetSpec } from '../../workbook/sheet-spec';
import { applySheetSpec } from './apply-spec';
import { worksheetToGrid } from './read-grid';
import { compactValidations } from './validations';

export class FileWorkbook implements WorkbookPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static create(): FileWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'vtlt';
    wb.created = new Date();
    return new FileWorkbook(wb);
  }

  /** Loads an .xlsx from bytes. Throws ExcelJS's error for unreadable input; callers turn it into a finding. */
  static async load(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
    const wb = new ExcelJS.Workbook();
    const buffer = data instanceof Uint8Array ? data : new Uint8Array(data);
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return new FileWorkbook(wb);
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

  async write(specs: readonly SheetSpec[], options: { readonly activate?: string } = {}): Promise<void> {
    for (const spec of specs) await applySheetSpec(this.workbook, spec);
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

  async toBuffer(): Promise<Uint8Array> {
    // Sheets read from a file, rewritten or not, would otherwise come out with overlapping validations.
    for (const ws of this.workbook.worksheets) compactValidations(ws);
    const out = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }
}
