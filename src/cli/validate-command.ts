/** `vtlt validate`: checks filled workbooks and explains every problem with its cell. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { issueMessage, type Lang } from '../domain/i18n';
import type { Issue } from '../domain/validation/issue';
import { defaultPlanPack } from '../packs';
import { defaultFormPack } from '../packs/forms';
import { compareWithPrevious, formsPart } from '../app/forms-part';
import { sheetsToRead, validateSnapshot, type ValidateOptions, type WorkbookReport } from '../app/validate-workbook';
import { openForReading } from '../hosts/xlsx/open-fast';
import { parseArgs, UsageError } from './args';
import type { CliIo } from './io';

export const VALIDATE_USAGE = [
  'Cách dùng: vtlt validate TỆP.xlsx|THƯ_MỤC... [--previous TỆP.xlsx] [--year NĂM] [--partial] [--json]',
  '',
  '  --partial            chỉ kiểm tra các trang đã có (không báo thiếu bảng theo dõi hay biểu)',
  '  --previous TỆP.xlsx  so sánh với sổ năm trước của cùng đơn vị (thay đổi quá 2 lần là cảnh báo)',
  '  --year NĂM           năm báo cáo cần kiểm tra',
  '  --json               in kết quả dạng JSON',
  '',
  'Mã thoát: 0 không có lỗi; 1 có tệp có lỗi; 2 có tệp không đọc được.',
].join('\n');

export interface FileReport {
  readonly file: string;
  readonly readable: boolean;
  readonly report: WorkbookReport | null;
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
}

/** Expands folders into the .xlsx files they hold (not recursing into hidden folders). */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      out.push(input); // reported as unreadable later, with the others
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((n) => !n.startsWith('.') && !n.startsWith('~$')).sort();
      for (const n of names) {
        const p = path.join(input, n);
        const s = await stat(p);
        if (s.isDirectory()) out.push(...(await expandInputs([p])));
        else if (/\.(xlsx|xlsm|xls|xlsb|ods|csv|zip)$/i.test(n)) out.push(p);
      }
    } else out.push(input);
  }
  return out;
}

export async function validateFile(
  file: string,
  options: ValidateOptions,
  previous: { agency: string | null; grids: ReadonlyMap<string, import('../workbook/grid').Grid | null> } | null = null,
  lang: Lang = 'vi',
): Promise<FileReport> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'Không tìm thấy tệp. Kiểm tra lại đường dẫn.' : `Không đọc được tệp (${code ?? 'lỗi đọc'}).`;
    return unreadable(file, reason);
  }
  const opened = await openForReading(bytes, undefined, lang);
  if (!opened.ok) return unreadable(file, opened.reason);
  const snapshot = await opened.port.read(sheetsToRead(options));
  const report = validateSnapshot(snapshot, options);
  const issues = [...report.issues];
  const sameAgency = previous && (previous.agency === null || report.agency?.code == null || previous.agency.toUpperCase() === report.agency.code.toUpperCase());
  if (previous && sameAgency) issues.push(...compareWithPrevious(defaultFormPack(), snapshot.grids, previous.grids));
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { file, readable: true, report, issues, errors, warnings: issues.length - errors };
}

function unreadable(file: string, reason: string): FileReport {
  const i: Issue = { severity: 'error', rule: 'file-unreadable', sheet: '', cell: '', value: null, params: { reason } };
  return { file, readable: false, report: null, issues: [i], errors: 1, warnings: 0 };
}

export function defaultValidateOptions(settings: { expectedYear?: number; partial?: boolean } = {}): ValidateOptions {
  const plan = defaultPlanPack();
  const forms = defaultFormPack();
  return {
    planPack: plan,
    knownPacks: new Map([[plan.id, [plan.version]], [forms.id, [forms.version]]]),
    forms: formsPart(forms, { requireAll: settings.partial === true ? false : 'when-started', expectedYear: settings.expectedYear }),
    requireTracker: settings.partial !== true,
    ...(settings.expectedYear !== undefined ? { expectedYear: settings.expectedYear } : {}),
  };
}

function severityText(lang: Lang, i: Issue): string {
  return lang === 'vi' ? (i.severity === 'error' ? 'Lỗi' : 'Cảnh báo') : i.severity === 'error' ? 'Error' : 'Warning';
}

export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const args = parseArgs(argv, { previous: 'value', year: 'value', partial: 'flag', json: 'flag', help: 'flag' }, lang, true);
  if (args.flags.has('help')) {
    io.out(VALIDATE_USAGE);
    return 0;
  }
  if (args.positional.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx hoặc thư mục để kiểm tra. Gõ "vtlt validate --help".');
  const yearText = args.values.get('year');
  if (yearText !== undefined && !/^(20\d\d)$/.test(yearText)) throw new UsageError(`Năm "${yearText}" không hợp lệ: nhập 4 chữ số, ví dụ 2025.`);
  const options: ValidateOptions = {
    ...defaultValidateOptions({ expectedYear: yearText ? Number(yearText) : undefined, partial: args.flags.has('partial') }),
    nowMs: io.now(),
  };
  const files = await expandInputs(args.positional);
  if (files.length === 0) throw new UsageError('Không có tệp .xlsx nào trong các thư mục đã cho.');
  const previousFile = args.values.get('previous');
  let previous: { agency: string | null; grids: ReadonlyMap<string, import('../workbook/grid').Grid | null> } | null = null;
  if (previousFile !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(previousFile);
    } catch {
      throw new UsageError(`Không đọc được sổ năm trước "${previousFile}". Kiểm tra đường dẫn.`);
    }
    const opened = await openForReading(bytes);
    if (!opened.ok) throw new UsageError(`Sổ năm trước "${previousFile}": ${opened.reason}`);
    const snap = await opened.port.read(sheetsToRead(options));
    const prevReport = validateSnapshot(snap, { ...options, expectedYear: undefined });
    previous = { agency: prevReport.agency?.code ?? null, grids: snap.grids };
  }
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await validateFile(file, options, previous, lang));

  if (args.flags.has('json')) {
    io.out(JSON.stringify({
      files: reports.map((r) => ({
        file: r.file,
        agency: r.report?.agency?.code ?? null,
        agencyName: r.report?.agency?.name ?? null,
        readable: r.readable,
        errors: r.errors,
        warnings: r.warnings,
        issues: r.issues.map((i) => ({
          severity: i.severity, rule: i.rule, sheet: i.sheet, cell: i.cell, value: i.value, message: issueMessage(lang, i),
        })),
      })),
    }, null, 2));
  } else {
    const lines: string[] = [];
    for (const r of reports) {
      const who = r.report?.agency ? ` — ${r.report.agency.name}${r.report.agency.code ? ` (${r.report.agency.code})` : ''}` : '';
      const mark = r.errors > 0 ? '✗' : '✓';
      lines.push(`${mark} ${r.file}${who}: ${r.errors} lỗi, ${r.warnings} cảnh báo`);
      for (const i of r.issues) {
        const where = i.sheet ? `${i.sheet}${i.cell ? `!${i.cell}` : ''}` : i.cell;
        const value = i.value === null || i.value === '' ? '' : ` [giá trị: ${String(i.value)}]`;
        lines.push(`    ${severityText(lang, i)}${where ? ` ${where}` : ''} (${i.rule}): ${issueMessage(lang, i)}${value}`);
      }
    }
    const bad = reports.filter((r) => r.errors > 0).length;
    lines.push('', `${reports.length} tệp: ${reports.length - bad} đạt, ${bad} có lỗi.`);
    io.out(lines.join('\n'));
  }
  if (reports.some((r) => !r.readable)) return 2;
  if (reports.some((r) => r.errors > 0)) return 1;
  return 0;
}
