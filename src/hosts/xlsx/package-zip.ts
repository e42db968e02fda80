/**
 * The zip container of a streamed workbook (Node): what ExcelJS's WorkbookWriter asks of its zip writer — `append` a
 * part (text, bytes, or the stream a sheet is written into), `finalize`, `pipe` to the file, 'entry' and 'error'
 * events — done with node:zlib alone. Each part is deflated on libuv's threads as it comes (a sheet's 64 KB pieces
 * straight into one raw-deflate stream, text in one call), several parts at once, its CRC-32 by zlib's native
 * routine; parts reach the file whole, in the order appended. Compared with the general archiver the writer brings,
 * the main thread no longer pipes every piece through five streams nor computes CRC-32 in JavaScript, and the parts
 * of a workbook are compressed side by side rather than one after the other.
 *
 * Entries carry the workbook's save time (the same bytes for the same workbook), names in UTF-8, sizes in the local
 * header (no data descriptor); no ZIP64 (a consolidation is far below 4 GB: past that the write fails, saying so).
 */
import { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import * as zlib from 'node:zlib';
import { nativeCrc as crcAdd } from './open-fast';
import { directoryEntry, endOfDirectory, localHeader, type EntryHeader } from './zip-write';

/**
 * zlib's level for the parts. Below the default (6) because on a small machine compressing keeps pace with writing the
 * sheets only then: at 1,000 agencies (11 MB of sheet XML) level 6 left the main thread waiting for the last big
 * sheets, level 4 wrote the workbook ~50 ms sooner (355 → 305 ms) for a 4 % larger file (1.24 → 1.29 MB); levels
 * 1–3 saved little more for 12–22 % more bytes.
 */
export const PART_LEVEL = 4;

/** What ExcelJS hands to `append`: text, bytes, or the stream a part is written into (its StreamBuf). */
export type PartSource = string | Uint8Array | PipedSource;

/** ExcelJS's StreamBuf as a source: it writes its pieces to what it is piped to, then ends it. */
export interface PipedSource {
  pipe(sink: { write(chunk: Uint8Array, done?: () => void): boolean; end(): void }): unknown;
}

interface Entry {
  readonly name: Buffer;
  crc: number;
  size: number;
  /** The deflated data, null until the part is deflated whole (emptied once written). */
  compressed: Buffer[] | null;
  compressedSize: number;
  offset: number;
}

const ZIP32_LIMIT = 0xffffffff;

/** MS-DOS time and date of `d` (local time, as zip tools read it), two seconds' precision. */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class PackageZip extends EventEmitter {
  private dest: Writable | null = null;
  private readonly entries: Entry[] = [];
  /** Entries before this one are in the file. */
  private head = 0;
  private offset = 0;
  private finalizing = false;
  private failed = false;
  private readonly when: { time: number; date: number };

  constructor(
    savedAt: Date,
    private readonly level: number = PART_LEVEL,
  ) {
    super();
    this.when = dosTime(savedAt);
  }

  pipe<T extends Writable>(dest: T): T {
    this.dest = dest;
    return dest;
  }

  append(source: PartSource, data: { readonly name: string; readonly base64?: boolean }): this {
    if (data.base64) throw new Error('PackageZip: base64 parts are not written by the streamed workbook');
    const entry: Entry = { name: Buffer.from(data.name.replace(/^\/+/, ''), 'utf8'), crc: 0, size: 0, compressed: null, compressedSize: 0, offset: 0 };
    this.entries.push(entry);
    if (typeof source === 'string' || source instanceof Uint8Array) this.deflateWhole(entry, typeof source === 'string' ? Buffer.from(source, 'utf8') : source);
    else this.deflatePiped(entry, source);
    return this;
  }

  /** ExcelJS's writer adds files from disk only for pictures, which the streamed workbook leaves to the in-memory one. */
  file(): never {
    throw new Error('PackageZip: files from disk are not written by the streamed workbook');
  }

  finalize(): void {
    this.finalizing = true;
    this.flush();
  }

  private deflateWhole(entry: Entry, bytes: Uint8Array): void {
    entry.crc = crcAdd(bytes, 0);
    entry.size = bytes.length;
    zlib.deflateRaw(bytes, { level: this.level }, (error, out) => {
      if (error) return this.fail(error);
      this.completed(entry, [out]);
    });
  }

  private deflatePiped(entry: Entry, source: PipedSource): void {
    const deflate = zlib.createDeflateRaw({ level: this.level });
    const out: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => out.push(chunk));
    deflate.on('error', (e: unknown) => this.fail(e));
    deflate.on('end', () => this.completed(entry, out));
    source.pipe({
      write: (chunk, done) => {
        entry.crc = crcAdd(chunk, entry.crc);
        entry.size += chunk.length;
        const more = deflate.write(chunk);
        done?.();
        return more;
      },
      end: () => deflate.end(),
    });
  }

  private completed(entry: Entry, out: Buffer[]): void {
    entry.compressed = out;
    entry.compressedSize = out.reduce((n, b) => n + b.length, 0);
    this.flush();
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.emit('error', error);
  }

  /** Writes the entries now complete that come next in order; the directory once all are and finalize was asked. */
  private flush(): void {
    if (this.failed || this.dest === null) return;
    for (let entry = this.entries[this.head]; entry?.compressed; entry = this.entries[this.head]) {
      const data = entry.compressed;
      this.head++;
      if (entry.size > ZIP32_LIMIT || this.offset + 30 + entry.name.length + entry.compressedSize > ZIP32_LIMIT) return this.fail(new Error('PackageZip: a workbook over 4 GB needs ZIP64'));
      entry.offset = this.offset;
      const header = localHeader(this.header(entry));
      this.dest.write(header);
      for (const piece of data) this.dest.write(piece);
      this.offset += header.length + entry.compressedSize;
      entry.compressed = [];
      this.emit('entry', { name: entry.name.toString('utf8') });
    }
    if (this.finalizing && this.head === this.entries.length) {
      this.finalizing = false;
      this.dest.end(this.directory());
    }
  }

  private header(e: Entry): EntryHeader {
    return { name: e.name, method: 8, crc32: e.crc, compressed: e.compressedSize, uncompressed: e.size, flags: 0x0800, ...this.when };
  }

  private directory(): Buffer {
    const parts = this.entries.map((e) => directoryEntry(this.header(e), e.offset));
    const size = parts.reduce((n, b) => n + b.length, 0);
    return Buffer.concat([...parts, endOfDirectory(this.entries.length, size, this.offset)]);
  }
}
