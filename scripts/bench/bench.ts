/**
 * `npm run bench`: generates realistic agency workbooks (tracker + report forms), then measures, in one run, the
 * wall time and peak memory of `vtlt consolidate` on them and of merely reading the same files with ExcelJS.
 *
 *   npm run bench -- [--agencies 200] [--keep]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import type { RosterEntry } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { insertTracker } from '../../src/app/insert-tracker';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { fillForms } from './fill-forms';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--agencies') + 1] ?? 200) || 200;
const keep = args.includes('--keep');
// The bundle runs from lib/, the project root is its parent.
const root = path.resolve(__dirname, '..');

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

async function generate(dir: string, agencies: readonly RosterEntry[]): Promise<void> {
  const pack = defaultPlanPack();
  const statuses = ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', null];
  for (const [i, agency] of agencies.entries()) {
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
    writeFileSync(path.join(dir, `${agency.code}.xlsx`), await wb.toBuffer());
  }
}

interface Measured {
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly stdout: string;
}

function measure(command: string, argv: readonly string[]): Measured {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, ['--require', path.join(root, 'scripts', 'bench', 'peak-rss.cjs'), ...argv], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const kb = Number(/BENCH_PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { wallMs, peakRssMb: kb / 1024, stdout: run.stdout };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtlt-bench-'));
  const inputs = path.join(dir, 'agencies');
  execFileSync('mkdir', ['-p', inputs]);
  const agencies = rosterFor(count);
  const rosterTsv = ['code\tname\tkind\tnop_luu\tcong_trinh', ...agencies.map((a) => `${a.code}\t${a.name}\t${a.kind}\t${a.nopLuuLichSu ? 'có' : 'không'}\t${a.coCongTrinh ? 'có' : 'không'}`)].join('\n');
  writeFileSync(path.join(dir, 'roster.tsv'), rosterTsv);
  const t0 = Date.now();
  await generate(inputs, agencies);
  const files = readdirSync(inputs).filter((n) => n.endsWith('.xlsx'));
  const bytes = files.reduce((s, n) => s + statSync(path.join(inputs, n)).size, 0);
  process.stdout.write(`Generated ${files.length} agency workbooks (${(bytes / 1024 / 1024).toFixed(1)} MB, ${(bytes / files.length / 1024).toFixed(0)} KB each) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

  // Warm the file cache once so neither measurement pays for the first disk read.
  measure(process.execPath, [path.join(root, 'scripts', 'bench', 'bare-read.cjs'), inputs]);
  const bare = measure(process.execPath, [path.join(root, 'scripts', 'bench', 'bare-read.cjs'), inputs]);
  const out = path.join(dir, 'tong-hop.xlsx');
  const cons = measure(process.execPath, [path.join(root, 'bin', 'vtlt.cjs'), 'consolidate', inputs, '--out', out, '--roster', path.join(dir, 'roster.tsv'), '--as-of', '2026-11-23', '--json']);
  const result = JSON.parse(cons.stdout) as { submitted: string[]; rejected: unknown[] };
  const ratio = cons.wallMs / bare.wallMs;
  const rows = [
    ['', 'wall time', 'peak memory'],
    ['ExcelJS read only', `${(bare.wallMs / 1000).toFixed(2)} s`, `${bare.peakRssMb.toFixed(0)} MB`],
    ['vtlt consolidate', `${(cons.wallMs / 1000).toFixed(2)} s`, `${cons.peakRssMb.toFixed(0)} MB`],
    ['ratio', `${ratio.toFixed(2)} ×`, `${(cons.peakRssMb / bare.peakRssMb).toFixed(2)} ×`],
  ];
  process.stdout.write(rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(20) : c.padStart(12))).join('')).join('\n') + '\n');
  process.stdout.write(`consolidate: ${result.submitted.length} submitted, ${result.rejected.length} rejected; target ≤ 1.5 × read: ${ratio <= 1.5 ? 'met' : 'NOT met'}\n`);
  process.stdout.write(`BENCH_JSON=${JSON.stringify({ agencies: files.length, bytes, bare, consolidate: { wallMs: cons.wallMs, peakRssMb: cons.peakRssMb }, ratio })}\n`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else process.stdout.write(`Files kept in ${dir}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
