/**
 * The plan a workbook carries (issue 11, item 6): the JSON on the plan sheet, parsed with the plan-pack schema and
 * checked against the identity stamp. Kept apart from the stamp reader so the pane's first load stays without the
 * schema library.
 */
import { loadPlanPack, type PlanPack } from '../domain/plan-pack';
import { issue, type Issue } from '../domain/validation/issue';
import { IDENTITY_SHEET, readIdentity, type Identity, type IdentityRead } from '../workbook/identity';
import type { Grid } from '../workbook/grid';
import { PLAN_SHEET, readPlanText } from '../workbook/plan-stamp';
import { planContentHash } from './plan-identity';
import type { ValidateOptions } from './validate-workbook';
import type { WorkbookPort } from './workbook-port';

export type CarriedPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly plan: PlanPack; readonly hash: string }
  /** The stored copy cannot be used: `detail` says why (fingerprint, JSON, the field at fault, or another plan's id). */
  | { readonly kind: 'damaged'; readonly detail: string };

/** The plan stored in a workbook whose stamp was read as `stamp` and whose plan sheet is `planGrid`. */
export function carriedPlan(stamp: IdentityRead, planGrid: Grid | null): CarriedPlan {
  const stored = readPlanText(planGrid);
  if (!stamp.ok || stored === null) return { kind: 'none' };
  if (!('text' in stored)) return { kind: 'damaged', detail: 'fingerprint' };
  const parsed = parseStored(stored.text, stored.hash);
  if (parsed.kind !== 'ok') return parsed;
  if (!sameStampedPlan(parsed.plan, stamp.identity)) {
    return { kind: 'damaged', detail: `${parsed.plan.id} ${parsed.plan.version} ≠ ${stamp.identity.planPackId} ${stamp.identity.planPackVersion}` };
  }
  return parsed;
}

/** Plans lately parsed, by fingerprint: a thousand files of one plan are parsed once (bounded). */
const lately = new Map<string, CarriedPlan>();

function parseStored(text: string, hash: string): CarriedPlan {
  const held = lately.get(hash);
  if (held !== undefined) return held;
  let parsed: CarriedPlan;
  try {
    const loaded = loadPlanPack(JSON.parse(text) as unknown);
    parsed = loaded.ok ? { kind: 'ok', plan: loaded.value, hash } : { kind: 'damaged', detail: loaded.errors.join('; ') };
  } catch {
    parsed = { kind: 'damaged', detail: 'JSON' };
  }
  if (lately.size >= 16) lately.clear();
  lately.set(hash, parsed);
  return parsed;
}

function sameStampedPlan(plan: PlanPack, identity: Identity): boolean {
  return plan.id === identity.planPackId && plan.version === identity.planPackVersion;
}

/** Reads the stamp and the plan sheet (one read) and gives the plan the workbook carries. */
export async function readCarriedPlan(port: WorkbookPort): Promise<CarriedPlan> {
  const snapshot = await port.read([IDENTITY_SHEET, PLAN_SHEET]);
  return carriedPlan(readIdentity(snapshot.grids.get(IDENTITY_SHEET) ?? null), snapshot.grids.get(PLAN_SHEET) ?? null);
}

/**
 * The check's options for one workbook: the plan it carries when it carries one (its tracker is read with that plan's
 * vocabulary and sheet name), otherwise `options` as they are. A damaged stored plan is a finding; `options` stand.
 */
export async function optionsWithCarriedPlan(port: WorkbookPort, options: ValidateOptions): Promise<{ options: ValidateOptions; issues: Issue[] }> {
  const carried = await readCarriedPlan(port);
  if (carried.kind === 'none') return { options, issues: [] };
  if (carried.kind === 'damaged') {
    const plan = `${options.planPack.id} ${options.planPack.version}`;
    return { options, issues: [issue('warning', 'plan-stored-damaged', PLAN_SHEET, '', null, { detail: carried.detail, plan })] };
  }
  const { plan } = carried;
  const known = new Map(options.knownPacks);
  known.set(plan.id, [...(known.get(plan.id) ?? []), plan.version]);
  return { options: { ...options, planPack: plan, knownPacks: known }, issues: [] };
}

export { planContentHash, planName } from './plan-identity';

/** How a file's plan stands to the plan being consolidated: the same, another one (named), or none stored. */
export function planAgainst(grids: ReadonlyMap<string, Grid | null>, plan: PlanPack): { readonly other: PlanPack } | null {
  const carried = carriedPlan(readIdentity(grids.get(IDENTITY_SHEET) ?? null), grids.get(PLAN_SHEET) ?? null);
  if (carried.kind !== 'ok') return null;
  return planContentHash(carried.plan) === planContentHash(plan) ? null : { other: carried.plan };
}
