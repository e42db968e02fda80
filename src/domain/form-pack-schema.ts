/**
 * The schema of form packs (domain.md §5), with the checks of a pack given by the user: kept apart from form-pack.ts so
 * that the bundled pack (typed data) and the forms' logic need no schema library; the task pane loads this module only
 * when the user picks a pack file. The types (form-pack.ts) are inferred from these schemas.
 */
import { z } from 'zod';
import { FORM_CODE } from './form-code';
import { FORM_PACK_SCHEMA, VALUE_KINDS, formProblems, type FormPack } from './form-pack';
import { describeZodError, type Loaded } from './schema-errors';

const nonEmpty = z.string().trim().min(1, 'không được để trống');

export const RowCodeSchema = z.string().regex(/^\d{2,3}$/, 'mã số dòng gồm 2 hoặc 3 chữ số, ví dụ "01"');
export const ColumnNoSchema = z
  .number()
  .int('số thứ tự cột là số nguyên')
  .min(1, 'số thứ tự cột từ 1')
  .max(40, 'tối đa 40 cột số liệu');

export const SelectorSchema = z
  .object({ row: RowCodeSchema.optional(), col: ColumnNoSchema.optional() })
  .strict()
  .refine((s) => s.row !== undefined || s.col !== undefined, { message: 'cần "row", "col" hoặc cả hai' });

const scope = {
  /** For a column-wise rule ({col} selectors): the rows where it holds (default: every row). */
  rows: z.array(RowCodeSchema).min(1).optional(),
  /** For a row-wise rule ({row} selectors): the columns where it holds (default: every column). */
  cols: z.array(ColumnNoSchema).min(1).optional(),
};

export const SumRuleSchema = z
  .object({
    type: z.literal('sum'),
    target: SelectorSchema,
    parts: z.array(SelectorSchema).min(1, 'cần ít nhất một thành phần'),
    /** Only checked, never written as the target's formula. */
    check: z.boolean().optional(),
    ...scope,
  })
  .strict();

export const LeRuleSchema = z
  .object({
    type: z.literal('le'),
    a: SelectorSchema,
    b: SelectorSchema,
    ...scope,
  })
  .strict();

export const FormRuleSchema = z.discriminatedUnion('type', [SumRuleSchema, LeRuleSchema]);

export const FormRowSchema = z
  .object({
    code: RowCodeSchema,
    label: nonEmpty,
    unit: nonEmpty,
    /** Indentation of the label (0 = none), for breakdown and "trong đó" rows. */
    indent: z.number().int().min(0).max(3).optional(),
  })
  .strict();

export const FormColumnSchema = z
  .object({
    no: ColumnNoSchema,
    label: nonEmpty,
    /** A heading shared by adjacent columns (e.g. "Chia ra"), shown above their labels. */
    group: nonEmpty.optional(),
  })
  .strict();

export const FormSchema = z
  .object({
    code: z.string().regex(FORM_CODE, 'mã biểu gồm 4 chữ số, ví dụ "0804"'),
    title: nonEmpty,
    /** Header of column A (default "Chỉ tiêu"). */
    indicatorHeader: nonEmpty.optional(),
    columns: z.array(FormColumnSchema).min(1, 'cần ít nhất một cột số liệu'),
    rows: z.array(FormRowSchema).min(1, 'cần ít nhất một dòng').max(300),
    /** Cells that take no figure (shown "x", locked). */
    na: z.array(SelectorSchema).default([]),
    rules: z.array(FormRuleSchema).default([]),
  })
  .strict();

const SignatureSchema = z.object({ title: nonEmpty, note: nonEmpty }).strict();

export const FormPackSchema = z
  .object({
    schema: z.literal(FORM_PACK_SCHEMA),
    id: z.string().regex(/^[a-z0-9-]+$/, 'chỉ gồm chữ thường, số và dấu gạch ngang'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'phiên bản dạng 1.0.0'),
    title: nonEmpty,
    /** A reference pack, not the official text: its notice is shown on every form and in the UI. */
    reference: z.boolean(),
    notice: nonEmpty.nullable(),
    /** What the pack was built from (metadata). */
    basis: nonEmpty,
    header: z
      .object({
        /** "Biểu số" designation; "{code}" is replaced by the form code. */
        numberPattern: z.string().includes('{code}', { message: 'phải chứa "{code}"' }),
        /** The line naming the circular, under the form number. */
        basisLine: nonEmpty,
        /** "Đơn vị nhận báo cáo". */
        recipient: nonEmpty,
        /** "Ngày nhận báo cáo"; "{year}" is the reporting year, "{nextYear}" the year after. */
        receiptDate: nonEmpty,
      })
      .strict(),
    footer: z
      .object({
        placeAndDate: nonEmpty,
        preparer: SignatureSchema,
        head: SignatureSchema,
      })
      .strict(),
    /** Value kind of each unit of measure used by the rows. */
    units: z.record(nonEmpty, z.enum(VALUE_KINDS)),
    forms: z.array(FormSchema).min(1, 'cần ít nhất một biểu'),
  })
  .strict()
  .superRefine((pack, ctx) => {
    if (pack.reference && pack.notice === null) {
      ctx.addIssue({ code: 'custom', path: ['notice'], message: 'gói tham khảo phải có lời lưu ý' });
    }
    const codes = new Set<string>();
    pack.forms.forEach((form, i) => {
      if (codes.has(form.code)) ctx.addIssue({ code: 'custom', path: ['forms', i, 'code'], message: `mã biểu "${form.code}" bị trùng` });
      codes.add(form.code);
      for (const p of formProblems(form, pack.units)) {
        ctx.addIssue({ code: 'custom', path: ['forms', i, ...p.path], message: p.message });
      }
    });
  });

export function loadFormPack(data: unknown): Loaded<FormPack> {
  const parsed = FormPackSchema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: describeZodError(parsed.error) };
}

/** Reads a pack from JSON text; a syntax error is reported like a schema error. */
export function parseFormPackJson(text: string): Loaded<FormPack> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`(gốc): không phải JSON hợp lệ (${e instanceof Error ? e.message : String(e)})`] };
  }
  return loadFormPack(data);
}
