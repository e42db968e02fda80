/**
 * Whether a word can be a Vietnamese syllable: an initial consonant, a vowel group, a final consonant, one tone. Used to
 * tell which reading of legacy-encoded text is Vietnamese ("Hoàn" is, "Hoaứn" is not).
 *
 * The rules are the spelling rules of the language, kept deliberately a little wide (a rare valid syllable must never
 * be refused; a misread one almost always breaks a vowel group).
 */

/** Tones as combining marks (NFD): sắc, huyền, hỏi, ngã, nặng. */
const TONE_MARKS = /[\u0301\u0300\u0309\u0303\u0323]/gu;
const CHECKED_TONES = new Set(['\u0301', '\u0323']); // sắc, nặng: the only tones before c, ch, p, t

const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'th', 'tr', 'ch', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
// "k" ends a few place names of the Central Highlands (Đắk Lắk).
const CODAS = ['ng', 'nh', 'ch', 'c', 'k', 'm', 'n', 'p', 't'];
const CHECKED_CODAS = new Set(['c', 'ch', 'k', 'p', 't']);

/** Vowel groups that end in a glide: nothing may follow. */
const CLOSED_GROUPS = new Set([
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'ưa', 'ưi', 'ưu',
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu', 'uơ',
]);
/** Vowel groups that may stand alone or take a final consonant. */
const OPEN_GROUPS = new Set(['a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'oa', 'oe', 'uê', 'uy', 'ưo']);
/** Vowel groups that need a final consonant. */
const CODA_GROUPS = new Set(['ă', 'â', 'iê', 'yê', 'uô', 'ươ', 'oă', 'uâ', 'uyê', 'oo', 'ôô']);

/** Groups whose tone falls on the last letter (the glide rule below does not apply): "thuở". */
const TONE_LAST = new Set(['uơ']);
/** "nh" and "ch" end only these groups (anh, ênh, inh, ynh, oanh, uênh, uynh and their -ch). */
const PALATAL_GROUPS = new Set(['a', 'ê', 'i', 'y', 'oa', 'uê', 'uy']);
/** "ng" and "c" never end these (they take "nh", "ch"). */
const NO_VELAR = new Set(['i', 'ê', 'y']);

/**
 * `toneAt`: index of the toned letter in `rime` (-1: no tone). A tone never sits on a closing glide ("xão", not
 * "xaõ"), and a two-letter group before a final consonant carries it on its second letter ("tiếng", not "tíêng").
 */
function rimeIsValid(rime: string, tone: string | null, toneAt: number): boolean {
  if (CLOSED_GROUPS.has(rime)) return toneAt < 0 || toneAt < rime.length - 1 || TONE_LAST.has(rime);
  if (OPEN_GROUPS.has(rime)) return true;
  for (const coda of CODAS) {
    if (!rime.endsWith(coda) || rime.length === coda.length) continue;
    const group = rime.slice(0, -coda.length);
    if (!OPEN_GROUPS.has(group) && !CODA_GROUPS.has(group)) continue;
    if (CHECKED_CODAS.has(coda) && tone !== null && !CHECKED_TONES.has(tone)) continue;
    if ((coda === 'nh' || coda === 'ch') && !PALATAL_GROUPS.has(group)) continue;
    if ((coda === 'ng' || coda === 'c') && NO_VELAR.has(group)) continue;
    if (CODA_GROUPS.has(group) && group.length === 2 && toneAt === 0) continue;
    if (toneAt >= group.length) continue;
    return true;
  }
  return false;
}

/** True when `word` (letters only, any case, NFC or NFD) is spelled as a Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const letters: string[] = [];
  let tone: string | null = null;
  let toneIndex = -1;
  for (const ch of word.toLowerCase().normalize('NFC')) {
    const parts = ch.normalize('NFD');
    const marks = parts.match(TONE_MARKS) ?? [];
    if (marks.length > 0) {
      if (tone !== null || marks.length > 1) return false;
      tone = marks[0]!;
      toneIndex = letters.length;
    }
    letters.push(parts.replace(TONE_MARKS, '').normalize('NFC'));
  }
  const bare = letters.join('');
  if (!/^[a-zđăâêôơư]+$/u.test(bare) || letters.length !== [...bare].length) return false;
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const rime = bare.slice(onset.length);
    // "gì": the i of "gi" is the whole rime; otherwise the tone is never on the initial consonant's letters.
    if (rime === '') {
      if (onset === 'gi') return true;
      continue;
    }
    if (toneIndex >= 0 && toneIndex < onset.length) continue;
    if (rimeIsValid(rime, tone, toneIndex < 0 ? -1 : toneIndex - onset.length)) return true;
  }
  return false;
}

/** The words of a text (runs of letters and marks). */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').split(/[^\p{L}\p{M}]+/u).filter((w) => w !== '');
}

const VOWEL = /[aeiouyăâêôơư]/u;

/**
 * Words with a letter beyond ASCII that are not Vietnamese syllables. ASCII words (codes, foreign names) and words
 * without a vowel (abbreviations such as "NĐ", "QĐ") are not judged.
 */
export function invalidSyllables(text: string): number {
  let n = 0;
  for (const w of wordsOf(text)) {
    if (!/[^\u0000-\u007f]/.test(w) || !VOWEL.test(w.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/gu, '').normalize('NFC'))) continue;
    if (!isVietnameseSyllable(w)) n++;
  }
  return n;
}
