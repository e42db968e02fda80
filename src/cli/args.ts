/** A small, strict option parser: every mistake becomes a UsageError with a Vietnamese message. */
import { t, type Lang } from '../domain/i18n';

export class UsageError extends Error {}

export interface OptionSpec {
  readonly [name: string]: 'flag' | 'value' | 'values';
}

export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly positional: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: OptionSpec, lang: Lang, allowPositional = false): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--') && arg.length > 2) {
      const eqAt = arg.indexOf('=');
      const name = eqAt > 0 ? arg.slice(2, eqAt) : arg.slice(2);
      const kind = spec[name];
      if (kind === undefined) throw new UsageError(t(lang, 'cli.unknownOption', { option: `--${name}` }));
      if (kind === 'flag') {
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
      if (kind === 'value') {
        if (values.has(name)) throw new UsageError(t(lang, 'cli.repeatedOption', { option: `--${name}` }));
        values.set(name, value);
      } else {
        lists.set(name, [...(lists.get(name) ?? []), value]);
      }
    } else if (allowPositional) {
      positional.push(arg);
    } else {
      throw new UsageError(t(lang, 'cli.unexpectedArgument', { value: arg }));
    }
  }
  return { flags, values, lists, positional };
}
