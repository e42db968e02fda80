/** Reading and writing workbook files for the CLI, with messages in the user's language for whatever can go wrong. */
import { writeFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { t, type Lang } from '../domain/i18n';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { openWorkbookBytes } from '../hosts/xlsx/open';
import { UsageError } from './args';
import { cannotOpen, damagedFile, readOrRefuse } from './file-refusal';

export async function openWorkbookFile(file: string, lang: Lang): Promise<FileWorkbook> {
  const bytes = await readOrRefuse(file, lang);
  let opened;
  try {
    opened = await openWorkbookBytes(bytes, undefined, lang);
  } catch {
    throw damagedFile(file, lang);
  }
  if (!opened.ok) throw cannotOpen(file, opened.reason, lang);
  return opened.workbook;
}

export function requireXlsxName(file: string, lang: Lang): void {
  if (path.extname(file).toLowerCase() !== '.xlsx') throw new UsageError(t(lang, 'cli.file.outNotXlsx', { file }));
}

/** Writes atomically: a half-written file never replaces a good one. `savedAt`: its last-saved time (the CLI's clock). */
export async function saveWorkbookFile(wb: FileWorkbook, file: string, lang: Lang, savedAt?: Date): Promise<void> {
  requireXlsxName(file, lang);
  await writeFileAtomically(file, await wb.toBuffer(savedAt), lang);
}

/** Writes `data` to a temporary file beside `file`, then renames it: a half-written file never replaces a good one. */
export async function writeFileAtomically(file: string, data: Uint8Array | string, lang: Lang): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(t(lang, 'cli.file.saveFailed', { file, code: code ?? 'EIO' }));
  }
}
