/**
 * Where `vtlt consolidate` writes a new workbook: streamed to a temporary file beside the output, then put in place.
 * An output that cannot be written is a clear message naming it (exit 2), and no temporary file is left behind.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { SUBMISSION_SHEET } from '../../src/workbook/consolidation-sheets';
import { runCli } from '../helpers/run-cli';

const root = mkdtempSync(path.join(tmpdir(), 'vtlt-consolidate-out-'));
const NOV = Date.UTC(2026, 10, 23, 3);

async function vtlt(...argv: string[]) {
  return runCli(argv, { now: NOV });
}

describe('consolidate output', () => {
  it('writes a new workbook in place, with no temporary file left', async () => {
    const inDir = path.join(root, 'in');
    mkdirSync(inDir);
    expect((await vtlt('tracker', '--agency', 'SNV', '--out', path.join(inDir, 'snv.xlsx'))).code).toBe(0);
    const out = path.join(root, 'tong-hop.xlsx');
    const r = await vtlt('consolidate', inDir, '--out', out, '--json');
    expect(r.code).toBe(0);
    const wb = await FileWorkbook.load(readFileSync(out));
    expect(wb.sheetNames()).toContain(SUBMISSION_SHEET);
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('names an output it cannot write, and leaves nothing behind', async () => {
    const out = path.join(root, 'no-such-folder', 'tong-hop.xlsx');
    const r = await vtlt('consolidate', path.join(root, 'in'), '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(out);
    expect(existsSync(path.dirname(out))).toBe(false);
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
