/** `vtlt validate`: checks filled workbooks and explains every problem with its cell. */
import { t, issueMessage, type Lang } from '../domain/i18n';
import type { Roster } from '../domain/roster';
import { rosterEntryFor } from '../domain/roster-match';
import { issue, type Issue } from '../domain/validation/issue';
import { defaultPlanPack, defaultRoster } from '../packs';
import { defaultFormPack } from '../packs/forms';
import { compareWithPrevious, formsPart } from '../app/forms-part';
import { optionsWithCarriedPlan } from '../app/stored-plan';
import { sheetsToRead, validateSnapshot, type ValidateOptions, type WorkbookReport } from '../app/validate-workbook';
import { openForReading } from '../hosts/xlsx/open-fast';
import type { Grid } from '../workbook/grid';
import { parseArgs, usage, UsageError } from './args';
import { expandInputs, readRegularFile, unmatchedReason } from './inputs';
import type { CliIo } from './io';
import { planOf } from './plan-file';
import type { PlanPack } from '../domain/plan-pack';
import { fixLegacyFile, fixLegacyTarget } from './fix-legacy';
import { readRosterFile } from './roster-file';
import { PLAN_OPTION, VALIDATE_COMMAND } from './commands';

export interface FileReport {
  readonly file: string;
  readonly readable: boolean;
  readonly report: WorkbookReport | null;
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
}

interface Previous {
  readonly agency: string | null;
  readonly grids: ReadonlyMap<string, Grid | null>;
}

export interface ValidateContext {
  readonly options: ValidateOptions;
  readonly previous: Previous | null;
  readonly roster: Roster;
  readonly lang: Lang;
  /** Without --plan: each workbook is checked against the plan it carries, when it carries one. */
  readonly useCarriedPlan?: boolean;
}

/** Checks one file; whatever happens inside, the outcome is a report (one bad file never costs the batch). */
export async function validateFile(file: string, ctx: ValidateContext): Promise<FileReport> {
  try {
    return await checkFile(file, ctx);
  } catch (e) {
    if (process.env['VTLT_DEBUG'] && e instanceof Error) process.stderr.write(`${file}: ${e.stack ?? e.message}\n`);
    return unreadable(file, t(ctx.lang, 'cli.file.damaged'));
  }
}

async function checkFile(file: string, { options: given, previous, roster, lang, useCarriedPlan }: ValidateContext): Promise<FileReport> {
  const read = await readRegularFile(file, lang);
  if (!read.ok) return unreadable(file, read.reason);
  const opened = await openForReading(read.bytes, undefined, lang);
  if (!opened.ok) return unreadable(file, opened.reason);
  const chosen = useCarriedPlan === true ? await optionsWithCarriedPlan(opened.port, given) : { options: given, issues: [] };
  const { options } = chosen;
  const snapshot = await opened.port.read(sheetsToRead(options));
  const report = validateSnapshot(snapshot, options);
  const issues = [...chosen.issues, ...report.issues];
  if (report.agency && !rosterEntryFor(roster, report.agency)) {
    issues.push(issue('error', 'agency-unknown', '', '', null, { name: report.agency.name, code: report.agency.code ?? '' }));
  }
  const sameAgency = previous && (previous.agency === null || report.agency?.code == null || previous.agency.toUpperCase() === report.agency.code.toUpperCase());
  if (previous && sameAgency) issues.push(...compareWithPrevious(defaultFormPack(), snapshot.grids, previous.grids));
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { file, readable: true, report, issues, errors, warnings: issues.length - errors };
}

function unreadable(file: string, reason: string): FileReport {
  const i: Issue = { severity: 'error', rule: 'file-unreadable', sheet: '', cell: '', value: null, params: { reason } };
  return { file, readable: false, report: null, issues: [i], errors: 1, warnings: 0 };
}

export function defaultValidateOptions(settings: { expectedYear?: number; partial?: boolean; plan?: PlanPack } = {}): ValidateOptions {
  const plan = settings.plan ?? defaultPlanPack();
  const forms = defaultFormPack();
  return {
    planPack: plan,
    knownPacks: new Map([[plan.id, [plan.version]], [forms.id, [forms.version]]]),
    forms: formsPart(forms, { requireAll: settings.partial === true ? false : 'when-started', expectedYear: settings.expectedYear }),
    requireTracker: settings.partial !== true,
    ...(settings.expectedYear !== undefined ? { expectedYear: settings.expectedYear } : {}),
  };
}

async function readPrevious(file: string, options: ValidateOptions, lang: Lang): Promise<Previous> {
  const fail = (reason: string) => new UsageError(t(lang, 'cli.validate.previousUnreadable', { file, reason }));
  const read = await readRegularFile(file, lang);
  if (!read.ok) throw fail(read.reason);
  try {
    const opened = await openForReading(read.bytes, undefined, lang);
    if (!opened.ok) throw fail(opened.reason);
    const snap = await opened.port.read(sheetsToRead(options));
    const prevReport = validateSnapshot(snap, { ...options, expectedYear: undefined });
    return { agency: prevReport.agency?.code ?? null, grids: snap.grids };
  } catch (e) {
    throw e instanceof UsageError ? e : fail(t(lang, 'cli.file.damaged'));
  }
}

export function parseYearOption(text: string | undefined, lang: Lang): number | undefined {
  if (text === undefined) return undefined;
  if (!/^20\d\d$/.test(text)) throw new UsageError(t(lang, 'cli.badYear', { value: text }));
  return Number(text);
}

export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const args = parseArgs(argv, VALIDATE_COMMAND, lang);
  if (args.help) {
    io.out(usage(VALIDATE_COMMAND, lang));
    return 0;
  }
  if (args.positional.length === 0) throw new UsageError(t(lang, 'cli.needInputs'));
  const fix = fixLegacyTarget(args, lang);
  const year = parseYearOption(args.values.get('year'), lang);
  const options: ValidateOptions = {
    ...defaultValidateOptions({ expectedYear: year, partial: args.flags.has('partial'), plan: await planOf(args.values, lang) }),
    nowMs: io.now(),
  };
  const rosterFile = args.values.get('roster');
  const roster = rosterFile === undefined ? defaultRoster() : await readRosterFile(rosterFile, lang);
  const inputs = await expandInputs(args.positional);
  if (inputs.files.length === 0 && inputs.unmatched.every((u) => u.kind === 'folder')) throw new UsageError(t(lang, 'cli.noWorkbooks'));
  const previousFile = args.values.get('previous');
  const previous = previousFile === undefined ? null : await readPrevious(previousFile, options, lang);
  const ctx: ValidateContext = { options, previous, roster, lang, useCarriedPlan: !args.values.has(PLAN_OPTION.name) };
  const reports: FileReport[] = [];
  for (const item of inputs.items) {
    reports.push('file' in item ? await validateFile(item.file, ctx) : unreadable(item.unmatched, unmatchedReason({ input: item.unmatched, kind: item.kind }, lang)));
  }

  io.out(args.flags.has('json') ? jsonReport(reports, lang) : textReport(reports, lang));
  if (fix && reports.every((r) => r.readable)) await fixLegacyFile(fix, options, io, args.flags.has('json'));
  if (reports.some((r) => !r.readable)) return 2;
  if (reports.some((r) => r.errors > 0)) return 1;
  return 0;
}

function jsonReport(reports: readonly FileReport[], lang: Lang): string {
  return JSON.stringify({
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
  }, null, 2);
}

function textReport(reports: readonly FileReport[], lang: Lang): string {
  const lines: string[] = [];
  for (const r of reports) {
    const who = r.report?.agency ? ` — ${r.report.agency.name}${r.report.agency.code ? ` (${r.report.agency.code})` : ''}` : '';
    const mark = r.errors > 0 ? '✗' : '✓';
    lines.push(`${mark} ${t(lang, 'cli.validate.file', { file: r.file, who, errors: r.errors, warnings: r.warnings })}`);
    for (const i of r.issues) {
      const where = i.sheet ? `${i.sheet}${i.cell ? `!${i.cell}` : ''}` : i.cell;
      const value = i.value === null || i.value === '' ? '' : ` ${t(lang, 'cli.value', { value: String(i.value) })}`;
      const severity = t(lang, i.severity === 'error' ? 'cli.severity.error' : 'cli.severity.warning');
      lines.push(`    ${severity}${where ? ` ${where}` : ''} (${i.rule}): ${issueMessage(lang, i)}${value}`);
    }
  }
  const bad = reports.filter((r) => r.errors > 0).length;
  lines.push('', t(lang, 'cli.validate.summary', { total: reports.length, ok: reports.length - bad, bad }));
  return lines.join('\n');
}
