/** Reads an ExcelJS worksheet into a Grid: values (dates as Excel serials, formulas as their cached results). */
import type ExcelJS from 'exceljs';
import type { Grid, GridValue } from '../../workbook/grid';

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A cell date as a serial of the 1900 date system, which the rest of the product uses. ExcelJS has already turned
 * the stored number into a real date (taking a 1904 workbook into account), so this is the same for both systems.
 */
export function dateToSerial(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // Excel's fictitious 29/02/1900 shifts serials before 1 March 1900 down by one.
  return serial < 61 ? serial - 1 : serial;
}

function plain(v: ExcelJS.CellValue): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in result) return String(result.error);
      return plain(result as ExcelJS.CellValue);
    }
    if ('error' in v) return String(v.error);
    if ('text' in v) {
      const text = (v as { text: unknown }).text;
      if (typeof text === 'string') return text;
      if (text && typeof text === 'object' && 'richText' in text) {
        return (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
      }
    }
  }
  return String(v);
}

function formulaOf(v: ExcelJS.CellValue): string | null {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v && typeof v.formula === 'string') return `=${v.formula}`;
    if ('sharedFormula' in v) return `=${String((v as ExcelJS.CellSharedFormulaValue).sharedFormula)}`;
  }
  return null;
}

/**
 * Rows and cells up to this far are filled in (empty rows as [], empty cells as null), as callers of a small sheet
 * expect; beyond it the grid stays sparse, so a stray value at XFD1048576 does not make a million rows.
 */
const DENSE_UP_TO = 1_024;

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: GridValue[][] = [];
  const formulas: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rv: GridValue[] = [];
    const rf: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged cells other than the master read as empty.
      if (cell.isMerged && cell.master !== cell) return;
      rv[colNumber - 1] = plain(cell.value);
      const f = formulaOf(cell.value);
      if (f !== null) rf[colNumber - 1] = f;
    });
    if (rv.length <= DENSE_UP_TO) for (let i = 0; i < rv.length; i++) if (rv[i] === undefined) rv[i] = null;
    if (rf.length <= DENSE_UP_TO) for (let i = 0; i < rf.length; i++) if (rf[i] === undefined) rf[i] = null;
    values[rowNumber - 1] = rv;
    formulas[rowNumber - 1] = rf;
  });
  if (values.length <= DENSE_UP_TO * 64) {
    for (let i = 0; i < values.length; i++) {
      if (values[i] === undefined) values[i] = [];
      if (formulas[i] === undefined) formulas[i] = [];
    }
  }
  return { name: ws.name, values, formulas };
}
