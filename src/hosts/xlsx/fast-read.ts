/**
 * A values-only reader of .xlsx files for batch work (validation and consolidation of many files): it inflates only
 * the parts it needs — the workbook, its relationships, the shared strings, docProps/core.xml and the worksheets —
 * checks each against the zip directory (declared size and CRC-32), and reads cell values and formulas straight from
 * the XML bytes in one pass per part, skipping styles, validations and formatting that ExcelJS would build.
 *
 * Opening never throws: a damaged file, a file that is not a workbook and a sheet over the cell limit are results.
 * Every sheet is checked (parts, references, cell limit) when the file is opened, so a snapshot never fails later.
 * Sheets of an ordinary workbook are read in that same pass; a big sheet is only counted then and read when asked
 * for, so a big sheet nobody reads costs no memory.
 * It gives the same Grid as the ExcelJS host (dates as serial numbers), but sparse: only the cells present are
 * stored. Tests compare the two readers on the same files. Inflating is given by the caller (node:zlib in the CLI).
 */
import type { WorkbookPort, WorkbookSnapshot } from '../../app/workbook-port';
import type { Grid } from '../../workbook/grid';
import type { SheetSource } from '../../workbook/sheet-spec';
import { readRelationships, readSavedAt, readWorkbookPart, readWorksheet, SharedStrings, type SheetCells } from './xlsx-parts';
import { checkedEntry, crc32, zipDirectory, type EntryDamage, type ZipEntry } from './zip';

/**
 * Inflates raw deflate data (of the zip entry `part`) into at most `maxBytes` bytes; throws when the data is bad or
 * would be larger.
 */
export type Inflate = (data: Uint8Array, maxBytes: number, part: string) => Uint8Array;

export type FastProblem =
  | { readonly kind: 'damaged'; readonly part: string; readonly damage: EntryDamage | 'directory' | 'missing' | 'xml' }
  | { readonly kind: 'not-workbook' }
  | { readonly kind: 'sheet-too-large'; readonly sheet: string; readonly cells: number; readonly limit: number };

export type FastOpen = { readonly ok: true; readonly workbook: FastWorkbook } | { readonly ok: false; readonly problem: FastProblem };

/** The parts read besides the worksheets. */
export const PART = {
  workbook: 'xl/workbook.xml',
  relationships: 'xl/_rels/workbook.xml.rels',
  core: 'docProps/core.xml',
  sharedStrings: 'xl/sharedStrings.xml',
} as const;

/** The workbook's relationship targets (worksheet parts among them), by relationship id. */
export function sheetTargets(rels: Uint8Array | null): Map<string, string> {
  return rels ? readRelationships(rels, PART.workbook) : new Map<string, string>();
}

/** Most cells holding something a sheet may have before it is refused (a returned workbook has a few thousand). */
export const MAX_CELLS_PER_SHEET = 2_000_000;

export class PartError {
  constructor(readonly problem: FastProblem) {}
}

/** Checksum of inflated bytes (CRC-32 as zip records it); node:zlib has a native one. */
export type Crc32 = (bytes: Uint8Array) => number;

/**
 * Sheets whose XML adds up to this many bytes are read into grids on opening (one pass, kept for `read`); larger
 * ones are only checked then, and read again when asked for, so a big sheet nobody asks for costs no memory.
 */
const READ_ON_OPEN_BYTES = 8 * 1024 * 1024;

class Parts {
  private readonly entries: Map<string, ZipEntry>;
  /** Parts checked but not yet read (the big sheets counted on opening), handed out once by `take`. */
  private readonly kept = new Map<string, Uint8Array>();

  constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly inflate: Inflate,
    private readonly crc: Crc32,
  ) {
    this.entries = new Map(entries.map((e) => [e.name, e]));
  }

  /** Keeps checked bytes of a part for one later `take` (so a big sheet is not inflated twice). */
  keep(name: string, bytes: Uint8Array): void {
    this.kept.set(name, bytes);
  }

  /** The part's kept bytes (forgotten here), or the part read and checked again. */
  take(name: string): Uint8Array | null {
    const kept = this.kept.get(name);
    if (kept === undefined) return this.get(name);
    this.kept.delete(name);
    return kept;
  }

  /** The declared (uncompressed) size of a part, 0 when there is no such part. */
  size(name: string): number {
    return this.entries.get(name)?.uncompressed ?? 0;
  }

  /** The same codec over the entries of a zip directory. */
  withEntries(entries: readonly ZipEntry[]): Parts {
    return new Parts(this.bytes, entries, this.inflate, this.crc);
  }

  /** The part's bytes, checked; null when the zip has no such part. Throws PartError for a damaged part. */
  get(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const out = checkedEntry(this.bytes, e, (data, max) => this.inflate(data, max, name), this.crc);
    if (typeof out === 'string') throw new PartError({ kind: 'damaged', part: name, damage: out });
    return out;
  }
}

export class FastWorkbook implements WorkbookPort {
  private constructor(
    private readonly parts: Parts,
    /** The sheets, in order, with the path of their part (each checked on opening) and its grid when read then. */
    private readonly sheets: readonly { readonly name: string; readonly path: string; readonly grid: Grid | null }[],
    private readonly strings: SharedStrings,
    private readonly maxCells: number,
    /** Workbooks in the 1904 date system need styles to tell dates from numbers; callers read those with ExcelJS. */
    readonly uses1904: boolean,
    /** dcterms:modified of docProps/core.xml (ISO 8601), when the file has it. */
    readonly savedAt: string | undefined,
  ) {}

  /**
   * Opens the file and checks every part it will read (sizes, CRC-32, cell references, the cell limit of each sheet).
   * Small sheets are read at once; big ones are read again when asked for. Never throws for any bytes.
   */
  static open(bytes: Uint8Array, inflate: Inflate, maxCellsPerSheet = MAX_CELLS_PER_SHEET, crc: Crc32 = crc32, lazy = false): FastOpen {
    try {
      return { ok: true, workbook: FastWorkbook.load(bytes, new Parts(bytes, [], inflate, crc), maxCellsPerSheet, lazy) };
    } catch (e) {
      if (e instanceof PartError) return { ok: false, problem: e.problem };
      // Anything else thrown while reading these bytes (a bug, or bytes no check foresaw) is damage all the same.
      return { ok: false, problem: { kind: 'damaged', part: '', damage: 'xml' } };
    }
  }

  /**
   * `lazy`: no sheet is checked or read on opening, each only when asked for (`read` then throws PartError for a
   * damaged one): for a big workbook of which a few sheets are read (a consolidation's earlier output).
   */
  private static load(bytes: Uint8Array, codec: Parts, maxCells: number, lazy: boolean): FastWorkbook {
    const entries = zipDirectory(bytes);
    if (entries === null) throw new PartError({ kind: 'damaged', part: '', damage: 'directory' });
    const parts = codec.withEntries(entries);
    const wbXml = parts.get(PART.workbook);
    if (wbXml === null) throw new PartError({ kind: 'not-workbook' });
    const { sheets, date1904 } = readWorkbookPart(wbXml);
    const targets = sheetTargets(parts.get(PART.relationships));
    const core = parts.get(PART.core);
    const savedAt = core ? readSavedAt(core) : undefined;
    const stringsXml = parts.get(PART.sharedStrings);
    const strings = new SharedStrings(stringsXml ?? new Uint8Array(0));
    const found: { name: string; path: string; grid: Grid | null }[] = [];
    let budget = READ_ON_OPEN_BYTES;
    for (const sheet of sheets) {
      const path = targets.get(sheet.rid);
      if (path === undefined) continue;
      if (lazy) {
        found.push({ name: sheet.name, path, grid: null });
        continue;
      }
      const size = parts.size(path);
      const keep = size <= budget;
      const read = sheetProblem(parts, sheet.name, path, strings, maxCells, !keep);
      if (read.ok === false) throw new PartError(read.problem);
      if (keep) budget -= size;
      found.push({ name: sheet.name, path, grid: keep ? { name: sheet.name, values: read.cells.values, formulas: read.cells.formulas } : null });
    }
    return new FastWorkbook(parts, found, strings, maxCells, date1904, savedAt);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** One sheet: read on opening, or read now. */
  grid(name: string): Grid | null {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) return null;
    if (sheet.grid) return sheet.grid;
    const read = sheetProblem(this.parts, sheet.name, sheet.path, this.strings, this.maxCells, false);
    // Checked on opening (so this cannot fail on the same bytes), or opened lazily.
    if (read.ok === false) throw new PartError(read.problem);
    return { name, values: read.cells.values, formulas: read.cells.formulas };
  }

  async read(sheetNames: readonly string[]): Promise<WorkbookSnapshot> {
    const grids = new Map<string, Grid | null>();
    for (const name of sheetNames) grids.set(name, this.grid(name));
    return { sheetNames: this.sheetNames(), grids };
  }

  async write(_specs: readonly SheetSource[]): Promise<void> {
    throw new Error('FastWorkbook is read-only');
  }
}

type SheetRead = { readonly ok: true; readonly cells: SheetCells } | { readonly ok: false; readonly problem: FastProblem };

function sheetProblem(parts: Parts, sheet: string, path: string, strings: SharedStrings, maxCells: number, countOnly: boolean): SheetRead {
  const xml = countOnly ? parts.get(path) : parts.take(path);
  if (xml === null) return { ok: false, problem: { kind: 'damaged', part: path, damage: 'missing' } };
  const scan = readWorksheet(xml, strings, maxCells, countOnly);
  if (countOnly && scan.ok) parts.keep(path, xml);
  if (scan.ok) return { ok: true, cells: scan.sheet };
  return {
    ok: false,
    problem: scan.problem === 'too-many-cells' ? { kind: 'sheet-too-large', sheet, cells: scan.cells, limit: maxCells } : { kind: 'damaged', part: path, damage: 'xml' },
  };
}

export { xmlText } from './xml-scan';
