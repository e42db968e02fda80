/** The packs bundled with the product, validated when first used. */
import planJson from './plan-tn-vtlt-2026.json';
import rosterJson from './roster-thai-nguyen-default.json';
import { loadPlanPack, type PlanPack } from '../domain/plan-pack';
import { loadRoster, type Roster } from '../domain/roster';

function orThrow<T>(what: string, loaded: { ok: true; value: T } | { ok: false; errors: string[] }): T {
  if (loaded.ok) return loaded.value;
  throw new Error(`${what} đi kèm không hợp lệ:\n${loaded.errors.join('\n')}`);
}

let plan: PlanPack | undefined;
let roster: Roster | undefined;

export function defaultPlanPack(): PlanPack {
  plan ??= orThrow('Gói kế hoạch', loadPlanPack(planJson));
  return plan;
}

export function defaultRoster(): Roster {
  roster ??= orThrow('Danh sách đơn vị', loadRoster(rosterJson));
  return roster;
}
