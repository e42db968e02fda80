/** The `vtlt` command line: dispatches to commands; user mistakes exit 2 with a message, never a stack trace. */
import { t } from '../domain/i18n';
import { UsageError } from './args';
import type { CliIo } from './io';
import { planCommand } from './plan-command';
import { trackerCommand } from './tracker-command';
import { formsCommand } from './forms-command';
import { validateCommand } from './validate-command';
import { consolidateCommand } from './consolidate-command';
import { PRODUCT_VERSION } from '../domain/version';

export { PRODUCT_VERSION as VERSION } from '../domain/version';

type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  plan: planCommand,
  tracker: trackerCommand,
  forms: formsCommand,
  validate: validateCommand,
  consolidate: consolidateCommand,
};

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(t(io.lang, 'cli.usage'));
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.out(PRODUCT_VERSION);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(t(io.lang, 'cli.unknownCommand', { command: name }));
    return await command(rest, io);
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
