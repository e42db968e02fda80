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

export function findAgency(roster: Roster, code: string): RosterEntry | undefined {
  const key = code.trim().toUpperCase();
  return roster.entries.find((e) => e.code.toUpperCase() === key);
}
