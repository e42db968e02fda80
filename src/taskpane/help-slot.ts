/**
 * Where the help goes in the page. The help's texts and view are a chunk of their own (help-section.ts), loaded the
 * first time the help is shown; until then a spinner, and a message if it cannot be loaded (shown again, it retries).
 */
import { t, type Lang } from '../domain/i18n';
import type { HelpTopic } from '../domain/i18n/help-topics';
import { h } from './dom';
import type { HelpView } from './help-section';
import { noticeNode, spinner } from './ui';

export type HelpModule = typeof import('./help-section');

/** Loads the help chunk once (again after a failure); `peek` gives it at once when it is already loaded. */
export interface HelpLoader {
  load(): Promise<HelpModule>;
  peek(): HelpModule | null;
}

export function helpLoader(importer: () => Promise<HelpModule> = () => import(/* webpackChunkName: "help" */ './help-section')): HelpLoader {
  let loaded: HelpModule | null = null;
  let pending: Promise<HelpModule> | null = null;
  return {
    load() {
      pending ??= importer().then(
        (m) => (loaded = m),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
    peek: () => loaded,
  };
}

export interface HelpSlot {
  readonly el: HTMLElement;
  /** Shows the help at `topic`; `moveFocus` when the user just opened it (the focus goes to its heading). */
  show(topic: HelpTopic | null, moveFocus: boolean): void;
  hide(): void;
  /** The help was opened but not yet shown (its chunk is loading): the focus still has to go to it. */
  focusPending(): boolean;
}

export function helpSlot(lang: Lang, loader: HelpLoader): HelpSlot {
  const el = h('div', { class: 'pane-help', hidden: true });
  let view: HelpView | null = null;
  let wanted: { topic: HelpTopic | null; moveFocus: boolean } | null = null;
  let loading = false;

  const focus = () => {
    if (!view || !wanted || el.hidden) return;
    const heading = view.heading(wanted.topic);
    if (wanted.moveFocus) heading?.focus({ preventScroll: true });
    // A topic is scrolled to; the help as a whole opens at the top, the header (and its "Back") in sight.
    if (wanted.topic !== null) heading?.scrollIntoView?.({ block: 'start' });
    else if (wanted.moveFocus) window.scrollTo?.(0, 0);
    wanted = null;
  };
  const build = (m: HelpModule) => {
    view = m.helpView(lang);
    el.replaceChildren(view.el);
    focus();
  };
  const fill = () => {
    const ready = loader.peek();
    if (ready) return build(ready);
    if (loading) return;
    loading = true;
    el.replaceChildren(h('div', { class: 'card' }, spinner(t(lang, 'pane.loading'))));
    loader.load().then(
      (m) => {
        loading = false;
        build(m);
      },
      () => {
        loading = false;
        el.replaceChildren(noticeNode({ tone: 'error', lines: [(l) => t(l, 'pane.help.loadFailed')] }, lang));
      },
    );
  };

  return {
    el,
    show(topic, moveFocus) {
      el.hidden = false;
      wanted = { topic, moveFocus: moveFocus || (wanted?.moveFocus ?? false) };
      if (view) focus();
      else fill();
    },
    hide() {
      el.hidden = true;
      wanted = null;
    },
    focusPending: () => wanted?.moveFocus ?? false,
  };
}
