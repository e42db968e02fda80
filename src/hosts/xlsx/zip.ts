/**
 * The central directory of a zip file (an .xlsx is one): names, sizes, methods, checksums and offsets of its entries,
 * read without inflating anything; and the checks an inflated part must pass (its declared size and CRC-32).
 * Browser-safe. Nothing here trusts the directory: every offset and size is checked against the file's length.
 */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressed: number;
  readonly uncompressed: number;
  /** CRC-32 of the uncompressed data, as the directory records it. */
  readonly crc32: number;
  /** Offset of the entry's local header. */
  readonly offset: number;
}

export const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
export const u32 = (b: Uint8Array, i: number): number => (u16(b, i) + u16(b, i + 2) * 65_536) >>> 0;

/** The entries, or null when the end record or the directory is missing or damaged (a cut-off or corrupt file). */
export function zipDirectory(b: Uint8Array): ZipEntry[] | null {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (p >= b.length) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    const nameLen = u16(b, p + 28);
    if (p + 46 + nameLen > b.length) return null;
    entries.push({
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: u16(b, p + 10),
      crc32: u32(b, p + 16),
      compressed: u32(b, p + 20),
      uncompressed: u32(b, p + 24),
      offset: u32(b, p + 42),
    });
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

const nameDecoder = new TextDecoder();

/**
 * Where an entry's data lies (after its local header), or null when the header is not where the directory says, names
 * another entry (some readers go by the local name), or the data would run past the end of the file.
 */
export function entryData(b: Uint8Array, e: ZipEntry): Uint8Array | null {
  if (e.offset + 30 > b.length || u32(b, e.offset) !== 0x04034b50) return null;
  const nameLen = u16(b, e.offset + 26);
  if (e.offset + 30 + nameLen > b.length || nameDecoder.decode(b.subarray(e.offset + 30, e.offset + 30 + nameLen)) !== e.name) return null;
  const start = e.offset + 30 + nameLen + u16(b, e.offset + 28);
  if (start + e.compressed > b.length) return null;
  return b.subarray(start, start + e.compressed);
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as zip records it for each entry; `crc`: the CRC-32 of the bytes before these (a running value). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  const table = CRC_TABLE;
  for (let i = 0; i < bytes.length; i++) c = (table[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Why an entry's bytes cannot be trusted. */
export type EntryDamage = 'local-header' | 'method' | 'inflate' | 'size' | 'crc';

/** Checks inflated bytes against what the directory declares: the size, then the checksum. */
export function checkInflated(e: ZipEntry, bytes: Uint8Array, crc: (b: Uint8Array) => number = crc32): EntryDamage | null {
  if (bytes.length !== e.uncompressed) return 'size';
  if (crc(bytes) !== e.crc32) return 'crc';
  return null;
}

/**
 * An entry's bytes, stored or inflated by `inflate` (given the declared size as its limit; a throw is damage) and
 * checked against the directory; or why they cannot be trusted.
 */
export function checkedEntry(
  b: Uint8Array,
  e: ZipEntry,
  inflate: (data: Uint8Array, maxBytes: number) => Uint8Array,
  crc: (b: Uint8Array) => number = crc32,
): Uint8Array | EntryDamage {
  const data = entryData(b, e);
  if (data === null) return 'local-header';
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      out = inflate(data, e.uncompressed);
    } catch {
      return 'inflate';
    }
  } else return 'method';
  return checkInflated(e, out, crc) ?? out;
}
