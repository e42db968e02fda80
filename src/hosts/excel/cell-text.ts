/**
 * The Office.js side of CellTextPort (src/app/cell-text.ts): reading what some cells hold, and writing text into them
 * with a record sheet beside them. The ExcelWorkbook's readTexts/writeTexts run these inside its Excel.run.
 *
 * - read: one sync when the cells are known and their sheets are there (converting what a check just found): the
 *   record sheet, each cell's value, formula and lock, its sheet's protection. Otherwise (undoing: the cells come from
 *   the record; or a sheet has gone) two syncs — every sheet's name and protection with the record sheet, then each
 *   wanted cell of a sheet that exists: a cell on a missing sheet cannot be asked for without failing the batch.
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
import { queueSheetGrid } from './read-sheets';

interface CellRead {
  readonly at: CellAt;
  readonly range: Excel.Range;
  /** The cell's lock, loaded when protection can be read. */
  readonly lockState: Excel.FormatProtection | null;
  /** Whether its sheet is protected (read after the sync). */
  readonly sheetProtected: () => boolean;
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
    locked: c.lockState !== null && c.sheetProtected() && c.lockState.locked !== false,
  };
}

function queueCell(at: CellAt, ws: Excel.Worksheet, features: ExcelFeatures, sheetProtected: () => boolean): CellRead {
  const range = ws.getRange(at.cell);
  range.load('values,formulas');
  const lockState = features.protection ? range.format.protection.load('locked') : null;
  return { at, range, lockState, sheetProtected };
}

function readingOf(wanted: readonly CellRead[], recordSheet: string, record: Grid | null): CellTextReading {
  return { cells: new Map<string, CellContent>(wanted.map((c) => [fillKey(c.at), cellContent(c)])), recordSheet, record };
}

/**
 * One sync: the record and `cells`, whose sheets are expected to exist (the check just read them). A missing sheet
 * fails the batch (ItemNotFound) before anything is read; the caller then reads in two syncs (readCellTexts).
 */
export async function readKnownCells(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  budgetLimit: number,
  recordSheet: string,
  cells: readonly CellAt[],
): Promise<CellTextReading> {
  const sheets = context.workbook.worksheets;
  const record = queueSheetGrid(sheets, recordSheet);
  const bySheet = new Map<string, Excel.Worksheet>();
  const budget = new RequestBudget(budgetLimit, () => context.sync());
  const wanted: CellRead[] = [];
  for (const at of cells) {
    const key = at.sheet.toLocaleLowerCase();
    const ws = bySheet.get(key) ?? sheets.getItem(at.sheet);
    if (!bySheet.has(key)) {
      if (features.protection) ws.protection.load('protected');
      bySheet.set(key, ws);
    }
    await budget.reserve(6 * OPERATION_BYTES);
    wanted.push(queueCell(at, ws, features, () => features.protection && ws.protection.protected));
  }
  await context.sync();
  return readingOf(wanted, recordSheet, record.read());
}

/** Two syncs: every sheet with its protection and the record; then the cells `cellsFor(record)` names on sheets that exist. */
export async function readCellTexts(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  budgetLimit: number,
  recordSheet: string,
  cellsFor: (record: Grid | null) => readonly CellAt[],
): Promise<CellTextReading> {
  const sheets = context.workbook.worksheets;
  sheets.load(features.protection ? 'items/name,items/protection/protected' : 'items/name');
  const queued = queueSheetGrid(sheets, recordSheet);
  await context.sync();

  const record = queued.read();
  const bySheet = new Map<string, Excel.Worksheet>();
  for (const ws of sheets.items) bySheet.set(ws.name.toLocaleLowerCase(), ws);
  const budget = new RequestBudget(budgetLimit, () => context.sync());
  const wanted: CellRead[] = [];
  for (const at of cellsFor(record)) {
    const ws = bySheet.get(at.sheet.toLocaleLowerCase());
    if (!ws) continue;
    await budget.reserve(6 * OPERATION_BYTES);
    const isProtected = features.protection && ws.protection.protected;
    wanted.push(queueCell(at, ws, features, () => isProtected));
  }
  if (wanted.length > 0) await context.sync();
  return readingOf(wanted, recordSheet, record);
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
