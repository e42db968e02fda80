/**
 * A sheet's state as the Office.js host needs it before writing: whether it exists and how it is protected. Loaded in
 * the same sync as a read (for a write that follows it: WriteOptions.fromRead), in a write's first sync, or with the
 * fills (readFills).
 */
import type { ExcelFeatures } from './features';
import { protectionProperties } from './protection';

/** A sheet as a read or the write's first sync found it (a sheet not in the map does not exist). */
export interface SheetState {
  readonly protected: boolean;
  /** The options it is protected with, to protect it again as it was. */
  readonly options: Excel.WorksheetProtectionOptions | undefined;
  readonly passwordProtected: boolean;
}

/** Sheets by sheetKey of their names. */
export type SheetStates = ReadonlyMap<string, SheetState>;

/** A sheet's key in SheetStates: Excel's sheet names are case-insensitive. */
export function sheetKey(name: string): string {
  return name.toLocaleLowerCase();
}

/**
 * How long a read's sheet states stand for a write's first sync: a consolidation reads the workbook, then the files
 * (seconds; minutes for a very large batch), then writes. Past this, the write asks again.
 */
export const READ_STILL_FRESH_MS = 10 * 60 * 1000;

export function sheetStateOf(protection: Excel.WorksheetProtection | null, passwords: boolean): SheetState {
  if (protection === null) return { protected: false, options: undefined, passwordProtected: false };
  return {
    protected: protection.protected,
    options: { ...(protection.options as unknown as Record<string, unknown>) } as Excel.WorksheetProtectionOptions,
    passwordProtected: passwords && protection.isPasswordProtected === true,
  };
}

/** What to load of every sheet for its state: its name, and its protection where this Excel has it. */
export function sheetStateProperties(features: ExcelFeatures, passwords: boolean): string {
  const protection = features.protection ? protectionProperties(passwords).split(',').map((p) => `items/protection/${p}`) : [];
  return ['items/name', ...protection].join(',');
}

export function sheetStatesOf(items: readonly Excel.Worksheet[], features: ExcelFeatures, passwords: boolean): SheetStates {
  return new Map(items.map((ws) => [sheetKey(ws.name), sheetStateOf(features.protection ? ws.protection : null, passwords)]));
}

/** The write's first sync: whether each named sheet exists, and its protection. */
export async function loadSheetStates(
  context: Excel.RequestContext,
  sheets: Excel.WorksheetCollection,
  names: readonly string[],
  features: ExcelFeatures,
  passwords: boolean,
): Promise<SheetStates> {
  const unique = new Map(names.map((n) => [sheetKey(n), n]));
  const found = [...unique].map(([key, name]) => {
    const ws = sheets.getItemOrNullObject(name);
    if (features.protection) ws.protection.load(protectionProperties(passwords));
    return { key, ws };
  });
  await context.sync();
  return new Map(found.filter((f) => !f.ws.isNullObject).map((f) => [f.key, sheetStateOf(features.protection ? f.ws.protection : null, passwords)]));
}
