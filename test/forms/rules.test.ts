import { describe, expect, it } from 'vitest';
import {
  type Form,
  type FormValue,
  cellKey,
  checkFormValues,
  computeTotals,
  formModel,
  parseCellKey,
} from '../../src/domain/form-pack';
import { defaultFormPack } from '../../src/packs/forms';
import { formSheetLayout } from '../../src/workbook/forms';
import { isFormula } from '../../src/workbook/sheet-spec';
import { parseRange } from '../../src/workbook/a1';
import { type XValue, evaluateFormula } from './excel-eval';
import { key, sumRefs } from './helpers';

const pack = defaultFormPack();
const form = (code: string): Form => {
  const f = pack.forms.find((x) => x.code === code);
  if (!f) throw new Error(`no form ${code}`);
  return f;
};
const check = (code: string, entries: [string, FormValue][]) => {
  const model = formModel(form(code), pack.units);
  return checkFormValues(model, computeTotals(model, new Map(entries)));
};
const kinds = (code: string, entries: [string, FormValue][]) => check(code, entries).map((v) => `${v.kind}@${cellKey(v.cell)}`);

describe('the rule checker', () => {
  it('finds nothing in an empty form, whose totals stay empty (not 0)', () => {
    for (const f of pack.forms) {
      const model = formModel(f, pack.units);
      const totals = computeTotals(model, new Map());
      expect(checkFormValues(model, totals)).toEqual([]);
      for (const { cell, role } of model.cells) if (role === 'total') expect(totals.get(cellKey(cell))).toBeNull();
    }
  });

  it('0804: totals add up; digitally signed may not exceed electronic outgoing documents', () => {
    const model = formModel(form('0804'), pack.units);
    const values = computeTotals(model, new Map([[key('02', 2), 10], [key('02', 3), 30], [key('03', 3), 25], [key('04', 2), 5]]));
    expect(values.get(key('02', 1))).toBe(40);
    expect(values.get(key('04', 1))).toBe(5);
    expect(values.get(key('01', 2))).toBe(15);
    expect(values.get(key('01', 3))).toBe(30);
    expect(values.get(key('01', 1))).toBe(45);
    expect(checkFormValues(model, values)).toEqual([]);

    const over = check('0804', [[key('02', 3), 30], [key('03', 3), 31]]);
    expect(over).toEqual([
      { kind: 'greater-than', cell: { row: '03', col: 3 }, related: [{ row: '02', col: 3 }], rule: 2, actual: 31, expected: 30 },
    ]);
  });

  it('0804: a total typed over by hand is reported by both of its rules', () => {
    const model = formModel(form('0804'), pack.units);
    const values = computeTotals(model, new Map([[key('02', 2), 10], [key('04', 3), 5]]));
    values.set(key('01', 1), 16);
    expect(checkFormValues(model, values).map((v) => [v.kind, cellKey(v.cell), v.expected])).toEqual([
      ['sum-mismatch', '01:1', 15],
      ['sum-mismatch', '01:1', 15],
    ]);
  });

  it('0803: the second breakdown of the total and the "of which" columns are checked', () => {
    const base: [string, FormValue][] = [[key('01', 2), 3], [key('01', 3), 2]];
    // Total 5 from the arrangement; the qualifications are not reported at all.
    expect(kinds('0803', base)).toEqual(['sum-missing-parts@01:1']);
    expect(kinds('0803', [...base, [key('01', 5), 4], [key('01', 6), 1]])).toEqual([]);
    const wrong = check('0803', [...base, [key('01', 5), 3], [key('01', 9), 6]]);
    expect(wrong.map((v) => [v.kind, cellKey(v.cell), v.actual, v.expected])).toEqual([
      ['sum-mismatch', '01:1', 5, 3],
      ['greater-than', '01:9', 6, 5],
    ]);
  });

  it('values: non-negative, whole for counts, numbers only (text is reported, not read)', () => {
    expect(kinds('0804', [[key('02', 2), 2.5]])).toEqual(['not-whole@02:2']);
    expect(kinds('0804', [[key('02', 2), -1]])).toEqual(['negative@02:2']);
    expect(kinds('0804', [[key('02', 2), '12'], [key('02', 3), 3]])).toEqual(['not-a-number@02:2']);
    expect(kinds('0804', [[key('02', 2), true]])).toEqual(['not-a-number@02:2']);
    expect(kinds('0804', [[key('02', 2), '  ']])).toEqual([]);
    expect(kinds('0804', [[key('02', 2), 0]])).toEqual([]);
    // Decimals are fine for shelf metres, square metres, GB, hours and millions of đồng.
    expect(kinds('0811', [[key('02', 1), 12.75]])).toEqual([]);
    expect(kinds('0813', [[key('07', 1), 0.5]])).toEqual([]);
  });

  it('compares whole numbers exactly and decimals within 0.001', () => {
    const model = formModel(form('0808'), pack.units);
    const decimals = (total: number, backlog: number) =>
      checkFormValues(model, new Map<string, FormValue>([[key('01', 1), total], [key('02', 1), 10.1], [key('03', 1), 5.25], [key('04', 1), backlog]]))
        .map((v) => v.kind);
    expect(decimals(15.35, 5.25)).toEqual([]);
    expect(decimals(15.3505, 5.2505)).toEqual([]);
    expect(decimals(15.36, 5.26)).toEqual(['sum-mismatch', 'greater-than']);

    const whole = formModel(form('0801'), pack.units);
    const inputs = new Map<string, FormValue>([[key('02', 2), 4], [key('03', 2), 6]]);
    const values = computeTotals(whole, inputs);
    expect(checkFormValues(whole, values)).toEqual([]);
    values.set(key('01', 2), 10.0005);
    expect(checkFormValues(whole, values).map((v) => `${v.kind}@${cellKey(v.cell)}`)).toContain('sum-mismatch@01:2');
  });

  it('reports a total left empty while its parts are reported (a check-only total typed by hand)', () => {
    const model = formModel(form('0808'), pack.units);
    const v = checkFormValues(model, new Map<string, FormValue>([[key('02', 1), 1]]));
    expect(v.map((x) => x.kind)).toEqual(['sum-missing-total']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The sheet's formulas and conditional formats against the checker, on the same values.

/** Deterministic pseudo-random figures (some cells left empty), whole or decimal by the row's unit. */
function sampleInputs(f: Form, seed: number): Map<string, FormValue> {
  const model = formModel(f, pack.units);
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const values = new Map<string, FormValue>();
  for (const { cell, role } of model.cells) {
    if (role !== 'input' || rnd() < 0.25) continue;
    const n = rnd() * 60;
    values.set(cellKey(cell), model.kindOf(cell.row) === 'whole' ? Math.floor(n) : Math.round(n * 100) / 100);
  }
  return values;
}

interface Sheet {
  readonly cells: Map<string, XValue | { formula: string }>;
}

/** The sheet a layout describes, as A1 → content. */
function sheetOf(f: Form, inputs: Map<string, FormValue>): Sheet & { layout: ReturnType<typeof formSheetLayout> } {
  const layout = formSheetLayout({ pack, form: f, agency: { code: 'SNV', name: 'Sở Nội vụ' }, year: 2025, values: inputs });
  const cells = new Map<string, XValue | { formula: string }>();
  for (const b of layout.spec.blocks) {
    const at = parseRange(b.at);
    b.rows.forEach((row, i) => row.forEach((v, j) => {
      const a1 = `${String.fromCharCode(64 + at.left + j)}${at.top + i}`;
      if (v !== null && typeof v === 'object' && !isFormula(v)) throw new Error('unexpected date in a form');
      cells.set(a1, v === null ? null : isFormula(v) ? { formula: v.formula } : v);
    }));
  }
  return { cells, layout };
}

function evaluateSheet(sheet: Sheet): (a1: string) => XValue {
  const memo = new Map<string, XValue>();
  const get = (a1: string): XValue => {
    const done = memo.get(a1);
    if (done !== undefined || memo.has(a1)) return done ?? null;
    const c = sheet.cells.get(a1) ?? null;
    const v = c !== null && typeof c === 'object' && 'formula' in c ? evaluateFormula(c.formula, get) : (c as XValue);
    memo.set(a1, v);
    return v;
  };
  return get;
}

describe('the sheet and the checker agree (one rule list)', () => {
  for (const f of pack.forms) {
    it(`form ${f.code}: every total's formula sums exactly its parts and shows what the checker computes`, () => {
      const model = formModel(f, pack.units);
      for (let seed = 1; seed <= 6; seed++) {
        const inputs = sampleInputs(f, seed * 7919 + Number(f.code));
        const sheet = sheetOf(f, inputs);
        const value = evaluateSheet(sheet);
        const expected = computeTotals(model, inputs);
        for (const { cell, role } of model.cells) {
          const a1 = sheet.layout.addresses.get(cellKey(cell)) ?? '';
          const content = sheet.cells.get(a1);
          if (role !== 'total') {
            expect(content !== null && typeof content === 'object' && content !== undefined && 'formula' in content).toBe(false);
            continue;
          }
          if (!content || typeof content !== 'object' || !('formula' in content)) throw new Error(`${a1} is not a formula`);
          const parts = model.formulaOf(cell)?.parts ?? [];
          expect(sumRefs(content.formula).sort()).toEqual(parts.map((p) => sheet.layout.addresses.get(cellKey(p)) ?? '?').sort());
          const shown = value(a1);
          const computed = expected.get(cellKey(cell)) ?? null;
          if (typeof computed !== 'number') expect(shown).toBe('');
          else expect(shown).toBeCloseTo(computed, 9);
        }
        // With the totals as the sheet computes them, the only violations are of check-only rules.
        const sheetValues = new Map<string, FormValue>();
        for (const { cell } of model.cells) {
          const v = value(sheet.layout.addresses.get(cellKey(cell)) ?? '');
          sheetValues.set(cellKey(cell), v === '' ? null : (v as FormValue));
        }
        const violations = checkFormValues(model, sheetValues);
        for (const v of violations) {
          const formulaRule = model.sums.some((s) => s.formula && s.rule === v.rule && cellKey(s.target) === cellKey(v.cell));
          expect(formulaRule).toBe(false);
        }
        // The conditional formats colour exactly the cells the checker reports.
        const coloured = new Set<string>();
        for (const cf of sheet.layout.spec.conditionalFormats) {
          if (cf.type !== 'expression') continue;
          const result = evaluateFormula(cf.formula, value);
          if (result === true) coloured.add(cf.range);
        }
        const reported = new Set(violations.map((v) => sheet.layout.addresses.get(cellKey(v.cell)) ?? ''));
        expect([...coloured].sort()).toEqual([...reported].sort());
      }
    });
  }

  it('colours a broken rule in the sheet as the checker reports it (0803, 0808)', () => {
    const cases: [string, [string, FormValue][], string[]][] = [
      ['0803', [[key('01', 2), 3], [key('01', 3), 2], [key('01', 5), 3], [key('01', 9), 6]], ['01:1', '01:9']],
      ['0803', [[key('01', 2), 3], [key('01', 3), 2]], ['01:1']],
      ['0808', [[key('03', 1), 5.25], [key('04', 1), 5.26]], ['04:1']],
      ['0808', [[key('03', 1), 5.25], [key('04', 1), 5.2505]], []],
    ];
    for (const [code, entries, cells] of cases) {
      const f = form(code);
      const model = formModel(f, pack.units);
      const sheet = sheetOf(f, new Map(entries));
      const value = evaluateSheet(sheet);
      const coloured = sheet.layout.spec.conditionalFormats
        .filter((cf) => cf.type === 'expression' && evaluateFormula(cf.formula, value) === true)
        .map((cf) => cf.range);
      const toKey = new Map([...sheet.layout.addresses].map(([k, a1]) => [a1, k]));
      expect(coloured.map((a1) => toKey.get(a1)).sort()).toEqual([...cells].sort());
      const checked = checkFormValues(model, computeTotals(model, new Map(entries)));
      expect([...new Set(checked.map((v) => cellKey(v.cell)))].sort()).toEqual([...cells].sort());
      expect(cells.every((c) => parseCellKey(c) !== null)).toBe(true);
    }
  });
});
