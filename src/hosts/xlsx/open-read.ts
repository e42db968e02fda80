/**
 * Opens workbook bytes for reading only, in any runtime (the pane as well as Node): the fast values reader over parts
 * inflated with DecompressionStream and checked (size, CRC-32), with its cell limit; ExcelJS is loaded only for the
 * rare 1904-date workbook or a runtime that cannot inflate. Never throws: every failure is a reason.
 */
import { t, type Lang } from '../../domain/i18n';
import { FastWorkbook, MAX_CELLS_PER_SHEET, PART, sheetTargets } from './fast-read';
import { describeVerdict, inspectFile, DEFAULT_LIMITS, type FileLimits } from './inspect-file';
import type { OpenedForReading } from './open-fast';
import { describeProblem } from './read-problem';
import { readWorkbookPart } from './xlsx-parts';
import { canInflate, inflatedParts, verifyZip, type VerifiedZip } from './zip-check';

/**
 * The parts the fast reader reads, inflated and checked: first the workbook, its relationships, the core properties
 * and the shared strings; then the worksheets those name. Parts nobody reads (styles, pictures) are not inflated.
 */
async function verifyReadParts(bytes: Uint8Array): Promise<VerifiedZip> {
  const fixed = new Set<string>(Object.values(PART));
  const first = await verifyZip(bytes, (name) => fixed.has(name));
  if (!first.ok) return first;
  const targets = sheetTargets(first.parts.get(PART.relationships) ?? null);
  const workbook = first.parts.get(PART.workbook);
  const listed = workbook ? readWorkbookPart(workbook).sheets : [];
  const sheets = new Set(listed.map((s) => targets.get(s.rid)).filter((p): p is string => p !== undefined));
  const second = await verifyZip(bytes, (name) => sheets.has(name) && !fixed.has(name));
  if (!second.ok) return second;
  return { ok: true, parts: new Map([...first.parts, ...second.parts]) };
}

async function withExcelJS(bytes: Uint8Array, limits: FileLimits, lang: Lang, file: string | undefined): Promise<OpenedForReading> {
  const { openWorkbookBytes } = await import(/* webpackChunkName: "xlsx-1904" */ './open');
  const opened = await openWorkbookBytes(bytes, limits, lang, file);
  if (!opened.ok) return opened;
  return opened.savedAt === undefined ? { ok: true, port: opened.workbook } : { ok: true, port: opened.workbook, savedAt: opened.savedAt };
}

export async function openForReadingAnywhere(bytes: Uint8Array, limits: FileLimits = DEFAULT_LIMITS, lang: Lang = 'vi', file?: string): Promise<OpenedForReading> {
  try {
    const verdict = inspectFile(bytes, limits);
    if (verdict.kind !== 'xlsx') return { ok: false, reason: describeVerdict(verdict, lang) };
    if (!canInflate()) return await withExcelJS(bytes, limits, lang, file);
    const verified = await verifyReadParts(bytes);
    if (!verified.ok) return { ok: false, reason: describeProblem(verified.problem, lang, file), problem: verified.problem };
    const fast = FastWorkbook.open(bytes, inflatedParts(verified.parts), limits.maxCellsPerSheet ?? MAX_CELLS_PER_SHEET);
    if (!fast.ok) return { ok: false, reason: describeProblem(fast.problem, lang, file), problem: fast.problem };
    if (fast.workbook.uses1904) return await withExcelJS(bytes, limits, lang, file);
    const savedAt = fast.workbook.savedAt;
    return savedAt === undefined ? { ok: true, port: fast.workbook } : { ok: true, port: fast.workbook, savedAt };
  } catch {
    return { ok: false, reason: t(lang, 'file.corrupt') };
  }
}
