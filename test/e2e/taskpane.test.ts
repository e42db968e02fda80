/**
 * The task pane in a real browser (headless Chromium), against the in-memory Excel: pick an agency, insert the
 * tracker, read the counts, refresh, go to an overdue task, change the settings; also dark theme, the confirmation
 * dialog, the English switch, an Excel without ExcelApi 1.8 and a page opened outside Office.
 * Screenshots go to test-results/ (taskpane.png, taskpane-dark.png, taskpane-dialog-dark.png).
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { insertTracker } from '../../src/app/insert-tracker';
import { summariseTracker } from '../../src/app/tracker-summary';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { DIST, ROOT, bundlePageFake, ensureTaskpaneBuilt, keepOffline, serveDist } from './browser/harness';
import type { PageFakeOptions } from './browser/fake-page';

const pack = defaultPlanPack();
const SHEET = pack.trackerSheetName;
const RESULTS = join(ROOT, 'test-results');
/** 01/03/2026, 10:00 in Vietnam: task 1 ("Tháng 01/2026") is 29 days overdue. */
const NOW = new Date('2026-03-01T03:00:00Z');

let browser: Browser;
let server: Server;
let baseUrl: string;
let fakeScript: string;

beforeAll(async () => {
  ensureTaskpaneBuilt();
  fakeScript = await bundlePageFake();
  ({ server, url: baseUrl } = await serveDist());
  mkdirSync(RESULTS, { recursive: true });
  // launch() starts Chromium with a fresh temporary profile (user-data dir), removed on close.
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
});

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly refused: string[];
  readonly errors: string[];
}

async function openPane(options: PageFakeOptions & { colorScheme?: 'light' | 'dark'; lang?: 'en' } = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 320, height: 760 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.clock.setFixedTime(NOW);
  const refused = await keepOffline(page, baseUrl);
  await page.addInitScript({ content: fakeScript });
  const { colorScheme: _c, lang, ...fakeOptions } = options;
  await page.addInitScript({ content: `window.VtltFake.install(${JSON.stringify(fakeOptions)});` });
  if (lang) await page.addInitScript({ content: `localStorage.setItem('vtlt.pane.lang', ${JSON.stringify(lang)});` });
  await page.goto(`${baseUrl}/taskpane.html`);
  return { context, page, refused, errors };
}

/** Reads the in-page fake: a sheet's values and formulas, visibility, and the selection. */
async function workbook(page: Page) {
  return page.evaluate((names) => {
    type Fake = {
      sheetNames(): string[];
      sheet(n: string): { visibility: string; usedArea(v: boolean): unknown; valuesOf(a: unknown): unknown[][]; formulasOf(a: unknown): unknown[][] } | undefined;
      selection: { sheet: string; address: string } | null;
      activeSheet: string;
    };
    const fake = (window as unknown as { __vtltFake: Fake }).__vtltFake;
    const read = (n: string) => {
      const s = fake.sheet(n);
      const area = s?.usedArea(true);
      return s && area ? { visibility: s.visibility, values: s.valuesOf(area), formulas: s.formulasOf(area) } : null;
    };
    return { sheetNames: fake.sheetNames(), tracker: read(names.sheet), identity: read(names.identity), selection: fake.selection, active: fake.activeSheet };
  }, { sheet: SHEET, identity: IDENTITY_SHEET });
}

async function pickAgency(page: Page, query: string, expected: string): Promise<void> {
  const input = page.getByRole('combobox', { name: /Đơn vị|Agency/ });
  await input.fill(query);
  await expect.poll(() => page.getByRole('option').first().textContent()).toContain(expected);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(expected);
}

async function expectedSummary(code: string) {
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack, agency: findAgency(defaultRoster(), code)!, now: NOW, confirm: async () => false });
  const r = await summariseTracker(wb, pack, NOW.getTime());
  if (!r.ok) throw new Error('no tracker');
  return r.summary;
}

describe('first load of the task pane', () => {
  it('holds no spreadsheet-file library and stays small; only office.js comes from outside', () => {
    const js = readFileSync(join(DIST, 'taskpane.js'), 'utf8');
    for (const marker of ['xl/workbook.xml', 'sharedStrings', 'JSZip', 'exceljs']) expect(js, marker).not.toContain(marker);
    expect(js.length).toBeLessThan(300 * 1024);
    expect(gzipSync(js).length).toBeLessThan(90 * 1024);
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const external = [...html.matchAll(/(?:src|href)=["']?(https?:[^"'\s>]+)/g)].map((m) => m[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    // Lazily loaded chunks (consolidation, later) are separate files, never part of taskpane.js.
    expect(readdirSync(DIST).filter((f) => f.endsWith('.js')).sort()).toEqual(expect.arrayContaining(['commands.js', 'taskpane.js']));
  });
});

describe('task pane in Chromium', () => {
  it('inserts the tracker, shows the counts, refreshes, goes to an overdue task and applies settings', async () => {
    const { context, page, refused, errors } = await openPane();
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Chèn bảng theo dõi' }).count()).toBe(1);
      await expect.poll(() => page.locator('header').textContent()).toContain('Ngày đối chiếu: 01/03/2026 (hôm nay)');
      await expect.poll(() => page.locator('[data-section="summary"]').textContent()).toContain('chưa có bảng theo dõi');

      // Pick the ward by its name typed without diacritics, and insert.
      await pickAgency(page, 'quyet thang', 'Phường Quyết Thắng');
      await expect.poll(() => page.locator('.chosen').textContent()).toBe('Đã chọn: Phường Quyết Thắng (mã 05455, Phường)');
      await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).click();
      const insertSection = page.locator('[data-section="insert"]');
      await expect.poll(() => insertSection.locator('.status .notice-text').textContent(), { timeout: 20_000 }).toMatch(
        /Đã chèn bảng theo dõi cho Phường Quyết Thắng: \d+ nhiệm vụ; giữ nội dung đã nhập của 0 nhiệm vụ\./,
      );

      // The fake Excel received the tracker and the very hidden stamp.
      const wb = await workbook(page);
      expect(wb.sheetNames).toContain(SHEET);
      expect(wb.active).toBe(SHEET);
      const values = wb.tracker!.values;
      const formulas = wb.tracker!.formulas;
      const header = values.findIndex((row) => row[0] === 'TT');
      expect(values[header]?.[12]).toBe('Tình trạng hạn');
      const taskRows = values.map((row, i) => ({ id: String(row[0]), i })).filter((r) => pack.tasks.some((t) => t.id === r.id));
      const expected = await expectedSummary('05455');
      expect(taskRows.map((r) => r.id)).toEqual(expected.tasks.map((t) => t.task.id));
      for (const r of taskRows) expect(String(formulas[r.i]?.[12])).toMatch(/^=IF\(/);
      expect(String(formulas[3]?.[2])).toBe('=TODAY()');
      expect(wb.identity?.visibility).toBe('VeryHidden');
      expect(wb.identity?.values.some((row) => row[0] === 'agencyCode' && row[1] === '05455')).toBe(true);

      // The counts shown agree with the summary computed outside the browser.
      const summary = page.locator('[data-section="summary"]');
      const chip = (state: string) => summary.locator(`.chip[data-state="${state}"] .chip-count`).textContent();
      await expect.poll(() => chip('overdue')).toBe(String(expected.counts.overdue));
      expect(expected.counts.overdue).toBeGreaterThan(0);
      expect(await chip('due-soon')).toBe(String(expected.counts['due-soon']));
      expect(await summary.locator('.total').textContent()).toBe(`Tổng số: ${expected.tasks.length} nhiệm vụ`);
      const first = summary.locator('button.task').first();
      expect(await first.locator('.task-id').textContent()).toBe('III.1.i.1');
      expect(await first.locator('.task-state').textContent()).toBe('Quá hạn (31 ngày)');
      expect(await first.locator('.task-due').textContent()).toBe('Hạn 29/01/2026');

      // "Làm mới" recomputes.
      await page.getByRole('button', { name: 'Làm mới' }).click();
      await expect.poll(() => summary.locator('.status .notice-text').textContent()).toContain('Đã cập nhật tình hình thực hiện.');

      // Clicking an overdue task selects its row; Enter on the next one selects that one.
      await summary.locator('button.task[data-task="1"]').click();
      const rowOf = (id: string) => taskRows.find((r) => r.id === id)!.i + 1;
      await expect.poll(async () => (await workbook(page)).selection).toEqual({ sheet: SHEET, address: `A${rowOf('1')}:M${rowOf('1')}` });
      await summary.locator('button.task').first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await workbook(page)).selection?.address).toBe(`A${rowOf('III.1.i.1')}:M${rowOf('III.1.i.1')}`);

      await page.screenshot({ path: join(RESULTS, 'taskpane.png'), fullPage: true });

      // Settings: a month-first date is refused with a Vietnamese message; a real one is applied.
      const settings = page.locator('[data-section="settings"]');
      await page.getByRole('radio', { name: /Ngày cố định/ }).check();
      const dateInput = page.getByRole('textbox', { name: 'Ngày cố định, dạng dd/mm/yyyy' });
      await dateInput.fill('02/30/2026');
      await page.getByRole('button', { name: 'Áp dụng' }).click();
      await expect.poll(() => settings.locator('.field-error').first().textContent()).toBe(
        '"02/30/2026" không phải một ngày có thật. Nhập ngày trước, tháng sau (dd/mm/yyyy), ví dụ 31/03/2026.',
      );
      expect(await dateInput.getAttribute('aria-invalid')).toBe('true');
      await dateInput.fill('15/02/2026');
      await page.getByRole('textbox', { name: 'Báo trước (ngày)' }).fill('30');
      await page.getByRole('radio', { name: 'Được hoàn thành trong ngày X' }).check();
      await page.getByRole('button', { name: 'Áp dụng' }).click();
      await expect.poll(() => settings.locator('.status .notice-text').textContent(), { timeout: 20_000 }).toContain('Đã áp dụng cài đặt.');
      await expect.poll(() => page.locator('header').textContent()).toContain('Ngày đối chiếu: 15/02/2026 (cố định)');
      const after = await workbook(page);
      expect(after.tracker!.values[3]?.[2]).toBe(toExcelSerial(mustDay(2026, 2, 15)));
      expect(after.tracker!.values[3]?.[4]).toBe(30);
      expect(after.identity!.values.some((row) => row[0] === 'inclusiveBefore' && row[1] === 'true')).toBe(true);

      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('follows a dark Office theme, asks before switching the agency, and Escape answers no', async () => {
    const { context, page, errors } = await openPane({
      colorScheme: 'dark',
      officeTheme: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#3D3D3D', controlForegroundColor: '#FFFFFF' },
    });
    try {
      await pickAgency(page, 'SNV', 'Sở Nội vụ');
      await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).click();
      await expect.poll(() => page.locator('[data-section="insert"] .status .notice-text').textContent(), { timeout: 20_000 }).toContain('Sở Nội vụ');
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(38, 38, 38)');
      await page.screenshot({ path: join(RESULTS, 'taskpane-dark.png'), fullPage: true });

      await pickAgency(page, 'quyết thắng', 'Phường Quyết Thắng');
      await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Xác nhận' });
      await expect.poll(() => dialog.textContent()).toContain('đang mang thông tin của đơn vị "Sở Nội vụ"');
      // The safe answer has the focus, and the pane behind is inert.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Không');
      expect(await page.locator('.pane').getAttribute('inert')).toBe('');
      await page.screenshot({ path: join(RESULTS, 'taskpane-dialog-dark.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-section="insert"] .status .notice-text').textContent()).toBe('Đã huỷ. Sổ làm việc không thay đổi.');
      expect(await dialog.count()).toBe(0);
      const wb = await workbook(page);
      expect(wb.identity!.values.some((row) => row[0] === 'agencyCode' && row[1] === 'SNV')).toBe(true);

      // "Có" switches.
      await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).click();
      await dialog.getByRole('button', { name: 'Có' }).click();
      await expect.poll(() => page.locator('[data-section="insert"] .status .notice-text').textContent(), { timeout: 20_000 }).toContain('Phường Quyết Thắng');
      expect((await workbook(page)).identity!.values.some((row) => row[0] === 'agencyCode' && row[1] === '05455')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('switches to English and remembers it', async () => {
    const { context, page } = await openPane();
    try {
      await page.getByRole('button', { name: 'Chuyển giao diện sang tiếng Anh' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Insert the tracker' }).count()).toBe(1);
      expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('vtlt.pane.lang')])).toEqual(['en', 'en']);
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { name: 'Progress' }).count()).toBe(1);
      await pickAgency(page, 'tan cuong', 'Xã Tân Cương');
      await page.getByRole('button', { name: 'Insert the tracker' }).click();
      await expect.poll(() => page.locator('[data-section="insert"] .status .notice-text').textContent(), { timeout: 20_000 }).toMatch(
        /^Inserted the tracker for Xã Tân Cương: \d+ tasks; kept what was entered for 0 tasks\.$/,
      );
      await page.screenshot({ path: join(RESULTS, 'taskpane-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('explains which Excel versions work when ExcelApi 1.8 is missing, and does not offer inserting', async () => {
    const { context, page } = await openPane({ excelApi: '1.7' });
    try {
      const insertSection = page.locator('[data-section="insert"]');
      await expect.poll(() => insertSection.textContent()).toContain('Cần Excel hỗ trợ ExcelApi 1.8: Microsoft 365');
      expect(await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('says to open it in Excel when the page is opened outside Office', async () => {
    const { context, page, errors } = await openPane({ outsideOffice: true });
    try {
      await expect.poll(() => page.locator('.banner').textContent(), { timeout: 30_000 }).toContain('Hãy mở trong Excel');
      expect(await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
