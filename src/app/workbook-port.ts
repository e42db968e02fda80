/**
 * What a use case needs of a workbook, whatever holds it (Excel through Office.js, or an .xlsx file).
 * Each method is one round trip to the host, so a use case's round trips are fixed, not proportional to its data.
 */
import type { Grid } from '../workbook/grid';
import type { SheetSource, Validation } from '../workbook/sheet-spec';

export interface WorkbookSnapshot {
  /** Every sheet in the workbook, in order, including hidden ones. */
  readonly sheetNames: readonly string[];
  /** The requested sheets' used ranges; null for a requested sheet that does not exist. */
  readonly grids: ReadonlyMap<string, Grid | null>;
}

export interface WriteOptions {
  /** The sheet to activate after writing. */
  readonly activate?: string;
  /**
   * The product's sheets that this write does not replace (e.g. the forms when the tracker is refreshed): they must
   * end protected as the product protects them, whatever the host read (a file re-saved by another program may carry
   * protection the reader missed, or the user may have switched it off).
   */
  readonly keepProtected?: readonly string[];
  /**
   * Validations set again on sheets this write keeps (e.g. the roster's drop-down, whose source changed since an
   * older version wrote the sheet): only the validations change, never a cell's value. A missing sheet is skipped.
   */
  readonly revalidate?: readonly Revalidation[];
  /**
   * The caller read this workbook (`read`) just before, in the same action, and nothing else since: the host may take
   * which sheets exist and how they are protected from that read instead of asking again (one round trip less in
   * Excel). A sheet changed in between then fails the write with Excel's error; the caller runs it again.
   */
  readonly fromRead?: boolean;
}

/** Validations to set again on one sheet a write keeps. */
export interface Revalidation {
  readonly sheet: string;
  /** Ranges whose validations are removed first (the new validations' own ranges are cleared in any case). */
  readonly clear: readonly string[];
  readonly validations: readonly Validation[];
}

export interface WorkbookPort {
  read(sheetNames: readonly string[]): Promise<WorkbookSnapshot>;
  /**
   * Writes each sheet, creating it or replacing everything it held (a deferred one is built when the host comes to
   * it); then activates `activate`.
   */
  write(specs: readonly SheetSource[], options?: WriteOptions): Promise<void>;
}

/** Asks the user a yes/no question (the pane shows a dialog; the CLI answers from its flags). */
export type Confirm = (question: string) => Promise<boolean>;
