/**
 * Vietnamese text typed in the legacy encodings that some agency files still carry (domain.md §8), as it appears once
 * stored in a workbook: the legacy bytes read as Windows-1252 characters.
 *
 * - TCVN3 (ABC, ".Vn…" fonts): one byte per letter, e.g. "ư" = 0xAD, "đ" = 0xAE, "Đ" = 0xA7. Upper-case letters with a
 *   tone mark have no code of their own (".Vn…H" fonts draw the lower-case codes in capitals), so only lower-case
 *   letters and the seven bare capitals Ă Â Ê Ô Ơ Ư Đ are converted.
 * - VNI-Windows: a base letter followed by a mark character, e.g. "aø" = "à", "ö" = "ư", "ñ" = "đ".
 *
 * Detection looks for characters no Unicode Vietnamese text contains, then checks that the conversion leaves none.
 */

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

function foreignCount(text: string): number {
  let n = 0;
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 && !VIETNAMESE.has(ch) && !'–—‘’“”…•°²³€«»§©®·'.includes(ch)) n++;
  }
  return n;
}

/** Words with more than one tone mark cannot be Vietnamese: a sign of a wrong reading. */
function implausibleWords(text: string): number {
  let n = 0;
  for (const word of text.normalize('NFD').split(/[^\p{L}\p{M}]+/u)) {
    if ((word.match(/[\u0300\u0301\u0303\u0309\u0323]/g) ?? []).length > 1) n++;
  }
  return n;
}

/** The legacy encoding a text is written in, or null when it reads as Unicode Vietnamese (or plain ASCII). */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const before = foreignCount(text);
  if (before === 0 && implausibleWords(text) === 0) return null;
  const candidates: [LegacyEncoding, string][] = [['tcvn3', convertTcvn3(text)], ['vni', convertVni(text)]];
  const scored = candidates
    .filter(([, converted]) => converted !== text)
    .map(([enc, converted]) => ({ enc, left: foreignCount(converted), odd: implausibleWords(converted) }))
    .filter((c) => c.left === 0)
    .sort((a, b) => a.odd - b.odd);
  const best = scored[0];
  return best && best.odd === 0 ? best.enc : null;
}

/** Converts text from the legacy encoding it is detected in; unchanged when none is detected. */
export function toUnicode(text: string): { text: string; from: LegacyEncoding | null } {
  const from = detectLegacyEncoding(text);
  if (from === 'tcvn3') return { text: convertTcvn3(text), from };
  if (from === 'vni') return { text: convertVni(text), from };
  return { text, from: null };
}
