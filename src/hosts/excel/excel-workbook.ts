/**
 * The Office.js host: a WorkbookPort over the workbook open in Excel. The only module that runs `Excel.run`.
 *
 * Round trips are fixed, not proportional to the data:
 * - read: one sync (sheet names and every sheet's protection, and each requested sheet's used range with values and
 *   formulas); a used range over five million cells is named in a WorkbookAccessError (read-sheets.ts);
 * - write: two syncs (which sheets exist and whether they are protected, with the product's sheets the write must
 *   leave protected and those whose validations it sets again; then everything else, revalidate.ts, the kept sheets
 *   the user unprotected protected again, protected sheets
 *   unprotected first so that a password stops the batch before anything is written: protection.ts), plus one per
 *   ~4 MB of commands on Excel on the web, whose requests may not exceed 5 MB; one sync fewer when the caller read
 *   just before (WriteOptions.fromRead: the sheets' state is the read's);
 * - selectRange: one sync;
 * - readFills: one sync (the cells' fills, the highlight record, every sheet's protection);
 * - setFills: one sync (protected sheets unprotected, the record, the fills; on the web one more per ~4 MB);
 * - recalculate: one sync;
 * - readTexts: one sync for cells known up front, else two; writeTexts: one sync (cell-text.ts).
 */
import { type CellAt, type Fill, type FillChange, type FillPort, type FillReading, type SheetAccess, fillKey } from '../../app/cell-fill';
import type { CellTextPort, CellTextReading, TextChange } from '../../app/cell-text';
import type { WorkbookPort, WorkbookSnapshot, WriteOptions } from '../../app/workbook-port';
import type { Grid } from '../../workbook/grid';
import { builtSheet, type SheetSource, type SheetSpec } from '../../workbook/sheet-spec';
import { type ApplyState, PRODUCT_PROTECTION, queueReset, queueSheetSpec } from './apply-spec';
import { detectExcelFeatures, detectHostPlatform, type ExcelFeature, type ExcelFeatures, featuresUpTo, MANIFEST_MIN_EXCEL_API } from './features';
import { DEFAULT_REQUEST_BUDGET, OPERATION_BYTES, RequestBudget } from './payload';
import {
  checkedSync,
  detectPasswordState,
  type GuardedSheet,
  queueUnprotect,
  refusePasswordProtected,
} from './protection';
import { readCellTexts, readKnownCells, writeCellTexts } from './cell-text';
import { queueRevalidations } from './revalidate';
import { isPayloadLimit, oversizedSheet, queueSheetGrid, readAtOnce, readInSlices } from './read-sheets';
import {
  loadSheetStates,
  READ_STILL_FRESH_MS,
  type SheetState,
  type SheetStates,
  sheetStateOf,
  sheetKey,
  sheetStateProperties,
  sheetStatesOf,
} from './sheet-states';

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
  /** Whether WorksheetProtection.isPasswordProtected can be read (ExcelApiOnline 1.1); detected when absent. */
  readonly passwordState?: boolean;
}

const defaultRunner: ExcelRunner = (batch) => Excel.run(batch);

export class ExcelWorkbook implements WorkbookPort, FillPort, CellTextPort {
  /** Features the last write needed but this Excel lacks (those parts were left out, not failed). */
  lastWriteSkipped: string[] = [];
  /** Every sheet's protection as the last read found it, for a write that follows it (WriteOptions.fromRead). */
  private lastRead: { readonly states: SheetStates; readonly at: number } | null = null;

  private readonly run: ExcelRunner;

  constructor(
    runner?: ExcelRunner,
    private readonly options: ExcelWorkbookOptions = {},
  ) {
    const run = runner ?? defaultRunner;
    // Any batch makes the sheet states of the last read stale for a write (only the read's own batch sets them again).
    this.run = (batch) => {
      this.lastRead = null;
      return run(batch);
    };
  }

  private features(): ExcelFeatures {
    const f = this.options.features;
    if (f !== undefined) return typeof f === 'function' ? f() : f;
    const detected = detectExcelFeatures();
    // Excel.run works but the requirement sets could not be read: assume what the manifest requires.
    return detected.detected ? detected : featuresUpTo(MANIFEST_MIN_EXCEL_API);
  }

  private passwordState(): boolean {
    return this.features().protection && (this.options.passwordState ?? detectPasswordState());
  }

  private requestBudget(): number {
    if (this.options.requestBudget !== undefined) return this.options.requestBudget;
    return detectHostPlatform() === 'desktop' ? Number.POSITIVE_INFINITY : DEFAULT_REQUEST_BUDGET;
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    const features = this.features();
    const passwords = this.passwordState();
    try {
      return await this.run(async (context) => {
        // In the same sync: every sheet's protection, for a write that follows in the same action (WriteOptions.fromRead).
        return readAtOnce(context, sheetNames, {
          load: sheetStateProperties(features, passwords),
          withSheets: (items) => (this.lastRead = { states: sheetStatesOf(items, features, passwords), at: Date.now() }),
        });
      });
    } catch (e) {
      if (isPayloadLimit(e)) {
        // Only a sheet of several megabytes gets here, and only on the web: read it again in slices.
        return this.run((context) => readInSlices(context, sheetNames));
      }
      // A read of more than five million cells may throw instead of returning null: name the sheet if that was it.
      const oversized = await this.run((context) => oversizedSheet(context, sheetNames)).catch(() => null);
      throw oversized ?? e;
    }
  }

  async write(sources: readonly SheetSource[], options: WriteOptions = {}): Promise<void> {
    // All the sheets go into the same requests: each is built now.
    const specs = sources.map(builtSheet);
    const features = this.features();
    const skipped = new Set<ExcelFeature>();
    const limit = this.requestBudget();
    const passwords = this.passwordState();
    const read = this.lastRead;
    const asRead = options.fromRead === true && read !== null && Date.now() - read.at < READ_STILL_FRESH_MS ? read.states : null;
    this.lastWriteSkipped = [];
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const replaced = new Set(specs.map((s) => sheetKey(s.name)));
      const revalidations = (options.revalidate ?? []).filter((r) => !replaced.has(sheetKey(r.sheet)));
      const kept = features.protection ? [...new Map((options.keepProtected ?? []).filter((n) => !replaced.has(sheetKey(n))).map((n) => [sheetKey(n), n])).values()] : [];
      // Sync 1 (unless the read just before found them): which sheets exist, and which are protected and how.
      const states =
        asRead ??
        (await loadSheetStates(context, sheets, [...specs.map((s) => s.name), ...kept, ...revalidations.map((r) => r.sheet), ...(options.activate ? [options.activate] : [])], features, passwords));
      const stateOf = (name: string): SheetState | undefined => states.get(sheetKey(name));
      const proxies = new Map<string, Excel.Worksheet>();
      const proxy = (name: string): Excel.Worksheet => {
        let ws = proxies.get(sheetKey(name));
        if (!ws) {
          ws = sheets.getItem(name);
          proxies.set(sheetKey(name), ws);
        }
        return ws;
      };

      // Sync 2 (and, on the web, one more per budget of commands): everything else, after unprotecting every protected
      // sheet first, so that a sheet with a password stops the batch before anything is written.
      const isProtected = (name: string): boolean => features.protection && stateOf(name)?.protected === true;
      const protectedNames = [...specs.map((s) => s.name), ...revalidations.map((r) => r.sheet)].filter(isProtected);
      if (passwords) refusePasswordProtected(protectedNames.map((name) => ({ name, passwordProtected: stateOf(name)?.passwordProtected === true })));
      const guarded: GuardedSheet[] = protectedNames.map((name) => ({ name, ws: proxy(name), options: stateOf(name)?.options }));
      queueUnprotect(guarded);
      const sync = checkedSync(context, guarded);
      const budget = new RequestBudget(limit, sync);
      await budget.reserve(guarded.length * 2 * OPERATION_BYTES);
      const state: ApplyState = { features, skipped, budget };
      const written = new Map<string, Excel.Worksheet>();
      for (const spec of specs) {
        const existed = stateOf(spec.name) !== undefined;
        await budget.reserve(12 * OPERATION_BYTES);
        const ws = existed ? proxy(spec.name) : sheets.add(spec.name);
        if (existed) queueReset(ws, features);
        await queueSheetSpec(ws, spec, existed, state);
        written.set(spec.name, ws);
      }
      const revalidated = revalidations.filter((r) => stateOf(r.sheet) !== undefined);
      await queueRevalidations(revalidated.map((revalidation) => ({ revalidation, ws: proxy(revalidation.sheet) })), state);
      // A revalidated sheet that was protected is protected again as it was (a replaced one is protected by its spec).
      for (const g of guarded.filter((g) => revalidated.some((r) => sameName(r.sheet, g.name)))) {
        await budget.reserve(2 * OPERATION_BYTES);
        g.ws.protection.protect(g.options);
      }
      // The product's sheets this write leaves alone but that must end protected (the user may have unprotected them):
      // only those not protected now — "WorksheetProtection.protect() … now throw AccessDenied when called on already
      // protected … worksheets" (office-js#6784).
      const reprotect = kept.filter((name) => stateOf(name) !== undefined && !isProtected(name));
      await budget.reserve(reprotect.length * 2 * OPERATION_BYTES);
      for (const name of reprotect) proxy(name).protection.protect(PRODUCT_PROTECTION);
      const activateSpec = options.activate === undefined ? undefined : specs.find((s) => sameName(s.name, options.activate ?? ''));
      if (activateSpec) {
        const ws = written.get(activateSpec.name);
        const visible = (activateSpec.visibility ?? 'visible') === 'visible';
        if (ws && visible) {
          ws.activate();
          if (activateSpec.activeCell) ws.getRange(activateSpec.activeCell).select();
        }
      } else if (options.activate !== undefined && stateOf(options.activate) !== undefined) {
        proxy(options.activate).activate();
      }
      await sync();
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

  async readTexts(recordSheet: string, cells: readonly CellAt[] | ((record: Grid | null) => readonly CellAt[])): Promise<CellTextReading> {
    const features = this.features();
    const limit = this.requestBudget();
    if (typeof cells !== 'function') {
      const known = cells;
      try {
        return await this.run((context) => readKnownCells(context, features, limit, recordSheet, known));
      } catch {
        // A sheet has gone since the check (or the read failed): read the sheets first; a lasting failure throws there.
      }
    }
    const cellsFor = typeof cells === 'function' ? cells : () => cells;
    return this.run((context) => readCellTexts(context, features, limit, recordSheet, cellsFor));
  }

  async writeTexts(changes: readonly TextChange[], reading: CellTextReading, record: SheetSpec | null): Promise<void> {
    const features = this.features();
    const limit = this.requestBudget();
    this.lastWriteSkipped = [...(await this.run((context) => writeCellTexts(context, features, limit, changes, reading, record)))];
  }

  /** Full recalculation, so =TODAY() and every formula that depends on it show today's values. */
  async recalculate(): Promise<void> {
    await this.run(async (context) => {
      context.workbook.application.calculate('Full');
      await context.sync();
    });
  }

  /**
   * The fill of each cell (null for "no fill"), the record sheet `recordSheet` and every sheet's protection, in one
   * sync. Excel reports "#FFFFFF" both for no fill and for a white fill; from ExcelApi 1.9 tintAndShade tells them
   * apart (null without fill). Without it, white reads as no fill, which looks the same once given back.
   */
  async readFills(cells: readonly CellAt[], recordSheet: string): Promise<FillReading> {
    const features = this.features();
    const limit = this.requestBudget();
    const passwords = this.passwordState();
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load(sheetStateProperties(features, passwords));
      const record = queueSheetGrid(sheets, recordSheet);
      const budget = new RequestBudget(limit, () => context.sync());
      const bySheet = new Map<string, Excel.Worksheet>();
      const wanted: { key: string; fill: Excel.RangeFill }[] = [];
      for (const c of cells) {
        let ws = bySheet.get(c.sheet);
        if (!ws) {
          ws = sheets.getItem(c.sheet);
          bySheet.set(c.sheet, ws);
        }
        await budget.reserve(5 * OPERATION_BYTES);
        const fill = ws.getRange(c.cell).format.fill;
        fill.load(features.fillTint ? 'color,tintAndShade' : 'color');
        wanted.push({ key: fillKey(c), fill });
      }
      await context.sync();

      const fills = new Map<string, Fill>();
      for (const { key, fill } of wanted) {
        const read = fillOf(fill.color, features.fillTint ? fill.tintAndShade : undefined);
        if (read !== undefined) fills.set(key, read);
      }
      const access = new Map<string, SheetAccess>();
      for (const ws of sheets.items) {
        const { protected: isProtected, options, passwordProtected } = sheetStateOf(features.protection ? ws.protection : null, passwords);
        access.set(ws.name.toLocaleLowerCase(), {
          name: ws.name,
          protected: isProtected,
          // sheetStateOf gave a copy of the options already.
          protectionOptions: isProtected ? (options as unknown as Record<string, unknown>) : null,
          passwordProtected: isProtected && passwordProtected,
        });
      }
      return { fills, recordSheet, record: record.read(), sheets: access };
    });
  }

  /** Writes the record and the fills in one sync (see FillPort.setFills for the order). */
  async setFills(changes: readonly FillChange[], reading: FillReading, record: SheetSpec | null): Promise<void> {
    const features = this.features();
    const limit = this.requestBudget();
    const skipped = new Set<ExcelFeature>();
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const found = [...fillGroups(changes, reading).values()];
      if (features.protection) refusePasswordProtected(found.map((g) => ({ name: g.access.name, passwordProtected: g.access.passwordProtected === true })));
      const groups = found.map((g) => ({ ...g, ws: sheets.getItem(g.access.name) }));
      // Protected sheets are unprotected before anything else is written: a password stops the batch right there.
      const guarded: GuardedSheet[] = features.protection
        ? groups.filter((g) => g.access.protected).map((g) => ({ name: g.access.name, ws: g.ws, options: protectionOptions(g.access) }))
        : [];
      queueUnprotect(guarded);
      const sync = checkedSync(context, guarded);
      const budget = new RequestBudget(limit, sync);
      await budget.reserve(guarded.length * 2 * OPERATION_BYTES);
      if (record) {
        const existed = reading.record !== null && sameName(record.name, reading.recordSheet);
        await budget.reserve(12 * OPERATION_BYTES);
        const ws = existed ? sheets.getItem(record.name) : sheets.add(record.name);
        if (existed) queueReset(ws, features);
        await queueSheetSpec(ws, record, existed, { features, skipped, budget });
      }
      for (const { access, cells, ws } of groups) {
        for (const c of cells) {
          await budget.reserve(4 * OPERATION_BYTES);
          const fill = ws.getRange(c.cell).format.fill;
          if (c.fill === null) fill.clear();
          else fill.color = c.fill;
        }
        if (access.protected && features.protection) ws.protection.protect(protectionOptions(access));
      }
      if (!record && reading.record !== null) queueDeleteSheet(sheets.getItem(reading.recordSheet), features);
      await sync();
    });
  }
}

/** The changes by sheet, for the sheets the reading found. */
function fillGroups(changes: readonly FillChange[], reading: FillReading): Map<string, { access: SheetAccess; cells: FillChange[] }> {
  const bySheet = new Map<string, { access: SheetAccess; cells: FillChange[] }>();
  for (const c of changes) {
    const access = reading.sheets.get(c.sheet.toLocaleLowerCase());
    if (!access) continue;
    const group = bySheet.get(access.name) ?? { access, cells: [] };
    group.cells.push(c);
    bySheet.set(access.name, group);
  }
  return bySheet;
}

function protectionOptions(access: SheetAccess): Excel.WorksheetProtectionOptions | undefined {
  return (access.protectionOptions ?? undefined) as Excel.WorksheetProtectionOptions | undefined;
}

/**
 * Worksheet.delete(): "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an
 * `InvalidOperation` exception. You should first change its visibility to hidden or visible before deleting it." The
 * add-in's record sheets are very hidden: each is made Hidden in the same batch, then deleted.
 */
export function queueDeleteSheet(ws: Excel.Worksheet, features: ExcelFeatures): void {
  if (features.visibility) ws.visibility = 'Hidden';
  ws.delete();
}

/** A fill as read: "#RRGGBB", null for no fill, undefined when it cannot be told (a merged or mixed range). */
export function fillOf(color: string | null | undefined, tint: number | null | undefined): Fill | undefined {
  if (typeof color !== 'string' || color === '') return undefined;
  const c = color.toUpperCase();
  // tint undefined: ExcelApi 1.9 is missing, so "#FFFFFF" cannot be told from no fill; null: no fill.
  if (c === '#FFFFFF' && (tint === null || tint === undefined)) return null;
  return c;
}

function sameName(a: string, b: string): boolean {
  return sheetKey(a) === sheetKey(b);
}
