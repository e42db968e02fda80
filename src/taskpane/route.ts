/**
 * What the page's address asks to show: the pane, or its help (taskpane.html#help, where the manifest's SupportUrl and
 * LearnMoreUrl point; #help-<topic> opens the help at one topic, e.g. #help-check). Pure.
 */
import { HELP_TOPICS, type HelpTopic } from '../domain/i18n/help-topics';

export type Route = { readonly view: 'main' } | { readonly view: 'help'; readonly topic: HelpTopic | null };

export const MAIN: Route = { view: 'main' };

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
