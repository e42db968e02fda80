import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, themeFromOffice } from '../../src/taskpane/theme';
import { LANG_KEY, loadLang, parseLang, saveLang } from '../../src/taskpane/prefs';

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

describe('language preference', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  };

  it('is Vietnamese unless English was chosen', () => {
    expect(parseLang(null)).toBe('vi');
    expect(parseLang('en')).toBe('en');
    expect(parseLang('fr')).toBe('vi');
  });

  it('is kept in localStorage under its own key', () => {
    const s = memory();
    expect(loadLang(s)).toBe('vi');
    saveLang('en', s);
    expect(s.m.get(LANG_KEY)).toBe('en');
    expect(loadLang(s)).toBe('en');
  });

  it('survives a storage that is missing or throws', () => {
    expect(loadLang(null)).toBe('vi');
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadLang(broken)).toBe('vi');
    expect(() => saveLang('en', broken)).not.toThrow();
  });
});
