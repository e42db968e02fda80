/** Shared set-up for the Office.js host tests: a fake Excel, the host over it, packs and agencies. */
import type { PlanPack, PlanTask } from '../../../src/domain/plan-pack';
import { findAgency, type RosterEntry } from '../../../src/domain/roster';
import { ExcelWorkbook, type ExcelWorkbookOptions } from '../../../src/hosts/excel/excel-workbook';
import { ALL_FEATURES } from '../../../src/hosts/excel/features';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import type { Grid, GridValue } from '../../../src/workbook/grid';
import { FakeExcel, type FakeExcelOptions } from '../../fakes/excel-fake';

export const pack = defaultPlanPack();
export const roster = defaultRoster();

export function agency(code: string): RosterEntry {
  const a = findAgency(roster, code);
  if (!a) throw new Error(`no agency ${code}`);
  return a;
}

export const NOW = new Date('2026-03-02T03:00:00Z');
export const yes = async (): Promise<boolean> => true;

export interface Rig {
  readonly fake: FakeExcel;
  readonly workbook: ExcelWorkbook;
}

/** A fake Excel (Excel on the web by default: 5 MB per request) and the host over it, every feature supported. */
export function rig(fake: FakeExcelOptions = {}, host: ExcelWorkbookOptions = {}): Rig {
  const excel = new FakeExcel(fake);
  const workbook = new ExcelWorkbook((batch) => excel.run(batch), { features: ALL_FEATURES, requestBudget: 4 * 1024 * 1024, ...host });
  return { fake: excel, workbook };
}

/** A plan pack whose tracker has about `rows` task rows: the real tasks, repeated under new ids. */
export function hugePack(rows: number): PlanPack {
  const base = pack.tasks.filter((t) => t.lead.some((a) => a.type === 'all'));
  const tasks: PlanTask[] = [];
  for (let i = 0; tasks.length < rows; i++) {
    for (const t of base) {
      if (tasks.length >= rows) break;
      tasks.push({ ...t, id: `${t.id}.${i}`, parent: undefined, content: `${t.content} (lần ${i + 1})` });
    }
  }
  return { ...pack, id: 'huge-pack', headings: [], tasks, reportDeadlineTaskId: tasks[0]?.id ?? pack.reportDeadlineTaskId };
}

/**
 * A grid without trailing empty cells and rows, so hosts that pad differently compare equal. An empty string counts
 * as an empty cell: the .xlsx host reads back the "" a layout wrote, while Excel reports "" for every empty cell.
 */
export function trimmed(grid: Grid | null | undefined): { values: GridValue[][]; formulas: (string | null)[][] } | null {
  if (!grid) return null;
  const trimRow = <T>(row: readonly T[]): T[] => {
    const r = row.map((v) => (v === '' ? null : v)) as T[];
    while (r.length > 0 && (r[r.length - 1] === null || r[r.length - 1] === undefined)) r.pop();
    return r;
  };
  const values = grid.values.map(trimRow);
  const formulas = (grid.formulas ?? []).map(trimRow);
  while (values.length > 0 && values[values.length - 1]?.length === 0) values.pop();
  while (formulas.length > 0 && formulas[formulas.length - 1]?.length === 0) formulas.pop();
  return { values, formulas };
}
