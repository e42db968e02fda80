/**
 * Whether a workbook holds anything of the product, told from its sheet names alone (every read gives them): the
 * identity stamp (written with the tracker and with the report forms), the tracker, the plan it carries, or the sheets
 * of a consolidation. A workbook with none of them is new to the add-in (the pane then offers its first run).
 */
import { IDENTITY_SHEET } from './identity';
import { PLAN_SHEET } from './plan-stamp';

/** The sheets a consolidation always writes (roster and submissions), named as in roster-sheet.ts and consolidation-sheets.ts. */
export const CONSOLIDATION_MARKERS = ['Danh sách đơn vị', 'Theo dõi nộp báo cáo'] as const;

export function holdsProduct(sheetNames: readonly string[], trackerSheetName: string): boolean {
  const marks = new Set<string>([IDENTITY_SHEET, PLAN_SHEET, trackerSheetName, ...CONSOLIDATION_MARKERS]);
  return sheetNames.some((name) => marks.has(name));
}
