/**
 * "Chuyển sang Unicode" in the task pane (Chromium, in-page Excel): the check finds text typed in TCVN3/VNI, the button
 * appears, the pane asks first (how many cells on which sheets), converts, checks again and offers "Hoàn tác"; undoing
 * gives the old text back except to a cell the user changed since. Screenshot: test-results/taskpane-legacy.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toTcvn3, toVni } from '../../src/domain/legacy-encoding';
import { defaultPlanPack } from '../../src/packs';
import { openPane, RESULTS, syncs, usePaneSession } from './browser/session';

const TRACKER = defaultPlanPack().trackerSheetName;
const NOTE = toVni('Chờ ý kiến của Sở Nội vụ');
const PLACE = toTcvn3('Thái Nguyên, ngày 15 tháng 12 năm 2025');
const LABEL = toTcvn3('Biểu số liệu');
const session = usePaneSession();

type Fake = {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  valuesOf(sheet: string): unknown[][];
  sheet(name: string): { visibility: string } | undefined;
  typeInto(sheet: string, address: string, rows: unknown[][]): void;
};

/** A tracker sheet with a VNI note and a TCVN3 place line, and a protected sheet 0801 with a locked TCVN3 label. */
async function seed(page: Page): Promise<void> {
  await page.evaluate(async ({ tracker, note, place, label }) => {
    const fake = (window as unknown as { __vtltFake: Fake }).__vtltFake;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.add(tracker);
      ws.getRange('A1:B2').values = [['Ghi chú', note], ['Nơi lập', place]];
      const form = context.workbook.worksheets.add('0801');
      form.getRange('A1').values = [[label]];
      form.protection.protect();
      await context.sync();
    });
  }, { tracker: TRACKER, note: NOTE, place: PLACE, label: LABEL });
}

const fakeOf = (page: Page) => ({
  values: (sheet: string) => page.evaluate((s) => (window as unknown as { __vtltFake: Fake }).__vtltFake.valuesOf(s), sheet),
  hasSheet: (sheet: string) => page.evaluate((s) => (window as unknown as { __vtltFake: Fake }).__vtltFake.sheet(s)?.visibility ?? null, sheet),
  syncs: (reset = false) => syncs(page, reset),
  type: (sheet: string, address: string, text: string) =>
    page.evaluate(([s, a, v]) => (window as unknown as { __vtltFake: Fake }).__vtltFake.typeInto(s!, a!, [[v]]), [sheet, address, text]),
});

describe('Chuyển sang Unicode in Chromium', () => {
  it('asks, converts, checks again, and undoes except where the user typed since', async () => {
    const { context, page, errors, refused } = await openPane(session, { hash: '?view=check' });
    try {
      const check = page.locator('[data-section="check"]');
      const checkButton = page.getByRole('button', { name: 'Kiểm tra', exact: true });
      await expect.poll(() => checkButton.count(), { timeout: 30_000 }).toBe(1);
      await seed(page);
      const fake = fakeOf(page);
      const status = check.locator('.status .notice-text');
      const convert = check.getByRole('button', { name: 'Chuyển sang Unicode', exact: true });
      const undo = check.getByRole('button', { name: 'Hoàn tác chuyển Unicode', exact: true });
      expect(await convert.isVisible()).toBe(false);

      await checkButton.click();
      await expect.poll(() => status.textContent()).toContain('3 ô gõ bằng bảng mã cũ (TCVN3/VNI)');
      expect(await convert.isVisible()).toBe(true);
      expect(await undo.isVisible()).toBe(false);

      // Asked first; "Không" changes nothing.
      const dialog = page.getByRole('alertdialog', { name: 'Xác nhận' });
      await convert.click();
      await expect.poll(() => dialog.textContent()).toContain(`Chuyển 3 ô đang dùng bảng mã cũ (TCVN3/VNI) sang Unicode, trên các trang: ${TRACKER} (2 ô), 0801 (1 ô)?`);
      await dialog.getByRole('button', { name: 'Không' }).click();
      await expect.poll(() => status.textContent()).toBe('Đã huỷ; không ô nào bị thay đổi.');
      expect((await fake.values(TRACKER))[0]).toEqual(['Ghi chú', NOTE]);

      // "Có": the two open cells converted, the locked label left and named; then the check again (2 + 1 syncs).
      await fake.syncs(true);
      await convert.click();
      await dialog.getByRole('button', { name: 'Có' }).click();
      await expect.poll(() => status.textContent()).toContain('Đã chuyển 2 ô sang Unicode.');
      expect(await status.textContent()).toContain('Không sửa 1 ô bị khoá trên trang tính đang được bảo vệ: 0801!A1.');
      expect(await fake.syncs()).toBe(3);
      expect(await fake.values(TRACKER)).toEqual([['Ghi chú', 'Chờ ý kiến của Sở Nội vụ'], ['Nơi lập', 'Thái Nguyên, ngày 15 tháng 12 năm 2025']]);
      expect(await fake.values('0801')).toEqual([[LABEL]]);
      expect(await fake.hasSheet('_vtlt_unicode')).toBe('VeryHidden');
      await expect.poll(() => undo.isVisible()).toBe(true);
      expect(await status.textContent()).toContain('2 ô đã chuyển sang Unicode');
      await page.screenshot({ path: join(RESULTS, 'taskpane-legacy.png'), fullPage: true });

      // The user retypes the note; "Hoàn tác" gives the old text back to the other cell only, and says so (2 + 1 syncs).
      await fake.type(TRACKER, 'B1', 'Đã có ý kiến');
      await fake.syncs(true);
      await undo.click();
      await expect.poll(() => dialog.textContent()).toContain('Trả lại chữ cũ (bảng mã cũ) cho 2 ô đã chuyển sang Unicode?');
      await dialog.getByRole('button', { name: 'Có' }).click();
      await expect.poll(() => status.textContent()).toContain('Đã trả lại chữ cũ cho 1 ô.');
      expect(await status.textContent()).toContain(`Giữ nguyên 1 ô đã được sửa sau đó: ${TRACKER}!B1.`);
      // The record and the cells the last check saw in it in one sync, the write, the check again.
      expect(await fake.syncs()).toBe(3);
      expect(await fake.values(TRACKER)).toEqual([['Ghi chú', 'Đã có ý kiến'], ['Nơi lập', PLACE]]);
      expect(await fake.hasSheet('_vtlt_unicode')).toBeNull();
      await expect.poll(() => undo.isVisible()).toBe(false);
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
