/**
 * Which roster agency a workbook reports for: its code when it has one and the roster knows it, otherwise its name
 * (read as Unicode when typed in a legacy encoding). The one rule used by consolidation and by validation.
 */
import type { Roster, RosterEntry } from './roster';
import { findAgencyByName } from './roster-by-name';
import { findAgency } from './roster-lookup';

export function rosterEntryFor(roster: Roster, agency: { readonly code: string | null; readonly name: string }): RosterEntry | undefined {
  return (agency.code ? findAgency(roster, agency.code) : undefined) ?? findAgencyByName(roster, agency.name);
}
