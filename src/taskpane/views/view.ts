/** What every view of the pane is to the shell: its content, how it shows a state, and the cards the tools chunk fills. */
import { t, type Lang } from '../../domain/i18n';
import { h } from '../dom';
import type { PlanPack } from '../../domain/plan-pack';
import type { RosterEntry } from '../../domain/roster';
import type { DocumentsHost } from '../documents-card';
import type { PaneState, Section } from '../state';
import { type Card, noticeNode, sectionHelpLink, spinner } from '../ui';

/** The tools loaded after the pane is shown (tools.ts and the views' lazy parts, views/lazy.ts: one chunk of their own). */
export type PaneTools = typeof import('../tools') & typeof import('./lazy');

export interface ViewPart {
  /** The view's cards, in order. */
  readonly nodes: readonly HTMLElement[];
  update(state: PaneState): void;
  /** Fills what comes with the tools chunk (absent: nothing does). */
  attach?(tools: PaneTools): void;
  /** The tools chunk could not be loaded: said where its content would be (a later load still fills it). */
  failed?(): void;
}

/** What stands where a view's code is to come: a spinner, or the failure to load it. */
export function awaitingTools(lang: Lang): { readonly node: HTMLElement; failed(): void } {
  const node = h('div', { class: 'awaiting' }, spinner(t(lang, 'pane.loading')));
  return {
    node,
    failed: () => node.replaceChildren(noticeNode({ tone: 'error', lines: [(l) => t(l, 'pane.error.loadFailed')] }, lang)),
  };
}

/** What the views show besides the state. */
export interface ViewSetup {
  readonly pack: PlanPack;
  /** The file the plan came from; null for the bundled plan. */
  readonly planFile: string | null;
  readonly entries: readonly RosterEntry[];
  /** The documents view's needs ("Soạn văn bản"). */
  readonly documents: DocumentsHost;
}

/**
 * A view built when the tools chunk is here (a spinner until then), and only once `wanted` (e.g. the first run, only
 * in a workbook new to the add-in).
 */
export function lazyPart(lang: Lang, make: (tools: PaneTools) => ViewPart, wanted: (state: PaneState) => boolean = () => true): ViewPart {
  const awaiting = awaitingTools(lang);
  const slot = h('div', { class: 'view' }, awaiting.node);
  let part: ViewPart | null = null;
  let tools: PaneTools | null = null;
  let last: PaneState | null = null;
  const build = () => {
    if (part || !tools || !last || !wanted(last)) return;
    part = make(tools);
    slot.replaceChildren(...part.nodes);
  };
  return {
    nodes: [slot],
    update(state) {
      last = state;
      build();
      part?.update(state);
    },
    attach(loaded) {
      tools = loaded;
      build();
      if (part && last) part.update(last);
    },
    failed: awaiting.failed,
  };
}

/** Adds the "?" to the help at a card's section to its heading. */
export function withHelpLink(lang: Lang, card: Card, key: Section): Card {
  card.head.append(sectionHelpLink(lang, key, card.head.querySelector('h2')?.textContent ?? ''));
  return card;
}

/** Shows a section's busy line and notice in its card's status area (and aria-busy on the card), redrawn on change. */
export function statusOf(lang: Lang, card: Card, key: Section): (state: PaneState) => void {
  let shown: string | null = null;
  return (state) => {
    const isBusy = state.busy?.section === key;
    card.el.setAttribute('aria-busy', isBusy ? 'true' : 'false');
    const notice = state.notices[key];
    const busyText = isBusy && state.busy ? state.busy.text(lang) : '';
    const marker = `${busyText}|${notice ? notice.lines.map((l) => l(lang)).join('\n') : ''}`;
    if (shown === marker) return;
    shown = marker;
    card.status.replaceChildren(...(busyText ? [spinner(busyText)] : []), ...(notice ? [noticeNode(notice, lang)] : []));
  };
}
