/**
 * Where the pane runs: the only module of the pane that touches the `Office` global (start-up, host, theme, display
 * language, the document's settings).
 * Everything it reports is plain data; nothing here throws, whatever page it is loaded in.
 */
import { detectExcelFeatures } from '../hosts/excel/features';
import type { OfficeThemeColours } from './theme';
import type { DocumentSettings } from './views/view-memory';

export type OfficeStart =
  | { readonly kind: 'excel'; readonly canInsert: boolean }
  | { readonly kind: 'outside' }
  | { readonly kind: 'other-host'; readonly host: string }
  | { readonly kind: 'no-office' };

function office(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** Waits for Office.onReady (at most `timeoutMs`; a page outside Office normally answers at once with host null). */
export async function startOffice(timeoutMs = 20_000): Promise<OfficeStart> {
  const o = office();
  if (!o || typeof o.onReady !== 'function') return { kind: 'no-office' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      o.onReady(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    if (info === null || info.host === null || info.host === undefined) return { kind: 'outside' };
    if (info.host !== o.HostType.Excel) return { kind: 'other-host', host: String(info.host) };
    // ExcelApi 1.8 (data validation) is the newest set the tracker needs; see manifest.xml.
    return { kind: 'excel', canInsert: detectExcelFeatures().dataValidation };
  } catch {
    return { kind: 'outside' };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * Office's theme colours as the host reports them now (Office.OfficeTheme: Excel on the web, Windows, Mac and iPad);
 * null outside Office or when the host gives none. Read again each time: the theme can change while the pane is open.
 */
export function officeTheme(): OfficeThemeColours | null {
  try {
    const theme = office()?.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
    if (!theme) return null;
    return {
      bodyBackgroundColor: theme.bodyBackgroundColor,
      bodyForegroundColor: theme.bodyForegroundColor,
      controlBackgroundColor: theme.controlBackgroundColor,
      controlForegroundColor: theme.controlForegroundColor,
      isDarkTheme: theme.isDarkTheme,
    };
  } catch {
    return null;
  }
}

/**
 * Office's display language (Office.context.displayLanguage: "Gets the locale (language) specified by the user for
 * the UI of the Office application … a string in the RFC 1766 Language tag format, such as en-US"); null outside
 * Office or before Office.onReady.
 */
export function displayLanguage(): string | null {
  try {
    const value: unknown = office()?.context?.displayLanguage;
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

// No theme-change event: Office.EventType.OfficeThemeChanged is documented as "Occurs when the OfficeTheme is changed
// in Outlook. … [Api set: Mailbox 1.14]", and the EventType reference adds "Only task pane add-ins for Outlook support
// Mailbox API set event types." It never fires in Excel; the pane reads the theme again when it regains focus
// (theme-follow.ts).

/**
 * The add-in's settings of the open document (Office.context.document.settings: "saved per add-in and per document"),
 * where the pane remembers the view last used; null outside Office or before Office.onReady.
 */
export function documentSettings(): DocumentSettings | null {
  try {
    const settings: unknown = office()?.context?.document?.settings;
    if (typeof settings !== 'object' || settings === null) return null;
    const s = settings as Partial<DocumentSettings>;
    return typeof s.get === 'function' && typeof s.set === 'function' && typeof s.saveAsync === 'function' ? (s as DocumentSettings) : null;
  } catch {
    return null;
  }
}
