/**
 * Vietnamese text typed in the legacy encodings that some agency files still carry (domain.md §8), as it appears once
 * stored in a workbook: the legacy bytes read as Windows-1252 characters.
 *
 * - TCVN3 (ABC, ".Vn…" fonts): one byte per letter, e.g. "ư" = 0xAD, "đ" = 0xAE, "Đ" = 0xA7. Upper-case letters with a
 *   tone mark have no code of their own (".Vn…H" fonts draw the lower-case codes in capitals), so only lower-case
 *   letters and the seven bare capitals Ă Â Ê Ô Ơ Ư Đ are converted.
 * - VNI-Windows: a base letter followed by a mark character, e.g. "aø" = "à", "ö" = "ư", "ñ" = "đ".
 *
 * Detection reads the text both ways and keeps the reading that is Vietnamese (see detectLegacyEncoding).
 */
import { TASK_STATUSES } from './due-state';
import { invalidSyllables, wordsOf } from './vietnamese-syllable';

// The tone order of both tables: none, sắc, huyền, hỏi, ngã, nặng.
type Vowel = 'a' | 'â' | 'ă' | 'e' | 'ê' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'i' | 'y';
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

function toned(base: string, tone: number): string {
  return (base + (TONE_MARKS[tone] ?? '')).normalize('NFC');
}

/** TCVN3 codes (as bytes) of each lower-case vowel with each tone; "." marks the plain ASCII letter. */
const TCVN3_LOWER: Readonly<Record<Vowel, readonly number[]>> = {
  'a': [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  'â': [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  'ă': [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  'e': [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  'ê': [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  'o': [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  'ô': [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  'ơ': [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee],
  'u': [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  'ư': [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  'i': [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  'y': [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
};
const TCVN3_OTHERS: ReadonlyArray<[number, string]> = [
  [0xae, 'đ'], [0xa7, 'Đ'], [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'],
];

const TCVN3_MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [vowel, codes] of Object.entries(TCVN3_LOWER)) {
    codes.forEach((code, tone) => {
      if (code >= 0x80) m.set(String.fromCharCode(code), toned(vowel, tone));
    });
  }
  for (const [code, letter] of TCVN3_OTHERS) m.set(String.fromCharCode(code), letter);
  return m;
})();

/** VNI: each vowel is a base letter followed by one mark character that carries both its hat/breve and its tone. */
const PLAIN = ['', 'ù', 'ø', 'û', 'õ', 'ï']; // a, e, o, u, y, and ơ ("ô"), ư ("ö")
const HAT = ['â', 'á', 'à', 'å', 'ã', 'ä']; // â, ê, ô
const BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë']; // ă
const VNI_VOWELS: ReadonlyArray<[string, string, readonly string[]]> = [
  ['a', 'a', PLAIN], ['â', 'a', HAT], ['ă', 'a', BREVE], ['e', 'e', PLAIN], ['ê', 'e', HAT], ['o', 'o', PLAIN],
  ['ô', 'o', HAT], ['ơ', 'ô', PLAIN], ['u', 'u', PLAIN], ['ư', 'ö', PLAIN], ['y', 'y', PLAIN],
];
const VNI_I = ['i', 'í', 'ì', 'æ', 'ó', 'ò'];

const VNI_PAIRS: ReadonlyArray<[string, string]> = (() => {
  const pairs: [string, string][] = [];
  const add = (legacy: string, unicode: string) => {
    pairs.push([legacy, unicode]);
    pairs.push([legacy.toUpperCase(), unicode.toUpperCase()]);
  };
  for (const [vowel, base, marks] of VNI_VOWELS) {
    marks.forEach((mark, tone) => {
      if (base + mark !== vowel) add(base + mark, toned(vowel, tone));
    });
  }
  VNI_I.forEach((legacy, tone) => {
    if (tone > 0) add(legacy, toned('i', tone));
  });
  add('î', 'ỵ');
  add('ñ', 'đ');
  // Longest sequences first, so "aâ" + "ù" is read as one letter before "aâ" alone.
  return pairs.sort((x, y) => y[0].length - x[0].length);
})();

export type LegacyEncoding = 'tcvn3' | 'vni';

export function convertTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_MAP.get(ch) ?? ch;
  return out;
}

export function convertVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const pair = VNI_PAIRS.find(([legacy]) => text.startsWith(legacy, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/** Letters of Vietnamese written in Unicode (NFC), besides ASCII. */
const VIETNAMESE = new Set(
  [...'àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'].flatMap((c) => [c, c.toUpperCase()]),
);

/** Characters beyond ASCII that Vietnamese text holds besides its letters; « » § © ® · are TCVN3 letters, not these. */
function foreignCount(text: string): number {
  let n = 0;
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 && !VIETNAMESE.has(ch) && !'–—‘’“”…•°²³€'.includes(ch)) n++;
  }
  return n;
}

/**
 * Vietnamese letters beyond Latin-1 (ă đ ĩ ũ ơ ư, and the toned letters Latin-1 lacks, precomposed or as a combining
 * mark), which text stored in TCVN3 or VNI never holds: every byte of those reads as a Windows-1252 character.
 */
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]/;

/** Words every workbook of the product uses: the statuses (agency names come from the caller's roster). */
const BUILT_IN_WORDS: readonly string[] = [...TASK_STATUSES];

function vocabulary(known: Iterable<string>): Set<string> {
  return new Set([...BUILT_IN_WORDS, ...known].flatMap((phrase) => wordsOf(phrase.toLowerCase())));
}

interface Reading {
  readonly enc: LegacyEncoding | null;
  readonly text: string;
  /** Characters no Vietnamese text contains. */
  readonly foreign: number;
  /** Words that cannot be Vietnamese syllables. */
  readonly invalid: number;
  /** Words with a letter beyond ASCII: those the syllable test judges. */
  readonly judged: number;
  /** Words of the known vocabulary. */
  readonly known: number;
}

function reading(enc: LegacyEncoding | null, text: string, words: ReadonlySet<string>): Reading {
  const all = wordsOf(text);
  return {
    enc,
    text,
    foreign: foreignCount(text),
    invalid: invalidSyllables(text),
    judged: all.filter((w) => /[^\u0000-\u007f]/.test(w)).length,
    known: all.filter((w) => words.has(w.toLowerCase())).length,
  };
}

/**
 * The legacy encoding a text is written in, or null when it reads as Unicode Vietnamese (or plain ASCII).
 * TCVN3 and VNI share many characters (VNI's tone marks are TCVN3 letters), so both readings are made and the one
 * that yields Vietnamese wins: no foreign characters left, valid syllables, then the most known words (`known`:
 * names the caller expects, e.g. the roster's agencies).
 */
export function detectLegacyEncoding(text: string, known: Iterable<string> = []): LegacyEncoding | null {
  // Legacy text as stored holds nothing beyond Windows-1252: a Unicode-only letter means Unicode (or a mix, which a
  // whole-text conversion would spoil: "Ghi chú: Sè liÖu" is not to become "Ghi chỳ: Số liệu").
  if (UNICODE_ONLY.test(text)) return null;
  const words = vocabulary(known);
  const original = reading(null, text, words);
  if (original.foreign === 0 && original.invalid === 0) return null;
  const best = [reading('tcvn3', convertTcvn3(text), words), reading('vni', convertVni(text), words)]
    .filter((r) => r.text !== text && r.foreign === 0 && r.invalid < original.foreign + original.invalid)
    // A stray foreign word may stay invalid; a wrong reading breaks most of them.
    .filter((r) => r.invalid === 0 || r.invalid * 5 <= r.judged)
    .sort((a, b) => a.invalid - b.invalid || b.known - a.known)[0];
  return best?.enc ?? null;
}

/** Unicode text written in TCVN3 (as stored in a workbook). Capitals with a tone mark, which TCVN3 has no code for,
 * are written with the lower-case code, as the ".Vn…H" capital fonts expect. */
export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += TCVN3_REVERSE.get(ch) ?? TCVN3_REVERSE.get(ch.toLowerCase()) ?? ch;
  return out;
}

/** Unicode text written in VNI-Windows (as stored in a workbook). */
export function toVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += VNI_REVERSE.get(ch) ?? ch;
  return out;
}

const TCVN3_REVERSE: ReadonlyMap<string, string> = new Map([...TCVN3_MAP].map(([legacy, unicode]) => [unicode, legacy]));
const VNI_REVERSE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [legacy, unicode] of VNI_PAIRS) if (!m.has(unicode)) m.set(unicode, legacy);
  return m;
})();

/** Converts text from the legacy encoding it is detected in; unchanged when none is detected. */
export function toUnicode(text: string, known: Iterable<string> = []): { text: string; from: LegacyEncoding | null } {
  const from = detectLegacyEncoding(text, known);
  if (from === 'tcvn3') return { text: convertTcvn3(text), from };
  if (from === 'vni') return { text: convertVni(text), from };
  return { text, from: null };
}

const LEGACY_NAMES: Readonly<Record<LegacyEncoding, string>> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI-Windows' };

/** The encoding's name as findings give it. */
export function legacyEncodingName(enc: LegacyEncoding): string {
  return LEGACY_NAMES[enc];
}
