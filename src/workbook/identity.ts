/**
 * The identity stamp of a workbook made by the product (domain.md §6): a very hidden key/value sheet that Office.js,
 * file readers and LibreOffice all preserve, so consolidation never relies on file names.
 */
import { z } from 'zod';
import { AGENCY_KINDS } from '../domain/roster';
import type { Grid } from './grid';
import { gridText } from './grid';
import type { SheetSpec } from './sheet-spec';

export const IDENTITY_SHEET = '_vtlt_meta';
export const IDENTITY_SCHEMA = 'vtlt/identity@1';

export const IdentitySchema = z
  .object({
    schema: z.literal(IDENTITY_SCHEMA),
    agencyCode: z.string().min(1),
    agencyName: z.string().min(1),
    agencyKind: z.enum(AGENCY_KINDS),
    /** The year the statistical report forms are for (e.g. 2025 for the report due in February 2026). */
    reportingYear: z.coerce.number().int().min(2000).max(2100),
    /** The year of the work plan whose tracker the workbook holds. */
    planYear: z.coerce.number().int().min(2000).max(2100).optional(),
    reportingPeriod: z.string().min(1),
    planPackId: z.string().min(1),
    planPackVersion: z.string().min(1),
    formPackId: z.string().optional(),
    formPackVersion: z.string().optional(),
    productVersion: z.string().min(1),
    generatedAt: z.string().datetime({ offset: true }),
    /** Setting: "Trước ngày X" allows X itself. Stored with the workbook so every host reads it. */
    inclusiveBefore: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type Identity = z.infer<typeof IdentitySchema>;

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
  for (let r = 2; r <= grid.values.length; r++) {
    const key = gridText(grid, r, 1).trim();
    if (key !== '') record[key] = gridText(grid, r, 2).trim();
  }
  const parsed = IdentitySchema.safeParse(record);
  if (parsed.success) return { ok: true, identity: parsed.data };
  return {
    ok: false,
    reason: 'invalid',
    // The keys at fault, not the schema library's (English) messages: the user's message comes from the catalogs.
    errors: [...new Set(parsed.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [i.path.join('.') || 'schema'])))],
  };
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
