/**
 * The identity stamp of a workbook made by the product (domain.md §6): a very hidden key/value sheet that Office.js,
 * file readers and LibreOffice all preserve, so consolidation never relies on file names.
 */
import { AGENCY_KINDS, type AgencyKind } from '../domain/roster-lookup';
import type { Grid } from './grid';
import { forEachRow, gridText } from './grid';
import type { SheetSpec } from './sheet-spec';

export const IDENTITY_SHEET = '_vtlt_meta';
export const IDENTITY_SCHEMA = 'vtlt/identity@1';

/**
 * The stamp as read back. Checked by hand (readIdentity), not by the schema library: every workbook the pane opens is
 * read at start, and the pane's first load stays without that library.
 */
export interface Identity {
  readonly schema: typeof IDENTITY_SCHEMA;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly agencyKind: AgencyKind;
  /** The year the statistical report forms are for (e.g. 2025 for the report due in February 2026). */
  readonly reportingYear: number;
  /** The year of the work plan whose tracker the workbook holds. */
  readonly planYear?: number | undefined;
  readonly reportingPeriod: string;
  readonly planPackId: string;
  readonly planPackVersion: string;
  readonly formPackId?: string | undefined;
  readonly formPackVersion?: string | undefined;
  readonly productVersion: string;
  /** ISO 8601 with seconds and a zone (Z or ±hh:mm). */
  readonly generatedAt: string;
  /** Setting: "Trước ngày X" allows X itself. Stored with the workbook so every host reads it. */
  readonly inclusiveBefore?: 'true' | 'false' | undefined;
}

const KEY_LABELS: Readonly<Record<keyof Identity, string>> = {
  schema: 'Định dạng',
  agencyCode: 'Mã đơn vị',
  agencyName: 'Tên đơn vị',
  agencyKind: 'Loại đơn vị',
  reportingYear: 'Năm báo cáo',
  planYear: 'Năm kế hoạch',
  reportingPeriod: 'Kỳ báo cáo',
  planPackId: 'Gói kế hoạch',
  planPackVersion: 'Phiên bản gói kế hoạch',
  formPackId: 'Gói biểu mẫu',
  formPackVersion: 'Phiên bản gói biểu mẫu',
  productVersion: 'Phiên bản phần mềm',
  generatedAt: 'Thời điểm tạo',
  inclusiveBefore: 'Tính cả ngày X của "Trước ngày X"',
};

export function identitySheet(identity: Identity): SheetSpec {
  const keys = Object.keys(KEY_LABELS) as (keyof Identity)[];
  const rows = [
    ['key', 'value', 'mô tả'],
    ...keys
      .filter((k) => identity[k] !== undefined)
      .map((k) => [k, String(identity[k]), KEY_LABELS[k]]),
  ];
  return {
    name: IDENTITY_SHEET,
    visibility: 'veryHidden',
    columns: [{ width: 22 }, { width: 40 }, { width: 28 }],
    blocks: [{ at: 'A1', rows }],
    styles: { text: { numberFormat: '@' } },
    styleRanges: [{ range: `A1:C${rows.length}`, style: 'text' }],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

export type IdentityRead =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly reason: 'missing' }
  | { readonly ok: false; readonly reason: 'invalid'; readonly errors: string[] };

/** Reads the stamp back from its sheet's grid (null when the sheet is absent). */
export function readIdentity(grid: Grid | null): IdentityRead {
  if (grid === null) return { ok: false, reason: 'missing' };
  const record: Record<string, string> = {};
  forEachRow(grid, 2, (r) => {
    const key = gridText(grid, r, 1).trim();
    if (key !== '') record[key] = gridText(grid, r, 2).trim();
  });
  // The keys at fault, not messages: the user's message comes from the catalogs.
  const errors = identityFaults(record);
  return errors.length === 0 ? { ok: true, identity: identityOf(record) } : { ok: false, reason: 'invalid', errors };
}

type Check = (value: string | undefined) => boolean;
const text: Check = (v) => v !== undefined && v.length > 0;
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const year: Check = (v) => {
  // As a number written in the cell: "2025", also "2025.0"; not empty.
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= 2000 && n <= 2100;
};
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const dateTime: Check = (v) => {
  const m = v === undefined ? null : ISO_TIME.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return mo >= 1 && mo <= 12 && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
};
const oneOf = (values: readonly string[]): Check => (v) => v !== undefined && values.includes(v);

const CHECKS: Readonly<Record<keyof Identity, Check>> = {
  schema: (v) => v === IDENTITY_SCHEMA,
  agencyCode: text,
  agencyName: text,
  agencyKind: oneOf(AGENCY_KINDS),
  reportingYear: year,
  planYear: optional(year),
  reportingPeriod: text,
  planPackId: text,
  planPackVersion: text,
  formPackId: optional(() => true),
  formPackVersion: optional(() => true),
  productVersion: text,
  generatedAt: dateTime,
  inclusiveBefore: optional(oneOf(['true', 'false'])),
};

/** The keys whose values are wrong or missing, then the keys the stamp does not know. */
function identityFaults(record: Readonly<Record<string, string>>): string[] {
  const wrong = (Object.keys(CHECKS) as (keyof Identity)[]).filter((k) => !CHECKS[k](record[k]));
  const unknown = Object.keys(record).filter((k) => !Object.prototype.hasOwnProperty.call(CHECKS, k));
  return [...wrong, ...unknown];
}

/** The stamp from a record that passed identityFaults. */
function identityOf(r: Readonly<Record<string, string>>): Identity {
  const identity: Record<string, unknown> = { ...r, reportingYear: Number(r['reportingYear']) };
  if (r['planYear'] !== undefined) identity['planYear'] = Number(r['planYear']);
  return identity as unknown as Identity;
}

/** Merges a new stamp over an existing one, keeping keys the new one does not set (e.g. the form pack). */
export function mergeIdentity(previous: Identity | null, next: Identity): Identity {
  if (previous === null || previous.agencyCode !== next.agencyCode) return next;
  return {
    ...next,
    formPackId: next.formPackId ?? previous.formPackId,
    formPackVersion: next.formPackVersion ?? previous.formPackVersion,
    inclusiveBefore: next.inclusiveBefore ?? previous.inclusiveBefore,
    planYear: next.planYear ?? previous.planYear,
  };
}
