/**
 * Whatever a reader or a check might throw for one file that nobody foresaw, the batch goes on: the file is reported as
 * damaged, the others are read, and the command exits 2, never 3.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io';

/** A file starting with "BOOM" opens, then throws while its sheets are checked. */
vi.mock('../../src/hosts/xlsx/open-fast', async () => {
  const actual = await vi.importActual<typeof import('../../src/hosts/xlsx/open-fast')>('../../src/hosts/xlsx/open-fast');
  return {
    ...actual,
    openForReading: async (bytes: Uint8Array, ...rest: unknown[]) => {
      if (new TextDecoder().decode(bytes.subarray(0, 4)) !== 'BOOM') return (actual.openForReading as (...a: unknown[]) => unknown)(bytes, ...rest);
      const grids = { get: () => { throw new Error('invalid distance too far back'); }, has: () => true, [Symbol.iterator]: () => [][Symbol.iterator]() };
      return { ok: true, port: { read: async () => ({ sheetNames: ['x'], grids }) } };
    },
  };
});

const { run } = await import('../../src/cli/main');
const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-unexpected-'));
const f = (name: string) => path.join(dir, name);
const NOW = Date.UTC(2026, 10, 23, 3);

async function vtlt(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { lang: 'vi', out: (t) => out.push(t), err: (t) => err.push(t), now: () => NOW };
  const code = await run(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  expect((await vtlt('tracker', '--agency', 'SNV', '--out', f('a-snv.xlsx'), '--as-of', '2026-06-30')).code).toBe(0);
  writeFileSync(f('b-boom.xlsx'), 'BOOM and more');
  expect((await vtlt('tracker', '--agency', 'STC', '--out', f('c-stc.xlsx'), '--as-of', '2026-06-30')).code).toBe(0);
});

describe('an unforeseen failure in one file', () => {
  it('validate reports the file as damaged and reads the others', async () => {
    const r = await vtlt('validate', dir, '--partial', '--json');
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files as { file: string; readable: boolean; agency: string | null; issues: { message: string }[] }[];
    expect(files.map((x) => [path.basename(x.file), x.readable, x.agency])).toEqual([['a-snv.xlsx', true, 'SNV'], ['b-boom.xlsx', false, null], ['c-stc.xlsx', true, 'STC']]);
    expect(files[1]!.issues[0]!.message).toContain('Tệp bị hỏng');
    expect(r.stdout).not.toContain('invalid distance');
  });

  it('consolidate sets the file aside as damaged, runs the batch without it, and exits 2', async () => {
    // The output in a fresh folder of its own: not among the inputs, and no file left by an earlier run (a re-run would
    // read it back).
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'vtlt-unexpected-out-')), 'tong-hop.xlsx');
    const r = await vtlt('consolidate', dir, '--out', out, '--as-of', '2026-11-23', '--json');
    expect(r.stderr).not.toContain('Lỗi không mong đợi');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { submitted: string[]; unreadable: { file: string; reason: string }[] };
    expect(json.submitted.sort()).toEqual(['SNV', 'STC']);
    expect(json.unreadable.map((u) => [path.basename(u.file), u.reason])).toEqual([['b-boom.xlsx', expect.stringContaining('Tệp bị hỏng')]]);
  });
});
