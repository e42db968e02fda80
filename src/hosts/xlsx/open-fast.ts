/** Opens workbook bytes for reading only, with the fast values reader (Node); falls back to ExcelJS when needed. */
import type { WorkbookPort } from '../../app/workbook-port';
import type { Lang } from '../../domain/i18n';
import { FastWorkbook } from './fast-read';
import { describeVerdict, inspectFile, DEFAULT_LIMITS, type FileLimits } from './inspect-file';
import { openWorkbookBytes } from './open';

export type OpenedForReading = { readonly ok: true; readonly port: WorkbookPort } | { readonly ok: false; readonly reason: string };

export async function openForReading(bytes: Uint8Array, limits: FileLimits = DEFAULT_LIMITS, lang: Lang = 'vi'): Promise<OpenedForReading> {
  const verdict = inspectFile(bytes, limits);
  if (verdict.kind !== 'xlsx') return { ok: false, reason: describeVerdict(verdict, lang) };
  try {
    const fast = new FastWorkbook(bytes);
    if (!fast.uses1904) return { ok: true, port: fast };
  } catch {
    // Not readable by the fast reader (an unusual but valid file?): let ExcelJS decide.
  }
  const opened = await openWorkbookBytes(bytes, limits, lang);
  return opened.ok ? { ok: true, port: opened.workbook } : opened;
}
