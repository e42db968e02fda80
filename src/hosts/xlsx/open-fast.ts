/**
 * Opens workbook bytes for reading only, with the fast values reader (Node); falls back to ExcelJS for 1904
 * workbooks. Never throws: a file that is not a workbook, a damaged file and an over-limit sheet are reasons.
 */
import * as zlib from 'node:zlib';
import type { WorkbookPort } from '../../app/workbook-port';
import type { Lang } from '../../domain/i18n';
import { FastWorkbook, MAX_CELLS_PER_SHEET, PartError, type FastProblem } from './fast-read';
import { describeVerdict, inspectFile, DEFAULT_LIMITS, type FileLimits } from './inspect-file';
import { openWorkbookBytes } from './open';
import { describeProblem } from './read-problem';
import { crc32 } from './zip';

export type OpenedForReading =
  | { readonly ok: true; readonly port: WorkbookPort; readonly savedAt?: string }
  | { readonly ok: false; readonly reason: string; readonly problem?: FastProblem };

/** Raw deflate with node:zlib, never producing more than `maxBytes` (a part larger than declared is damage). */
export function nodeInflate(data: Uint8Array, maxBytes: number): Uint8Array {
  // One output chunk of the declared size: no chunks gathered and copied together (twice the memory for a big part).
  return zlib.inflateRawSync(data, { maxOutputLength: Math.max(maxBytes, 1), chunkSize: Math.max(maxBytes, 64) });
}

/**
 * CRC-32, `value` that of the bytes before (a running value): node:zlib's native routine where this Node has it
 * (≥ 20.15), else the reader's own (zip.ts).
 */
export const nativeCrc: (data: Uint8Array, value?: number) => number = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ?? crc32;

/**
 * Opens a big workbook of which only a few sheets will be read (a consolidation's earlier output): its sheets are
 * checked and read only when asked for, a damaged one refused then with the reason why (as `reason` of the error).
 */
export async function openLazily(bytes: Uint8Array, lang: Lang = 'vi', file?: string): Promise<OpenedForReading> {
  const verdict = inspectFile(bytes, DEFAULT_LIMITS);
  if (verdict.kind !== 'xlsx') return { ok: false, reason: describeVerdict(verdict, lang) };
  const fast = FastWorkbook.open(bytes, nodeInflate, MAX_CELLS_PER_SHEET, nativeCrc, true);
  if (!fast.ok) return { ok: false, reason: describeProblem(fast.problem, lang, file), problem: fast.problem };
  // Dates of the 1904 system need the styles: read as openForReading does.
  if (fast.workbook.uses1904) return openForReading(bytes, DEFAULT_LIMITS, lang, file);
  const workbook = fast.workbook;
  const port: WorkbookPort = {
    read: async (names) => {
      try {
        return await workbook.read(names);
      } catch (e) {
        if (!(e instanceof PartError)) throw e;
        throw new LazyReadError(describeProblem(e.problem, lang, file));
      }
    },
    write: (specs) => workbook.write(specs),
  };
  return workbook.savedAt === undefined ? { ok: true, port } : { ok: true, port, savedAt: workbook.savedAt };
}

/** A sheet of a lazily opened workbook that turned out damaged when read: `reason` says why, for the user. */
export class LazyReadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

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
