/** Runs the vtlt command in-process with a fixed clock, capturing what it prints. */
import type { Lang } from '../../src/domain/i18n';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: readonly string[], options: { readonly now: number; readonly lang?: Lang }): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { lang: options.lang ?? 'vi', out: (t) => out.push(t), err: (t) => err.push(t), now: () => options.now };
  const code = await run([...argv], io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
