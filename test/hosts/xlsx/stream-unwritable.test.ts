/**
 * A streamed workbook whose file cannot be written (a folder gone, a disk full) ends its write with the file's error,
 * and only there: the failure is not also raised as an unhandled rejection while the sheets are still being written
 * (which would end the command with a stack trace rather than its message).
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamedWorkbook } from '../../../src/hosts/xlsx/stream-workbook';
import type { SheetSpec } from '../../../src/workbook/sheet-spec';

/** Rows enough for the writer to let the event loop turn several times while it writes. */
const LONG: SheetSpec = {
  name: 'Dài',
  columns: [{ width: 10 }, { width: 30 }],
  blocks: [{ at: 'A1', rows: Array.from({ length: 3000 }, (_, i) => [`M${i}`, `Đơn vị số ${i}`]) }],
  styles: {},
  styleRanges: [],
  merges: [],
  validations: [],
  conditionalFormats: [],
};

const unhandled: unknown[] = [];
const record = (reason: unknown): void => void unhandled.push(reason);
afterEach(() => void process.off('unhandledRejection', record));

describe('a streamed workbook that cannot be written', () => {
  it('rejects its write with the file error, raising no unhandled rejection meanwhile', async () => {
    process.on('unhandledRejection', record);
    const file = path.join(tmpdir(), `vtlt-no-such-folder-${process.pid}`, 'tong-hop.xlsx');
    await expect(new StreamedWorkbook(file, new Date(Date.UTC(2026, 10, 23))).write([LONG, { ...LONG, name: 'Dài 2' }])).rejects.toThrow(/ENOENT/);
    await new Promise((r) => setImmediate(r));
    expect(unhandled).toEqual([]);
  });
});
