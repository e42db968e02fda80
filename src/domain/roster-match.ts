/**
 * Which roster agency a workbook reports for: its code when it has one and the roster knows it, otherwise its name
 * (read as Unicode when typed in a legacy encoding). The one rule used by consolidation and by validation.
 */
import { findAgency, findAgencyByName, type Roster, type RosterEntry } from './roster';

export function rosterEntryFor(roster: Roster, agency: { readonly code: string | null; readonly name: string }): RosterEntry | undefined {
  return (agency.code ? findAgency(roster, agency.code) : undefined) ?? findAgencyByName(roster, agency.name);
}
