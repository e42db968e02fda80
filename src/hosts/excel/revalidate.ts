/**
 * Validations set again on sheets a write keeps (WriteOptions.revalidate), within the write's two syncs: the sheets
 * and their protection are known from the first (or the read just before), the validations queued in the second. A protected sheet is
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

/** Each sheet's validations cleared where asked and set again (the write's second sync; sheets that exist). */
export async function queueRevalidations(kept: readonly KeptForValidation[], state: ApplyState): Promise<void> {
  const { budget } = state;
  for (const { revalidation: r, ws } of kept) {
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
