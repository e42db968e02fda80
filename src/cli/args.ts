/**
 * A small, strict option parser driven by each command's option table; the same table prints the command's help, so
 * the help cannot drift from what the parser accepts. Every mistake becomes a UsageError in the user's language.
 */
import { t, type Lang } from '../domain/i18n';

export class UsageError extends Error {}

export type OptionKind = 'flag' | 'value' | 'values';

/** Text of the command's own table, in both languages. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}

export interface OptionDef {
  readonly name: string;
  readonly kind: OptionKind;
  /** Placeholder of the value ("TỆP.xlsx"), for value options. */
  readonly arg?: Localized;
  readonly help: Localized;
  /** Shown without brackets in the usage line. */
  readonly required?: boolean;
}

export interface CommandDef {
  readonly name: string;
  readonly summary: Localized;
  /** Placeholder of the positional arguments; commands without one refuse positional arguments. */
  readonly positional?: Localized;
  readonly options: readonly OptionDef[];
  /** Lines after the options (exit codes…). */
  readonly notes?: Localized;
}

export interface ParsedArgs {
  readonly help: boolean;
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly positional: readonly string[];
}

const HELP: OptionDef = { name: 'help', kind: 'flag', help: { vi: 'in trợ giúp này (cũng: -h)', en: 'print this help (also: -h)' } };

function optionsOf(def: CommandDef): readonly OptionDef[] {
  return [...def.options, HELP];
}

export function parseArgs(argv: readonly string[], def: CommandDef, lang: Lang): ParsedArgs {
  const table = new Map(optionsOf(def).map((o) => [o.name, o]));
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const positional: string[] = [];
  let optionsEnded = false;
  const addPositional = (arg: string) => {
    if (def.positional === undefined) throw new UsageError(t(lang, 'cli.unexpectedArgument', { value: arg }));
    positional.push(arg);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (optionsEnded) {
      addPositional(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      addPositional(arg);
      continue;
    }
    const eqAt = arg.indexOf('=');
    const name = arg.startsWith('--') ? (eqAt > 0 ? arg.slice(2, eqAt) : arg.slice(2)) : '';
    const option = table.get(name);
    if (option === undefined) throw new UsageError(t(lang, 'cli.unknownOption', { option: eqAt > 0 ? arg.slice(0, eqAt) : arg }));
    if (option.kind === 'flag') {
      if (eqAt > 0) throw new UsageError(t(lang, 'cli.unexpectedArgument', { value: arg }));
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eqAt > 0) value = arg.slice(eqAt + 1);
    else {
      const next = argv[i + 1];
      // A value may itself start with "-" (e.g. --window -3 is read, then rejected as negative).
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') throw new UsageError(t(lang, 'cli.missingValue', { option: `--${name}` }));
    if (option.kind === 'value') {
      if (values.has(name)) throw new UsageError(t(lang, 'cli.repeatedOption', { option: `--${name}` }));
      values.set(name, value);
    } else {
      lists.set(name, [...(lists.get(name) ?? []), value]);
    }
  }
  return { help: flags.has('help'), flags, values, lists, positional };
}

function optionText(o: OptionDef, lang: Lang): string {
  return o.arg ? `--${o.name} ${o.arg[lang]}` : `--${o.name}`;
}

/** The command's help, generated from its option table. */
export function usage(def: CommandDef, lang: Lang): string {
  const parts = [`vtlt ${def.name}`];
  if (def.positional) parts.push(def.positional[lang]);
  for (const o of def.options) parts.push(o.required ? optionText(o, lang) : `[${optionText(o, lang)}]`);
  const options = optionsOf(def);
  const width = Math.max(...options.map((o) => optionText(o, lang).length));
  const lines = [
    t(lang, 'cli.usageLine', { usage: parts.join(' ') }),
    `  ${def.summary[lang]}`,
    '',
    ...options.map((o) => `  ${optionText(o, lang).padEnd(width)}  ${o.help[lang]}`),
    `  ${'--'.padEnd(width)}  ${t(lang, 'cli.endOfOptions')}`,
  ];
  if (def.notes) lines.push('', def.notes[lang]);
  return lines.join('\n');
}

/** `vtlt --help`: every command, from the same tables. */
export function overallUsage(defs: readonly CommandDef[], lang: Lang): string {
  const width = Math.max(...defs.map((d) => d.name.length));
  return [
    t(lang, 'cli.usageLine', { usage: t(lang, 'cli.usageCommand') }),
    '',
    t(lang, 'cli.commandsHeading'),
    ...defs.map((d) => `  ${d.name.padEnd(width)}  ${d.summary[lang]}`),
    '',
    t(lang, 'cli.commonOptions'),
  ].join('\n');
}
