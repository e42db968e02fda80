/**
 * Damaged copies of a good agency workbook: byte flips in compressed data, local headers and the central directory,
 * truncations, and a directory that lies about sizes, offsets and checksums. Each copy is either read exactly like
 * the original (the flip landed in bytes nobody reads) or refused with a reason — never an exception, never a hang —
 * by both readers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findAgency } from '../../../src/domain/roster';
import { openWorkbookBytes } from '../../../src/hosts/xlsx/open';
import { openForReading } from '../../../src/hosts/xlsx/open-fast';
import { openForReadingAnywhere } from '../../../src/hosts/xlsx/open-read';
import { u32, zipDirectory, type ZipEntry } from '../../../src/hosts/xlsx/zip';
import { defaultRoster } from '../../../src/packs';
import type { WorkbookPort } from '../../../src/app/workbook-port';
import type { Grid } from '../../../src/workbook/grid';
import { agencyWorkbook } from '../../helpers/agency-workbook';

interface Variant {
  readonly label: string;
  readonly bytes: Uint8Array;
}

function cells(grid: Grid | null): string {
  const out: string[] = [];
  grid?.values.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== '') out.push(`${r + 1}:${c + 1}=${String(v)}`);
  }));
  grid?.formulas?.forEach((row, r) => row.forEach((f, c) => {
    if (f) out.push(`f${r + 1}:${c + 1}=${f}`);
  }));
  return out.join('|');
}

async function snapshotOf(port: WorkbookPort, names: readonly string[]): Promise<string> {
  const snap = await port.read(names);
  return [...snap.grids].map(([n, g]) => `${n}:${cells(g)}`).join('\n');
}

function flip(bytes: Uint8Array, at: number, mask = 0xff): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] ?? 0) ^ mask;
  return out;
}

function setU32(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(at, value >>> 0, true);
  return out;
}

/** Where each entry's central-directory record starts. */
function directoryRecords(bytes: Uint8Array, entries: readonly ZipEntry[]): Map<string, number> {
  let eocd = bytes.length - 22;
  while (u32(bytes, eocd) !== 0x06054b50) eocd--;
  let p = u32(bytes, eocd + 16);
  const out = new Map<string, number>();
  for (const e of entries) {
    out.set(e.name, p);
    p += 46 + ((bytes[p + 28] ?? 0) | ((bytes[p + 29] ?? 0) << 8)) + ((bytes[p + 30] ?? 0) | ((bytes[p + 31] ?? 0) << 8)) + ((bytes[p + 32] ?? 0) | ((bytes[p + 33] ?? 0) << 8));
  }
  return out;
}

function variants(good: Uint8Array): Variant[] {
  const entries = zipDirectory(good)!;
  const records = directoryRecords(good, entries);
  const out: Variant[] = [];
  const byName = (n: string) => entries.find((e) => e.name === n)!;
  const sheetEntries = entries.filter((e) => e.name.startsWith('xl/worksheets/sheet')).slice(0, 4);
  const targets = [byName('xl/workbook.xml'), byName('xl/sharedStrings.xml'), ...sheetEntries];
  for (const e of targets) {
    const dataStart = e.offset + 30 + e.name.length + ((good[e.offset + 28] ?? 0) | ((good[e.offset + 29] ?? 0) << 8));
    for (const frac of [0.05, 0.5, 0.95]) {
      out.push({ label: `flip in data of ${e.name} at ${frac}`, bytes: flip(good, dataStart + Math.floor(e.compressed * frac)) });
    }
    out.push({ label: `flip in local header name length of ${e.name}`, bytes: flip(good, e.offset + 26, 0x04) });
    const cd = records.get(e.name)!;
    out.push({ label: `directory: compressed size of ${e.name} too small`, bytes: setU32(good, cd + 20, Math.floor(e.compressed / 2)) });
    out.push({ label: `directory: uncompressed size of ${e.name} too small`, bytes: setU32(good, cd + 24, Math.floor(e.uncompressed / 3)) });
    out.push({ label: `directory: uncompressed size of ${e.name} too large`, bytes: setU32(good, cd + 24, e.uncompressed * 2) });
    out.push({ label: `directory: offset of ${e.name} wrong`, bytes: setU32(good, cd + 42, e.offset + 7) });
    out.push({ label: `directory: CRC of ${e.name} wrong`, bytes: flip(good, cd + 16, 0x01) });
  }
  // One entry's offset pointing at another entry's local header (a lying directory that still finds a header).
  const [a, b] = sheetEntries;
  if (a && b) out.push({ label: `directory: ${a.name} points at ${b.name}`, bytes: setU32(good, records.get(a.name)! + 42, b.offset) });
  // Random flips anywhere, deterministic.
  let seed = 12345;
  for (let i = 0; i < 40; i++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    const at = seed % good.length;
    out.push({ label: `flip at byte ${at}`, bytes: flip(good, at, 1 << (seed % 8)) });
  }
  for (const frac of [0.1, 0.5, 0.9, 0.999]) {
    out.push({ label: `truncated at ${frac}`, bytes: good.slice(0, Math.floor(good.length * frac)) });
  }
  out.push({ label: 'end record count wrong', bytes: flip(good, good.length - 22 + 10, 0x03) });
  out.push({ label: 'directory offset past the end', bytes: setU32(good, good.length - 22 + 16, good.length + 100) });
  return out;
}

describe('damaged copies of a good workbook', () => {
  let good: Uint8Array;
  let names: string[];
  let fastExpected: string;
  let slowExpected: string;
  let cases: Variant[];

  beforeAll(async () => {
    const { workbook } = await agencyWorkbook(findAgency(defaultRoster(), 'SNV')!, new Date(Date.UTC(2026, 1, 20)), 7);
    workbook.workbook.created = new Date(Date.UTC(2026, 1, 20, 9));
    good = await workbook.toBuffer(workbook.workbook.created);
    names = workbook.sheetNames();
    const fast = await openForReading(good);
    const slow = await openWorkbookBytes(good);
    if (!fast.ok || !slow.ok) throw new Error('the good workbook does not open');
    fastExpected = await snapshotOf(fast.port, names);
    slowExpected = await snapshotOf(slow.workbook, names);
    cases = variants(good);
  }, 60_000);

  it('has at least 30 variants, and the good file reads the same through both readers', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(fastExpected).toBe(slowExpected);
  });

  it('the fast reader reads each variant exactly or refuses it with a reason, never throwing', async () => {
    const outcomes: string[] = [];
    for (const v of cases) {
      const opened = await openForReading(v.bytes, undefined, 'vi', 'SNV.xlsx');
      if (opened.ok) {
        expect(await snapshotOf(opened.port, names), v.label).toBe(fastExpected);
        outcomes.push(`${v.label}: read`);
      } else {
        expect(opened.reason, v.label).toMatch(/\S/);
        outcomes.push(`${v.label}: ${opened.problem?.kind ?? 'refused'}`);
      }
    }
    const tally = new Map<string, number>();
    for (const o of outcomes) tally.set(o.slice(o.lastIndexOf(': ') + 2), (tally.get(o.slice(o.lastIndexOf(': ') + 2)) ?? 0) + 1);
    console.log(`${cases.length} damaged variants:`, Object.fromEntries(tally));
    // Damage in the parts read is reported as damage (CRC-32, sizes), not as content errors.
    const dataFlips = outcomes.filter((o) => o.startsWith('flip in data of'));
    expect(dataFlips.every((o) => o.endsWith(': damaged')), dataFlips.join('\n')).toBe(true);
    const lies = outcomes.filter((o) => o.startsWith('directory:'));
    expect(lies.every((o) => o.endsWith(': damaged')), lies.join('\n')).toBe(true);
  }, 60_000);

  it('the ExcelJS reader (the pane, 1904 workbooks) does the same', async () => {
    for (const v of cases) {
      const opened = await openWorkbookBytes(v.bytes, undefined, 'vi', 'SNV.xlsx');
      if (opened.ok) expect(await snapshotOf(opened.workbook, names), v.label).toBe(slowExpected);
      else expect(opened.reason, v.label).toMatch(/\S/);
    }
  }, 120_000);

  it('the reader for any runtime (DecompressionStream) does the same, and agrees with the fast reader on the verdict', async () => {
    for (const v of cases) {
      const opened = await openForReadingAnywhere(v.bytes, undefined, 'vi', 'SNV.xlsx');
      const fast = await openForReading(v.bytes, undefined, 'vi', 'SNV.xlsx');
      expect(opened.ok, `${v.label}: ${opened.ok ? '' : opened.reason}`).toBe(fast.ok);
      if (opened.ok) expect(await snapshotOf(opened.port, names), v.label).toBe(fastExpected);
      else expect(opened.reason, v.label).toMatch(/\S/);
    }
  }, 120_000);

  it('names the file and the damaged part in Vietnamese and in English', async () => {
    const e = zipDirectory(good)!.find((x) => x.name === 'xl/sharedStrings.xml')!;
    const bad = setU32(good, directoryRecords(good, zipDirectory(good)!).get(e.name)! + 16, e.crc32 ^ 1);
    const vi = await openForReading(bad, undefined, 'vi', 'SNV.xlsx');
    const en = await openForReading(bad, undefined, 'en', 'SNV.xlsx');
    expect(vi.ok || en.ok).toBe(false);
    if (!vi.ok) expect(vi.reason).toMatch(/^Tệp "SNV\.xlsx" bị hỏng: phần xl\/sharedStrings\.xml sai mã kiểm tra CRC-32/);
    if (!en.ok) expect(en.reason).toMatch(/^The file "SNV\.xlsx" is damaged: part xl\/sharedStrings\.xml fails its CRC-32 check/);
  });
});
