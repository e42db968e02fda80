/**
 * The page of the pane for one language and one place it runs: the header, then the sections (or, outside Excel, a
 * banner saying why there are none) or the help, then the footer. Each section is a module of its own; the cards of
 * the report forms, the check and consolidation get their content with the tools chunk (`attach`).
 */
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { RosterEntry } from '../domain/roster';
import type { Controller } from './controller';
import { documentsCard, type DocumentsHost } from './documents-card';
import { h } from './dom';
import { paneHeader, type PaneHeader } from './header';
import { helpSlot, type HelpLoader } from './help-slot';
import { insertSection } from './insert-section';
import type { Route } from './route';
import { settingsSection } from './settings-section';
import { type PaneState, type Section, SECTIONS } from './state';
import { summarySection } from './summary-section';
import { type Card, card, noticeNode, sectionHelpLink, spinner, type SectionBody } from './ui';
import type { PlainKey } from './view-model';

/** The tools loaded after the pane is shown (tools.ts, a chunk of its own). */
export type PaneTools = typeof import('./tools');

export interface View {
  readonly root: HTMLElement;
  update(state: PaneState): void;
  /** Fills the cards whose code comes with the tools chunk. */
  attach(tools: PaneTools): void;
  /** Shows the sections or the help; `moved` when the route just changed (the focus follows). */
  showRoute(route: Route, moved: boolean): void;
  /** The help was just opened and is still loading: a new view must still move the focus to it. */
  helpFocusPending(): boolean;
}

/** What the page shows besides the state. */
export interface ViewSetup {
  readonly pack: PlanPack;
  /** The file the plan came from; null for the bundled plan. */
  readonly planFile: string | null;
  readonly entries: readonly RosterEntry[];
  readonly now: () => number;
  readonly version: string;
  readonly help: HelpLoader;
  /** The documents view's needs ("Soạn văn bản"). */
  readonly documents: DocumentsHost;
}

export function buildView(initial: PaneState, setup: ViewSetup, c: Controller): View {
  const lang = initial.lang;
  const header = paneHeader(lang, setup.pack, setup.now, (l) => c.setLang(l));
  const footer = h('footer', { class: 'footer' }, t(lang, 'pane.footer', { version: setup.version }));
  const main = h('div', { class: 'pane-main' });
  const help = helpSlot(lang, setup.help);
  const root = h('div', { class: 'pane' }, header.el, main, help.el, footer);
  const frame = {
    root,
    showRoute(route: Route, moved: boolean) {
      main.hidden = route.view === 'help';
      if (route.view === 'help') help.show(route.topic, moved);
      else {
        help.hide();
        if (moved) header.helpLink.focus();
      }
    },
    helpFocusPending: help.focusPending,
  };
  const body = initial.env.kind === 'excel' ? sectionsView(lang, main, header, setup, c) : envView(lang, initial.env, main, header);
  return { ...frame, ...body };
}

/** Outside Excel (or while Office starts): a banner saying where the pane runs, no sections. */
function envView(lang: Lang, env: PaneState['env'], main: HTMLElement, header: PaneHeader): Pick<View, 'update' | 'attach'> {
  const say = (key: PlainKey) => t(lang, key);
  const [title, text] =
    env.kind === 'no-office'
      ? [say('pane.env.noOffice.title'), say('pane.env.noOffice.body')]
      : env.kind === 'other-host'
        ? [say('pane.env.outside.title'), t(lang, 'pane.env.otherHost.body', { host: env.host })]
        : env.kind === 'outside'
          ? [say('pane.env.outside.title'), say('pane.env.outside.body')]
          : [null, null];
  if (title === null) main.append(h('div', { class: 'card' }, spinner(say('pane.loading'))));
  else main.append(h('div', { class: 'card banner', role: 'status' }, h('h2', {}, title), h('p', {}, text)));
  return {
    update: (state) => header.update(state),
    attach() {
      // Nothing to fill outside Excel.
    },
  };
}

interface LazyCard extends Card {
  readonly slot: HTMLElement;
  readonly after: HTMLElement;
}

/** A card whose content comes with the tools chunk: heading and introduction now, a spinner until then. */
function lazyCard(lang: Lang, key: 'forms' | 'check' | 'consolidate', title: PlainKey, intro: PlainKey): LazyCard {
  const slot = h('div', { class: 'section-body' }, spinner(t(lang, 'pane.loading')));
  const after = h('div', { class: 'section-body after' });
  const made = card(key, t(lang, title), null, h('p', { class: 'intro' }, t(lang, intro)), slot);
  made.el.append(after);
  return { ...made, slot, after };
}

/** In Excel: the six sections, their busy lines and notices. */
function sectionsView(lang: Lang, main: HTMLElement, header: PaneHeader, setup: ViewSetup, c: Controller): Pick<View, 'update' | 'attach'> {
  const insert = insertSection(lang, setup.entries, c);
  const summary = summarySection(lang, c);
  const settings = settingsSection(lang, c);
  const forms = lazyCard(lang, 'forms', 'pane.forms.heading', 'pane.forms.intro');
  const check = lazyCard(lang, 'check', 'pane.check.heading', 'pane.check.intro');
  const consolidation = lazyCard(lang, 'consolidate', 'pane.consolidate.heading', 'pane.consolidate.intro');
  const cards: Record<Section, Card> = {
    insert: insert.card, summary: summary.card, forms, check, consolidate: consolidation, settings: settings.card,
  };
  for (const key of SECTIONS) cards[key].head.append(sectionHelpLink(lang, key, cards[key].head.querySelector('h2')?.textContent ?? ''));
  main.append(...SECTIONS.map((key) => cards[key].el));
  // "Soạn văn bản" after consolidation: it drafts from the workbook that consolidation writes.
  const documents = documentsCard(lang, setup.documents);
  cards.settings.el.before(documents.el);
  let bodies: SectionBody[] = [];

  const showStatus = (state: PaneState, key: Section) => {
    const { el, status } = cards[key];
    const isBusy = state.busy?.section === key;
    el.setAttribute('aria-busy', isBusy ? 'true' : 'false');
    const notice = state.notices[key];
    const marker = `${isBusy && state.busy ? state.busy.text(lang) : ''}|${notice ? notice.lines.map((l) => l(lang)).join('\n') : ''}`;
    if (status.dataset['shown'] === marker) return;
    status.dataset['shown'] = marker;
    status.replaceChildren(...(isBusy && state.busy ? [spinner(state.busy.text(lang))] : []), ...(notice ? [noticeNode(notice, lang)] : []));
  };

  return {
    update(state) {
      header.update(state);
      insert.update(state);
      summary.update(state);
      settings.update(state);
      for (const key of SECTIONS) showStatus(state, key);
      for (const body of bodies) body.update(state);
      documents.update(state);
    },
    attach(tools) {
      if (bodies.length > 0) return;
      const made: [LazyCard, SectionBody][] = [
        [forms, tools.formsSection(lang, setup.entries, c)],
        [check, tools.checkSection(lang, c)],
        [consolidation, tools.consolidateSection(lang, c)],
      ];
      for (const [target, body] of made) {
        target.slot.replaceChildren(...body.nodes);
        target.after.replaceChildren(...body.after);
      }
      const plan = tools.planSection(lang, { pack: setup.pack, file: setup.planFile }, c);
      insert.planSlot?.replaceChildren(...plan.nodes);
      bodies = [...made.map(([, body]) => body), plan];
    },
  };
}
