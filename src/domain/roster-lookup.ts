/**
 * The kinds of agency in a roster, and finding an agency by its code. Kept apart from the roster's schema (roster.ts)
 * so that whatever needs only these, the task pane's first load included, does not load the schema library.
 */
import type { Roster, RosterEntry } from './roster';

export const AGENCY_KINDS = [
  'so-ban-nganh', 'don-vi-su-nghiep', 'doanh-nghiep-nha-nuoc', 'co-quan-trung-uong', 'xa', 'phuong',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Readonly<Record<AgencyKind, string>> = {
  'so-ban-nganh': 'Sở, ban, ngành',
  'don-vi-su-nghiep': 'Đơn vị sự nghiệp',
  'doanh-nghiep-nha-nuoc': 'Doanh nghiệp nhà nước',
  'co-quan-trung-uong': 'Cơ quan Trung ương',
  'xa': 'Xã',
  'phuong': 'Phường',
};

/** Each roster's entries by upper-case code (the first of two alike), made on the first lookup: a batch looks up each file. */
const byCode = new WeakMap<readonly RosterEntry[], ReadonlyMap<string, RosterEntry>>();

export function findAgency(roster: Roster, code: string): RosterEntry | undefined {
  let index = byCode.get(roster.entries);
  if (index === undefined) {
    const m = new Map<string, RosterEntry>();
    for (const e of roster.entries) {
      const key = e.code.toUpperCase();
      if (!m.has(key)) m.set(key, e);
    }
    index = m;
    byCode.set(roster.entries, index);
  }
  return index.get(code.trim().toUpperCase());
}
