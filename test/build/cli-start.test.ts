// The `vtlt` command's start-up: one real build of the command (webpack-cli, as `npm run prepare` runs it), then
// commands run with a hook that records every package Node loads. `vtlt plan` needs no workbook library: ExcelJS is
// loaded only by commands that write or read workbooks; zod is bundled (one file), never required from node_modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const webpackCli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
// Beside node_modules, so the bundle finds the packages it requires, as lib/ does; a folder of this run's own, so two
// runs at once (or one left behind) never share it.
const cache = path.join(root, 'node_modules', '.cache');
fs.mkdirSync(cache, { recursive: true });
const out = fs.mkdtempSync(path.join(cache, 'vtlt-cli-start-test-'));
const hook = path.join(out, 'record-packages.cjs');
const HOOK = `
const Module = require('node:module');
const seen = new Set();
const load = Module._load;
const chunks = new Set();
Module._load = function (request, parent, isMain) {
  const m = /^(?:@[^/]+\\/)?[^./][^/]*/.exec(request);
  if (m && !request.startsWith('node:')) seen.add(m[0]);
  if (/^\\.\\/[^/]+\\.cjs$/.test(request)) chunks.add(request.slice(2));
  return load.apply(this, arguments);
};
// Packages whose code was run: files in the module cache (a module given in place of a package has no file of its own).
const ran = () => [...new Set(Object.keys(require.cache).map((f) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\/.+\\.[cm]?js$/.exec(f)?.[1]).filter(Boolean))];
process.on('exit', () => process.stderr.write('\\nPACKAGES ' + JSON.stringify([...seen]) + '\\nCHUNKS ' + JSON.stringify([...chunks]) + '\\nRAN ' + JSON.stringify(ran()) + '\\n'));
`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], timeout: number, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env, timeout, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function recorded(r: Run, what: 'PACKAGES' | 'CHUNKS' | 'RAN'): string[] {
  const line = r.stderr.split('\n').find((l) => l.startsWith(`${what} `));
  return line ? (JSON.parse(line.slice(what.length + 1)) as string[]) : [];
}

const packagesOf = (r: Run): string[] => recorded(r, 'PACKAGES');

/** Whether the bundle's entry or a chunk the run loaded holds the schema library (bundled: its core class's name). */
function ranSchemaLibrary(r: Run): boolean {
  return ['vtlt.cjs', ...recorded(r, 'CHUNKS')].some((f) => fs.readFileSync(path.join(out, f), 'utf8').includes('$ZodType'));
}

let build: Run;

beforeAll(async () => {
  build = await run([webpackCli, '--mode', 'production', '--config-name', 'cli', '--output-path', out], 300_000);
  fs.writeFileSync(hook, HOOK);
}, 320_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('vtlt start-up', () => {
  it('builds', () => {
    expect(build.code, build.stderr).toBe(0);
  });

  it('`vtlt plan` loads neither ExcelJS nor zod from node_modules', async () => {
    const r = await run(['--require', hook, path.join(out, 'vtlt.cjs'), 'plan', '--json'], 60_000);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('plan');
    expect(packagesOf(r)).not.toContain('exceljs');
    expect(packagesOf(r)).not.toContain('zod');
    // Only the plan command's code is loaded: not the schema library, bundled in a chunk of its own.
    expect(ranSchemaLibrary(r)).toBe(false);
    const withPlanFile = await run(['--require', hook, path.join(out, 'vtlt.cjs'), 'plan', '--plan', path.join(out, 'no-such-plan.json')], 60_000);
    expect(withPlanFile.code).toBe(2);
  });

  it('a plan file given with --plan is checked by the schema library, its messages in the user\'s language', async () => {
    const file = path.join(out, 'not-a-plan.json');
    fs.writeFileSync(file, '{}');
    const r = await run(['--require', hook, path.join(out, 'vtlt.cjs'), 'plan', '--plan', file], 60_000);
    expect(r.code).toBe(2);
    expect(ranSchemaLibrary(r)).toBe(true);
    expect(r.stderr).toMatch(/id: Đầu vào không hợp lệ/);
  });

  it('a command that writes a workbook loads ExcelJS when it needs it, and writes the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vtlt-start-'));
    const file = path.join(dir, 'snv.xlsx');
    const r = await run(['--require', hook, path.join(out, 'vtlt.cjs'), 'tracker', '--agency', 'SNV', '--out', file], 60_000);
    expect(r.code, r.stderr).toBe(0);
    expect(packagesOf(r)).toContain('exceljs');
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('consolidation in worker threads writes its workbook through node:zlib alone: the zip library is never loaded', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vtlt-start-'));
    // As many files as start the reading threads (consolidate-command.ts, WORKERS_FROM).
    const codes = ['VPUBND', 'SNV', 'STC', 'STP', 'SCT', 'SNNMT', 'SXD', 'SKHCN', 'SGDDT'];
    for (const code of codes) {
      const made = await run([path.join(out, 'vtlt.cjs'), 'tracker', '--agency', code, '--out', path.join(dir, `${code}.xlsx`)], 60_000);
      expect(made.code, made.stderr).toBe(0);
    }
    const files = codes.map((c) => `${c}.xlsx`);
    const target = path.join(dir, 'out', 'tong-hop.xlsx');
    fs.mkdirSync(path.dirname(target));
    const r = await run(['--require', hook, path.join(out, 'vtlt.cjs'), 'consolidate', ...files.map((f) => path.join(dir, f)), '--out', target, '--json'], 120_000);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).submitted.length + JSON.parse(r.stdout).rejected.length).toBe(files.length);
    expect(recorded(r, 'RAN')).toContain('exceljs');
    // The zip library ExcelJS's writer requires is given a stand-in (exceljs-parts.ts): none of its zip code runs.
    expect(recorded(r, 'RAN')).not.toContain('zip-stream');
    expect(recorded(r, 'RAN')).not.toContain('compress-commons');
    // The workbook written reads back: the province report is drafted from it.
    const listed = await run([path.join(out, 'vtlt.cjs'), 'report', 'province', target, '--out', path.join(dir, 'bc.docx')], 60_000);
    expect(listed.code, listed.stderr).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it('files opened in the worker threads and checked in the main thread give what the main thread alone gives', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vtlt-start-'));
    const codes = ['VPUBND', 'SNV', 'STC', 'STP', 'SCT', 'SNNMT', 'SXD', 'SKHCN', 'SGDDT', 'SYT'];
    for (const code of codes) {
      const made = await run([path.join(out, 'vtlt.cjs'), 'tracker', '--agency', code, '--out', path.join(dir, `${code}.xlsx`)], 60_000);
      expect(made.code, made.stderr).toBe(0);
    }
    // Among them: a cut file, text named .xlsx, a folder named .xlsx (the reasons come from the worker threads too).
    const whole = fs.readFileSync(path.join(dir, 'STC.xlsx'));
    fs.writeFileSync(path.join(dir, 'cut.xlsx'), whole.subarray(0, whole.length >> 1));
    fs.writeFileSync(path.join(dir, 'text.xlsx'), 'not a workbook');
    fs.mkdirSync(path.join(dir, 'folder.xlsx'));
    const files = [...codes.map((c) => `${c}.xlsx`), 'cut.xlsx', 'text.xlsx', 'folder.xlsx'].map((f) => path.join(dir, f));
    const consolidate = (target: string, env: NodeJS.ProcessEnv): Promise<Run> =>
      run([path.join(out, 'vtlt.cjs'), 'consolidate', ...files, '--out', target, '--as-of', '2026-11-23', '--json'], 120_000, env);
    const threads = await consolidate(path.join(dir, 'a.xlsx'), process.env);
    const alone = await consolidate(path.join(dir, 'b.xlsx'), { ...process.env, VTLT_WORKERS: '0' });
    expect(threads.code, threads.stderr).toBe(2);
    expect(alone.code).toBe(2);
    const json = JSON.parse(threads.stdout) as { submitted: string[]; unreadable: unknown[] };
    expect(json.submitted.length).toBeGreaterThan(0);
    expect(json.unreadable).toHaveLength(3);
    expect(threads.stdout.replaceAll('a.xlsx', 'b.xlsx')).toBe(alone.stdout);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
