/**
 * The streamed workbook's zip container: parts of every kind ExcelJS appends come out whole, in the order appended,
 * whatever order their compression ends in; an independent reader (Python's zipfile, CRC-32 checked) agrees.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import * as zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { PackageZip, type PipedSource } from '../../../src/hosts/xlsx/package-zip';
import { crc32, entryData, zipDirectory } from '../../../src/hosts/xlsx/zip';

/** A source like ExcelJS's StreamBuf: pieces written to what it is piped to, later, then ended. */
function pieces(chunks: readonly string[]): PipedSource & { run(): Promise<void> } {
  let sink: { write(chunk: Uint8Array, done?: () => void): boolean; end(): void } | null = null;
  return {
    pipe: (s) => (sink = s),
    run: async () => {
      for (const c of chunks) {
        await new Promise((r) => setImmediate(r));
        sink!.write(Buffer.from(c, 'utf8'));
      }
      sink!.end();
    },
  };
}

async function finished(zip: PackageZip): Promise<{ bytes: Buffer; entries: string[] }> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const ended = new Promise<void>((r) => out.on('end', r));
  zip.pipe(out);
  const entries: string[] = [];
  zip.on('entry', (e: { name: string }) => entries.push(e.name));
  return { bytes: await ended.then(() => Buffer.concat(parts)), entries };
}

describe('PackageZip', () => {
  it('writes text, bytes and piped parts whole, in the order appended, with their CRC-32 and the save time', async () => {
    const zip = new PackageZip(new Date(2026, 10, 23, 14, 30, 10));
    const result = finished(zip);
    const sheetRows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`);
    const sheet = pieces(sheetRows);
    zip.append(sheet, { name: '/xl/worksheets/sheet1.xml' });
    zip.append('<theme>Chủ đề ạ</theme>', { name: 'xl/theme/theme1.xml' });
    zip.append(Buffer.from([1, 2, 3]), { name: 'media/x.bin' });
    const empty = pieces([]);
    zip.append(empty, { name: 'xl/empty.xml' });
    // The text and the bytes are compressed long before the sheet's last piece comes: they must still follow it.
    await sheet.run();
    await empty.run();
    zip.finalize();
    const { bytes, entries } = await result;
    expect(entries).toEqual(['xl/worksheets/sheet1.xml', 'xl/theme/theme1.xml', 'media/x.bin', 'xl/empty.xml']);
    const dir = zipDirectory(bytes)!;
    expect(dir.map((e) => e.name)).toEqual(entries);
    const content = dir.map((e) => {
      const data = entryData(bytes, e)!;
      const raw = zlib.inflateRawSync(data);
      expect(raw.length).toBe(e.uncompressed);
      expect(crc32(raw)).toBe(e.crc32);
      return raw;
    });
    expect(content[0]!.toString('utf8')).toBe(sheetRows.join(''));
    expect(content[1]!.toString('utf8')).toBe('<theme>Chủ đề ạ</theme>');
    expect([...content[2]!]).toEqual([1, 2, 3]);
    expect(content[3]!.length).toBe(0);

    const dir2 = mkdtempSync(path.join(tmpdir(), 'package-zip-'));
    const file = path.join(dir2, 'p.zip');
    writeFileSync(file, bytes);
    const py = [
      'import sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'for i in z.infolist(): print(i.filename, i.file_size, "%04d-%02d-%02d %02d:%02d:%02d" % i.date_time)',
    ].join('\n');
    const listed = execFileSync('python3', ['-c', py, file], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual([
      `xl/worksheets/sheet1.xml ${content[0]!.length} 2026-11-23 14:30:10`,
      `xl/theme/theme1.xml ${content[1]!.length} 2026-11-23 14:30:10`,
      'media/x.bin 3 2026-11-23 14:30:10',
      'xl/empty.xml 0 2026-11-23 14:30:10',
    ]);
  });

  it('without node:zlib crc32 (Node 20.9 to 20.14), a part written in many pieces still gets its CRC-32', async () => {
    expect(crc32(Buffer.from('ghi'), crc32(Buffer.from('abc def ')))).toBe(crc32(Buffer.from('abc def ghi')));
    vi.resetModules();
    vi.doMock('node:zlib', async (original) => ({ ...(await original<typeof zlib>()), crc32: undefined }));
    try {
      const { PackageZip: WithoutNativeCrc } = await import('../../../src/hosts/xlsx/package-zip');
      const zip = new WithoutNativeCrc(new Date(2026, 10, 23));
      const result = finished(zip as unknown as PackageZip);
      const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"/>`);
      const sheet = pieces(rows);
      zip.append(sheet, { name: 'xl/worksheets/sheet1.xml' });
      await sheet.run();
      zip.finalize();
      const { bytes } = await result;
      const [entry] = zipDirectory(bytes)!;
      const raw = zlib.inflateRawSync(entryData(bytes, entry!)!);
      expect(raw.toString('utf8')).toBe(rows.join(''));
      expect(entry!.crc32).toBe(crc32(raw));
    } finally {
      vi.doUnmock('node:zlib');
      vi.resetModules();
    }
  });

  it('refuses what the streamed workbook never writes, rather than writing it wrong', () => {
    const zip = new PackageZip(new Date());
    expect(() => zip.append('AAAA', { name: 'xl/media/image1.png', base64: true })).toThrow(/base64/);
    expect(() => zip.file()).toThrow(/files from disk/);
  });
});
