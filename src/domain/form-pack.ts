/**
 * Form packs: the annual statistical report forms of the records-and-archives field as data (domain.md §5).
 *
 * A pack lists its forms; a form lists its rows (indicator, row code "Mã số", unit), its numbered columns, the cells
 * that take no figure ("na", shown as "x"), and its arithmetic rules. Everything else follows from those rules, once:
 *
 * - a `sum` rule makes its target cells totals, written into the sheet as formulas (the first rule that targets a
 *   cell gives its formula; any later rule on the same cell, or a rule marked `check`, is only checked);
 * - a `le` rule (a ≤ b) is checked;
 * - input cells are all cells that are neither totals nor "na";
 * - the value kind of a row (whole number or decimal) comes from its unit, through the pack's unit table.
 *
 * Selectors name a cell ({row, col}), a whole row ({row}: the rule holds in every column) or a whole column ({col}:
 * the rule holds in every row). A rule's selectors all have the same shape; `rows`/`cols` narrow where a column- or
 * row-wise rule applies. Instances whose target (or either side of a ≤) is "na" are skipped.
 *
 * Form numbering ("Biểu số"): `header.numberPattern` with `{code}` replaced by the form code. The default pack uses
 * "{code}.N/BNV-VTLT": 08 is the records-and-archives field of the Home Affairs statistics, the next two digits the
 * form (01–13), ".N" the annual period (năm), "BNV" the ministry and "VTLT" the field (văn thư, lưu trữ).
 */
import type { z } from 'zod';
import type { FormColumnSchema, FormPackSchema, FormRowSchema, FormRuleSchema, FormSchema, SelectorSchema } from './form-pack-schema';

// The schemas (and loading a pack given by the user) are in form-pack-schema.ts: this module needs no schema library.
export const FORM_PACK_SCHEMA = 'vtlt/form-pack@1';
export const VALUE_KINDS = ['whole', 'decimal'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
export type Selector = z.infer<typeof SelectorSchema>;
export type FormRule = z.infer<typeof FormRuleSchema>;
export type FormRow = z.infer<typeof FormRowSchema>;
export type FormColumn = z.infer<typeof FormColumnSchema>;
export type Form = z.infer<typeof FormSchema>;
export type FormPack = z.infer<typeof FormPackSchema>;
export type Units = FormPack['units'];

/** A form's code, which is also its sheet's name. */
export { isFormCode } from './form-code';

export function formNumber(pack: FormPack, form: Pick<Form, 'code'>): string {
  return pack.header.numberPattern.replace(/\{code\}/g, form.code);
}

export function findForm(pack: FormPack, code: string): Form | undefined {
  return pack.forms.find((f) => f.code === code.trim());
}

// ---------------------------------------------------------------------------------------------------------------
// Cells and rules

export interface Cell {
  readonly row: string;
  readonly col: number;
}

/** "01:3": the key of a cell in value maps. */
export function cellKey(cell: Cell): string {
  return `${cell.row}:${cell.col}`;
}

export function parseCellKey(key: string): Cell | null {
  const m = /^(\d{2,3}):(\d+)$/.exec(key);
  return m ? { row: m[1] ?? '', col: Number(m[2]) } : null;
}

export type CellRole = 'input' | 'total' | 'na';

export interface SumInstance {
  /** Index of the rule in the form's `rules`. */
  readonly rule: number;
  readonly target: Cell;
  readonly parts: readonly Cell[];
  /** This instance gives the target's formula; otherwise it is only checked. */
  readonly formula: boolean;
}

export interface LeInstance {
  readonly rule: number;
  readonly a: Cell;
  readonly b: Cell;
}

interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Shape = 'cell' | 'row' | 'col';

function shapeOf(s: Selector): Shape {
  if (s.row !== undefined && s.col !== undefined) return 'cell';
  return s.row !== undefined ? 'row' : 'col';
}

const cellText = (c: Cell) => `dòng ${c.row}, cột ${c.col}`;

interface Expansion {
  readonly sums: SumInstance[];
  readonly les: LeInstance[];
  readonly na: Set<string>;
  readonly problems: Problem[];
}

function expand(form: Form): Expansion {
  const problems: Problem[] = [];
  const rowCodes = form.rows.map((r) => r.code);
  const colNos = form.columns.map((c) => c.no);
  const hasRow = new Set(rowCodes);
  const hasCol = new Set(colNos);

  const checkSelector = (s: Selector, path: (string | number)[]): boolean => {
    let ok = true;
    if (s.row !== undefined && !hasRow.has(s.row)) {
      problems.push({ path: [...path, 'row'], message: `không có dòng mã số "${s.row}"` });
      ok = false;
    }
    if (s.col !== undefined && !hasCol.has(s.col)) {
      problems.push({ path: [...path, 'col'], message: `không có cột ${s.col}` });
      ok = false;
    }
    return ok;
  };

  const na = new Set<string>();
  form.na.forEach((s, i) => {
    if (!checkSelector(s, ['na', i])) return;
    for (const row of s.row === undefined ? rowCodes : [s.row]) {
      for (const col of s.col === undefined ? colNos : [s.col]) na.add(cellKey({ row, col }));
    }
  });
  const isNa = (c: Cell) => na.has(cellKey(c));

  const sums: SumInstance[] = [];
  const les: LeInstance[] = [];
  form.rules.forEach((rule, i) => {
    const base = ['rules', i];
    const selectors: [Selector, (string | number)[]][] =
      rule.type === 'sum'
        ? [[rule.target, [...base, 'target']], ...rule.parts.map((p, k): [Selector, (string | number)[]] => [p, [...base, 'parts', k]])]
        : [[rule.a, [...base, 'a']], [rule.b, [...base, 'b']]];
    let valid = true;
    for (const [s, path] of selectors) valid = checkSelector(s, path) && valid;
    rule.rows?.forEach((r, k) => {
      if (!hasRow.has(r)) {
        problems.push({ path: [...base, 'rows', k], message: `không có dòng mã số "${r}"` });
        valid = false;
      }
    });
    rule.cols?.forEach((c, k) => {
      if (!hasCol.has(c)) {
        problems.push({ path: [...base, 'cols', k], message: `không có cột ${c}` });
        valid = false;
      }
    });
    const shape = shapeOf(selectors[0]?.[0] ?? { row: '01' });
    for (const [s, path] of selectors) {
      if (shapeOf(s) !== shape) {
        problems.push({ path, message: 'mọi ô của một quy tắc phải cùng dạng: cùng {row, col}, cùng {row} hoặc cùng {col}' });
        valid = false;
      }
    }
    if (rule.rows !== undefined && shape !== 'col') {
      problems.push({ path: [...base, 'rows'], message: '"rows" chỉ dùng cho quy tắc theo cột ({col})' });
      valid = false;
    }
    if (rule.cols !== undefined && shape !== 'row') {
      problems.push({ path: [...base, 'cols'], message: '"cols" chỉ dùng cho quy tắc theo dòng ({row})' });
      valid = false;
    }
    if (rule.type === 'sum') {
      const seen = new Set<string>();
      const targetId = JSON.stringify([rule.target.row, rule.target.col]);
      rule.parts.forEach((p, k) => {
        const id = JSON.stringify([p.row, p.col]);
        if (id === targetId) {
          problems.push({ path: [...base, 'parts', k], message: 'thành phần trùng với ô tổng' });
          valid = false;
        } else if (seen.has(id)) {
          problems.push({ path: [...base, 'parts', k], message: 'thành phần bị lặp' });
          valid = false;
        }
        seen.add(id);
      });
    }
    if (!valid) return;

    // Where the rule holds: one cell, every column of a row, or every row of a column.
    const places: ((s: Selector) => Cell)[] =
      shape === 'cell'
        ? [(s) => ({ row: s.row ?? '', col: s.col ?? 0 })]
        : shape === 'row'
          ? (rule.cols ?? colNos).map((col) => (s: Selector) => ({ row: s.row ?? '', col }))
          : (rule.rows ?? rowCodes).map((row) => (s: Selector) => ({ row, col: s.col ?? 0 }));
    let count = 0;
    for (const at of places) {
      if (rule.type === 'sum') {
        const target = at(rule.target);
        const parts = rule.parts.map(at);
        if (isNa(target)) {
          if (shape === 'cell') problems.push({ path: [...base, 'target'], message: `ô ${cellText(target)} không có số liệu ("na")` });
          continue;
        }
        const naPart = parts.findIndex(isNa);
        if (naPart >= 0) {
          const part = parts[naPart] as Cell;
          problems.push({
            path: [...base, 'parts', naPart],
            message: `ô ${cellText(part)} không có số liệu ("na") nhưng ô tổng ${cellText(target)} có`,
          });
          continue;
        }
        sums.push({ rule: i, target, parts, formula: false });
        count++;
      } else {
        const a = at(rule.a);
        const b = at(rule.b);
        if (isNa(a) || isNa(b)) {
          if (shape === 'cell') problems.push({ path: base, message: `ô ${cellText(isNa(a) ? a : b)} không có số liệu ("na")` });
          continue;
        }
        les.push({ rule: i, a, b });
        count++;
      }
    }
    if (count === 0 && places.length > 0 && !problems.some((p) => p.path[0] === 'rules' && p.path[1] === i)) {
      problems.push({ path: base, message: 'quy tắc không áp dụng cho ô nào (mọi ô đều là "na")' });
    }
  });

  // The first sum rule on a cell (not marked check) gives its formula; the others are checks.
  const formulaOf = new Map<string, number>();
  sums.forEach((s, k) => {
    const rule = form.rules[s.rule];
    const key = cellKey(s.target);
    if (rule?.type === 'sum' && rule.check !== true && !formulaOf.has(key)) formulaOf.set(key, k);
  });
  const resolved = sums.map((s, k) => ({ ...s, formula: formulaOf.get(cellKey(s.target)) === k }));

  // Formulas must not depend on themselves.
  const byTarget = new Map(resolved.filter((s) => s.formula).map((s) => [cellKey(s.target), s]));
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<number>();
  const visit = (key: string): void => {
    const s = byTarget.get(key);
    if (!s || state.get(key) === 'done') return;
    if (state.get(key) === 'open') {
      if (!reported.has(s.rule)) {
        reported.add(s.rule);
        problems.push({ path: ['rules', s.rule], message: `các công thức tổng phụ thuộc vòng tròn qua ô ${cellText(s.target)}` });
      }
      return;
    }
    state.set(key, 'open');
    for (const p of s.parts) visit(cellKey(p));
    state.set(key, 'done');
  };
  for (const key of byTarget.keys()) visit(key);

  return { sums: resolved, les, na, problems };
}

/** What is wrong in a form beyond its shape (checked with the schema, form-pack-schema.ts). */
export function formProblems(form: Form, units: Units): Problem[] {
  const problems: Problem[] = [];
  form.columns.forEach((c, i) => {
    if (c.no !== i + 1) problems.push({ path: ['columns', i, 'no'], message: `cột thứ ${i + 1} phải mang số ${i + 1} (đánh số liên tục từ 1)` });
  });
  const seen = new Set<string>();
  form.rows.forEach((r, i) => {
    if (seen.has(r.code)) problems.push({ path: ['rows', i, 'code'], message: `mã số dòng "${r.code}" bị trùng` });
    seen.add(r.code);
    if (!Object.hasOwn(units, r.unit)) {
      problems.push({ path: ['rows', i, 'unit'], message: `đơn vị tính "${r.unit}" chưa có trong bảng "units" (nguyên hay thập phân)` });
    }
  });
  if (problems.length > 0) return problems;
  return expand(form).problems;
}

// ---------------------------------------------------------------------------------------------------------------
// The model of one form: roles of cells, formulas, checks.

export interface FormModel {
  readonly form: Form;
  readonly sums: readonly SumInstance[];
  readonly les: readonly LeInstance[];
  /** Every cell of the table, row by row, with its role. */
  readonly cells: readonly { readonly cell: Cell; readonly role: CellRole }[];
  roleOf(cell: Cell): CellRole | undefined;
  /** The sum that gives a total cell its formula. */
  formulaOf(cell: Cell): SumInstance | undefined;
  kindOf(row: string): ValueKind;
  unitOf(row: string): string;
}

/** The model of a form of a valid pack (a pack that passed `loadFormPack`). */
export function formModel(form: Form, units: Units): FormModel {
  const { sums, les, na } = expand(form);
  const formulas = new Map(sums.filter((s) => s.formula).map((s) => [cellKey(s.target), s]));
  const roles = new Map<string, CellRole>();
  const cells: { cell: Cell; role: CellRole }[] = [];
  for (const r of form.rows) {
    for (const c of form.columns) {
      const cell = { row: r.code, col: c.no };
      const key = cellKey(cell);
      const role: CellRole = na.has(key) ? 'na' : formulas.has(key) ? 'total' : 'input';
      roles.set(key, role);
      cells.push({ cell, role });
    }
  }
  const rows = new Map(form.rows.map((r) => [r.code, r]));
  return {
    form,
    sums,
    les,
    cells,
    roleOf: (cell) => roles.get(cellKey(cell)),
    formulaOf: (cell) => formulas.get(cellKey(cell)),
    kindOf: (row) => units[rows.get(row)?.unit ?? ''] ?? 'decimal',
    unitOf: (row) => rows.get(row)?.unit ?? '',
  };
}

/** The numbering-row caption of a column: "1", or "1 = 2 + 3" when a column-wise sum holds in every row. */
export function columnCaption(form: Form, col: number): string {
  const sums = form.rules.filter(
    (r): r is Extract<FormRule, { type: 'sum' }> =>
      r.type === 'sum' && r.rows === undefined && shapeOf(r.target) === 'col' && r.target.col === col,
  );
  return [String(col), ...sums.map((r) => r.parts.map((p) => String(p.col)).join(' + '))].join(' = ');
}

// ---------------------------------------------------------------------------------------------------------------
// Checking values against the rules (the same rules the sheet's formulas come from).

export type FormValue = string | number | boolean | null;
export type FormValues = ReadonlyMap<string, FormValue>;

export type ViolationKind =
  /** Text, or anything else that is not a number, in a figure cell. */
  | 'not-a-number'
  | 'negative'
  /** A count unit with a fractional value. */
  | 'not-whole'
  /** Total and parts reported, and they differ. */
  | 'sum-mismatch'
  /** Parts reported, total empty. */
  | 'sum-missing-total'
  /** Total reported (not 0), every part empty. */
  | 'sum-missing-parts'
  /** a > b for a rule a ≤ b. */
  | 'greater-than';

export interface RuleViolation {
  readonly kind: ViolationKind;
  /** The cell to point at: the input cell, the total, or the left side of a ≤. */
  readonly cell: Cell;
  /** The other cells of the rule (parts, or the right side of a ≤). */
  readonly related: readonly Cell[];
  /** Index of the rule in the form's `rules`, for rule violations. */
  readonly rule?: number;
  readonly actual: FormValue;
  /** The sum of the parts, or the bound of a ≤. */
  readonly expected?: number | null;
}

/** Tolerance of a comparison: exact for whole numbers, 0.001 when a decimal unit is involved. */
export const DECIMAL_TOLERANCE = 0.001;

type Numeric = { ok: true; value: number | null } | { ok: false };

/** A figure cell's value: a number, empty (null: not reported), or not a number. */
export function numericValue(v: FormValue | undefined): Numeric {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  if (typeof v === 'string' && v.trim() === '') return { ok: true, value: null };
  return { ok: false };
}

function tolerance(model: FormModel, cells: readonly Cell[]): number {
  return cells.some((c) => model.kindOf(c.row) === 'decimal') ? DECIMAL_TOLERANCE : 0;
}

/**
 * Lists what breaks the form's rules in `values` (keyed by `cellKey`): input cells that are not non-negative numbers
 * of their kind, sums that do not add up, and ≤ rules that do not hold. An empty cell is "not reported": a sum is
 * checked when one of its sides is reported, a ≤ when both are. A rule over a cell that is not a number is skipped
 * (the cell is reported once, as not a number).
 */
export function checkFormValues(model: FormModel, values: FormValues): RuleViolation[] {
  const out: RuleViolation[] = [];
  const get = (c: Cell) => values.get(cellKey(c)) ?? null;
  for (const { cell, role } of model.cells) {
    if (role !== 'input') continue;
    const actual = get(cell);
    const n = numericValue(actual);
    if (!n.ok) out.push({ kind: 'not-a-number', cell, related: [], actual });
    else if (n.value !== null && n.value < 0) out.push({ kind: 'negative', cell, related: [], actual });
    else if (n.value !== null && model.kindOf(cell.row) === 'whole' && !Number.isInteger(n.value)) {
      out.push({ kind: 'not-whole', cell, related: [], actual });
    }
  }
  for (const s of model.sums) {
    const target = numericValue(get(s.target));
    const parts = s.parts.map((p) => numericValue(get(p)));
    if (!target.ok || parts.some((p) => !p.ok)) continue;
    const reported = parts.flatMap((p) => (p.ok && p.value !== null ? [p.value] : []));
    const expected = reported.length === 0 ? null : reported.reduce((a, b) => a + b, 0);
    const tol = tolerance(model, [s.target, ...s.parts]);
    const base = { cell: s.target, related: s.parts, rule: s.rule, actual: get(s.target), expected };
    if (expected === null) {
      if (target.value !== null && target.value !== 0) out.push({ kind: 'sum-missing-parts', ...base });
    } else if (target.value === null) {
      out.push({ kind: 'sum-missing-total', ...base });
    } else if (Math.abs(target.value - expected) > tol) {
      out.push({ kind: 'sum-mismatch', ...base });
    }
  }
  for (const l of model.les) {
    const a = numericValue(get(l.a));
    const b = numericValue(get(l.b));
    if (!a.ok || !b.ok || a.value === null || b.value === null) continue;
    if (a.value - b.value > tolerance(model, [l.a, l.b])) {
      out.push({ kind: 'greater-than', cell: l.a, related: [l.b], rule: l.rule, actual: get(l.a), expected: b.value });
    }
  }
  return out;
}

/**
 * The values with every total computed from its parts, as the sheet's formulas compute them: empty when no part is
 * a number, otherwise the sum of the parts that are numbers.
 */
export function computeTotals(model: FormModel, values: FormValues): Map<string, FormValue> {
  const out = new Map<string, FormValue>(values);
  const done = new Set<string>();
  const compute = (cell: Cell): FormValue => {
    const key = cellKey(cell);
    const s = model.formulaOf(cell);
    if (!s || done.has(key)) return out.get(key) ?? null;
    done.add(key);
    let total: number | null = null;
    for (const p of s.parts) {
      const v = compute(p);
      if (typeof v === 'number' && Number.isFinite(v)) total = (total ?? 0) + v;
    }
    out.set(key, total);
    return total;
  };
  for (const s of model.sums) if (s.formula) compute(s.target);
  return out;
}
