/** `vtlt consolidate`: adds up the workbooks agencies returned, into a consolidation workbook. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatVn, toIso } from '../domain/calendar';
import type { Lang } from '../domain/i18n';
import { parseRosterTsv, type Roster } from '../domain/roster';
import { defaultPlanPack, defaultRoster } from '../packs';
import { lateCodes, missingCodes } from '../app/consolidate';
import { reminderParagraphs } from '../app/consolidation-output';
import { consolidateInto } from '../app/consolidate-into';
import { defaultFormPack } from '../packs/forms';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { openForReading } from '../hosts/xlsx/open-fast';
import { ROSTER_SHEET } from '../workbook/roster-sheet';
import { parseArgs, UsageError } from './args';
import { openWorkbookFile, saveWorkbookFile } from './files';
import type { CliIo } from './io';
import { readDueSettings } from './plan-command';
import { expandInputs } from './validate-command';

export const CONSOLIDATE_USAGE = [
  'Cách dùng: vtlt consolidate TỆP|THƯ_MỤC... --out TỆP.xlsx [--roster TỆP.tsv] [--as-of YYYY-MM-DD] [--year NĂM] [--admit-warnings] [--json]',
  '',
  '  --out TỆP.xlsx      sổ tổng hợp ghi ra; nếu đã có, các trang kết quả được thay mới và "Danh sách đơn vị" trong đó được dùng',
  '  --roster TỆP.tsv    danh sách đơn vị (cột code, name, kind; tuỳ chọn nop_luu, cong_trinh)',
  '  --as-of YYYY-MM-DD  ngày đối chiếu (mặc định: hôm nay theo giờ Việt Nam)',
  '  --year NĂM          năm báo cáo thống kê (mặc định theo Kế hoạch)',
  '  --admit-warnings    tính cả tệp chỉ có cảnh báo (không có lỗi) vào số tổng hợp',
  '  --json              in kết quả dạng JSON',
].join('\n');

export async function consolidateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang: Lang = io.lang;
  const args = parseArgs(argv, {
    out: 'value', roster: 'value', 'as-of': 'value', year: 'value', 'admit-warnings': 'flag', json: 'flag', help: 'flag', inclusive: 'flag', window: 'value',
  }, lang, true);
  if (args.flags.has('help')) {
    io.out(CONSOLIDATE_USAGE);
    return 0;
  }
  const out = args.values.get('out');
  if (out === undefined) throw new UsageError('Cần --out TỆP.xlsx: sổ tổng hợp ghi ra.');
  if (path.extname(out).toLowerCase() !== '.xlsx') throw new UsageError(`Tệp ra "${out}" phải có đuôi .xlsx.`);
  if (args.positional.length === 0) throw new UsageError('Cần ít nhất một tệp hoặc thư mục chứa các sổ đơn vị gửi về.');
  const yearText = args.values.get('year');
  if (yearText !== undefined && !/^20\d\d$/.test(yearText)) throw new UsageError(`Năm "${yearText}" không hợp lệ: nhập 4 chữ số, ví dụ 2025.`);
  const settings = readDueSettings(args.values, args.flags, lang, io.now());
  const pack = defaultPlanPack();

  // The output workbook: an existing one keeps its roster sheet (the user's edits); a new one is seeded.
  let exists = false;
  try {
    exists = (await stat(out)).isFile();
  } catch {
    exists = false;
  }
  const target: FileWorkbook = exists ? await openWorkbookFile(out) : FileWorkbook.create();
  // An explicit --roster wins over the output workbook's own roster sheet.
  let roster: Roster | undefined;
  const rosterFile = args.values.get('roster');
  if (rosterFile !== undefined) {
    let text: string;
    try {
      text = await readFile(rosterFile, 'utf8');
    } catch {
      throw new UsageError(`Không đọc được danh sách đơn vị "${rosterFile}". Kiểm tra đường dẫn.`);
    }
    const loaded = parseRosterTsv(text, { id: path.basename(rosterFile), title: 'Danh sách đơn vị' });
    if (!loaded.ok) throw new UsageError(`Danh sách đơn vị "${rosterFile}" không hợp lệ:\n${loaded.errors.map((e) => `  ${e}`).join('\n')}`);
    roster = loaded.value;
  }

  const inputs = await expandInputs(args.positional);
  const outAbs = path.resolve(out);
  const files = inputs.filter((f) => path.resolve(f) !== outAbs);
  const formPack = defaultFormPack();
  const done = await consolidateInto(target, {
    files: files.map((f) => ({ name: f, read: () => readFile(f) })),
    planPack: pack,
    formPack,
    knownPacks: new Map<string, readonly string[]>([[pack.id, [pack.version]], [formPack.id, [formPack.version]]]),
    defaultRoster: defaultRoster(),
    ...(roster ? { roster } : {}),
    asOf: settings.asOf,
    inclusiveBefore: settings.inclusiveBefore,
    window: settings.window,
    ...(yearText ? { year: Number(yearText) } : {}),
    admitWarnings: args.flags.has('admit-warnings'),
    lang,
    open: (bytes) => openForReading(bytes, undefined, lang),
    ...(args.flags.has('json') ? {} : { onProgress: (i: number, total: number, file: string) => {
      if (file) io.err(`[${i + 1}/${total}] ${path.basename(file)}`);
    } }),
  });
  const result = done.result;
  const warnings = done.rosterProblems.map((p) => `"${ROSTER_SHEET}"!${p.cell}: ${p.message}`);
  await saveWorkbookFile(target, out);

  if (args.flags.has('json')) {
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
    io.out(JSON.stringify({
      asOf: toIso(result.asOf),
      year: result.year,
      submitted: result.accepted.map((a) => a.agency.code),
      missing: missingCodes(result),
      late: lateCodes(result),
      replaced: result.replaced.map((r) => r.file),
      rejected: result.rejected.map((r) => ({ file: r.file, reasons: r.reasons })),
      totals,
      rosterWarnings: warnings,
    }, null, 2));
    return 0;
  }
  const lines = [
    `Đã tổng hợp ${files.length} tệp vào ${out} (ngày đối chiếu ${formatVn(result.asOf)}):`,
    `  ${result.accepted.length} đơn vị đã nộp / ${done.roster.entries.length} đơn vị trong danh sách; ${missingCodes(result).length} chưa nộp; ${lateCodes(result).length} nộp chậm.`,
    `  ${result.replaced.length} tệp cũ được thay bằng tệp mới hơn của cùng đơn vị; ${result.rejected.length} tệp bị loại.`,
    `  ${result.overdue.length} nhiệm vụ quá hạn; ${result.problems.length} vấn đề kiểm tra.`,
    ...result.replaced.map((r) => `  Thay thế: ${r.file} → ${r.by}`),
    ...result.rejected.map((r) => `  Loại: ${r.file}: ${r.reasons.join(' ')}`),
    ...warnings.map((w) => `  Cảnh báo danh sách: ${w}`),
    '',
    'Văn bản đôn đốc:',
    ...reminderParagraphs(result, pack).map((p) => `  ${p}`),
  ];
  io.out(lines.join('\n'));
  return 0;
}
