/**
 * `vtlt report agency|province|reminder`: drafts the official documents the plan asks for as Word files (Decree
 * 30/2020/NĐ-CP, Appendix I) — an agency's yearly report from its workbook (row 16b), Sở Nội vụ's report (III.2.i)
 * and the reminder letter from a consolidation workbook. What a person decides is left as dotted blanks.
 */
import path from 'node:path';
import { parseUserDate } from '../domain/calendar';
import { t, type Lang } from '../domain/i18n';
import { defaultPlanPack } from '../packs';
import { defaultFormPack } from '../packs/forms';
import { readAgencyReportData } from '../app/documents/agency-data';
import { agencyReport } from '../app/documents/agency-report';
import { readConsolidationData, lateRows, missingRows } from '../app/documents/consolidation-data';
import type { OfficialDocument } from '../app/documents/model';
import { provinceReport } from '../app/documents/province-report';
import { reminderLetter } from '../app/documents/reminder-letter';
import type { WorkbookPort } from '../app/workbook-port';
import { openForReading } from '../hosts/xlsx/open-fast';
import { parseArgs, usage, UsageError } from './args';
import { writeFileAtomically } from './files';
import { cannotOpen, readOrRefuse } from './file-refusal';
import type { CliIo } from './io';
import { REPORT_COMMAND, REPORT_KINDS as KINDS } from './commands';

type Kind = keyof typeof KINDS;

async function openInput(file: string, lang: Lang): Promise<WorkbookPort> {
  const opened = await openForReading(await readOrRefuse(file, lang), undefined, lang, file);
  if (!opened.ok) throw cannotOpen(file, opened.reason, lang);
  return opened.port;
}

async function draft(kind: Kind, file: string, asOfText: string | undefined, io: CliIo): Promise<OfficialDocument | null> {
  const lang = io.lang;
  const plan = defaultPlanPack();
  const forms = defaultFormPack();
  const port = await openInput(file, lang);
  if (kind === 'agency') {
    const asOf = asOfText === undefined ? undefined : parseUserDate(asOfText);
    if (asOf === null) throw new UsageError(t(lang, 'cli.badAsOf', { value: asOfText ?? '' }));
    const knownPacks = new Map([[plan.id, [plan.version]], [forms.id, [forms.version]]]);
    const read = await readAgencyReportData(port, { planPack: plan, formPack: forms, knownPacks, nowMs: io.now(), ...(asOf !== undefined ? { asOf } : {}) });
    if (!read.ok) {
      throw new UsageError(read.reason === 'no-tracker' ? t(lang, 'report.noTracker', { file, sheet: plan.trackerSheetName }) : t(lang, 'report.noAgency', { file }));
    }
    return agencyReport(read.data, plan, forms);
  }
  const read = await readConsolidationData(port, plan, forms);
  if (!read.ok) throw new UsageError(t(lang, 'report.notConsolidation', { file, sheet: read.sheet }));
  if (kind === 'province') return provinceReport(read.data, plan, forms);
  const letter = reminderLetter(read.data, plan);
  if (!letter.ok) {
    io.err(t(lang, 'report.nobodyToRemind', { file }));
    return null;
  }
  io.out(t(lang, 'report.reminderCounts', { missing: missingRows(read.data).length, late: lateRows(read.data).length }));
  return letter.document;
}

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const [kindText, ...rest] = argv;
  if (kindText === undefined || kindText === '--help' || kindText === '-h') {
    io.out(usage(REPORT_COMMAND, lang));
    return kindText === undefined ? 2 : 0;
  }
  if (!(kindText in KINDS)) throw new UsageError(t(lang, 'report.unknownKind', { kind: kindText }));
  const kind = kindText as Kind;
  const def = KINDS[kind];
  const args = parseArgs(rest, def, lang);
  if (args.help) {
    io.out(usage(def, lang));
    return 0;
  }
  const [file, ...extra] = args.positional;
  if (file === undefined || extra.length > 0) throw new UsageError(t(lang, 'report.needWorkbook', { kind }));
  const out = args.values.get('out');
  if (out === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--out' }));
  if (path.extname(out).toLowerCase() !== '.docx') throw new UsageError(t(lang, 'report.outNotDocx', { file: out }));
  const doc = await draft(kind, file, args.values.get('as-of'), io);
  if (doc === null) return 1;
  // The Word writer (the docx package) is loaded only here, so other commands start without it.
  const { writeDocx } = await import('../hosts/docx/write-document');
  await writeFileAtomically(out, await writeDocx(doc), lang);
  io.out([t(lang, 'report.written', { what: t(lang, `report.what.${kind}`), file: out }), t(lang, 'report.blanks')].join('\n'));
  return 0;
}
