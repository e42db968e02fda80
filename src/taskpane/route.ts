/**
 * What the page's address asks to show. The pane is organised by task in views: the tabs (`TAB_VIEWS`) and the settings
 * behind the gear; taskpane.html?view=<id> opens the pane on a view (the ribbon's buttons use it), ?view=help its help.
 * The help has its own addresses, taskpane.html#help (where the manifest's SupportUrl and LearnMoreUrl point) and
 * #help-<topic> (e.g. #help-check), and shows over any view. Pure.
 */
import { HELP_TOPICS, type HelpTopic } from '../domain/i18n/help-topics';

/** The tabs, in their order: the tracker first (the status summary on top), Sở Nội vụ's consolidation later. */
export const TAB_VIEWS = ['tracker', 'forms', 'check', 'consolidate', 'documents'] as const;
export type TabView = (typeof TAB_VIEWS)[number];
/** Every view of the pane: the tabs, and the settings behind the gear in the header. */
export type PaneView = TabView | 'settings';

export type Route = { readonly view: 'main' } | { readonly view: 'help'; readonly topic: HelpTopic | null };

export const MAIN: Route = { view: 'main' };

export function isTabView(value: unknown): value is TabView {
  return (TAB_VIEWS as readonly unknown[]).includes(value);
}

export function isPaneView(value: unknown): value is PaneView {
  return value === 'settings' || isTabView(value);
}

/** The view ?view=<id> asks for (ids compare without regard to case); 'help' for ?view=help; null for none or unknown. */
export function viewFromSearch(search: string): PaneView | 'help' | null {
  let asked: string | null;
  try {
    asked = new URLSearchParams(search).get('view');
  } catch {
    return null;
  }
  const id = asked?.trim().toLowerCase() ?? '';
  if (id === 'help') return 'help';
  return isPaneView(id) ? id : null;
}

export function routeFromHash(hash: string): Route {
  const m = /^#help(?:-([a-z]+))?\/?$/i.exec(hash.trim());
  if (!m) return MAIN;
  const topic = (HELP_TOPICS as readonly string[]).find((t) => t === m[1]?.toLowerCase()) as HelpTopic | undefined;
  return { view: 'help', topic: topic ?? null };
}

export function hashOf(route: Route): string {
  if (route.view === 'main') return '#';
  return route.topic === null ? '#help' : `#help-${route.topic}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.view === b.view && (a.view === 'main' || (b.view === 'help' && a.topic === b.topic));
}
