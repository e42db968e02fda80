/** `vtlt consolidate`: adds up the workbooks agencies returned, into a consolidation workbook. */
import { existsSync } from 'node:fs';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import path from 'node:path';
import { formatVn, toIso } from '../domain/calendar';
import { t, type Lang } from '../domain/i18n';
import type { Roster } from '../domain/roster';
import { defaultRoster } from '../packs';
import { lateCodes, missingCodes, type Consolidation } from '../app/consolidate';
import { reminderParagraphs, replacedSheetNames } from '../app/consolidation-output';
import { admittedByMark, consolidateInto, type ConsolidatedInto } from '../app/consolidate-into';
import { defaultFormPack } from '../packs/forms';
import { StreamedWorkbook } from '../hosts/xlsx/stream-workbook';
import { ExistingWorkbookDamaged } from '../hosts/xlsx/stream-kept';
import { keptPartDamage } from '../hosts/xlsx/kept-check';
import type { WorkbookPort } from '../app/workbook-port';
import { ROSTER_SHEET } from '../workbook/roster-sheet';
import { parseArgs, usage, UsageError } from './args';
import { requireXlsxName } from './files';
import { damagedFile } from './file-refusal';
import { expandInputs, unmatchedReason } from './inputs';
import { inputFile, knownPacks, openExistingOutput, openGuarded, type ExistingOutput, type Unreadable } from './consolidate-reading';
import { ReadingThreadFailed, workerFilesReader } from './read-pool';
import type { CliIo } from './io';
import { planOf } from './plan-file';
import type { PlanPack } from '../domain/plan-pack';
import { readDueSettings } from './plan-command';
import { readRosterFile } from './roster-file';
import { parseYearOption } from './validate-command';
import { CONSOLIDATE_COMMAND } from './commands';

/**
 * How far V8 lets the heap grow past what a full collection leaves live before collecting again: 100 % (twice the
 * live size) instead of its own choice for a fast collector (up to four times). A consolidation keeps a little of each
 * file and discards the rest, so without this the garbage waiting for the next collection is most of its peak memory,
 * and grows with the number of files. Measured at 1,000 files (5 runs each, interleaved): peak 178 → 159 MB for
 * ~4 % more time (150 %: 166 MB, +1.5 %; 200 %: 172 MB). Not set when the user gave their own (NODE_OPTIONS or node's
 * command line).
 */
const HEAP_GROWING_PERCENT = 100;

function limitHeapGrowth(): void {
  const given = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((a) => a.includes('heap-growing-percent') || a.includes('heap_growing_percent'));
  if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

export async function consolidateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang: Lang = io.lang;
  const args = parseArgs(argv, CONSOLIDATE_COMMAND, lang);
  if (args.help) {
    io.out(usage(CONSOLIDATE_COMMAND, lang));
    return 0;
  }
  const out = args.values.get('out');
  if (out === undefined) throw new UsageError(t(lang, 'cli.consolidate.needOut'));
  requireXlsxName(out, lang);
  if (args.positional.length === 0) throw new UsageError(t(lang, 'cli.needInputs'));
  limitHeapGrowth();
  const year = parseYearOption(args.values.get('year'), lang);
  const settings = readDueSettings(args.values, args.flags, lang, io.now());
  const rosterFile = args.values.get('roster');
  // An explicit --roster wins over the output workbook's own roster sheet.
  const roster: Roster | undefined = rosterFile === undefined ? undefined : await readRosterFile(rosterFile, lang);
  // The output workbook: an existing one keeps its roster sheet (the user's edits); a new one is seeded.
  const exists = (await stat(out).catch(() => null))?.isFile() === true;
  const savedAt = new Date(io.now());
  // The output is streamed to a temporary file, sheet by sheet, then put in place. An existing workbook is read with
  // the fast reader (the roster as edited, "Ngày nhận" typed) and keeps its own sheets (stream-kept.ts).
  const existing = exists ? await openExistingOutput(out, lang) : null;
  // What the rewrite will load of it is checked now: a damaged output is refused before the files are read.
  if (existing && keptPartDamage(existing.bytes, new Set(replacedSheetNames(defaultFormPack()))) !== null) {
    throw damagedFile(out, lang);
  }

  const inputs = await expandInputs(args.positional);
  const outAbs = path.resolve(out);
  const files = inputs.files.filter((f) => path.resolve(f) !== outAbs);
  const unreadable: Unreadable[] = inputs.unmatched.map((u) => ({ file: u.input, reason: unmatchedReason(u, lang) }));
  const guard = { roster, settings, year, admitWarnings: args.flags.has('admit-warnings'), lang, io, json: args.flags.has('json'), plan: await planOf(args.values, lang) };
  const target = await streamTarget(out, savedAt, lang, existing);
  const done: ConsolidatedInto = await placeStreamed(target, out, lang, () => consolidateGuarded(target, files, unreadable, guard));

  const result = done.result;
  const warnings = done.rosterProblems.map((p) => `"${ROSTER_SHEET}"!${p.cell}: ${p.message}`);
  io.out(args.flags.has('json') ? jsonOutput(done, warnings, unreadable) : textOutput(result, done, { files: files.length, out, warnings, unreadable, lang, plan: guard.plan }));
  if (unreadable.length > 0) {
    if (!args.flags.has('json')) io.err(t(lang, 'cli.consolidate.unreadableHint', { count: unreadable.length }));
    return 2;
  }
  return 0;
}

interface GuardOptions {
  readonly plan: PlanPack;
  readonly roster: Roster | undefined;
  readonly settings: ReturnType<typeof readDueSettings>;
  readonly year: number | undefined;
  readonly admitWarnings: boolean;
  readonly lang: Lang;
  readonly io: CliIo;
  readonly json: boolean;
}

/** The temporary file a new workbook is streamed to: checked writable now, before any file is read. */
async function streamTarget(out: string, savedAt: Date, lang: Lang, existing: ExistingOutput | null): Promise<StreamedWorkbook> {
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, '');
  } catch (e) {
    throw new UsageError(t(lang, 'cli.file.saveFailed', { file: out, code: (e as NodeJS.ErrnoException).code ?? 'EIO' }));
  }
  return new StreamedWorkbook(tmp, savedAt, existing ?? undefined);
}

/** Runs the consolidation into a streamed workbook, then puts its file in place (removed should anything fail). */
async function placeStreamed<T>(target: StreamedWorkbook, out: string, lang: Lang, run: () => Promise<T>): Promise<T> {
  try {
    const done = await run();
    await rename(target.file, out);
    return done;
  } catch (e) {
    await unlink(target.file).catch(() => undefined);
    if (e instanceof UsageError) throw e;
    if (e instanceof ExistingWorkbookDamaged) throw damagedFile(out, lang);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    throw new UsageError(t(lang, 'cli.file.saveFailed', { file: out, code }));
  }
}

/** Fewer files than this are read in the main thread: starting workers would cost more than they save. */
const WORKERS_FROM = 8;

/** The worker threads' script, beside the vtlt bundle (absent when run from the sources, e.g. in tests). */
function workerScript(): string | null {
  if (process.env['VTLT_WORKERS'] === '0') return null;
  const script = path.join(__dirname, 'consolidate-worker.cjs');
  return existsSync(script) ? script : null;
}

/**
 * Consolidates the files, each read only as a regular file and opened behind a guard: a file that cannot be read or
 * opened is listed in `unreadable` (and set aside by consolidation with its reason). Many files are read with worker
 * threads (one fewer than the machine's cores: they read and open files, the main thread checks them; read-pool.ts),
 * a failure nobody foresaw setting aside only that file; in the main thread alone, should reading one file still fail
 * in such a way, that file is set aside as damaged and the batch is run again without it.
 */
async function consolidateGuarded(target: WorkbookPort, files: readonly string[], unreadable: Unreadable[], o: GuardOptions): Promise<ConsolidatedInto> {
  const { lang } = o;
  const formPack = defaultFormPack();
  let script = files.length >= WORKERS_FROM ? (o.io.workerScript !== undefined ? o.io.workerScript : workerScript()) : null;
  const excluded = new Set<string>();
  for (;;) {
    let current: string | null = null;
    const failures: Unreadable[] = [];
    const fail = (reason: string): void => {
      if (current !== null) failures.push({ file: current, reason });
    };
    const inputs = await Promise.all(files.filter((f) => !excluded.has(f)).map((f) => (script ? { name: f, read: () => Promise.reject(new Error('read in a worker')) } : inputFile(f, lang, fail))));
    const readFiles = script
      ? workerFilesReader({
          script,
          // The main thread reads too, while it waits: one worker fewer than the cores, one heap fewer in memory.
          workers: availableParallelism() - 1,
          mainReads: true,
          setup: { planPack: o.plan, lang, asOf: o.settings.asOf, inclusiveBefore: o.settings.inclusiveBefore, window: o.settings.window, admitWarnings: o.admitWarnings },
          onFailure: (file, reason) => failures.push({ file, reason }),
        })
      : undefined;
    try {
      const done = await consolidateInto(target, {
        files: inputs,
        planPack: o.plan,
        formPack,
        knownPacks: knownPacks(o.plan, formPack),
        defaultRoster: defaultRoster(),
        ...(o.roster ? { roster: o.roster } : {}),
        asOf: o.settings.asOf,
        inclusiveBefore: o.settings.inclusiveBefore,
        window: o.settings.window,
        ...(o.year !== undefined ? { year: o.year } : {}),
        admitWarnings: o.admitWarnings,
        lang,
        open: (bytes) => openGuarded(bytes, lang, fail),
        ...(readFiles ? { readFiles } : {}),
        // Called before each file and once at the end (file ""): what is being read, to blame should it fail.
        onProgress: (i: number, total: number, file: string) => {
          current = file === '' ? null : file;
          if (file && !o.json) o.io.err(`[${i + 1}/${total}] ${path.basename(file)}`);
        },
      });
      unreadable.push(...failures);
      return done;
    } catch (e) {
      // A reading thread that failed (out of memory on a huge file, stopped): the batch is read again in this thread
      // alone, where a file that fails is set aside by itself. Nothing was written yet (the output is written last).
      if (script !== null && e instanceof ReadingThreadFailed) {
        script = null;
        continue;
      }
      // Only a file being read in this thread can be blamed; anything else is a fault of the program, reported as such.
      const blamed: string | null = current;
      if (script !== null || blamed === null || excluded.has(blamed)) throw e;
      excluded.add(blamed);
      unreadable.push({ file: blamed, reason: t(lang, 'cli.file.damaged') });
    }
  }
}

function jsonOutput(done: ConsolidatedInto, warnings: readonly string[], unreadable: readonly Unreadable[]): string {
  const { result } = done;
  const totals: Record<string, Record<string, Record<string, number>>> = {};
  for (const [form, cells] of result.totals) {
    const f: Record<string, Record<string, number>> = {};
    for (const [key, value] of cells) {
      const [row, col] = key.split(':');
      if (row === undefined || col === undefined) continue;
      (f[row] ??= {})[col] = value;
    }
    totals[form] = f;
  }
  return JSON.stringify({
    asOf: toIso(result.asOf),
    year: result.year,
    submitted: result.accepted.map((a) => a.agency.code),
    missing: missingCodes(result),
    late: lateCodes(result),
    replaced: result.replaced.map((r) => r.file),
    conflicts: result.conflicts.map((c) => ({ agency: c.agency.code, files: c.files.map((f) => f.file) })),
    rejected: result.rejected.map((r) => ({ file: r.file, reasons: r.reasons })),
    otherPlans: otherPlans(result).map(([plan, files]) => ({ plan, files })),
    unreadable: unreadable.map((u) => ({ file: u.file, reason: u.reason })),
    totals,
    rosterWarnings: warnings,
    receivedWarnings: done.receivedProblems.map((p) => p.message),
    admittedByMark: admittedByMark(result).map((a) => ({ agency: a.agency.code, file: a.file, cell: a.cell })),
    markWarnings: done.markProblems.map((p) => p.message),
  }, null, 2);
}

function textOutput(
  result: Consolidation,
  done: ConsolidatedInto,
  o: { files: number; out: string; warnings: readonly string[]; unreadable: readonly Unreadable[]; lang: Lang; plan: PlanPack },
): string {
  const { lang } = o;
  const unreadableFiles = new Set(o.unreadable.map((u) => u.file));
  return [
    t(lang, 'cli.consolidate.done', { count: o.files, out: o.out, asOf: formatVn(result.asOf) }),
    `  ${t(lang, 'cli.consolidate.counts', { submitted: result.accepted.length, roster: done.roster.entries.length, missing: missingCodes(result).length, late: lateCodes(result).length })}`,
    `  ${t(lang, 'cli.consolidate.files', { replaced: result.replaced.length, rejected: result.rejected.length })}`,
    `  ${t(lang, 'cli.consolidate.tasks', { overdue: result.overdue.length, problems: result.problems.length })}`,
    ...result.replaced.map((r) => `  ${t(lang, 'cli.consolidate.replaced', { file: r.file, by: r.by })}`),
    ...result.conflicts.map((c) => `  ${t(lang, 'cli.consolidate.conflict', { agency: c.agency.code, files: c.files.map((f) => f.file).join(', ') })}`),
    ...o.unreadable.map((u) => `  ${t(lang, 'cli.consolidate.unreadable', { file: u.file, reason: u.reason })}`),
    ...result.rejected.filter((r) => !unreadableFiles.has(r.file)).map((r) => `  ${t(lang, 'cli.consolidate.rejected', { file: r.file, reasons: r.reasons.join(' ') })}`),
    ...otherPlans(result).map(([plan, files]) => `  ${t(lang, 'cli.consolidate.otherPlan', { plan, count: files.length, files: files.join(', ') })}`),
    ...o.warnings.map((w) => `  ${t(lang, 'cli.consolidate.rosterWarning', { text: w })}`),
    ...done.receivedProblems.map((p) => `  ${p.message}`),
    ...admittedByMark(result).map((a) => `  ${t(lang, 'cli.consolidate.admittedByMark', { agency: a.agency.code, file: a.file, cell: a.cell })}`),
    ...done.markProblems.map((p) => `  ${p.message}`),
    '',
    t(lang, 'cli.consolidate.reminder'),
    ...reminderParagraphs(result, o.plan).map((p) => `  ${p}`),
  ].join('\n');
}

/** The files set aside for being made from another plan, grouped by that plan (in the order first met). */
function otherPlans(result: Consolidation): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const r of result.rejected) {
    if (r.plan === undefined) continue;
    const files = groups.get(r.plan) ?? [];
    groups.set(r.plan, [...files, r.file]);
  }
  return [...groups];
}
