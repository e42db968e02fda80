/**
 * A reading thread that fails costs no batch: `vtlt consolidate` reads the files again in the main thread alone and
 * gives what it gives without threads (nothing was written before: the output is written last).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { findAgency } from '../../src/domain/roster';
import { defaultRoster } from '../../src/packs';
import { agencyWorkbook } from '../helpers/agency-workbook';

const root = mkdtempSync(path.join(tmpdir(), 'vtlt-worker-failure-'));
const batch = path.join(root, 'nop-ve');
const NOW = Date.UTC(2026, 10, 23, 3);
const CODES = ['VPUBND', 'SNV', 'STC', 'STP', 'SCT', 'SNNMT', 'SXD', 'SKHCN', 'SGDDT'];

async function consolidate(out: string, workerScript: string | null): Promise<{ code: number; stdout: string }> {
  const lines: string[] = [];
  const io: CliIo = { lang: 'vi', out: (t) => lines.push(t), err: () => undefined, now: () => NOW, workerScript };
  const code = await run(['consolidate', batch, '--out', out, '--as-of', '2026-11-23', '--json'], io);
  return { code, stdout: lines.join('\n') };
}

beforeAll(async () => {
  mkdirSync(batch);
  const roster = defaultRoster();
  for (const [i, code] of CODES.entries()) {
    const made = await agencyWorkbook(findAgency(roster, code)!, new Date(Date.UTC(2026, 1, 10 + i)), i + 1);
    writeFileSync(path.join(batch, `${code}.xlsx`), new Uint8Array(await made.workbook.toBuffer(new Date(Date.UTC(2026, 1, 10 + i, 9)))));
  }
  writeFileSync(path.join(batch, 'khong-phai-so.xlsx'), 'not a workbook');
}, 120_000);

describe('a reading thread that fails', () => {
  it('is replaced by the main thread alone: the same result, every file accounted for', async () => {
    const alone = await consolidate(path.join(root, 'a.xlsx'), null);
    const failed = await consolidate(path.join(root, 'b.xlsx'), path.join(__dirname, 'fixtures', 'crash-worker.cjs'));
    expect(alone.code).toBe(2);
    expect(failed.code).toBe(2);
    const json = JSON.parse(failed.stdout) as { submitted: string[]; unreadable: { file: string }[] };
    expect(json.submitted).toHaveLength(CODES.length);
    expect(json.unreadable.map((u) => path.basename(u.file))).toEqual(['khong-phai-so.xlsx']);
    expect(failed.stdout.replaceAll('b.xlsx', 'a.xlsx')).toBe(alone.stdout);
  }, 120_000);
});
