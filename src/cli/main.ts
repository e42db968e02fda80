/** The `vtlt` command line: dispatches to commands; user mistakes exit 2 with a message, never a stack trace. */
import { z } from 'zod';
import { t, type Lang } from '../domain/i18n';
import { useAllCatalogs } from '../domain/i18n/all';
import { overallUsage, UsageError, type CommandDef } from './args';
import type { CliIo } from './io';
import { planCommand, PLAN_COMMAND } from './plan-command';
import { trackerCommand, TRACKER_COMMAND } from './tracker-command';
import { formsCommand, FORMS_COMMAND } from './forms-command';
import { validateCommand, VALIDATE_COMMAND } from './validate-command';
import { consolidateCommand, CONSOLIDATE_COMMAND } from './consolidate-command';
import { reportCommand, REPORT_COMMAND } from './report-command';
import { planImportCommand, PLAN_IMPORT_COMMAND } from './plan-import-command';
import { planSheetCommand, PLAN_SHEET_COMMAND } from './plan-sheet-command';
import { PRODUCT_VERSION } from '../domain/version';

export { PRODUCT_VERSION as VERSION } from '../domain/version';

// The command line holds both languages and its own lines from the start.
useAllCatalogs();

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

/** Every command with its option table: `vtlt --help` lists exactly these. */
export const COMMANDS: readonly (readonly [CommandDef, Command])[] = [
  [PLAN_COMMAND, planCommand],
  [PLAN_IMPORT_COMMAND, planImportCommand],
  [PLAN_SHEET_COMMAND, planSheetCommand],
  [TRACKER_COMMAND, trackerCommand],
  [FORMS_COMMAND, formsCommand],
  [VALIDATE_COMMAND, validateCommand],
  [CONSOLIDATE_COMMAND, consolidateCommand],
  [REPORT_COMMAND, reportCommand],
];

/** Messages of the schema library (pack and roster files checked by it) in the user's language too. */
function useSchemaLanguage(lang: Lang): void {
  z.config(lang === 'vi' ? z.locales.vi() : z.locales.en());
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  useSchemaLanguage(io.lang);
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(overallUsage(COMMANDS.map(([def]) => def), io.lang));
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.out(PRODUCT_VERSION);
      return 0;
    }
    // "vtlt plan import …" and "vtlt plan sheet …" are commands of their own.
    const sub = COMMANDS.find(([def]) => def.name === `${name} ${rest[0] ?? ''}`);
    const command = sub?.[1] ?? COMMANDS.find(([def]) => def.name === name)?.[1];
    if (!command) throw new UsageError(t(io.lang, 'cli.unknownCommand', { command: name }));
    return await command(sub ? rest.slice(1) : rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.err(t(io.lang, 'cli.internalError', { detail }));
    if (process.env['VTLT_DEBUG'] && e instanceof Error && e.stack) io.err(e.stack);
    return 3;
  }
}
