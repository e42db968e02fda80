/**
 * Which of an agency's files counts when it sent more than one: the newest by when the workbook was last saved
 * (dcterms:modified, which Excel and the product write on every save), then by the file's modification time. The
 * name of a file decides nothing, and neither does the generation stamp (an edited re-send keeps it).
 *
 * When the newest files cannot be told apart (same saved time, same or unknown modification time) and their contents
 * differ, nothing is picked: the files are a conflict, listed for Sở Nội vụ to keep one of them. Files whose contents
 * are the same (the same attachment downloaded twice) are no conflict: one stands for all.
 */

export interface ResendCandidate {
  readonly file: string;
  /** ISO 8601 instant the workbook was last saved, when the file records it. */
  readonly savedAt: string | null;
  /** The file's modification time, ms since epoch, when known. */
  readonly lastModified: number | null;
  /** Equal for files whose figures, statuses and notes are the same. */
  readonly fingerprint: string;
}

export type ResendChoice<T extends ResendCandidate> =
  | { readonly kind: 'one'; readonly keep: T; readonly replaced: readonly T[] }
  | { readonly kind: 'conflict'; readonly files: readonly T[]; readonly replaced: readonly T[] };

function instant(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Positive when `a` is newer than `b`, negative when older, 0 when the two cannot be told apart. */
export function compareResends(a: ResendCandidate, b: ResendCandidate): number {
  const sa = instant(a.savedAt);
  const sb = instant(b.savedAt);
  if (sa !== null && sb !== null && sa !== sb) return sa - sb;
  const ma = a.lastModified;
  const mb = b.lastModified;
  if (ma !== null && mb !== null && Number.isFinite(ma) && Number.isFinite(mb) && ma !== mb) return ma - mb;
  return 0;
}

const byName = (a: ResendCandidate, b: ResendCandidate): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** Picks the file that counts among one agency's files (at least one). */
export function chooseResend<T extends ResendCandidate>(files: readonly T[]): ResendChoice<T> {
  if (files.length === 0) throw new Error('chooseResend needs at least one file');
  const newestFirst = [...files].sort((a, b) => compareResends(b, a) || byName(a, b));
  const top = newestFirst[0]!;
  const newest = newestFirst.filter((f) => compareResends(f, top) === 0);
  const older = newestFirst.filter((f) => compareResends(f, top) !== 0);
  const distinct = new Map<string, T>();
  for (const f of newest) if (!distinct.has(f.fingerprint)) distinct.set(f.fingerprint, f);
  if (distinct.size > 1) return { kind: 'conflict', files: newest, replaced: older };
  return { kind: 'one', keep: top, replaced: [...newest.slice(1), ...older] };
}
