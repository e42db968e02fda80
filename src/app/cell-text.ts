/**
 * Cells and their text, as the legacy-text use case (legacy-text.ts) and the hosts that carry it out speak of them:
 * what a cell holds (text or not, a formula or not, open to change or not), the record sheet, and the host port.
 */
import type { Grid, GridValue } from '../workbook/grid';
import type { SheetSpec } from '../workbook/sheet-spec';
import type { CellAt } from './cell-fill';

export interface CellContent extends CellAt {
  /** The value as read: text, number or boolean; null when empty. A formula's value is its result. */
  readonly value: GridValue;
  /** True when the cell holds a formula. */
  readonly formula: boolean;
  /** True when the cell is locked on a protected sheet: neither the user nor the add-in may change it. */
  readonly locked: boolean;
}

export interface CellTextReading {
  /** Each cell asked for whose sheet exists, by fillKey ("sheet!cell", as the caller spelled the sheet). */
  readonly cells: ReadonlyMap<string, CellContent>;
  /** The name of the record sheet asked for. */
  readonly recordSheet: string;
  /** The record sheet as read; null when the workbook has none. */
  readonly record: Grid | null;
}

/** Text to put in one cell: always as text, never read as a formula, number or date (Excel's apostrophe, ExcelJS's string). */
export interface TextChange extends CellAt {
  readonly text: string;
}

/** The host side of changing cells' text with a record kept beside them. */
export interface CellTextPort {
  /**
   * Reads the record sheet `recordSheet` and what each cell holds, with its sheet's protection: `cells` known up front
   * (one round trip when their sheets are all there, else three), or named by the record once read (two round trips;
   * one when it names none). A cell whose sheet is missing is left out of the reading.
   */
  readTexts(recordSheet: string, cells: readonly CellAt[] | ((record: Grid | null) => readonly CellAt[])): Promise<CellTextReading>;
  /**
   * One round trip: writes `record` (replacing the record sheet, very hidden) and then the texts; with `record` null,
   * deletes the record sheet if the reading found one. The caller leaves out cells locked on a protected sheet (the
   * host writes no protection); cells of sheets the reading did not find are left out.
   */
  writeTexts(changes: readonly TextChange[], reading: CellTextReading, record: SheetSpec | null): Promise<void>;
}
