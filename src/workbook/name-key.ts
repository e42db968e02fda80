/**
 * `normaliseName` remembered: reading many returned files compares the same few hundred labels (headers, form
 * titles) over and over, each file decoding them afresh; looking a text up is far cheaper than normalising it again.
 * The memory is bounded (forgotten when full), so it stays flat whatever the number of files.
 */
import { normaliseName } from '../domain/text';

const MAX_ENTRIES = 4_096;
/** Texts longer than this are normalised each time (a label is short; a long note is seldom compared twice). */
const MAX_LENGTH = 200;

let known = new Map<string, string>();

/** The same as normaliseName(s). */
export function nameKey(s: string): string {
  if (s.length > MAX_LENGTH) return normaliseName(s);
  let key = known.get(s);
  if (key === undefined) {
    key = normaliseName(s);
    if (known.size >= MAX_ENTRIES) known = new Map();
    known.set(s, key);
  }
  return key;
}
