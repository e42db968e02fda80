/**
 * The CLI's input files: folders expanded, quoted globs expanded, and each file read only when it is a regular file.
 * Nothing here throws for a user's path: a path that cannot be read is returned with the reason, in the user's
 * language, so one bad path never costs the others.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { t, type Lang } from '../domain/i18n';
import { DEFAULT_LIMITS } from '../hosts/xlsx/inspect-file';
import { expandGlob, hasWildcard } from './glob';

/** Files a folder contributes (others in a folder are ignored; a file named explicitly is always tried). */
export const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|xlsb|ods|csv|zip)$/i;

/** Why an input yields no file: a glob matching nothing, a folder without workbooks, a folder that cannot be listed. */
export type UnmatchedKind = 'glob' | 'folder' | 'unlistable';

/** One input's contribution: a file to read, or an input that yields none (a missing path is a file, reported when read). */
export type InputItem =
  | { readonly file: string }
  | { readonly unmatched: string; readonly kind: UnmatchedKind };

export interface ExpandedInputs {
  /** In the order given; a folder's files sorted by name. */
  readonly items: readonly InputItem[];
  readonly files: readonly string[];
  readonly unmatched: readonly { readonly input: string; readonly kind: UnmatchedKind }[];
}

/** The reason an input yielded no file, in the user's language. */
export function unmatchedReason(u: { readonly input: string; readonly kind: UnmatchedKind }, lang: Lang): string {
  if (u.kind === 'glob') return t(lang, 'cli.globNoMatch', { pattern: u.input });
  return t(lang, u.kind === 'folder' ? 'cli.emptyFolder' : 'cli.unlistableFolder', { folder: u.input });
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

async function expandFolder(folder: string, out: InputItem[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    out.push({ unmatched: folder, kind: 'unlistable' });
    return;
  }
  const names = entries.filter((e) => !skipped(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of names) {
    const p = path.join(folder, e.name);
    // Real folders only (a symlinked folder could loop); anything else with a workbook name is tried and reported.
    if (e.isDirectory()) await expandFolder(p, out);
    else if (WORKBOOK_NAME.test(e.name)) out.push({ file: p });
  }
}

/** Expands folders into the workbook files they hold (not hidden ones) and quoted globs into what they match. */
export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const items: InputItem[] = [];
  for (const input of inputs) {
    let paths = [input];
    if (hasWildcard(input) && !(await exists(input))) {
      paths = await expandGlob(input);
      if (paths.length === 0) items.push({ unmatched: input, kind: 'glob' });
    }
    for (const p of paths) {
      const info = await stat(p).catch(() => null);
      if (!info?.isDirectory()) {
        items.push({ file: p });
        continue;
      }
      const found: InputItem[] = [];
      await expandFolder(p, found);
      if (found.length === 0) items.push({ unmatched: p, kind: 'folder' });
      items.push(...found);
    }
  }
  return {
    items,
    files: items.flatMap((i) => ('file' in i ? [i.file] : [])),
    unmatched: items.flatMap((i) => ('unmatched' in i ? [{ input: i.unmatched, kind: i.kind }] : [])),
  };
}

async function exists(p: string): Promise<boolean> {
  return (await lstat(p).catch(() => null)) !== null;
}

export type ReadOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** `missing`: nothing at that path (as opposed to something there that cannot be read). */
  | { readonly ok: false; readonly reason: string; readonly missing: boolean };

const mb = (n: number) => `${Math.max(1, Math.round(n / 1024 / 1024))} MB`;

/**
 * Reads a file only when it is a regular file: a dangling link, a folder, a FIFO or device (which would block or never
 * end), a file removed meanwhile, or one too large are each a reason. The file is opened non-blocking and checked
 * again on the open handle, so a file swapped for a FIFO after the first check still cannot hang the command.
 */
export async function readRegularFile(file: string, lang: Lang, maxBytes = DEFAULT_LIMITS.maxFileBytes): Promise<ReadOutcome> {
  const link = await lstat(file).catch((e: NodeJS.ErrnoException) => e);
  if (link instanceof Error) return failed(link, lang);
  const info = link.isSymbolicLink() ? await stat(file).catch(() => null) : link;
  if (info === null) return { ok: false, reason: t(lang, 'cli.file.danglingLink'), missing: false };
  if (!info.isFile()) return { ok: false, reason: notRegular(info, lang), missing: false };
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return failed(e as NodeJS.ErrnoException, lang);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { ok: false, reason: notRegular(opened, lang), missing: false };
    if (opened.size > maxBytes) return { ok: false, reason: t(lang, 'file.tooLarge', { size: mb(opened.size), limit: mb(maxBytes) }), missing: false };
    return { ok: true, bytes: await handle.readFile() };
  } catch (e) {
    return failed(e as NodeJS.ErrnoException, lang);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * readRegularFile's checks and read, done at once on this thread (a few system calls, tens of microseconds): a thread
 * busy reading files one after another need not come back to its event loop for each step of each file's read.
 */
export function readRegularFileSync(file: string, lang: Lang, maxBytes = DEFAULT_LIMITS.maxFileBytes): ReadOutcome {
  let fd: number | null = null;
  try {
    const link = lstatSync(file);
    const info = link.isSymbolicLink() ? statOrNull(file) : link;
    if (info === null) return { ok: false, reason: t(lang, 'cli.file.danglingLink'), missing: false };
    if (!info.isFile()) return { ok: false, reason: notRegular(info, lang), missing: false };
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { ok: false, reason: notRegular(opened, lang), missing: false };
    if (opened.size > maxBytes) return { ok: false, reason: t(lang, 'file.tooLarge', { size: mb(opened.size), limit: mb(maxBytes) }), missing: false };
    return { ok: true, bytes: readFileSync(fd) };
  } catch (e) {
    return failed(e as NodeJS.ErrnoException, lang);
  } finally {
    if (fd !== null) closeQuietly(fd);
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do: the bytes were read (or the reason given) already.
  }
}

function failed(e: NodeJS.ErrnoException, lang: Lang): ReadOutcome {
  return { ok: false, reason: errnoReason(e, lang), missing: e.code === 'ENOENT' || e.code === 'ENOTDIR' };
}

function notRegular(info: { isDirectory(): boolean }, lang: Lang): string {
  return t(lang, info.isDirectory() ? 'cli.file.isFolder' : 'cli.file.notRegular');
}

function errnoReason(e: NodeJS.ErrnoException, lang: Lang): string {
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return t(lang, 'cli.file.notFound');
  if (e.code === 'EACCES' || e.code === 'EPERM') return t(lang, 'cli.file.noPermission');
  if (e.code === 'EISDIR') return t(lang, 'cli.file.isFolder');
  return t(lang, 'cli.file.readError', { code: e.code ?? 'EIO' });
}
