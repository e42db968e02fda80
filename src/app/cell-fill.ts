/**
 * Cells and their fills, as the highlighting use case (highlight.ts) and the hosts that carry it out speak of them:
 * a cell of a sheet, its fill ("#RRGGBB" or no fill), the record key "sheet!cell", and the host port.
 */
import type { Grid } from '../workbook/grid';
import type { SheetSpec } from '../workbook/sheet-spec';

/** A fill colour "#RRGGBB", or null for "no fill". */
export type Fill = string | null;

export interface CellAt {
  readonly sheet: string;
  /** A1 address of one cell, e.g. "E12". */
  readonly cell: string;
}

export interface FillChange extends CellAt {
  readonly fill: Fill;
}

/** What a host needs to know of a sheet to change its cells' fills. */
export interface SheetAccess {
  /** The sheet's name as the workbook spells it. */
  readonly name: string;
  readonly protected: boolean;
  /** The protection's options, to protect the sheet again as it was. */
  readonly protectionOptions: Readonly<Record<string, unknown>> | null;
  /** True when the host could tell that the protection has a password (which the add-in cannot remove). */
  readonly passwordProtected?: boolean;
}

export interface FillReading {
  /** Current fill of each cell asked for, by fillKey; a cell whose fill could not be told is absent. */
  readonly fills: ReadonlyMap<string, Fill>;
  /** The name of the record sheet asked for. */
  readonly recordSheet: string;
  /** The record sheet as read; null when the workbook has none. */
  readonly record: Grid | null;
  /** Every sheet of the workbook, by lower-case name. */
  readonly sheets: ReadonlyMap<string, SheetAccess>;
}

/** The host side of highlighting: one round trip each. */
export interface FillPort {
  /** Reads the fills of `cells`, the record sheet and the sheets' protection. */
  readFills(cells: readonly CellAt[], recordSheet: string): Promise<FillReading>;
  /**
   * Writes `record` (replacing the record sheet) and then the fills; with `record` null, restores the fills first and
   * then deletes the record sheet, if there is one (it is very hidden: Excel deletes it only once made Hidden, in the
   * same batch). Protected sheets are unprotected for the change and protected again with their options; a sheet
   * protected with a password stops the change before anything is written (a WorkbookAccessError names it). Cells of
   * sheets the reading did not find are left out.
   */
  setFills(changes: readonly FillChange[], reading: FillReading, record: SheetSpec | null): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Keys.

const SINGLE_CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "E12" for "$e$12"; null when the address is not one cell. */
export function normaliseCell(address: string): string | null {
  const m = SINGLE_CELL.exec(address.trim());
  return m ? `${(m[1] ?? '').toUpperCase()}${m[2] ?? ''}` : null;
}

/** "0804!E12": the record's key of a cell. Sheet names may contain "!", cell addresses never do. */
export function fillKey(c: CellAt): string {
  return `${c.sheet}!${normaliseCell(c.cell) ?? c.cell}`;
}

export function parseFillKey(key: string): CellAt | null {
  const at = key.lastIndexOf('!');
  if (at <= 0) return null;
  const cell = normaliseCell(key.slice(at + 1));
  return cell === null ? null : { sheet: key.slice(0, at), cell };
}
