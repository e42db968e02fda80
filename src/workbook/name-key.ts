/**
 * `normaliseName` remembered: reading many returned files compares the same few hundred labels (headers, form
 * titles) over and over, each file decoding them afresh; looking a text up is far cheaper than normalising it again.
 * The memory is bounded (forgotten when full), so it stays flat whatever the number of files.
 */
import { normaliseName } from '../domain/text';

const MAX_ENTRIES = 4_096;
/** Texts longer than this are normalised each time (a label is short; a long note is seldom compared twice). */
const MAX_LENGTH = 200;

/**
 * Two generations: when the newer is full it becomes the older and a new one starts; a text found in the older is
 * carried into the newer. The labels every file holds so survive the texts each file has alone (names, notes).
 */
let known = new Map<string, string>();
let older = new Map<string, string>();

/** The same as normaliseName(s). */
export function nameKey(s: string): string {
  if (s.length > MAX_LENGTH) return normaliseName(s);
  let key = known.get(s);
  if (key === undefined) {
    key = older.get(s) ?? normaliseName(s);
    if (known.size >= MAX_ENTRIES) {
      older = known;
      known = new Map();
    }
    known.set(s, key);
  }
  return key;
}
