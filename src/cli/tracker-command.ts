/** `vtlt tracker`: writes the plan tracker sheet into a new or existing workbook file. */
import { formatVn } from '../domain/calendar';
import { t } from '../domain/i18n';
import { findAgency } from '../domain/roster';
import { defaultRoster } from '../packs';
import { insertTracker } from '../app/insert-tracker';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { parseArgs, usage, UsageError } from './args';
import { openWorkbookFile, saveWorkbookFile } from './files';
import type { CliIo } from './io';
import { planOf } from './plan-file';
import { readDueSettings } from './plan-command';
import { TRACKER_COMMAND } from './commands';

export async function trackerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const args = parseArgs(argv, TRACKER_COMMAND, lang);
  if (args.help) {
    io.out(usage(TRACKER_COMMAND, lang));
    return 0;
  }
  const code = args.values.get('agency');
  const out = args.values.get('out');
  if (code === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--agency' }));
  if (out === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--out' }));
  const agency = findAgency(defaultRoster(), code);
  if (!agency) throw new UsageError(t(lang, 'cli.unknownAgency', { code }));
  const settings = readDueSettings(args.values, args.flags, lang, io.now());
  const inFile = args.values.get('in');
  const wb = inFile ? await openWorkbookFile(inFile, lang) : FileWorkbook.create();
  const questions: string[] = [];
  const pack = await planOf(args.values, lang);
  const result = await insertTracker(wb, {
    pack,
    agency,
    asOf: args.values.has('as-of') ? settings.asOf : undefined,
    window: args.values.has('window') ? settings.window : undefined,
    inclusiveBefore: args.flags.has('inclusive') ? true : undefined,
    now: new Date(io.now()),
    lang,
    confirm: async (q) => {
      questions.push(q);
      return args.flags.has('force');
    },
  });
  if (!result.ok) {
    io.err(`${result.question}\n${t(lang, 'cli.tracker.notWritten')}`);
    return 1;
  }
  await saveWorkbookFile(wb, out, lang, new Date(io.now()));
  const asOfText = args.values.has('as-of') ? formatVn(settings.asOf) : '=TODAY()';
  io.out(
    t(lang, 'cli.tracker.written', {
      sheet: pack.trackerSheetName, agency: agency.name, code: agency.code, out, tasks: result.layout.rows.length, asOf: asOfText,
    }) +
      (result.keptEntries > 0 ? t(lang, 'cli.tracker.kept', { count: result.keptEntries }) : '') +
      (result.orphanRows > 0 ? t(lang, 'cli.tracker.orphans', { count: result.orphanRows }) : '') +
      '.',
  );
  return 0;
}
