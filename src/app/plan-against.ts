/**
 * How a file's stored plan stands to the plan being consolidated, for consolidation. A workbook made from the plan in
 * use carries that plan's very text (the tracker insert writes JSON.stringify of it): such a copy is known at once,
 * without parsing it. Only another text is parsed, with the plan schema, loaded then (stored-plan.ts): a consolidation
 * of files made from its own plan, the usual case, loads no schema library (the pane's consolidation chunk stays small).
 */
import type { PlanPack } from '../domain/plan-pack';
import type { Grid } from '../workbook/grid';
import { PLAN_SHEET, readPlanText } from '../workbook/plan-stamp';

/** The text a tracker insert stores for a plan, as read back (NFC). */
const texts = new WeakMap<PlanPack, string>();
function storedTextOf(plan: PlanPack): string {
  let text = texts.get(plan);
  if (text === undefined) {
    text = JSON.stringify(plan).normalize('NFC');
    texts.set(plan, text);
  }
  return text;
}

/**
 * The plan a file carries when it is another plan than `plan` (then named in the reason the file is set aside), null
 * when it is the same plan, none is stored or the stored copy cannot be used; as stored-plan's planAgainst says.
 */
export async function planAgainst(grids: ReadonlyMap<string, Grid | null>, plan: PlanPack): Promise<{ readonly other: PlanPack } | null> {
  const stored = readPlanText(grids.get(PLAN_SHEET) ?? null);
  // Nothing stored, a damaged copy, or this plan's own text: never another plan.
  if (stored === null || !('text' in stored) || stored.text === storedTextOf(plan)) return null;
  const { planAgainst: parsed } = await import('./stored-plan');
  return parsed(grids, plan);
}
