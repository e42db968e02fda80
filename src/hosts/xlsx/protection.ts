/**
 * Sheet protection as the file says, not as ExcelJS read it.
 *
 * LibreOffice writes OOXML booleans as "true"/"false" (<sheetProtection sheet="true"/>, <protection locked="false"/>);
 * ExcelJS 4.4 only understands "1"/"0", so it reads every such sheet as unprotected and every cell as locked, and a
 * workbook re-saved by LibreOffice would be written back with its form sheets open to editing. The file host reads
 * the two facts itself from the package — which sheets are protected, and which cells are unlocked — and puts them
 * back on the ExcelJS model before writing. Browser-safe (DecompressionStream); only writing pays for it.
 */
import type ExcelJS from 'exceljs';
import { isSheetProtected } from './apply-spec';
import { u16, u32, zipDirectory, type ZipEntry } from './zip';

export interface SheetProtectionRead {
  /** The <sheetProtection> attributes, or null when the sheet is not protected. */
  readonly protection: Readonly<Record<string, string>> | null;
  /** Cells whose style unlocks them. */
  readonly unlocked: readonly string[];
}

const TRUE = new Set(['1', 'true']);
const FALSE = new Set(['0', 'false']);

async function inflate(bytes: Uint8Array, e: ZipEntry): Promise<string | null> {
  if (u32(bytes, e.offset) !== 0x04034b50) return null;
  const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
  const data = bytes.slice(start, start + e.compressed);
  if (e.method === 0) return new TextDecoder().decode(data);
  if (e.method !== 8) return null;
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:]+)\s*=\s*"([^"]*)"/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out[(m[1] ?? '').replace(/^\w+:/, (p) => (p === 'r:' ? p : ''))] = m[2] ?? '';
  return out;
}

/** Indexes of the cell formats (cellXfs) that unlock their cells. */
export function unlockedFormats(stylesXml: string): Set<number> {
  const out = new Set<number>();
  const section = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  section.split(/<(?:\w+:)?xf\b/).slice(1).forEach((xf, i) => {
    const p = /<(?:\w+:)?protection\b([^>]*)>/.exec(xf);
    if (p && FALSE.has(attrs(p[1] ?? '')['locked'] ?? '')) out.add(i);
  });
  return out;
}

/** A worksheet part's protection and unlocked cells. */
export function readSheetProtection(sheetXml: string, unlockedXf: ReadonlySet<number>): SheetProtectionRead {
  const tag = /<(?:\w+:)?sheetProtection\b([^>]*)>/.exec(sheetXml);
  const a = tag ? attrs(tag[1] ?? '') : null;
  const unlocked: string[] = [];
  if (unlockedXf.size > 0) {
    const re = /<(?:\w+:)?c\b([^>]*)>/g;
    for (let m = re.exec(sheetXml); m; m = re.exec(sheetXml)) {
      const c = attrs(m[1] ?? '');
      if (c['r'] !== undefined && c['s'] !== undefined && unlockedXf.has(Number(c['s']))) unlocked.push(c['r']);
    }
  }
  return { protection: a && TRUE.has(a['sheet'] ?? '') ? a : null, unlocked };
}

/** Each sheet's protection as the package says, by sheet name. */
export async function readPackageProtection(bytes: Uint8Array): Promise<Map<string, SheetProtectionRead>> {
  const out = new Map<string, SheetProtectionRead>();
  const entries = new Map((zipDirectory(bytes) ?? []).map((e) => [e.name, e]));
  const part = async (name: string) => {
    const e = entries.get(name);
    return e ? inflate(bytes, e) : null;
  };
  const workbook = await part('xl/workbook.xml');
  const rels = await part('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const r = attrs(m[1] ?? '');
    if (r['Id'] && r['Target']) targets.set(r['Id'], r['Target'].startsWith('/') ? r['Target'].slice(1) : `xl/${r['Target']}`);
  }
  const unlockedXf = unlockedFormats((await part('xl/styles.xml')) ?? '');
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const s = attrs(m[1] ?? '');
    const target = targets.get(s['r:id'] ?? '');
    const xml = target === undefined ? null : await part(target);
    if (s['name'] !== undefined && xml !== null) out.set(s['name'].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"), readSheetProtection(xml, unlockedXf));
  }
  return out;
}

/** ExcelJS's sheetProtection model from the element's attributes, whichever way the booleans are spelled. */
function protectionModel(a: Readonly<Record<string, string>>): Record<string, unknown> {
  const allowed = (name: string) => (FALSE.has(a[name] ?? '') ? true : undefined);
  const denied = (name: string) => (TRUE.has(a[name] ?? '') ? false : undefined);
  const model: Record<string, unknown> = {
    sheet: true,
    objects: denied('objects'),
    scenarios: denied('scenarios'),
    selectLockedCells: denied('selectLockedCells'),
    selectUnlockedCells: denied('selectUnlockedCells'),
  };
  for (const name of ['formatCells', 'formatColumns', 'formatRows', 'insertColumns', 'insertRows', 'insertHyperlinks', 'deleteColumns', 'deleteRows', 'sort', 'autoFilter', 'pivotTables']) {
    model[name] = allowed(name);
  }
  if (a['algorithmName']) Object.assign(model, { algorithmName: a['algorithmName'], hashValue: a['hashValue'], saltValue: a['saltValue'], spinCount: Number(a['spinCount']) });
  return model;
}

/**
 * Puts the package's protection back on sheets ExcelJS read without it (the sheets not replaced since loading):
 * the sheet's protection flags and its unlocked cells.
 */
export function restoreProtection(ws: ExcelJS.Worksheet, read: SheetProtectionRead): void {
  if (read.protection && !isSheetProtected(ws)) (ws as unknown as { sheetProtection: unknown }).sheetProtection = protectionModel(read.protection);
  for (const address of read.unlocked) {
    const cell = ws.getCell(address);
    // Cells read with one format share one style object: give this cell its own.
    if (cell.protection?.locked !== false) cell.style = { ...cell.style, protection: { ...cell.protection, locked: false } };
  }
}
