/**
 * The packs bundled with the product, as typed data. They are checked against their schemas by the tests
 * (test/packs/bundled-packs.test.ts: each parses, and parsing changes nothing), so loading them needs no schema
 * library: the task pane starts without it.
 */
import planJson from './plan-tn-vtlt-2026.json';
import rosterJson from './roster-thai-nguyen-default.json';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';

export function defaultPlanPack(): PlanPack {
  return planJson as PlanPack;
}

export function defaultRoster(): Roster {
  return rosterJson as Roster;
}
