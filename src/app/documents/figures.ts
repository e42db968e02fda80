/**
 * The key figures of the statistical forms, as a short table for a report: for every form, each main indicator (the
 * rows that are not a breakdown of another) in the form's first column ("Tổng số"/"Số lượng"), with its unit. The
 * figures are those the sheets hold (read back by the forms' reader, totals by the forms' own rules); nothing is
 * added up here.
 */
import { cellKey, formModel, type FormPack } from '../../domain/form-pack';
import type { FormFigures } from '../consolidate';
import type { Block } from './model';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });

/** A figure as Vietnamese readers write it (1.234,5); "—" when the form does not report it (never 0). */
export function figureText(value: number | undefined): string {
  return value === undefined ? '—' : numberFormat.format(value);
}

export interface KeyFigure {
  readonly form: string;
  readonly row: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number | undefined;
}

export function keyFigures(pack: FormPack, figures: FormFigures): KeyFigure[] {
  const out: KeyFigure[] = [];
  for (const form of pack.forms) {
    const model = formModel(form, pack.units);
    const first = form.columns[0]?.no ?? 1;
    for (const row of form.rows) {
      if ((row.indent ?? 0) > 0) continue;
      out.push({
        form: form.code, row: row.code, label: row.label, unit: model.unitOf(row.code),
        value: figures.get(form.code)?.get(cellKey({ row: row.code, col: first })),
      });
    }
  }
  return out;
}

export function figuresTable(pack: FormPack, figures: FormFigures, valueHeader: string): Block {
  return {
    kind: 'table',
    header: ['Biểu', 'Chỉ tiêu', 'Đơn vị tính', valueHeader],
    widths: [10, 56, 14, 20],
    numeric: [3],
    rows: keyFigures(pack, figures).map((k) => [k.form, k.label, k.unit, figureText(k.value)]),
  };
}
