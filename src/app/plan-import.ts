/**
 * The plan as the user's data: import it from a document's text (the rows of its task table and its paragraphs, as
 * the Word reader gives them), or from a workbook's "Kế hoạch" sheet; write that editable sheet (empty, or from a
 * plan). One read and one write of a workbook per use, whatever the number of tasks.
 */
import { importPlan, type PlanImportOptions, type PlanImportResult } from '../domain/plan-import';
import { planMetaFromText } from '../domain/plan-import-meta';
import { findHeader, type SourceRow } from '../domain/plan-import-table';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';
import { normaliseName } from '../domain/text';
import { PLAN_SHEET_NAME, planSheetSpec, readPlanSheet } from '../workbook/plan-sheet';
import type { WorkbookPort } from './workbook-port';

/** Writes the "Kế hoạch" sheet, filled from `pack` when given, and makes it the active sheet. */
export async function writePlanSheet(port: WorkbookPort, pack: PlanPack | null): Promise<{ sheet: string; rows: number }> {
  const spec = planSheetSpec(pack);
  await port.write([spec], { activate: spec.name });
  return { sheet: spec.name, rows: pack === null ? 0 : pack.tasks.length };
}

/**
 * Reads the plan from the sheet named "Kế hoạch" (any case, any Unicode form), or else from the first sheet whose
 * rows carry the table's header. Two round trips: the sheet names, then the sheets.
 */
export async function importPlanFromWorkbook(
  port: WorkbookPort,
  roster: Roster,
  options: PlanImportOptions = {},
): Promise<PlanImportResult & { readonly sheet?: string }> {
  const { sheetNames } = await port.read([]);
  const named = sheetNames.filter((n) => normaliseName(n) === normaliseName(PLAN_SHEET_NAME));
  const order = [...named, ...sheetNames.filter((n) => !named.includes(n))];
  const { grids } = await port.read(order);
  for (const sheet of order) {
    const grid = grids.get(sheet);
    if (!grid) continue;
    const { rows, meta } = readPlanSheet(grid);
    if (findHeader(rows) === null && !named.includes(sheet)) continue;
    return { ...importPlan(rows, meta, roster, options), sheet };
  }
  return { ok: false, findings: [{ code: 'no-plan-sheet', sheets: sheetNames }] };
}

/** A plan document's text as a reader gives it: its task table's rows and its paragraphs in document order. */
export interface PlanText {
  readonly rows: readonly SourceRow[];
  readonly paragraphs: readonly string[];
}

/** The plan of a document: its table, what its text says about it (title, year, issuer…) and its section III duties. */
export function importPlanFromText(text: PlanText, roster: Roster, options: PlanImportOptions = {}): PlanImportResult {
  return importPlan(text.rows, planMetaFromText(text.paragraphs), roster, options, text.paragraphs);
}
