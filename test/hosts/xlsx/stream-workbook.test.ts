/**
 * The streaming writer (a new consolidation workbook from the CLI) writes what the in-memory writer writes from the
 * same specs: every sheet, cell value and style, merge, validation, conditional format, width, height, view, print
 * setup and protection; the package passes the structural checks; spreadsheet programs are asked to recalculate.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateIntoWorkbook } from '../../../src/app/consolidate-into';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { openForReading } from '../../../src/hosts/xlsx/open-fast';
import { StreamedWorkbook } from '../../../src/hosts/xlsx/stream-workbook';
import { packageProblems } from '../../helpers/package-check';
import { consolidationRequest, describeSheet, loadXlsx } from './consolidation-fixture';
import { inflateRawSync } from 'node:zlib';
import { entryData, zipDirectory } from '../../../src/hosts/xlsx/zip';

const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-stream-'));
let inMemory: Uint8Array;
let streamed: Uint8Array;

beforeAll(async () => {
  const request = await consolidationRequest(['SNV', 'STC', 'SYT']);
  const savedAt = new Date(Date.UTC(2026, 2, 1, 2));
  const memory = FileWorkbook.create();
  await consolidateIntoWorkbook(memory, request);
  inMemory = await memory.toBuffer(savedAt);
  const file = path.join(dir, 'streamed.xlsx');
  await consolidateIntoWorkbook(new StreamedWorkbook(file, savedAt), request);
  streamed = new Uint8Array(readFileSync(file));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('streamed consolidation workbook', () => {
  it('has the same sheets, in the same order, with the same cells, styles and settings as the in-memory one', async () => {
    const [a, b] = await Promise.all([loadXlsx(inMemory), loadXlsx(streamed)]);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(b.worksheets.length).toBeGreaterThan(15);
    for (const ws of a.worksheets) expect(describeSheet(b.getWorksheet(ws.name)!)).toEqual(describeSheet(ws));
    expect(b.views[0]?.activeTab).toBe(a.views[0]?.activeTab);
    expect(b.creator).toBe('vtlt');
    expect(b.modified?.toISOString()).toBe('2026-03-01T02:00:00.000Z');
  });

  it('reads back the same values with the fast reader', async () => {
    const [a, b] = await Promise.all([openForReading(inMemory), openForReading(streamed)]);
    if (!a.ok || !b.ok) throw new Error('unreadable');
    const names = (await a.port.read([])).sheetNames;
    const [ga, gb] = await Promise.all([a.port.read(names), b.port.read(names)]);
    expect(gb.sheetNames).toEqual(ga.sheetNames);
    for (const n of names) expect(gb.grids.get(n)?.values).toEqual(ga.grids.get(n)?.values);
  });

  it('passes the package checks and asks for a full calculation on open', () => {
    expect(packageProblems(streamed)).toEqual([]);
    const entry = zipDirectory(streamed)?.find((e) => e.name === 'xl/workbook.xml');
    const data = entry ? entryData(streamed, entry) : null;
    const workbookXml = data && entry ? new TextDecoder().decode(entry.method === 8 ? inflateRawSync(data) : data) : '';
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});
