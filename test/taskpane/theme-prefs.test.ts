import { afterEach, describe, expect, it, vi } from 'vitest';
import * as officeEnv from '../../src/taskpane/office-env';
import { contrastRatio, luminance, themeFromOffice, type OfficeThemeColours, type PaneTheme } from '../../src/taskpane/theme';
import { followOfficeTheme, type FocusEvents } from '../../src/taskpane/theme-follow';
import { LANG_KEY, chooseLang, langFromDisplay, loadSavedLang, parseSavedLang, saveLang } from '../../src/taskpane/prefs';

describe('themeFromOffice', () => {
  it('follows the system when Office reports no theme (Excel on the web, outside Office)', () => {
    expect(themeFromOffice(null)).toEqual({ scheme: null, vars: {} });
    expect(themeFromOffice({})).toEqual({ scheme: null, vars: {} });
  });

  it('reads dark and light from the body colour', () => {
    const black = themeFromOffice({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' });
    expect(black.scheme).toBe('dark');
    expect(black.vars).toEqual({ '--body-bg': '#262626', '--fg1': '#FFFFFF' });
    const darkGray = themeFromOffice({ bodyBackgroundColor: '#444', bodyForegroundColor: '#fff' });
    expect(darkGray.scheme).toBe('dark');
    expect(darkGray.vars['--body-bg']).toBe('#444444');
    const white = themeFromOffice({ bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000' });
    expect(white.scheme).toBe('light');
  });

  it('trusts isDarkTheme when the host says it', () => {
    expect(themeFromOffice({ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' }).scheme).toBe('dark');
    expect(themeFromOffice({ isDarkTheme: false }).scheme).toBe('light');
  });

  it('ignores colours that are malformed or would make text unreadable', () => {
    expect(themeFromOffice({ bodyBackgroundColor: 'red', bodyForegroundColor: '#000' }).vars).toEqual({});
    expect(themeFromOffice({ bodyBackgroundColor: '#777777', bodyForegroundColor: '#888888' }).vars).toEqual({});
  });

  it('measures contrast as WCAG does', () => {
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('#000000')).toBeCloseTo(0);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21);
    // The due-state chip colours (shared with the sheet) stay readable.
    expect(contrastRatio('#A4262C', '#FDE7E9')).toBeGreaterThan(4.5);
    expect(contrastRatio('#8A5300', '#FFF4CE')).toBeGreaterThan(4.5);
    expect(contrastRatio('#0E700E', '#DFF6DD')).toBeGreaterThan(4.5);
    expect(contrastRatio('#616161', '#F0F0F0')).toBeGreaterThan(4.5);
    // Dark theme pairs.
    expect(contrastRatio('#F1999F', '#3B0509')).toBeGreaterThan(4.5);
    expect(contrastRatio('#F2C661', '#3D2E00')).toBeGreaterThan(4.5);
    expect(contrastRatio('#9FD89F', '#0D2E0D')).toBeGreaterThan(4.5);
    expect(contrastRatio('#FFFFFF', '#115EA3')).toBeGreaterThan(4.5);
  });
});

describe('language', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  };

  it('follows Office\'s display language: Vietnamese for vi-*, English for any other language', () => {
    expect(langFromDisplay('vi-VN')).toBe('vi');
    expect(langFromDisplay('vi')).toBe('vi');
    expect(langFromDisplay('VI-vn')).toBe('vi');
    expect(langFromDisplay('en-US')).toBe('en');
    expect(langFromDisplay('en-GB')).toBe('en');
    expect(langFromDisplay('fr-FR')).toBe('en');
    expect(langFromDisplay('zh-CN')).toBe('en');
    // Not "vi": a tag that merely starts with the letters.
    expect(langFromDisplay('vil')).toBe('en');
  });

  it('is Vietnamese while Office has not said (outside Office, before onReady)', () => {
    expect(langFromDisplay(null)).toBe('vi');
    expect(langFromDisplay(undefined)).toBe('vi');
    expect(langFromDisplay('')).toBe('vi');
  });

  it('lets a remembered manual choice win over the display language', () => {
    expect(chooseLang(null, 'vi-VN')).toBe('vi');
    expect(chooseLang(null, 'en-US')).toBe('en');
    expect(chooseLang(null, 'fr-FR')).toBe('en');
    expect(chooseLang('vi', 'en-US')).toBe('vi');
    expect(chooseLang('en', 'vi-VN')).toBe('en');
    expect(chooseLang('vi', 'fr-FR')).toBe('vi');
  });

  it('remembers the switch in localStorage under its own key', () => {
    const s = memory();
    expect(loadSavedLang(s)).toBeNull();
    expect(chooseLang(loadSavedLang(s), 'en-US')).toBe('en');
    saveLang('vi', s);
    expect(s.m.get(LANG_KEY)).toBe('vi');
    expect(loadSavedLang(s)).toBe('vi');
    expect(chooseLang(loadSavedLang(s), 'en-US')).toBe('vi');
    saveLang('en', s);
    expect(chooseLang(loadSavedLang(s), 'vi-VN')).toBe('en');
  });

  it('treats anything but a stored "vi" or "en" as no choice', () => {
    expect(parseSavedLang(null)).toBeNull();
    expect(parseSavedLang('fr')).toBeNull();
    expect(parseSavedLang('EN')).toBeNull();
    expect(parseSavedLang('en')).toBe('en');
    expect(parseSavedLang('vi')).toBe('vi');
  });

  it('falls back to the display language when storage is missing or throws', () => {
    expect(loadSavedLang(null)).toBeNull();
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadSavedLang(broken)).toBeNull();
    expect(chooseLang(loadSavedLang(broken), 'en-US')).toBe('en');
    expect(() => saveLang('en', broken)).not.toThrow();
  });
});

describe('display language from Office', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads Office.context.displayLanguage, and is null outside Office', () => {
    expect(officeEnv.displayLanguage()).toBeNull();
    vi.stubGlobal('Office', { context: { displayLanguage: 'en-US' } });
    expect(officeEnv.displayLanguage()).toBe('en-US');
    vi.stubGlobal('Office', { context: {} });
    expect(officeEnv.displayLanguage()).toBeNull();
  });
});

describe('following the Office theme', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A window and a document as the pane sees them: event targets, the document with its visibility. */
  function focusEvents() {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const events: FocusEvents = { win, doc };
    return { win, doc, events };
  }

  const dark: OfficeThemeColours = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', isDarkTheme: true };
  const light: OfficeThemeColours = { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', isDarkTheme: false };

  it('reads Office.context.officeTheme again when the pane regains focus, and registers no OfficeThemeChanged handler', () => {
    const addHandlerAsync = vi.fn();
    const office = {
      EventType: { OfficeThemeChanged: 'officeThemeChanged' },
      context: { officeTheme: { ...light }, document: { addHandlerAsync } },
    };
    vi.stubGlobal('Office', office);
    const applied: PaneTheme[] = [];
    const { win, doc, events } = focusEvents();

    followOfficeTheme(officeEnv.officeTheme, (t) => applied.push(t), events);
    expect(applied.map((t) => t.scheme)).toEqual(['light']);

    // The user switches Office to Black, then comes back to the pane.
    office.context.officeTheme = { ...dark };
    expect(applied).toHaveLength(1);
    win.dispatchEvent(new Event('focus'));
    expect(applied.map((t) => t.scheme)).toEqual(['light', 'dark']);
    expect(applied[1]?.vars).toEqual({ '--body-bg': '#262626', '--fg1': '#FFFFFF' });

    // Hidden and shown again (another task pane was opened over it, or the ribbon button reopened it).
    office.context.officeTheme = { ...light };
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(applied).toHaveLength(2);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(applied.map((t) => t.scheme)).toEqual(['light', 'dark', 'light']);

    // OfficeThemeChanged is an Outlook (Mailbox 1.14) event: nothing is registered for it.
    expect(addHandlerAsync).not.toHaveBeenCalled();
    expect('onOfficeThemeChanged' in officeEnv).toBe(false);
  });

  it('does not apply again when the theme did not change', () => {
    const applied: PaneTheme[] = [];
    const { win, events } = focusEvents();
    followOfficeTheme(() => dark, (t) => applied.push(t), events);
    win.dispatchEvent(new Event('focus'));
    win.dispatchEvent(new Event('focus'));
    expect(applied).toHaveLength(1);
  });

  it('follows the system when Office reports no theme (outside Office, or a host that gives none)', () => {
    const applied: PaneTheme[] = [];
    followOfficeTheme(officeEnv.officeTheme, (t) => applied.push(t), focusEvents().events);
    expect(applied).toEqual([{ scheme: null, vars: {} }]);
  });
});
