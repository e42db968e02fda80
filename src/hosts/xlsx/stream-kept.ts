/**
 * The sheets of an existing workbook that a streamed rewrite keeps (the roster as Sở Nội vụ edited it, any sheet of
 * the user's): the package is reduced to them — every sheet the rewrite replaces becomes an empty sheet, its part
 * copied nowhere — and only that small remainder is loaded with ExcelJS. A thousand files' earlier results are thus
 * never held in memory: the rewrite streams the new sheets and copies the kept ones between them, in the old order.
 */
import type ExcelJS from 'exceljs';
import { workbookClass } from './exceljs-parts';
import type { Revalidation } from '../../app/workbook-port';
import { addValidation } from './apply-spec';
import { readPackageProtection, restoreProtection } from './protection';
import { clearValidations, compactValidations } from './validations';
import { nodeInflate } from './open-fast';
import { readRelationships, readWorkbookPart } from './xlsx-parts';
import { crc32, entryData, zipDirectory, type ZipEntry } from './zip';
import { directoryEntry, endOfDirectory, localHeader, type EntryHeader } from './zip-write';

const EMPTY_SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** The existing workbook could not be taken apart or loaded: it is damaged (the caller names it to the user). */
export class ExistingWorkbookDamaged extends Error {
  constructor(cause: unknown) {
    super('the existing workbook could not be loaded', { cause });
  }
}

export interface KeptSheets {
  /** The existing sheets' names, in the workbook's order (kept and replaced alike). */
  readonly order: readonly string[];
  /** The kept sheets, loaded, by name. */
  readonly sheets: ReadonlyMap<string, ExcelJS.Worksheet>;
  /** The workbook's own defined names (print titles and areas aside: those go with their sheets). */
  readonly definedNames: readonly { readonly name: string; readonly ranges: readonly string[] }[];
}

function partOf(bytes: Uint8Array, e: ZipEntry | undefined): Uint8Array | null {
  if (!e) return null;
  const data = entryData(bytes, e);
  if (data === null) return null;
  // Never more than its declared size (the fast reader's inflate): a part that would grow past it is damage.
  return e.method === 0 ? data : nodeInflate(data, e.uncompressed);
}

/** The package's parts, and which of them a rewrite replacing the sheets named `replaced` empties or drops. */
export interface SplitParts {
  readonly entries: readonly ZipEntry[];
  /** The replaced sheets' parts (each becomes an empty sheet). */
  readonly emptied: ReadonlySet<string>;
  /** Their relationship parts (left out). */
  readonly dropped: ReadonlySet<string>;
}

/** Which parts a rewrite replacing `replaced` keeps; null when the package cannot be taken apart. */
export function splitParts(bytes: Uint8Array, replaced: ReadonlySet<string>): SplitParts | null {
  const entries = zipDirectory(bytes);
  if (entries === null) return null;
  const byName = new Map(entries.map((e) => [e.name, e]));
  let workbookXml: Uint8Array | null;
  let relsXml: Uint8Array | null;
  try {
    workbookXml = partOf(bytes, byName.get('xl/workbook.xml'));
    relsXml = partOf(bytes, byName.get('xl/_rels/workbook.xml.rels'));
  } catch {
    return null;
  }
  if (workbookXml === null || relsXml === null) return null;
  const { sheets } = readWorkbookPart(workbookXml);
  const targets = readRelationships(relsXml, 'xl/workbook.xml');
  const emptied = new Set<string>();
  for (const s of sheets) {
    const target = targets.get(s.rid);
    if (target === undefined) return null;
    if (replaced.has(s.name)) emptied.add(target);
  }
  const sheetRels = (part: string): string => part.replace(/([^/]+)$/, '_rels/$1.rels');
  return { entries, emptied, dropped: new Set([...emptied].map(sheetRels)) };
}

/**
 * The existing workbook's sheets other than `replaced`, loaded alone; null when the package cannot be taken apart, or
 * a kept sheet holds what the streaming writer cannot carry (pictures, tables): the caller then rewrites it whole.
 */
export async function loadKeptSheets(bytes: Uint8Array, replaced: ReadonlySet<string>, revalidate: readonly Revalidation[] = []): Promise<KeptSheets | null> {
  const split = splitParts(bytes, replaced);
  if (split === null) return null;
  const { entries, emptied, dropped } = split;
  const reduced = zipOf(entries.flatMap((e): ZipPiece[] => {
    if (dropped.has(e.name)) return [];
    if (emptied.has(e.name)) return [{ name: e.name, stored: new TextEncoder().encode(EMPTY_SHEET) }];
    const data = entryData(bytes, e);
    return data === null ? [] : [{ name: e.name, raw: { entry: e, data } }];
  }));
  const Workbook = workbookClass();
  const wb = new Workbook();
  try {
    await wb.xlsx.load(reduced as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ExistingWorkbookDamaged(e);
  }
  const kept = new Map<string, ExcelJS.Worksheet>();
  for (const ws of wb.worksheets) if (!replaced.has(ws.name)) kept.set(ws.name, ws);
  for (const ws of kept.values()) if (ws.getImages().length > 0 || Object.keys((ws as unknown as { tables?: object }).tables ?? {}).length > 0) return null;
  await asRead(reduced, kept, revalidate);
  const definedNames = (wb.definedNames.model as { name: string; ranges: string[] }[]).filter((d) => !d.name.startsWith('_xlnm.'));
  return { order: wb.worksheets.map((ws) => ws.name), sheets: kept, definedNames };
}

/** The kept sheets as FileWorkbook would write them: validations set again where asked, compacted; protection as read. */
async function asRead(reduced: Uint8Array, kept: ReadonlyMap<string, ExcelJS.Worksheet>, revalidate: readonly Revalidation[]): Promise<void> {
  for (const r of revalidate) {
    const ws = kept.get(r.sheet);
    if (!ws) continue;
    clearValidations(ws, [...r.clear, ...r.validations.map((v) => v.range)]);
    for (const v of r.validations) addValidation(ws, v);
  }
  for (const ws of kept.values()) compactValidations(ws);
  const read = await readPackageProtection(reduced);
  for (const ws of kept.values()) {
    const sheet = read.get(ws.name);
    if (sheet) restoreProtection(ws, sheet);
  }
}

type ZipPiece = { readonly name: string; readonly stored: Uint8Array } | { readonly name: string; readonly raw: { readonly entry: ZipEntry; readonly data: Uint8Array } };

/** A zip of the pieces: new ones stored, the others copied as they were compressed (nothing inflated again). */
function zipOf(pieces: readonly ZipPiece[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of pieces) {
    const name = encoder.encode(p.name);
    const data = 'stored' in p ? p.stored : p.raw.data;
    const method = 'stored' in p ? 0 : p.raw.entry.method;
    const crc = 'stored' in p ? crc32(p.stored) : p.raw.entry.crc32;
    const size = 'stored' in p ? p.stored.length : p.raw.entry.uncompressed;
    const header: EntryHeader = { name, method, crc32: crc, compressed: data.length, uncompressed: size };
    const local = localHeader(header);
    chunks.push(local, data);
    central.push(directoryEntry(header, offset));
    offset += local.length + data.length;
  }
  const dirSize = central.reduce((s, c) => s + c.length, 0);
  return Buffer.concat([...chunks, ...central, endOfDirectory(pieces.length, dirSize, offset)]);
}

/** The WorksheetWriter's members used to copy a sheet into it. */
interface SheetWriter {
  getRow(row: number): ExcelJS.Row;
  getColumn(col: number): ExcelJS.Column;
  mergeCells(range: string): void;
  dataValidations: { model: unknown };
  conditionalFormatting: unknown[];
  sheetProtection: unknown;
  rowBreaks: unknown[];
}

/** Adds a copy of a kept sheet to the streamed workbook: what the ExcelJS model holds of it, in the writer. */
export function copySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet): SheetWriter & { commit(): void; readonly stream: NodeJS.EventEmitter } {
  const out = wb.addWorksheet(ws.name, {
    properties: ws.properties,
    views: ws.views,
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
    state: ws.state,
    ...(ws.autoFilter ? { autoFilter: ws.autoFilter } : {}),
  }) as unknown as SheetWriter & { commit(): void; readonly stream: NodeJS.EventEmitter };
  for (let c = 1; c <= ws.columnCount; c++) {
    const from = ws.getColumn(c);
    const to = out.getColumn(c);
    if (from.width !== undefined) to.width = from.width;
    if (from.hidden) to.hidden = true;
    if (from.outlineLevel) to.outlineLevel = from.outlineLevel;
    if (from.style && Object.keys(from.style).length > 0) to.style = from.style;
  }
  for (let r = 1; r <= ws.rowCount; r++) {
    const from = ws.findRow(r);
    if (!from) continue;
    const to = out.getRow(r);
    if (from.height !== undefined) to.height = from.height;
    if (from.hidden) to.hidden = true;
    if (from.outlineLevel) to.outlineLevel = from.outlineLevel;
    let cells = 0;
    from.eachCell({ includeEmpty: true }, (cell, col) => {
      const target = to.getCell(col);
      target.value = valueOf(cell);
      target.style = cell.style;
      if (cell.note) target.note = cell.note;
      cells++;
    });
    // The writer leaves out a row without values; one whose cells are only styled is written too.
    if (cells > 0) Object.defineProperty(to, 'hasValues', { value: true });
  }
  for (const m of (ws.model as { merges?: string[] }).merges ?? []) out.mergeCells(m);
  out.dataValidations.model = (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model;
  out.conditionalFormatting = [...((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [])];
  const protection = (ws as unknown as { sheetProtection?: unknown }).sheetProtection;
  if (protection) out.sheetProtection = protection;
  out.rowBreaks = [...((ws as unknown as { rowBreaks?: unknown[] }).rowBreaks ?? [])];
  return out;
}

/** A cell's value as the writer takes it: a shared formula written out in full for its own cell. */
function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v !== null && typeof v === 'object' && 'sharedFormula' in v) return { formula: cell.formula, result: (v as ExcelJS.CellSharedFormulaValue).result } as ExcelJS.CellFormulaValue;
  return v;
}
