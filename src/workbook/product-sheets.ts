/**
 * What a workbook holds of the product, told from its sheet names alone (every read gives them): an agency's (the
 * identity stamp, written with the tracker and with the report forms; the tracker; the plan it carries), Sở Nội vụ's
 * consolidation (its roster and submissions sheets), or nothing — a workbook new to the add-in (the pane then offers
 * its first run; a consolidation workbook opens on the consolidation view).
 */
import { IDENTITY_SHEET } from './identity';
import { PLAN_SHEET } from './plan-stamp';
import { ROSTER_SHEET, SUBMISSION_SHEET } from './consolidation-names';

/** The sheets a consolidation always writes (roster and submissions). */
export const CONSOLIDATION_MARKERS = [ROSTER_SHEET, SUBMISSION_SHEET] as const;

export type ProductHeld = 'nothing' | 'agency' | 'consolidation';

export function productIn(sheetNames: readonly string[], trackerSheetName: string): ProductHeld {
  const agency = new Set<string>([IDENTITY_SHEET, PLAN_SHEET, trackerSheetName]);
  if (sheetNames.some((name) => agency.has(name))) return 'agency';
  const consolidation = new Set<string>(CONSOLIDATION_MARKERS);
  return sheetNames.some((name) => consolidation.has(name)) ? 'consolidation' : 'nothing';
}
