/**
 * The tab strip (WAI-ARIA tabs pattern, Fluent 2 look): one `role="tab"` button per view, `data-view="<id>"`,
 * aria-selected and aria-controls, one tab in the tab order (roving tabindex), Left/Right/Home/End move the focus and
 * show that tab's view at once (the views are already built, nothing waits). Narrow panes show the short labels and
 * scroll the strip sideways rather than break it.
 */
import { t, type Lang } from '../../domain/i18n';
import { h, uid } from '../dom';
import type { TabView } from '../route';
import type { PaneState } from '../state';
import { busyView, tabKeyTarget, tabModels } from './tabs-model';

export interface TabStrip {
  readonly el: HTMLElement;
  /** The id of the tab of `view` (its panel's aria-labelledby). */
  tabId(view: TabView): string;
  /** The id the panel of `view` must have (the tab's aria-controls). */
  panelId(view: TabView): string;
  update(state: PaneState): void;
}

export function tabStrip(lang: Lang, choose: (view: TabView) => void): TabStrip {
  const models = tabModels(lang);
  const ids = new Map(models.map((m) => [m.view, { tab: uid(`tab-${m.view}`), panel: uid(`panel-${m.view}`) }]));
  const tabs = models.map((m) => {
    const id = ids.get(m.view)!;
    const tab = h(
      'button',
      {
        type: 'button', role: 'tab', id: id.tab, class: 'tab', 'data-view': m.view, 'aria-controls': id.panel,
        'aria-selected': 'false', tabindex: -1, 'aria-label': m.label, 'data-focus-key': `tab-${m.view}`,
      },
      h('span', { class: 'tab-label long', 'data-text': m.label }, m.label),
      h('span', { class: 'tab-label short', 'data-text': m.short }, m.short),
      h('span', { class: 'tab-busy', 'aria-hidden': 'true' }),
    );
    tab.addEventListener('click', () => choose(m.view));
    return tab;
  });
  const el = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t(lang, 'pane.tab.listLabel') }, tabs);
  el.addEventListener('keydown', (e) => {
    const index = tabs.indexOf(e.target as HTMLButtonElement);
    if (index < 0) return;
    const next = tabKeyTarget(e.key, index, tabs.length);
    if (next === null) return;
    e.preventDefault();
    tabs[next]!.focus();
    choose(models[next]!.view);
  });
  let shown = '';
  return {
    el,
    tabId: (view) => ids.get(view)!.tab,
    panelId: (view) => ids.get(view)!.panel,
    update(state) {
      const busy = busyView(state);
      // Redrawn when the view, the busy one or the strip's visibility changed.
      const marker = `${state.view}|${el.hidden}|${busy ?? ''}`;
      if (marker === shown) return;
      const moved = !shown.startsWith(`${state.view}|${el.hidden}|`);
      shown = marker;
      tabs.forEach((tab, i) => {
        const view = models[i]!.view;
        const selected = view === state.view;
        tab.setAttribute('aria-selected', selected ? 'true' : 'false');
        // One tab in the tab order: the selected one, or the first while the settings are shown.
        tab.tabIndex = selected || (state.view === 'settings' && view === state.tab) ? 0 : -1;
        tab.toggleAttribute('data-busy', busy === view);
        // The selected tab in sight, in a narrow pane whose strip scrolls sideways (?view=documents at 320 px).
        if (selected && moved && !el.hidden) tab.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      });
    },
  };
}
