/**
 * Sheets that are protected when the add-in is about to rewrite them.
 *
 * The add-in protects its own sheets without a password, and Office.js cannot tell a password from
 * `WorksheetProtection.protected` (it only says "protected"). So the documented way is to try: `unprotect()` is queued
 * for every protected sheet ahead of every write command of the batch. A command that fails stops its batch, so when
 * a sheet has a password the batch stops before anything is written; one more round trip (on that failure only) finds
 * which sheet it was, protects again, with their options, the sheets unprotected before it, and the user is told which
 * sheet to unprotect. The number of syncs of a write that succeeds does not change.
 *
 * Where Excel can say it (Excel on the web: "isPasswordProtected: Specifies if the sheet is password protected.
 * [Api set: ExcelApiOnline 1.1]"), the password is read with the protection state and the write is refused before
 * anything is queued at all.
 */
import { WorkbookAccessError } from '../../app/workbook-access-error';

export interface GuardedSheet {
  /** The sheet's name, for the message. */
  readonly name: string;
  readonly ws: Excel.Worksheet;
  /** The options it was protected with, to protect it again as it was when the batch is stopped. */
  readonly options: Excel.WorksheetProtectionOptions | undefined;
}

/** Whether this Excel can tell a password (ExcelApiOnline 1.1); false outside Office or when it cannot say. */
export function detectPasswordState(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApiOnline', '1.1') === true;
  } catch {
    return false;
  }
}

/** The protection properties to load for a sheet about to be rewritten. */
export function protectionProperties(passwordState: boolean): string {
  return passwordState ? 'protected,options,isPasswordProtected' : 'protected,options';
}

/** Throws for the first sheet whose loaded protection says it has a password. */
export function refusePasswordProtected(sheets: readonly { readonly name: string; readonly passwordProtected: boolean }[]): void {
  const first = sheets.find((s) => s.passwordProtected);
  if (first) throw new WorkbookAccessError({ kind: 'sheet-password', sheet: first.name });
}

/** Queues `unprotect()` for each sheet; call before queuing any other command of the batch. */
export function queueUnprotect(guarded: readonly GuardedSheet[]): void {
  for (const g of guarded) g.ws.protection.unprotect();
}

/**
 * `context.sync()` for the batch that starts with queueUnprotect: its first call turns a refused unprotect into a
 * WorkbookAccessError naming the sheet; later calls are plain syncs.
 */
export function checkedSync(context: Excel.RequestContext, guarded: readonly GuardedSheet[]): () => Promise<void> {
  let first = guarded.length > 0;
  return async () => {
    if (!first) return context.sync();
    first = false;
    try {
      await context.sync();
    } catch (error) {
      await explainRefusal(context, guarded, error);
    }
  };
}

/** Failures that are not about the sheets: the batch stopped before any unprotect could be refused. */
const NOT_A_PASSWORD = /PayloadSizeLimitExceeded|PayloadTooLarge|CellEditMode|ActivityLimitReached|Conflict|RequestAborted|ServiceNotAvailable/i;

async function explainRefusal(context: Excel.RequestContext, guarded: readonly GuardedSheet[], error: unknown): Promise<never> {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  if (NOT_A_PASSWORD.test(code)) throw error;
  for (const g of guarded) g.ws.protection.load('protected');
  try {
    await context.sync();
  } catch {
    throw error;
  }
  // The unprotects ran in order up to the refused one; the first sheet still protected is the one with a password.
  const stuck = guarded.find((g) => g.ws.protection.protected);
  if (!stuck) throw error;
  const undone = guarded.filter((g) => !g.ws.protection.protected);
  for (const g of undone) g.ws.protection.protect(g.options);
  if (undone.length > 0) await context.sync();
  throw new WorkbookAccessError({ kind: 'sheet-password', sheet: stuck.name });
}

