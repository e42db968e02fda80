/**
 * A problem found in a workbook: a value, not an exception. Messages come from the catalogs (issue.<rule>).
 */
export const RULES = [
  // file and workbook
  'file-unreadable', 'file-damaged', 'sheet-too-large', 'stamp-missing', 'stamp-invalid', 'stamp-mismatch', 'pack-unknown', 'year-unexpected',
  'sheet-missing', 'not-product-workbook', 'legacy-encoding', 'agency-unknown', 'plan-stored-damaged',
  // tracker
  'status-unknown', 'done-no-date', 'done-after-as-of', 'skipped-no-reason', 'percent-range', 'percent-100-not-done',
  'date-as-text', 'date-invalid', 'number-as-text', 'not-a-number',
  // forms
  'required', 'negative', 'not-whole', 'sum-mismatch', 'greater-than', 'formula-in-input', 'formula-no-value',
  // comparison with the previous year
  'change-large',
] as const;
export type RuleCode = (typeof RULES)[number];

export type Severity = 'error' | 'warning';

export type IssueValue = string | number | boolean | null;

/** Parameters a message may use; every message names what to do. */
export interface IssueParams {
  readonly [name: string]: string | number | undefined;
}

export interface Issue {
  readonly severity: Severity;
  readonly rule: RuleCode;
  /** Sheet name ("" for the file as a whole). */
  readonly sheet: string;
  /** A1 address ("" when the problem is not in one cell). */
  readonly cell: string;
  readonly value: IssueValue;
  readonly params: IssueParams;
  /**
   * A warning about a value that is used as it was read (the cached result of a formula typed in an input cell, for
   * instance): it is reported, but does not by itself keep the file out of the totals.
   */
  readonly counted?: true;
}

export function issue(severity: Severity, rule: RuleCode, sheet: string, cell: string, value: IssueValue, params: IssueParams = {}): Issue {
  return { severity, rule, sheet, cell, value, params };
}

/** A warning whose value is counted as read (see `Issue.counted`). */
export function countedWarning(rule: RuleCode, sheet: string, cell: string, value: IssueValue, params: IssueParams = {}): Issue {
  return { ...issue('warning', rule, sheet, cell, value, params), counted: true };
}

/** Errors, warnings, and the warnings that keep a file out of the totals unless warnings are admitted. */
export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number; holdingWarnings: number } {
  let errors = 0;
  let warnings = 0;
  let holdingWarnings = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else {
      warnings++;
      if (i.counted !== true) holdingWarnings++;
    }
  }
  return { errors, warnings, holdingWarnings };
}
