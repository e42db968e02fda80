/**
 * What the help view shows, as plain data: for each topic its heading, what it does, the usual steps, and each message
 * it explains — quoted from the pane's own catalog (with example values in place of the file, count or date it names)
 * next to what it means. Pure; part of the help chunk.
 */
import { addMessages, catalog, t, type Catalog, type Lang, type MessageKey } from '../domain/i18n';
import { documentsVi } from '../domain/i18n/documents-vi';
import { helpEn } from '../domain/i18n/help-en';
import { HELP_TOPICS, type HelpTopic } from '../domain/i18n/help-topics';
import { helpVi, type HelpCatalog } from '../domain/i18n/help-vi';

// The help quotes the documents view's messages, which the pane loads only with that view: it brings them.
addMessages('vi', documentsVi);

type ParamsOf<K extends MessageKey> = Catalog[K] extends (p: infer P) => string ? P : never;
type Samples = { readonly [K in MessageKey]?: (lang: Lang) => ParamsOf<K> };

/** Example values for the messages that name something; the help shows the message as the user would see it. */
export const SAMPLES: Samples = {
  'pane.insert.orphans': () => ({ count: 2 }),
  'pane.insert.skipped': (l) => ({ features: t(l, 'pane.feature.dataValidation') }),
  'pane.due.overdue': () => ({ days: 5 }),
  'pane.due.due-soon': () => ({ days: 3 }),
  'pane.summary.milestone': () => ({ date: '31/12/2026', days: 3 }),
  'pane.forms.yearInvalid': () => ({ value: '25', max: 2026 }),
  'pane.forms.packInvalid': () => ({ file: 'bieu-mau.json' }),
  'pane.forms.kept': () => ({ count: 12 }),
  'pane.forms.unplaced': () => ({ count: 2 }),
  'pane.check.missingForms': () => ({ count: 2, total: 13, codes: '0805, 0806' }),
  'pane.highlight.skipped': () => ({ count: 1 }),
  'pane.consolidate.rejected': () => ({ count: 1 }),
  'pane.consolidate.replaced': () => ({ count: 1 }),
  'pane.consolidate.conflicts': () => ({ count: 1 }),
  'pane.consolidate.datedBySave': () => ({ count: 3 }),
  'pane.consolidate.missing': () => ({ count: 4 }),
  'pane.consolidate.late': () => ({ count: 2 }),
  'pane.settings.asOfInvalid': () => ({ value: '31/02/2026' }),
  'pane.settings.windowInvalid': () => ({ value: '-1' }),
  'pane.settings.unknownAgency': () => ({ name: 'Sở Nội vụ', code: 'SNV' }),
};

const HELP: Readonly<Record<Lang, HelpCatalog>> = { vi: helpVi, en: helpEn };

/** The headings of the topics that are sections of the pane: the sections' own. */
const SECTION_HEADINGS: Readonly<Partial<Record<HelpTopic, MessageKey>>> = {
  insert: 'pane.insert.heading',
  summary: 'pane.summary.heading',
  forms: 'pane.forms.heading',
  check: 'pane.check.heading',
  documents: 'pane.documents.heading',
  settings: 'pane.settings.heading',
};

export interface HelpMessage {
  readonly key: MessageKey;
  /** The message as the pane shows it. */
  readonly text: string;
  readonly meaning: string;
}

export interface HelpTopicModel {
  readonly topic: HelpTopic;
  readonly title: string;
  readonly what: string;
  readonly steps: readonly string[];
  readonly messages: readonly HelpMessage[];
}

export interface HelpModel {
  readonly title: string;
  readonly intro: string;
  readonly contents: string;
  readonly stepsHeading: string;
  readonly messagesHeading: string;
  readonly topics: readonly HelpTopicModel[];
}

/** A message of the pane's catalog in `lang`, with example values when it takes any. */
export function quoteMessage(lang: Lang, key: MessageKey): string {
  const message: unknown = catalog(lang)[key];
  if (typeof message !== 'function') return String(message);
  const sample = SAMPLES[key] as ((l: Lang) => unknown) | undefined;
  return (message as (p: unknown) => string)(sample ? sample(lang) : {});
}

function topicModel(lang: Lang, topic: HelpTopic): HelpTopicModel {
  const text = HELP[lang].topics[topic];
  const heading = SECTION_HEADINGS[topic];
  const title = text.title ?? (heading ? quoteMessage(lang, heading) : topic);
  const meanings = Object.entries(text.messages) as [MessageKey, string][];
  return {
    topic,
    title,
    what: text.what,
    steps: text.steps,
    messages: meanings.map(([key, meaning]) => ({ key, text: quoteMessage(lang, key), meaning })),
  };
}

export function helpModel(lang: Lang): HelpModel {
  const help = HELP[lang];
  return {
    title: help.title,
    intro: help.intro,
    contents: help.contents,
    stepsHeading: help.steps,
    messagesHeading: help.messages,
    topics: HELP_TOPICS.map((topic) => topicModel(lang, topic)),
  };
}
