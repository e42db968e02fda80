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
Module._load = function (request, parent, isMain) {
  const m = /^(?:@[^/]+\\/)?[^./][^/]*/.exec(request);
  if (m && !request.startsWith('node:')) seen.add(m[0]);
  return load.apply(this, arguments);
};
process.on('exit', () => process.stderr.write('\\nPACKAGES ' + JSON.stringify([...seen]) + '\\n'));
`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], timeout: number): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, timeout, maxBuffer: 20 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function packagesOf(r: Run): string[] {
  const line = r.stderr.split('\n').find((l) => l.startsWith('PACKAGES '));
  return line ? (JSON.parse(line.slice('PACKAGES '.length)) as string[]) : [];
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
});
