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
import { keptPartDamage, wholeXml } from '../../src/hosts/xlsx/kept-check';
import { readRelationships, readWorkbookPart } from '../../src/hosts/xlsx/xlsx-parts';
import { replacedSheetNames } from '../../src/app/consolidation-output';
import { PROGRESS_SHEET } from '../../src/workbook/consolidation-sheets';
import { ROSTER_SHEET } from '../../src/workbook/roster-sheet';
import { defaultFormPack } from '../../src/packs/forms';
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

/** An agency's returned workbook consolidated once into `outName`: the earlier output a test then damages. */
async function consolidatedOnce(inputName: string, outName: string): Promise<{ readonly out: string; readonly rerun: () => ReturnType<typeof runCli> }> {
  const made = await agencyWorkbook(findAgency(defaultRoster(), 'SNV')!, new Date(Date.UTC(2026, 1, 10, 3)), 1);
  const input = path.join(dir, inputName);
  await writeFile(input, await made.workbook.toBuffer(new Date(Date.UTC(2026, 1, 12, 3))));
  const out = path.join(dir, outName);
  const rerun = (): ReturnType<typeof runCli> => runCli(['consolidate', input, '--out', out, '--as-of', '2026-03-01'], { now: Date.UTC(2026, 2, 1, 2) });
  expect((await rerun()).code).toBe(0);
  return { out, rerun };
}

describe('consolidate into a damaged earlier output', () => {
  it('names the output and why, leaves it as it was, and exits 2', async () => {
    const { out, rerun } = await consolidatedOnce('SNV.xlsx', 'tong-hop.xlsx');
    const damaged = withPart(new Uint8Array(await readFile(out)), 'xl/styles.xml', '<styleSheet><broken');
    await writeFile(out, damaged);
    const again = await rerun();
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`Tệp "${out}": Tệp bị hỏng`);
    // Refused before any returned file is read (each file read says "[i/n] name").
    expect(again.stderr).not.toContain('[1/1]');
    expect(new Uint8Array(await readFile(out))).toEqual(damaged);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('does not refuse an output damaged only in a sheet the rewrite replaces unread, nor list a name it does not write', async () => {
    const { out, rerun } = await consolidatedOnce('SNV-2.xlsx', 'tong-hop-2.xlsx');
    const bytes = new Uint8Array(await readFile(out));
    const part = (name: string): Uint8Array => {
      const e = zipDirectory(bytes)!.find((x) => x.name === name)!;
      return new Uint8Array(inflateRawSync(entryData(bytes, e)!));
    };
    const { sheets } = readWorkbookPart(part('xl/workbook.xml'));
    // The names known before reading are those the run writes, the roster sheet aside.
    expect(new Set(replacedSheetNames(defaultFormPack()))).toEqual(new Set(sheets.map((s) => s.name).filter((n) => n !== ROSTER_SHEET)));
    const targets = readRelationships(part('xl/_rels/workbook.xml.rels'), 'xl/workbook.xml');
    const progress = targets.get(sheets.find((s) => s.name === PROGRESS_SHEET)!.rid)!;
    expect(keptPartDamage(bytes, new Set(replacedSheetNames(defaultFormPack())))).toBeNull();
    await writeFile(out, withPart(bytes, progress, '<worksheet><broken'));
    expect((await rerun()).code).toBe(0);
  }, 60_000);
});

describe('wholeXml', () => {
  const xml = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('takes whole parts and refuses cut or mismatched ones', () => {
    expect(wholeXml(xml('<?xml version="1.0"?>\n<a x="1>2"><b/><!-- <c> --><x:c>t</x:c></a>'))).toBe(true);
    expect(wholeXml(xml('<styleSheet><broken'))).toBe(false);
    expect(wholeXml(xml('<a><b></a></b>'))).toBe(false);
    expect(wholeXml(xml('<a></a><b/>'))).toBe(false);
    expect(wholeXml(xml('<a>'))).toBe(false);
    expect(wholeXml(xml(''))).toBe(false);
  });
});
