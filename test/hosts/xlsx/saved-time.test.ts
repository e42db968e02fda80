/**
 * Every save by the file host stamps its last-saved time (dcterms:modified in docProps/core.xml), as Excel does on
 * every save: consolidation orders an agency's re-sends by it. The creation time and the last author stay as read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/io';
import { run } from '../../../src/cli/main';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { entryData, zipDirectory } from '../../../src/hosts/xlsx/zip';
import { savedAtOf } from '../../helpers/core-props';
import { makeZip } from '../../helpers/zip';

const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-saved-time-'));
const CREATED = '2026-01-05T02:00:00Z';
const YESTERDAY = '2026-03-01T09:30:00Z';
const NOW = Date.UTC(2026, 2, 2, 3, 15, 0);

function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const e of zipDirectory(bytes) ?? []) {
    const data = entryData(bytes, e);
    if (!data) throw new Error(`damaged entry ${e.name}`);
    out.set(e.name, e.method === 8 ? new Uint8Array(inflateRawSync(data)) : new Uint8Array(data));
  }
  return out;
}

function coreOf(bytes: Uint8Array): string {
  const core = parts(bytes).get('docProps/core.xml');
  return core ? new TextDecoder().decode(core) : '';
}

/** The workbook as an agency's clerk saved it yesterday in Excel: created in January, saved by "Nguyễn Văn A". */
function savedYesterday(bytes: Uint8Array): Uint8Array {
  const all = parts(bytes);
  const core = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<dc:creator>vtlt</dc:creator><cp:lastModifiedBy>Nguyễn Văn A</cp:lastModifiedBy>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${CREATED}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${YESTERDAY}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
  all.set('docProps/core.xml', new TextEncoder().encode(core));
  return makeZip([...all].map(([name, data]) => ({ name, data, deflate: true })));
}

async function vtlt(argv: string[]): Promise<number> {
  const io: CliIo = { lang: 'vi', out: () => undefined, err: () => undefined, now: () => NOW };
  return run(argv, io);
}

describe('the file host stamps the last-saved time on every save', () => {
  it('vtlt tracker --in on a workbook saved yesterday: modified is the CLI clock, created and author kept', async () => {
    const file = path.join(dir, 'SNV.xlsx');
    expect(await vtlt(['tracker', '--agency', 'SNV', '--out', file])).toBe(0);
    writeFileSync(file, savedYesterday(readFileSync(file)));
    expect(savedAtOf(readFileSync(file))).toBe(YESTERDAY);

    expect(await vtlt(['tracker', '--agency', 'SNV', '--in', file, '--out', file, '--force'])).toBe(0);
    const bytes = new Uint8Array(readFileSync(file));
    expect(Date.parse(savedAtOf(bytes) ?? '')).toBe(NOW);
    const core = coreOf(bytes);
    expect(Date.parse(/<dcterms:created\b[^>]*>([^<]*)</.exec(core)?.[1] ?? '')).toBe(Date.parse(CREATED));
    expect(/<cp:lastModifiedBy>([^<]*)</.exec(core)?.[1]).toBe('Nguyễn Văn A');
  });

  it('without a clock, toBuffer stamps the current time', async () => {
    const loaded = await FileWorkbook.load(savedYesterday(await FileWorkbook.create().toBuffer()));
    const before = Date.now();
    const bytes = await loaded.toBuffer();
    const saved = Date.parse(savedAtOf(bytes) ?? '');
    expect(saved).toBeGreaterThanOrEqual(before - 1000);
    expect(saved).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('a workbook the product creates names the product as its last author, not the library', async () => {
    const core = coreOf(await FileWorkbook.create().toBuffer(new Date(NOW)));
    expect(/<cp:lastModifiedBy>([^<]*)</.exec(core)?.[1]).toBe('vtlt');
  });
});
