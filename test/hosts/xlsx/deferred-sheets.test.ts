/**
 * Sheets given to a write as deferred (a consolidation's per-agency sheets) are built only when the writer comes to
 * them, each once, in the workbook's order; what is written is what the same sheets given built would write, for the
 * streamed writer and the in-memory one alike.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { StreamedWorkbook } from '../../../src/hosts/xlsx/stream-workbook';
import { builtSheet, type SheetSource, type SheetSpec } from '../../../src/workbook/sheet-spec';
import { describeSheet, loadXlsx } from './consolidation-fixture';

const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-deferred-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const savedAt = new Date(Date.UTC(2026, 10, 1, 2));

function spec(name: string, rows: number): SheetSpec {
  return {
    name,
    columns: [{ width: 12 }, { width: 30 }],
    blocks: [{ at: 'A1', rows: Array.from({ length: rows }, (_, i) => [i + 1, `${name} dòng ${i + 1}`]) }],
    styles: { head: { bold: true } },
    styleRanges: [{ range: 'A1:B1', style: 'head' }],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

/** Sheets A (built), B and C (deferred), with the order their builds were asked for. */
function sources(): { list: SheetSource[]; built: string[] } {
  const built: string[] = [];
  const deferred = (name: string, rows: number): SheetSource => ({ name, build: () => (built.push(name), spec(name, rows)) });
  return { list: [spec('A', 3), deferred('B', 500), deferred('C', 40)], built };
}

async function sheetsOf(bytes: Uint8Array) {
  const wb = await loadXlsx(bytes);
  return wb.worksheets.map((ws) => ({ name: ws.name, sheet: describeSheet(ws) }));
}

describe('deferred sheets', () => {
  it('are built by the streamed writer when it comes to them, once each, in order, and written as built ones are', async () => {
    const { list, built } = sources();
    const file = path.join(dir, 'deferred.xlsx');
    const writing = new StreamedWorkbook(file, savedAt).write(list);
    expect(built).toEqual([]);
    await writing;
    expect(built).toEqual(['B', 'C']);
    const eager = path.join(dir, 'eager.xlsx');
    await new StreamedWorkbook(eager, savedAt).write(list.map(builtSheet));
    expect(await sheetsOf(readFileSync(file))).toEqual(await sheetsOf(readFileSync(eager)));
  });

  it('are built once each by the in-memory writer, which writes the same workbook', async () => {
    const { list, built } = sources();
    const memory = FileWorkbook.create();
    await memory.write(list);
    expect(built).toEqual(['B', 'C']);
    const eager = FileWorkbook.create();
    await eager.write(list.map(builtSheet));
    expect(await sheetsOf(await memory.toBuffer(savedAt))).toEqual(await sheetsOf(await eager.toBuffer(savedAt)));
  });

  it('must be built under the name they were given', () => {
    expect(() => builtSheet({ name: 'B', build: () => spec('C', 1) })).toThrow(/"B" built as "C"/);
  });
});
