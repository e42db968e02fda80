/**
 * Use case: check a filled workbook before it is sent (agency) or added up (Sở Nội vụ). Every problem is a finding
 * with its sheet, cell, value and a message saying what to do; nothing here throws for a user's mistake.
 */
import { type Day, todayInVietnam } from '../domain/calendar';
import type { PlanPack } from '../domain/plan-pack';
import { countBySeverity, issue, type Issue } from '../domain/validation/issue';
import { checkTrackerRow } from '../domain/validation/tracker-rules';
import { normaliseName } from '../domain/text';
import { legacyEncodingName, toUnicode } from '../domain/legacy-encoding';
import { IDENTITY_SHEET, readIdentity, type Identity } from '../workbook/identity';
import { readTracker, TRACKER_COL, trackerAsOf, trackerVocabulary, AGENCY_LINE_PREFIX, parseAgencyLine } from '../workbook/tracker';
import { cellRef } from '../workbook/a1';
import type { Grid } from '../workbook/grid';
import type { WorkbookSnapshot } from './workbook-port';

export interface AgencyRef {
  readonly code: string | null;
  readonly name: string;
  /** Where the agency was read from: the identity stamp, or the visible headers (a warning is issued). */
  readonly source: 'stamp' | 'headers';
}

export interface FormsCheck {
  /** The sheets the forms part wants to read. */
  readonly sheetNames: readonly string[];
  /** Checks the forms in `grids`; returns findings and, for the visible-header fallback, the agency shown there. */
  check(grids: ReadonlyMap<string, Grid | null>, identity: Identity | null): { issues: Issue[]; shownAgency: string | null };
}

export interface ValidateOptions {
  readonly planPack: PlanPack;
  /** Known pack versions, by pack id (the bundled ones, plus any loaded). */
  readonly knownPacks: ReadonlyMap<string, readonly string[]>;
  readonly expectedYear?: number;
  readonly requireTracker?: boolean;
  readonly forms?: FormsCheck;
  /** The day a tracker whose "Ngày đối chiếu" has no value is checked as of; without it, today in Vietnam at `nowMs`. */
  readonly asOf?: Day;
  readonly nowMs?: number;
}

export interface WorkbookReport {
  readonly agency: AgencyRef | null;
  readonly identity: Identity | null;
  readonly issues: readonly Issue[];
  readonly errors: number;
  readonly warnings: number;
  /** Warnings that keep the file out of the totals unless warnings are admitted (all but `Issue.counted` ones). */
  readonly holdingWarnings: number;
  /** The tracker's as-of date used for the date rules. */
  readonly asOf: Day;
}

/** The sheets a check reads (one read, whatever the workbook's size). */
export function sheetsToRead(options: ValidateOptions): string[] {
  return [options.planPack.trackerSheetName, IDENTITY_SHEET, ...(options.forms?.sheetNames ?? [])];
}

export function validateSnapshot(snapshot: WorkbookSnapshot, options: ValidateOptions): WorkbookReport {
  const { planPack } = options;
  const issues: Issue[] = [];
  const stamp = readIdentity(snapshot.grids.get(IDENTITY_SHEET) ?? null);
  const identity = stamp.ok ? stamp.identity : null;
  if (!stamp.ok && stamp.reason === 'invalid') {
    issues.push(issue('error', 'stamp-invalid', IDENTITY_SHEET, '', null, { detail: stamp.errors.join('; ') }));
  }

  // Tracker.
  const trackerName = planPack.trackerSheetName;
  const grid = snapshot.grids.get(trackerName) ?? null;
  const tracker = grid ? readTracker(grid, trackerVocabulary(planPack)) : null;
  let shownAgency: { name: string; code: string | null } | null = null;
  let asOf = options.asOf ?? todayInVietnam(options.nowMs);
  if (grid && tracker) {
    for (let r = 1; r < tracker.headerRow && !shownAgency; r++) {
      for (const v of grid.values[r - 1] ?? []) {
        if (typeof v === 'string' && v.startsWith(AGENCY_LINE_PREFIX)) shownAgency = parseAgencyLine(v);
      }
    }
    asOf = trackerAsOf(tracker, asOf);
    const cols = tracker.columns;
    for (const entry of tracker.entries.values()) {
      const at = (key: 'status' | 'completion' | 'percent' | 'note') => {
        const c = cols[key] ?? TRACKER_COL[key];
        return { cell: cellRef(entry.row, c), value: entry.values[key] ?? null };
      };
      issues.push(...checkTrackerRow(trackerName, { taskId: entry.taskId, status: at('status'), completion: at('completion'), percent: at('percent'), note: at('note') }, asOf));
    }
  } else if (options.requireTracker !== false) {
    issues.push(issue('error', 'sheet-missing', trackerName, '', null, { name: trackerName, what: 'bảng theo dõi nhiệm vụ' }));
  }

  // Forms.
  const formsResult = options.forms?.check(snapshot.grids, identity) ?? { issues: [], shownAgency: null };
  issues.push(...formsResult.issues);
  if (!shownAgency && formsResult.shownAgency) shownAgency = { name: formsResult.shownAgency, code: null };

  // A name shown in a legacy encoding is read as Unicode (and the user told how to convert it).
  if (shownAgency) {
    const legacy = toUnicode(shownAgency.name);
    if (legacy.from) {
      issues.push(issue('warning', 'legacy-encoding', '', '', shownAgency.name, { encoding: legacyEncodingName(legacy.from), sample: legacy.text }));
      shownAgency = { ...shownAgency, name: legacy.text };
    }
  }

  // Identity: present, consistent with what the sheets show, packs known, year as expected.
  let agency: AgencyRef | null = null;
  if (identity) {
    agency = { code: identity.agencyCode, name: identity.agencyName, source: 'stamp' };
    if (shownAgency) {
      const codeDiffers = shownAgency.code !== null && shownAgency.code.toUpperCase() !== identity.agencyCode.toUpperCase();
      if (codeDiffers || normaliseName(shownAgency.name) !== normaliseName(identity.agencyName)) {
        issues.push(issue('error', 'stamp-mismatch', '', '', null, {
          stamped: `${identity.agencyName} (${identity.agencyCode})`,
          shown: shownAgency.code ? `${shownAgency.name} (${shownAgency.code})` : shownAgency.name,
        }));
      }
    }
    if (options.expectedYear !== undefined && identity.reportingYear !== options.expectedYear) {
      issues.push(issue('error', 'year-unexpected', IDENTITY_SHEET, '', identity.reportingYear, { found: identity.reportingYear, expected: options.expectedYear }));
    }
    const packs: [string, string][] = [[identity.planPackId, identity.planPackVersion]];
    if (identity.formPackId && identity.formPackVersion) packs.push([identity.formPackId, identity.formPackVersion]);
    for (const [id, version] of packs) {
      if (!(options.knownPacks.get(id) ?? []).includes(version)) {
        issues.push(issue('error', 'pack-unknown', IDENTITY_SHEET, '', version, { pack: id, version }));
      }
    }
  } else if (!stamp.ok && stamp.reason === 'missing') {
    if (shownAgency) {
      agency = { ...shownAgency, source: 'headers' };
      issues.push(issue('warning', 'stamp-missing', '', '', null));
    } else if (!tracker && formsResult.issues.length === 0) {
      issues.push(issue('error', 'not-product-workbook', '', '', null));
    }
  }
  const { errors, warnings, holdingWarnings } = countBySeverity(issues);
  return { agency, identity, issues, errors, warnings, holdingWarnings, asOf };
}
