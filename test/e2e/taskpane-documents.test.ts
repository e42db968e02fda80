/**
 * "Soạn văn bản" in Chromium, against the in-page Excel: the documents the open workbook gives, drafted in one round
 * trip each, saved as a .docx download (a zip whose word/document.xml holds the title); and where the host blocks
 * downloads (Excel on Mac, or a download that fails), the document's text with a Copy button instead.
 * Screenshots: test-results/taskpane-documents.png, taskpane-documents-blocked.png.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertForms } from '../../src/app/insert-forms';
import { insertTracker } from '../../src/app/insert-tracker';
import { findAgency } from '../../src/domain/roster';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { entryData, zipDirectory } from '../../src/hosts/xlsx/zip';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { DIST } from './browser/harness';
import { openPane, RESULTS, showView, syncs, USED_BEFORE, usePaneSession } from './browser/session';

const pack = defaultPlanPack();
/** 01/03/2026, 10:00 in Vietnam. */
const NOW = new Date('2026-03-01T03:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const session = usePaneSession();

/** A part of a zip file, read with the project's own zip reader; null when the bytes are no zip or lack the part. */
function zipPart(bytes: Uint8Array, part: string): string | null {
  const entry = zipDirectory(bytes)?.find((e) => e.name === part);
  const data = entry ? entryData(bytes, entry) : null;
  if (!entry || !data) return null;
  return Buffer.from(entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** An agency workbook as an agency sends it back: tracker and the 13 forms, made with the file host. */
async function agencyFile(code: string): Promise<Buffer> {
  const agency = findAgency(defaultRoster(), code)!;
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack, agency, now: NOW, confirm: async () => true });
  const r = await insertForms(wb, { pack: defaultFormPack(), agency, year: 2025, plan: { id: pack.id, version: pack.version }, now: NOW, confirm: async () => true });
  if (!r.ok) throw new Error('no forms');
  // Saved at the pane's clock: the file's save time (when the agency "sent" it) does not follow the day the test runs.
  return Buffer.from(await wb.toBuffer(NOW));
}

/** The pane's chunks that hold the Word writer's library (the docx package writes "word/document.xml"). */
function wordLibraryChunks(): string[] {
  const dir = join(DIST, 'chunks');
  return readdirSync(dir).filter((f) => f.endsWith('.js') && !f.startsWith('consolidation.') && readFileSync(join(dir, f), 'utf8').includes('word/document.xml'));
}
const loadedAny = (requested: readonly string[], files: readonly string[]) => requested.some((u) => files.some((f) => u.endsWith(`/chunks/${f}`)));

const documents = (page: Page) => page.locator('[data-section="documents"]');

const kindButtons = (page: Page) => documents(page).locator('button[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));

describe('Soạn văn bản in Chromium', () => {
  it('an agency workbook: its report, drafted in one round trip and downloaded as a .docx; the text on request', async () => {
    const { context, page, errors } = await openPane(session, { now: NOW, hash: '?view=tracker', documentSettings: USED_BEFORE });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    try {
      await expect.poll(() => page.getByRole('heading', { name: 'Chèn bảng theo dõi' }).count(), { timeout: 30_000 }).toBe(1);
      // Insert the tracker for a ward, as a user does.
      const input = page.locator('[data-section="insert"]').getByRole('combobox', { name: /Đơn vị/ });
      await input.fill('quyet thang');
      await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Phường Quyết Thắng');
      await input.press('Enter');
      await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).click();
      await expect.poll(() => page.locator('[data-section="insert"] .status .notice-text').textContent(), { timeout: 30_000 }).toMatch(/Đã chèn bảng theo dõi/);
      // Nothing of the drafting is loaded, nor the workbook read for it, before the user asks.
      expect(requested.some((u) => /chunks\/(documents|docx)\./.test(u))).toBe(false);

      await showView(page, 'documents');
      await syncs(page, true);
      await documents(page).getByRole('button', { name: 'Đọc sổ để soạn' }).click();
      await expect.poll(() => kindButtons(page), { timeout: 30_000 }).toEqual(['agency']);
      expect(await syncs(page, true)).toBe(1);
      expect(requested.some((u) => /chunks\/documents\./.test(u))).toBe(true);
      expect(requested.some((u) => /chunks\/docx\./.test(u))).toBe(false);
      const library = wordLibraryChunks();
      expect(library.length).toBeGreaterThan(0);
      expect(loadedAny(requested, library)).toBe(false);

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        documents(page).getByRole('button', { name: 'Báo cáo của đơn vị (16b)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`Bao-cao-van-thu-luu-tru-${pack.year}-05455.docx`);
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      const xml = zipPart(bytes, 'word/document.xml');
      expect(xml, 'a zip with word/document.xml').not.toBeNull();
      expect(xml).toContain('BÁO CÁO');
      expect(xml).toContain(`Tình hình thực hiện công tác văn thư, lưu trữ năm ${pack.year}`);
      expect(xml).toContain('PHƯỜNG QUYẾT THẮNG');
      // Drafting: one round trip; the Word writer came in its own chunk.
      expect(await syncs(page)).toBe(1);
      expect(requested.some((u) => /chunks\/docx\./.test(u))).toBe(true);
      expect(loadedAny(requested, library)).toBe(true);
      const status = documents(page).locator('.status .notice-text');
      await expect.poll(() => status.textContent()).toBe(`Đã tải xuống tệp "${download.suggestedFilename()}". Mở bằng Word, điền các chỗ để trống (…) rồi trình ký.`);
      expect(await documents(page).locator('textarea').count()).toBe(0);

      // Should the host have dropped the file without a word, the text is one click away.
      await documents(page).getByRole('button', { name: 'Không thấy tệp? Hiện nội dung để sao chép' }).click();
      const text = await documents(page).locator('textarea').inputValue();
      expect(text).toContain('ỦY BAN NHÂN DÂN\nPHƯỜNG QUYẾT THẮNG');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      await documents(page).screenshot({ path: join(RESULTS, 'taskpane-documents.png') });

      // Another language builds the pane again: what was read and drafted stays, in English, with no new reading.
      await page.locator('button[lang="en"]').first().click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 20_000 }).toBe('en');
      await syncs(page, true);
      await showView(page, 'documents');
      await expect.poll(() => kindButtons(page), { timeout: 30_000 }).toEqual(['agency']);
      expect(await documents(page).getByRole('button', { name: "The agency's report (16b)" }).count()).toBe(1);
      expect(await documents(page).getByLabel("Text: The agency's report (16b)").inputValue()).toBe(text);
      expect(await status.textContent()).toBe(`"${download.suggestedFilename()}" was downloaded. Open it in Word, fill in the blanks (…) and have it signed.`);
      expect(await syncs(page)).toBe(0);
      await page.locator('button[lang="vi"]').first().click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 20_000 }).toBe('vi');
      await expect.poll(() => documents(page).getByLabel('Nội dung: Báo cáo của đơn vị (16b)').inputValue()).toBe(text);

      // The card's "?" opens the help at its part.
      await page.getByRole('link', { name: 'Hướng dẫn mục "Soạn văn bản"' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#help-documents');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? null)).toBe('Soạn văn bản');
      expect(await page.locator('[data-help="documents"]').textContent()).toContain('Excel trên Mac và iPad không cho bổ trợ tải tệp xuống');

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a consolidation: the province report and the letter; where downloads are blocked, the text and Copy', async () => {
    const files = [
      { name: 'so-noi-vu.xlsx', mimeType: XLSX, buffer: await agencyFile('SNV') },
      { name: 'so-tai-chinh.xlsx', mimeType: XLSX, buffer: await agencyFile('STC') },
    ];
    const { context, page, errors } = await openPane(session, { now: NOW, hash: '?view=consolidate' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.baseUrl });
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    try {
      const consolidate = page.locator('[data-section="consolidate"]');
      const input = consolidate.locator('input[type="file"]');
      await expect.poll(() => input.count(), { timeout: 30_000 }).toBe(1);
      await input.setInputFiles(files);
      await consolidate.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
      await expect.poll(() => consolidate.locator('.status .notice-text').textContent(), { timeout: 60_000 }).toContain('Đã tổng hợp 2 tệp');
      await showView(page, 'documents');

      await documents(page).getByRole('button', { name: 'Đọc sổ để soạn' }).click();
      await expect.poll(() => kindButtons(page), { timeout: 30_000 }).toEqual(['province', 'reminder']);

      // Excel on Mac: no file is attempted (its web view drops downloads); the text comes at once, with Copy.
      await page.evaluate(() => ((window as unknown as { __vtltOfficeContext: { platform: string } }).__vtltOfficeContext.platform = 'Mac'));
      await syncs(page, true);
      await documents(page).getByRole('button', { name: 'Công văn đôn đốc' }).click();
      const area = documents(page).locator('textarea');
      await expect.poll(() => area.count(), { timeout: 30_000 }).toBe(1);
      expect(await syncs(page)).toBe(1);
      const letter = await area.inputValue();
      expect(letter).toContain('SỞ NỘI VỤ');
      expect(letter).toContain('V/v đôn đốc gửi');
      expect(letter).toContain('DANH SÁCH CÁC CƠ QUAN, TỔ CHỨC, ĐƠN VỊ CHƯA GỬI BÁO CÁO');
      // Those whose files came are not in the attached list (code and name between tabs).
      expect(letter).not.toMatch(/\tSNV\t/);
      expect(letter).not.toMatch(/\tSTC\t/);
      expect(letter).toMatch(/\t05455\t/);
      const status = documents(page).locator('.status .notice-text');
      expect(await status.textContent()).toContain('Excel trên Mac và iPad không cho bổ trợ tải tệp xuống.');
      expect(requested.some((u) => /chunks\/docx\./.test(u))).toBe(false);

      await documents(page).getByRole('button', { name: 'Sao chép' }).click();
      await expect.poll(() => documents(page).locator('.copy-status').textContent()).toBe('Đã sao chép. Dán vào Word (Ctrl+V).');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(letter);

      // On Windows, a download the page may not start (the host blocks it): the same fallback.
      await page.evaluate(() => {
        (window as unknown as { __vtltOfficeContext: { platform: string } }).__vtltOfficeContext.platform = 'PC';
        URL.createObjectURL = () => {
          throw new DOMException('Downloads are blocked', 'SecurityError');
        };
      });
      await documents(page).getByRole('button', { name: 'Báo cáo tổng hợp của Sở (III.2.i)' }).click();
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toContain('Excel này không cho tải tệp xuống.');
      const report = await area.inputValue();
      expect(report).toContain('BÁO CÁO');
      expect(report).toContain(`2/${defaultRoster().entries.length}`);
      expect(downloads).toEqual([]);

      // The clipboard refused too: the text is selected for Ctrl+C.
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
        document.execCommand = () => false;
      });
      await documents(page).getByRole('button', { name: 'Sao chép' }).click();
      await expect.poll(() => documents(page).locator('.copy-status').textContent()).toContain('Không sao chép tự động được');
      const selected = await page.evaluate(() => {
        const a = document.querySelector<HTMLTextAreaElement>('[data-section="documents"] textarea')!;
        return document.activeElement === a && a.selectionStart === 0 && a.selectionEnd === a.value.length;
      });
      expect(selected).toBe(true);
      await documents(page).screenshot({ path: join(RESULTS, 'taskpane-documents-blocked.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
