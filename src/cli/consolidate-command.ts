/** `vtlt consolidate`: adds up the workbooks agencies returned, into a consolidation workbook. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatVn, toIso } from '../domain/calendar';
import { t, type Lang } from '../domain/i18n';
import type { Roster } from '../domain/roster';
import { defaultPlanPack, defaultRoster } from '../packs';
import { lateCodes, missingCodes, type Consolidation, type InputFile, type OpenResult } from '../app/consolidate';
import { reminderParagraphs } from '../app/consolidation-output';
import { consolidateInto, type ConsolidatedInto } from '../app/consolidate-into';
import { UnreadableFile } from '../app/unreadable-file';
import { defaultFormPack } from '../packs/forms';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { openForReading } from '../hosts/xlsx/open-fast';
import { ROSTER_SHEET } from '../workbook/roster-sheet';
import { parseArgs, usage, UsageError, type CommandDef } from './args';
import { openWorkbookFile, requireXlsxName, saveWorkbookFile } from './files';
import { expandInputs, readRegularFile, unmatchedReason } from './inputs';
import type { CliIo } from './io';
import { AS_OF_OPTION, INCLUSIVE_OPTION, JSON_OPTION, readDueSettings, WINDOW_OPTION } from './plan-command';
import { readRosterFile, ROSTER_OPTION } from './roster-file';
import { parseYearOption } from './validate-command';

export const CONSOLIDATE_COMMAND: CommandDef = {
  name: 'consolidate',
  summary: {
    vi: 'Tổng hợp các sổ đơn vị gửi về vào một sổ tổng hợp .xlsx',
    en: 'Add up the workbooks agencies returned into a consolidation .xlsx workbook',
  },
  positional: { vi: 'TỆP|THƯ_MỤC|"MẪU*.xlsx"...', en: 'FILE|FOLDER|"PATTERN*.xlsx"...' },
  options: [
    {
      name: 'out', kind: 'value', required: true, arg: { vi: 'TỆP.xlsx', en: 'FILE.xlsx' },
      help: {
        vi: 'sổ tổng hợp ghi ra; nếu đã có, các trang kết quả được thay mới và "Danh sách đơn vị" trong đó được dùng',
        en: 'the consolidation workbook to write; if it exists, its result sheets are replaced and its "Danh sách đơn vị" is used',
      },
    },
    ROSTER_OPTION,
    AS_OF_OPTION,
    { name: 'year', kind: 'value', arg: { vi: 'NĂM', en: 'YEAR' }, help: { vi: 'năm báo cáo thống kê (mặc định theo Kế hoạch)', en: 'statistics year (default: the plan\'s)' } },
    WINDOW_OPTION,
    INCLUSIVE_OPTION,
    {
      name: 'admit-warnings', kind: 'flag',
      help: { vi: 'tính cả tệp chỉ có cảnh báo (không có lỗi) vào số tổng hợp', en: 'count files with warnings only (no errors) in the totals' },
    },
    JSON_OPTION,
  ],
  notes: {
    vi: 'Mã thoát: 0 đã tổng hợp mọi tệp đọc được; 2 có tệp hoặc đường dẫn không đọc được (đã ghi phần đọc được) hoặc tham số sai.',
    en: 'Exit codes: 0 every file read was consolidated; 2 some file or path could not be read (what could be read was written) or a usage mistake.',
  },
};

interface Unreadable {
  readonly file: string;
  readonly reason: string;
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
  const year = parseYearOption(args.values.get('year'), lang);
  const settings = readDueSettings(args.values, args.flags, lang, io.now());
  const rosterFile = args.values.get('roster');
  // An explicit --roster wins over the output workbook's own roster sheet.
  const roster: Roster | undefined = rosterFile === undefined ? undefined : await readRosterFile(rosterFile, lang);
  // The output workbook: an existing one keeps its roster sheet (the user's edits); a new one is seeded.
  const exists = (await stat(out).catch(() => null))?.isFile() === true;
  const target: FileWorkbook = exists ? await openWorkbookFile(out, lang) : FileWorkbook.create();

  const inputs = await expandInputs(args.positional);
  const outAbs = path.resolve(out);
  const files = inputs.files.filter((f) => path.resolve(f) !== outAbs);
  const unreadable: Unreadable[] = inputs.unmatched.map((u) => ({ file: u.input, reason: unmatchedReason(u, lang) }));
  const done = await consolidateGuarded(target, files, unreadable, { roster, settings, year, admitWarnings: args.flags.has('admit-warnings'), lang, io, json: args.flags.has('json') });
  await saveWorkbookFile(target, out, lang, new Date(io.now()));

  const result = done.result;
  const warnings = done.rosterProblems.map((p) => `"${ROSTER_SHEET}"!${p.cell}: ${p.message}`);
  io.out(args.flags.has('json') ? jsonOutput(result, warnings, unreadable, done.receivedProblems.map((p) => p.message)) : textOutput(result, done, { files: files.length, out, warnings, unreadable, lang }));
  if (unreadable.length > 0) {
    if (!args.flags.has('json')) io.err(t(lang, 'cli.consolidate.unreadableHint', { count: unreadable.length }));
    return 2;
  }
  return 0;
}

interface GuardOptions {
  readonly roster: Roster | undefined;
  readonly settings: ReturnType<typeof readDueSettings>;
  readonly year: number | undefined;
  readonly admitWarnings: boolean;
  readonly lang: Lang;
  readonly io: CliIo;
  readonly json: boolean;
}

/**
 * Consolidates the files, each read only as a regular file and opened behind a guard: a file that cannot be read or
 * opened is listed in `unreadable` (and set aside by consolidation with its reason). Should reading one file still
 * fail in a way nobody foresaw, that file is set aside as damaged and the batch is run again without it.
 */
async function consolidateGuarded(target: FileWorkbook, files: readonly string[], unreadable: Unreadable[], o: GuardOptions): Promise<ConsolidatedInto> {
  const { lang } = o;
  const pack = defaultPlanPack();
  const formPack = defaultFormPack();
  const excluded = new Set<string>();
  for (;;) {
    let current: string | null = null;
    const failures: Unreadable[] = [];
    const inputs: InputFile[] = [];
    for (const f of files) {
      if (excluded.has(f)) continue;
      const info = await stat(f).catch(() => null);
      inputs.push({
        name: f,
        ...(info?.isFile() ? { lastModified: info.mtimeMs } : {}),
        read: async () => {
          const read = await readRegularFile(f, lang);
          if (read.ok) return read.bytes;
          failures.push({ file: f, reason: read.reason });
          throw new UnreadableFile(read.reason);
        },
      });
    }
    const open = async (bytes: Uint8Array): Promise<OpenResult> => {
      let opened: OpenResult;
      try {
        opened = await openForReading(bytes, undefined, lang);
      } catch {
        opened = { ok: false, reason: t(lang, 'cli.file.damaged') };
      }
      if (!opened.ok && current !== null) failures.push({ file: current, reason: opened.reason });
      return opened;
    };
    try {
      const done = await consolidateInto(target, {
        files: inputs,
        planPack: pack,
        formPack,
        knownPacks: new Map<string, readonly string[]>([[pack.id, [pack.version]], [formPack.id, [formPack.version]]]),
        defaultRoster: defaultRoster(),
        ...(o.roster ? { roster: o.roster } : {}),
        asOf: o.settings.asOf,
        inclusiveBefore: o.settings.inclusiveBefore,
        window: o.settings.window,
        ...(o.year !== undefined ? { year: o.year } : {}),
        admitWarnings: o.admitWarnings,
        lang,
        open,
        // Called before each file and once at the end (file ""): what is being read, to blame should it fail.
        onProgress: (i: number, total: number, file: string) => {
          current = file === '' ? null : file;
          if (file && !o.json) o.io.err(`[${i + 1}/${total}] ${path.basename(file)}`);
        },
      });
      unreadable.push(...failures);
      return done;
    } catch (e) {
      // Only a file being read can be blamed; anything else is a fault of the program, reported as such.
      const blamed: string | null = current;
      if (blamed === null || excluded.has(blamed)) throw e;
      excluded.add(blamed);
      unreadable.push({ file: blamed, reason: t(lang, 'cli.file.damaged') });
    }
  }
}

function jsonOutput(result: Consolidation, warnings: readonly string[], unreadable: readonly Unreadable[], receivedWarnings: readonly string[] = []): string {
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
    unreadable: unreadable.map((u) => ({ file: u.file, reason: u.reason })),
    totals,
    rosterWarnings: warnings,
    receivedWarnings,
  }, null, 2);
}

function textOutput(
  result: Consolidation,
  done: ConsolidatedInto,
  o: { files: number; out: string; warnings: readonly string[]; unreadable: readonly Unreadable[]; lang: Lang },
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
    ...o.warnings.map((w) => `  ${t(lang, 'cli.consolidate.rosterWarning', { text: w })}`),
    ...done.receivedProblems.map((p) => `  ${p.message}`),
    '',
    t(lang, 'cli.consolidate.reminder'),
    ...reminderParagraphs(result, defaultPlanPack()).map((p) => `  ${p}`),
  ].join('\n');
}
