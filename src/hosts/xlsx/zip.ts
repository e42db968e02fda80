/**
 * The central directory of a zip file (an .xlsx is one): names, sizes, methods and offsets of its entries, read
 * without inflating anything. Browser-safe.
 */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressed: number;
  readonly uncompressed: number;
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
    entries.push({
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: u16(b, p + 10),
      compressed: u32(b, p + 20),
      uncompressed: u32(b, p + 24),
      offset: u32(b, p + 42),
    });
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/** Where an entry's data starts (after its local header), or null when the header is not where the directory says. */
export function entryDataStart(b: Uint8Array, e: ZipEntry): number | null {
  if (u32(b, e.offset) !== 0x04034b50) return null;
  return e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
}
