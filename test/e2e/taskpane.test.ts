/**
 * The task pane in a real browser (headless Chromium), against the in-memory Excel: pick an agency, insert the
 * tracker, read the counts, refresh, go to an overdue task, change the settings (behind the gear); also dark theme,
 * the confirmation dialog, the English switch, an Excel without ExcelApi 1.8 and a page opened outside Office.
 * Then the report forms, the check with highlighting, and consolidation of agency files picked with the file input,
 * each in its view (taskpane.html?view=<id>, then the tabs).
 * Screenshots go to test-results/ (taskpane.png, taskpane-dark.png, taskpane-dialog-dark.png, taskpane-forms.png,
 * taskpane-check.png, taskpane-consolidate.png).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertForms } from '../../src/app/insert-forms';
import { insertTracker } from '../../src/app/insert-tracker';
import { summariseTracker } from '../../src/app/tracker-summary';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { columnLetter } from '../../src/workbook/a1';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { DIST, bundleOf } from './browser/harness';
import type { PageFakeOptions } from './browser/fake-page';
import { openPane as openPaneIn, RESULTS, showView, syncs, USED_BEFORE, usePaneSession, type OpenedPane } from './browser/session';

const pack = defaultPlanPack();
const SHEET = pack.trackerSheetName;
/** 01/03/2026, 10:00 in Vietnam: task 1 ("Tháng 01/2026") is 29 days overdue. */
const NOW = new Date('2026-03-01T03:00:00Z');

const session = usePaneSession();

/** Opens the pane; `view` as the ribbon's buttons do (taskpane.html?view=<id>), else where the workbook says. */
function openPane(options: PageFakeOptions & { colorScheme?: 'light' | 'dark'; lang?: 'en'; view?: string } = {}): Promise<OpenedPane> {
  const { lang, view, ...rest } = options;
  return openPaneIn(session, { now: NOW, ...rest, savedLang: lang, ...(view ? { hash: `?view=${view}` } : {}) });
}

/** Opens the settings with the gear in the header (their view comes with the tools chunk). */
async function openSettings(page: Page, name = 'Cài đặt'): Promise<void> {
  await page.getByRole('button', { name }).click();
  await expect.poll(() => page.locator('[data-section="settings"]').count(), { timeout: 30_000 }).toBe(1);
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

/** Picks an agency in the picker of a section (the tracker's by default; the forms have their own). */
async function pickAgency(page: Page, query: string, expected: string, section = 'insert'): Promise<void> {
  const input = page.locator(`[data-section="${section}"]`).getByRole('combobox', { name: /Đơn vị|Agency/ });
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
    const bundle = bundleOf('taskpane') ?? 'taskpane.js';
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    // The first load: every script and style sheet of our own the page names.
    const own = [...html.matchAll(/(?:src|href)=["']?([^"'\s>]+\.(?:js|css))/g)].map((m) => m[1]!).filter((f) => !/^https?:/.test(f));
    expect(own).toContain(bundle);
    expect(own.filter((f) => f.endsWith('.js') && f !== bundle).every((f) => /^legacy-notice\.[0-9a-f]+\.js$/.test(f))).toBe(true);
    const bytes = Buffer.concat(own.map((f) => readFileSync(join(DIST, f))));
    const js = bytes.toString('utf8');
    for (const marker of ['xl/workbook.xml', 'sharedStrings', 'JSZip', 'exceljs']) expect(js, marker).not.toContain(marker);
    // No schema library (zod), no English catalog, no command-line lines, no tools' messages at start.
    expect(js, 'zod').not.toContain('ZodError');
    expect(js, 'English catalog').not.toContain('Records & Archives 2026');
    expect(js, 'command-line lines').not.toContain('vtlt <lệnh> [tuỳ chọn]');
    expect(js, 'validation findings').not.toContain('Sổ làm việc không có thông tin nhận diện của phần mềm');
    // The views but the tracker's come with the tools chunk: their messages, the first run, the settings' form.
    expect(js, 'consolidation messages').not.toContain('Đã huỷ tổng hợp');
    expect(js, 'first run').not.toContain('Chèn bảng theo dõi và biểu báo cáo');
    expect(js, 'settings view').not.toContain('asof-today');
    // Bytes, not characters (the Vietnamese texts are several bytes a character).
    expect(bytes.length).toBeLessThan(190 * 1024);
    const gzipped = gzipSync(bytes).length;
    console.info(`First load: ${own.join(' + ')}: ${bytes.length} B, ${gzipped} B gzip`);
    expect(gzipped).toBeLessThanOrEqual(50 * 1024);
    const external = [...html.matchAll(/(?:src|href)=["']?(https?:[^"'\s>]+)/g)].map((m) => m[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    // Lazily loaded chunks are separate files, never part of taskpane.js: the tools (forms, check, the views but the
    // tracker's) and consolidation, whose chunks alone hold the spreadsheet-file library.
    expect(readdirSync(DIST).filter((f) => f.endsWith('.js')).sort()).toEqual(expect.arrayContaining([bundleOf('commands'), bundle]));
    const chunks = readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
    expect(chunks.some((f) => /^tools\..*\.js$/.test(f))).toBe(true);
    expect(chunks.some((f) => /^tools\..*\.css$/.test(f))).toBe(true);
    expect(chunks.some((f) => f.startsWith('consolidation.'))).toBe(true);
    // The help (taskpane.html#help) is a chunk of its own: its texts are not part of the first load.
    expect(chunks.some((f) => f.startsWith('help.'))).toBe(true);
    expect(js).not.toContain('Các bước thường làm');
    const withLibrary = chunks.filter((f) => readFileSync(join(DIST, 'chunks', f), 'utf8').includes('sharedStrings'));
    expect(withLibrary.length).toBeGreaterThan(0);
    expect(withLibrary.some((f) => f.startsWith('tools.'))).toBe(false);
    // English is a chunk of its own, loaded on the switch; so is the form pack schema, loaded when a pack file is picked.
    expect(chunks.some((f) => f.startsWith('lang-en.'))).toBe(true);
    expect(chunks.some((f) => f.startsWith('pack-schema.'))).toBe(true);
    const tools = chunks.filter((f) => /^tools\..*\.js$/.test(f)).map((f) => readFileSync(join(DIST, 'chunks', f), 'utf8'));
    expect(tools.some((text) => text.includes('ZodError'))).toBe(false);
    const sizes = [...own, ...chunks.map((f) => `chunks/${f}`)].map((f) => {
      const bytes = readFileSync(join(DIST, f));
      return `${f}: ${bytes.length} B, ${gzipSync(bytes).length} B gzip`;
    });
    console.info(`Task pane files:\n  ${sizes.join('\n  ')}`);
  });
});

describe('task pane in Chromium', () => {
  it('inserts the tracker, shows the counts, refreshes, goes to an overdue task and applies settings', async () => {
    const { context, page, refused, errors } = await openPane({ view: 'tracker', documentSettings: USED_BEFORE });
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Chèn bảng theo dõi' }).count()).toBe(1);
      await expect.poll(() => page.locator('header').textContent()).toContain('Ngày đối chiếu: 01/03/2026 (hôm nay)');
      await expect.poll(() => page.locator('[data-section="summary"]').textContent()).toContain('chưa có bảng theo dõi');

      // Pick the ward by its name typed without diacritics, and insert.
      await pickAgency(page, 'quyet thang', 'Phường Quyết Thắng');
      await expect.poll(() => page.locator('[data-section="insert"] .chosen').textContent()).toBe('Đã chọn: Phường Quyết Thắng (mã 05455, Phường)');
      await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).click();
      const insertSection = page.locator('[data-section="insert"]');
      await expect.poll(() => insertSection.locator('.status .notice-text').textContent(), { timeout: 20_000 }).toMatch(
        /Đã chèn bảng theo dõi cho Phường Quyết Thắng: \d+ nhiệm vụ\./,
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
      // A task's row, across the tracker's columns (the header row's width).
      const last = columnLetter(values[header]!.filter((v) => v !== null && v !== '').length);
      await expect.poll(async () => (await workbook(page)).selection).toEqual({ sheet: SHEET, address: `A${rowOf('1')}:${last}${rowOf('1')}` });
      await summary.locator('button.task').first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await workbook(page)).selection?.address).toBe(`A${rowOf('III.1.i.1')}:${last}${rowOf('III.1.i.1')}`);

      await page.screenshot({ path: join(RESULTS, 'taskpane.png'), fullPage: true });

      // Settings, behind the gear: a month-first date is refused with a Vietnamese message; a real one is applied.
      await openSettings(page);
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
      view: 'tracker',
      documentSettings: USED_BEFORE,
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
    const { context, page } = await openPane({ view: 'tracker', documentSettings: USED_BEFORE });
    try {
      await page.getByRole('button', { name: 'Chuyển giao diện sang tiếng Anh' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Insert the tracker' }).count()).toBe(1);
      expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('vtlt.pane.lang')])).toEqual(['en', 'en']);
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { name: 'Progress' }).count()).toBe(1);
      await pickAgency(page, 'tan cuong', 'Xã Tân Cương');
      await page.getByRole('button', { name: 'Insert the tracker' }).click();
      await expect.poll(() => page.locator('[data-section="insert"] .status .notice-text').textContent(), { timeout: 20_000 }).toMatch(
        /^Inserted the tracker for Xã Tân Cương: \d+ tasks\.$/,
      );
      await page.screenshot({ path: join(RESULTS, 'taskpane-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('explains which Excel versions work when ExcelApi 1.8 is missing, and does not offer inserting', async () => {
    const { context, page } = await openPane({ excelApi: '1.7', view: 'tracker', documentSettings: USED_BEFORE });
    try {
      const insertSection = page.locator('[data-section="insert"]');
      await expect.poll(() => insertSection.textContent()).toContain('Cần Excel hỗ trợ ExcelApi 1.8: Microsoft 365');
      expect(await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).isDisabled()).toBe(true);
      await openSettings(page);
      expect(await page.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('the first run in an Excel without ExcelApi 1.8 says which Excel versions work, as the tracker view does', async () => {
    const { context, page, errors } = await openPane({ excelApi: '1.7' });
    try {
      await page.locator('button[data-choice="agency"]').click({ timeout: 30_000 });
      const notice = page.locator('[data-section="setup"] .notice.warning');
      await expect.poll(() => notice.isVisible()).toBe(true);
      const said = await notice.textContent();
      expect(said).toContain('Cần Excel hỗ trợ ExcelApi 1.8: Microsoft 365');
      expect(said).toContain('Excel 2021 hoặc 2024');
      expect(errors).toEqual([]);
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

// ---------------------------------------------------------------------------------------------------------------
// Report forms, check and highlight, consolidation.

type FakeInPage = {
  sheetNames(): string[];
  sheet(n: string): { visibility: string; cells: Map<number, { format: Map<string, unknown> }>; formatAt(a: string, p: string): unknown } | undefined;
  typeInto(sheet: string, address: string, rows: unknown[][]): void;
  valuesOf(sheet: string): unknown[][];
  resetCounters(): void;
  syncCount: number;
  selection: { sheet: string; address: string } | null;
};

/** Every fill of every sheet of the in-page Excel, by "sheet:cell key". */
async function allFills(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __vtltFake: FakeInPage }).__vtltFake;
    const out: Record<string, unknown> = {};
    for (const name of fake.sheetNames()) {
      for (const [k, c] of fake.sheet(name)?.cells ?? new Map()) {
        const f = c.format.get('fill.color');
        if (f !== undefined) out[`${name}:${k}`] = f;
      }
    }
    return out;
  });
}

/**
 * An input cell of form `code` as the pane lays it out (the layout is the same on every host): the first one, or the
 * one of row code `row`, column `col`.
 */
async function inputCellOf(code: string, agencyCode: string, at?: { row: string; col: number }): Promise<string> {
  const wb = FileWorkbook.create();
  const r = await insertForms(wb, {
    pack: defaultFormPack(), codes: [code], agency: findAgency(defaultRoster(), agencyCode)!, year: 2025,
    plan: { id: pack.id, version: pack.version }, now: NOW, confirm: async () => true,
  });
  if (!r.ok) throw new Error('no forms');
  const form = r.forms[0]!;
  const [, address] = [...form.layout.addresses.entries()].find(([key]) => {
    const [row, col] = key.split(':');
    if (at && (row !== at.row || Number(col) !== at.col)) return false;
    return form.layout.model.roleOf({ row: row!, col: Number(col) }) === 'input';
  })!;
  return address;
}

/** An agency workbook as an agency sends it back: tracker and the 13 forms, made with the file host. */
async function agencyFile(code: string, year: number): Promise<Buffer> {
  const agency = findAgency(defaultRoster(), code)!;
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack, agency, now: NOW, confirm: async () => true });
  const r = await insertForms(wb, { pack: defaultFormPack(), agency, year, plan: { id: pack.id, version: pack.version }, now: NOW, confirm: async () => true });
  if (!r.ok) throw new Error('no forms');
  // Saved at the pane's clock: the file's save time (when the agency "sent" it) does not follow the day the test runs.
  return Buffer.from(await wb.toBuffer(NOW));
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** office.js's own telemetry frame, which it opens after a while on a page that stays open; refused, and not needed. */
const OFFICE_TELEMETRY = /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//;

describe('report forms, check and consolidation in Chromium', () => {
  it('inserts the forms, checks the workbook, goes to a problem, highlights and gives the fills back', async () => {
    const { context, page, refused, errors } = await openPane({ view: 'forms' });
    try {
      const forms = page.locator('[data-section="forms"]');
      const boxes = forms.locator('input[type="checkbox"]');
      await expect.poll(() => boxes.count(), { timeout: 30_000 }).toBe(13);
      expect(await boxes.evaluateAll((list) => list.every((b) => (b as HTMLInputElement).checked))).toBe(true);
      expect(await forms.locator('.check label').first().textContent()).toBe('0801 Số lượng văn bản chỉ đạo và hướng dẫn nghiệp vụ công tác văn thư, lưu trữ');
      // The reference pack's notice is always shown.
      expect(await forms.locator('.pack').textContent()).toContain('Lưu ý: mẫu tham khảo — đối chiếu với Thông tư 18/2025/TT-BNV trước khi nộp.');
      const year = forms.getByRole('textbox', { name: 'Năm báo cáo' });
      expect(await year.inputValue()).toBe('2025');

      // Kiểm tra on an empty workbook: the 13 forms not there yet, as one line.
      const check = page.locator('[data-section="check"]');
      await showView(page, 'check');
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await expect.poll(() => check.locator('.status .notice-text').textContent()).toContain('Chưa có 13/13 biểu: 0801–0813.');

      // A malformed pack from a file: refused, each problem naming its field path; the bundled pack stays.
      const bad = JSON.parse(JSON.stringify(defaultFormPack())) as { version: string; forms: { code: string }[] };
      bad.version = 'mới';
      bad.forms[1]!.code = '82';
      await showView(page, 'forms');
      await forms.locator('input[type="file"]').setInputFiles({ name: 'goi-hong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
      const formsStatus = forms.locator('.status .notice-text');
      await expect.poll(() => formsStatus.textContent()).toContain('Tệp "goi-hong.json" không phải gói biểu mẫu hợp lệ');
      const lines = await formsStatus.locator('p').allTextContents();
      expect(lines).toContain('version: phiên bản dạng 1.0.0');
      expect(lines).toContain('forms[1].code: mã biểu gồm 4 chữ số, ví dụ "0804"');
      expect(await boxes.count()).toBe(13);

      // A year that is not one, then the agency missing: both said, nothing written.
      await year.fill('20x5');
      await forms.getByRole('button', { name: 'Chèn biểu báo cáo' }).click();
      await expect.poll(() => forms.locator('.field-error').first().textContent()).toBe('"20x5" không hợp lệ: năm báo cáo gồm 4 chữ số, từ 2000 đến 2026.');
      expect(await formsStatus.allTextContents()).toEqual(['Chọn một đơn vị trong danh sách trước khi chèn.Kiểm tra lại các mục được đánh dấu.']);
      await year.fill('2025');
      await pickAgency(page, 'quyet thang', 'Phường Quyết Thắng', 'forms');
      // The same agency is shown for the tracker.
      expect(await page.locator('[data-section="insert"] .chosen').textContent()).toBe('Đã chọn: Phường Quyết Thắng (mã 05455, Phường)');

      await syncs(page, true);
      await forms.getByRole('button', { name: 'Chèn biểu báo cáo' }).click();
      await expect.poll(() => formsStatus.textContent(), { timeout: 30_000 }).toBe('Đã chèn 13 biểu (0801–0813) năm 2025 cho Phường Quyết Thắng.');
      // All 13 forms (and the stamp) in at most 3 round trips.
      expect(await syncs(page)).toBeLessThanOrEqual(3);
      const names = await page.evaluate(() => (window as unknown as { __vtltFake: FakeInPage }).__vtltFake.sheetNames());
      for (const f of defaultFormPack().forms) expect(names).toContain(f.code);
      await page.screenshot({ path: join(RESULTS, 'taskpane-forms.png'), fullPage: true });

      // A typed error in 0804, and Kiểm tra in one round trip.
      const cell = await inputCellOf('0804', '05455');
      await page.evaluate(([c]) => (window as unknown as { __vtltFake: FakeInPage }).__vtltFake.typeInto('0804', c!, [['mười hai']]), [cell]);
      await showView(page, 'check');
      await syncs(page, true);
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      await expect.poll(() => check.locator('.status .notice-text').textContent()).toContain('Có 1 lỗi và 0 cảnh báo.');
      expect(await syncs(page)).toBe(1);
      expect(await check.locator('.status .notice-text').textContent()).toContain('Sổ làm việc chưa có bảng theo dõi nhiệm vụ.');
      const group = check.locator('.issue-group[data-sheet="0804"]');
      expect(await group.locator('h3').textContent()).toBe('Trang 08041 lỗi');
      const item = group.locator('button.issue').first();
      expect(await item.locator('.issue-severity').textContent()).toBe('Lỗi');
      expect(await item.locator('.issue-cell').textContent()).toBe(`Ô ${cell}`);
      expect(await item.locator('.issue-message').textContent()).toBe('Ô này cần một số. Xoá chữ và nhập số (để trống nếu chưa có số liệu).');
      expect(await item.locator('.issue-value').textContent()).toBe('Giá trị: "mười hai"');

      // Clicking it, or Enter on it, selects its cell.
      await page.evaluate(() => {
        const fake = (window as unknown as { __vtltFake: FakeInPage }).__vtltFake;
        fake.selection = null;
      });
      await item.click();
      await expect.poll(async () => (await workbook(page)).selection).toEqual({ sheet: '0804', address: cell });
      await page.evaluate(() => ((window as unknown as { __vtltFake: FakeInPage }).__vtltFake.selection = null));
      await item.focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await workbook(page)).selection).toEqual({ sheet: '0804', address: cell });

      // Highlight: light red, the previous fill kept in a very hidden sheet; then every fill back as it was.
      const before = await allFills(page);
      const fillOf = () => page.evaluate(([c]) => (window as unknown as { __vtltFake: FakeInPage }).__vtltFake.sheet('0804')?.formatAt(c!, 'fill.color'), [cell]);
      expect(await fillOf()).toBe('#FFFDF5');
      await syncs(page, true);
      await page.getByRole('button', { name: 'Tô màu lỗi' }).click();
      await expect.poll(() => check.locator('.status .notice-text').textContent()).toBe('Đã tô màu 1 ô có vấn đề.');
      expect(await syncs(page, true)).toBe(2);
      expect(await fillOf()).toBe('#FFC7CE');
      const record = await page.evaluate(() => {
        const fake = (window as unknown as { __vtltFake: FakeInPage }).__vtltFake;
        return { visibility: fake.sheet('_vtlt_highlight')?.visibility, rows: fake.valuesOf('_vtlt_highlight') };
      });
      expect(record.visibility).toBe('VeryHidden');
      expect(record.rows).toContainEqual([`0804!${cell}`, '#FFFDF5', '#FFC7CE']);
      await page.screenshot({ path: join(RESULTS, 'taskpane-check.png'), fullPage: true });

      // "Bỏ tô màu": the fills as before, the record gone. (That it works from a pane opened later, with nothing kept in
      // memory, is checked against the same fake in test/hosts/excel/pane-tools.test.ts: a reload here would start a
      // new in-page workbook.)
      await syncs(page, true);
      await page.getByRole('button', { name: 'Bỏ tô màu' }).click();
      await expect.poll(() => page.locator('[data-section="check"] .status .notice-text').textContent()).toBe('Đã trả lại màu nền cũ cho 1 ô.');
      expect(await syncs(page)).toBe(2);
      expect(await allFills(page)).toEqual(before);
      expect(await page.evaluate(() => (window as unknown as { __vtltFake: FakeInPage }).__vtltFake.sheet('_vtlt_highlight'))).toBeUndefined();

      // A corrected pack without row 10 of form 0808, where a figure was typed: the figure is listed (form, row, column,
      // value) before the user agrees to insert.
      const row10 = await inputCellOf('0808', '05455', { row: '10', col: 1 });
      await page.evaluate(([c]) => (window as unknown as { __vtltFake: FakeInPage }).__vtltFake.typeInto('0808', c!, [[7]]), [row10]);
      const corrected = JSON.parse(JSON.stringify(defaultFormPack())) as { version: string; forms: { code: string; rows: { code: string }[] }[] };
      corrected.version = '1.0.1';
      const f0808 = corrected.forms.find((f) => f.code === '0808')!;
      f0808.rows = f0808.rows.filter((r) => r.code !== '10');
      await showView(page, 'forms');
      await forms.locator('input[type="file"]').setInputFiles({ name: 'goi-sua.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrected)) });
      await expect.poll(() => formsStatus.textContent()).toBe('Đã nạp gói biểu mẫu từ tệp "goi-sua.json": 13 biểu.');
      expect(await forms.locator('.pack').textContent()).toContain('Nạp từ tệp "goi-sua.json".');
      expect(await forms.locator('.pack').textContent()).toContain('Lưu ý: mẫu tham khảo');
      await forms.getByRole('button', { name: 'Chèn biểu báo cáo' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Xác nhận' });
      const listed = `Biểu 0808, dòng 10, cột 1 (ô ${row10}): 7 — biểu mới không còn dòng này`;
      await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain(listed);
      expect(await dialog.textContent()).toContain('1 số liệu đã nhập không còn vị trí trong biểu mới và sẽ không được ghi lại');
      await page.screenshot({ path: join(RESULTS, 'taskpane-forms-dialog.png') });
      await dialog.getByRole('button', { name: 'Có' }).click();
      await expect.poll(() => formsStatus.locator('p').allTextContents(), { timeout: 20_000 }).toEqual([
        'Đã chèn 13 biểu (0801–0813) năm 2025 cho Phường Quyết Thắng.',
        // The text typed in 0804 is kept too: a figure entered is never dropped silently.
        'Giữ nguyên 1 số liệu đã nhập.',
        '1 số liệu không còn vị trí trong biểu mới nên không được ghi lại:',
        listed,
      ]);

      expect(errors).toEqual([]);
      expect(refused.filter((u) => !OFFICE_TELEMETRY.test(u))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('consolidates agency files picked in the file input, with progress, Cancel, the summary and the reminder', async () => {
    const files = [
      { name: 'phuong-quyet-thang.xlsx', mimeType: XLSX, buffer: await agencyFile('05455', 2025) },
      { name: 'so-noi-vu.xlsx', mimeType: XLSX, buffer: await agencyFile('SNV', 2025) },
      { name: 'so-tai-chinh-2024.xlsx', mimeType: XLSX, buffer: await agencyFile('STC', 2024) },
    ];
    const { context, page, refused, errors } = await openPane({ view: 'consolidate' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.baseUrl });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    try {
      const section = page.locator('[data-section="consolidate"]');
      const input = section.locator('input[type="file"]');
      await expect.poll(() => input.count(), { timeout: 30_000 }).toBe(1);
      // Nothing of the file reader is loaded before it is needed.
      expect(requested.some((u) => /chunks\/consolidation\./.test(u))).toBe(false);

      await input.setInputFiles(files);
      await expect.poll(() => section.locator('.files').textContent()).toBe('Đã chọn 3 tệp:phuong-quyet-thang.xlsxso-noi-vu.xlsxso-tai-chinh-2024.xlsx');

      // Watch the busy line, and make every file slow to read, to see the progress and to cancel. The reads are held
      // until the test lets them go (window.__hold), so the cancel comes while the first file is read however slow
      // the machine: a fixed delay alone could let the run end before the click.
      await page.evaluate(() => {
        const win = window as unknown as { __seen: string[]; __hold: boolean };
        const seen: string[] = [];
        win.__seen = seen;
        win.__hold = true;
        const status = document.querySelector('[data-section="consolidate"] .status')!;
        new MutationObserver(() => {
          const text = status.querySelector('.busy')?.textContent;
          if (text && seen[seen.length - 1] !== text) seen.push(text);
        }).observe(status, { childList: true, subtree: true, characterData: true });
        const read = File.prototype.arrayBuffer;
        const released = (): Promise<void> =>
          new Promise((resolve) => {
            const wait = () => (win.__hold ? setTimeout(wait, 20) : setTimeout(resolve, 400));
            wait();
          });
        File.prototype.arrayBuffer = function slow(this: File) {
          return released().then(() => read.call(this));
        };
      });
      await section.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen), { timeout: 30_000 }).toContain('Tệp 1/3: phuong-quyet-thang.xlsx');
      const cancel = section.getByRole('button', { name: 'Huỷ' });
      expect(await section.locator('progress').isVisible()).toBe(true);
      await section.screenshot({ path: join(RESULTS, 'taskpane-consolidate-progress.png') });
      // Meanwhile the other views still show (their actions wait, one run at a time); the running view's tab says so.
      await showView(page, 'tracker');
      expect(await page.locator('[role="tab"][data-view="consolidate"]').getAttribute('data-busy')).toBe('');
      expect(await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).isDisabled()).toBe(true);
      await showView(page, 'consolidate');
      await cancel.click();
      await page.evaluate(() => void ((window as unknown as { __hold: boolean }).__hold = false));
      await expect.poll(() => section.locator('.status .notice-text').textContent(), { timeout: 30_000 }).toBe('Đã huỷ tổng hợp. Sổ làm việc không thay đổi.');
      expect(await page.evaluate(() => (window as unknown as { __vtltFake: FakeInPage }).__vtltFake.sheetNames())).toEqual(['Sheet1']);
      expect(requested.some((u) => /chunks\/consolidation\./.test(u))).toBe(true);

      // Again, to the end, looking at the tracker meanwhile: the end is said aloud though its view is not shown.
      await syncs(page, true);
      await section.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
      await showView(page, 'tracker');
      await expect.poll(() => page.locator('[data-announcer]').textContent(), { timeout: 60_000 }).toContain('Đã tổng hợp 3 tệp vào sổ làm việc');
      expect(await page.locator('[data-announcer]').getAttribute('role')).toBe('status');
      await showView(page, 'consolidate');
      await expect.poll(() => section.locator('.status .notice-text').textContent(), { timeout: 60_000 }).toContain('Đã tổng hợp 3 tệp vào sổ làm việc');
      const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
      expect(seen).toEqual(expect.arrayContaining(['Tệp 2/3: so-noi-vu.xlsx', 'Tệp 3/3: so-tai-chinh-2024.xlsx', 'Đang ghi kết quả vào sổ làm việc…']));
      // Read the roster and every sheet's protection 1, write every sheet 1 (with the sheet states the read found).
      expect(await syncs(page)).toBe(2);
      const rows = await section.locator('.result-row').allTextContents();
      expect(rows[0]).toMatch(/^Đã nộp: 2\/106 đơn vị/);
      expect(rows[1]).toMatch(/^Chưa nộp: 104 đơn vị/);
      expect(rows[4]).toBe('Tệp bị loại: 1so-tai-chinh-2024.xlsx: Tệp báo cáo năm 2024, không phải năm 2025.');
      const names = await page.evaluate(() => (window as unknown as { __vtltFake: FakeInPage }).__vtltFake.sheetNames());
      expect(names).toEqual(expect.arrayContaining(['Danh sách đơn vị', 'Tổng hợp 0801', 'Tổng hợp 0813']));
      const reminder = await section.locator('textarea').inputValue();
      expect(reminder).toContain('Sở Nội vụ chưa nhận được báo cáo của 104 cơ quan, tổ chức, đơn vị sau:');

      await section.getByRole('button', { name: 'Sao chép' }).click();
      await expect.poll(() => section.locator('.copy-status').textContent()).toBe('Đã sao chép văn bản đôn đốc.');
      expect(await section.locator('.status .notice-text').textContent()).toContain('Đã tổng hợp 3 tệp vào sổ làm việc');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reminder);
      await section.screenshot({ path: join(RESULTS, 'taskpane-consolidate.png') });

      expect(errors, errors.join('\n')).toEqual([]);
      expect(refused.filter((u) => !OFFICE_TELEMETRY.test(u))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
