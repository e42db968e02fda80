/**
 * Applies a SheetSpec to an ExcelJS workbook: the file host's half of "one layout, two hosts".
 */
import type ExcelJS from 'exceljs';
import { utcDateOf, mustDay } from '../../domain/calendar';
import { type SheetSpec, type Validation, assertSheetSpec, listSource } from '../../workbook/sheet-spec';
import { specRows } from './spec-cells';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** The product's sheet protection: no password; selecting cells and resizing rows and columns stay allowed. */
export async function protectAsProduct(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/** Whether the sheet is protected (by the product, or by the user with a password of their own). */
export function isSheetProtected(ws: ExcelJS.Worksheet): boolean {
  return (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet === true;
}

/** A sheet kept protected: protected again as the product does when unprotected; its own protection left as it is. */
export async function protectAgain(ws: ExcelJS.Worksheet): Promise<void> {
  if (!isSheetProtected(ws)) await protectAsProduct(ws);
}

const DEFAULT_DATE_MIN = mustDay(2000, 1, 1);
const DEFAULT_DATE_MAX = mustDay(2100, 12, 31);

/** A new sheet's options: tab colour, view (frozen panes, active cell) and visibility when not visible. */
export function sheetOptions(spec: SheetSpec): Partial<ExcelJS.AddWorksheetOptions> & { state?: ExcelJS.WorksheetState } {
  return {
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {},
    views: [
      spec.freeze
        ? { state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows, activeCell: spec.activeCell }
        : { state: 'normal', activeCell: spec.activeCell },
    ],
    ...(spec.visibility && spec.visibility !== 'visible' ? { state: spec.visibility } : {}),
  };
}

/** The page setup a spec asks for (over ExcelJS's defaults); undefined when it asks for none. */
export function pageSetupOf(spec: SheetSpec): Partial<ExcelJS.PageSetup> | undefined {
  const p = spec.print;
  if (!p) return undefined;
  return {
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: p.fitToWidth,
    fitToWidth: p.fitToWidth ? 1 : 0,
    fitToHeight: 0,
    horizontalCentered: p.centerHorizontally ?? false,
    ...(p.margins ? { margins: { ...p.margins, header: 0.3, footer: 0.3 } } : {}),
    ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
    ...(p.titleColumns ? { printTitlesColumn: p.titleColumns } : {}),
  };
}

/** Replaces (or creates) the spec's sheet in `wb` and fills it as the spec says. */
export async function applySheetSpec(wb: ExcelJS.Workbook, spec: SheetSpec): Promise<ExcelJS.Worksheet> {
  assertSheetSpec(spec);
  const old = wb.getWorksheet(spec.name);
  let orderNo: number | undefined;
  if (old) {
    orderNo = (old as unknown as { orderNo: number }).orderNo;
    wb.removeWorksheet(old.id);
  }
  const { state, ...options } = sheetOptions(spec);
  const ws = wb.addWorksheet(spec.name, options);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  if (state !== undefined) ws.state = state;

  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  });
  for (const { row, height } of spec.rowHeights ?? []) ws.getRow(row).height = height;

  // Values and styles (the unlocked ranges' included), cell by cell, each style one object shared by its cells.
  for (const [r, cells] of specRows(spec)) {
    const row = ws.getRow(r);
    for (const c of cells) {
      const cell = row.getCell(c.col);
      if (c.value !== undefined) cell.value = c.value;
      if (c.style !== null) cell.style = c.style;
    }
  }
  for (const m of spec.merges) ws.mergeCells(m);

  for (const v of spec.validations) addValidation(ws, v);

  addConditionalFormats(ws, spec);

  if (spec.protection) await protectAsProduct(ws);

  const pageSetup = pageSetupOf(spec);
  if (pageSetup) ws.pageSetup = { ...ws.pageSetup, ...pageSetup };
  return ws;
}

/** Adds the spec's conditional formats to a sheet, in order (each its own priority). */
export function addConditionalFormats(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
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
