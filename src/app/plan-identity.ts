/**
 * A plan's identity as consolidation tells plans apart and names them: a fingerprint of its content and the name users
 * know it by. Without the plan schema, so that what needs only these (the pane's consolidation) loads no schema library.
 */
import type { PlanPack } from '../domain/plan-pack';
import { planTextHash } from '../workbook/plan-stamp';

/** A plan's fingerprint as content: its fields in a fixed order, so two copies of one plan agree whatever wrote them. */
const planHashes = new WeakMap<PlanPack, string>();
export function planContentHash(plan: PlanPack): string {
  const held = planHashes.get(plan);
  if (held !== undefined) return held;
  const hash = planTextHash(stableJson(plan));
  planHashes.set(plan, hash);
  return hash;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A plan as users know it: its title, id and version, and a short mark of its content (two edits of one version differ). */
export function planName(plan: PlanPack): string {
  return `"${plan.title}" (${plan.id} ${plan.version} #${planContentHash(plan).slice(8, 16)})`;
}
