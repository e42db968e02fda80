/**
 * Sheets that are protected when the add-in is about to rewrite them.
 *
 * The add-in protects its own sheets without a password, and Office.js cannot tell a password from
 * `WorksheetProtection.protected` (it only says "protected"). So the documented way is to try: `unprotect()` is queued
 * for every protected sheet ahead of every write command of the batch. A command that fails stops its batch, so when
 * a sheet has a password the batch stops before anything is written; one more round trip (on that failure only) finds
 * which sheet it was, protects again, with their options, the sheets unprotected before it, and the user is told which
 * sheet to unprotect. The number of syncs of a write that succeeds does not change.
 */
import { WorkbookAccessError } from '../../app/workbook-access-error';

export interface GuardedSheet {
  /** The sheet's name, for the message. */
  readonly name: string;
  readonly ws: Excel.Worksheet;
  /** The options it was protected with, to protect it again as it was when the batch is stopped. */
  readonly options: Excel.WorksheetProtectionOptions | undefined;
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

async function explainRefusal(context: Excel.RequestContext, guarded: readonly GuardedSheet[], error: unknown): Promise<never> {
  for (const g of guarded) g.ws.protection.load('protected');
  await context.sync();
  // The unprotects ran in order up to the refused one; the first sheet still protected is the one with a password.
  const stuck = guarded.find((g) => g.ws.protection.protected);
  if (!stuck) throw error;
  const undone = guarded.filter((g) => !g.ws.protection.protected);
  for (const g of undone) g.ws.protection.protect(g.options);
  if (undone.length > 0) await context.sync();
  throw new WorkbookAccessError({ kind: 'sheet-password', sheet: stuck.name });
}
