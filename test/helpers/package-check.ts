/**
 * Structural checks of an .xlsx package, for every package the file host writes: the things Excel repairs or refuses
 * on open ("We found a problem with some content"), read straight from the XML, not through ExcelJS.
 *
 * - no cell under two data validations (Excel drops overlapping ones on repair);
 * - each worksheet's child elements in the order of the CT_Worksheet sequence (ECMA-376 Part 1, §18.3.1.99);
 * - unique sheet names (ignoring case) and unique defined names per scope;
 * - cell, conditional-format and defined-name formulas at most 8,192 characters;
 * - literal list sources at most 255 characters, and every value in a list-validated cell one of that list's items as
 *   Excel splits them (on commas for a literal list, the cells' contents for a range source).
 */
import { inflateRawSync } from 'node:zlib';
import { makeZip } from './zip';
import { cellRef, parseRange } from '../../src/workbook/a1';

// ---------------------------------------------------------------------------------------------------------------
// A small XML tree (enough for machine-written OOXML parts)

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += xmlText(m[6]);
    else if (m[3] !== undefined) {
      if (m[2] === '/') {
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      const ar = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      for (let a = ar.exec(m[4] ?? ''); a; a = ar.exec(m[4] ?? '')) attrs[a[1]!] = xmlText(a[2] ?? a[3] ?? '');
      const node: XmlNode = { name: m[3].replace(/^\w+:/, ''), attrs, children: [], text: '' };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    }
  }
  return root;
}

const child = (n: XmlNode | undefined, name: string): XmlNode | undefined => n?.children.find((c) => c.name === name);
const all = (n: XmlNode | undefined, name: string): XmlNode[] => n?.children.filter((c) => c.name === name) ?? [];
function descendants(n: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The package

export interface PackageValidation {
  readonly sqref: string;
  readonly type: string;
  readonly formula1: string | null;
}

export interface PackageSheet {
  readonly name: string;
  readonly state: string;
  readonly path: string;
  /** The worksheet's child elements, in document order. */
  readonly children: readonly string[];
  readonly validations: readonly PackageValidation[];
  /** Cell values as text ("" for none), by A1 address. */
  readonly values: ReadonlyMap<string, string>;
  readonly formulas: ReadonlyMap<string, string>;
  readonly conditionalFormulas: readonly string[];
  /** The sheetProtection element's attributes, or null without one. */
  readonly protection: Readonly<Record<string, string>> | null;
}

export interface PackageReport {
  readonly sheets: readonly PackageSheet[];
  readonly definedNames: readonly { readonly name: string; readonly scope: string; readonly formula: string }[];
}

/** The XML parts of a zip, read from its central directory (the test's own reader, independent of the product's). */
function readParts(bytes: Uint8Array): Map<string, string> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557) && eocd < 0; i--) if (b.readUInt32LE(i) === 0x06054b50) eocd = i;
  if (eocd < 0) throw new Error('not a zip');
  const parts = new Map<string, string>();
  let p = b.readUInt32LE(eocd + 16);
  for (let n = b.readUInt16LE(eocd + 10); n > 0; n--) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const offset = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const start = offset + 30 + b.readUInt16LE(offset + 26) + b.readUInt16LE(offset + 28);
    const data = b.subarray(start, start + compressed);
    parts.set(name, (method === 0 ? data : inflateRawSync(data)).toString('utf8'));
  }
  return parts;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, g: string) =>
      g.startsWith('#x') ? String.fromCodePoint(parseInt(g.slice(2), 16)) : g.startsWith('#') ? String.fromCodePoint(Number(g.slice(1))) : (ENTITIES[g] ?? m))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function sharedStrings(parts: Map<string, string>): string[] {
  const xml = parts.get('xl/sharedStrings.xml');
  if (!xml) return [];
  return all(child(parseXml(xml), 'sst'), 'si').map((si) => descendants(si, 't').map((t) => t.text).join(''));
}

function readSheet(xml: string, name: string, state: string, path: string, strings: readonly string[]): PackageSheet {
  const ws = child(parseXml(xml), 'worksheet');
  if (!ws) throw new Error(`${path}: no worksheet element`);
  const values = new Map<string, string>();
  const formulas = new Map<string, string>();
  for (const row of all(child(ws, 'sheetData'), 'row')) {
    for (const c of all(row, 'c')) {
      const ref = c.attrs['r'] ?? '';
      const f = child(c, 'f');
      if (f && f.text !== '') formulas.set(ref, f.text);
      const v = child(c, 'v')?.text;
      const type = c.attrs['t'];
      let text = '';
      if (type === 's') text = strings[Number(v)] ?? '';
      else if (type === 'inlineStr') text = descendants(c, 't').map((t) => t.text).join('');
      else text = v ?? '';
      if (text !== '') values.set(ref, text);
    }
  }
  const validations = all(child(ws, 'dataValidations'), 'dataValidation').map((dv) => ({
    sqref: dv.attrs['sqref'] ?? '',
    type: dv.attrs['type'] ?? 'any',
    formula1: child(dv, 'formula1')?.text ?? null,
  }));
  const conditionalFormulas = all(ws, 'conditionalFormatting').flatMap((cf) => descendants(cf, 'formula').map((f) => f.text));
  const protection = child(ws, 'sheetProtection')?.attrs ?? null;
  return { name, state, path, children: ws.children.map((c) => c.name), validations, values, formulas, conditionalFormulas, protection };
}

export function inspectPackage(bytes: Uint8Array): PackageReport {
  const parts = readParts(bytes);
  const wb = child(parseXml(parts.get('xl/workbook.xml') ?? ''), 'workbook');
  if (!wb) throw new Error('no xl/workbook.xml');
  const rels = new Map(
    all(child(parseXml(parts.get('xl/_rels/workbook.xml.rels') ?? ''), 'Relationships'), 'Relationship').map((r) => [
      r.attrs['Id'] ?? '',
      (r.attrs['Target'] ?? '').replace(/^\/?(xl\/)?/, 'xl/'),
    ]),
  );
  const strings = sharedStrings(parts);
  const sheets = all(child(wb, 'sheets'), 'sheet').map((s) => {
    const path = rels.get(s.attrs['r:id'] ?? s.attrs['id'] ?? '') ?? '';
    return readSheet(parts.get(path) ?? '', s.attrs['name'] ?? '', s.attrs['state'] ?? 'visible', path, strings);
  });
  const definedNames = all(child(wb, 'definedNames'), 'definedName').map((d) => ({
    name: d.attrs['name'] ?? '',
    scope: d.attrs['localSheetId'] ?? '',
    formula: d.text,
  }));
  return { sheets, definedNames };
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

/** CT_Worksheet's sequence (ECMA-376 Part 1, §18.3.1.99). */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
] as const;
const REPEATABLE = new Set(['conditionalFormatting']);
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_LIST_SOURCE_LENGTH = 255;
const MAX_EXPANDED_CELLS = 2_000_000;

/** Every cell of a space-separated sqref. */
export function sqrefCells(sqref: string): string[] {
  const out: string[] = [];
  for (const part of sqref.trim().split(/\s+/)) {
    if (part === '') continue;
    const r = parseRange(part);
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_EXPANDED_CELLS) throw new Error(`sqref ${part} too large to check`);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(cellRef(row, col));
  }
  return out;
}

/** The items of a list validation as Excel splits them; null when the source cannot be resolved. */
export function listItems(report: PackageReport, sheet: PackageSheet, formula1: string): string[] | null {
  const f = formula1.trim();
  if (f.startsWith('"')) return f.slice(1, -1).split(',');
  const m = /^=?(?:(?:'((?:[^']|'')+)'|([^!'\s]+))!)?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(f);
  if (!m) return null;
  const target = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const source = target === undefined ? sheet : report.sheets.find((s) => s.name === target);
  if (!source) return null;
  return sqrefCells(m[3]!.replace(/\$/g, '')).map((ref) => source.values.get(ref) ?? '').filter((v) => v !== '');
}

function sheetProblems(report: PackageReport, s: PackageSheet): string[] {
  const problems: string[] = [];
  const at = (what: string) => problems.push(`${s.name}: ${what}`);
  let last = -1;
  const seen = new Set<string>();
  for (const name of s.children) {
    const i = (WORKSHEET_ORDER as readonly string[]).indexOf(name);
    if (i < 0) at(`unknown worksheet element <${name}>`);
    else if (i < last) at(`<${name}> after <${WORKSHEET_ORDER[last]}> (schema order)`);
    else if (seen.has(name) && !REPEATABLE.has(name)) at(`<${name}> twice`);
    last = Math.max(last, i);
    seen.add(name);
  }
  const covered = new Map<string, string>();
  for (const v of s.validations) {
    for (const cell of sqrefCells(v.sqref)) {
      const before = covered.get(cell);
      if (before !== undefined) at(`cell ${cell} under two data validations (${before} and ${v.sqref})`);
      else covered.set(cell, v.sqref);
    }
    if (v.type !== 'list' || v.formula1 === null) continue;
    const f = v.formula1.trim();
    if (f.startsWith('"') && f.length - 2 > MAX_LIST_SOURCE_LENGTH) at(`list source of ${v.sqref} is ${f.length - 2} characters (max ${MAX_LIST_SOURCE_LENGTH})`);
    const items = listItems(report, s, f);
    if (items === null) {
      at(`list source ${f} of ${v.sqref} cannot be resolved`);
      continue;
    }
    for (const cell of sqrefCells(v.sqref)) {
      const value = s.values.get(cell);
      if (value !== undefined && !s.formulas.has(cell) && !items.includes(value)) {
        at(`${cell} holds "${value}", not one of its list's items [${items.join(' | ')}]`);
      }
    }
  }
  for (const [ref, f] of s.formulas) if (f.length > MAX_FORMULA_LENGTH) at(`formula in ${ref} is ${f.length} characters`);
  for (const f of s.conditionalFormulas) if (f.length > MAX_FORMULA_LENGTH) at(`conditional format formula of ${f.length} characters`);
  return problems;
}

/** Every structural problem of a package; an empty list when Excel would open it without repair. */
export function packageProblems(bytes: Uint8Array): string[] {
  const report = inspectPackage(bytes);
  const problems: string[] = [];
  const names = new Set<string>();
  for (const s of report.sheets) {
    const key = s.name.toLocaleLowerCase();
    if (names.has(key)) problems.push(`sheet name "${s.name}" twice`);
    names.add(key);
    if (s.name.length > 31) problems.push(`sheet name "${s.name}" longer than 31 characters`);
    problems.push(...sheetProblems(report, s));
  }
  const defined = new Set<string>();
  for (const d of report.definedNames) {
    const key = `${d.scope}|${d.name.toLowerCase()}`;
    if (defined.has(key)) problems.push(`defined name "${d.name}" twice in scope ${d.scope || 'workbook'}`);
    defined.add(key);
    if (d.formula.length > MAX_FORMULA_LENGTH) problems.push(`defined name "${d.name}" is ${d.formula.length} characters`);
  }
  return problems;
}

/** A copy of a package with each XML part passed through `edit` (to fake what another program writes). */
export function rewritePackage(bytes: Uint8Array, edit: (name: string, xml: string) => string): Uint8Array {
  return makeZip([...readParts(bytes)].map(([name, xml]) => ({ name, data: edit(name, xml), deflate: true })));
}
