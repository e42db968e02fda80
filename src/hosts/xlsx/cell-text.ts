/**
 * The file side of CellTextPort (src/app/cell-text.ts), over a FileWorkbook held in memory: the CLI and the tests
 * convert and undo with the same use case as the pane. A string cell value is always text to ExcelJS (a formula is an
 * object), so "=…" stays text. Protection is as ExcelJS read it: a locked cell of a protected sheet is not written.
 */
import type ExcelJS from 'exceljs';
import { type CellAt, fillKey } from '../../app/cell-fill';
import type { CellContent, CellTextPort, CellTextReading, TextChange } from '../../app/cell-text';
import type { Grid, GridValue } from '../../workbook/grid';
import type { SheetSpec } from '../../workbook/sheet-spec';
import { isSheetProtected } from './apply-spec';
import type { FileWorkbook } from './file-workbook';

function textOf(v: ExcelJS.CellValue): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  return null;
}

function isFormula(v: ExcelJS.CellValue): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);
}

export function fileCellText(file: FileWorkbook): CellTextPort {
  const sheetOf = (name: string) => file.workbook.worksheets.find((ws) => ws.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  return {
    async readTexts(recordSheet: string, wanted: readonly CellAt[] | ((record: Grid | null) => readonly CellAt[])): Promise<CellTextReading> {
      const record = sheetOf(recordSheet) ? file.grid(recordSheet) : null;
      const cells = new Map<string, CellContent>();
      for (const at of typeof wanted === 'function' ? wanted(record) : wanted) {
        const ws = sheetOf(at.sheet);
        if (!ws) continue;
        const cell = ws.getCell(at.cell);
        const locked = isSheetProtected(ws) && cell.protection?.locked !== false;
        cells.set(fillKey(at), { ...at, value: textOf(cell.value), formula: isFormula(cell.value), locked });
      }
      return { cells, recordSheet, record };
    },

    async writeTexts(changes: readonly TextChange[], reading: CellTextReading, record: SheetSpec | null): Promise<void> {
      if (record) await file.write([record]);
      for (const c of changes) {
        if (!reading.cells.has(fillKey(c))) continue;
        const ws = sheetOf(c.sheet);
        if (ws) ws.getCell(c.cell).value = c.text;
      }
      const old = reading.record === null || record ? undefined : sheetOf(reading.recordSheet);
      if (old) file.workbook.removeWorksheet(old.id);
    },
  };
}
