import type { Lang } from '../domain/i18n';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly lang: Lang;
  out(text: string): void;
  err(text: string): void;
  now(): number;
  readonly columns?: number;
  /**
   * The script of the threads `vtlt consolidate` reads files with; by default lib/consolidate-worker.cjs beside the
   * command (tests give a stand-in). null: no threads.
   */
  readonly workerScript?: string | null;
}
