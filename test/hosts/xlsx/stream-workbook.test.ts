/**
 * The streaming writer (a new consolidation workbook from the CLI) writes what the in-memory writer writes from the
 * same specs: every sheet, cell value and style, merge, validation, conditional format, width, height, view, print
 * setup and protection; the package passes the structural checks; spreadsheet programs are asked to recalculate.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidateIntoWorkbook, type ConsolidateIntoRequest } from '../../../src/app/consolidate-into';
import { mustDay } from '../../../src/domain/calendar';
import { findAgency } from '../../../src/domain/roster';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { openForReading } from '../../../src/hosts/xlsx/open-fast';
import { StreamedWorkbook } from '../../../src/hosts/xlsx/stream-workbook';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import { defaultFormPack } from '../../../src/packs/forms';
import { agencyWorkbook } from '../../helpers/agency-workbook';
import { packageProblems } from '../../helpers/package-check';
import { inflateRawSync } from 'node:zlib';
import { entryData, zipDirectory } from '../../../src/hosts/xlsx/zip';

const plan = defaultPlanPack();
const formPack = defaultFormPack();
const roster = defaultRoster();
const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-stream-'));
let inMemory: Uint8Array;
let streamed: Uint8Array;

beforeAll(async () => {
  const files = await Promise.all(
    ['SNV', 'STC', 'SYT'].map(async (code, i) => {
      const made = await agencyWorkbook(findAgency(roster, code)!, new Date(Date.UTC(2026, 1, 10 + i, 3)), i + 1);
      const bytes = await made.workbook.toBuffer(new Date(Date.UTC(2026, 1, 12 + i, 3)));
      return { name: `${code}.xlsx`, read: async () => bytes };
    }),
  );
  const request: ConsolidateIntoRequest = {
    files, planPack: plan, formPack, knownPacks: new Map([[plan.id, [plan.version]], [formPack.id, [formPack.version]]]),
    defaultRoster: roster, asOf: mustDay(2026, 3, 1), lang: 'vi',
    open: async (bytes) => {
      const opened = await openForReading(bytes);
      return opened.ok ? { ok: true, port: opened.port } : opened;
    },
  };
  const savedAt = new Date(Date.UTC(2026, 2, 1, 2));
  const memory = FileWorkbook.create();
  await consolidateIntoWorkbook(memory, request);
  inMemory = await memory.toBuffer(savedAt);
  const file = path.join(dir, 'streamed.xlsx');
  await consolidateIntoWorkbook(new StreamedWorkbook(file, savedAt), request);
  streamed = new Uint8Array(readFileSync(file));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Everything a sheet shows or enforces, as plain data. */
function describeSheet(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const s = cell.style;
      cells.push([cell.address, cell.type, cell.value, s.font ?? null, s.fill ?? null, s.border ?? null, s.alignment ?? null, s.numFmt ?? null, s.protection ?? null]);
    });
  });
  const rows: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push([row.number, row.height ?? null]));
  const model = ws.model as unknown as Record<string, unknown>;
  return {
    name: ws.name,
    state: ws.state,
    cells,
    rows,
    columns: (ws.columns ?? []).map((c) => [c.width ?? null, c.hidden ?? false]),
    merges: [...(model['merges'] as string[])].sort(),
    validations: model['dataValidations'],
    conditional: model['conditionalFormattings'],
    views: ws.views,
    tab: ws.properties.tabColor ?? null,
    print: { o: ws.pageSetup.orientation, w: ws.pageSetup.fitToWidth, h: ws.pageSetup.fitToHeight, f: ws.pageSetup.fitToPage, t: ws.pageSetup.printTitlesRow ?? null, tc: ws.pageSetup.printTitlesColumn ?? null, m: ws.pageSetup.margins, p: ws.pageSetup.paperSize ?? null, c: ws.pageSetup.horizontalCentered ?? false },
    protected: Boolean((model['sheetProtection'] as { sheet?: boolean } | undefined)?.sheet),
  };
}

describe('streamed consolidation workbook', () => {
  it('has the same sheets, in the same order, with the same cells, styles and settings as the in-memory one', async () => {
    const [a, b] = await Promise.all([load(inMemory), load(streamed)]);
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
