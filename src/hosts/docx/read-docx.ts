/**
 * Reads the text of a Word document (.docx): its paragraphs and tables in document order, each table cell with its
 * paragraphs, its horizontal span (w:gridSpan) and vertical merge (w:vMerge), each row with its "repeat as header
 * row" mark (w:tblHeader) and the grid columns it skips (w:gridBefore).
 *
 * Why our own reading and not a library: the project already has a zip directory reader that checks every part's
 * size and CRC-32 (src/hosts/xlsx/zip.ts) and a byte-level XML scanner that matches names by local name whatever the
 * prefix (src/hosts/xlsx/xml-scan.ts); a plan's table needs only runs of text, breaks, spans and merges. mammoth,
 * the well-kept choice, converts to HTML: it keeps colspan/rowspan but the HTML would have to be parsed again, it
 * drops w:gridBefore and the header-row mark of the rows it does not put in <thead>, and it brings jszip, a DOM
 * parser and their dependencies into the product. Inflating is given by the caller (node:zlib in the CLI), as for
 * the fast .xlsx reader. Reading never throws: a file that is not a .docx or is damaged is a result.
 */
import { XmlScanner, name } from '../xlsx/xml-scan';
import { checkInflated, entryData, zipDirectory, type ZipEntry } from '../xlsx/zip';

/** Inflates raw deflate data into at most `maxBytes` bytes; throws when the data is bad or would be larger. */
export type Inflate = (data: Uint8Array, maxBytes: number) => Uint8Array;

export interface DocxCell {
  /** The cell's paragraphs, one per line (a line break inside a paragraph is a line too). */
  readonly text: string;
  readonly span: number;
  readonly vMerge: 'restart' | 'continue' | null;
}

export interface DocxRow {
  readonly header: boolean;
  readonly gridBefore: number;
  readonly cells: readonly DocxCell[];
}

export type DocxBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly rows: readonly DocxRow[] };

export type DocxProblem = 'not-zip' | 'legacy-doc' | 'not-docx' | 'damaged' | 'too-large';
export type DocxRead = { readonly ok: true; readonly blocks: readonly DocxBlock[] } | { readonly ok: false; readonly problem: DocxProblem };

/** The main part of a plan is a few hundred kilobytes; a larger one is refused rather than inflated. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

const N = {
  tbl: name('tbl'), tr: name('tr'), tc: name('tc'), p: name('p'), r: name('r'), t: name('t'), tab: name('tab'),
  br: name('br'), cr: name('cr'), noBreakHyphen: name('noBreakHyphen'), tblHeader: name('tblHeader'),
  gridBefore: name('gridBefore'), gridSpan: name('gridSpan'), vMerge: name('vMerge'), val: name('val'),
  restart: name('restart'), false: name('false'), zero: name('0'), off: name('off'),
  fallback: name('Fallback'), drawing: name('drawing'), pict: name('pict'), object: name('object'),
  del: name('del'), moveFrom: name('moveFrom'), instrText: name('instrText'),
};

function part(bytes: Uint8Array, entries: readonly ZipEntry[], path: string, inflate: Inflate): Uint8Array | 'missing' | 'damaged' | 'too-large' {
  const e = entries.find((x) => x.name === path);
  if (!e) return 'missing';
  if (e.uncompressed > MAX_DOCUMENT_BYTES) return 'too-large';
  const data = entryData(bytes, e);
  if (data === null) return 'damaged';
  let out: Uint8Array;
  try {
    out = e.method === 0 ? data : e.method === 8 ? inflate(data, e.uncompressed) : new Uint8Array(0);
  } catch {
    return 'damaged';
  }
  return checkInflated(e, out) === null ? out : 'damaged';
}

/** The main document part named by the package relationships (word/document.xml in every file Word writes). */
function documentPath(bytes: Uint8Array, entries: readonly ZipEntry[], inflate: Inflate): string | null {
  const rels = part(bytes, entries, '_rels/.rels', inflate);
  if (rels instanceof Uint8Array) {
    const x = new XmlScanner(rels);
    while (x.next()) {
      if (x.kind() === 'close' || !x.attr(name('Type'))) continue;
      if (!x.attrText().endsWith('/officeDocument')) continue;
      if (x.attr(name('Target'))) return x.attrText().replace(/^\//, '');
    }
  }
  return entries.some((e) => e.name === 'word/document.xml') ? 'word/document.xml' : null;
}

export function readDocx(bytes: Uint8Array, inflate: Inflate): DocxRead {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return { ok: false, problem: 'legacy-doc' };
  const entries = zipDirectory(bytes);
  if (entries === null) return { ok: false, problem: 'not-zip' };
  const path = documentPath(bytes, entries, inflate);
  if (path === null || !path.endsWith('.xml')) return { ok: false, problem: 'not-docx' };
  const doc = part(bytes, entries, path, inflate);
  if (doc === 'missing') return { ok: false, problem: 'not-docx' };
  if (typeof doc === 'string') return { ok: false, problem: doc };
  // An .xlsx or .pptx names its own main part: only a w:document is a Word document.
  const root = new XmlScanner(doc);
  while (root.next() && root.kind() === 'other');
  if (!root.is(name('document'))) return { ok: false, problem: 'not-docx' };
  return { ok: true, blocks: readBody(doc) };
}

interface CellBuild { lines: string[]; span: number; vMerge: 'restart' | 'continue' | null }
interface RowBuild { header: boolean; gridBefore: number; cells: CellBuild[] }

const flagOn = (x: XmlScanner): boolean => !x.attr(N.val) || !(x.attrIs(N.false) || x.attrIs(N.zero) || x.attrIs(N.off));

/** Walks the document part once: paragraphs outside tables, and the rows of top-level tables. */
function readBody(doc: Uint8Array): DocxBlock[] {
  const x = new XmlScanner(doc);
  const blocks: DocxBlock[] = [];
  let depth = 0;
  let rows: RowBuild[] = [];
  let row: RowBuild | null = null;
  let cell: CellBuild | null = null;
  let paragraph: string | null = null;
  let inRun = false;
  while (x.next()) {
    const kind = x.kind();
    if (kind === 'other') continue;
    const open = kind === 'open';
    const start = open || kind === 'empty';
    if (open && (x.is(N.fallback) || x.is(N.drawing) || x.is(N.pict) || x.is(N.object) || x.is(N.del) || x.is(N.moveFrom) || x.is(N.instrText))) {
      x.skipElement();
      continue;
    }
    if (x.is(N.tbl)) {
      if (open && ++depth === 1) rows = [];
      if (kind === 'close' && --depth === 0) blocks.push({ kind: 'table', rows: rows.map((r) => ({ ...r, cells: r.cells.map(finishCell) })) });
    } else if (depth === 1 && x.is(N.tr)) {
      if (open) rows.push((row = { header: false, gridBefore: 0, cells: [] }));
      else if (kind === 'close') row = null;
    } else if (depth === 1 && x.is(N.tc)) {
      if (open && row) row.cells.push((cell = { lines: [], span: 1, vMerge: null }));
      else if (kind === 'close') cell = null;
    } else if (depth === 1 && start && row && x.is(N.tblHeader)) {
      row.header = flagOn(x);
    } else if (depth === 1 && start && row && !cell && x.is(N.gridBefore)) {
      row.gridBefore = x.attr(N.val) ? Math.max(0, x.attrInt() || 0) : 0;
    } else if (depth === 1 && start && cell && x.is(N.gridSpan)) {
      cell.span = x.attr(N.val) ? Math.max(1, x.attrInt() || 1) : 1;
    } else if (depth === 1 && start && cell && x.is(N.vMerge)) {
      cell.vMerge = x.attr(N.val) && x.attrIs(N.restart) ? 'restart' : 'continue';
    } else if (x.is(N.p)) {
      if (open) paragraph = '';
      else if (kind === 'close' || kind === 'empty') {
        const text = paragraph ?? '';
        if (cell) cell.lines.push(...text.split('\n'));
        else if (depth === 0) blocks.push({ kind: 'paragraph', text });
        paragraph = null;
      }
    } else if (x.is(N.r)) {
      inRun = open;
    } else if (paragraph !== null && inRun) {
      if (open && x.is(N.t)) paragraph += x.textContent();
      else if (start && x.is(N.tab)) paragraph += '\t';
      else if (start && (x.is(N.br) || x.is(N.cr))) paragraph += '\n';
      else if (start && x.is(N.noBreakHyphen)) paragraph += '-';
    }
  }
  return blocks;
}

function finishCell(c: CellBuild): DocxCell {
  return { text: c.lines.join('\n'), span: c.span, vMerge: c.vMerge };
}

/**
 * A table as a rectangle of texts: a spanned cell's text in its first grid column (the others blank), a vertically
 * merged cell's text repeated in every row it covers (a lead body merged over rows 16a-c leads each of them).
 */
export function tableGrid(rows: readonly DocxRow[]): string[][] {
  const grid: string[][] = [];
  for (const row of rows) {
    const line: string[] = Array.from({ length: row.gridBefore }, () => '');
    for (const c of row.cells) {
      const col = line.length;
      const above = grid[grid.length - 1]?.[col] ?? '';
      line.push(c.vMerge === 'continue' ? above : c.text);
      for (let k = 1; k < c.span; k++) line.push(c.vMerge === 'continue' ? (grid[grid.length - 1]?.[col + k] ?? '') : '');
    }
    grid.push(line);
  }
  return grid;
}
