/**
 * Plausible figures for a report form: random inputs, then repaired until the form's own rules hold (a ≤ b, second
 * breakdowns of a total), so generated agency workbooks are clean and enter the totals.
 */
import { cellKey, checkFormValues, computeTotals, parseCellKey, type FormModel } from '../../src/domain/form-pack';

export function plausibleFigures(model: FormModel, random: () => number): Map<string, number> {
  const inputs = new Map<string, number>();
  for (const { cell, role } of model.cells) {
    if (role !== 'input') continue;
    const whole = model.kindOf(cell.row) === 'whole';
    inputs.set(cellKey(cell), whole ? Math.floor(random() * 40) : Math.round(random() * 1000) / 10);
  }
  const isInput = (key: string) => inputs.has(key);
  for (let pass = 0; pass < 30; pass++) {
    const totals = computeTotals(model, inputs);
    const violations = checkFormValues(model, totals);
    if (violations.length === 0) return inputs;
    for (const v of violations) {
      const key = cellKey(v.cell);
      if (v.kind === 'greater-than') {
        const b = v.related[0];
        const bound = typeof v.expected === 'number' ? v.expected : 0;
        if (isInput(key)) inputs.set(key, model.kindOf(v.cell.row) === 'whole' ? Math.floor(bound * random()) : Math.round(bound * random() * 10) / 10);
        else if (b && isInput(cellKey(b))) inputs.set(cellKey(b), Number(totals.get(key) ?? 0));
      } else if (v.kind === 'sum-mismatch' || v.kind === 'sum-missing-parts' || v.kind === 'sum-missing-total') {
        const target = Number(totals.get(key) ?? 0);
        const parts = v.related.map(cellKey).filter(isInput);
        if (parts.length === 0) continue;
        const whole = parts.every((p) => model.kindOf(parseCellKey(p)?.row ?? '') === 'whole');
        let left = target;
        parts.forEach((p, i) => {
          const share = i === parts.length - 1 ? left : whole ? Math.floor(left * random()) : Math.round(left * random() * 10) / 10;
          inputs.set(p, whole ? share : Math.round(share * 1000) / 1000);
          left = Math.round((left - share) * 1000) / 1000;
        });
      } else if (v.kind === 'negative' || v.kind === 'not-whole') {
        inputs.set(key, 0);
      }
    }
  }
  throw new Error(`could not make plausible figures for form ${model.form.code}`);
}
