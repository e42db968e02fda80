/**
 * Following the Office theme: Office tells the pane its body and control colours (Office.context.officeTheme).
 * Pure: the colours in, the colour scheme and CSS custom properties out.
 */

/** The part of Office.OfficeTheme the pane uses (all optional: hosts fill in what they know). */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

export interface PaneTheme {
  /** null when Office said nothing useful: then the system's prefers-color-scheme decides. */
  readonly scheme: 'light' | 'dark' | null;
  readonly vars: Readonly<Record<string, string>>;
}

function hex(colour: string | undefined): string | null {
  if (typeof colour !== 'string') return null;
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(colour.trim());
  if (!m || m[1] === undefined) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${h.toUpperCase()}`;
}

/** WCAG relative luminance of "#RRGGBB" (0 black … 1 white). */
export function luminance(colour: string): number {
  const h = hex(colour);
  if (h === null) return 1;
  const channel = (i: number) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The scheme and overrides for an Office theme. Office's own body colours are used when they keep text readable
 * (contrast ≥ 4.5:1); otherwise the pane's palette for the scheme stays.
 */
export function themeFromOffice(theme: OfficeThemeColours | null | undefined): PaneTheme {
  if (!theme) return { scheme: null, vars: {} };
  const bg = hex(theme.bodyBackgroundColor);
  const fg = hex(theme.bodyForegroundColor);
  const scheme: 'light' | 'dark' | null =
    typeof theme.isDarkTheme === 'boolean' ? (theme.isDarkTheme ? 'dark' : 'light') : bg === null ? null : luminance(bg) < 0.3 ? 'dark' : 'light';
  const vars: Record<string, string> = {};
  if (bg !== null && fg !== null && contrastRatio(bg, fg) >= 4.5) {
    vars['--body-bg'] = bg;
    vars['--fg1'] = fg;
  }
  return { scheme, vars };
}
