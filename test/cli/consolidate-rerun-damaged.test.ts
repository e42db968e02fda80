/**
 * Consolidating again into an earlier output that turns out damaged where it is kept (a part only the rewrite loads)
 * is refused with the output named and why (exit 2), as before the output was streamed; the earlier file stays as it
 * was and no temporary file is left.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgency } from '../../src/domain/roster';
import { entryData, zipDirectory } from '../../src/hosts/xlsx/zip';
import { defaultRoster } from '../../src/packs';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { runCli } from '../helpers/run-cli';
import { makeZip } from '../helpers/zip';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vtlt-rerun-damaged-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** The package with one part's bytes replaced. */
function withPart(bytes: Uint8Array, name: string, data: string): Uint8Array {
  return makeZip((zipDirectory(bytes) ?? []).map((e) => {
    const raw = entryData(bytes, e)!;
    return { name: e.name, data: e.name === name ? data : e.method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw };
  }));
}

describe('consolidate into a damaged earlier output', () => {
  it('names the output and why, leaves it as it was, and exits 2', async () => {
    const made = await agencyWorkbook(findAgency(defaultRoster(), 'SNV')!, new Date(Date.UTC(2026, 1, 10, 3)), 1);
    const input = path.join(dir, 'SNV.xlsx');
    await writeFile(input, await made.workbook.toBuffer(new Date(Date.UTC(2026, 1, 12, 3))));
    const out = path.join(dir, 'tong-hop.xlsx');
    const now = Date.UTC(2026, 2, 1, 2);
    expect((await runCli(['consolidate', input, '--out', out, '--as-of', '2026-03-01'], { now })).code).toBe(0);
    const damaged = withPart(new Uint8Array(await readFile(out)), 'xl/styles.xml', '<styleSheet><broken');
    await writeFile(out, damaged);
    const again = await runCli(['consolidate', input, '--out', out, '--as-of', '2026-03-01'], { now });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Tệp "${out}": Tệp bị hỏng`);
    expect(new Uint8Array(await readFile(out))).toEqual(damaged);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
