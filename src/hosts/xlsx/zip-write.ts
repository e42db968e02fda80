/**
 * The records a zip writer puts around its entries (APPNOTE 4.3.7, 4.3.12, 4.3.16): each entry's local header, its
 * directory entry, and the end of the directory. One layout for the file host's two writers: the streamed workbook's
 * package (package-zip.ts) and the reduced copy kept sheets are loaded from (stream-kept.ts). Browser-safe; no ZIP64.
 */

/** What the headers say of one entry. */
export interface EntryHeader {
  /** The name as UTF-8 bytes. */
  readonly name: Uint8Array;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly compressed: number;
  readonly uncompressed: number;
  /** General-purpose flags (0x0800: the name is UTF-8); MS-DOS time and date. 0 when not given. */
  readonly flags?: number;
  readonly time?: number;
  readonly date?: number;
}

/** The fields both headers share, from "version needed" to the name's length, at `at`. */
function shared(v: DataView, at: number, e: EntryHeader): void {
  v.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  v.setUint16(at + 2, e.flags ?? 0, true);
  v.setUint16(at + 4, e.method, true);
  v.setUint16(at + 6, e.time ?? 0, true);
  v.setUint16(at + 8, e.date ?? 0, true);
  v.setUint32(at + 10, e.crc32 >>> 0, true);
  v.setUint32(at + 14, e.compressed, true);
  v.setUint32(at + 18, e.uncompressed, true);
  v.setUint16(at + 22, e.name.length, true);
}

/** The local header, its name included (no extra field): the entry's data follows it. */
export function localHeader(e: EntryHeader): Uint8Array {
  const out = new Uint8Array(30 + e.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  shared(v, 4, e);
  out.set(e.name, 30);
  return out;
}

/** The directory entry, its name included, for an entry whose local header is at `offset`. */
export function directoryEntry(e: EntryHeader, offset: number): Uint8Array {
  const out = new Uint8Array(46 + e.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 20, true); // made by: version 2.0, MS-DOS attributes
  shared(v, 6, e);
  // extra field, comment, disk number, internal and external attributes: none
  v.setUint32(42, offset, true);
  out.set(e.name, 46);
  return out;
}

/** The end of the directory: `count` entries, the directory `size` bytes long and starting at `offset`. */
export function endOfDirectory(count: number, size: number, offset: number): Uint8Array {
  const out = new Uint8Array(22);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  return out;
}
