/**
 * The Office.js host: a WorkbookPort over the workbook open in Excel. The only module that runs `Excel.run`.
 *
 * Round trips are fixed, not proportional to the data:
 * - read: one sync (sheet names, and each requested sheet's used range with values and formulas);
 * - write: two syncs (which sheets exist and whether they are protected; then everything else), plus one per
 *   ~4 MB of commands on Excel on the web, whose requests may not exceed 5 MB;
 * - selectRange: one sync.
 */
import type { WorkbookPort, WorkbookSnapshot } from '../../app/workbook-port';
import { rangeRef } from '../../workbook/a1';
import type { Grid } from '../../workbook/grid';
import type { SheetSpec } from '../../workbook/sheet-spec';
import { type ApplyState, queueReset, queueSheetSpec } from './apply-spec';
import { detectExcelFeatures, detectHostPlatform, type ExcelFeature, type ExcelFeatures, featuresUpTo, MANIFEST_MIN_EXCEL_API } from './features';
import { DEFAULT_REQUEST_BUDGET, OPERATION_BYTES, RequestBudget } from './payload';
import { usedRangeToGrid } from './read-grid';

/** Runs a batch of Office.js commands; `Excel.run` in Excel, a fake in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** What this Excel supports; detected from Office.context.requirements when absent. */
  readonly features?: ExcelFeatures | (() => ExcelFeatures);
  /**
   * Most bytes of commands sent in one sync. Default: 4 MB on Excel on the web (and when the platform is unknown),
   * unbounded on desktop, which has no request size limit.
   */
  readonly requestBudget?: number;
}

const defaultRunner: ExcelRunner = (batch) => Excel.run(batch);

/** Cells read per slice when a sheet is too large for one response (Excel on the web: 5 MB per response). */
const READ_SLICE_CELLS = 10_000;

export class ExcelWorkbook implements WorkbookPort {
  /** Features the last write needed but this Excel lacks (those parts were left out, not failed). */
  lastWriteSkipped: string[] = [];

  private readonly run: ExcelRunner;

  constructor(
    runner?: ExcelRunner,
    private readonly options: ExcelWorkbookOptions = {},
  ) {
    this.run = runner ?? defaultRunner;
  }

  private features(): ExcelFeatures {
    const f = this.options.features;
    if (f !== undefined) return typeof f === 'function' ? f() : f;
    const detected = detectExcelFeatures();
    // Excel.run works but the requirement sets could not be read: assume what the manifest requires.
    return detected.detected ? detected : featuresUpTo(MANIFEST_MIN_EXCEL_API);
  }

  private requestBudget(): number {
    if (this.options.requestBudget !== undefined) return this.options.requestBudget;
    return detectHostPlatform() === 'desktop' ? Number.POSITIVE_INFINITY : DEFAULT_REQUEST_BUDGET;
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    try {
      return await this.run((context) => readAtOnce(context, sheetNames));
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      // Only a sheet of several megabytes gets here, and only on the web: read it again in slices.
      return this.run((context) => readInSlices(context, sheetNames));
    }
  }

  async write(specs: readonly SheetSpec[], options: { readonly activate?: string } = {}): Promise<void> {
    const features = this.features();
    const skipped = new Set<ExcelFeature>();
    const limit = this.requestBudget();
    this.lastWriteSkipped = [];
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      // Sync 1: which sheets exist, and which of them are protected.
      const targets = specs.map((spec) => {
        const ws = sheets.getItemOrNullObject(spec.name);
        if (features.protection) ws.protection.load('protected');
        return { spec, ws };
      });
      const activateSpec = options.activate === undefined ? undefined : targets.find((t) => sameName(t.spec.name, options.activate ?? ''));
      const other = options.activate !== undefined && !activateSpec ? sheets.getItemOrNullObject(options.activate) : undefined;
      await context.sync();

      // Sync 2 (and, on the web, one more per budget of commands): everything else.
      const budget = new RequestBudget(limit, () => context.sync());
      const state: ApplyState = { features, skipped, budget };
      const written = new Map<string, Excel.Worksheet>();
      for (const { spec, ws: found } of targets) {
        const existed = !found.isNullObject;
        await budget.reserve(12 * OPERATION_BYTES);
        const ws = existed ? found : sheets.add(spec.name);
        if (existed) queueReset(ws, features.protection && found.protection.protected, features);
        await queueSheetSpec(ws, spec, existed, state);
        written.set(spec.name, ws);
      }
      if (activateSpec) {
        const ws = written.get(activateSpec.spec.name);
        const visible = (activateSpec.spec.visibility ?? 'visible') === 'visible';
        if (ws && visible) {
          ws.activate();
          if (activateSpec.spec.activeCell) ws.getRange(activateSpec.spec.activeCell).select();
        }
      } else if (other && !other.isNullObject) {
        other.activate();
      }
      await context.sync();
    });
    this.lastWriteSkipped = [...skipped];
  }

  /** Shows a range to the user: activates its sheet and selects it. */
  async selectRange(sheetName: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

async function readAtOnce(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const wanted = sheetNames.map((name) => {
    const ws = sheets.getItemOrNullObject(name);
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,values,formulas,rowIndex,columnIndex');
    return { name, ws, used };
  });
  await context.sync();
  const grids = new Map<string, Grid | null>();
  for (const { name, ws, used } of wanted) {
    if (ws.isNullObject) grids.set(name, null);
    else grids.set(name, usedRangeToGrid(ws.name, used.isNullObject ? null : used));
  }
  return { sheetNames: sheets.items.map((s) => s.name), grids };
}

/** The same result as readAtOnce, for sheets whose used range would exceed one response. */
async function readInSlices(context: Excel.RequestContext, sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const wanted = sheetNames.map((name) => {
    const ws = sheets.getItemOrNullObject(name);
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name, ws, used };
  });
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
    grids.set(name, usedRangeToGrid(ws.name, { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values, formulas }));
  }
  return { sheetNames: sheets.items.map((s) => s.name), grids };
}

/** Excel on the web refused a request or response for its size. */
function isPayloadLimit(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code);
}
