/**
 * A forward-only scanner over the bytes of an XML part: tags one after the other, their attributes and the text
 * between them, without building a string of the whole part or a DOM. Element and attribute names are matched by
 * their local name (after any prefix), so `<x:c>` reads like `<c>`. Browser-safe; no RegExp is built while scanning.
 */
const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQ = 61;
const COLON = 58;
const BANG = 33;
const QMARK = 63;
const AMP = 38;
const UNDERSCORE = 95;

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A name to compare against, as bytes. */
export type Name = Uint8Array;
export const name = (s: string): Name => encoder.encode(s);

const isSpace = (x: number): boolean => x === 32 || x === 9 || x === 10 || x === 13;

export type TagKind = 'open' | 'close' | 'empty' | 'other' | 'end';

export class XmlScanner {
  /** Position just after the current tag. */
  pos = 0;
  /** The current tag: kind, local name [localStart, nameEnd), attributes [nameEnd, attrEnd). */
  private tagKind: TagKind = 'end';
  private localStart = 0;
  /** Where the current tag's name starts (its prefix included), and whether a ">" ends the tag. */
  private nameStart = 0;
  private terminated = true;
  private nameEnd = 0;
  private attrEnd = 0;
  /** The last attribute found by `attr`: [valueStart, valueEnd). */
  private valueStart = 0;
  private valueEnd = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** Moves to the next tag; false at the end of the part. */
  next(): boolean {
    const b = this.bytes;
    const lt = b.indexOf(LT, this.pos);
    if (lt < 0) {
      this.tagKind = 'end';
      this.pos = b.length;
      return false;
    }
    let i = lt + 1;
    const first = b[i];
    if (first === BANG || first === QMARK) {
      this.tagKind = 'other';
      this.pos = this.skipSpecial(lt);
      return true;
    }
    const closing = first === SLASH;
    if (closing) i++;
    this.nameStart = i;
    this.localStart = i;
    while (i < b.length) {
      const x = b[i] as number;
      if (isSpace(x) || x === SLASH || x === GT) break;
      if (x === COLON) this.localStart = i + 1;
      i++;
    }
    this.nameEnd = i;
    let quote = 0;
    while (i < b.length) {
      const x = b[i] as number;
      if (quote !== 0) {
        if (x === quote) quote = 0;
      } else if (x === QUOTE || x === APOS) quote = x;
      else if (x === GT) break;
      i++;
    }
    this.terminated = i < b.length;
    const selfClosing = !closing && i < b.length && b[i - 1] === SLASH;
    this.attrEnd = selfClosing ? i - 1 : i;
    this.tagKind = closing ? 'close' : selfClosing ? 'empty' : 'open';
    this.pos = Math.min(i + 1, b.length);
    return true;
  }

  /** What the current tag is (a method, so each call reads the scanner's state afresh). */
  kind(): TagKind {
    return this.tagKind;
  }

  /** Comments, CDATA, processing instructions and declarations: where they end. */
  private skipSpecial(lt: number): number {
    const b = this.bytes;
    const ends = (s: string, from: number): number => {
      const at = indexOfSeq(b, name(s), from);
      return at < 0 ? b.length : at + s.length;
    };
    if (b[lt + 1] === BANG && b[lt + 2] === 45 && b[lt + 3] === 45) return ends('-->', lt + 4);
    if (b[lt + 1] === BANG && b[lt + 2] === 91) return ends(']]>', lt + 3);
    const gt = b.indexOf(GT, lt);
    return gt < 0 ? b.length : gt + 1;
  }

  /** The current tag's name as written (prefix included); null for a tag without a name or no ">" to end it. */
  tagName(): string | null {
    if (!this.terminated || this.nameEnd <= this.nameStart) return null;
    return String.fromCharCode.apply(null, this.bytes.subarray(this.nameStart, this.nameEnd) as unknown as number[]);
  }

  /** Whether the current tag's local name is `n`. */
  is(n: Name): boolean {
    if (this.nameEnd - this.localStart !== n.length) return false;
    const b = this.bytes;
    for (let k = 0; k < n.length; k++) if (b[this.localStart + k] !== n[k]) return false;
    return true;
  }

  /** Finds attribute `n` (by local name) of the current tag; its value is then read with `value…()`. */
  attr(n: Name): boolean {
    const b = this.bytes;
    let i = this.nameEnd;
    const end = this.attrEnd;
    while (i < end) {
      while (i < end && isSpace(b[i] as number)) i++;
      let local = i;
      const start = i;
      while (i < end && b[i] !== EQ && !isSpace(b[i] as number)) {
        if (b[i] === COLON) local = i + 1;
        i++;
      }
      const nameEnd = i;
      while (i < end && b[i] !== EQ) i++;
      i++;
      while (i < end && isSpace(b[i] as number)) i++;
      const quote = b[i];
      if (quote !== QUOTE && quote !== APOS) return false;
      const vs = i + 1;
      let ve = vs;
      while (ve < end && b[ve] !== quote) ve++;
      i = ve + 1;
      if (nameEnd > start && nameEnd - local === n.length && sameBytes(b, local, n)) {
        this.valueStart = vs;
        this.valueEnd = ve;
        return true;
      }
    }
    return false;
  }

  /** The found attribute's value as text (entities decoded). */
  attrText(): string {
    return text(this.bytes, this.valueStart, this.valueEnd);
  }

  /** The found attribute's value, when it is an A1 reference: writes row and column to `out`; false otherwise. */
  attrCell(out: { row: number; col: number }): boolean {
    const b = this.bytes;
    let i = this.valueStart;
    let col = 0;
    while (i < this.valueEnd) {
      const x = (b[i] as number) | 0x20;
      if (x < 97 || x > 122) break;
      col = col * 26 + (x - 96);
      i++;
    }
    let row = 0;
    const digits = i;
    while (i < this.valueEnd && (b[i] as number) >= 48 && (b[i] as number) <= 57) row = row * 10 + ((b[i++] as number) - 48);
    if (i !== this.valueEnd || i === digits) return false;
    out.row = row;
    out.col = col;
    return true;
  }

  /** The found attribute's value as a whole number, or NaN. */
  attrInt(): number {
    const b = this.bytes;
    if (this.valueEnd === this.valueStart || this.valueEnd - this.valueStart > 9) return NaN;
    let n = 0;
    for (let i = this.valueStart; i < this.valueEnd; i++) {
      const d = (b[i] as number) - 48;
      if (d < 0 || d > 9) return NaN;
      n = n * 10 + d;
    }
    return n;
  }

  /** Whether the found attribute's value is exactly `v`. */
  attrIs(v: Name): boolean {
    return this.valueEnd - this.valueStart === v.length && sameBytes(this.bytes, this.valueStart, v);
  }

  /** The text after the current (opening) tag up to the next tag, decoded; "" after an empty tag. */
  textContent(): string {
    return this.tagKind === 'open' ? text(this.bytes, this.pos, this.textEnd()) : '';
  }

  /** Where the text after the current (opening) tag ends (the next tag, or the end of the part); `pos` after an empty tag. */
  textEnd(): number {
    if (this.tagKind !== 'open') return this.pos;
    const lt = this.bytes.indexOf(LT, this.pos);
    return lt < 0 ? this.bytes.length : lt;
  }

  /**
   * The found attribute's value when it is one of `known` (compared as bytes, the same string object returned each
   * time); otherwise its text, decoded.
   */
  attrOneOf(known: readonly (readonly [Name, string])[]): string {
    for (const [bytes, s] of known) if (this.attrIs(bytes)) return s;
    return this.attrText();
  }

  /** Skips to just after the closing tag matching the current opening tag (same local name, nesting counted). */
  skipElement(): void {
    if (this.tagKind !== 'open') return;
    const n = this.bytes.slice(this.localStart, this.nameEnd);
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (!this.is(n)) continue;
      if (this.kind() === 'open') depth++;
      else if (this.kind() === 'close') depth--;
    }
  }
}

function sameBytes(b: Uint8Array, at: number, n: Name): boolean {
  for (let k = 0; k < n.length; k++) if (b[at + k] !== n[k]) return false;
  return true;
}

function indexOfSeq(b: Uint8Array, seq: Uint8Array, from: number): number {
  const first = seq[0] as number;
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
    if (i + seq.length <= b.length && sameBytes(b, i, seq)) return i;
  }
  return -1;
}

/** XML's predefined entities (a Map: "&constructor;" is no entity, whatever an object's members are). */
const ENTITIES: ReadonlyMap<string, string> = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

const DECIMAL_REF = /^#\d+$/;

function codePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
}

function isHex(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return to > from;
}

/** Whether `s` has `word` at `at` (compared by code unit, no string made). */
function hasAt(s: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Where one entity or reference starting at `amp` ends, its text left in `entity`; -1 if there is none. */
let entity = '';
function entityAt(s: string, amp: number): number {
  // The ones writers put in cell text, most of all "&quot;" (ExcelJS writes every quotation mark so), told at once.
  if (hasAt(s, amp + 1, 'quot;')) return (entity = '"'), amp + 6;
  if (hasAt(s, amp + 1, 'amp;')) return (entity = '&'), amp + 5;
  const semi = s.indexOf(';', amp + 1);
  if (semi < 0 || semi - amp > 12) return -1;
  const body = s.slice(amp + 1, semi);
  let found: string | undefined;
  if (body.startsWith('#x') || body.startsWith('#X')) found = isHex(body, 2, body.length) ? codePoint(parseInt(body.slice(2), 16)) : undefined;
  else if (body.startsWith('#')) found = DECIMAL_REF.test(body) ? codePoint(Number(body.slice(1))) : undefined;
  else found = ENTITIES.get(body);
  if (found === undefined) return -1;
  entity = found;
  return semi + 1;
}

/** OOXML's _xHHHH_ escape starting at `at`, or null. */
function escapeAt(s: string, at: number): string | null {
  return s.charCodeAt(at + 6) === UNDERSCORE && s.charCodeAt(at + 1) === 120 && isHex(s, at + 2, at + 6)
    ? String.fromCharCode(parseInt(s.slice(at + 2, at + 6), 16))
    : null;
}

/** XML text → string: entities, numeric references, and OOXML's _xHHHH_ escapes (decoded in one left-to-right pass). */
export function xmlText(s: string): string {
  let amp = s.indexOf('&');
  let escape = s.indexOf('_x');
  if (amp < 0 && escape < 0) return s;
  if (escape < 0 && s.indexOf('&#', amp) < 0) return namedOnly(s);
  let out = '';
  let from = 0;
  // From one "&" or "_x" to the next (indexOf, not a test of every character), whichever comes first.
  while (amp >= 0 || escape >= 0) {
    if (amp >= 0 && (escape < 0 || amp < escape)) {
      const end = entityAt(s, amp);
      if (end >= 0) {
        out += s.slice(from, amp) + entity;
        from = end;
      }
      amp = s.indexOf('&', Math.max(end, amp + 1));
      if (escape >= 0 && escape < from) escape = s.indexOf('_x', from);
    } else {
      const ch = escapeAt(s, escape);
      if (ch !== null) {
        out += s.slice(from, escape) + ch;
        from = escape + 7;
      }
      escape = s.indexOf('_x', ch !== null ? from : escape + 1);
      if (amp >= 0 && amp < from) amp = s.indexOf('&', from);
    }
  }
  return out + s.slice(from);
}

/**
 * Text whose only references are named entities (most cell text: ExcelJS writes each quotation mark as "&quot;"),
 * replaced by the engine's own search. "&amp;" last: no replacement before it makes an "&", and the "&" it makes are
 * not looked at again — the same as one pass from left to right.
 */
function namedOnly(s: string): string {
  let out = s;
  if (out.includes('&quot;')) out = out.replaceAll('&quot;', '"');
  if (out.includes('&lt;')) out = out.replaceAll('&lt;', '<');
  if (out.includes('&gt;')) out = out.replaceAll('&gt;', '>');
  if (out.includes('&apos;')) out = out.replaceAll('&apos;', "'");
  if (out.includes('&amp;')) out = out.replaceAll('&amp;', '&');
  return out;
}

/** Bytes [start, end) as text: plain ASCII is built directly; anything else is decoded as UTF-8, then unescaped. */
export function text(b: Uint8Array, start: number, end: number): string {
  let ascii = true;
  let escapes = false;
  for (let i = start; i < end; i++) {
    const x = b[i] as number;
    if (x >= 0x80) {
      ascii = false;
      break;
    }
    if (x === AMP || x === UNDERSCORE) escapes = true;
  }
  if (!ascii || end - start > 8_192) return xmlText(utf8.decode(b.subarray(start, end)));
  const s = String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  return escapes ? xmlText(s) : s;
}
