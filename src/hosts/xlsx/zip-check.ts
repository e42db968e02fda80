/**
 * Checks every part of a zip before a library that does not (ExcelJS) reads it: each part inflates without error, to
 * exactly its declared size, with the declared CRC-32. Uses DecompressionStream (browsers and Node ≥ 18), reading
 * chunk by chunk and stopping as soon as a part grows past its declared size. Browser-safe.
 */
import type { FastProblem } from './fast-read';
import { crc32, entryData, zipDirectory, type EntryDamage, type ZipEntry } from './zip';

/** Whether this runtime can inflate raw deflate data (DecompressionStream 'deflate-raw': Chrome 103+, Safari 16.4+, Node 18+). */
export function canInflate(): boolean {
  try {
    new DecompressionStream('deflate-raw' as CompressionFormat);
    return true;
  } catch {
    return false;
  }
}

async function inflateBounded(data: Uint8Array, max: number): Promise<Uint8Array | 'size' | 'inflate'> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw' as CompressionFormat));
  const reader = stream.getReader();
  const out = new Uint8Array(max);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = value as Uint8Array;
      if (length + chunk.length > max) {
        await reader.cancel().catch(() => undefined);
        return 'size';
      }
      out.set(chunk, length);
      length += chunk.length;
    }
  } catch {
    return 'inflate';
  }
  return out.subarray(0, length);
}

async function checkEntry(bytes: Uint8Array, e: ZipEntry, parts: Map<string, Uint8Array>): Promise<EntryDamage | null> {
  const data = entryData(bytes, e);
  if (data === null) return 'local-header';
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    const inflated = await inflateBounded(data, e.uncompressed);
    if (typeof inflated === 'string') return inflated;
    out = inflated;
  } else return 'method';
  if (out.length !== e.uncompressed) return 'size';
  if (crc32(out) !== e.crc32) return 'crc';
  parts.set(e.name, out);
  return null;
}

export type VerifiedZip =
  | { readonly ok: true; readonly parts: ReadonlyMap<string, Uint8Array> }
  | { readonly ok: false; readonly problem: FastProblem };

/** Every part of the zip (or those `wanted`), inflated and checked; or the first damaged part. */
export async function verifyZip(bytes: Uint8Array, wanted: (name: string) => boolean = () => true): Promise<VerifiedZip> {
  const entries = zipDirectory(bytes);
  if (entries === null) return { ok: false, problem: { kind: 'damaged', part: '', damage: 'directory' } };
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name.endsWith('/') || !wanted(e.name)) continue;
    const damage = await checkEntry(bytes, e, parts);
    if (damage) return { ok: false, problem: { kind: 'damaged', part: e.name, damage } };
  }
  return { ok: true, parts };
}

/** An Inflate for the fast reader that hands out parts already inflated and checked by `verifyZip`. */
export function inflatedParts(parts: ReadonlyMap<string, Uint8Array>): (data: Uint8Array, maxBytes: number, part: string) => Uint8Array {
  return (_data, _max, part) => {
    const out = parts.get(part);
    if (out === undefined) throw new Error(`part ${part} was not verified`);
    return out;
  };
}
