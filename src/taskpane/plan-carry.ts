/**
 * The plan the workbook carries (its very hidden plan sheet), for the pane and the ribbon command: read in the round
 * trip that reads the identity stamp, parsed with the plan schema in a chunk loaded only when the sheet is there.
 */
import { summariseGrids, summariseTracker, type SummaryResult } from '../app/tracker-summary';
import type { WorkbookPort } from '../app/workbook-port';
import type { PlanPack } from '../domain/plan-pack';
import type { Grid } from '../workbook/grid';
import { stampIn } from '../app/workbook-stamp';
import { IDENTITY_SHEET, type Identity } from '../workbook/identity';
import { PLAN_SHEET } from '../workbook/plan-stamp';

export type Grids = ReadonlyMap<string, Grid | null>;

/** `port`, whose reads of the stamp read the plan sheet too (same read); `seen` gets the sheets so read. */
export function withPlanSheet<P extends WorkbookPort>(port: P, seen: (grids: Grids) => void): P {
  const read = async (names: readonly string[]) => {
    const withPlan = names.includes(IDENTITY_SHEET) && !names.includes(PLAN_SHEET);
    const snapshot = await port.read(withPlan ? [...names, PLAN_SHEET] : names);
    if (names.includes(IDENTITY_SHEET)) seen(snapshot.grids);
    return snapshot;
  };
  return new Proxy(port, {
    get(target, p) {
      if (p === 'read') return read;
      const v: unknown = Reflect.get(target, p, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * The valid plan stored in `grids` (null: none, or a damaged copy); one of `known` itself when it has the same content.
 * The schema comes in a chunk of its own, loaded only when the workbook has a plan sheet.
 */
export async function carriedIn(grids: Grids | null, known: readonly (PlanPack | null)[]): Promise<PlanPack | null> {
  if (!grids || !grids.get(PLAN_SHEET)) return null;
  const m = await import(/* webpackChunkName: "pack-schema" */ './plan-carried');
  return m.planCarriedBy(grids, known);
}

/**
 * The tracker summarised with the plan the pane works with: `picked` when the user picked one; otherwise the plan the
 * workbook carries (read with the stamp), else `bundled`. `carried` is the carried plan known so far (kept as the same
 * object while its content is the same); the answer gives the one now read. When it is another plan than the one
 * assumed, its tracker is the sheet already read if the name is the same (no round trip), else read again.
 */
export async function summariseWithPlan(
  port: WorkbookPort,
  plans: { readonly picked: PlanPack | null; readonly carried: PlanPack | null; readonly bundled: PlanPack },
  nowMs: number,
): Promise<{ readonly result: SummaryResult; readonly carried: PlanPack | null }> {
  const { picked, bundled } = plans;
  let grids: Grids | null = null;
  const first = picked ?? plans.carried ?? bundled;
  const result = await summariseTracker(picked ? port : withPlanSheet(port, (g) => (grids = g)), first, nowMs);
  if (picked) return { result, carried: plans.carried };
  const carried = await carriedIn(grids, [plans.carried, bundled]);
  const used = carried ?? bundled;
  if (used === first) return { result, carried };
  const read: Grids | null = grids;
  const again = read !== null && used.trackerSheetName === first.trackerSheetName ? summariseGrids(read, used, nowMs) : await summariseTracker(port, used, nowMs);
  return { result: again, carried };
}

/**
 * What the pane's read of the tracker tells (summariseWithPlan), plus the sheet names the read saw and the workbook's
 * stamp as that same read found it: a workbook with the forms but no tracker still says whose it is, with no round trip
 * of its own.
 */
export async function summariseForPane(
  port: WorkbookPort,
  plans: { readonly picked: PlanPack | null; readonly carried: PlanPack | null; readonly bundled: PlanPack },
  nowMs: number,
): Promise<{ readonly result: SummaryResult; readonly carried: PlanPack | null; readonly sheetNames: readonly string[]; readonly stamp: Identity | null }> {
  let sheetNames: readonly string[] = [];
  let stampRead: Grids = new Map();
  const seeing: WorkbookPort = {
    read: async (names) => {
      const snapshot = await port.read(names);
      sheetNames = snapshot.sheetNames;
      if (names.includes(IDENTITY_SHEET)) stampRead = snapshot.grids;
      return snapshot;
    },
    write: (specs, options) => port.write(specs, options),
  };
  const { result, carried } = await summariseWithPlan(seeing, plans, nowMs);
  return { result, carried, sheetNames, stamp: stampIn(stampRead) };
}
