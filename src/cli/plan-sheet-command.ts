/** `vtlt plan sheet`: writes the editable "Kế hoạch" sheet, from a plan (the bundled one by default) or empty. */
import { t } from '../domain/i18n';
import { writePlanSheet } from '../app/plan-import';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { parseArgs, usage, UsageError } from './args';
import { requireXlsxName, saveWorkbookFile } from './files';
import type { CliIo } from './io';
import { planOf } from './plan-file';
import { PLAN_SHEET_COMMAND } from './commands';

export async function planSheetCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const args = parseArgs(argv, PLAN_SHEET_COMMAND, lang);
  if (args.help) {
    io.out(usage(PLAN_SHEET_COMMAND, lang));
    return 0;
  }
  const out = args.values.get('out');
  if (out === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--out' }));
  requireXlsxName(out, lang);
  const pack = args.flags.has('empty') ? null : await planOf(args.values, lang);
  const wb = FileWorkbook.create();
  const { sheet } = await writePlanSheet(wb, pack);
  await saveWorkbookFile(wb, out, lang, new Date(io.now()));
  io.out(pack === null
    ? t(lang, 'cli.planSheet.writtenEmpty', { out, sheet })
    : t(lang, 'cli.planSheet.written', { out, sheet, title: pack.title, tasks: pack.tasks.length }));
  return 0;
}
