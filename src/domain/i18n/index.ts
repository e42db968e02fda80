import { en } from './en';
import { vi, type Catalog, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export type { Catalog, MessageKey };

const CATALOGS: Readonly<Record<Lang, Catalog>> = { vi, en };

export function catalog(lang: Lang): Catalog {
  return CATALOGS[lang];
}

type ParamsOf<K extends MessageKey> = Catalog[K] extends (p: infer P) => string ? [P] : [];

/** The message `key` in `lang`, with its parameters when it takes any. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsOf<K>): string {
  const m: unknown = CATALOGS[lang][key];
  return typeof m === 'function' ? (m as (p: unknown) => string)(params[0]) : String(m);
}

import type { Issue } from '../validation/issue';

/** The message of a validation finding, in `lang`. */
export function issueMessage(lang: Lang, i: Issue): string {
  const text = CATALOGS[lang][`issue.${i.rule}`](i.params);
  // Messages that start with an optional "Nhiệm vụ …:" prefix begin in lower case when it is absent.
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
