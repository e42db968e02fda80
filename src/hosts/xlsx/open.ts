/**
 * Opens workbook bytes safely with ExcelJS (the pane, and the CLI's fallback for 1904 workbooks): inspect first, check
 * every zip part (size and CRC-32, which ExcelJS does not) and read it with the fast reader's checks and cell limit,
 * then parse with ExcelJS. Never throws: every failure becomes a reason in the user's language.
 */
import { t, type Lang } from '../../domain/i18n';
import { FastWorkbook, MAX_CELLS_PER_SHEET, type FastProblem } from './fast-read';
import { FileWorkbook } from './file-workbook';
import { describeVerdict, inspectFile, type FileLimits, DEFAULT_LIMITS } from './inspect-file';
import { describeProblem } from './read-problem';
import { canInflate, inflatedParts, verifyZip } from './zip-check';

export type Opened =
  | { readonly ok: true; readonly workbook: FileWorkbook; readonly savedAt?: string }
  | { readonly ok: false; readonly reason: string; readonly problem?: FastProblem };

export { MAX_CELLS_PER_SHEET };

function savedAtOf(workbook: FileWorkbook): string | undefined {
  const modified: unknown = workbook.workbook.modified;
  return modified instanceof Date && Number.isFinite(modified.getTime()) ? modified.toISOString() : undefined;
}

export async function openWorkbookBytes(bytes: Uint8Array, limits: FileLimits = DEFAULT_LIMITS, lang: Lang = 'vi', file?: string): Promise<Opened> {
  try {
    const verdict = inspectFile(bytes, limits);
    if (verdict.kind !== 'xlsx') return { ok: false, reason: describeVerdict(verdict, lang) };
    // The same checks as the fast reader, before ExcelJS spends memory: every part sound (ExcelJS checks no CRC and
    // reads a sheet whose part is missing as empty), every sheet's part present, every sheet within the cell limit.
    // (A runtime without DecompressionStream 'deflate-raw' leaves it to ExcelJS, as before.)
    if (canInflate()) {
      const verified = await verifyZip(bytes);
      if (!verified.ok) return { ok: false, reason: describeProblem(verified.problem, lang, file), problem: verified.problem };
      const structure = FastWorkbook.open(bytes, inflatedParts(verified.parts), limits.maxCellsPerSheet ?? MAX_CELLS_PER_SHEET);
      if (!structure.ok) return { ok: false, reason: describeProblem(structure.problem, lang, file), problem: structure.problem };
    }
    let workbook: FileWorkbook;
    try {
      workbook = await FileWorkbook.load(bytes);
    } catch {
      const problem: FastProblem = { kind: 'damaged', part: '', damage: 'xml' };
      return { ok: false, reason: describeProblem(problem, lang, file), problem };
    }
    const savedAt = savedAtOf(workbook);
    return savedAt === undefined ? { ok: true, workbook } : { ok: true, workbook, savedAt };
  } catch {
    return { ok: false, reason: t(lang, 'file.corrupt') };
  }
}
