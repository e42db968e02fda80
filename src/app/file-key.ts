/**
 * The key of an agency file as consolidation keeps it (and writes it, hidden, in "Mã tệp" beside Sở Nội vụ's choice
 * "Cho tính vào tổng hợp"): equal for two files that say the same and in which the check finds the same.
 */
import type { AcceptedFile } from './consolidate';

/** What a file says, in a fixed order: year, figures, statuses and notes. */
function contentOf(a: Omit<AcceptedFile, 'fingerprint'>): unknown[] {
  const sorted = <V>(m: ReadonlyMap<string, V>): [string, V][] => [...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return [a.reportingYear, sorted(a.figures).map(([form, cells]) => [form, sorted(cells)]), sorted(a.statuses), sorted(a.notes)];
}

/** What the check found in it: each finding's rule and place. */
function findingsOf(a: Pick<AcceptedFile, 'report'>): unknown[] {
  return a.report.issues.map((i) => [i.rule, i.sheet, i.cell]);
}

/**
 * Equal for two files that say the same and in which the check finds the same: "<content>-<findings>", each a 64-bit
 * hash (16 hex digits; two files that differ hash alike with a chance of one in 2^64). Kept for every file read, so
 * hashes, not the text. Its two halves tell a file sent anew from the same file in which the check finds other
 * things (an update of the product, or a file with no as-of date checked as of another day), for the choice "Cho tính
 * vào tổng hợp" (admission.ts).
 */
export function fingerprint(a: Omit<AcceptedFile, 'fingerprint'>): string {
  return `${hash64(JSON.stringify(contentOf(a)))}-${hash64(JSON.stringify(findingsOf(a)))}`;
}

/**
 * How the file a key was written for (in "Mã tệp", by this version or an earlier one) stands to `file`: the same
 * file with the same findings; the same file in which the check now finds other things; or another file (or none, or
 * an earlier key that does not match: it cannot tell the two apart).
 */
export function keyChange(key: string | null, file: AcceptedFile): 'same' | 'findings' | 'file' {
  if (key === file.fingerprint || key === earlierFileKey(file)) return 'same';
  const half = key === null ? null : contentHalf(key);
  return half !== null && half === contentHalf(file.fingerprint) ? 'findings' : 'file';
}

/** The key earlier versions wrote in "Mã tệp": one hash of content and findings together (16 hex digits). */
function earlierFileKey(a: Omit<AcceptedFile, 'fingerprint'>): string {
  return hash64(JSON.stringify([...contentOf(a), findingsOf(a)]));
}

/** The content half of a file key written by this version ("<content>-<findings>"); null for an earlier key. */
function contentHalf(key: string): string | null {
  const m = /^([0-9a-f]{16})-[0-9a-f]{16}$/.exec(key);
  return m ? m[1]! : null;
}

/** Two independent 32-bit FNV-1a hashes of the text's UTF-16 units, as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
