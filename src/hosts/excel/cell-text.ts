/**
 * The Office.js side of CellTextPort (src/app/cell-text.ts): reading what some cells hold, and writing text into them
 * with a record sheet beside them. The ExcelWorkbook's readTexts/writeTexts run these inside its Excel.run.
 *
 * - read: two syncs — every sheet's name and protection with the record sheet; then each wanted cell of a sheet that
 *   exists (its value, its formula, and on a protected sheet whether it is locked). A cell on a missing sheet cannot
 *   be asked for without failing the batch, hence the first sync. One sync when no cell is wanted.
 * - write: one sync (the record, then the texts; on the web one more per ~4 MB of commands).
 *
 * Text goes in through `Range.values` as typing does, so a text Excel could read as something else — "=…", "0123",
 * "15/3/2026" — gets the apostrophe that keeps it text (cell-input.ts). No protection is changed: the use case writes
 * only cells open to change (unlocked, or on an unprotected sheet).
 */
import { type CellAt, fillKey } from '../../app/cell-fill';
import type { CellContent, CellTextReading, TextChange } from '../../app/cell-text';
import type { Grid, GridValue } from '../../workbook/grid';
import type { SheetSpec } from '../../workbook/sheet-spec';
import { queueReset, queueSheetSpec } from './apply-spec';
import { excelInput } from './cell-input';
import type { ExcelFeature, ExcelFeatures } from './features';
import { jsonBytes, OPERATION_BYTES, RequestBudget } from './payload';
import { formulaOf } from './read-grid';
import { gridOf, USED_RANGE_PROPERTIES } from './read-sheets';

interface SheetRead {
  readonly ws: Excel.Worksheet;
  readonly protected: boolean;
}

interface CellRead {
  readonly at: CellAt;
  readonly range: Excel.Range;
  readonly lockState: Excel.FormatProtection | null;
}

/** What a cell's loaded `values` / `formulas` say it holds. */
function cellContent(c: CellRead): CellContent {
  const value: unknown = c.range.values[0]?.[0];
  const formula: unknown = c.range.formulas[0]?.[0];
  const plain: GridValue = typeof value === 'string' ? (value === '' ? null : value) : typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return {
    ...c.at,
    value: plain,
    // A text cell starting with "=" reads the same in both arrays; only a formula differs (read-grid.ts).
    formula: formulaOf(formula, value) !== null,
    locked: c.lockState !== null && c.lockState.locked !== false,
  };
}

export async function readCellTexts(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  budgetLimit: number,
  recordSheet: string,
  cellsFor: (record: Grid | null) => readonly CellAt[],
): Promise<CellTextReading> {
  const sheets = context.workbook.worksheets;
  sheets.load(features.protection ? 'items/name,items/protection/protected' : 'items/name');
  const recordWs = sheets.getItemOrNullObject(recordSheet);
  recordWs.load('name');
  const used = recordWs.getUsedRangeOrNullObject(true);
  used.load(USED_RANGE_PROPERTIES);
  await context.sync();

  const record = recordWs.isNullObject ? null : gridOf(recordWs.name, used.isNullObject ? null : used);
  const bySheet = new Map<string, SheetRead>();
  for (const ws of sheets.items) bySheet.set(ws.name.toLocaleLowerCase(), { ws, protected: features.protection && ws.protection.protected });
  const budget = new RequestBudget(budgetLimit, () => context.sync());
  const wanted: CellRead[] = [];
  for (const at of cellsFor(record)) {
    const sheet = bySheet.get(at.sheet.toLocaleLowerCase());
    if (!sheet) continue;
    await budget.reserve(6 * OPERATION_BYTES);
    const range = sheet.ws.getRange(at.cell);
    range.load('values,formulas');
    const lockState = sheet.protected ? range.format.protection.load('locked') : null;
    wanted.push({ at, range, lockState });
  }
  if (wanted.length > 0) await context.sync();
  const cells = new Map<string, CellContent>(wanted.map((c) => [fillKey(c.at), cellContent(c)]));
  return { cells, recordSheet, record };
}

export async function writeCellTexts(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  budgetLimit: number,
  changes: readonly TextChange[],
  reading: CellTextReading,
  record: SheetSpec | null,
): Promise<ReadonlySet<ExcelFeature>> {
  const sheets = context.workbook.worksheets;
  const skipped = new Set<ExcelFeature>();
  const budget = new RequestBudget(budgetLimit, () => context.sync());
  if (record) {
    const existed = reading.record !== null && record.name.toLocaleLowerCase() === reading.recordSheet.toLocaleLowerCase();
    await budget.reserve(12 * OPERATION_BYTES);
    const ws = existed ? sheets.getItem(record.name) : sheets.add(record.name);
    if (existed) queueReset(ws, features);
    await queueSheetSpec(ws, record, existed, { features, skipped, budget });
  }
  const bySheet = new Map<string, Excel.Worksheet>();
  for (const c of changes) {
    if (!reading.cells.has(fillKey(c))) continue;
    let ws = bySheet.get(c.sheet);
    if (!ws) {
      ws = sheets.getItem(c.sheet);
      bySheet.set(c.sheet, ws);
    }
    const input = excelInput(c.text);
    await budget.reserve(3 * OPERATION_BYTES + jsonBytes(input));
    ws.getRange(c.cell).values = [[input]];
  }
  if (!record && reading.record !== null) {
    // As queueDeleteSheet (excel-workbook.ts): a very hidden sheet is deleted only once made Hidden, in the same batch.
    const ws = sheets.getItem(reading.recordSheet);
    if (features.visibility) ws.visibility = 'Hidden';
    ws.delete();
  }
  await context.sync();
  return skipped;
}
