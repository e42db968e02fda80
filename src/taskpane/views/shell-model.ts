/**
 * The shell's view-model: which parts of the page show for a state (the start-up spinner, the first run, the tab strip,
 * one panel), where the focus goes when the pane moves to another view by a button other than its tab, and what work
 * ended out of sight. Pure.
 */
import type { PaneView, TabView } from '../route';
import { type PaneState, type Section, SECTION_VIEW } from '../state';

export interface ShownParts {
  /** The start-up read has not told yet whether to offer the first run. */
  readonly deciding: boolean;
  readonly firstRun: boolean;
  readonly tabs: boolean;
  /** The view whose panel shows; null while the first run (or the start-up) shows instead. */
  readonly panel: PaneView | null;
}

export function shownParts(state: Pick<PaneState, 'view' | 'start'>): ShownParts {
  const inViews = state.start === 'views';
  return {
    deciding: state.start === 'deciding',
    firstRun: state.start === 'choose' || state.start === 'agency',
    tabs: inViews && state.view !== 'settings',
    panel: inViews ? state.view : null,
  };
}

export type Place = Pick<PaneState, 'view' | 'start'>;

/**
 * The focus key (data-focus-key) to move the focus to after the pane moved from `before` to `now`; null: it stays.
 * A tab keeps the focus on itself (`onTab`); the pane opening (or leaving its start-up read) leaves it alone; the
 * first run's steps go to where their work starts; the settings to their way back, and back from them to the gear;
 * any other arrival (the first run's choice, "Bỏ qua") to the tab of the view shown.
 */
export function arrivalFocus(before: Place | null, now: Place, onTab: boolean): string | null {
  if (before === null || before.start === 'deciding') return null;
  if (before.view === now.view && before.start === now.start) return null;
  if (now.start === 'agency') return before.start === 'agency' ? null : 'setup-agency';
  if (now.start === 'choose') return before.start === 'agency' ? 'start-agency' : null;
  if (now.start !== 'views' || onTab) return null;
  if (now.view === 'settings') return 'settings-back';
  if (before.view === 'settings' && before.start === 'views') return 'gear';
  return `tab-${now.view as TabView}`;
}

/**
 * The section whose work just ended (it was busy, now nothing is) while its view is not the one shown, and that left a
 * notice: the shell says it aloud (a live region of the page), as its own status, hidden with its view, cannot.
 */
export function finishedElsewhere(wasBusy: Section | null, state: PaneState): Section | null {
  if (wasBusy === null || state.busy !== null || state.notices[wasBusy] === null) return null;
  const shown = state.route.view === 'main' && state.start === 'views' && state.view === SECTION_VIEW[wasBusy];
  return shown ? null : wasBusy;
}
