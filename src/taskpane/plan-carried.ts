/** The stored plan parsed with the plan schema (the "pack-schema" chunk, loaded by plan-carry.ts). */
import { carriedPlan, planContentHash } from '../app/stored-plan';
import type { PlanPack } from '../domain/plan-pack';
import { IDENTITY_SHEET, readIdentity } from '../workbook/identity';
import { PLAN_SHEET } from '../workbook/plan-stamp';
import type { Grids } from './plan-carry';

/** The valid plan stored in `grids` (null: none or damaged): one of `known` when it has the same content. */
export function planCarriedBy(grids: Grids, known: readonly (PlanPack | null)[]): PlanPack | null {
  const carried = carriedPlan(readIdentity(grids.get(IDENTITY_SHEET) ?? null), grids.get(PLAN_SHEET) ?? null);
  if (carried.kind !== 'ok') return null;
  const hash = planContentHash(carried.plan);
  return known.find((p) => p !== null && planContentHash(p) === hash) ?? carried.plan;
}
