/**
 * The pane's header: the plan's title, the as-of date and the agency, the link to the help (#help; "Back" while the
 * help is shown) and the language switch.
 */
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import { h } from './dom';
import { hashOf, MAIN } from './route';
import type { PaneState } from './state';
import { headerModel } from './view-model';

export interface PaneHeader {
  readonly el: HTMLElement;
  /** "Hướng dẫn" (#help), or "Quay lại" (#) while the help is shown. */
  readonly helpLink: HTMLAnchorElement;
  update(state: PaneState): void;
}

export function paneHeader(lang: Lang, pack: PlanPack, now: () => number, setLang: (lang: Lang) => void): PaneHeader {
  const asOfLine = h('p', { class: 'meta' });
  const agencyLine = h('p', { class: 'meta' });
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const langButton = h(
    'button',
    { type: 'button', class: 'btn subtle small', lang: other, 'aria-label': t(lang, 'pane.lang.switchLabel'), 'data-focus-key': 'lang' },
    t(lang, 'pane.lang.switch'),
  );
  langButton.addEventListener('click', () => setLang(other));
  const helpLink = h('a', { class: 'btn subtle small help-link', href: '#help', 'data-focus-key': 'help-link' });
  let linkFor: 'main' | 'help' | null = null;
  const el = h(
    'header',
    { class: 'header' },
    h('div', { class: 'header-top' }, h('h1', { class: 'title' }, pack.title), h('div', { class: 'header-tools' }, helpLink, langButton)),
    asOfLine,
    agencyLine,
  );
  return {
    el,
    helpLink,
    update(state) {
      const ready = state.env.kind === 'excel' && state.summary.kind === 'ready' ? state.summary.summary : null;
      const head = headerModel(pack, ready, now());
      asOfLine.textContent = head.asOf(lang);
      agencyLine.textContent = head.agency ? head.agency(lang) : '';
      agencyLine.hidden = head.agency === null;
      const view = state.route.view;
      if (view === linkFor) return;
      linkFor = view;
      const help = view === 'help';
      helpLink.textContent = t(lang, help ? 'pane.help.back' : 'pane.help.open');
      helpLink.setAttribute('aria-label', t(lang, help ? 'pane.help.backLabel' : 'pane.help.openLabel'));
      helpLink.setAttribute('href', help ? hashOf(MAIN) : hashOf({ view: 'help', topic: null }));
    },
  };
}
