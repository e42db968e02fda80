/**
 * What a host may throw when the workbook itself stops a use case before anything was written, with the sheet to
 * name in the message: a sheet protected with a password (the add-in protects its own sheets without one, and cannot
 * unprotect the user's), or a sheet whose used range is too large for Excel to read.
 */
import { t, type Lang } from '../domain/i18n';

export type WorkbookAccessProblem =
  | { readonly kind: 'sheet-password'; readonly sheet: string }
  | { readonly kind: 'sheet-too-large'; readonly sheet: string; readonly address: string; readonly cells: number };

export class WorkbookAccessError extends Error {
  constructor(readonly problem: WorkbookAccessProblem) {
    super(`${problem.kind}: ${problem.sheet}`);
    this.name = 'WorkbookAccessError';
  }
}

export function isWorkbookAccessError(e: unknown): e is WorkbookAccessError {
  return e instanceof WorkbookAccessError;
}

/** 7020000 → "7.020.000" (vi) or "7,020,000" (en). */
function groupDigits(n: number, lang: Lang): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

/** The message for the user, naming the sheet and what to do. */
export function workbookAccessMessage(lang: Lang, p: WorkbookAccessProblem): string {
  if (p.kind === 'sheet-password') return t(lang, 'pane.error.sheetPassword', { name: p.sheet });
  return t(lang, 'pane.error.sheetTooLarge', { name: p.sheet, address: p.address, cells: groupDigits(p.cells, lang) });
}
