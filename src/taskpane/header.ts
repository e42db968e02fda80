/**
 * The pane's header: the plan's title, the as-of date and the agency, the gear that opens the settings (pressed while
 * they are shown; pressed again, back to the tab), the link to the help (#help; "Back" while the help is shown) and the
 * language switch.
 */
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import { h } from './dom';
import { hashOf, MAIN } from './route';
import type { PaneState } from './state';
import { headerModel } from './view-model';

export interface PaneHeader {
  readonly el: HTMLElement;
  /** The gear: opens the settings. */
  readonly gear: HTMLButtonElement;
  /** "Hướng dẫn" (#help), or "Quay lại" (#) while the help is shown. */
  readonly helpLink: HTMLAnchorElement;
  update(state: PaneState): void;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A gear drawn with two circles (its teeth are a dashed stroke), in the text colour. */
function gearIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  for (const [r, width, dash] of [['7', '3', '2.6 2.9'], ['4', '1.6', '']] as const) {
    const circle = document.createElementNS(SVG, 'circle');
    for (const [k, v] of [['cx', '10'], ['cy', '10'], ['r', r], ['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', width]]) circle.setAttribute(k!, v!);
    if (dash) circle.setAttribute('stroke-dasharray', dash);
    svg.append(circle);
  }
  return svg;
}

export interface HeaderActions {
  setLang(lang: Lang): void;
  /** The gear: the settings, or back to the tab when they are shown. */
  toggleSettings(): void;
}

export function paneHeader(lang: Lang, pack: PlanPack, now: () => number, actions: HeaderActions): PaneHeader {
  const asOfLine = h('p', { class: 'meta' });
  const agencyLine = h('p', { class: 'meta' });
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const langButton = h(
    'button',
    { type: 'button', class: 'btn subtle small', lang: other, 'aria-label': t(lang, 'pane.lang.switchLabel'), 'data-focus-key': 'lang' },
    t(lang, 'pane.lang.switch'),
  );
  langButton.addEventListener('click', () => actions.setLang(other));
  const gear = h('button', {
    type: 'button', class: 'btn subtle small gear', 'aria-label': t(lang, 'pane.view.settings'), title: t(lang, 'pane.view.settings'),
    'aria-pressed': 'false', 'data-focus-key': 'gear', hidden: true,
  });
  gear.append(gearIcon());
  gear.addEventListener('click', () => actions.toggleSettings());
  const helpLink = h('a', { class: 'btn subtle small help-link', href: '#help', 'data-focus-key': 'help-link' });
  let linkFor: 'main' | 'help' | null = null;
  const el = h(
    'header',
    { class: 'header' },
    h('div', { class: 'header-top' }, h('h1', { class: 'title' }, pack.title), h('div', { class: 'header-tools' }, gear, helpLink, langButton)),
    asOfLine,
    agencyLine,
  );
  return {
    el,
    gear,
    helpLink,
    update(state) {
      // The settings are a view of the pane in Excel; not offered during the first run or over the help.
      gear.hidden = state.env.kind !== 'excel' || state.start !== 'views' || state.route.view === 'help';
      gear.setAttribute('aria-pressed', state.view === 'settings' ? 'true' : 'false');
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
