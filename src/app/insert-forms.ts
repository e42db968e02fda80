/**
 * Use case: insert (or refresh, or upgrade to a newer pack) the statistical report forms for an agency and a
 * reporting year, keeping the figures entered. One read of the form sheets and the stamp, one write of all of them.
 */
import { type Form, type FormPack, type FormValue, cellKey, formModel, parseCellKey } from '../domain/form-pack';
import { t, type Lang } from '../domain/i18n';
import type { RosterEntry } from '../domain/roster';
import { PRODUCT_VERSION } from '../domain/version';
import { formSheetLayout, type FormLayout } from '../workbook/forms';
import { type FormFooterText, readFormFooter } from '../workbook/forms-footer';
import { readFormSheet } from '../workbook/forms-read';
import { isEmptyValue } from '../workbook/grid';
import { IDENTITY_SCHEMA, IDENTITY_SHEET, identitySheet, mergeIdentity, type Identity } from '../workbook/identity';
import type { Confirm, WorkbookPort } from './workbook-port';
import { stampIn } from './workbook-stamp';

export interface InsertFormsRequest {
  readonly pack: FormPack;
  /** Form codes to insert, in any order; all the pack's forms when absent. */
  readonly codes?: readonly string[];
  readonly agency: RosterEntry;
  /** The reporting year (e.g. 2025 for the report due in February 2026). */
  readonly year: number;
  /** The plan pack to stamp when the workbook carries none yet (the stamp requires one). */
  readonly plan: { readonly id: string; readonly version: string };
  readonly now: Date;
  readonly confirm: Confirm;
  readonly lang?: Lang;
}

export type UnplacedReason = 'row' | 'column' | 'total' | 'na';

/** A figure read from the previous sheet that the new layout has no input cell for. */
export interface UnplacedValue {
  readonly form: string;
  readonly row: string;
  readonly col: number;
  readonly value: FormValue;
  /** Where it was in the previous sheet. */
  readonly cell: string;
  readonly reason: UnplacedReason;
}

export interface InsertedForm {
  readonly code: string;
  readonly layout: FormLayout;
  /** Figures carried over from the previous sheet. */
  readonly kept: number;
  /** Texts of the footer (place-and-date line, signers' names) carried over from the previous sheet. */
  readonly keptText: number;
  readonly replacedSheet: boolean;
}

export type InsertFormsResult =
  | {
      readonly ok: true;
      readonly forms: readonly InsertedForm[];
      readonly unplaced: readonly UnplacedValue[];
      readonly identity: Identity;
    }
  | { readonly ok: false; readonly reason: 'cancelled'; readonly question: string }
  | { readonly ok: false; readonly reason: 'unknown-forms'; readonly codes: readonly string[] };

export function formsIdentity(
  req: Pick<InsertFormsRequest, 'pack' | 'agency' | 'year' | 'plan' | 'now'>,
  previous: Identity | null,
): Identity {
  const { agency, year } = req;
  return {
    schema: IDENTITY_SCHEMA,
    agencyCode: agency.code,
    agencyName: agency.name,
    agencyKind: agency.kind,
    reportingYear: year,
    reportingPeriod: `01/01/${year} - 31/12/${year}`,
    // The stamp describes the workbook: keep the plan pack of a tracker already in it.
    planPackId: previous?.planPackId ?? req.plan.id,
    planPackVersion: previous?.planPackVersion ?? req.plan.version,
    formPackId: req.pack.id,
    formPackVersion: req.pack.version,
    productVersion: PRODUCT_VERSION,
    generatedAt: req.now.toISOString(),
    inclusiveBefore: previous?.inclusiveBefore,
  };
}

function selectForms(pack: FormPack, codes: readonly string[] | undefined): { forms: Form[]; unknown: string[] } {
  if (codes === undefined) return { forms: [...pack.forms], unknown: [] };
  const wanted = new Set(codes.map((c) => c.trim()));
  const unknown = [...wanted].filter((c) => !pack.forms.some((f) => f.code === c));
  return { forms: pack.forms.filter((f) => wanted.has(f.code)), unknown };
}

/** A figure as the user reads it: Vietnamese number grouping in Vietnamese (1.234,5), text in quotes. */
function valueText(v: FormValue, lang: Lang): string {
  if (typeof v === 'number') return v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 6 });
  return typeof v === 'string' ? `"${v}"` : String(v);
}

export function describeUnplaced(u: UnplacedValue, lang: Lang): string {
  return t(lang, 'forms.unplaced.item', {
    form: u.form, row: u.row, col: u.col, value: valueText(u.value, lang), cell: u.cell,
    reason: t(lang, `forms.unplaced.reason.${u.reason}`),
  });
}

export async function insertForms(port: WorkbookPort, req: InsertFormsRequest): Promise<InsertFormsResult> {
  const lang = req.lang ?? 'vi';
  const { pack, agency } = req;
  const { forms, unknown } = selectForms(pack, req.codes);
  if (unknown.length > 0) return { ok: false, reason: 'unknown-forms', codes: unknown };

  const snapshot = await port.read([...forms.map((f) => f.code), IDENTITY_SHEET]);
  const previous = stampIn(snapshot.grids);

  const ask = async (question: string): Promise<InsertFormsResult | null> =>
    (await req.confirm(question)) ? null : { ok: false, reason: 'cancelled', question };

  if (previous && previous.agencyCode.toUpperCase() !== agency.code.toUpperCase()) {
    const stop = await ask(t(lang, 'forms.question.agency', {
      oldName: previous.agencyName, oldCode: previous.agencyCode, name: agency.name, code: agency.code,
    }));
    if (stop) return stop;
  }

  const unplaced: UnplacedValue[] = [];
  const foreign: string[] = [];
  const plans: { form: Form; values: Map<string, FormValue>; footer: FormFooterText; kept: number; replaced: boolean }[] = [];
  for (const form of forms) {
    const grid = snapshot.grids.get(form.code) ?? null;
    const read = grid ? readFormSheet(grid) : null;
    const isOurs = read !== null && (read.code === null || read.code === form.code);
    if (grid && !isOurs && grid.values.some((row) => row.some((v) => !isEmptyValue(v)))) {
      const stop = await ask(t(lang, 'forms.question.overwrite', { sheet: form.code }));
      if (stop) return stop;
    }
    const model = formModel(form, pack.units);
    const rows = new Set(form.rows.map((r) => r.code));
    const cols = new Set(form.columns.map((c) => c.no));
    const values = new Map<string, FormValue>();
    let footer: FormFooterText = {};
    if (grid && read && isOurs) {
      const typed = readFormFooter(grid, read, pack);
      footer = typed.footer;
      foreign.push(...typed.foreignCells.map((cell) => `${form.code}!${cell}`));
    }
    if (read && isOurs) {
      for (const [key, value] of read.values) {
        const cell = parseCellKey(key);
        if (!cell) continue;
        const role = rows.has(cell.row) && cols.has(cell.col) ? model.roleOf(cell) : undefined;
        if (role === 'input') {
          values.set(cellKey(cell), value);
          continue;
        }
        const reason: UnplacedReason = !rows.has(cell.row) ? 'row' : !cols.has(cell.col) ? 'column' : role === 'total' ? 'total' : 'na';
        unplaced.push({ form: form.code, row: cell.row, col: cell.col, value, cell: read.addresses.get(key) ?? '', reason });
      }
    }
    plans.push({ form, values, footer, kept: values.size, replaced: grid !== null });
  }

  if (foreign.length > 0) {
    const cells = foreign.slice(0, 8).join(', ') + (foreign.length > 8 ? ', …' : '');
    const stop = await ask(t(lang, 'forms.question.foreign', { count: foreign.length, cells }));
    if (stop) return stop;
  }

  if (unplaced.length > 0) {
    const shown = unplaced.slice(0, 12).map((u) => describeUnplaced(u, lang));
    if (unplaced.length > shown.length) shown.push('  …');
    const stop = await ask(t(lang, 'forms.question.unplaced', { count: unplaced.length, list: shown.join('\n') }));
    if (stop) return stop;
  }

  const inserted: InsertedForm[] = plans.map((p) => ({
    code: p.form.code,
    layout: formSheetLayout({ pack, form: p.form, agency, year: req.year, values: p.values, footer: p.footer }),
    kept: p.kept,
    keptText: Object.keys(p.footer).length,
    replacedSheet: p.replaced,
  }));
  const identity = mergeIdentity(previous, formsIdentity(req, previous));
  const first = inserted[0];
  // The pack's other forms already in the workbook stay protected, whatever the host read of them.
  const others = pack.forms.map((f) => f.code).filter((code) => snapshot.sheetNames.includes(code) && !forms.some((f) => f.code === code));
  await port.write(
    [...inserted.map((f) => f.layout.spec), identitySheet(identity)],
    { ...(first ? { activate: first.code } : {}), keepProtected: others },
  );
  return { ok: true, forms: inserted, unplaced, identity };
}
