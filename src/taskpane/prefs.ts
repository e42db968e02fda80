/** The pane's own preferences, kept in the browser's localStorage (not in the workbook): only the language. */
import type { Lang } from '../domain/i18n';

export const LANG_KEY = 'vtlt.pane.lang';

export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'vi';
}

/** localStorage can be missing or throw (private modes, locked-down webviews): fall back to Vietnamese. */
export function loadLang(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Lang {
  try {
    return parseLang(storage?.getItem(LANG_KEY));
  } catch {
    return 'vi';
  }
}

export function saveLang(lang: Lang, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(LANG_KEY, lang);
  } catch {
    // Not stored: the pane opens in Vietnamese next time.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
