/**
 * Looking at the task pane as a person would, for the views test: Office's theme and the pane's language changed live,
 * a view shown (tab, gear, help), the page let settle, then its picture saved and checked with axe-core and for
 * anything cut off or past the pane's edge. What is found is collected as findings, printed readably.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { TAB_VIEWS } from '../../../src/taskpane/route';
import { ROOT, axeViolations, describeViolations, type AxeViolation } from './harness';

export const SHOTS = join(ROOT, 'test-results/views');
export type Theme = 'light' | 'dark';
export type Lang = 'vi' | 'en';
export const THEMES: readonly Theme[] = ['light', 'dark'];
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const WIDTHS = [320, 450] as const;
/** Office.context.officeTheme as desktop Excel reports it (Colorful/White and Black). */
export const OFFICE_THEME: Record<Theme, Record<string, string>> = {
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#262626', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#262626' },
  dark: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#3D3D3D', controlForegroundColor: '#FFFFFF' },
};
const SERIOUS = new Set(['serious', 'critical']);

/**
 * Office's theme, read again when the pane regains focus. The system's colour scheme is set to the other one: what is
 * pictured is the pane following Office, as it must when Office and Windows disagree.
 */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  // Outside Office (the page opened in a browser) the system's scheme is all there is.
  if (!(await page.evaluate(() => '__vtltOfficeContext' in window))) {
    await page.emulateMedia({ colorScheme: theme });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(theme);
    return;
  }
  await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
  await page.evaluate((colours) => {
    (window as unknown as { __vtltOfficeContext: { officeTheme: unknown } }).__vtltOfficeContext.officeTheme = colours;
    window.dispatchEvent(new Event('focus'));
  }, OFFICE_THEME[theme]);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme']), { timeout: 10_000 }).toBe(theme);
}

/** The header's switch carries the other language's tag. */
export async function setLang(page: Page, lang: Lang): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.locator(`button[lang="${lang}"]`).first().click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 20_000 }).toBe(lang);
}

const TABS: readonly string[] = TAB_VIEWS;

/** The views: the tabs, the settings behind the gear, the help (#help, over any view). */
export async function showView(page: Page, view: string): Promise<void> {
  if (view === 'help') {
    await page.evaluate(() => (location.hash = '#help'));
    await expect.poll(() => page.locator('[data-view="help"] [data-help]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    return;
  }
  if (await page.evaluate(() => location.hash.startsWith('#help'))) {
    await page.evaluate(() => (location.hash = '#'));
    await expect.poll(() => page.locator('[data-view="help"]').isVisible()).toBe(false);
  }
  // Anything else (a first-run step, the page outside Excel) is pictured as it is.
  if (!TABS.includes(view) && view !== 'settings') return;
  const gear = page.locator('button.gear');
  if (view === 'settings') {
    if ((await gear.getAttribute('aria-pressed')) !== 'true') await gear.click();
    await expect.poll(() => gear.getAttribute('aria-pressed')).toBe('true');
    return;
  }
  // The tabs are away while the settings are shown: the gear goes back.
  if ((await gear.getAttribute('aria-pressed')) === 'true') await gear.click();
  const tab = page.locator(`[role="tab"][data-view="${view}"]`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  await expect.poll(() => gear.getAttribute('aria-pressed')).toBe('false');
}

/** Waits until nothing in the pane is busy, so the picture and the check see it at rest. */
export async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.busy:visible').allTextContents(), { timeout: 30_000 }).toEqual([]);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // The pointer off the pane's controls, so that no hover look is pictured.
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width - 1, size.height - 1);
}

/**
 * What is cut off or sticks out sideways: elements that reach past the pane's right edge, and boxes whose content is
 * wider than they are (a word or line that does not wrap) where that is cut off or goes past the pane's edge. Boxes that scroll sideways on purpose (the tab strip), text
 * fields, and text shortened with an ellipsis on purpose are left out, with what is inside them.
 */
export async function stickingOut(page: Page): Promise<{ target: string; summary: string }[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const fields = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
    const meant = (el: Element) => {
      const style = getComputedStyle(el);
      return ['auto', 'scroll'].includes(style.overflowX) || style.textOverflow === 'ellipsis' || fields.has(el.tagName);
    };
    const out: { target: string; summary: string }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      // Nothing drawn, or drawn on purpose for screen readers only (a 1px box).
      if (box.width <= 1 || meant(el)) continue;
      const past = box.right > width + 0.5;
      const cut = ['hidden', 'clip'].includes(getComputedStyle(el).overflowX);
      const spills = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && (cut || box.left + el.scrollWidth > width + 0.5);
      if (!past && !spills) continue;
      let inside = false;
      for (let p = el.parentElement; p && !inside; p = p.parentElement) inside = meant(p);
      if (inside) continue;
      const name = `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      const where = past ? `right edge at ${Math.round(box.right)}px in a ${width}px pane` : `content ${el.scrollWidth}px wide in a ${el.clientWidth}px box`;
      out.push({ target: name, summary: `${where}: "${(el.textContent ?? '').trim().slice(0, 40)}"` });
    }
    return out.slice(0, 5);
  });
}

export interface Finding {
  readonly where: string;
  readonly violations: readonly AxeViolation[];
}

/**
 * Shows each view in each theme, language and width; saves its picture and runs axe on it (axe at one width: the
 * rules it checks do not depend on the width, and the pictures show what does).
 */
export async function lookAtViews(page: Page, views: readonly string[], findings: Finding[], afterLang?: () => Promise<void>): Promise<number> {
  let shots = 0;
  for (const theme of THEMES) {
    await setTheme(page, theme);
    for (const lang of LANGS) {
      await setLang(page, lang);
      await afterLang?.();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 760 });
        for (const view of views) {
          await showView(page, view);
          await settle(page);
          await page.screenshot({ path: join(SHOTS, `${view}-${theme}-${lang}-${width}.png`), fullPage: true, animations: 'disabled' });
          shots += 1;
          const sticking = await stickingOut(page);
          if (sticking.length > 0) findings.push({ where: `${view} ${theme} ${lang} ${width}px`, violations: [{ id: 'sticks-out', impact: 'serious', help: 'wider than the pane (cut off or scrolled sideways)', nodes: sticking }] });
          if (width !== WIDTHS[0]) continue;
          const violations = await axeViolations(page);
          if (violations.length > 0) findings.push({ where: `${view} ${theme} ${lang}`, violations });
        }
      }
    }
  }
  return shots;
}

/** Saves the picture of a moment and checks it. */
export async function lookAt(page: Page, name: string, findings: Finding[], fullPage: boolean): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage, animations: 'disabled' });
  const violations = await axeViolations(page);
  if (violations.length > 0) findings.push({ where: name, violations });
}

function report(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.where}:\n${describeViolations(f.violations)}`).join('\n\n');
}

/** Prints every finding, and fails on the serious and critical ones, naming them. */
export function expectNothingSerious(findings: readonly Finding[]): void {
  if (findings.length > 0) console.info(`Accessibility and layout findings:\n${report(findings)}`);
  const serious = findings.filter((f) => f.violations.some((v) => SERIOUS.has(v.impact ?? '')));
  expect(serious.map((f) => f.where), `Serious or critical findings:\n${report(serious)}`).toEqual([]);
}
