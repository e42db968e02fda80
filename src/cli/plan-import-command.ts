/**
 * `vtlt plan import PLAN.docx|PLAN.xlsx --out PLAN.json`: a plan as issued (Word) or as typed in the "Kế hoạch"
 * sheet (Excel) becomes a plan pack. Every finding is printed with its row; errors refuse the import (exit 1), and
 * with --strict so do unreadable deadlines and unmatched bodies. Exit 0 when the pack is written.
 */
import path from 'node:path';
import { t, type Lang } from '../domain/i18n';
import { findingSeverity, type ImportFinding, type PlanImportOptions, type PlanImportResult } from '../domain/plan-import';
import { findingMessage, severityLabel } from '../domain/plan-import-messages';
import type { Roster } from '../domain/roster';
import { defaultRoster } from '../packs';
import { importPlanFromText, importPlanFromWorkbook } from '../app/plan-import';
import { readDocx } from '../hosts/docx/read-docx';
import { planDocument } from '../hosts/docx/plan-docx';
import { nodeInflate } from '../hosts/xlsx/open-fast';
import { parseArgs, usage, UsageError } from './args';
import { openWorkbookFile, writeFileAtomically } from './files';
import { cannotOpen, readOrRefuse } from './file-refusal';
import type { CliIo } from './io';
import { readRosterFile } from './roster-file';
import { PLAN_IMPORT_COMMAND } from './commands';

function readOptions(values: ReadonlyMap<string, string>, flags: ReadonlySet<string>, lang: Lang): PlanImportOptions {
  const yearText = values.get('year');
  const id = values.get('id');
  if (yearText !== undefined && !(/^\d{4}$/.test(yearText) && Number(yearText) >= 2000 && Number(yearText) <= 2100)) {
    throw new UsageError(t(lang, 'cli.badYear', { value: yearText }));
  }
  if (id !== undefined && !/^[a-z0-9-]+$/.test(id)) throw new UsageError(t(lang, 'cli.planImport.badId', { value: id }));
  return {
    ...(yearText !== undefined ? { year: Number(yearText) } : {}),
    ...(id !== undefined ? { id } : {}),
    strict: flags.has('strict'),
  };
}

async function importFile(file: string, roster: Roster, options: PlanImportOptions, lang: Lang): Promise<PlanImportResult & { sheet?: string }> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return importPlanFromWorkbook(await openWorkbookFile(file, lang), roster, options);
  if (ext !== '.docx') throw new UsageError(t(lang, 'cli.planImport.badExtension', { file }));
  const docx = readDocx(await readOrRefuse(file, lang), nodeInflate);
  if (!docx.ok) throw cannotOpen(file, t(lang, `planImport.docx.${docx.problem}`), lang);
  return importPlanFromText(planDocument(docx.blocks), roster, options);
}

const count = (findings: readonly ImportFinding[], ...codes: ImportFinding['code'][]) => findings.filter((f) => codes.includes(f.code)).length;

export async function planImportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = io.lang;
  const args = parseArgs(argv, PLAN_IMPORT_COMMAND, lang);
  if (args.help) {
    io.out(usage(PLAN_IMPORT_COMMAND, lang));
    return 0;
  }
  const [file, ...extra] = args.positional;
  if (file === undefined || extra.length > 0) throw new UsageError(t(lang, 'cli.planImport.needFile'));
  const out = args.values.get('out');
  if (out === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--out' }));
  if (path.extname(out).toLowerCase() !== '.json') throw new UsageError(t(lang, 'cli.planImport.outNotJson', { file: out }));
  const options = readOptions(args.values, args.flags, lang);
  const rosterFile = args.values.get('roster');
  const roster = rosterFile !== undefined ? await readRosterFile(rosterFile, lang) : defaultRoster();

  const result = await importFile(file, roster, options, lang);
  const strict = options.strict === true;
  const findings = result.findings.map((f) => ({ finding: f, severity: findingSeverity(f, strict), message: findingMessage(lang, f) }));
  if (result.ok) await writeFileAtomically(out, `${JSON.stringify(result.pack, null, 2)}\n`, lang);

  if (args.flags.has('json')) {
    io.out(JSON.stringify({
      ok: result.ok,
      file,
      sheet: result.sheet ?? null,
      out: result.ok ? out : null,
      plan: result.ok ? { id: result.pack.id, title: result.pack.title, year: result.pack.year, tasks: result.pack.tasks.length } : null,
      findings: findings.map((f) => ({ severity: f.severity, ...f.finding, message: f.message })),
    }, null, 2));
    return result.ok ? 0 : 1;
  }
  const lines = findings.map((f) => `  ${severityLabel(lang, f.severity)}: ${f.message}`);
  if (lines.length > 0) lines.unshift(t(lang, 'cli.planImport.source', { file, sheet: result.sheet ?? '' }));
  if (!result.ok) {
    lines.push(t(lang, 'cli.planImport.refused', { count: findings.filter((f) => f.severity === 'error').length, strict }));
    io.err(lines.join('\n'));
    return 1;
  }
  const p = result.pack;
  lines.push(
    t(lang, 'cli.planImport.written', { out, title: p.title, year: p.year, id: p.id, tasks: p.tasks.length, headings: p.headings.length, sections: p.sections.length }),
    t(lang, 'cli.planImport.counts', {
      unreadable: count(result.findings, 'deadline-unreadable'),
      unmatched: count(result.findings, 'body-unmatched'),
      noOne: count(result.findings, 'applies-to-no-one'),
    }),
  );
  io.out(lines.join('\n'));
  return 0;
}
