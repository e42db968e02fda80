/**
 * Looks at a file's bytes before any spreadsheet library touches them: what kind of file it is, and whether its
 * zip directory promises more than we are willing to inflate (a small zip can expand to gigabytes).
 * Nothing here inflates data; only the zip's own directory is read.
 */
import { t, type Lang } from '../../domain/i18n';
import { zipDirectory } from './zip';

export interface FileLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of uncompressed sizes declared by the zip directory. */
  readonly maxUncompressedBytes: number;
  /** Largest expansion ratio of any single entry (uncompressed / compressed). */
  readonly maxRatio: number;
  readonly maxEntries: number;
  /** Most cells holding something one sheet may have (2,000,000 when not given); the same on every reading path. */
  readonly maxCellsPerSheet?: number;
}

export const DEFAULT_LIMITS: FileLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 80 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 5_000,
};

export type FileVerdict =
  | { readonly kind: 'xlsx'; readonly entries: number; readonly uncompressedBytes: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number }
  | { readonly kind: 'xls' }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'truncated' }
  | { readonly kind: 'zip-bomb'; readonly uncompressedBytes: number; readonly limit: number }
  | { readonly kind: 'too-many-parts'; readonly entries: number; readonly limit: number }
  | { readonly kind: 'docx' | 'pptx' | 'ods' | 'zip-other' }
  | { readonly kind: 'xlsb' }
  | { readonly kind: 'not-spreadsheet'; readonly hint: 'pdf' | 'csv' | 'html' | 'unknown' };

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((x, i) => b[i] === x);
}

function containsUtf16(b: Uint8Array, text: string): boolean {
  const needle: number[] = [];
  for (const ch of text) needle.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Text files hold no control characters besides tab, line feed, carriage return and form feed (random bytes do). */
function looksLikeText(head: Uint8Array): boolean {
  return !head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f);
}

export function inspectFile(bytes: Uint8Array, limits: FileLimits = DEFAULT_LIMITS): FileVerdict {
  if (bytes.length === 0) return { kind: 'empty' };
  if (bytes.length > limits.maxFileBytes) return { kind: 'too-large', bytes: bytes.length, limit: limits.maxFileBytes };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: either Excel 97–2003, or an .xlsx encrypted with a password.
    return containsUtf16(bytes.subarray(0, Math.min(bytes.length, 1 << 20)), 'EncryptionInfo') ? { kind: 'encrypted' } : { kind: 'xls' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = zipDirectory(bytes);
    if (entries === null) return { kind: 'truncated' };
    if (entries.length > limits.maxEntries) return { kind: 'too-many-parts', entries: entries.length, limit: limits.maxEntries };
    let total = 0;
    for (const e of entries) {
      total += e.uncompressed;
      const ratio = e.uncompressed / Math.max(1, e.compressed);
      if (e.uncompressed > 1_000_000 && ratio > limits.maxRatio) {
        return { kind: 'zip-bomb', uncompressedBytes: total, limit: limits.maxUncompressedBytes };
      }
    }
    if (total > limits.maxUncompressedBytes) return { kind: 'zip-bomb', uncompressedBytes: total, limit: limits.maxUncompressedBytes };
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.xml')) return { kind: 'xlsx', entries: entries.length, uncompressedBytes: total };
    if (names.has('xl/workbook.bin')) return { kind: 'xlsb' };
    if (names.has('word/document.xml')) return { kind: 'docx' };
    if (names.has('ppt/presentation.xml')) return { kind: 'pptx' };
    if (names.has('content.xml') && names.has('mimetype')) return { kind: 'ods' };
    return { kind: 'zip-other' };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return { kind: 'not-spreadsheet', hint: 'pdf' };
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return { kind: 'not-spreadsheet', hint: 'html' };
  if (looksLikeText(bytes.subarray(0, 512)) && /^[^\n]*[,;\t][^\n]*\n/.test(head)) return { kind: 'not-spreadsheet', hint: 'csv' };
  return { kind: 'not-spreadsheet', hint: 'unknown' };
}

/** What to tell the user about a file that cannot be taken in, with what to do. */
export function describeVerdict(v: Exclude<FileVerdict, { kind: 'xlsx' }>, lang: Lang = 'vi'): string {
  const mb = (n: number) => (Number.isFinite(n) ? `${(n / 1024 / 1024).toFixed(0)} MB` : '∞');
  switch (v.kind) {
    case 'empty':
      return t(lang, 'file.empty');
    case 'too-large':
      return t(lang, 'file.tooLarge', { size: mb(v.bytes), limit: mb(v.limit) });
    case 'xls':
      return t(lang, 'file.xls');
    case 'encrypted':
      return t(lang, 'file.encrypted');
    case 'truncated':
      return t(lang, 'file.truncated');
    case 'zip-bomb':
      return t(lang, 'file.zipBomb', { size: mb(v.uncompressedBytes), limit: mb(v.limit) });
    case 'too-many-parts':
      return t(lang, 'file.tooManyParts', { parts: v.entries, limit: v.limit });
    case 'docx':
      return t(lang, 'file.docx');
    case 'pptx':
      return t(lang, 'file.pptx');
    case 'ods':
      return t(lang, 'file.ods');
    case 'xlsb':
      return t(lang, 'file.xlsb');
    case 'zip-other':
      return t(lang, 'file.zipOther');
    case 'not-spreadsheet':
      return t(lang, v.hint === 'pdf' ? 'file.pdf' : v.hint === 'csv' ? 'file.csv' : v.hint === 'html' ? 'file.html' : 'file.unknown');
  }
}
