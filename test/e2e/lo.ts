/**
 * Helpers for end-to-end checks in LibreOffice: headless conversion (with forced recalculation; every sheet to CSV),
 * CSV parsing, PDF page sizes and text, PDF → PNG through pdftoppm, and a small PNG decoder.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { crc32 } from '../helpers/crc32';

// ---------------------------------------------------------------------------------------------------------------
// Processes

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

export function runTool(file: string, args: readonly string[], timeoutMs = 180_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}

/** The first of `names` found on PATH (or as an absolute path); null when none is installed. */
export function findExecutable(...names: string[]): string | null {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const name of names) {
    if (path.isAbsolute(name)) {
      if (existsSync(name)) return name;
      continue;
    }
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// LibreOffice

/** Calc filter for UTF-8 CSV: comma, double quotes, first line 1, cells exported as shown. */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true';

/** OOXMLRecalcMode 0 = always recalculate on load, so cached formula values never stand in for real ones. */
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface LoSession {
  /** A fresh directory for this run: the profile lives in it, and callers may put their files in it. */
  readonly dir: string;
  readonly soffice: string;
  readonly profileUrl: string;
}

export function findSoffice(): string | null {
  const override = process.env['SOFFICE'];
  return findExecutable(...(override ? [override] : []), 'soffice', 'libreoffice');
}

export async function createSession(prefix = 'vtlt-e2e-'): Promise<LoSession> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed; install libreoffice-calc to run these checks.');
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const profile = path.join(dir, 'lo-profile');
  await mkdir(path.join(profile, 'user'), { recursive: true });
  await writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  return { dir, soffice, profileUrl: pathToFileURL(profile).href };
}

/** Removes the session's directory, unless VTLT_E2E_KEEP is set (to look at the converted files). */
export async function disposeSession(session: LoSession | undefined): Promise<void> {
  if (!session) return;
  if (process.env['VTLT_E2E_KEEP']) {
    process.stdout.write(`LibreOffice files kept in ${session.dir}\n`);
    return;
  }
  await rm(session.dir, { recursive: true, force: true });
}

// LibreOffice does not cope with two instances on one profile: every conversion waits for the previous one.
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

/** One LibreOffice run converting every input to `target` into `outDir` (serialised with the other runs). */
function sofficeConvert(session: LoSession, inputs: readonly string[], target: string, outDir: string): Promise<RunResult> {
  return serialised(async () => {
    await mkdir(outDir, { recursive: true });
    return runTool(session.soffice, [
      `-env:UserInstallation=${session.profileUrl}`,
      '--headless',
      '--norestore',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      '--convert-to',
      target,
      '--outdir',
      outDir,
      ...inputs,
    ]);
  });
}

/**
 * Converts every input in one LibreOffice run. `target` is a filter string (e.g. CSV_FILTER) or an extension
 * ("pdf"). Returns the output paths, in the order of `inputs`; throws when any is missing.
 */
export async function convert(session: LoSession, inputs: readonly string[], target: string, outDir: string): Promise<string[]> {
  const ext = target.split(':')[0] ?? target;
  const outputs = inputs.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`));
  const names = new Set(outputs);
  if (names.size !== outputs.length) throw new Error('convert: two inputs share a base name');
  const { stdout, stderr } = await sofficeConvert(session, inputs, target, outDir);
  const missing = outputs.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(`LibreOffice did not write ${missing.join(', ')}\n${stdout}\n${stderr}`);
  }
  return outputs;
}

/**
 * CSV filter options for every sheet of a workbook: the 12th token ("sheet to export") is -1, so LibreOffice (7.2
 * and later) writes one file per sheet, named "<base>-<sheet name>.csv". With `asShown` false, numbers are written
 * in the standard format (no thousands separators, no rounding to the cell's format); errors show either way.
 */
export function allSheetsCsvFilter(options: { asShown?: boolean } = {}): string {
  const asShown = options.asShown ?? true;
  // separator, text delimiter, UTF-8, first line, (import formats), language, quote all text, detect special
  // numbers, save as shown, export formulas, remove spaces, sheet.
  return `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${String(asShown)},false,false,-1`;
}

/** Every sheet of a workbook as a CSV grid, by sheet name (NFC). */
export type SheetGrids = Map<string, string[][]>;

/**
 * Converts every sheet of every input to CSV in one LibreOffice run (see `allSheetsCsvFilter`). Returns the sheets'
 * grids, in the order of `inputs`; throws when LibreOffice wrote no per-sheet file for an input (older than 7.2).
 */
export async function convertSheetsToCsv(
  session: LoSession,
  inputs: readonly string[],
  outDir: string,
  options: { asShown?: boolean } = {},
): Promise<SheetGrids[]> {
  const bases = inputs.map((f) => path.basename(f, path.extname(f)));
  bases.forEach((a, i) => bases.forEach((b, j) => {
    if (i !== j && (a === b || b.startsWith(`${a}-`))) throw new Error(`convertSheetsToCsv: "${b}" would mix with the sheets of "${a}"`);
  }));
  const { stdout, stderr } = await sofficeConvert(session, inputs, allSheetsCsvFilter(options), outDir);
  const written = await readdir(outDir);
  const out: SheetGrids[] = [];
  for (const base of bases) {
    const sheets: SheetGrids = new Map();
    for (const file of written) {
      if (!file.startsWith(`${base}-`) || !file.endsWith('.csv')) continue;
      sheets.set(file.slice(base.length + 1, -'.csv'.length).normalize('NFC'), await readCsv(path.join(outDir, file)));
    }
    if (sheets.size === 0) {
      throw new Error(`LibreOffice wrote no per-sheet CSV for ${base} (the sheet option needs LibreOffice 7.2 or later)\n${stdout}\n${stderr}`);
    }
    out.push(sheets);
  }
  return out;
}

/** The cell at an A1 address ("D12") of a CSV grid; "" outside the written area. */
export function csvCell(grid: readonly (readonly string[])[], address: string): string {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
  return grid[Number(m[2]) - 1]?.[col - 1] ?? '';
}

/** How LibreOffice shows a formula error (or a number too wide for its column, in print). */
export const ERROR_TEXT = /^(#VALUE!|#NAME\?|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d+|###)/;

/** Cells of a grid that show an error, as "row r col c: text". */
export function errorCells(grid: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  grid.forEach((cells, r) => cells.forEach((text, c) => {
    if (ERROR_TEXT.test(text.trim())) out.push(`row ${r + 1} col ${c + 1}: ${text}`);
  }));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** Parses CSV as LibreOffice writes it: fields in double quotes may hold commas, newlines and doubled quotes. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

export async function readCsv(file: string): Promise<string[][]> {
  return parseCsv(await readFile(file, 'utf8'));
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** Page sizes in points from the /MediaBox entries of an uncompressed-object PDF (as LibreOffice writes). */
export function pdfMediaBoxes(pdf: Uint8Array): PageSize[] {
  const text = Buffer.from(pdf).toString('latin1');
  const sizes: PageSize[] = [];
  const re = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    sizes.push({ width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
  }
  return sizes;
}

/**
 * Page sizes in points, one per page object (/Type/Page), in file order. Unlike `pdfMediaBoxes`, this leaves out
 * the inherited box of the page tree (/Type/Pages), which LibreOffice sets to the bounding box of all pages when
 * portrait and landscape pages are mixed. LibreOffice writes the page objects in page order.
 */
export function pdfPageSizes(pdf: Uint8Array): PageSize[] {
  const text = Buffer.from(pdf).toString('latin1');
  const sizes: PageSize[] = [];
  for (const m of text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])[^]*?endobj/g)) {
    const boxes = pdfMediaBoxes(new Uint8Array(Buffer.from(m[0], 'latin1')));
    const box = boxes[0];
    if (box) sizes.push(box);
  }
  return sizes;
}

/** The text of every page (pdftotext -layout, pages split at form feeds). */
export async function pdfPagesText(file: string): Promise<string[]> {
  const tool = findExecutable('pdftotext');
  if (!tool) throw new Error('pdftotext is not installed; install poppler-utils to run these checks.');
  const { stdout } = await runTool(tool, ['-layout', '-enc', 'UTF-8', file, '-'], 60_000);
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Page count and first page size from pdfinfo (poppler-utils); null when pdfinfo is not installed. */
export async function pdfInfo(file: string): Promise<{ pages: number; size: PageSize } | null> {
  const tool = findExecutable('pdfinfo');
  if (!tool) return null;
  const { stdout } = await runTool(tool, [file], 60_000);
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  if (!pages || !size) throw new Error(`unexpected pdfinfo output:\n${stdout}`);
  return { pages: Number(pages[1]), size: { width: Number(size[1]), height: Number(size[2]) } };
}

/** Renders one page to PNG with pdftoppm; returns the PNG's path (`outBase`.png). */
export async function pdfPageToPng(pdf: string, outBase: string, options: { page?: number; dpi: number }): Promise<string> {
  const tool = findExecutable('pdftoppm');
  if (!tool) throw new Error('pdftoppm is not installed; install poppler-utils to run these checks.');
  const page = String(options.page ?? 1);
  await runTool(tool, ['-png', '-r', String(options.dpi), '-f', page, '-l', page, '-singlefile', pdf, outBase], 60_000);
  const out = `${outBase}.png`;
  if (!existsSync(out)) throw new Error(`pdftoppm did not write ${out}`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// PNG

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  readonly rgba: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export { crc32 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Channels per colour type, for the 8-bit, non-palette types this decoder reads. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Decodes a non-interlaced 8-bit PNG (grey, grey+alpha, RGB or RGBA; filter types 0–4) to RGBA. */
export function decodePng(bytes: Uint8Array): Image {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (pos + 12 <= bytes.length && !ended) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const end = pos + 8 + length;
    if (end + 4 > bytes.length) throw new Error(`PNG chunk ${type} runs past the end of the file`);
    const data = bytes.subarray(pos + 8, end);
    if (crc32(bytes.subarray(pos + 4, end)) !== view.getUint32(end)) throw new Error(`PNG chunk ${type}: bad CRC`);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      const bitDepth = data[8];
      colourType = data[9] ?? -1;
      const interlace = data[12];
      if (bitDepth !== 8) throw new Error(`PNG bit depth ${String(bitDepth)} is not supported`);
      if (CHANNELS[colourType] === undefined) throw new Error(`PNG colour type ${colourType} is not supported`);
      if (interlace !== 0) throw new Error('interlaced PNG is not supported');
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      ended = true;
    }
    pos = end + 4;
  }
  if (colourType < 0) throw new Error('PNG without IHDR');
  if (!ended) throw new Error('PNG without IEND');
  const channels = CHANNELS[colourType] ?? 0;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data is too short');

  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    const prev = out - stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const a = x >= channels ? (pixels[out + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[prev + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[prev + x - channels] ?? 0) : 0;
      let predicted: number;
      switch (filter) {
        case 0: predicted = 0; break;
        case 1: predicted = a; break;
        case 2: predicted = b; break;
        case 3: predicted = (a + b) >> 1; break;
        case 4: predicted = paeth(a, b, c); break;
        default: throw new Error(`PNG row ${y}: unknown filter type ${String(filter)}`);
      }
      pixels[out + x] = (value + predicted) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    const p = (k: number) => pixels[j + k] ?? 0;
    const [r, g, b, alpha] =
      colourType === 0 ? [p(0), p(0), p(0), 255]
      : colourType === 4 ? [p(0), p(0), p(0), p(1)]
      : colourType === 2 ? [p(0), p(1), p(2), 255]
      : [p(0), p(1), p(2), p(3)];
    rgba.set([r, g, b, alpha], i * 4);
  }
  return { width, height, rgba };
}

export async function readPng(file: string): Promise<Image> {
  return decodePng(await readFile(file));
}

// ---------------------------------------------------------------------------------------------------------------
// Pixels

export function hexColour(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

export interface ColourMatches {
  readonly count: number;
  /** Number of matching pixels in each image row. */
  readonly perRow: readonly number[];
}

/** Pixels within `tolerance` (per channel) of `hex`. */
export function matchColour(image: Image, hex: string, tolerance: number): ColourMatches {
  const [r, g, b] = hexColour(hex);
  const perRow = new Array<number>(image.height).fill(0);
  let count = 0;
  const px = image.rgba;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (
        Math.abs((px[i] ?? 0) - r) <= tolerance &&
        Math.abs((px[i + 1] ?? 0) - g) <= tolerance &&
        Math.abs((px[i + 2] ?? 0) - b) <= tolerance
      ) {
        count++;
        perRow[y] = (perRow[y] ?? 0) + 1;
      }
    }
  }
  return { count, perRow };
}

/** Runs of consecutive image rows in which at least `minPerRow` pixels match: horizontal bands of a colour. */
export function bands(matches: ColourMatches, minPerRow: number): { top: number; bottom: number; widest: number }[] {
  const out: { top: number; bottom: number; widest: number }[] = [];
  matches.perRow.forEach((n, y) => {
    if (n < minPerRow) return;
    const last = out[out.length - 1];
    if (last && last.bottom === y - 1) {
      last.bottom = y;
      last.widest = Math.max(last.widest, n);
    } else {
      out.push({ top: y, bottom: y, widest: n });
    }
  });
  return out;
}
