/**
 * Finding an agency by its name. Kept apart from the roster's schema (roster.ts), so that consolidation in the pane,
 * which matches files to the roster by name, loads no schema library.
 */
import { normaliseName } from './text';
import { toUnicode } from './legacy-encoding';
import type { Roster, RosterEntry } from './roster';

/** Finds an agency by its name; a name typed in a legacy encoding (TCVN3, VNI) is read as Unicode first. */
export function findAgencyByName(roster: Roster, name: string): RosterEntry | undefined {
  const find = (n: string) => {
    const key = normaliseName(n);
    return roster.entries.find((e) => normaliseName(e.name) === key);
  };
  const direct = find(name);
  if (direct) return direct;
  // The roster's own names are the known words that decide between the TCVN3 and VNI readings.
  const converted = toUnicode(name, roster.entries.map((e) => e.name));
  return converted.from ? find(converted.text) : undefined;
}
