/**
 * "Tổng hợp <code>": a form's province totals in the form's own layout (totals as the form's formulas over the
 * summed inputs), printed as an agency's form is; "Chi tiết <code>": the breakdown — every agency's figures cell by
 * cell, so each total can be traced — on a sheet of its own, so it never shrinks the form on paper.
 */
import { cellKey, type FormPack, type Form } from '../domain/form-pack';
import { cellRef, columnLetter } from './a1';
import { formSheetLayout } from './forms';
import type { CellValue, SheetSpec } from './sheet-spec';

export const totalsSheetName = (code: string): string => `Tổng hợp ${code}`;
/** The sheet of the per-agency breakdown of a form's totals. */
export const breakdownSheetName = (code: string): string => `Chi tiết ${code}`;
/** The breakdown's first heading (over the agencies' codes), and the label of its sum row. */
export const BREAKDOWN_HEADER = 'Chi tiết theo đơn vị: Mã đơn vị';
export const BREAKDOWN_SUM = 'Cộng';

export interface AgencyFigures {
  readonly code: string;
  readonly name: string;
  readonly figures: ReadonlyMap<string, number>;
}

/** The province's totals in the form's own layout, printed as an agency's form is (same columns, same print setup). */
export function formTotalsSheet(pack: FormPack, form: Form, year: number, totals: ReadonlyMap<string, number>, counted: number): SheetSpec {
  const base = formSheetLayout({
    pack,
    form,
    year,
    agency: { code: 'TOÀN TỈNH', name: `Tổng hợp ${counted} đơn vị` },
    values: totals,
  }).spec;
  return {
    ...base,
    name: totalsSheetName(form.code),
    tabColor: '#107C10',
    // The totals sheet is read, not filled in.
    validations: [],
    protection: { unlocked: [] },
    activeCell: cellRef(1, 1),
  };
}

const BREAKDOWN_TOP = 4;
/** Code and name: repeated at the left of every printed page, and frozen on screen. */
const BREAKDOWN_LEAD = 2;

/**
 * "Chi tiết <code>": every counted agency's figures cell by cell ("row/column" of the form), and their sum, so each
 * total can be traced. On its own sheet so the form prints alone at its own scale; printed landscape at 100 % across
 * as many pages as it needs, with its heading row and the agencies' code and name repeated on each.
 */
export function breakdownSheet(pack: FormPack, form: Form, year: number, agencies: readonly AgencyFigures[]): SheetSpec {
  const layout = formSheetLayout({ pack, form, year, agency: { code: '', name: '' } });
  const cells = layout.model.cells.filter((c) => c.role !== 'na').map((c) => c.cell);
  const top = BREAKDOWN_TOP;
  const header: CellValue[] = [BREAKDOWN_HEADER, 'Tên đơn vị', ...cells.map((c) => `${c.row}/${c.col}`)];
  const rows: CellValue[][] = agencies.map((a) => [a.code, a.name, ...cells.map((c) => a.figures.get(cellKey(c)) ?? null)]);
  const sumRow: CellValue[] = ['', BREAKDOWN_SUM, ...cells.map((_, i) => {
    const col = columnLetter(i + BREAKDOWN_LEAD + 1);
    return rows.length === 0 ? null : { formula: `=IF(COUNT(${col}${top + 1}:${col}${top + rows.length})=0,"",SUM(${col}${top + 1}:${col}${top + rows.length}))` };
  })];
  const lastCol = columnLetter(header.length);
  const bottom = top + rows.length + 1;
  return {
    name: breakdownSheetName(form.code),
    tabColor: '#107C10',
    columns: [{ width: 11 }, { width: 30 }, ...cells.map(() => ({ width: 10 }))],
    blocks: [
      { at: 'A1', rows: [[`CHI TIẾT THEO ĐƠN VỊ — BIỂU SỐ ${form.code}.N/BNV-VTLT, NĂM ${year}`]] },
      { at: 'A2', rows: [[`Số liệu của ${agencies.length} đơn vị được tính vào "${totalsSheetName(form.code)}"; cột "dòng/cột" theo số thứ tự dòng và cột của biểu. Dòng "${BREAKDOWN_SUM}" bằng số tổng hợp.`]] },
      { at: `A${top}`, rows: [header, ...rows, sumRow] },
    ],
    styles: {
      title: { bold: true, fontSize: 13, fontColor: '#0F3D73' },
      subtitle: { italic: true, fontSize: 10, fontColor: '#424242' },
      breakdownHeader: { bold: true, fill: '#107C10', fontColor: '#FFFFFF', wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin', fontSize: 10 },
      breakdownBody: { border: 'thin', fontSize: 10, numberFormat: '#,##0.###' },
      code: { numberFormat: '@' },
      breakdownTotal: { bold: true, fill: '#F3F2F1' },
    },
    styleRanges: [
      { range: 'A1:A1', style: 'title' },
      { range: 'A2:A2', style: 'subtitle' },
      { range: `A${top}:${lastCol}${top}`, style: 'breakdownHeader' },
      { range: `A${top + 1}:${lastCol}${bottom}`, style: 'breakdownBody' },
      { range: `A${top + 1}:A${bottom}`, style: 'code' },
      { range: `A${bottom}:${lastCol}${bottom}`, style: 'breakdownTotal' },
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: top, columns: BREAKDOWN_LEAD },
    protection: { unlocked: [] },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: false,
      titleRows: `${top}:${top}`,
      titleColumns: `A:${columnLetter(BREAKDOWN_LEAD)}`,
    },
    activeCell: cellRef(top + 1, BREAKDOWN_LEAD + 1),
  };
}
