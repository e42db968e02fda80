/**
 * A file made from the plan being consolidated carries that plan's very text: it is known as the same plan without
 * parsing the copy (the plan schema, and its library, stay unloaded); any other text goes to the schema's reading.
 */
import { describe, expect, it, vi } from 'vitest';
import { insertTracker } from '../../src/app/insert-tracker';
import type { PlanPack } from '../../src/domain/plan-pack';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { PLAN_SHEET } from '../../src/workbook/plan-stamp';

const parsed = vi.fn(() => null);
vi.mock('../../src/app/stored-plan', () => ({ planAgainst: parsed }));

async function grids(plan: PlanPack) {
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack: plan, agency: defaultRoster().entries[0]!, now: new Date('2026-03-01T08:00:00Z'), confirm: async () => true });
  return (await wb.read([IDENTITY_SHEET, PLAN_SHEET])).grids;
}

describe('the plan a file carries, against the plan consolidated', () => {
  it('is the same plan at once when the file carries its text, and read with the schema otherwise', async () => {
    const { planAgainst } = await import('../../src/app/plan-against');
    const plan = defaultPlanPack();
    const same = await grids(plan);
    expect(await planAgainst(same, plan)).toBeNull();
    expect(parsed).not.toHaveBeenCalled();
    const edited: PlanPack = { ...plan, tasks: plan.tasks.map((t, i) => (i === 0 ? { ...t, content: `${t.content} (sửa)` } : t)) };
    await planAgainst(same, edited);
    expect(parsed).toHaveBeenCalledTimes(1);
    // No plan stored: never another plan, nothing parsed.
    expect(await planAgainst(new Map([[PLAN_SHEET, null]]), plan)).toBeNull();
    expect(parsed).toHaveBeenCalledTimes(1);
  });
});
