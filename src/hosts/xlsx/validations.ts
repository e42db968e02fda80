/**
 * Data validations of a worksheet as ExcelJS holds them, made safe to write.
 *
 * ExcelJS reads each <dataValidation sqref="H8:H22"> into one entry per cell, and on writing squeezes cells with equal
 * validations back into rectangles — visiting them in text order ("H10" before "H8") and growing each rectangle over
 * cells already taken, so H10:H22 and H8:H22 both come out: a cell under two validations, which Excel refuses and
 * removes on repair. Before writing, the file host turns every sheet's entries into non-overlapping rectangles itself
 * (one key per rectangle), which ExcelJS then writes unchanged.
 */
import type ExcelJS from 'exceljs';
import { cellRef, parseCell, parseRange, rangeRef } from '../../workbook/a1';

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

interface Run {
  readonly col: number;
  readonly top: number;
  readonly bottom: number;
}

/** Cells → rectangles: maximal runs down each column, then runs of equal height joined across adjacent columns. */
export function rectangles(cells: readonly { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === c.col && last.bottom + 1 === c.row) runs[runs.length - 1] = { ...last, bottom: c.row };
    else if (!(last && last.col === c.col && last.bottom >= c.row)) runs.push({ col: c.col, top: c.row, bottom: c.row });
  }
  runs.sort((a, b) => a.top - b.top || a.bottom - b.bottom || a.col - b.col);
  const out: string[] = [];
  for (let i = 0; i < runs.length; ) {
    const first = runs[i]!;
    let j = i;
    while (runs[j + 1]?.top === first.top && runs[j + 1]?.bottom === first.bottom && runs[j + 1]?.col === runs[j]!.col + 1) j++;
    out.push(rangeRef(first.top, first.col, first.bottom, runs[j]!.col));
    i = j + 1;
  }
  return out;
}

/**
 * Rewrites a worksheet's validations as non-overlapping rectangles. Ranges the product set (keys with ":") are kept;
 * cell entries (as ExcelJS reads a file) are grouped by equal validation and joined into rectangles; a cell already
 * inside a kept range is dropped, so no cell is under two validations.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations?: { model: ValidationModel } }).dataValidations;
  if (!holder) return;
  const out: ValidationModel = {};
  const covered: ReturnType<typeof parseRange>[] = [];
  for (const [address, dv] of Object.entries(holder.model)) {
    if (dv && address.includes(':')) {
      out[address] = dv;
      covered.push(parseRange(address));
    }
  }
  const inside = (row: number, col: number) => covered.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  const groups = new Map<string, { dv: ExcelJS.DataValidation; cells: { row: number; col: number }[] }>();
  for (const [address, dv] of Object.entries(holder.model)) {
    if (!dv || address.includes(':')) continue;
    const cell = parseCell(address);
    if (inside(cell.row, cell.col)) continue;
    const key = JSON.stringify(dv);
    const group = groups.get(key) ?? { dv, cells: [] };
    group.cells.push(cell);
    groups.set(key, group);
  }
  for (const { dv, cells } of groups.values()) for (const range of rectangles(cells)) out[range] = dv;
  holder.model = out;
}

type Area = ReturnType<typeof parseRange>;

const within = (row: number, col: number, a: Area) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
const meets = (a: Area, b: Area) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/**
 * Removes every validation inside `areas` from a worksheet as ExcelJS holds it. An entry partly inside keeps its cells
 * outside, one entry per cell (compactValidations joins them again).
 */
export function clearValidations(ws: ExcelJS.Worksheet, areas: readonly string[]): void {
  const holder = (ws as unknown as { dataValidations?: { model: ValidationModel } }).dataValidations;
  if (!holder) return;
  const cleared = areas.map((a) => parseRange(a));
  const out: ValidationModel = {};
  for (const [address, dv] of Object.entries(holder.model)) {
    if (!dv) continue;
    const r = parseRange(address);
    if (!cleared.some((c) => meets(r, c))) {
      out[address] = dv;
      continue;
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (!cleared.some((c) => within(row, col, c))) out[cellRef(row, col)] = dv;
      }
    }
  }
  holder.model = out;
}
