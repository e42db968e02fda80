/**
 * The tab strip's view-model: each tab's label (in full, and the short one shown when the pane is narrow — always a
 * part of the full one, which stays the tab's accessible name), and where the arrow keys move (WAI-ARIA tabs pattern:
 * Left/Right to the previous/next tab, wrapping; Home/End to the first/last). Pure.
 */
import { t, type Lang } from '../../domain/i18n';
import { TAB_VIEWS, type TabView } from '../route';
import { SECTION_VIEW, type PaneState } from '../state';
import type { PlainKey } from '../view-model';

export interface TabModel {
  readonly view: TabView;
  readonly label: string;
  readonly short: string;
}

const KEYS: Readonly<Record<TabView, readonly [PlainKey, PlainKey]>> = {
  tracker: ['pane.tab.tracker', 'pane.tab.trackerShort'],
  forms: ['pane.tab.forms', 'pane.tab.formsShort'],
  check: ['pane.tab.check', 'pane.tab.checkShort'],
  consolidate: ['pane.tab.consolidate', 'pane.tab.consolidateShort'],
  documents: ['pane.tab.documents', 'pane.tab.documentsShort'],
};

export function tabModels(lang: Lang): TabModel[] {
  return TAB_VIEWS.map((view) => ({ view, label: t(lang, KEYS[view][0]), short: t(lang, KEYS[view][1]) }));
}

/** The tab a key moves to from tab `index` of `count`; null for a key the tab strip does not handle. */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The view whose work is running (its tab shows it), or null. */
export function busyView(state: PaneState): PaneState['view'] | null {
  return state.busy ? SECTION_VIEW[state.busy.section] : null;
}
