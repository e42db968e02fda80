/**
 * The pane's language: Office's display language, unless the user chose one with the switch in the header; that
 * choice is remembered and wins from then on.
 *
 * Where the choice is kept: the browser's localStorage of the pane, not Office.context.document.settings. The
 * reference says of Office.Settings: "The settings created by using the methods of the Settings object are saved per
 * add-in and per document" — a language is the user's, not the workbook's: kept in the document it would follow the
 * workbook to the colleague who opens it next, and be missing in every other workbook. localStorage in Office's web
 * views is partitioned by top-level site (OfficeDev/office-js#1868, #3820: a task pane and an Office dialog do not share
 * it); the pane reads and writes it only from itself, so it sees its own entry. Where storage is missing, throws or was
 * cleared, the display language decides again: losing the choice is harmless.
 */
import type { Lang } from '../domain/i18n';

export const LANG_KEY = 'vtlt.pane.lang';

/** A remembered choice as stored; anything else (nothing stored, an old or foreign value) is no choice. */
export function parseSavedLang(value: string | null | undefined): Lang | null {
  return value === 'en' || value === 'vi' ? value : null;
}

/**
 * The language for Office's display language (Office.context.displayLanguage, an RFC 1766 tag such as "vi-VN" or
 * "en-US"): Vietnamese for "vi" and "vi-*", English for any other language. Unknown (outside Office, before
 * Office.onReady): Vietnamese, the language of the offices the add-in is made for.
 */
export function langFromDisplay(displayLanguage: string | null | undefined): Lang {
  if (typeof displayLanguage !== 'string' || displayLanguage.trim() === '') return 'vi';
  return /^vi(?:[-_]|$)/i.test(displayLanguage.trim()) ? 'vi' : 'en';
}

/** The remembered manual choice wins; without one, the display language decides. */
export function chooseLang(saved: Lang | null, displayLanguage: string | null | undefined): Lang {
  return saved ?? langFromDisplay(displayLanguage);
}

/** The remembered choice; null when there is none or storage is missing or throws (private modes, locked-down views). */
export function loadSavedLang(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Lang | null {
  try {
    return parseSavedLang(storage?.getItem(LANG_KEY));
  } catch {
    return null;
  }
}

/** Remembers a choice made with the switch. */
export function saveLang(lang: Lang, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(LANG_KEY, lang);
  } catch {
    // Not stored: next time the display language decides.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
