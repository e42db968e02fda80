/**
 * The message catalogs, by language. Vietnamese (the reference) is always here; other languages are loaded when
 * asked: the task pane loads English only when the user or Office chooses it (loadCatalog, a chunk of its own), the
 * command line and the tests load every catalog at once (all.ts, useAllCatalogs).
 */
import { vi, type Catalog, type CoreCatalog, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export type { Catalog, CoreCatalog, MessageKey };

const CATALOGS: { [L in Lang]?: Partial<Catalog> } = { vi };

/** Adds messages to a language's catalog (a whole catalog, or the command line's own lines). */
export function addMessages(lang: Lang, messages: Partial<Catalog>): void {
  CATALOGS[lang] = { ...CATALOGS[lang], ...messages };
}

/** Whether `lang`'s catalog is here (Vietnamese always is). */
export function hasCatalog(lang: Lang): boolean {
  return CATALOGS[lang] !== undefined;
}

/** Loads `lang`'s catalog when it is not here yet (English: one small chunk in the task pane). */
export async function loadCatalog(lang: Lang): Promise<void> {
  if (hasCatalog(lang)) return;
  const { en } = await import(/* webpackChunkName: "lang-en" */ './en');
  addMessages('en', en);
}

/**
 * The catalog of `lang`; until it is loaded, the Vietnamese one (users read Vietnamese first). Messages a host never
 * loads (the command line's lines in the pane) are absent at run time.
 */
export function catalog(lang: Lang): Catalog {
  return (CATALOGS[lang] ?? vi) as Catalog;
}

type ParamsOf<K extends MessageKey> = Catalog[K] extends (p: infer P) => string ? [P] : [];

/** The message `key` in `lang`, with its parameters when it takes any. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsOf<K>): string {
  const m: unknown = catalog(lang)[key];
  if (m === undefined) return key;
  return typeof m === 'function' ? (m as (p: unknown) => string)(params[0]) : String(m);
}

import type { Issue } from '../validation/issue';

/** The message of a validation finding, in `lang`. */
export function issueMessage(lang: Lang, i: Issue): string {
  const text = catalog(lang)[`issue.${i.rule}`](i.params);
  // Messages that start with an optional "Nhiệm vụ …:" prefix begin in lower case when it is absent.
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
