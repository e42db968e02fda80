/**
 * The pane by task, in Chromium against the in-memory Excel: the tabs (ARIA tabs pattern, keys), taskpane.html?view=,
 * the view remembered per workbook (Office.context.document.settings), the settings behind the gear, and the first run
 * in a workbook with nothing of the product — both choices, the clerk's one-step insert of the tracker and the forms,
 * with the round trips (context.sync calls) they cost. Screenshots: test-results/taskpane-first-run.png,
 * taskpane-tabs-320.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultPlanPack } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { keepOffline } from './browser/harness';
import { openPane, RESULTS, syncs, usePaneSession, type OpenOptions } from './browser/session';

const NOW = new Date('2026-03-01T03:00:00Z');
const SHEET = defaultPlanPack().trackerSheetName;
const session = usePaneSession();

type InPage = {
  __vtltFake: { syncCount: number; resetCounters(): void; sheetNames(): string[]; typeInto(s: string, a: string, rows: unknown[][]): void };
  __vtltSettings: { saved: Record<string, unknown>; saves: number };
};

const open = (options: OpenOptions & { view?: string } = {}) => {
  const { view, ...rest } = options;
  // session.openPane appends `hash` to the address as it is: a query goes there too.
  return openPane(session, { now: NOW, ...rest, ...(view ? { hash: `?view=${view}` } : {}) });
};
const sheetNames = (page: Page) => page.evaluate(() => (window as unknown as InPage).__vtltFake.sheetNames());
const savedView = (page: Page) => page.evaluate(() => (window as unknown as InPage).__vtltSettings.saved['vtlt.view'] ?? null);
const tab = (page: Page, view: string) => page.locator(`[role="tab"][data-view="${view}"]`);
const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-view');
const focusedView = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-view') ?? null);
const shownPanel = (page: Page) => page.locator('[data-panel]:not([hidden])').getAttribute('data-panel');

describe('tabs', () => {
  it('shows one view at a time; the arrow keys, Home and End move between the tabs; one tab is in the tab order', async () => {
    // A workbook the pane was used in before (its view remembered): the tabs, not the first run.
    const { context, page, errors, refused } = await open({ view: 'tracker', documentSettings: { 'vtlt.view': 'check' } });
    try {
      await expect.poll(() => page.getByRole('tab').count(), { timeout: 30_000 }).toBe(5);
      expect(await page.getByRole('tablist').count()).toBe(1);
      const names = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label')));
      expect(names).toEqual(['Theo dõi nhiệm vụ', 'Biểu báo cáo', 'Kiểm tra', 'Tổng hợp', 'Soạn văn bản']);
      expect(await selectedTab(page)).toBe('tracker');
      // The status summary on top of the tracker view, then the insert.
      const cards = await page.locator('[data-panel="tracker"] [data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
      expect(cards).toEqual(['summary', 'insert']);
      // The selected tab controls the panel shown, which is labelled by it.
      const controls = await tab(page, 'tracker').getAttribute('aria-controls');
      const panel = page.locator(`#${controls}`);
      expect(await panel.getAttribute('role')).toBe('tabpanel');
      expect(await panel.isVisible()).toBe(true);
      expect(await panel.getAttribute('aria-labelledby')).toBe(await tab(page, 'tracker').getAttribute('id'));
      expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);

      await tab(page, 'tracker').focus();
      await page.keyboard.press('ArrowRight');
      expect([await focusedView(page), await selectedTab(page), await shownPanel(page)]).toEqual(['forms', 'forms', 'forms']);
      expect(await tab(page, 'forms').getAttribute('tabindex')).toBe('0');
      expect(await tab(page, 'tracker').getAttribute('tabindex')).toBe('-1');
      await page.keyboard.press('End');
      expect([await focusedView(page), await shownPanel(page)]).toEqual(['documents', 'documents']);
      await page.keyboard.press('ArrowRight');
      expect([await focusedView(page), await shownPanel(page)]).toEqual(['tracker', 'tracker']);
      await page.keyboard.press('ArrowLeft');
      expect([await focusedView(page), await shownPanel(page)]).toEqual(['documents', 'documents']);
      await page.keyboard.press('Home');
      expect([await focusedView(page), await shownPanel(page)]).toEqual(['tracker', 'tracker']);
      // Tab leaves the strip for the panel.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');

      // A click selects too; the choice is remembered in the workbook's settings.
      await tab(page, 'check').click();
      expect(await shownPanel(page)).toBe('check');
      await expect.poll(() => savedView(page)).toBe('check');
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a 320 px pane: the strip scrolls sideways, the page does not, the labels are the short ones', async () => {
    const { context, page } = await open({ view: 'documents' });
    try {
      await expect.poll(() => selectedTab(page), { timeout: 30_000 }).toBe('documents');
      const widths = await page.evaluate(() => {
        const strip = document.querySelector('[role="tablist"]')!;
        return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, strip: strip.getBoundingClientRect().right };
      });
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      expect(widths.strip).toBeLessThanOrEqual(widths.viewport);
      expect(await tab(page, 'tracker').innerText()).toBe('Theo dõi');
      // The selected tab, the last, is scrolled into sight.
      const box = await tab(page, 'documents').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      await page.screenshot({ path: join(RESULTS, 'taskpane-tabs-320.png') });
      await page.setViewportSize({ width: 520, height: 760 });
      expect(await tab(page, 'tracker').innerText()).toBe('Theo dõi nhiệm vụ');
      // Selecting a tab (its label turns bold) changes no tab's width.
      const tabWidths = () => page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().width));
      const before = await tabWidths();
      await tab(page, 'tracker').click();
      expect(await tabWidths()).toEqual(before);
    } finally {
      await context.close();
    }
  });

  it('opens the view the address asks for, over the one remembered; the gear opens the settings and back returns', async () => {
    const { context, page, errors } = await open({ view: 'forms', documentSettings: { 'vtlt.view': 'consolidate' } });
    try {
      await expect.poll(() => shownPanel(page), { timeout: 30_000 }).toBe('forms');
      expect(await selectedTab(page)).toBe('forms');
      const gear = page.getByRole('button', { name: 'Cài đặt' });
      await gear.click();
      await expect.poll(() => shownPanel(page)).toBe('settings');
      expect(await gear.getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('tablist').isVisible()).toBe(false);
      await expect.poll(() => page.getByRole('heading', { name: 'Cài đặt' }).count(), { timeout: 30_000 }).toBe(1);
      // The focus goes to the way back; back returns to the tab, the focus to the gear.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Quay lại');
      await page.getByRole('button', { name: 'Quay lại' }).click();
      expect(await shownPanel(page)).toBe('forms');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Cài đặt');
      // The settings are not remembered as a view; the address's view was not saved either.
      expect(await savedView(page)).toBe('consolidate');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a consolidation workbook (nothing remembered) on consolidation', async () => {
    const { context, page, errors } = await open({ sheets: ['Danh sách đơn vị', 'Theo dõi nộp báo cáo'] });
    try {
      await expect.poll(() => shownPanel(page), { timeout: 30_000 }).toBe('consolidate');
      expect(await selectedTab(page)).toBe('consolidate');
      // Opening is not choosing: nothing is saved in the workbook.
      expect(await page.evaluate(() => (window as unknown as InPage).__vtltSettings.saves)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens on the view remembered in the workbook; a failed save is harmless', async () => {
    const { context, page, errors } = await open({ documentSettings: { 'vtlt.view': 'consolidate' }, settingsSaveFails: true });
    try {
      await expect.poll(() => shownPanel(page), { timeout: 30_000 }).toBe('consolidate');
      // No first run: the workbook is empty, but its view was remembered.
      expect(await page.getByRole('button', { name: /Văn thư đơn vị/ }).count()).toBe(0);
      await tab(page, 'documents').click();
      await expect.poll(() => page.evaluate(() => (window as unknown as InPage).__vtltSettings.saves)).toBe(1);
      expect(await shownPanel(page)).toBe('documents');
      expect(await savedView(page)).toBe('consolidate');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('first run', () => {
  it('in a new workbook offers the two choices after one round trip; Sở Nội vụ goes to consolidation, Bỏ qua to the tabs', async () => {
    // Opened as the ribbon's "Theo dõi nhiệm vụ" opens it: the address names the tracker, the first run still comes.
    const { context, page, errors, refused } = await open({ view: 'tracker' });
    try {
      const clerk = page.getByRole('button', { name: /Văn thư đơn vị/ });
      await expect.poll(() => clerk.count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByRole('heading', { name: 'Bắt đầu' }).count()).toBe(1);
      expect(await page.getByRole('tablist').isVisible()).toBe(false);
      // The start-up read told the workbook holds nothing of ours: one round trip (the stamp is not read again).
      expect(await syncs(page)).toBe(1);
      await page.screenshot({ path: join(RESULTS, 'taskpane-first-run.png'), fullPage: true });

      await page.getByRole('button', { name: /Sở Nội vụ/ }).click();
      await expect.poll(() => shownPanel(page)).toBe('consolidate');
      expect(await selectedTab(page)).toBe('consolidate');
      expect(await focusedView(page)).toBe('consolidate');
      await expect.poll(() => savedView(page)).toBe('consolidate');
      // Choosing reads and writes nothing in the workbook.
      expect(await syncs(page)).toBe(1);
      expect(await sheetNames(page)).toEqual(['Sheet1']);
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }

    const skipped = await open();
    try {
      await expect.poll(() => skipped.page.getByRole('button', { name: 'Bỏ qua' }).count(), { timeout: 30_000 }).toBe(1);
      await skipped.page.getByRole('button', { name: 'Bỏ qua' }).click();
      await expect.poll(() => shownPanel(skipped.page)).toBe('tracker');
      expect(await skipped.page.getByRole('tablist').isVisible()).toBe(true);
    } finally {
      await skipped.context.close();
    }
  });

  it('Văn thư đơn vị: the agency, then the tracker and the report forms in one step', async () => {
    const { context, page, errors, refused } = await open();
    try {
      await page.getByRole('button', { name: /Văn thư đơn vị/ }).click({ timeout: 30_000 });
      const setup = page.locator('[data-section="setup"]:not([hidden])');
      const input = setup.getByRole('combobox', { name: 'Đơn vị' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
      // Without an agency: said, nothing written.
      await setup.getByRole('button', { name: 'Chèn bảng theo dõi và biểu báo cáo' }).click();
      await expect.poll(() => setup.locator('.status').textContent()).toContain('Chọn một đơn vị trong danh sách trước khi chèn.');
      await input.fill('quyet thang');
      await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Phường Quyết Thắng');
      await input.press('Enter');
      await page.evaluate(() => (window as unknown as InPage).__vtltFake.resetCounters());
      await setup.getByRole('button', { name: 'Chèn bảng theo dõi và biểu báo cáo' }).click();

      // The tracker view, with what was inserted.
      await expect.poll(() => shownPanel(page), { timeout: 30_000 }).toBe('tracker');
      const notice = page.locator('[data-section="insert"] .status .notice-text');
      await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('Đã chèn 13 biểu (0801–0813) năm 2025 cho Phường Quyết Thắng.');
      expect(await notice.textContent()).toMatch(/Đã chèn bảng theo dõi cho Phường Quyết Thắng: \d+ nhiệm vụ\./);
      const names = await sheetNames(page);
      expect(names).toContain(SHEET);
      for (const f of defaultFormPack().forms) expect(names).toContain(f.code);
      await expect.poll(() => page.locator('[data-section="summary"] .chip').count()).toBeGreaterThan(0);
      // One read of every sheet both look at, the tracker's two writes (its read is that one), the forms' read and two
      // writes, then the summary's read.
      expect(await syncs(page)).toBe(7);
      await expect.poll(() => savedView(page)).toBe('tracker');
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks once, before writing anything, when a step would overwrite something, and "Không" writes nothing', async () => {
    // A sheet named like a form, holding the user's own data: not the product's, so the first run is offered.
    const { context, page } = await open({ sheets: ['Sheet1', '0801'] });
    try {
      await page.getByRole('button', { name: /Văn thư đơn vị/ }).click({ timeout: 30_000 });
      await page.evaluate(() => (window as unknown as InPage).__vtltFake.typeInto('0801', 'A1', [['Sổ riêng của tôi']]));
      const setup = page.locator('[data-section="setup"]:not([hidden])');
      const input = setup.getByRole('combobox', { name: 'Đơn vị' });
      await input.fill('SNV');
      await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Sở Nội vụ');
      await input.press('Enter');
      await setup.getByRole('button', { name: 'Chèn bảng theo dõi và biểu báo cáo' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Xác nhận' });
      await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toContain('0801');
      // Nothing written while the question is open.
      expect(await sheetNames(page)).toEqual(['Sheet1', '0801']);
      await dialog.getByRole('button', { name: 'Không' }).click();
      await expect.poll(() => setup.locator('.status').textContent()).toContain('Đã huỷ. Sổ làm việc không thay đổi.');
      expect(await sheetNames(page)).toEqual(['Sheet1', '0801']);

      // "Có": one question only, then both are written.
      await setup.getByRole('button', { name: 'Chèn bảng theo dõi và biểu báo cáo' }).click();
      await expect.poll(() => dialog.count(), { timeout: 30_000 }).toBe(1);
      await dialog.getByRole('button', { name: 'Có' }).click();
      await expect.poll(() => shownPanel(page), { timeout: 30_000 }).toBe('tracker');
      expect(await dialog.count()).toBe(0);
      expect(await sheetNames(page)).toEqual(expect.arrayContaining([SHEET, '0801', '0813']));
    } finally {
      await context.close();
    }
  });
});

describe('the views\' code (the tools chunk) not loaded', () => {
  it('says so where the views would be, shows the tabs instead of the first run, and a tab chosen later loads it', async () => {
    const blocked = { tools: true };
    const context = await session.browser.newContext({ viewport: { width: 320, height: 760 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.clock.setFixedTime(NOW);
      await keepOffline(page, session.baseUrl);
      // Registered last, so asked first: the tools chunk (script and style sheet) fails while `blocked`.
      await page.route(/\/chunks\/tools\.[0-9a-f]+\.(?:js|css)$/, (route) => (blocked.tools ? route.abort() : route.fallback()));
      await page.addInitScript({ content: session.fakeScript });
      await page.addInitScript({ content: 'window.VtltFake.install({});' });
      await page.goto(`${session.baseUrl}/taskpane.html`);

      // A new workbook, but the first run cannot be offered without its code: the tabs, at the tracker.
      await expect.poll(() => shownPanel(page), { timeout: 30_000 }).toBe('tracker');
      await tab(page, 'forms').click();
      const forms = page.locator('[data-section="forms"]');
      await expect.poll(() => forms.textContent(), { timeout: 30_000 }).toContain('Không tải được một phần của bổ trợ');

      blocked.tools = false;
      await tab(page, 'check').click();
      await tab(page, 'forms').click();
      await expect.poll(() => forms.locator('input[type="checkbox"]').count(), { timeout: 30_000 }).toBe(defaultFormPack().forms.length);
      expect(await forms.textContent()).not.toContain('Không tải được');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
