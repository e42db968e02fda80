/**
 * Which kept files count in the province totals: a file counts by itself with no errors and no warnings, or with
 * warnings when the global switch admits them (countsByItself, which readOne applies); Sở Nội vụ's per-file mark
 * "Cho tính vào tổng hợp" = "Có" admits one file with warnings.
 *
 * Decided here, once, for `vtlt consolidate` and the pane alike:
 * - a file with errors is never admitted; the mark is reported (its cell named) and ignored;
 * - a mark holds for the file the row showed when it was typed (its fingerprint, written beside it on every run); when
 *   the agency has sent another file since, the mark no longer applies: it is taken off the sheet and reported, to be
 *   chosen again once the new file's warnings are looked at; so too when the file is the same but the check now finds
 *   other things in it (the product updated, or a file with no as-of date checked as of another day), reported as such;
 * - a mark on a row with no file (not submitted), or with files in conflict, admits nothing and is reported.
 */
import { t, type Lang } from '../domain/i18n';
import type { AcceptedFile } from './consolidate';
import { keyChange } from './file-key';
import type { WorkbookReport } from './validate-workbook';

/** Whether a file counts in the totals without a mark: no errors, and no warnings unless the switch admits them. */
export function countsByItself(report: Pick<WorkbookReport, 'errors' | 'holdingWarnings'>, admitWarnings: boolean): boolean {
  return report.errors === 0 && (report.holdingWarnings === 0 || admitWarnings);
}

/** "Có" typed in "Cho tính vào tổng hợp" on an agency's row. */
export interface AdmitMark {
  /** The cell, e.g. "O7". */
  readonly cell: string;
  /** Fingerprint of the file the row showed when the mark was typed; null when the row showed none. */
  readonly fileKey: string | null;
}

/**
 * What a mark did: admitted the file; not needed (the file counts anyway); or ignored: the file has errors, the
 * agency sent another file since, the same file is now found to hold other things (other checks, or another as-of day),
 * it sent none, or its newest files are in conflict.
 */
export type MarkEffect = 'admitted' | 'not-needed' | 'errors' | 'newer-file' | 'new-findings' | 'missing' | 'conflict';

export interface MarkOutcome {
  readonly cell: string;
  readonly effect: MarkEffect;
}

/** What a mark on an agency's row does, given the file kept for it (or the files in conflict). */
export function markEffect(mark: AdmitMark, kept: AcceptedFile | null, conflict: readonly AcceptedFile[]): MarkEffect {
  if (conflict.length > 0) return 'conflict';
  if (kept === null) return 'missing';
  const change = keyChange(mark.fileKey, kept);
  if (change !== 'same') return change === 'findings' ? 'new-findings' : 'newer-file';
  if (kept.report.errors > 0) return 'errors';
  // Not needed when the file counts by itself even with the switch off (no warnings that hold it out).
  return countsByItself(kept.report, false) ? 'not-needed' : 'admitted';
}

/**
 * The kept file as it counts: admitted by its mark, or by the global switch (readOne let it in with warnings), or
 * as readOne decided.
 */
export function admitted(file: AcceptedFile, effect: MarkEffect | null): AcceptedFile {
  if (effect === 'admitted') return { ...file, inTotals: true, admittedBy: 'mark' };
  if (file.inTotals && !countsByItself(file.report, false)) return { ...file, admittedBy: 'switch' };
  return file;
}

/** A mark is kept on the sheet unless the file or what is found in it has changed since it was typed. */
export function markKept(effect: MarkEffect): boolean {
  return effect !== 'newer-file' && effect !== 'new-findings';
}

/** What to tell Sở Nội vụ about a mark that admitted nothing; null when there is nothing to say. */
export function markMessage(
  lang: Lang,
  effect: MarkEffect,
  at: { readonly sheet: string; readonly cell: string; readonly code: string; readonly file: string },
): string | null {
  switch (effect) {
    case 'errors':
      return t(lang, 'consolidate.mark.errors', at);
    case 'newer-file':
      return t(lang, 'consolidate.mark.newerFile', at);
    case 'new-findings':
      return t(lang, 'consolidate.mark.newFindings', at);
    case 'missing':
      return t(lang, 'consolidate.mark.missing', at);
    case 'conflict':
      return t(lang, 'consolidate.mark.conflict', at);
    default:
      return null;
  }
}
