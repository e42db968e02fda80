/**
 * Validations set again on sheets a write keeps (WriteOptions.revalidate), within the write's two syncs: the sheets
 * and their protection are loaded in the first, the validations queued in the second. A protected sheet is
 * unprotected with the write's other protected sheets (ahead of everything, so that a password stops the batch before
 * anything is written: protection.ts) and protected again afterwards with the options it had.
 */
import type { Revalidation } from '../../app/workbook-port';
import { type ApplyState, queueValidation } from './apply-spec';
import { OPERATION_BYTES } from './payload';

export interface KeptForValidation {
  readonly revalidation: Revalidation;
  readonly ws: Excel.Worksheet;
}

/** First sync: the kept sheets to revalidate, with their protection (`protection`: the properties, null without). */
export function loadRevalidated(
  sheets: Excel.WorksheetCollection,
  revalidations: readonly Revalidation[],
  replaced: readonly string[],
  protection: string | null,
): KeptForValidation[] {
  const written = new Set(replaced.map((n) => n.toLocaleLowerCase()));
  return revalidations
    .filter((r) => !written.has(r.sheet.toLocaleLowerCase()))
    .map((revalidation) => {
      const ws = sheets.getItemOrNullObject(revalidation.sheet);
      if (protection !== null) ws.protection.load(protection);
      return { revalidation, ws };
    });
}

/** Second sync: each existing sheet's validations cleared where asked and set again. */
export async function queueRevalidations(kept: readonly KeptForValidation[], state: ApplyState): Promise<void> {
  const { budget } = state;
  for (const { revalidation: r, ws } of kept) {
    if (ws.isNullObject) continue;
    if (!state.features.dataValidation) {
      state.skipped.add('dataValidation');
      continue;
    }
    for (const range of [...r.clear, ...r.validations.map((v) => v.range)]) {
      await budget.reserve(3 * OPERATION_BYTES);
      ws.getRange(range).dataValidation.clear();
    }
    for (const v of r.validations) await queueValidation(ws, v, budget);
  }
}
