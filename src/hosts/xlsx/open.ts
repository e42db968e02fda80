/** Opens workbook bytes safely: inspect first, then parse; every failure becomes a Vietnamese reason. */
import { t, type Lang } from '../../domain/i18n';
import { FileWorkbook } from './file-workbook';
import { describeVerdict, inspectFile, type FileLimits, DEFAULT_LIMITS } from './inspect-file';

export type Opened = { readonly ok: true; readonly workbook: FileWorkbook } | { readonly ok: false; readonly reason: string };

/** Most cells a sheet may hold before it is refused (a returned workbook has a few thousand). */
export const MAX_CELLS_PER_SHEET = 2_000_000;

export async function openWorkbookBytes(bytes: Uint8Array, limits: FileLimits = DEFAULT_LIMITS, lang: Lang = 'vi'): Promise<Opened> {
  const verdict = inspectFile(bytes, limits);
  if (verdict.kind !== 'xlsx') return { ok: false, reason: describeVerdict(verdict, lang) };
  let workbook: FileWorkbook;
  try {
    workbook = await FileWorkbook.load(bytes);
  } catch {
    return { ok: false, reason: t(lang, 'file.corrupt') };
  }
  for (const ws of workbook.workbook.worksheets) {
    const cells = ws.rowCount * ws.columnCount;
    if (cells > MAX_CELLS_PER_SHEET) {
      return { ok: false, reason: t(lang, 'file.sheetTooLarge', { sheet: ws.name, rows: ws.rowCount, columns: ws.columnCount }) };
    }
  }
  return { ok: true, workbook };
}
