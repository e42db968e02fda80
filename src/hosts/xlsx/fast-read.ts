/**
 * A values-only reader of .xlsx files for batch work (validation and consolidation of many files): it inflates only
 * the parts it needs — the workbook, its relationships, the shared strings and the requested sheets — and reads cell
 * values and formulas straight from the XML, skipping styles, validations and formatting that ExcelJS would build.
 * It gives the same Grid as the ExcelJS host (dates as serial numbers); tests compare the two on the same files.
 * Node only (node:zlib); the task pane reads files with ExcelJS.
 */
import { inflateRawSync } from 'node:zlib';
import type { WorkbookPort, WorkbookSnapshot } from '../../app/workbook-port';
import { parseCell } from '../../workbook/a1';
import type { Grid, GridValue } from '../../workbook/grid';
import type { SheetSpec } from '../../workbook/sheet-spec';
import { entryDataStart, zipDirectory, type ZipEntry } from './zip';

function directory(b: Uint8Array): Map<string, ZipEntry> {
  const entries = zipDirectory(b);
  if (entries === null) throw new Error('zip: no readable central directory');
  return new Map(entries.map((e) => [e.name, e]));
}

function inflate(b: Uint8Array, e: ZipEntry): string {
  const start = entryDataStart(b, e);
  if (start === null) throw new Error(`zip: bad local header for ${e.name}`);
  const data = b.subarray(start, start + e.compressed);
  let bytes: Uint8Array;
  if (e.method === 0) bytes = data;
  else if (e.method === 8) bytes = inflateRawSync(data, { maxOutputLength: Math.max(e.uncompressed, 1) + 1024 });
  else throw new Error(`zip: unsupported method ${e.method}`);
  return new TextDecoder().decode(bytes);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: entities, numeric references, and OOXML's _xHHHH_ escapes. */
export function xmlText(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, g: string) => {
      if (g.startsWith('#x')) return String.fromCodePoint(parseInt(g.slice(2), 16));
      if (g.startsWith('#')) return String.fromCodePoint(Number(g.slice(1)));
      return ENTITIES[g] ?? m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
}

/** The visible text of a string item (<si>, <is>): its <t> runs, without phonetic guides. */
function runsText(xml: string): string {
  const clean = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) out += m[1] ?? '';
  return xmlText(out);
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export class FastWorkbook implements WorkbookPort {
  private readonly entries: Map<string, ZipEntry>;
  private readonly sheets: { name: string; path: string }[] = [];
  private strings: string[] | null = null;
  private readonly date1904: boolean;

  constructor(private readonly bytes: Uint8Array) {
    this.entries = directory(bytes);
    const workbookPath = 'xl/workbook.xml';
    const wbXml = this.part(workbookPath);
    if (wbXml === null) throw new Error('no xl/workbook.xml');
    this.date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wbXml);
    const rels = this.part('xl/_rels/workbook.xml.rels') ?? '';
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const id = attr(m[1] ?? '', 'Id');
      const target = attr(m[1] ?? '', 'Target');
      if (id && target) targets.set(id, resolvePath(workbookPath, target));
    }
    for (const m of wbXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const a = m[1] ?? '';
      const name = attr(a, 'name');
      const id = attr(a, 'r:id');
      const path = id ? targets.get(id) : undefined;
      if (name !== undefined && path) this.sheets.push({ name: xmlText(name), path });
    }
  }

  private part(name: string): string | null {
    const e = this.entries.get(name);
    return e ? inflate(this.bytes, e) : null;
  }

  private sharedStrings(): string[] {
    if (this.strings) return this.strings;
    const xml = this.part('xl/sharedStrings.xml') ?? '';
    const out: string[] = [];
    for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] === undefined ? '' : runsText(m[1]));
    this.strings = out;
    return out;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  grid(name: string): Grid | null {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) return null;
    const xml = this.part(sheet.path);
    if (xml === null) return null;
    const values: GridValue[][] = [];
    const formulas: (string | null)[][] = [];
    const shared = new Map<string, string>();
    let rowNo = 0;
    for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = attr(rowMatch[1] ?? '', 'r');
      rowNo = r !== undefined ? Number(r) : rowNo + 1;
      const body = rowMatch[2];
      if (!body) continue;
      let col = 0;
      for (const c of body.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const a = c[1] ?? '';
        const ref = attr(a, 'r');
        col = ref !== undefined ? parseCell(ref).col : col + 1;
        const inner = c[2] ?? '';
        const type = attr(a, 't') ?? 'n';
        const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
        const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        let value: GridValue = null;
        switch (type) {
          case 's':
            value = v === undefined ? null : (this.sharedStrings()[Number(v)] ?? null);
            break;
          case 'inlineStr': {
            const is = /<is>([\s\S]*?)<\/is>/.exec(inner)?.[1];
            value = is === undefined ? null : runsText(is);
            break;
          }
          case 'str':
          case 'e':
            value = v === undefined ? null : xmlText(v);
            break;
          case 'b':
            value = v === undefined ? null : v === '1' || v === 'true';
            break;
          case 'd': {
            const ms = v === undefined ? NaN : Date.parse(v);
            value = Number.isFinite(ms) ? ms / 86_400_000 + 25_569 : null;
            break;
          }
          default:
            value = v === undefined || v === '' ? null : Number(v);
        }
        if (value !== null || f) {
          (values[rowNo - 1] ??= [])[col - 1] = value;
        }
        if (f) {
          const fa = f[1] ?? '';
          let text = f[2] !== undefined ? xmlText(f[2]) : '';
          const si = attr(fa, 'si');
          if (attr(fa, 't') === 'shared' && si !== undefined) {
            if (text !== '') shared.set(si, text);
            else text = shared.get(si) ?? '';
          }
          (formulas[rowNo - 1] ??= [])[col - 1] = `=${text}`;
        }
      }
    }
    const height = Math.max(values.length, formulas.length);
    const outValues: GridValue[][] = [];
    const outFormulas: (string | null)[][] = [];
    for (let i = 0; i < height; i++) {
      const vr = values[i] ?? [];
      const fr = formulas[i] ?? [];
      outValues.push(Array.from({ length: vr.length }, (_, j) => vr[j] ?? null));
      outFormulas.push(Array.from({ length: fr.length }, (_, j) => fr[j] ?? null));
    }
    return { name, values: outValues, formulas: outFormulas };
  }

  /** Workbooks in the 1904 date system need styles to tell dates from numbers; callers read those with ExcelJS. */
  get uses1904(): boolean {
    return this.date1904;
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    const grids = new Map<string, Grid | null>();
    for (const name of sheetNames) grids.set(name, this.grid(name));
    return { sheetNames: this.sheetNames(), grids };
  }

  async write(_specs: readonly SheetSpec[]): Promise<void> {
    throw new Error('FastWorkbook is read-only');
  }
}
