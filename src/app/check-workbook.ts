/**
 * Use case (the pane's "Kiểm tra"): check the workbook open in Excel as it is being filled in. One read of every sheet
 * a check needs — tracker, identity stamp, the 13 forms and the highlight record — then only pure checks.
 *
 * Unlike the check of a returned workbook, forms that are not there yet are not errors (an agency still filling in is
 * not flooded with them): they are listed once, as information.
 */
import type { Form, FormPack } from '../domain/form-pack';
import type { PlanPack } from '../domain/plan-pack';
import { formsPart } from './forms-part';
import { HIGHLIGHT_SHEET, highlightedCount } from './highlight';
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
  const snapshot = await port.read([...sheetsToRead(options), HIGHLIGHT_SHEET]);
  const report = validateSnapshot(snapshot, options);
  const present = (name: string) => (snapshot.grids.get(name) ?? null) !== null;
  return {
    report,
    missingForms: req.formPack.forms.filter((f) => !present(f.code)).map((f) => ({ code: f.code, title: f.title })),
    formsTotal: req.formPack.forms.length,
    trackerPresent: present(req.planPack.trackerSheetName),
    highlighted: highlightedCount(snapshot.grids.get(HIGHLIGHT_SHEET) ?? null),
  };
}
