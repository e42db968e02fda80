/** `vtlt tracker`: writes the plan tracker sheet into a new or existing workbook file. */
import { formatVn } from '../domain/calendar';
import { t } from '../domain/i18n';
import { findAgency } from '../domain/roster';
import { defaultPlanPack, defaultRoster } from '../packs';
import { insertTracker } from '../app/insert-tracker';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { parseArgs, UsageError } from './args';
import { openWorkbookFile, saveWorkbookFile } from './files';
import type { CliIo } from './io';
import { readDueSettings } from './plan-command';

export const TRACKER_USAGE = [
  'Cách dùng: vtlt tracker --agency MÃ --out TỆP.xlsx [--in TỆP.xlsx] [--as-of YYYY-MM-DD] [--window SỐ_NGÀY] [--inclusive] [--force]',
  '',
  '  --agency MÃ         đơn vị (theo danh sách đơn vị), ví dụ SNV hoặc 05455',
  '  --out TỆP.xlsx      tệp ghi ra',
  '  --in TỆP.xlsx       ghi vào sổ làm việc có sẵn, giữ nội dung đã nhập',
  '  --as-of YYYY-MM-DD  chốt "Ngày đối chiếu" ở ngày này (mặc định: =TODAY())',
  '  --window SỐ_NGÀY    số ngày báo "Sắp đến hạn" (mặc định 14)',
  '  --inclusive         "Trước ngày X" được tính cả ngày X',
  '  --force             đồng ý ghi đè khi có dữ liệu ngoài bảng hoặc đổi đơn vị',
].join('\n');

export async function trackerCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const args = parseArgs(argv, {
    agency: 'value', out: 'value', in: 'value', 'as-of': 'value', window: 'value', inclusive: 'flag', force: 'flag', help: 'flag',
  }, lang);
  if (args.flags.has('help')) {
    io.out(TRACKER_USAGE);
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
  const wb = inFile ? await openWorkbookFile(inFile) : FileWorkbook.create();
  const questions: string[] = [];
  const result = await insertTracker(wb, {
    pack: defaultPlanPack(),
    agency,
    asOf: args.values.has('as-of') ? settings.asOf : undefined,
    window: args.values.has('window') ? settings.window : undefined,
    inclusiveBefore: args.flags.has('inclusive') ? true : undefined,
    now: new Date(io.now()),
    confirm: async (q) => {
      questions.push(q);
      return args.flags.has('force');
    },
  });
  if (!result.ok) {
    io.err(`${result.question}\nKhông ghi gì. Thêm --force để đồng ý.`);
    return 1;
  }
  await saveWorkbookFile(wb, out);
  const asOfText = args.values.has('as-of') ? formatVn(settings.asOf) : '=TODAY()';
  io.out(
    `Đã ghi "${defaultPlanPack().trackerSheetName}" cho ${agency.name} (${agency.code}) vào ${out}: ` +
      `${result.layout.rows.length} nhiệm vụ, ngày đối chiếu ${asOfText}` +
      (result.keptEntries > 0 ? `, giữ nội dung đã nhập của ${result.keptEntries} nhiệm vụ` : '') +
      (result.orphanRows > 0 ? `, ${result.orphanRows} nhiệm vụ không còn áp dụng được giữ ở cuối bảng` : '') +
      '.',
  );
  return 0;
}
