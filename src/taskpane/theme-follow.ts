/**
 * Keeping the pane in Office's theme. Excel has no theme-change event for add-ins (OfficeThemeChanged is Outlook's,
 * see office-env.ts), so the pane reads Office.context.officeTheme at start-up and again whenever it is shown or
 * focused again: a user who changes the theme (File › Account › Office Theme) comes back to the pane through one of
 * these, and sees it follow.
 */
import { type OfficeThemeColours, type PaneTheme, themeFromOffice } from './theme';

/** Where the pane hears that it is shown or focused again: the window and the document (in the page: both real). */
export interface FocusEvents {
  readonly win: Pick<EventTarget, 'addEventListener'>;
  readonly doc: Pick<EventTarget, 'addEventListener'> & { readonly visibilityState: DocumentVisibilityState };
}

/** Calls `callback` when the pane's window gets the focus back or its page becomes visible again. */
export function whenPaneRegainsFocus(events: FocusEvents, callback: () => void): void {
  events.win.addEventListener('focus', () => callback());
  events.doc.addEventListener('visibilitychange', () => {
    if (events.doc.visibilityState === 'visible') callback();
  });
}

/**
 * Applies the theme Office reports now, and again each time the pane regains focus, when it changed. `read` is
 * office-env's officeTheme(); `apply` puts a theme on the page (applyPaneTheme).
 */
export function followOfficeTheme(read: () => OfficeThemeColours | null, apply: (theme: PaneTheme) => void, events: FocusEvents): void {
  let shown: string | null = null;
  const update = () => {
    const theme = themeFromOffice(read());
    const key = JSON.stringify(theme);
    if (key === shown) return;
    shown = key;
    apply(theme);
  };
  update();
  whenPaneRegainsFocus(events, update);
}

/** Puts a theme on the page: the colour scheme as data-theme on <html> (none: the system's), and the overrides. */
export function applyPaneTheme(root: HTMLElement, theme: PaneTheme): void {
  if (theme.scheme === null) delete root.dataset['theme'];
  else root.dataset['theme'] = theme.scheme;
  for (const name of ['--body-bg', '--fg1']) root.style.removeProperty(name);
  for (const [name, value] of Object.entries(theme.vars)) root.style.setProperty(name, value);
}
