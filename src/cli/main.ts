/**
 * The `vtlt` command line: dispatches to commands; user mistakes exit 2 with a message, never a stack trace. It starts
 * with the commands' option tables alone (commands.ts) and loads only the command run: `vtlt plan` loads neither the
 * workbook readers and writers nor the schema library.
 */
import { t, type Lang } from '../domain/i18n';
import { useAllCatalogs } from '../domain/i18n/all';
import { overallUsage, UsageError, type CommandDef } from './args';
import type { CliIo } from './io';
import {
  CONSOLIDATE_COMMAND,
  FORMS_COMMAND,
  PLAN_COMMAND,
  PLAN_IMPORT_COMMAND,
  PLAN_SHEET_COMMAND,
  REPORT_COMMAND,
  TRACKER_COMMAND,
  VALIDATE_COMMAND,
} from './commands';
import { PRODUCT_VERSION } from '../domain/version';

export { PRODUCT_VERSION as VERSION } from '../domain/version';

// The command line holds both languages and its own lines from the start.
useAllCatalogs();

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

/** How a command is loaded; `schemas`: whether it reads files the schema library checks (its messages then localised). */
interface Loader {
  readonly load: () => Promise<Command>;
  readonly schemas: boolean;
}

/** Every command with its option table and how to load it: `vtlt --help` lists exactly these. */
export const COMMANDS: readonly (readonly [CommandDef, Loader])[] = [
  // The plan alone: a plan file given with --plan sets the schema's language itself (plan-file.ts).
  [PLAN_COMMAND, { load: () => import('./plan-command').then((m) => m.planCommand), schemas: false }],
  [PLAN_IMPORT_COMMAND, { load: () => import('./plan-import-command').then((m) => m.planImportCommand), schemas: true }],
  [PLAN_SHEET_COMMAND, { load: () => import('./plan-sheet-command').then((m) => m.planSheetCommand), schemas: true }],
  [TRACKER_COMMAND, { load: () => import('./tracker-command').then((m) => m.trackerCommand), schemas: true }],
  [FORMS_COMMAND, { load: () => import('./forms-command').then((m) => m.formsCommand), schemas: true }],
  [VALIDATE_COMMAND, { load: () => import('./validate-command').then((m) => m.validateCommand), schemas: true }],
  [CONSOLIDATE_COMMAND, { load: () => import('./consolidate-command').then((m) => m.consolidateCommand), schemas: true }],
  [REPORT_COMMAND, { load: () => import('./report-command').then((m) => m.reportCommand), schemas: true }],
];

/** Messages of the schema library (pack and roster files checked by it) in the user's language too. */
async function useSchemaLanguage(lang: Lang): Promise<void> {
  (await import('./schema-language')).useSchemaLanguage(lang);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
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
    const loader = sub?.[1] ?? COMMANDS.find(([def]) => def.name === name)?.[1];
    if (!loader) throw new UsageError(t(io.lang, 'cli.unknownCommand', { command: name }));
    const [command] = await Promise.all([loader.load(), loader.schemas ? useSchemaLanguage(io.lang) : undefined]);
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
