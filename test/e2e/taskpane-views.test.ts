/**
 * Every view of the task pane looked at and checked: light and dark (Office's theme), Vietnamese and English, at 320
 * and 450 px, each with real content (a ward's tracker and forms, a check with findings, a consolidation of agency
 * files, the documents it gives). Each is saved as a full-page screenshot, test-results/views/<view>-<theme>-<lang>-
 * <width>.png, and checked with axe-core (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA) and for anything cut off at the pane's width:
 * no serious or critical finding is allowed.
 *
 * One browser, one page: the workbook lives in the page (the in-page Excel fake), so theme, language and width are
 * changed live (Office's theme is read again when the pane regains focus; the language by its switch).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertForms } from '../../src/app/insert-forms';
import { insertTracker } from '../../src/app/insert-tracker';
import { toTcvn3 } from '../../src/domain/legacy-encoding';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { axeViolations } from './browser/harness';
import {
  LANGS, OFFICE_THEME, SHOTS, THEMES, type Finding, expectNothingSerious, lookAt, lookAtViews, setLang, setTheme, showView, stickingOut,
} from './browser/pane-look';
import { openPane, usePaneSession } from './browser/session';

const pack = defaultPlanPack();
/** 01/03/2026, 10:00 in Vietnam: some tasks overdue, some due soon. */
const NOW = new Date('2026-03-01T03:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const session = usePaneSession();

beforeAll(() => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
});

// ---------------------------------------------------------------------------------------------------------------
// Workbooks made outside the browser.

/** An agency's workbook (tracker and the 13 forms) as it sends it back, last saved at `savedAt`. */
async function agencyFile(code: string, year: number, savedAt: string): Promise<Buffer> {
  const agency = findAgency(defaultRoster(), code)!;
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack, agency, now: NOW, confirm: async () => true });
  const r = await insertForms(wb, { pack: defaultFormPack(), agency, year, plan: { id: pack.id, version: pack.version }, now: NOW, confirm: async () => true });
  if (!r.ok) throw new Error('no forms');
  return Buffer.from(await wb.toBuffer(new Date(savedAt)));
}

/** What Sở Nội vụ received by 01/03/2026: two on time, one a day late, one of the year before. */
async function receivedFiles(): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const made: [string, string, number, string][] = [
    ['so-noi-vu.xlsx', 'SNV', 2025, '2026-02-20T02:00:00Z'],
    ['so-tu-phap.xlsx', 'STP', 2025, '2026-02-26T08:00:00Z'],
    ['phuong-quyet-thang.xlsx', '05455', 2025, '2026-03-01T01:30:00Z'],
    ['so-tai-chinh-2024.xlsx', 'STC', 2024, '2026-02-25T03:00:00Z'],
  ];
  return Promise.all(made.map(async ([name, code, year, saved]) => ({ name, mimeType: XLSX, buffer: await agencyFile(code, year, saved) })));
}

/** The first input cell of form `code` as the pane lays it out. */
async function inputCellOf(code: string): Promise<string> {
  const wb = FileWorkbook.create();
  const r = await insertForms(wb, {
    pack: defaultFormPack(), codes: [code], agency: findAgency(defaultRoster(), '05455')!, year: 2025,
    plan: { id: pack.id, version: pack.version }, now: NOW, confirm: async () => true,
  });
  if (!r.ok) throw new Error('no forms');
  const form = r.forms[0]!;
  const [, address] = [...form.layout.addresses.entries()].find(([key]) => {
    const [row, col] = key.split(':');
    return form.layout.model.roleOf({ row: row!, col: Number(col) }) === 'input';
  })!;
  return address;
}

// ---------------------------------------------------------------------------------------------------------------
// Driving the pane.

const section = (page: Page, key: string) => page.locator(`[data-section="${key}"]`);
const statusText = (page: Page, key: string) => section(page, key).locator('.status .notice-text').first().textContent();

async function pickAgency(page: Page, key: string, query: string, expected: string): Promise<void> {
  const input = section(page, key).getByRole('combobox');
  await input.fill(query);
  await expect.poll(() => page.getByRole('option').first().textContent()).toContain(expected);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(expected);
}

/** The first run's "Văn thư đơn vị", a ward chosen; then its one step inserts the tracker and the forms. */
async function chooseWard(page: Page): Promise<void> {
  await page.locator('button[data-choice="agency"]').click();
  await pickAgency(page, 'setup', 'quyet thang', 'Phường Quyết Thắng');
}

async function setUpWard(page: Page): Promise<void> {
  await section(page, 'setup').locator('button[data-focus-key="setup"]').click();
  await expect.poll(() => statusText(page, 'insert'), { timeout: 30_000 }).toMatch(/Đã chèn bảng theo dõi[^]*Đã chèn 13 biểu/);
  await expect.poll(() => page.locator('[role="tab"][data-view="tracker"]').getAttribute('aria-selected')).toBe('true');
}

/** Two slips typed, agency files consolidated, the workbook checked, and read for documents. */
async function fillWorkbook(page: Page, files: readonly { name: string; mimeType: string; buffer: Buffer }[], badCell: string): Promise<void> {
  // A figure typed as words in 0804, and a note typed with an old TCVN3 keyboard in the tracker.
  await page.evaluate(
    ({ cell, sheet, note, ids }) => {
      const fake = (window as unknown as { __vtltFake: { typeInto(s: string, a: string, v: unknown[][]): void; valuesOf(s: string): unknown[][] } }).__vtltFake;
      fake.typeInto('0804', cell, [['mười hai']]);
      const rows = fake.valuesOf(sheet);
      const header = rows.findIndex((row) => row[0] === 'TT');
      const col = rows[header]!.indexOf('Ghi chú');
      const task = rows.findIndex((row) => ids.includes(String(row[0])));
      fake.typeInto(sheet, `${String.fromCharCode(65 + col)}${task + 1}`, [[note]]);
    },
    { cell: badCell, sheet: pack.trackerSheetName, note: toTcvn3('Đã trình lãnh đạo duyệt'), ids: pack.tasks.map((t) => t.id) },
  );

  await showView(page, 'consolidate');
  const consolidate = section(page, 'consolidate');
  await consolidate.locator('input[type="file"]').setInputFiles([...files]);
  await consolidate.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
  await expect.poll(() => statusText(page, 'consolidate'), { timeout: 60_000 }).toContain(`Đã tổng hợp ${files.length} tệp`);

  await showView(page, 'check');
  await section(page, 'check').getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await expect.poll(() => statusText(page, 'check'), { timeout: 30_000 }).toMatch(/Có \d+ lỗi/);
  await readForDocuments(page);
}

/**
 * "Soạn văn bản" reads the workbook when asked; what it read is kept when the language is switched (the card is built
 * again and shows it in the new language), so it is read once.
 */
async function readForDocuments(page: Page): Promise<void> {
  const documents = section(page, 'documents');
  await showView(page, 'documents');
  if ((await documents.locator('button[data-kind]').count()) > 0) return;
  await documents.locator('button[data-focus-key="documents-open"]').click();
  await expect.poll(() => documents.locator('button[data-kind]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

/**
 * Moments of the views besides their resting state, in each theme and language at 320 px: the agency list open under
 * the search box, the question asked before the tracker is given to another agency, the question before converting
 * TCVN3 text to Unicode, and the settings with two fields refused.
 */
async function lookAtMoments(page: Page, findings: Finding[]): Promise<number> {
  let shots = 0;
  await page.setViewportSize({ width: 320, height: 760 });
  for (const theme of THEMES) {
    await setTheme(page, theme);
    for (const lang of LANGS) {
      await setLang(page, lang);
      await showView(page, 'tracker');
      const input = section(page, 'insert').getByRole('combobox');
      await input.fill('tan');
      await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(1);
      await lookAt(page, `moment-agency-list-${theme}-${lang}-320`, findings, true);
      await input.fill('tan cuong');
      await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Tân Cương');
      await input.press('Enter');
      await section(page, 'insert').locator('button.primary').first().click();
      const dialog = page.getByRole('alertdialog');
      await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(1);
      await lookAt(page, `moment-confirm-${theme}-${lang}-320`, findings, false);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);

      await showView(page, 'check');
      await section(page, 'check').locator('button[data-focus-key="legacy-convert"]').click();
      await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(1);
      await lookAt(page, `moment-unicode-${theme}-${lang}-320`, findings, false);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);

      await showView(page, 'settings');
      const settings = section(page, 'settings');
      await settings.locator('input[data-focus-key="asof-fixed"]').check();
      await settings.locator('input[data-focus-key="asof-text"]').fill('31/02/2026');
      await settings.locator('input[data-focus-key="window"]').fill('mười');
      await settings.locator('button[data-focus-key="apply"]').click();
      await expect.poll(() => settings.locator('.field-error:visible').count()).toBe(2);
      await lookAt(page, `moment-settings-refused-${theme}-${lang}-320`, findings, true);
      shots += 4;
    }
  }
  return shots;
}

describe('every view of the task pane, light and dark, vi and en, 320 and 450 px', () => {
  it('is pictured and has no serious or critical accessibility violation', async () => {
    const [files, badCell] = await Promise.all([receivedFiles(), inputCellOf('0804')]);
    const { context, page, errors } = await openPane(session, { now: NOW, officeTheme: OFFICE_THEME.light });
    const findings: Finding[] = [];
    const started = Date.now();
    try {
      await expect.poll(() => page.locator('button[data-choice="agency"]').count(), { timeout: 30_000 }).toBe(1);
      // The checks can fail: a button without a name and a line too wide, put in for a moment, are found.
      await page.evaluate(() => {
        const probe = Object.assign(document.createElement('div'), { id: 'probe', className: 'probe', textContent: 'x'.repeat(80) });
        probe.style.whiteSpace = 'nowrap';
        probe.append(document.createElement('button'));
        document.querySelector('.pane-main')!.append(probe);
      });
      expect((await axeViolations(page)).map((v) => `${v.id} ${v.impact}`)).toContain('button-name critical');
      expect((await stickingOut(page)).map((n) => n.target)).toContain('div.probe');
      await page.evaluate(() => document.getElementById('probe')?.remove());

      let shots = await lookAtViews(page, ['first-run'], findings);
      await setLang(page, 'vi');
      await chooseWard(page);
      shots += await lookAtViews(page, ['first-run-agency'], findings);
      await setLang(page, 'vi');
      await setUpWard(page);
      await fillWorkbook(page, files, badCell);
      shots += await lookAtViews(page, ['tracker', 'forms', 'check', 'consolidate', 'documents', 'settings', 'help'], findings, () => readForDocuments(page));
      shots += await lookAtMoments(page, findings);
      console.info(`${shots} pictures in ${SHOTS}, ${Math.round((Date.now() - started) / 1000)} s`);
      expectNothingSerious(findings);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('outside Excel, and in an Excel too old for the tracker, says so readably', async () => {
    const findings: Finding[] = [];
    const outside = await openPane(session, { now: NOW, outsideOffice: true });
    try {
      await expect.poll(() => outside.page.locator('.banner').count(), { timeout: 30_000 }).toBe(1);
      await lookAtViews(outside.page, ['outside-office'], findings);
      expect(outside.errors).toEqual([]);
    } finally {
      await outside.context.close();
    }
    const old = await openPane(session, { now: NOW, excelApi: '1.7', officeTheme: OFFICE_THEME.light });
    try {
      await old.page.locator('button[data-choice="agency"]').click({ timeout: 30_000 });
      await lookAtViews(old.page, ['old-excel-first-run-agency'], findings);
      expect(old.errors).toEqual([]);
    } finally {
      await old.context.close();
    }
    expectNothingSerious(findings);
  });

  it('at 320 px the tab strip shades the edge where tabs are out of sight, and not where it ends', async () => {
    const { context, page, errors } = await openPane(session, { now: NOW, officeTheme: OFFICE_THEME.light });
    try {
      await page.locator('button[data-choice="agency"]').click({ timeout: 30_000 });
      await page.locator('button[data-focus-key="setup-skip"]').click();
      for (const theme of THEMES) {
        await setTheme(page, theme);
        await showView(page, 'tracker');
        const strip = page.locator('.tabs');
        expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        const first = await edgePixels(page);
        expect(first.right, `${theme}: the right edge, "Soạn văn bản" out of sight`).not.toEqual(first.plain);
        expect(first.left, `${theme}: the left edge, where the strip starts`).toEqual(first.plain);
        await showView(page, 'documents');
        // The chosen tab is scrolled into sight, which brings the strip to its end (but for its padding).
        await expect.poll(() => strip.evaluate((el) => el.scrollWidth - el.scrollLeft - el.clientWidth)).toBeLessThanOrEqual(8);
        const last = await edgePixels(page);
        expect(last.right, `${theme}: the right edge, where the strip ends`).toEqual(last.plain);
        expect(last.left, `${theme}: the left edge, "Theo dõi" out of sight`).not.toEqual(last.plain);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * The colours the tab strip shows 2px inside its left and right edges, at its foot (below the labels), and of the
 * page's background; read from a screenshot in a page of its own (the pane's policy allows no data: image).
 */
async function edgePixels(page: Page): Promise<{ left: number[]; right: number[]; plain: number[] }> {
  await page.mouse.move(0, 0);
  const box = (await page.locator('.tabs').boundingBox())!;
  const png = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
  const plain = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
  const reader = await page.context().newPage();
  try {
    const [left, right] = await reader.evaluate(async ({ data, w, h }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
      const g = canvas.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const at = (x: number) => [...g.getImageData(Math.round((x * img.width) / w), Math.round(((h - 4) * img.height) / h), 1, 1).data.slice(0, 3)];
      return [at(2), at(w - 2)];
    }, { data: png.toString('base64'), w: box.width, h: box.height });
    return { left: left!, right: right!, plain };
  } finally {
    await reader.close();
  }
}
