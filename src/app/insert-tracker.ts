/**
 * Use case: insert (or refresh) the plan tracker for an agency, keeping whatever the user entered.
 */
import { type Day } from '../domain/calendar';
import { isFormCode } from '../domain/form-code';
import type { PlanPack } from '../domain/plan-pack';
import type { RosterEntry } from '../domain/roster';
import { PRODUCT_VERSION } from '../domain/version';
import { IDENTITY_SCHEMA, IDENTITY_SHEET, identitySheet, mergeIdentity, type Identity } from '../workbook/identity';
import { planSheet } from '../workbook/plan-stamp';
import { readTracker, trackerLayout, trackerVocabulary, type TrackerLayout } from '../workbook/tracker';
import { isEmptyValue } from '../workbook/grid';
import { DEFAULT_DUE_SOON_WINDOW } from '../domain/due-state';
import { t, type Lang } from '../domain/i18n';
import type { Confirm, WorkbookPort } from './workbook-port';
import { trackerSettings } from './tracker-summary';
import { stampIn } from './workbook-stamp';

export interface InsertTrackerRequest {
  readonly pack: PlanPack;
  readonly agency: RosterEntry;
  /** Explicit as-of date (freezes the report); otherwise an existing choice is kept, or =TODAY(). */
  readonly asOf?: Day | 'today';
  readonly window?: number;
  readonly inclusiveBefore?: boolean;
  readonly now: Date;
  readonly confirm: Confirm;
  /** Language of the questions asked. */
  readonly lang?: Lang;
}

export type InsertTrackerResult =
  | {
      readonly ok: true;
      readonly layout: TrackerLayout;
      readonly keptEntries: number;
      readonly orphanRows: number;
      readonly replacedSheet: boolean;
    }
  | { readonly ok: false; readonly reason: 'cancelled'; readonly question: string };

export function trackerIdentity(pack: PlanPack, agency: RosterEntry, now: Date, inclusiveBefore: boolean | undefined): Identity {
  return {
    schema: IDENTITY_SCHEMA,
    agencyCode: agency.code,
    agencyName: agency.name,
    agencyKind: agency.kind,
    reportingYear: pack.statisticsYear,
    reportingPeriod: `01/01/${pack.statisticsYear} - 31/12/${pack.statisticsYear}`,
    planYear: pack.year,
    planPackId: pack.id,
    planPackVersion: pack.version,
    productVersion: PRODUCT_VERSION,
    generatedAt: now.toISOString(),
    inclusiveBefore: inclusiveBefore === undefined ? undefined : inclusiveBefore ? 'true' : 'false',
  };
}

export async function insertTracker(port: WorkbookPort, req: InsertTrackerRequest): Promise<InsertTrackerResult> {
  const { pack, agency } = req;
  const lang = req.lang ?? 'vi';
  const sheetName = pack.trackerSheetName;
  const snapshot = await port.read([sheetName, IDENTITY_SHEET]);
  const grid = snapshot.grids.get(sheetName) ?? null;
  const previous = stampIn(snapshot.grids);

  if (previous && previous.agencyCode.toUpperCase() !== agency.code.toUpperCase()) {
    const question = t(lang, 'tracker.question.agency', { fromName: previous.agencyName, fromCode: previous.agencyCode, toName: agency.name, toCode: agency.code });
    if (!(await req.confirm(question))) return { ok: false, reason: 'cancelled', question };
  }

  const existing = grid ? readTracker(grid, trackerVocabulary(pack)) : null;
  if (grid && !existing && grid.values.some((row) => row.some((v) => !isEmptyValue(v)))) {
    const question = t(lang, 'tracker.question.notTracker', { sheet: sheetName });
    if (!(await req.confirm(question))) return { ok: false, reason: 'cancelled', question };
  }
  if (existing && existing.foreignCells.length > 0) {
    const shown = existing.foreignCells.slice(0, 8).join(', ') + (existing.foreignCells.length > 8 ? ', …' : '');
    const question = t(lang, 'tracker.question.foreign', { sheet: sheetName, count: existing.foreignCells.length, cells: shown });
    if (!(await req.confirm(question))) return { ok: false, reason: 'cancelled', question };
  }

  // What the request does not set is kept as the summary (and so the settings view) reads it from the sheet: a fixed
  // as-of date stays fixed, else =TODAY(); the window in whole days, else the default.
  const kept = existing ? trackerSettings(existing, snapshot.grids) : null;
  const asOf: Day | 'today' = req.asOf ?? (kept?.asOfFixed ? kept.asOf : 'today');
  const window = req.window ?? kept?.window ?? DEFAULT_DUE_SOON_WINDOW;
  const inclusiveBefore = req.inclusiveBefore ?? previous?.inclusiveBefore === 'true';

  const layout = trackerLayout({ pack, agency, inclusiveBefore, window, asOf, entries: existing?.entries });
  // The tracker does not decide the statistics year: forms inserted earlier keep theirs.
  const fresh = trackerIdentity(pack, agency, req.now, inclusiveBefore);
  const identity = mergeIdentity(previous, previous && previous.agencyCode === agency.code
    ? { ...fresh, reportingYear: previous.reportingYear, reportingPeriod: previous.reportingPeriod }
    : fresh);
  // The report forms in the same workbook stay protected, whatever the host read of them.
  const formSheets = previous?.formPackId !== undefined ? snapshot.sheetNames.filter(isFormCode) : [];
  // The plan goes with the workbook, so validation and consolidation use the plan it was made from (issue 11, item 6).
  await port.write([layout.spec, identitySheet(identity), planSheet(JSON.stringify(pack))], { activate: sheetName, keepProtected: formSheets });
  return {
    ok: true,
    layout,
    keptEntries: [...(existing?.entries.values() ?? [])].filter((e) => Object.values(e.values).some((v) => !isEmptyValue(v ?? null))).length,
    orphanRows: layout.rows.filter((r) => r.role === 'orphan').length,
    replacedSheet: grid !== null,
  };
}
