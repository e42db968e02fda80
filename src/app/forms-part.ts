/**
 * The report forms' part in validation and consolidation: reading every form sheet of a workbook, checking it against
 * the pack's rules (the same rules its formulas come from), extracting the figures, and comparing with last year.
 */
import { cellKey, computeTotals, checkFormValues, formModel, type Cell, type FormModel, type FormPack, type FormValue, type RuleViolation } from '../domain/form-pack';
import { countedWarning, issue, type Issue, type IssueParams } from '../domain/validation/issue';
import { meantNumber } from '../domain/validation/values';
import { cellRef } from '../workbook/a1';
import type { Grid } from '../workbook/grid';
import { readFormSheet, type FormSheetRead } from '../workbook/forms-read';
import type { FormFigures, FormsPart } from './consolidate';
import type { Identity } from '../workbook/identity';

export interface FormsPartOptions {
  readonly expectedYear?: number;
  /**
   * Which forms must be present: `true` every form of the pack; `false` only the forms present are checked;
   * `'when-started'` every form once the workbook has any form (or its stamp names a form pack) — a workbook with no
   * form at all gets one warning instead, so a clerk who has only filled the tracker is not flooded with errors.
   */
  readonly requireAll: boolean | 'when-started';
}

interface ReadForm {
  readonly model: FormModel;
  readonly read: FormSheetRead;
  /** Figures with the totals computed from their parts, as the sheet shows them. */
  readonly figures: Map<string, FormValue>;
}

type FormsRead = Map<string, ReadForm | 'missing' | 'unrecognised'>;

/** Reading is done once per workbook snapshot, whether it is then checked, extracted or both. */
const readCache = new WeakMap<ReadonlyMap<string, Grid | null>, { pack: FormPack; forms: FormsRead }>();
const modelCache = new WeakMap<FormPack['forms'][number], FormModel>();

function modelOf(pack: FormPack, form: FormPack['forms'][number]): FormModel {
  let model = modelCache.get(form);
  if (!model) {
    model = formModel(form, pack.units);
    modelCache.set(form, model);
  }
  return model;
}

function readForms(pack: FormPack, grids: ReadonlyMap<string, Grid | null>): FormsRead {
  const cached = readCache.get(grids);
  if (cached && cached.pack === pack) return cached.forms;
  const out: FormsRead = new Map();
  readCache.set(grids, { pack, forms: out });
  for (const form of pack.forms) {
    const grid = grids.get(form.code) ?? null;
    if (!grid) {
      out.set(form.code, 'missing');
      continue;
    }
    const model = modelOf(pack, form);
    const read = readFormSheet(grid, (cell) => model.roleOf(cell) === 'input');
    if (!read) {
      out.set(form.code, 'unrecognised');
      continue;
    }
    out.set(form.code, { model, read, figures: computeTotals(model, read.values) });
  }
  return out;
}

function addressOf(read: FormSheetRead, cell: Cell): string {
  const known = read.addresses.get(cellKey(cell));
  if (known) return known;
  const row = read.rows.get(cell.row);
  const col = read.columns.get(cell.col);
  return row !== undefined && col !== undefined ? cellRef(row, col) : '';
}

function rowLabel(model: FormModel, row: string): string {
  const r = model.form.rows.find((x) => x.code === row);
  return r ? `${row} (${r.label})` : row;
}

function describe(model: FormModel, c: Cell): string {
  return `${model.form.code}, mã số ${c.row}, cột ${c.col}`;
}

function violationIssue(sheet: string, f: ReadForm, v: RuleViolation): Issue {
  const at = addressOf(f.read, v.cell);
  const base: IssueParams = { row: rowLabel(f.model, v.cell.row), col: v.cell.col };
  const value = v.actual ?? null;
  switch (v.kind) {
    case 'not-a-number': {
      const meant = typeof value === 'string' ? meantNumber(value) : null;
      return meant !== null
        ? issue('error', 'number-as-text', sheet, at, value, { ...base, task: '', meant })
        : issue('error', 'not-a-number', sheet, at, value, base);
    }
    case 'negative':
      return issue('error', 'negative', sheet, at, value, base);
    case 'not-whole':
      return issue('error', 'not-whole', sheet, at, value, { ...base, unit: f.model.unitOf(v.cell.row) });
    case 'sum-mismatch':
    case 'sum-missing-total':
    case 'sum-missing-parts':
      return issue('error', 'sum-mismatch', sheet, at, value, {
        ...base,
        target: describe(f.model, v.cell),
        found: value === null ? 'để trống' : String(value),
        parts: v.related.map((c) => `${c.row}/${c.col}`).join(' + '),
        expected: v.expected === null || v.expected === undefined ? 'để trống' : String(v.expected),
      });
    case 'greater-than': {
      const b = v.related[0];
      return issue('error', 'greater-than', sheet, at, value, {
        ...base,
        a: describe(f.model, v.cell),
        b: b ? `${describe(f.model, b)} (${addressOf(f.read, b)})` : '',
        found: String(value),
        limit: String(v.expected ?? ''),
      });
    }
  }
}

/**
 * A formula typed in an input cell: its kept result is used and counted (a warning that does not keep the file out of
 * the totals); with no kept result the figure is unknown (an error asking for the number).
 */
function formulaInputIssues(sheet: string, f: ReadForm): Issue[] {
  return [...f.read.formulaInputs].map(([key, fi]) => {
    const [row, col] = key.split(':');
    const params: IssueParams = { row: rowLabel(f.model, row ?? ''), col: Number(col), formula: fi.formula };
    return fi.value === null
      ? issue('error', 'formula-no-value', sheet, fi.address, null, params)
      : countedWarning('formula-in-input', sheet, fi.address, fi.value, { ...params, found: String(fi.value) });
  });
}

export function formsPart(pack: FormPack, options: FormsPartOptions): FormsPart {
  return {
    sheetNames: pack.forms.map((f) => f.code),
    check(grids: ReadonlyMap<string, Grid | null>, identity: Identity | null) {
      const issues: Issue[] = [];
      let shownAgency: string | null = null;
      const forms = readForms(pack, grids);
      const started = identity?.formPackId !== undefined || [...forms.values()].some((f) => f !== 'missing');
      const require = options.requireAll === 'when-started' ? started : options.requireAll;
      if (options.requireAll === 'when-started' && !started) {
        issues.push(issue('warning', 'sheet-missing', '', '', null, { name: pack.forms.map((f) => f.code).join(', '), what: 'các biểu báo cáo thống kê' }));
      }
      for (const [code, f] of forms) {
        const form = pack.forms.find((x) => x.code === code);
        if (f === 'missing') {
          if (require) issues.push(issue('error', 'sheet-missing', code, '', null, { name: code, what: `biểu ${code} (${form?.title ?? ''})` }));
          continue;
        }
        if (f === 'unrecognised') {
          issues.push(issue('error', 'sheet-missing', code, '', null, { name: code, what: `biểu ${code}: trang tính có nhưng không nhận ra bảng số liệu (không thấy cột "Mã số")` }));
          continue;
        }
        shownAgency ??= f.read.reporter?.replace(/\s*\(mã [^)]*\)\s*$/u, '') ?? null;
        if (options.expectedYear !== undefined && f.read.year !== null && f.read.year !== options.expectedYear) {
          issues.push(issue('error', 'year-unexpected', code, '', f.read.year, { found: f.read.year, expected: options.expectedYear }));
        }
        issues.push(...formulaInputIssues(code, f));
        for (const v of checkFormValues(f.model, f.figures)) issues.push(violationIssue(code, f, v));
      }
      return { issues, shownAgency };
    },
    extract(grids: ReadonlyMap<string, Grid | null>): FormFigures {
      const out = new Map<string, Map<string, number>>();
      for (const [code, f] of readForms(pack, grids)) {
        if (typeof f === 'string') continue;
        const cells = new Map<string, number>();
        for (const [key, value] of f.figures) if (typeof value === 'number' && Number.isFinite(value)) cells.set(key, value);
        out.set(code, cells);
      }
      return out;
    },
  };
}

/**
 * Compares this year's figures with the same agency's previous-year workbook: a change beyond `ratio` (×2 or ÷2 by
 * default) is a warning asking for an explanation, not an error.
 */
export function compareWithPrevious(
  pack: FormPack,
  current: ReadonlyMap<string, Grid | null>,
  previous: ReadonlyMap<string, Grid | null>,
  ratio = 2,
): Issue[] {
  const now = readForms(pack, current);
  const before = readForms(pack, previous);
  const issues: Issue[] = [];
  for (const [code, f] of now) {
    const p = before.get(code);
    if (typeof f === 'string' || p === undefined || typeof p === 'string') continue;
    for (const [key, value] of f.figures) {
      const old = p.figures.get(key);
      if (typeof value !== 'number' || typeof old !== 'number' || value <= 0 || old <= 0) continue;
      const r = value / old;
      if (r > ratio || r < 1 / ratio) {
        const [row, col] = key.split(':');
        const cell: Cell = { row: row ?? '', col: Number(col) };
        issues.push(issue('warning', 'change-large', code, addressOf(f.read, cell), value, {
          row: rowLabel(f.model, cell.row), col: cell.col, found: value, previous: old,
          ratio: (r >= 1 ? r : 1 / r).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + (r >= 1 ? '' : ' (giảm)'),
        }));
      }
    }
  }
  return issues;
}
