/**
 * The reading threads of `vtlt consolidate` read each file at once (readRegularFileSync): the same checks and the
 * same reasons as the asynchronous read, for a workbook, a missing path, a folder, a FIFO (never waited on), a
 * dangling link, a link to a file, and a file over the size limit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegularFile, readRegularFileSync } from '../../src/cli/inputs';

const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-read-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a file at once', () => {
  it('gives what the asynchronous read gives, for every kind of path', async () => {
    const file = path.join(dir, 'a.xlsx');
    writeFileSync(file, 'PK bytes');
    mkdirSync(path.join(dir, 'folder.xlsx'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.xlsx')]);
    symlinkSync(path.join(dir, 'gone.xlsx'), path.join(dir, 'dangling.xlsx'));
    symlinkSync(file, path.join(dir, 'link.xlsx'));
    const paths = ['a.xlsx', 'missing.xlsx', 'folder.xlsx', 'pipe.xlsx', 'dangling.xlsx', 'link.xlsx'].map((n) => path.join(dir, n));
    for (const lang of ['vi', 'en'] as const) {
      for (const p of paths) expect(readRegularFileSync(p, lang), p).toEqual(await readRegularFile(p, lang));
      expect(readRegularFileSync(file, lang, 3)).toEqual(await readRegularFile(file, lang, 3));
    }
    const read = readRegularFileSync(file, 'vi');
    expect(read.ok && Buffer.from(read.bytes).toString()).toBe('PK bytes');
    expect(readRegularFileSync(path.join(dir, 'pipe.xlsx'), 'vi').ok).toBe(false);
  });
});
