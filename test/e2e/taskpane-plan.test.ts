/**
 * "Kế hoạch" in Chromium, against the in-page Excel: a plan file made by "vtlt plan import" (a small 2027 plan) is
 * picked in the insert section, the tracker inserted from it holds its tasks and the overdue list follows its
 * deadlines; a malformed plan file is refused naming the field, the plan in use kept.
 * Screenshot: test-results/taskpane-plan.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPane, RESULTS, USED_BEFORE, usePaneSession } from './browser/session';
import { plan2027 } from '../taskpane/plan-2027';

const plan = plan2027();
/** 15/03/2027, 10:00 in Vietnam: task 1 of the 2027 plan ("Tháng 02/2027") is overdue. */
const NOW = new Date('2027-03-15T03:00:00Z');
const JSON_TYPE = 'application/json';
const session = usePaneSession();

interface FakeInPage {
  sheetNames(): string[];
  valuesOf(sheet: string): unknown[][];
}

const insertCard = (page: Page) => page.locator('[data-section="insert"]');
const status = (page: Page) => insertCard(page).locator('.status .notice-text');
const pickPlan = (page: Page, name: string, text: string) =>
  insertCard(page).locator('input[type="file"]').setInputFiles({ name, mimeType: JSON_TYPE, buffer: Buffer.from(text, 'utf8') });

describe('Kế hoạch in Chromium', () => {
  it('a 2027 plan file: shown by title and year, the tracker inserted from it, its tasks and deadlines followed', async () => {
    const { context, page, errors } = await openPane(session, { now: NOW, hash: '?view=tracker', documentSettings: USED_BEFORE });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    try {
      await expect.poll(() => insertCard(page).locator('[data-plan]').textContent(), { timeout: 30_000 }).toContain('(năm 2026)');
      await pickPlan(page, 'ke-hoach-2027.json', JSON.stringify(plan, null, 2));
      await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe(
        `Đã nạp kế hoạch từ tệp "ke-hoach-2027.json": ${plan.tasks.length} nhiệm vụ.`,
      );
      // The schema came in its own chunk, only now.
      expect(requested.some((u) => /chunks\/pack-schema\./.test(u))).toBe(true);
      expect(await insertCard(page).locator('[data-plan]').textContent()).toContain(`Kế hoạch: ${plan.title} (năm 2027).`);
      expect(await page.locator('header h1').textContent()).toBe(plan.title);

      // Insert the tracker for a ward, as a user does.
      const input = insertCard(page).getByRole('combobox', { name: /Đơn vị/ });
      await input.fill('quyet thang');
      await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Phường Quyết Thắng');
      await input.press('Enter');
      await page.getByRole('button', { name: 'Chèn bảng theo dõi' }).click();
      await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/Đã chèn bảng theo dõi cho Phường Quyết Thắng/);

      const wb = await page.evaluate((sheet) => {
        const fake = (window as unknown as { __vtltFake: FakeInPage }).__vtltFake;
        return { names: fake.sheetNames(), values: fake.sheetNames().includes(sheet) ? fake.valuesOf(sheet) : [] };
      }, plan.trackerSheetName);
      expect(wb.names).toContain('Theo dõi nhiệm vụ 2027');
      expect(wb.names).not.toContain('Theo dõi nhiệm vụ 2026');
      const row1 = wb.values.find((row) => String(row[0]) === '1');
      expect(row1).toContain('Xây dựng, ban hành Kế hoạch công tác văn thư, lưu trữ năm 2027');
      expect(row1).toContain('Tháng 02/2027');
      // Every task of the 2027 plan in the tracker (those for a ward) is there with its 2027 deadline phrase.
      const shown = plan.tasks.flatMap((task) => {
        const row = wb.values.find((r) => String(r[0]) === task.id);
        return row ? [{ task, row }] : [];
      });
      expect(shown.length).toBeGreaterThan(10);
      for (const { task, row } of shown) if (task.deadlineText !== '') expect(row, task.id).toContain(task.deadlineText);

      // The summary reads that tracker with the 2027 plan: task 1 overdue since the end of February 2027.
      const summary = page.locator('[data-section="summary"]');
      const task1 = summary.locator('button.task[data-task="1"]');
      await expect.poll(() => task1.count(), { timeout: 30_000 }).toBe(1);
      expect(await task1.locator('.task-due').textContent()).toBe('Hạn 28/02/2027');
      expect(await task1.locator('.task-state').textContent()).toMatch(/^Quá hạn/);
      await page.screenshot({ path: join(RESULTS, 'taskpane-plan.png'), fullPage: true });

      // Back to the bundled plan.
      await insertCard(page).getByRole('button', { name: 'Dùng kế hoạch đi kèm' }).click();
      await expect.poll(() => insertCard(page).locator('[data-plan]').textContent()).toContain('(năm 2026)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a malformed plan file: refused, each problem naming its field; the plan in use kept', async () => {
    const { context, page, errors } = await openPane(session, { now: NOW, hash: '?view=tracker', documentSettings: USED_BEFORE });
    try {
      await expect.poll(() => insertCard(page).locator('[data-plan]').count(), { timeout: 30_000 }).toBe(1);
      const bad = { ...plan, year: 'năm 2027', tasks: plan.tasks.map((t, i) => (i === 2 ? { ...t, deadlineTxt: 'Quý I/2027' } : t)) };
      await pickPlan(page, 'hong.json', JSON.stringify(bad));
      await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toContain('Tệp "hong.json" không phải kế hoạch hợp lệ');
      const text = (await status(page).textContent()) ?? '';
      expect(text).toContain('year:');
      expect(text).toContain('tasks[2].deadlineTxt:');
      expect(await insertCard(page).locator('[data-plan]').textContent()).toContain('(năm 2026)');

      await pickPlan(page, 'rong.json', 'không phải JSON');
      await expect.poll(() => status(page).textContent()).toBe('Tệp "rong.json" không phải tệp JSON. Chọn tệp do "vtlt plan import" tạo.');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
