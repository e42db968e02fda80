/** `vtlt forms`: writes the statistical report forms into a new or existing workbook file. */
import { todayInVietnam, ymdOf } from '../domain/calendar';
import type { FormPack } from '../domain/form-pack';
import { parseFormPackJson } from '../domain/form-pack-schema';
import { t, type Lang } from '../domain/i18n';
import { findAgency } from '../domain/roster';
import { defaultRoster } from '../packs';
import { defaultFormPack } from '../packs/forms';
import { describeUnplaced, insertForms } from '../app/insert-forms';
import { FileWorkbook } from '../hosts/xlsx/file-workbook';
import { parseArgs, usage, UsageError } from './args';
import { openWorkbookFile, saveWorkbookFile } from './files';
import { readRegularFile } from './inputs';
import type { CliIo } from './io';
import { planOf } from './plan-file';
import { FORMS_COMMAND } from './commands';

const MIN_YEAR = 2000;

/** The reporting year: four digits, not after the current year in Vietnam. */
export function parseReportingYear(text: string, lang: Lang, nowMs: number): number {
  const max = ymdOf(todayInVietnam(nowMs)).year;
  const year = /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(year >= MIN_YEAR && year <= max)) throw new UsageError(t(lang, 'forms.badYear', { value: text, max }));
  return year;
}

/** Form codes from "--forms 0804,0808" (commas or spaces), each checked against the pack. */
export function parseFormCodes(text: string, pack: FormPack, lang: Lang): string[] {
  const codes = text.split(/[,;\s]+/).map((c) => c.trim()).filter((c) => c !== '');
  if (codes.length === 0) throw new UsageError(t(lang, 'forms.noForms'));
  for (const code of codes) {
    if (!pack.forms.some((f) => f.code === code)) {
      throw new UsageError(t(lang, 'forms.unknownForm', { code, known: pack.forms.map((f) => f.code).join(', ') }));
    }
  }
  return [...new Set(codes)];
}

export async function readFormPackFile(file: string, lang: Lang): Promise<FormPack> {
  // A regular file only (a FIFO or a folder would hang or fail): the reason is in the user's language.
  const read = await readRegularFile(file, lang);
  if (!read.ok) throw new UsageError(read.missing ? t(lang, 'forms.packNotFound', { file }) : t(lang, 'forms.packUnreadable', { file, reason: read.reason }));
  const text = new TextDecoder('utf-8').decode(read.bytes);
  const loaded = parseFormPackJson(text);
  if (!loaded.ok) throw new UsageError(t(lang, 'forms.packInvalid', { file, errors: loaded.errors.map((e) => `  ${e}`).join('\n') }));
  return loaded.value;
}

export async function formsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const args = parseArgs(argv, FORMS_COMMAND, lang);
  if (args.help) {
    io.out(usage(FORMS_COMMAND, lang));
    return 0;
  }
  const code = args.values.get('agency');
  const yearText = args.values.get('year');
  const out = args.values.get('out');
  if (code === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--agency' }));
  if (yearText === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--year' }));
  if (out === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--out' }));
  const year = parseReportingYear(yearText, lang, io.now());
  const agency = findAgency(defaultRoster(), code);
  if (!agency) throw new UsageError(t(lang, 'cli.unknownAgency', { code }));
  const packFile = args.values.get('pack');
  const pack = packFile === undefined ? defaultFormPack() : await readFormPackFile(packFile, lang);
  const formsText = args.values.get('forms');
  const codes = formsText === undefined ? undefined : parseFormCodes(formsText, pack, lang);

  const inFile = args.values.get('in');
  const wb = inFile ? await openWorkbookFile(inFile, lang) : FileWorkbook.create();
  const plan = await planOf(args.values, lang);
  const force = args.flags.has('force');
  const result = await insertForms(wb, {
    pack,
    codes,
    agency,
    year,
    plan: { id: plan.id, version: plan.version },
    now: new Date(io.now()),
    confirm: async () => force,
    lang,
  });
  if (!result.ok) {
    if (result.reason === 'unknown-forms') {
      throw new UsageError(t(lang, 'forms.unknownForm', { code: result.codes.join(', '), known: pack.forms.map((f) => f.code).join(', ') }));
    }
    io.err(`${result.question}\n${t(lang, 'forms.notWritten')}`);
    return 1;
  }
  await saveWorkbookFile(wb, out, lang, new Date(io.now()));
  const kept = result.forms.reduce((n, f) => n + f.kept, 0);
  const lines = [
    t(lang, 'forms.written', {
      count: result.forms.length, codes: result.forms.map((f) => f.code).join(', '), year, agency: agency.name, code: agency.code, out,
    }),
    t(lang, 'forms.pack', { title: pack.title, id: pack.id, version: pack.version }),
  ];
  if (kept > 0) lines.push(t(lang, 'forms.kept', { count: kept }));
  if (pack.notice !== null) lines.push(t(lang, 'forms.notice', { notice: pack.notice }));
  io.out(lines.join('\n'));
  if (result.unplaced.length > 0) {
    io.err([t(lang, 'forms.unplaced.heading', { count: result.unplaced.length }), ...result.unplaced.map((u) => describeUnplaced(u, lang))].join('\n'));
  }
  return 0;
}
