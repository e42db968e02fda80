/**
 * A file the command cannot go on without (a workbook, a document) that cannot be read or opened: a usage error
 * naming the file and saying why, the same wording for every command.
 */
import { t, type Lang } from '../domain/i18n';
import { UsageError } from './args';
import { readRegularFile } from './inputs';

/** "Cannot open FILE: REASON" as a usage error. */
export function cannotOpen(file: string, reason: string, lang: Lang): UsageError {
  return new UsageError(t(lang, 'cli.file.open', { file, reason }));
}

/** The error for a workbook file that cannot be opened because it is damaged. */
export function damagedFile(file: string, lang: Lang): UsageError {
  return cannotOpen(file, t(lang, 'cli.file.damaged'), lang);
}

/** The file's bytes (a regular file only, inputs.ts); a usage error naming it when it cannot be read. */
export async function readOrRefuse(file: string, lang: Lang): Promise<Uint8Array> {
  const read = await readRegularFile(file, lang);
  if (!read.ok) throw cannotOpen(file, read.reason, lang);
  return read.bytes;
}
