/**
 * `npm run bench`: generates realistic agency workbooks (tracker + 13 report forms, ~44 KB each), then measures side by
 * side, in one run, on the first `--small` files and on all of them: the wall time, peak memory and cores used of
 * `vtlt consolidate`, of a plain SheetJS read and of a bare ExcelJS read of the same files (and of an openpyxl script
 * adding them up, when python3-openpyxl is installed). Each runs in its own process, which reports its own peak RSS.
 *
 * It also times the command's start-up (`vtlt plan --json` against `node -e 0`), builds the task pane (into a folder
 * of its own, not dist/) and prints its first load and its consolidation chunk, gzip -9 bytes, and consolidates the
 * same files as the pane does, into the project's Excel fake, counting its `context.sync()` calls (pane-syncs.ts).
 *
 *   npm run bench -- [--agencies 1000] [--small 200] [--runs 1] [--dir DIR (files kept and reused)] [--keep] [--no-pane]
 */
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import type { RosterEntry } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { insertTracker } from '../../src/app/insert-tracker';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { fillForms } from './fill-forms';
import { paneConsolidation, type PaneRun } from './pane-syncs';

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const count = Number(option('--agencies') ?? 1000) || 1000;
const small = Math.min(count - 1, Number(option('--small') ?? 200) || 200);
const runs = Math.max(1, Number(option('--runs') ?? 1) || 1);
const kept = option('--dir') === undefined ? undefined : path.resolve(option('--dir')!);
const keep = args.includes('--keep');
const pane = !args.includes('--no-pane');
// The bundle runs from lib/, the project root is its parent.
const root = path.resolve(__dirname, '..');
const XLSX_VERSION = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'xlsx', 'package.json'), 'utf8')) as { version: string }).version;

/** A small deterministic generator, so every run measures the same files. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function rosterFor(n: number): RosterEntry[] {
  const base = defaultRoster().entries;
  const extra: RosterEntry[] = [];
  for (let i = base.length; i < n; i++) {
    extra.push({ code: `DVSN${String(i + 1).padStart(3, '0')}`, name: `Đơn vị sự nghiệp số ${i + 1}`, kind: 'don-vi-su-nghiep', nopLuuLichSu: i % 3 === 0, coCongTrinh: i % 7 === 0 });
  }
  return [...base, ...extra].slice(0, n);
}

/** Writes the agencies' workbooks that are not in `dir` yet; returns how many it wrote. */
async function generate(dir: string, agencies: readonly RosterEntry[]): Promise<number> {
  const pack = defaultPlanPack();
  const statuses = ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', null];
  let made = 0;
  for (const [i, agency] of agencies.entries()) {
    const file = path.join(dir, `${agency.code}.xlsx`);
    if (existsSync(file)) continue;
    made++;
    const random = rng(i + 1);
    const wb = FileWorkbook.create();
    const generated = new Date(Date.UTC(2026, 1, 10 + Math.floor(random() * 25), 3));
    await insertTracker(wb, { pack, agency, now: generated, confirm: async () => true, asOf: mustDay(2026, 11, 23) });
    const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
    const grid = wb.grid(pack.trackerSheetName)!;
    grid.values.forEach((row, r) => {
      if (typeof row[0] !== 'string' || !pack.tasks.some((t) => t.id === row[0])) return;
      const status = statuses[Math.floor(random() * statuses.length)] ?? null;
      if (status) ws.getCell(r + 1, TRACKER_COL.status).value = status;
      if (status === 'Hoàn thành') {
        ws.getCell(r + 1, TRACKER_COL.completion).value = toExcelSerial(mustDay(2026, 1 + Math.floor(random() * 10), 1 + Math.floor(random() * 28)));
        ws.getCell(r + 1, TRACKER_COL.percent).value = 100;
        ws.getCell(r + 1, TRACKER_COL.result).value = `Số ${Math.floor(random() * 200)}/KH-${agency.code}`;
      } else if (status === 'Đang thực hiện') ws.getCell(r + 1, TRACKER_COL.percent).value = Math.floor(random() * 90);
    });
    await fillForms(wb, agency, generated, random);
    writeFileSync(file, await wb.toBuffer());
  }
  return made;
}

interface Measured {
  readonly wallMs: number;
  readonly peakRssMb: number;
  /** CPU time over wall time: about 2 when both cores work all along. */
  readonly cores: number;
  readonly stdout: string;
}

/** Runs one measured process; peak memory and CPU as the process itself reports them at exit. */
function measureOnce(command: string, argv: readonly string[]): Measured {
  const node = command === process.execPath;
  const started = process.hrtime.bigint();
  const run = spawnSync(command, node ? ['--require', path.join(root, 'scripts', 'bench', 'peak-rss.cjs'), ...argv] : argv, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const kb = Number(/BENCH_PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  const cpuUs = Number(/BENCH_CPU_US=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { wallMs, peakRssMb: kb / 1024, cores: cpuUs / 1000 / wallMs, stdout: run.stdout };
}

/** The fastest of `runs` runs (the machine is shared: the fastest is the least disturbed), with its peak memory. */
function measure(command: string, argv: readonly string[]): Measured {
  let best: Measured | null = null;
  for (let i = 0; i < runs; i++) {
    const m = measureOnce(command, argv);
    if (best === null || m.wallMs < best.wallMs) best = m;
  }
  return best!;
}

/**
 * Start-up of the command: the median of 15 runs of `vtlt plan --json` (a command that writes no workbook, so loads no
 * ExcelJS) and of `node -e 0`, side by side, interleaved so both meet the same machine.
 */
function startUp(): { readonly vtltMs: number; readonly nodeMs: number } {
  const time = (argv: readonly string[]): number => {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`${argv.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const vtlt: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < 15; i++) {
    vtlt.push(time([path.join(root, 'bin', 'vtlt.cjs'), 'plan', '--json']));
    node.push(time(['-e', '0']));
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { vtltMs: median(vtlt), nodeMs: median(node) };
}

interface Sized {
  readonly dir: string;
  readonly roster: string;
  readonly count: number;
}

/** A folder holding the first `n` files (hard links) and a roster of those `n` agencies. */
function subset(base: string, inputs: string, agencies: readonly RosterEntry[], n: number): Sized {
  const dir = path.join(base, `first-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const a of agencies.slice(0, n)) linkSync(path.join(inputs, `${a.code}.xlsx`), path.join(dir, `${a.code}.xlsx`));
  const roster = path.join(base, `roster-${n}.tsv`);
  writeFileSync(roster, rosterTsv(agencies.slice(0, n)));
  return { dir, roster, count: n };
}

function rosterTsv(agencies: readonly RosterEntry[]): string {
  const yes = (b: boolean | undefined): string => (b ? 'có' : 'không');
  return ['code\tname\tkind\tnop_luu\tcong_trinh', ...agencies.map((a) => `${a.code}\t${a.name}\t${a.kind}\t${yes(a.nopLuuLichSu)}\t${yes(a.coCongTrinh)}`)].join('\n');
}

type Row = { readonly name: string; readonly small: Measured; readonly full: Measured };

/** The worker threads change nothing: the same files read in the main thread alone give the same result. */
function sameAlone(sized: Sized, out: string, withWorkers: string): void {
  rmSync(out, { force: true });
  const alone = spawnSync(process.execPath, [path.join(root, 'bin', 'vtlt.cjs'), ...consolidateArgs(sized, out)], { encoding: 'utf8', env: { ...process.env, VTLT_WORKERS: '0' }, maxBuffer: 256 * 1024 * 1024 });
  if (alone.stdout !== withWorkers) throw new Error(`${sized.dir}: consolidate in worker threads and in the main thread alone differ`);
  process.stdout.write(`${path.basename(sized.dir)}: the same result with worker threads and in the main thread alone\n`);
}

/** A few good files with a cut one and one that is no workbook: their reasons too are the same from a worker. */
function checkDamaged(base: string, inputs: string, agencies: readonly RosterEntry[], out: string): void {
  const sized = subset(base, inputs, agencies, 12);
  const bytes = readFileSync(path.join(inputs, `${agencies[12]!.code}.xlsx`));
  writeFileSync(path.join(sized.dir, 'zz-cut.xlsx'), bytes.subarray(0, bytes.length >> 1));
  writeFileSync(path.join(sized.dir, 'zz-text.xlsx'), 'not a workbook');
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'vtlt.cjs'), ...consolidateArgs(sized, out)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 2) throw new Error(`consolidate with damaged files ended with ${run.status}, not 2`);
  sameAlone(sized, out, run.stdout);
}

function consolidateArgs(sized: Sized, out: string): string[] {
  return ['consolidate', sized.dir, '--out', out, '--roster', sized.roster, '--as-of', '2026-11-23', '--json'];
}

function benchReaders(sized: Sized, out: string, checkSame = false): { sheetjs: Measured; exceljs: Measured; consolidate: Measured; again: Measured } {
  const script = (name: string): string => path.join(root, 'scripts', 'bench', name);
  // Warm the file cache once so no measurement pays for the first disk read.
  measureOnce(process.execPath, [script('sheetjs-read.cjs'), sized.dir]);
  const sheetjs = measure(process.execPath, [script('sheetjs-read.cjs'), sized.dir]);
  const exceljs = measure(process.execPath, [script('bare-read.cjs'), sized.dir]);
  rmSync(out, { force: true });
  const consolidate = measure(process.execPath, [path.join(root, 'bin', 'vtlt.cjs'), ...consolidateArgs(sized, out)]);
  const result = JSON.parse(consolidate.stdout) as { submitted: string[]; rejected: unknown[] };
  if (result.submitted.length !== sized.count) throw new Error(`consolidate counted ${result.submitted.length} of ${sized.count} files (${result.rejected.length} rejected)`);
  // Run again into the output just written (as Sở Nội vụ does, its "Ngày nhận" and roster kept): the same result.
  const again = measure(process.execPath, [path.join(root, 'bin', 'vtlt.cjs'), ...consolidateArgs(sized, out)]);
  if (again.stdout !== consolidate.stdout) throw new Error(`${sized.dir}: consolidate into its earlier output gives another result`);
  if (checkSame) sameAlone(sized, out, consolidate.stdout);
  return { sheetjs, exceljs, consolidate, again };
}

function hasOpenpyxl(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
}

function table(rows: readonly Row[], small: number, full: number): string {
  const pad = (s: string, n: number): string => s.padStart(n);
  const head = `${''.padEnd(22)}${pad(`${small} files`, 22)}${pad(`${full} files`, 30)}${pad('growth', 14)}`;
  const sub = `${''.padEnd(22)}${pad('s', 10)}${pad('peak MB', 12)}${pad('s', 10)}${pad('peak MB', 12)}${pad('cores', 8)}${pad('MB/file', 14)}`;
  const lines = rows.map((r) => {
    const growth = (r.full.peakRssMb - r.small.peakRssMb) / (full - small);
    return `${r.name.padEnd(22)}${pad((r.small.wallMs / 1000).toFixed(2), 10)}${pad(r.small.peakRssMb.toFixed(0), 12)}${pad((r.full.wallMs / 1000).toFixed(2), 10)}${pad(r.full.peakRssMb.toFixed(0), 12)}${pad(r.full.cores.toFixed(2), 8)}${pad(Number.isFinite(growth) ? growth.toFixed(3) : '–', 14)}`;
  });
  return [head, sub, ...lines].join('\n');
}

interface PaneSizes {
  /** gzip -9 bytes of the scripts taskpane.html loads. */
  readonly firstLoad: number;
  /** gzip -9 bytes of the chunks the consolidation loads beyond the first load. */
  readonly consolidation: number;
  readonly consolidationHasExcelJs: boolean;
  /** The same with the named chunks the consolidation is opened from (e.g. the pane's tools), when there are some. */
  readonly consolidationWithParents: number;
  readonly parents: readonly string[];
}

/** Builds the task pane (production) into `dir` and measures what the pane loads at start and for a consolidation. */
function paneSizes(dir: string): PaneSizes {
  rmSync(dir, { recursive: true, force: true });
  const stats = path.join(dir, 'stats.json');
  const webpack = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const out = path.join(dir, 'pane');
  const run = spawnSync(process.execPath, [webpack, '--mode', 'production', '--config-name', 'taskpane', '--output-path', out, `--json=${stats}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`the task pane build failed: ${run.stderr.slice(-2000)}`);
  type Group = { assets: { name: string }[]; chunks: number[] };
  type Chunk = { id: number; names: string[]; initial: boolean; parents: number[] };
  const json = JSON.parse(readFileSync(stats, 'utf8')) as { children: { namedChunkGroups: Record<string, Group>; chunks: Chunk[] }[] };
  const { namedChunkGroups: groups, chunks } = json.children[0]!;
  const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)=["']?([^"'\s>]+\.(?:js|css))/g)].map((m) => m[1]!).filter((f) => !/^https?:/.test(f));
  const gz = (f: string): number => gzipSync(readFileSync(path.join(out, f)), { level: 9 }).length;
  const chunk = (groups['consolidation']?.assets ?? []).map((a) => a.name).filter((f) => f.endsWith('.js') && !first.includes(f));
  if (chunk.length === 0) throw new Error('the task pane build has no consolidation chunk');
  const own = new Set(groups['consolidation']?.chunks ?? []);
  const parents = [...new Set(chunks.filter((c) => own.has(c.id)).flatMap((c) => c.parents))]
    .map((id) => chunks.find((c) => c.id === id))
    .filter((c): c is Chunk => c !== undefined && !c.initial && c.names.length > 0)
    .map((c) => c.names[0]!);
  const withParents = [...new Set([...chunk, ...parents.flatMap((n) => (groups[n]?.assets ?? []).map((a) => a.name))])].filter((f) => f.endsWith('.js') && !first.includes(f));
  return {
    firstLoad: first.reduce((s, f) => s + gz(f), 0),
    consolidation: chunk.reduce((s, f) => s + gz(f), 0),
    consolidationWithParents: withParents.reduce((s, f) => s + gz(f), 0),
    parents,
    consolidationHasExcelJs: chunk.some((f) => readFileSync(path.join(out, f), 'utf8').includes('JSZip')),
  };
}

async function main(): Promise<void> {
  const base = kept ?? mkdtempSync(path.join(tmpdir(), 'vtlt-bench-'));
  const inputs = path.join(base, 'agencies');
  mkdirSync(inputs, { recursive: true });
  const agencies = rosterFor(count);
  const t0 = Date.now();
  const made = await generate(inputs, agencies);
  const files = agencies.map((a) => path.join(inputs, `${a.code}.xlsx`));
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  process.stdout.write(`${count} agency workbooks (${(bytes / 1024 / 1024).toFixed(1)} MB, ${(bytes / count / 1024).toFixed(0)} KB each; ${made} generated in ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);

  const smallSet = subset(base, inputs, agencies, small);
  const fullSet = subset(base, inputs, agencies, count);
  const out = path.join(base, 'tong-hop.xlsx');
  checkDamaged(base, inputs, agencies, out);
  const a = benchReaders(smallSet, out, true);
  const b = benchReaders(fullSet, out);
  const rows: Row[] = [
    { name: 'SheetJS read', small: a.sheetjs, full: b.sheetjs },
    { name: 'ExcelJS read', small: a.exceljs, full: b.exceljs },
    { name: 'vtlt consolidate', small: a.consolidate, full: b.consolidate },
    { name: '  again into output', small: a.again, full: b.again },
  ];
  let openpyxl: Measured | null = null;
  if (hasOpenpyxl()) {
    openpyxl = measureOnce('/usr/bin/python3', [path.join(root, 'scripts', 'bench', 'openpyxl-sums.py'), fullSet.dir]);
  }
  process.stdout.write(`${table(rows, small, count)}\n`);
  if (openpyxl) process.stdout.write(`openpyxl sums (Python, ${count} files, one core): ${(openpyxl.wallMs / 1000).toFixed(2)} s, ${openpyxl.peakRssMb.toFixed(0)} MB\n`);
  else process.stdout.write('openpyxl: not installed (python3-openpyxl), not measured\n');

  const c = b.consolidate;
  const growth = (c.peakRssMb - a.consolidate.peakRssMb) / (count - small);
  const targets: [string, number, string, boolean][] = [
    ['consolidate / SheetJS read (time)', c.wallMs / b.sheetjs.wallMs, '≤ 0.40', c.wallMs / b.sheetjs.wallMs <= 0.4],
    ['consolidate / ExcelJS read (time)', c.wallMs / b.exceljs.wallMs, '≤ 0.25', c.wallMs / b.exceljs.wallMs <= 0.25],
    ['consolidate peak memory (MB)', c.peakRssMb, '≤ 200', c.peakRssMb <= 200],
    ['consolidate again into output, peak (MB)', b.again.peakRssMb, '≤ 200', b.again.peakRssMb <= 200],
    [`consolidate growth ${small}→${count} (MB/file)`, growth, '≤ 0.05', growth <= 0.05],
    ['consolidate cores used (CPU/wall)', c.cores, '> 1', c.cores > 1],
  ];
  const start = startUp();
  process.stdout.write(`Start-up: vtlt plan --json ${start.vtltMs.toFixed(0)} ms, node -e 0 ${start.nodeMs.toFixed(0)} ms (medians of 15)\n`);
  targets.push(['vtlt plan --json / node -e 0 (start-up)', start.vtltMs / start.nodeMs, '≤ 2', start.vtltMs / start.nodeMs <= 2]);
  const sizes = pane ? paneSizes(path.join(base, 'pane-build')) : null;
  const paneRuns: PaneRun[] = [];
  if (pane) {
    for (const platform of ['desktop', 'web'] as const) {
      for (const n of [small, count]) paneRuns.push(await paneConsolidation(files.slice(0, n), agencies.slice(0, n), platform));
    }
    for (const r of paneRuns) {
      const where = r.platform === 'web' ? 'Excel on the web (5 MB requests)' : 'Excel on the desktop';
      process.stdout.write(`Pane consolidation into ${where}, the project's fake, ${r.files} files: ${r.accepted} counted, ${r.syncs} context.sync(), biggest request ${r.biggestRequestMb.toFixed(2)} MB, ${(r.wallMs / 1000).toFixed(2)} s\n`);
    }
    for (const r of paneRuns.filter((p) => p.files === count)) {
      targets.push([`pane consolidation (${r.platform}): context.sync()`, r.syncs, '≤ 3', r.syncs <= 3]);
    }
  }
  if (sizes) {
    targets.push(
      ['pane first load (KB gzip -9)', sizes.firstLoad / 1024, '≤ 50', sizes.firstLoad <= 50 * 1024],
      [`pane consolidation chunk (KB gzip -9)${sizes.consolidationHasExcelJs ? ', holds ExcelJS' : ''}`, sizes.consolidation / 1024, '≤ 60', sizes.consolidation <= 60 * 1024 && !sizes.consolidationHasExcelJs],
    );
  }
  process.stdout.write(`\nTargets at ${count} files:\n`);
  for (const [name, value, target, met] of targets) process.stdout.write(`  ${name.padEnd(40)}${value.toFixed(3).padStart(10)}  ${target.padEnd(8)} ${met ? 'met' : 'NOT met'}\n`);
  if (sizes && sizes.parents.length > 0) {
    const kb = (sizes.consolidationWithParents / 1024).toFixed(1);
    process.stdout.write(`Pane: the consolidation chunk is loaded from the ${sizes.parents.join(', ')} chunk; both together, beyond the first load: ${kb} KB gzip -9.\n`);
  }
  process.stdout.write(`SheetJS: the xlsx package ${XLSX_VERSION} from the npm registry (its latest there).\n`);
  const json = { agencies: count, small, bytes, runs, startUp: start, pane: sizes, paneRuns, rows: rows.map((r) => ({ name: r.name, small: strip(r.small), full: strip(r.full) })), openpyxl: openpyxl ? strip(openpyxl) : null };
  process.stdout.write(`BENCH_JSON=${JSON.stringify(json)}\n`);
  if (kept === undefined && !keep) rmSync(base, { recursive: true, force: true });
  else process.stdout.write(`Files kept in ${base}\n`);
}

function strip(m: Measured): Omit<Measured, 'stdout'> {
  return { wallMs: Math.round(m.wallMs), peakRssMb: Math.round(m.peakRssMb * 10) / 10, cores: Math.round(m.cores * 100) / 100 };
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
