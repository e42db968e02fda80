/**
 * Use case (the pane's "Kiểm tra"): check the workbook open in Excel as it is being filled in. One read of every sheet
 * a check needs — tracker, identity stamp, the 13 forms and the highlight record — then only pure checks.
 *
 * Unlike the check of a returned workbook, forms that are not there yet are not errors (an agency still filling in is
 * not flooded with them): they are listed once, as information. Every text cell of the tracker and the forms typed in
 * a legacy encoding is a warning of its own (legacy-text.ts), which "Chuyển sang Unicode" can convert; the record of
 * an earlier conversion is read in the same round trip, to offer "Hoàn tác".
 */
import type { Form, FormPack } from '../domain/form-pack';
import type { PlanPack } from '../domain/plan-pack';
import { formsPart } from './forms-part';
import { countBySeverity } from '../domain/validation/issue';
import type { Grid } from '../workbook/grid';
import { HIGHLIGHT_SHEET, highlightedCount } from './highlight';
import type { CellAt } from './cell-fill';
import { LEGACY_SHEET, convertedCells, legacyCellIssues } from './legacy-text';
import { sheetsToRead, validateSnapshot, type ValidateOptions, type WorkbookReport } from './validate-workbook';
import type { WorkbookPort } from './workbook-port';

export interface CheckRequest {
  readonly planPack: PlanPack;
  readonly formPack: FormPack;
  /** Known pack versions, by pack id. */
  readonly knownPacks: ReadonlyMap<string, readonly string[]>;
  readonly nowMs?: number;
}

export interface CheckResult {
  readonly report: WorkbookReport;
  /** The pack's forms the workbook has no sheet for, in the pack's order. */
  readonly missingForms: readonly Pick<Form, 'code' | 'title'>[];
  readonly formsTotal: number;
  readonly trackerPresent: boolean;
  /** Cells highlighted by an earlier "Tô màu lỗi" (from the record kept in the workbook). */
  readonly highlighted: number;
  /** Cells an earlier "Chuyển sang Unicode" converted, which "Hoàn tác" can give back (absent: not read). */
  readonly converted?: readonly CellAt[];
}

export function checkOptions(req: CheckRequest): ValidateOptions {
  return {
    planPack: req.planPack,
    knownPacks: req.knownPacks,
    forms: formsPart(req.formPack, { requireAll: false }),
    requireTracker: false,
    ...(req.nowMs !== undefined ? { nowMs: req.nowMs } : {}),
  };
}

export async function checkWorkbook(port: WorkbookPort, req: CheckRequest): Promise<CheckResult> {
  const options = checkOptions(req);
  const names = sheetsToRead(options);
  const snapshot = await port.read([...names, HIGHLIGHT_SHEET, LEGACY_SHEET]);
  const rules = validateSnapshot(snapshot, options);
  const checked = names.map((n) => snapshot.grids.get(n) ?? null).filter((g): g is Grid => g !== null);
  const issues = [...rules.issues, ...legacyCellIssues(checked, rules.issues)];
  const report = { ...rules, issues, ...countBySeverity(issues) };
  const present = (name: string) => (snapshot.grids.get(name) ?? null) !== null;
  return {
    report,
    missingForms: req.formPack.forms.filter((f) => !present(f.code)).map((f) => ({ code: f.code, title: f.title })),
    formsTotal: req.formPack.forms.length,
    trackerPresent: present(req.planPack.trackerSheetName),
    highlighted: highlightedCount(snapshot.grids.get(HIGHLIGHT_SHEET) ?? null),
    converted: convertedCells(snapshot.grids.get(LEGACY_SHEET) ?? null),
  };
}
