/**
 * Applies a SheetSpec to an ExcelJS workbook: the file host's half of "one layout, two hosts".
 */
import type ExcelJS from 'exceljs';
import { toExcelSerial, utcDateOf, mustDay } from '../../domain/calendar';
import { parseRange } from '../../workbook/a1';
import { cellText } from '../../workbook/cell-text';
import { type CellStyle, type CellValue, type SheetSpec, type Validation, assertSheetSpec, isDate, isFormula, listSource } from '../../workbook/sheet-spec';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function cellContent(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isFormula(v)) return { formula: v.formula.replace(/^=/, ''), date1904: false } as ExcelJS.CellFormulaValue;
  if (isDate(v)) return toExcelSerial(v.date);
  return typeof v === 'string' ? cellText(v) : v;
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    cell.font = {
      ...cell.font,
      name: cell.font?.name ?? 'Times New Roman',
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
      ...(s.fontColor !== undefined ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.hAlign !== undefined || s.vAlign !== undefined || s.wrap !== undefined || s.indent !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(s.hAlign !== undefined ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign !== undefined ? { vertical: s.vAlign } : {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.indent !== undefined ? { indent: s.indent } : {}),
    };
  }
  if (s.numberFormat !== undefined) cell.numFmt = s.numberFormat;
  if (s.border === 'thin') {
    const edge: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8A8886' } };
    cell.border = { top: edge, left: edge, bottom: edge, right: edge };
  } else if (s.border === 'none') {
    cell.border = {};
  }
}

function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const r = parseRange(range);
  for (let row = r.top; row <= r.bottom; row++) {
    const wsRow = ws.getRow(row);
    for (let col = r.left; col <= r.right; col++) fn(wsRow.getCell(col));
  }
}

/** The product's sheet protection: no password; selecting cells and resizing rows and columns stay allowed. */
export async function protectAsProduct(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

const DEFAULT_DATE_MIN = mustDay(2000, 1, 1);
const DEFAULT_DATE_MAX = mustDay(2100, 12, 31);

/** Replaces (or creates) the spec's sheet in `wb` and fills it as the spec says. */
export async function applySheetSpec(wb: ExcelJS.Workbook, spec: SheetSpec): Promise<ExcelJS.Worksheet> {
  assertSheetSpec(spec);
  const old = wb.getWorksheet(spec.name);
  let orderNo: number | undefined;
  if (old) {
    orderNo = (old as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(spec.name, {
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {},
    views: [
      spec.freeze
        ? { state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows, activeCell: spec.activeCell }
        : { state: 'normal', activeCell: spec.activeCell },
    ],
  });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  if (spec.visibility && spec.visibility !== 'visible') ws.state = spec.visibility;

  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  });
  for (const { row, height } of spec.rowHeights ?? []) ws.getRow(row).height = height;

  for (const block of spec.blocks) {
    const at = parseRange(block.at);
    block.rows.forEach((values, i) => {
      const row = ws.getRow(at.top + i);
      values.forEach((v, j) => {
        if (v !== null) row.getCell(at.left + j).value = cellContent(v);
      });
    });
  }
  for (const { range, style } of spec.styleRanges) {
    const s = spec.styles[style];
    if (!s) throw new Error(`SheetSpec ${spec.name}: unknown style ${style}`);
    forEachCell(ws, range, (cell) => applyStyle(cell, s));
  }
  for (const m of spec.merges) ws.mergeCells(m);

  for (const v of spec.validations) addValidation(ws, v);

  spec.conditionalFormats.forEach((cf, i) => {
    if (cf.type === 'expression') {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'expression',
            priority: i + 1,
            formulae: [cf.formula.replace(/^=/, '')],
            ...(cf.stopIfTrue ? { stopIfTrue: true } : {}),
            style: {
              ...(cf.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } } } : {}),
              ...(cf.fontColor || cf.bold ? { font: { ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}), ...(cf.bold ? { bold: true } : {}) } } : {}),
            },
          } as ExcelJS.ConditionalFormattingRule,
        ],
      });
    } else {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'dataBar',
            priority: i + 1,
            gradient: false,
            cfvo: [{ type: 'num', value: cf.min }, { type: 'num', value: cf.max }],
            color: { argb: argb(cf.color) },
          } as ExcelJS.ConditionalFormattingRule,
        ],
      });
    }
  });

  if (spec.protection) {
    for (const range of spec.protection.unlocked) forEachCell(ws, range, (cell) => (cell.protection = { locked: false }));
    await protectAsProduct(ws);
  }

  if (spec.print) {
    const p = spec.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: p.fitToWidth ? 1 : 0,
      fitToHeight: 0,
      horizontalCentered: p.centerHorizontally ?? false,
      ...(p.margins ? { margins: { ...p.margins, header: 0.3, footer: 0.3 } } : {}),
      ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
    };
  }
  return ws;
}

/** Adds a validation to a sheet as ExcelJS writes it (a list's source as listSource gives it). */
export function addValidation(ws: ExcelJS.Worksheet, v: Validation): void {
  const common = {
    allowBlank: v.allowBlank,
    showInputMessage: v.prompt !== undefined,
    promptTitle: v.prompt?.title,
    prompt: v.prompt?.message,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: v.error?.title,
    error: v.error?.message,
  };
  let dv: ExcelJS.DataValidation;
  switch (v.rule.type) {
    case 'list': {
      const source = listSource(v.rule);
      dv = { ...common, type: 'list', formulae: [source.kind === 'literal' ? `"${source.text}"` : source.ref] };
      break;
    }
    case 'whole':
    case 'decimal': {
      const { min, max } = v.rule;
      dv =
        max === undefined
          ? { ...common, type: v.rule.type, operator: 'greaterThanOrEqual', formulae: [min ?? 0] }
          : { ...common, type: v.rule.type, operator: 'between', formulae: [min ?? 0, max] };
      break;
    }
    case 'custom':
      dv = { ...common, type: 'custom', formulae: [v.rule.formula] };
      break;
    case 'date':
      dv = {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: [utcDateOf(v.rule.min ?? DEFAULT_DATE_MIN), utcDateOf(v.rule.max ?? DEFAULT_DATE_MAX)],
      };
      break;
  }
  (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, dv);
}
