/** Fills the report forms of a generated agency workbook with plausible figures. */
import type { RosterEntry } from '../../src/domain/roster';
import type { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { fillForms as fill } from '../../test/helpers/agency-workbook';

export async function fillForms(wb: FileWorkbook, agency: RosterEntry, now: Date, random: () => number): Promise<void> {
  await fill(wb, agency, now, random);
}
