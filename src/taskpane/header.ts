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
  /** "Hướng dẫn" (#help), or "Quay lại" (#) while the help is shown. */
  readonly helpLink: HTMLAnchorElement;
  update(state: PaneState): void;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An outlined gear (eight teeth around a hub), in the text colour. */
function gearIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const attrs = (el: Element, values: Record<string, string>) => Object.entries(values).forEach(([k, v]) => el.setAttribute(k, v));
  attrs(svg, { viewBox: '0 0 20 20', 'aria-hidden': 'true', class: 'icon', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.4', 'stroke-linejoin': 'round' });
  const points: string[] = [];
  for (let i = 0; i < 8; i++) {
    for (const [turn, r] of [[-0.4, 6.4], [-0.2, 8.8], [0.2, 8.8], [0.4, 6.4]] as const) {
      const angle = (i * Math.PI) / 4 + turn;
      points.push(`${(10 + r * Math.sin(angle)).toFixed(1)},${(10 - r * Math.cos(angle)).toFixed(1)}`);
    }
  }
  const rim = document.createElementNS(SVG, 'polygon');
  attrs(rim, { points: points.join(' ') });
  const hub = document.createElementNS(SVG, 'circle');
  attrs(hub, { cx: '10', cy: '10', r: '2.6' });
  svg.append(rim, hub);
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
