/**
 * Opens workbook bytes safely with ExcelJS (the pane, and the CLI's fallback for 1904 workbooks): inspect first, check
 * every zip part (size and CRC-32, which ExcelJS does not), then parse and apply the same cell limit as the fast
 * reader. Never throws: every failure becomes a reason in the user's language.
 */
import { t, type Lang } from '../../domain/i18n';
import { MAX_CELLS_PER_SHEET, type FastProblem } from './fast-read';
import { FileWorkbook } from './file-workbook';
import { describeVerdict, inspectFile, type FileLimits, DEFAULT_LIMITS } from './inspect-file';
import { describeProblem } from './read-problem';
import { verifyZip } from './zip-check';

export type Opened =
  | { readonly ok: true; readonly workbook: FileWorkbook; readonly savedAt?: string }
  | { readonly ok: false; readonly reason: string; readonly problem?: FastProblem };

export { MAX_CELLS_PER_SHEET };

/** Cells holding something in each sheet, stopping at the first sheet over `limit`. */
function sheetOverLimit(workbook: FileWorkbook, limit: number): { sheet: string; cells: number } | null {
  for (const ws of workbook.workbook.worksheets) {
    let cells = 0;
    ws.eachRow({ includeEmpty: false }, (row) => {
      cells += row.actualCellCount;
    });
    if (cells > limit) return { sheet: ws.name, cells };
  }
  return null;
}

function savedAtOf(workbook: FileWorkbook): string | undefined {
  const modified: unknown = workbook.workbook.modified;
  return modified instanceof Date && Number.isFinite(modified.getTime()) ? modified.toISOString() : undefined;
}

export async function openWorkbookBytes(bytes: Uint8Array, limits: FileLimits = DEFAULT_LIMITS, lang: Lang = 'vi', file?: string): Promise<Opened> {
  try {
    const verdict = inspectFile(bytes, limits);
    if (verdict.kind !== 'xlsx') return { ok: false, reason: describeVerdict(verdict, lang) };
    const damage = await verifyZip(bytes);
    if (damage) return { ok: false, reason: describeProblem(damage, lang, file), problem: damage };
    let workbook: FileWorkbook;
    try {
      workbook = await FileWorkbook.load(bytes);
    } catch {
      const problem: FastProblem = { kind: 'damaged', part: '', damage: 'xml' };
      return { ok: false, reason: describeProblem(problem, lang, file), problem };
    }
    const limit = limits.maxCellsPerSheet ?? MAX_CELLS_PER_SHEET;
    const over = sheetOverLimit(workbook, limit);
    if (over) {
      const problem: FastProblem = { kind: 'sheet-too-large', sheet: over.sheet, cells: over.cells, limit };
      return { ok: false, reason: describeProblem(problem, lang, file), problem };
    }
    const savedAt = savedAtOf(workbook);
    return savedAt === undefined ? { ok: true, workbook } : { ok: true, workbook, savedAt };
  } catch {
    return { ok: false, reason: t(lang, 'file.corrupt') };
  }
}
