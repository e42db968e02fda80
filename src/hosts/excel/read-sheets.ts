/**
 * Reading sheets through Office.js: each named sheet's used range (values only) with its values and formulas.
 *
 * One sync reads everything; a sheet too large for one response of Excel on the web (5 MB) is read again in slices.
 * "On all platforms, a range is limited to five million cells for get operations", and past that limit a read
 * "doesn't always throw an error. In some cases, `Range.values` returns `null` instead" (Excel JavaScript API
 * performance; OfficeDev/office-js#4783). A user who typed something far from the data makes such a used range, so
 * both outcomes become a WorkbookAccessError that names the sheet and its used range.
 */
import { WorkbookAccessError } from '../../app/workbook-access-error';
import type { WorkbookSnapshot } from '../../app/workbook-port';
import { rangeRef } from '../../workbook/a1';
import type { Grid } from '../../workbook/grid';
import { usedRangeToGrid } from './read-grid';

/** Cells one read may return, on every platform. */
export const READ_CELL_LIMIT = 5_000_000;
/** Cells read per slice when a sheet is too large for one response (Excel on the web: 5 MB per response). */
const READ_SLICE_CELLS = 10_000;

type UsedRange = Pick<Excel.Range, 'address' | 'rowCount' | 'columnCount'>;

function tooLarge(sheet: string, used: UsedRange): WorkbookAccessError {
  const address = used.address.slice(used.address.lastIndexOf('!') + 1);
  return new WorkbookAccessError({ kind: 'sheet-too-large', sheet, address, cells: used.rowCount * used.columnCount });
}

/**
 * The grid of a sheet from its used range loaded with address, rowCount, columnCount, values, formulas, rowIndex and
 * columnIndex (null: an empty sheet). Values that did not come back (null) or a range over the limit: too large.
 */
export function gridOf(name: string, used: Excel.Range | null): Grid {
  if (used === null) return usedRangeToGrid(name, null);
  const values: unknown = used.values;
  const formulas: unknown = used.formulas;
  if (used.rowCount * used.columnCount > READ_CELL_LIMIT || !Array.isArray(values) || !Array.isArray(formulas)) throw tooLarge(name, used);
  return usedRangeToGrid(name, used);
}

/** Queues the sheet list and, for each named sheet, its used range with `properties` (no sync). */
function queueUsedRanges(context: Excel.RequestContext, sheetNames: readonly string[], properties: string, sheetProperties = 'items/name') {
  const sheets = context.workbook.worksheets;
  // One load of the collection: a second would bring its items again, without what the first asked for.
  sheets.load(sheetProperties);
  return { sheets, wanted: sheetNames.map((name) => queueUsedRange(sheets, name, properties)) };
}

/** Queues one sheet (its name) and its used range with `properties` (no sync). */
function queueUsedRange(sheets: Excel.WorksheetCollection, name: string, properties: string) {
  const ws = sheets.getItemOrNullObject(name);
  ws.load('name');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(properties);
  return { name, ws, used };
}

/** Once synced, the grid of a sheet queued with USED_RANGE_PROPERTIES (null: no such sheet). */
function gridRead(ws: Excel.Worksheet, used: Excel.Range): Grid | null {
  return ws.isNullObject ? null : gridOf(ws.name, used.isNullObject ? null : used);
}

/** The properties of a used range that gridOf needs. */
export const USED_RANGE_PROPERTIES = 'address,rowCount,columnCount,values,formulas,rowIndex,columnIndex';

/** Queues one sheet and its used range (values and formulas); `read` gives its grid once synced (null: no such sheet). */
export function queueSheetGrid(sheets: Excel.WorksheetCollection, name: string): { read: () => Grid | null } {
  const { ws, used } = queueUsedRange(sheets, name, USED_RANGE_PROPERTIES);
  return { read: () => gridRead(ws, used) };
}

/**
 * The named sheets' grids, in one sync. `sheetProperties`: what to load of every sheet besides its name (e.g. its
 * protection), given to `withSheets` once synced.
 */
export async function readAtOnce(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  sheetProperties?: { readonly load: string; readonly withSheets: (sheets: readonly Excel.Worksheet[]) => void },
): Promise<WorkbookSnapshot> {
  const { sheets, wanted } = queueUsedRanges(context, sheetNames, USED_RANGE_PROPERTIES, sheetProperties?.load);
  await context.sync();
  sheetProperties?.withSheets(sheets.items);
  const grids = new Map<string, Grid | null>();
  for (const { name, ws, used } of wanted) grids.set(name, gridRead(ws, used));
  return { sheetNames: sheets.items.map((s) => s.name), grids };
}

/**
 * After a read that failed for another reason than its size in bytes: the first named sheet whose used range is over
 * the cell limit, as a WorkbookAccessError (one sync: addresses and sizes only); null when none is.
 */
export async function oversizedSheet(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<WorkbookAccessError | null> {
  const { wanted } = queueUsedRanges(context, sheetNames, 'address,rowCount,columnCount');
  await context.sync();
  for (const { ws, used } of wanted) {
    if (!ws.isNullObject && !used.isNullObject && used.rowCount * used.columnCount > READ_CELL_LIMIT) return tooLarge(ws.name, used);
  }
  return null;
}

/** The same result as readAtOnce, for sheets whose used range would exceed one response. */
export async function readInSlices(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
  const { sheets, wanted } = queueUsedRanges(context, sheetNames, 'address,rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  const grids = new Map<string, Grid | null>();
  for (const { name, ws, used } of wanted) {
    if (ws.isNullObject) {
      grids.set(name, null);
      continue;
    }
    if (used.isNullObject) {
      grids.set(name, usedRangeToGrid(ws.name, null));
      continue;
    }
    if (used.rowCount * used.columnCount > READ_CELL_LIMIT) throw tooLarge(ws.name, used);
    grids.set(name, await readSlices(context, ws, used));
  }
  return { sheetNames: sheets.items.map((s) => s.name), grids };
}

async function readSlices(context: Excel.RequestContext, ws: Excel.Worksheet, used: Excel.Range): Promise<Grid> {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const top = used.rowIndex + 1;
  const left = used.columnIndex + 1;
  const right = left + used.columnCount - 1;
  const bottom = top + used.rowCount - 1;
  let rowsPerSlice = Math.max(1, Math.floor(READ_SLICE_CELLS / used.columnCount));
  for (let row = top; row <= bottom; ) {
    const last = Math.min(bottom, row + rowsPerSlice - 1);
    const slice = ws.getRange(rangeRef(row, left, last, right));
    slice.load('values,formulas');
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadLimit(e) || rowsPerSlice === 1) throw e;
      rowsPerSlice = Math.max(1, Math.floor(rowsPerSlice / 2));
      continue;
    }
    values.push(...slice.values);
    formulas.push(...slice.formulas);
    row = last + 1;
  }
  return usedRangeToGrid(ws.name, { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values, formulas });
}

/** Excel on the web refused a request or response for its size. */
export function isPayloadLimit(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code);
}
