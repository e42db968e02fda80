/**
 * "Tổng hợp <code>": a form's province totals in the form's own layout (totals as the form's formulas over the
 * summed inputs), followed by the breakdown — every agency's figures cell by cell, so each total can be traced.
 */
import { cellKey, type FormPack, type Form } from '../domain/form-pack';
import { cellRef, columnLetter, parseRange } from './a1';
import { formSheetLayout } from './forms';
import type { CellValue, SheetSpec } from './sheet-spec';

export const totalsSheetName = (code: string): string => `Tổng hợp ${code}`;

export interface AgencyFigures {
  readonly code: string;
  readonly name: string;
  readonly figures: ReadonlyMap<string, number>;
}

/**
 * The last row the form's layout uses for anything — values, merges (the signers' name lines are merged, empty
 * cells), styles — so the breakdown never lands in, or is merged away by, the form's own rows.
 */
function lastRowOf(spec: SheetSpec): number {
  const bottoms = [
    ...spec.blocks.map((b) => parseRange(b.at).top + Math.max(1, b.rows.length) - 1),
    ...spec.merges.map((m) => parseRange(m).bottom),
    ...spec.styleRanges.map((r) => parseRange(r.range).bottom),
  ];
  return Math.max(1, ...bottoms);
}

export function formTotalsSheet(
  pack: FormPack,
  form: Form,
  year: number,
  totals: ReadonlyMap<string, number>,
  agencies: readonly AgencyFigures[],
): SheetSpec {
  const layout = formSheetLayout({
    pack,
    form,
    year,
    agency: { code: 'TOÀN TỈNH', name: `Tổng hợp ${agencies.length} đơn vị` },
    values: totals,
  });
  const base = layout.spec;
  // Breakdown below the form: one column per cell of the table, in row-then-column order.
  const cells = layout.model.cells.filter((c) => c.role !== 'na').map((c) => c.cell);
  const top = lastRowOf(base) + 3;
  const header: CellValue[] = ['Chi tiết theo đơn vị: Mã đơn vị', 'Tên đơn vị', ...cells.map((c) => `${c.row}/${c.col}`)];
  const rows: CellValue[][] = agencies.map((a) => [a.code, a.name, ...cells.map((c) => a.figures.get(cellKey(c)) ?? null)]);
  const sumRow: CellValue[] = ['', 'Cộng', ...cells.map((_, i) => {
    const col = columnLetter(i + 3);
    return rows.length === 0 ? null : { formula: `=IF(COUNT(${col}${top + 1}:${col}${top + rows.length})=0,"",SUM(${col}${top + 1}:${col}${top + rows.length}))` };
  })];
  const lastCol = columnLetter(header.length);
  const bottom = top + rows.length + 1;
  return {
    ...base,
    name: totalsSheetName(form.code),
    tabColor: '#107C10',
    columns: [...base.columns, ...Array.from({ length: Math.max(0, header.length - base.columns.length) }, () => ({ width: 10 }))],
    blocks: [...base.blocks, { at: `A${top}`, rows: [header, ...rows, sumRow] }],
    styleRanges: [
      ...base.styleRanges,
      { range: `A${top}:${lastCol}${top}`, style: 'breakdownHeader' },
      { range: `A${top + 1}:${lastCol}${bottom}`, style: 'breakdownBody' },
      { range: `A${bottom}:${lastCol}${bottom}`, style: 'breakdownTotal' },
    ],
    styles: {
      ...base.styles,
      breakdownHeader: { bold: true, fill: '#107C10', fontColor: '#FFFFFF', wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin', fontSize: 10 },
      breakdownBody: { border: 'thin', fontSize: 10, numberFormat: '#,##0.###' },
      breakdownTotal: { bold: true, fill: '#F3F2F1' },
    },
    // The totals sheet is read, not filled in.
    validations: [],
    protection: { unlocked: [] },
    activeCell: cellRef(1, 1),
  };
}
