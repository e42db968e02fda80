/**
 * Opens workbook bytes for reading only, with the fast values reader (Node); falls back to ExcelJS for 1904
 * workbooks. Never throws: a file that is not a workbook, a damaged file and an over-limit sheet are reasons.
 */
import * as zlib from 'node:zlib';
import type { WorkbookPort } from '../../app/workbook-port';
import type { Lang } from '../../domain/i18n';
import { FastWorkbook, MAX_CELLS_PER_SHEET, type FastProblem } from './fast-read';
import { describeVerdict, inspectFile, DEFAULT_LIMITS, type FileLimits } from './inspect-file';
import { openWorkbookBytes } from './open';
import { describeProblem } from './read-problem';

export type OpenedForReading =
  | { readonly ok: true; readonly port: WorkbookPort; readonly savedAt?: string }
  | { readonly ok: false; readonly reason: string; readonly problem?: FastProblem };

/** Raw deflate with node:zlib, never producing more than `maxBytes` (a part larger than declared is damage). */
export function nodeInflate(data: Uint8Array, maxBytes: number): Uint8Array {
  // One output chunk of the declared size: no chunks gathered and copied together (twice the memory for a big part).
  return zlib.inflateRawSync(data, { maxOutputLength: Math.max(maxBytes, 1), chunkSize: Math.max(maxBytes, 64) });
}

/** node:zlib's native CRC-32 where this Node has it (≥ 20.15), else the reader's own. */
const nativeCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export async function openForReading(bytes: Uint8Array, limits: FileLimits = DEFAULT_LIMITS, lang: Lang = 'vi', file?: string): Promise<OpenedForReading> {
  try {
    return await open(bytes, limits, lang, file);
  } catch {
    // Every failure the readers foresee is a result; this is for whatever they do not.
    const problem: FastProblem = { kind: 'damaged', part: '', damage: 'xml' };
    return { ok: false, reason: describeProblem(problem, lang, file), problem };
  }
}

async function open(bytes: Uint8Array, limits: FileLimits, lang: Lang, file: string | undefined): Promise<OpenedForReading> {
  const verdict = inspectFile(bytes, limits);
  if (verdict.kind !== 'xlsx') return { ok: false, reason: describeVerdict(verdict, lang) };
  const fast = FastWorkbook.open(bytes, nodeInflate, limits.maxCellsPerSheet ?? MAX_CELLS_PER_SHEET, nativeCrc);
  if (!fast.ok) return { ok: false, reason: describeProblem(fast.problem, lang, file), problem: fast.problem };
  if (!fast.workbook.uses1904) {
    const savedAt = fast.workbook.savedAt;
    return savedAt === undefined ? { ok: true, port: fast.workbook } : { ok: true, port: fast.workbook, savedAt };
  }
  const opened = await openWorkbookBytes(bytes, limits, lang, file);
  if (!opened.ok) return opened;
  return opened.savedAt === undefined ? { ok: true, port: opened.workbook } : { ok: true, port: opened.workbook, savedAt: opened.savedAt };
}
