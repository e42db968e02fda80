/**
 * The page of the pane for one language and one place it runs: the header, then the views (or, outside Excel, a
 * banner saying why there are none) or the help, then the footer. In Excel: the first run's choice in a new workbook,
 * else the tab strip and one panel per tab (all built at once, shown one at a time), and the settings behind the gear.
 * Each view is a module of its own (views/); the cards of the report forms, the check and consolidation get their
 * content with the tools chunk (`attach`).
 */
import { t, type Lang } from '../domain/i18n';
import type { Controller } from './controller';
import { h } from './dom';
import { paneHeader, type PaneHeader } from './header';
import { helpSlot, type HelpLoader } from './help-slot';
import { type PaneView, type Route, TAB_VIEWS } from './route';
import type { PaneState, Section } from './state';
import { spinner } from './ui';
import type { PlainKey } from './view-model';
import { checkView } from './views/check-view';
import { consolidateView } from './views/consolidate-view';
import { documentsView } from './views/documents-view';
import { formsView } from './views/forms-view';
import { arrivalFocus, finishedElsewhere, type Place, shownParts } from './views/shell-model';
import { tabStrip } from './views/tabs';
import { trackerView } from './views/tracker-view';
import { type PaneTools, type ViewPart, type ViewSetup, lazyPart } from './views/view';

export type { PaneTools } from './views/view';

export interface View {
  readonly root: HTMLElement;
  update(state: PaneState): void;
  /** Fills the cards whose code comes with the tools chunk. */
  attach(tools: PaneTools): void;
  /** The tools chunk could not be loaded: said where its content would be. */
  toolsFailed(): void;
  /** Shows the views or the help; `moved` when the route just changed (the focus follows). */
  showRoute(route: Route, moved: boolean): void;
  /** The help was just opened and is still loading: a new view must still move the focus to it. */
  helpFocusPending(): boolean;
}

/** What the page shows besides the state. */
export interface PageSetup extends ViewSetup {
  readonly now: () => number;
  readonly version: string;
  readonly help: HelpLoader;
}

export function buildView(initial: PaneState, setup: PageSetup, c: Controller): View {
  const lang = initial.lang;
  const header = paneHeader(lang, setup.pack, setup.now, {
    setLang: (l) => c.setLang(l),
    toggleSettings: () => c.showView('settings'),
  });
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
  const body = initial.env.kind === 'excel' ? viewsPage(lang, main, header, setup, c) : envView(lang, initial.env, main, header);
  return { ...frame, ...body };
}

/** Outside Excel (or while Office starts): a banner saying where the pane runs, no views. */
function envView(lang: Lang, env: PaneState['env'], main: HTMLElement, header: PaneHeader): Pick<View, 'update' | 'attach' | 'toolsFailed'> {
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
    toolsFailed() {
      // Nothing waits for the tools outside Excel.
    },
  };
}

/** In Excel: the first run, or the tabs and their panels, and the settings. */
function viewsPage(lang: Lang, main: HTMLElement, header: PaneHeader, setup: PageSetup, c: Controller): Pick<View, 'update' | 'attach' | 'toolsFailed'> {
  const tabs = tabStrip(lang, (view) => c.showView(view));
  const parts: Record<PaneView, ViewPart> = {
    tracker: trackerView(lang, setup, c),
    forms: formsView(lang, setup, c),
    check: checkView(lang, c),
    consolidate: consolidateView(lang, c),
    documents: documentsView(lang, setup),
    // Behind the gear, and on the first load only its place: its code comes with the tools chunk.
    settings: lazyPart(lang, (tools) => tools.settingsView(lang, c)),
  };
  const panel = (view: PaneView): HTMLElement =>
    view === 'settings'
      ? h('div', { class: 'view', 'data-panel': view, hidden: true }, ...parts[view].nodes)
      : h('div', { class: 'view', 'data-panel': view, role: 'tabpanel', id: tabs.panelId(view), 'aria-labelledby': tabs.tabId(view), tabindex: 0, hidden: true }, ...parts[view].nodes);
  const panels = new Map<PaneView, HTMLElement>([...TAB_VIEWS, 'settings' as const].map((v) => [v, panel(v)]));
  const deciding = h('div', { class: 'card' }, spinner(t(lang, 'pane.reading')));
  // Built only in a workbook new to the add-in.
  const firstRun = lazyPart(lang, (tools) => tools.firstRunView(lang, setup.entries, c), (state) => shownParts(state).firstRun);
  const firstRunEl = h('div', { class: 'first-run' }, ...firstRun.nodes);
  main.append(deciding, firstRunEl, tabs.el, ...panels.values());
  // Work that ends in a view not shown is said here (its own status is hidden with its view).
  const announcer = h('div', { class: 'sr-only', role: 'status', 'data-announcer': '' });
  header.el.append(announcer);
  let wasBusy: Section | null = null;
  let shown: Place | null = null;

  const show = (state: PaneState) => {
    if (shown && shown.view === state.view && shown.start === state.start) return;
    const before = shown;
    shown = { view: state.view, start: state.start };
    const visible = shownParts(state);
    deciding.hidden = !visible.deciding;
    firstRunEl.hidden = !visible.firstRun;
    tabs.el.hidden = !visible.tabs;
    for (const [view, el] of panels) el.hidden = view !== visible.panel;
    const focused = document.activeElement;
    const key = arrivalFocus(before, shown, focused instanceof HTMLElement && focused.getAttribute('role') === 'tab');
    if (key) (main.parentElement?.querySelector(`[data-focus-key="${key}"]`) as HTMLElement | null)?.focus();
  };

  return {
    update(state) {
      header.update(state);
      firstRun.update(state);
      for (const part of Object.values(parts)) part.update(state);
      show(state);
      tabs.update(state);
      const ended = finishedElsewhere(wasBusy, state);
      wasBusy = state.busy?.section ?? null;
      if (ended) announcer.textContent = state.notices[ended]?.lines.map((line) => line(lang)).join(' ') ?? '';
    },
    attach(tools) {
      for (const part of [...Object.values(parts), firstRun]) part.attach?.(tools);
    },
    toolsFailed() {
      for (const part of [...Object.values(parts), firstRun]) part.failed?.();
    },
  };
}
