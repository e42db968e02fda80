/**
 * The bodies a plan names in "Cơ quan chủ trì thực hiện" and "Cơ quan phối hợp", matched to the roster and its kinds
 * (domain.md §2, issue 11 item 4):
 *   "Các cơ quan, tổ chức, đơn vị"                      → every agency
 *   "Sở Nội vụ"                                         → the roster body SNV
 *   "Sở Nội vụ (Trung tâm Lưu trữ lịch sử tỉnh)"        → one audience with SNV and TTLTLS
 *   "Các cơ quan, tổ chức theo Quyết định số …"         → the roster flag nopLuuLichSu (the Decision is its list)
 *   "… có công trình thuộc diện nộp lưu …"              → the roster flag coCongTrinh
 *   "Các sở, ban, ngành" / "UBND các xã, phường"        → roster kinds
 * Bodies are separated by ";", "," or a line break (commas inside a collective phrase or parentheses do not split).
 * A body that matches nothing is returned as unmatched, never guessed.
 */
import type { Audience, RosterFlag } from './plan-pack';
import type { AgencyKind, Roster } from './roster';

/** Bodies every province has under its Department of Home Affairs, named by the usual code when the roster lacks them. */
const KNOWN_BODIES: ReadonlyArray<{ readonly code: string; readonly names: readonly string[] }> = [
  { code: 'TTLTLS', names: ['trung tâm lưu trữ lịch sử tỉnh', 'trung tâm lưu trữ lịch sử', 'lưu trữ lịch sử tỉnh'] },
];

/** Old-style tone placement ("hoá", "uỷ") written the new way ("hóa", "ủy"), so both spellings compare equal. */
const TONE_ON_O: Readonly<Record<string, string>> = { 'à': 'ò', 'á': 'ó', 'ả': 'ỏ', 'ã': 'õ', 'ạ': 'ọ', 'è': 'ò', 'é': 'ó', 'ẻ': 'ỏ', 'ẽ': 'õ', 'ẹ': 'ọ' };
const TONE_ON_U: Readonly<Record<string, string>> = { 'ỳ': 'ù', 'ý': 'ú', 'ỷ': 'ủ', 'ỹ': 'ũ', 'ỵ': 'ụ' };

function newStyleTones(s: string): string {
  return s
    .replace(/o([àáảãạ])(?![a-zđ\u00c0-\u1ef9])/g, (_m, v: string) => `${TONE_ON_O[v] ?? 'o'}a`)
    .replace(/o([èéẻẽẹ])(?![a-zđ\u00c0-\u1ef9])/g, (_m, v: string) => `${TONE_ON_O[v] ?? 'o'}e`)
    .replace(/(?<!q)u([ỳýỷỹỵ])(?![a-zđ\u00c0-\u1ef9])/g, (_m, v: string) => `${TONE_ON_U[v] ?? 'u'}y`);
}

/** The comparison key of a body's name: NFC, lower case, one space, new-style tones, "UBND" for "Ủy ban nhân dân". */
export function bodyKey(text: string): string {
  const s = newStyleTones(
    text.normalize('NFC').toLowerCase().replace(/[\u00a0\u2007\u202f\s]+/g, ' ').trim(),
  );
  return s
    .replace(/ủy ban nhân dân/g, 'ubnd')
    .replace(/hội đồng nhân dân/g, 'hđnd')
    .replace(/^[-+•*–]\s*/, '')
    .replace(/[.;,:\s]+$/, '')
    .trim();
}

export interface BodyMatch {
  readonly audiences: Audience[];
  /** Names that match no roster body, kind or flag, as written. */
  readonly unmatched: string[];
  /** Bodies known by their usual name but missing from the roster: their code is used, the roster should add them. */
  readonly notInRoster: Array<{ readonly name: string; readonly code: string }>;
}

/** Splits on the given separators outside parentheses. */
function splitTop(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => bodyKey(p) !== '');
}

const COLLECTIVE_START = /^(?:các|tất cả các|toàn bộ các|toàn thể các) (?:cơ quan|tổ chức|đơn vị|sở|xã|phường|doanh nghiệp)|^ubnd (?:các )?(?:xã|phường)/;
const COLLECTIVE_WORD = /^(?:cơ quan|tổ chức|đơn vị|ban|ngành|sở|xã|phường|doanh nghiệp)(?= |$)/;
const NO_QUALIFIER = /^(?:(?:có )?liên quan|trên địa bàn(?: tỉnh)?|thuộc tỉnh|trong tỉnh)?$/;

type Lookup = (key: string) => { code: string; known: boolean } | null;

function rosterLookup(roster: Roster): Lookup {
  const byName = new Map<string, string>();
  for (const e of roster.entries) {
    byName.set(bodyKey(e.name), e.code);
    byName.set(bodyKey(e.code), e.code);
  }
  const known = new Map<string, string>();
  for (const k of KNOWN_BODIES) for (const n of k.names) known.set(n, k.code);
  const find = (key: string): { code: string; known: boolean } | null => {
    const code = byName.get(key);
    if (code !== undefined) return { code, known: false };
    const knownCode = known.get(key);
    if (knownCode === undefined) return null;
    // A known body the roster has under its code is a roster body.
    const inRoster = roster.entries.some((e) => e.code.toUpperCase() === knownCode);
    return { code: knownCode, known: !inRoster };
  };
  return (key) => find(key) ?? (/ tỉnh(?: .*)?$/.test(key) ? find(key.replace(/ tỉnh(?: .*)?$/, '')) : null);
}

/** A collective phrase ("Các cơ quan, tổ chức, đơn vị …") as an audience, or null when its qualifier is not understood. */
function collectiveAudience(key: string): Audience | null {
  if (/công trình/.test(key)) return { type: 'flag', flag: 'coCongTrinh' satisfies RosterFlag };
  if (/quyết định|thuộc diện nộp|nộp lưu|nộp hồ sơ|lưu trữ lịch sử/.test(key)) return { type: 'flag', flag: 'nopLuuLichSu' };
  const kinds: AgencyKind[] = [];
  if (/^(?:ubnd )?(?:các )?(?:xã|phường)/.test(key)) {
    if (/xã/.test(key)) kinds.push('xa');
    if (/phường/.test(key)) kinds.push('phuong');
  } else if (/^các sở/.test(key)) kinds.push('so-ban-nganh');
  else if (/^các đơn vị sự nghiệp/.test(key)) kinds.push('don-vi-su-nghiep');
  else if (/^các doanh nghiệp/.test(key)) kinds.push('doanh-nghiep-nha-nuoc');
  else if (/^các cơ quan(?:, tổ chức)? (?:của )?trung ương|ngành dọc/.test(key)) kinds.push('co-quan-trung-uong');
  if (kinds.length > 0) return { type: 'kinds', kinds };
  let rest = key.replace(/^(?:các|tất cả các|toàn bộ các|toàn thể các) /, '');
  for (;;) {
    const m = /^(?:cơ quan|tổ chức|đơn vị)(?:\s*,\s*|\s+và\s+|\s+|$)/.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return NO_QUALIFIER.test(rest.trim()) ? { type: 'all' } : null;
}

interface Accumulator {
  readonly audiences: Audience[];
  readonly unmatched: string[];
  readonly notInRoster: Array<{ name: string; code: string }>;
}

/** One named body, possibly with a unit in parentheses; or several joined by "và". */
function addNamedBody(segment: string, lookup: Lookup, acc: Accumulator): void {
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(segment);
  const names = paren ? [paren[1] ?? '', paren[2] ?? ''] : [segment];
  const found = names.map((n) => ({ name: n.trim(), hit: lookup(bodyKey(n)) }));
  if (found.every((f) => f.hit !== null)) {
    acc.audiences.push({ type: 'bodies', codes: found.map((f) => f.hit?.code ?? '') });
    for (const f of found) if (f.hit?.known) acc.notInRoster.push({ name: f.name, code: f.hit.code });
    return;
  }
  const pieces = segment.split(/\s+và\s+/);
  if (!paren && pieces.length > 1 && pieces.every((p) => lookup(bodyKey(p)) !== null)) {
    for (const p of pieces) addNamedBody(p, lookup, acc);
    return;
  }
  acc.unmatched.push(segment);
}

/** The audiences of one body cell. */
export function matchBodies(text: string, roster: Roster): BodyMatch {
  const lookup = rosterLookup(roster);
  const acc: Accumulator = { audiences: [], unmatched: [], notInRoster: [] };
  // A line that opens with "(" continues the line above it: "Sở Nội vụ" / "(Trung tâm Lưu trữ lịch sử tỉnh)".
  const joined = text.replace(/\s*\n\s*(?=\()/g, ' ');
  for (const part of splitTop(joined, ';\n')) {
    const segments = splitTop(part, ',');
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] ?? '';
      const key = bodyKey(segment);
      if (!COLLECTIVE_START.test(key)) {
        // A roster name may hold a comma itself ("Sở Văn hóa, Thể thao và Du lịch"): the longest match wins.
        let j = segments.length - 1;
        while (j > i && lookup(bodyKey(segments.slice(i, j + 1).join(', '))) === null) j--;
        addNamedBody(segments.slice(i, j + 1).join(', '), lookup, acc);
        i = j;
        continue;
      }
      // A collective phrase: take the following collective words ("tổ chức", "đơn vị …"), and once it has a
      // qualifier, everything up to the next named body.
      const words = [segment];
      let qualified = !COLLECTIVE_START.test(key) || key.replace(COLLECTIVE_START, '').trim() !== '';
      while (i + 1 < segments.length) {
        const next = segments[i + 1] ?? '';
        const nextKey = bodyKey(next);
        if (lookup(nextKey) !== null) break;
        if (!qualified && !COLLECTIVE_WORD.test(nextKey)) break;
        if (COLLECTIVE_WORD.test(nextKey) && nextKey.replace(COLLECTIVE_WORD, '').trim() !== '') qualified = true;
        if (!COLLECTIVE_WORD.test(nextKey)) qualified = true;
        words.push(next);
        i++;
      }
      const phrase = words.join(', ');
      const audience = collectiveAudience(bodyKey(phrase));
      if (audience) acc.audiences.push(audience);
      else acc.unmatched.push(phrase);
    }
  }
  return { audiences: dedupe(acc.audiences), unmatched: acc.unmatched, notInRoster: acc.notInRoster };
}

function dedupe(audiences: readonly Audience[]): Audience[] {
  const seen = new Set<string>();
  return audiences.filter((a) => {
    const k = JSON.stringify(a);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
