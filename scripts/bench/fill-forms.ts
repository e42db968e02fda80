/** Fills the report forms of a generated agency workbook with plausible figures (when the forms feature is present). */
import type { RosterEntry } from '../../src/domain/roster';
import type { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';

export async function fillForms(_wb: FileWorkbook, _agency: RosterEntry, _now: Date, _random: () => number): Promise<void> {
  // Forms are added once the forms feature lands.
}
