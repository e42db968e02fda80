/** `vtlt tracker`: writes the plan tracker sheet into a new or existing workbook file. */
import { formatVn } from '../domain/calendar';
import { t } from '../domain/i18n';
import { findAgency } from '../domain/roster';
import { defaultRoster } from '../packs';
import { insertTracker } from '../app/insert-tracker';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { parseArgs, usage, UsageError, type CommandDef } from './args';
import { openWorkbookFile, saveWorkbookFile } from './files';
import type { CliIo } from './io';
import { PLAN_OPTION, planOf } from './plan-file';
import { AS_OF_OPTION, INCLUSIVE_OPTION, readDueSettings, WINDOW_OPTION } from './plan-command';

export const TRACKER_COMMAND: CommandDef = {
  name: 'tracker',
  summary: { vi: 'Ghi bảng theo dõi nhiệm vụ vào tệp .xlsx', en: 'Write the task tracker sheet into an .xlsx file' },
  options: [
    {
      name: 'agency', kind: 'value', required: true, arg: { vi: 'MÃ', en: 'CODE' },
      help: { vi: 'đơn vị (theo danh sách đơn vị), ví dụ SNV hoặc 05455', en: 'the agency (from the roster), e.g. SNV or 05455' },
    },
    { name: 'out', kind: 'value', required: true, arg: { vi: 'TỆP.xlsx', en: 'FILE.xlsx' }, help: { vi: 'tệp ghi ra', en: 'file to write' } },
    {
      name: 'in', kind: 'value', arg: { vi: 'TỆP.xlsx', en: 'FILE.xlsx' },
      help: { vi: 'ghi vào sổ làm việc có sẵn, giữ nội dung đã nhập', en: 'write into an existing workbook, keeping what was typed' },
    },
    {
      ...AS_OF_OPTION,
      help: { vi: 'chốt "Ngày đối chiếu" ở ngày này (mặc định: =TODAY())', en: 'fix the as-of date to this day (default: =TODAY())' },
    },
    WINDOW_OPTION,
    INCLUSIVE_OPTION,
    {
      name: 'force', kind: 'flag',
      help: { vi: 'đồng ý ghi đè khi có dữ liệu ngoài bảng hoặc đổi đơn vị', en: 'agree to overwrite data outside the table or to change the agency' },
    },
    PLAN_OPTION,
  ],
};

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
