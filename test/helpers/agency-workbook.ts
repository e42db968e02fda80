/** A complete, filled agency workbook (tracker + the 13 forms) as an agency would return it. */
import { computeTotals, formModel } from '../../src/domain/form-pack';
import { mustDay, toExcelSerial } from '../../src/domain/calendar';
import type { RosterEntry } from '../../src/domain/roster';
import { insertForms } from '../../src/app/insert-forms';
import { insertTracker } from '../../src/app/insert-tracker';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { TRACKER_COL } from '../../src/workbook/tracker';
import { plausibleFigures } from './fill';

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface AgencyWorkbook {
  readonly workbook: FileWorkbook;
  /** The figures the agency typed (inputs), by form code and cell key. */
  readonly inputs: Map<string, Map<string, number>>;
  /** Every figure the sheets show, totals included. */
  readonly figures: Map<string, Map<string, number>>;
}

export async function fillForms(wb: FileWorkbook, agency: RosterEntry, now: Date, random: () => number, year = 2025): Promise<AgencyWorkbook> {
  const plan = defaultPlanPack();
  const pack = defaultFormPack();
  const result = await insertForms(wb, { pack, agency, year, plan: { id: plan.id, version: plan.version }, now, confirm: async () => true });
  if (!result.ok) throw new Error(`insertForms failed: ${result.reason}`);
  const inputs = new Map<string, Map<string, number>>();
  const figures = new Map<string, Map<string, number>>();
  for (const inserted of result.forms) {
    const ws = wb.workbook.getWorksheet(inserted.code)!;
    const values = plausibleFigures(inserted.layout.model, random);
    for (const [key, value] of values) {
      const address = inserted.layout.addresses.get(key);
      if (address) ws.getCell(address).value = value;
    }
    inputs.set(inserted.code, values);
    const all = new Map<string, number>();
    for (const [key, v] of computeTotals(formModel(inserted.layout.model.form, pack.units), values)) {
      if (typeof v === 'number') all.set(key, v);
    }
    figures.set(inserted.code, all);
  }
  return { workbook: wb, inputs, figures };
}

export async function agencyWorkbook(agency: RosterEntry, now: Date, seed: number): Promise<AgencyWorkbook> {
  const random = seeded(seed);
  const plan = defaultPlanPack();
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack: plan, agency, now, confirm: async () => true, asOf: mustDay(2026, 11, 23) });
  const ws = wb.workbook.getWorksheet(plan.trackerSheetName)!;
  wb.grid(plan.trackerSheetName)!.values.forEach((row, r) => {
    if (typeof row[0] !== 'string' || !plan.tasks.some((t) => t.id === row[0])) return;
    const pick = random();
    if (pick < 0.4) {
      ws.getCell(r + 1, TRACKER_COL.status).value = 'Hoàn thành';
      ws.getCell(r + 1, TRACKER_COL.completion).value = toExcelSerial(mustDay(2026, 1 + Math.floor(random() * 10), 1 + Math.floor(random() * 28)));
      ws.getCell(r + 1, TRACKER_COL.percent).value = 100;
    } else if (pick < 0.7) {
      ws.getCell(r + 1, TRACKER_COL.status).value = 'Đang thực hiện';
      ws.getCell(r + 1, TRACKER_COL.percent).value = Math.floor(random() * 90);
    }
  });
  return fillForms(wb, agency, now, random);
}
