import type { Lang } from '../domain/i18n';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly lang: Lang;
  out(text: string): void;
  err(text: string): void;
  now(): number;
  readonly columns?: number;
}
