/**
 * The task pane in Chromium, for what Office tells it besides the workbook: the help that taskpane.html#help opens
 * (the manifest's SupportUrl and LearnMoreUrl), the language that follows Office's display language unless the user
 * chose one, and the Office theme read again when the pane regains focus. Screenshot: test-results/taskpane-help.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { catalog } from '../../src/domain/i18n';
import { openPane, RESULTS, USED_BEFORE, usePaneSession } from './browser/session';

const session = usePaneSession();

const helpView = (page: Page) => page.locator('[data-view="help"]');
const sectionsShown = (page: Page) => page.locator('.pane-main').isVisible();
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? null);

describe('help (taskpane.html#help)', () => {
  it('opens at #help with a part per section, goes to a part, and back to the sections', async () => {
    const { context, page, errors, refused } = await openPane(session, { hash: '?view=tracker#help', documentSettings: USED_BEFORE });
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Hướng dẫn sử dụng' }).count(), { timeout: 30_000 }).toBe(1);
      expect(await sectionsShown(page)).toBe(false);
      const parts = await helpView(page).locator('[data-help]').evaluateAll((els) => els.map((e) => e.getAttribute('data-help')));
      expect(parts).toEqual(['insert', 'summary', 'forms', 'check', 'consolidate', 'documents', 'settings', 'general']);
      // What it does, the steps, and the messages as the pane shows them.
      const check = helpView(page).locator('[data-help="check"]');
      expect(await check.getByRole('heading', { name: 'Kiểm tra' }).count()).toBe(1);
      expect(await check.locator('ol li').count()).toBeGreaterThanOrEqual(2);
      expect(await check.locator('dt[data-key="pane.highlight.needCheck"]').textContent()).toBe(catalog('vi')['pane.highlight.needCheck']);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hướng dẫn sử dụng');
      await page.screenshot({ path: join(RESULTS, 'taskpane-help.png') });

      // A link of the contents: the address changes (hashchange) and the focus goes to that part.
      await helpView(page).getByRole('link', { name: 'Tổng hợp (Sở Nội vụ)' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#help-consolidate');
      await expect.poll(() => focusedText(page)).toBe('Tổng hợp (Sở Nội vụ)');

      // Back to the sections, the focus on the help link.
      await page.getByRole('link', { name: 'Đóng hướng dẫn, quay lại bảng điều khiển' }).click();
      await expect.poll(() => sectionsShown(page)).toBe(true);
      expect(await helpView(page).isVisible()).toBe(false);
      await expect.poll(() => page.getByRole('heading', { name: 'Chèn bảng theo dõi' }).isVisible()).toBe(true);
      await expect.poll(() => focusedText(page)).toBe('Hướng dẫn');

      // The help link opens it again, and the language switch keeps it open (in English).
      await page.getByRole('link', { name: 'Mở hướng dẫn sử dụng' }).click();
      await expect.poll(() => helpView(page).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Chuyển giao diện sang tiếng Anh' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'How to use the add-in' }).count()).toBe(1);
      expect(await helpView(page).locator('[data-help="check"] dt[data-key="pane.highlight.needCheck"]').textContent()).toBe(
        catalog('en')['pane.highlight.needCheck'],
      );
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('follows the address when only the fragment changes (hashchange)', async () => {
    const { context, page, errors } = await openPane(session, { hash: '?view=tracker', documentSettings: USED_BEFORE });
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Chèn bảng theo dõi' }).count(), { timeout: 30_000 }).toBe(1);
      expect(await helpView(page).count()).toBe(0);
      await page.evaluate(() => {
        location.hash = '#help-settings';
      });
      await expect.poll(() => helpView(page).isVisible()).toBe(true);
      await expect.poll(() => focusedText(page)).toBe('Cài đặt');
      await page.evaluate(() => {
        location.hash = '';
      });
      await expect.poll(() => sectionsShown(page)).toBe(true);

      // Each section's "?" opens the help at that section (the settings' and documents' come with the tools chunk).
      await expect.poll(() => page.locator('.help-q').count(), { timeout: 30_000 }).toBe(7);
      await page.locator('[role="tab"][data-view="check"]').click();
      await page.getByRole('link', { name: 'Hướng dẫn mục "Kiểm tra"' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#help-check');
      await expect.poll(() => focusedText(page)).toBe('Kiểm tra');
      expect(await sectionsShown(page)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the help in a browser outside Office, where the SupportUrl opens', async () => {
    const { context, page, errors } = await openPane(session, { outsideOffice: true, hash: '#help' });
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Hướng dẫn sử dụng' }).count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => page.locator('.pane-main .banner').textContent(), { timeout: 30_000 }).toContain('Hãy mở trong Excel');
      expect(await helpView(page).isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('language from Office', () => {
  it('opens in English when Office\'s display language is English or any other but Vietnamese', async () => {
    for (const displayLanguage of ['en-US', 'fr-FR']) {
      const { context, page } = await openPane(session, { displayLanguage, hash: '?view=tracker', documentSettings: USED_BEFORE });
      try {
        await expect.poll(() => page.getByRole('heading', { name: 'Insert the tracker' }).count(), { timeout: 30_000 }).toBe(1);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      } finally {
        await context.close();
      }
    }
  });

  it('keeps the language the user chose over the display language', async () => {
    const { context, page } = await openPane(session, { displayLanguage: 'en-US', savedLang: 'vi', hash: '?view=tracker', documentSettings: USED_BEFORE });
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Tình hình thực hiện' }).count(), { timeout: 30_000 }).toBe(1);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    } finally {
      await context.close();
    }
  });

  it('remembers a switch made in an English Office', async () => {
    const { context, page } = await openPane(session, { displayLanguage: 'en-US', hash: '?view=tracker', documentSettings: USED_BEFORE });
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Insert the tracker' }).count(), { timeout: 30_000 }).toBe(1);
      await page.getByRole('button', { name: 'Switch the pane to Vietnamese' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Chèn bảng theo dõi' }).count()).toBe(1);
      expect(await page.evaluate(() => localStorage.getItem('vtlt.pane.lang'))).toBe('vi');
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { name: 'Tình hình thực hiện' }).count(), { timeout: 30_000 }).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('Office theme', () => {
  it('is read again when the pane regains focus', async () => {
    const light = { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000' };
    const { context, page, errors } = await openPane(session, { officeTheme: light });
    try {
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme']), { timeout: 30_000 }).toBe('light');
      await page.evaluate(() => {
        const office = (window as unknown as { __vtltOfficeContext: { officeTheme: unknown } }).__vtltOfficeContext;
        office.officeTheme = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#3D3D3D', controlForegroundColor: '#FFFFFF' };
      });
      // Nothing tells the pane (Excel has no theme event) until it is focused again.
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(38, 38, 38)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
