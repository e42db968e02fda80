/**
 * How `vtlt consolidate` reads one returned file, the same in the main thread and in a worker thread: only a regular
 * file is read (inputs.ts), opened with the fast reader; a file that cannot be read or opened is set aside with its
 * reason and also listed as unreadable (exit code 2).
 */
import { stat } from 'node:fs/promises';
import type { InputFile, OpenResult } from '../app/consolidate';
import { UnreadableFile } from '../app/unreadable-file';
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { FormPack } from '../domain/form-pack';
import { openForReading } from '../hosts/xlsx/open-fast';
import { readRegularFile } from './inputs';

export interface Unreadable {
  readonly file: string;
  readonly reason: string;
}

/** The packs a consolidation accepts files of: the bundled ones, each at its own version. */
export function knownPacks(plan: PlanPack, forms: FormPack): ReadonlyMap<string, readonly string[]> {
  return new Map<string, readonly string[]>([[plan.id, [plan.version]], [forms.id, [forms.version]]]);
}

/** A file as consolidation reads it; a read that fails is reported to `failed` (then set aside by consolidation). */
export async function inputFile(file: string, lang: Lang, failed: (reason: string) => void): Promise<InputFile> {
  const info = await stat(file).catch(() => null);
  return {
    name: file,
    ...(info?.isFile() ? { lastModified: info.mtimeMs } : {}),
    read: async () => {
      const read = await readRegularFile(file, lang);
      if (read.ok) return read.bytes;
      failed(read.reason);
      throw new UnreadableFile(read.reason);
    },
  };
}

/** Opens bytes with the fast reader; never throws (an unforeseen failure is a damaged file), failures reported. */
export async function openGuarded(bytes: Uint8Array, lang: Lang, failed: (reason: string) => void): Promise<OpenResult> {
  let opened: OpenResult;
  try {
    opened = await openForReading(bytes, undefined, lang);
  } catch {
    opened = { ok: false, reason: t(lang, 'cli.file.damaged') };
  }
  if (!opened.ok) failed(opened.reason);
  return opened;
}
