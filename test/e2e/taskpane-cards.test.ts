/**
 * The pane's two kinds of card keep their own layout (Chromium, in-page Excel): a section card (each view's cards, from
 * ui.ts card()) is roomy with a shadow, and a card in a list (a finding of the check; an overdue task) is compact with
 * its tone's edge. One rule for the list cards must not reach the section cards.
 */
import { describe, expect, it } from 'vitest';
import { toVni } from '../../src/domain/legacy-encoding';
import { defaultPlanPack } from '../../src/packs';
import { openPane, usePaneSession } from './browser/session';

const TRACKER = defaultPlanPack().trackerSheetName;
const session = usePaneSession();

type Fake = { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };

describe('cards of the pane', () => {
  it('a section card keeps its padding, gap and shadow; a finding in it is a compact card with its edge', async () => {
    const { context, page, errors } = await openPane(session, { hash: '?view=check' });
    try {
      const checkButton = page.getByRole('button', { name: 'Kiểm tra', exact: true });
      await expect.poll(() => checkButton.count(), { timeout: 30_000 }).toBe(1);
      // A tracker with a note typed in VNI: the check finds it.
      await page.evaluate(async ({ tracker, note }) => {
        const fake = (window as unknown as { __vtltFake: Fake }).__vtltFake;
        await fake.run(async (ctx) => {
          ctx.workbook.worksheets.add(tracker).getRange('A1:B1').values = [['Ghi chú', note]];
          await ctx.sync();
        });
      }, { tracker: TRACKER, note: toVni('Chờ ý kiến của Sở Nội vụ') });
      await checkButton.click();
      const finding = page.locator('[data-section="check"] .issue').first();
      await finding.waitFor({ timeout: 30_000 });
      const style = (selector: string) =>
        page.locator(selector).first().evaluate((el) => {
          const s = getComputedStyle(el);
          return { padding: s.padding, gap: s.rowGap, shadow: s.boxShadow !== 'none', edge: s.borderLeftWidth };
        });
      expect(await style('section.card[data-section="check"]')).toEqual({ padding: '12px', gap: '10px', shadow: true, edge: '1px' });
      expect(await style('[data-section="check"] .issue')).toEqual({ padding: '6px 8px 6px 10px', gap: '2px', shadow: false, edge: '4px' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
