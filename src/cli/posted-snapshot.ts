/**
 * Sheets read in a worker thread, as posted to the main thread: rows equal, cell for cell, to the same sheet's rows
 * posted with the file before travel as "the same row" rather than as a copy, and a sheet all of whose rows are so as
 * "the same". Files made from one template share most of their rows: the labels and headings of the report forms, the
 * plan's text every tracker carries (~40 KB), the tracker's due-state formula on every row (~25 KB) — texts the worker's
 * reader hands out once for all files (xlsx-parts.ts remembers them), compared at once. The main thread then also holds
 * one copy of them, not one per file.
 */
import type { WorkbookSnapshot } from '../app/workbook-port';
import type { Grid } from '../workbook/grid';

type Rows<T> = readonly (readonly T[])[];
/** Rows as posted: a row itself, 0 for the row posted at that place with the file before, holes for absent rows. */
type PostedRows<T> = readonly (readonly T[] | 0)[];
type Cells<T> = PostedRows<T> | 'same';

interface PostedGrid {
  readonly name: string;
  readonly values: Cells<Grid['values'][number][number]>;
  readonly formulas?: Cells<string | null>;
}

export interface PostedSnapshot {
  readonly sheetNames: readonly string[];
  readonly grids: readonly (readonly [string, PostedGrid | null])[];
}

/** Every cell equal (===: a text read once for all files is the same object, compared at once), holes alike. */
function sameRow<T>(x: readonly T[] | undefined, y: readonly T[] | undefined): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined || x.length !== y.length) return false;
  for (let c = 0; c < x.length; c++) if (x[c] !== y[c] || (x[c] === undefined && c in x !== c in y)) return false;
  return true;
}

/** The rows to post, given those posted before for the same sheet; 'same' when every row is. */
function postRows<T>(rows: Rows<T>, before: Rows<T> | undefined): Cells<T> {
  if (before === undefined) return rows;
  const out: (readonly T[] | 0)[] = [];
  let all = rows.length === before.length;
  let any = false;
  for (let r = 0; r < rows.length; r++) {
    if (!(r in rows)) {
      all &&= !(r in before);
      continue;
    }
    const row = rows[r]!;
    if (r in before && sameRow(row, before[r])) {
      out[r] = 0;
      any = true;
    } else {
      out[r] = row;
      all = false;
    }
  }
  out.length = rows.length;
  return all ? 'same' : any ? out : rows;
}

/** The rows posted, given those received before for the same sheet. */
function receiveRows<T>(posted: Cells<T>, before: Rows<T> | undefined, sheet: string): Rows<T> {
  if (posted === 'same') {
    if (before === undefined) throw new Error(`sheet "${sheet}" posted as the same with nothing before`);
    return before;
  }
  // No row the same: the rows as they came (postRows posts them so).
  if (!posted.includes(0)) return posted as Rows<T>;
  const out: (readonly T[])[] = [];
  for (let r = 0; r < posted.length; r++) {
    if (!(r in posted)) continue;
    const row = posted[r]!;
    if (row !== 0) out[r] = row;
    else if (before !== undefined && r in before) out[r] = before[r]!;
    else throw new Error(`sheet "${sheet}" row ${r + 1} posted as the same with nothing before`);
  }
  out.length = posted.length;
  return out;
}

/** The worker's side: what it posted last for each sheet. */
export class SnapshotSender {
  private readonly last = new Map<string, Grid>();

  post(s: WorkbookSnapshot): PostedSnapshot {
    const grids: [string, PostedGrid | null][] = [];
    for (const [name, grid] of s.grids) {
      if (grid === null) {
        grids.push([name, null]);
        continue;
      }
      const before = this.last.get(name);
      this.last.set(name, grid);
      const values = postRows(grid.values, before?.values);
      const formulas = grid.formulas === undefined ? undefined : postRows(grid.formulas, before?.formulas);
      grids.push([name, { name: grid.name, values, ...(formulas !== undefined ? { formulas } : {}) }]);
    }
    return { sheetNames: s.sheetNames, grids };
  }
}

/**
 * The main thread's side, one per worker: what that worker posted last for each sheet. A message it cannot take
 * (a row "the same" as nothing) means it is no longer in step with the worker: it then refuses every later one too
 * (their files are read again whole), rather than give rows of another file.
 */
export class SnapshotReceiver {
  private readonly last = new Map<string, Grid>();
  private broken = false;

  receive(p: PostedSnapshot): WorkbookSnapshot {
    if (this.broken) throw new Error('sheets no longer received from this worker');
    const grids = new Map<string, Grid | null>();
    try {
      for (const [name, posted] of p.grids) {
        if (posted === null) {
          grids.set(name, null);
          continue;
        }
        const before = this.last.get(name);
        const values = receiveRows(posted.values, before?.values, name);
        const formulas = posted.formulas === undefined ? undefined : receiveRows(posted.formulas, before?.formulas, name);
        grids.set(name, { name: posted.name, values, ...(formulas !== undefined ? { formulas } : {}) });
      }
    } catch (e) {
      this.broken = true;
      throw e;
    }
    // All taken: what the worker will compare its next file with.
    for (const [name, grid] of grids) if (grid !== null) this.last.set(name, grid);
    return { sheetNames: p.sheetNames, grids };
  }
}
