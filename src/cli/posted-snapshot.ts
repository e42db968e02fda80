/**
 * Sheets read in a worker thread, as posted to the main thread: a sheet's values or formulas equal, cell for cell, to
 * those posted for that sheet with the file before travel as "the same" rather than as a copy. Files made from
 * one template share most of that: the plan's text every tracker carries (~40 KB), the tracker's due-state formula on
 * every row (~25 KB) — strings the worker's reader hands out once for all files (xlsx-parts.ts remembers them).
 */
import type { WorkbookSnapshot } from '../app/workbook-port';
import type { Grid } from '../workbook/grid';

type Rows<T> = readonly (readonly T[])[];
type Cells<T> = Rows<T> | 'same';

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
function sameRows<T>(a: Rows<T> | undefined, b: Rows<T> | undefined): boolean {
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x === y) continue;
    if (x === undefined || y === undefined || x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c] || (x[c] === undefined && c in x !== c in y)) return false;
  }
  return true;
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
      const values = before && sameRows(before.values, grid.values) ? 'same' : grid.values;
      const formulas = grid.formulas === undefined ? undefined : before && sameRows(before.formulas, grid.formulas) ? 'same' : grid.formulas;
      grids.push([name, { name: grid.name, values, ...(formulas !== undefined ? { formulas } : {}) }]);
    }
    return { sheetNames: s.sheetNames, grids };
  }
}

/** The main thread's side, one per worker: what that worker posted last for each sheet. */
export class SnapshotReceiver {
  private readonly last = new Map<string, Grid>();

  receive(p: PostedSnapshot): WorkbookSnapshot {
    const grids = new Map<string, Grid | null>();
    for (const [name, posted] of p.grids) {
      if (posted === null) {
        grids.set(name, null);
        continue;
      }
      const before = this.last.get(name);
      const values = posted.values === 'same' ? before?.values : posted.values;
      const formulas = posted.formulas === 'same' ? before?.formulas : posted.formulas;
      if (values === undefined || (posted.formulas === 'same' && formulas === undefined)) throw new Error(`sheet "${name}" posted as the same with nothing before`);
      const grid: Grid = { name: posted.name, values, ...(formulas !== undefined ? { formulas } : {}) };
      this.last.set(name, grid);
      grids.set(name, grid);
    }
    return { sheetNames: p.sheetNames, grids };
  }
}
