/**
 * Plan packs: a work plan as data (domain.md §2). The schema is the single source of truth for the types.
 */
import { z } from 'zod';
import { describeZodError, type Loaded } from './schema-errors';
import { AGENCY_KINDS } from './roster';

export const ROSTER_FLAGS = ['nopLuuLichSu', 'coCongTrinh'] as const;
export type RosterFlag = (typeof ROSTER_FLAGS)[number];

const nonEmpty = z.string().trim().min(1, 'không được để trống');

/**
 * Who a task is for: every agency, named bodies (by roster code), agencies carrying a roster flag, or agencies of
 * some kinds ("Các sở, ban, ngành" → so-ban-nganh; "UBND các xã, phường" → xa and phuong).
 */
export const AudienceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }).strict(),
  z.object({ type: z.literal('bodies'), codes: z.array(nonEmpty).min(1) }).strict(),
  z.object({ type: z.literal('flag'), flag: z.enum(ROSTER_FLAGS) }).strict(),
  z.object({ type: z.literal('kinds'), kinds: z.array(z.enum(AGENCY_KINDS)).min(1) }).strict(),
]);
export type Audience = z.infer<typeof AudienceSchema>;

export const PlanTaskSchema = z
  .object({
    id: z.string().regex(/^[0-9A-Za-zđ.]+$/, 'mã nhiệm vụ chỉ gồm chữ, số và dấu chấm'),
    section: nonEmpty,
    parent: z.string().optional(),
    content: nonEmpty,
    leadText: nonEmpty,
    coordinatingText: z.string(),
    /** The completion-time phrase, verbatim; "" when the plan gives no date (the duty is ongoing). */
    deadlineText: z.string(),
    /** Empty when no lead body could be matched: the task then applies to no one (an import reports it). */
    lead: z.array(AudienceSchema),
    coordinating: z.array(AudienceSchema),
  })
  .strict();
export type PlanTask = z.infer<typeof PlanTaskSchema>;

export const PlanPackSchema = z
  .object({
    schema: z.literal('vtlt/plan-pack@1'),
    id: z.string().regex(/^[a-z0-9-]+$/, 'chỉ gồm chữ thường, số và dấu gạch ngang'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'phiên bản dạng 1.0.0'),
    title: nonEmpty,
    year: z.number().int().min(2000).max(2100),
    /** The year of the annual statistical report the plan asks for (row 16a: the 2025 report, due in 2026). */
    statisticsYear: z.number().int().min(2000).max(2100),
    province: nonEmpty,
    issuer: nonEmpty,
    signer: z.string(),
    number: z.string(),
    numberSuffix: z.string(),
    issuedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    placeAndDate: z.string(),
    status: z.string(),
    /** May be empty for a plan imported from a document whose legal bases could not be told apart. */
    legalBases: z.array(nonEmpty),
    trackerSheetName: z
      .string()
      .min(1)
      .max(31, 'tên trang tính tối đa 31 ký tự')
      .regex(/^[^\\/?*[\]:]+$/, 'tên trang tính không được chứa \\ / ? * [ ] :'),
    /** The task whose deadline is the deadline of the annual statistical report; absent when the plan has none. */
    reportDeadlineTaskId: nonEmpty.optional(),
    /** Groups of tasks in plan order: the appendix, then the duties of section III per actor. */
    sections: z.array(z.object({ id: nonEmpty, title: nonEmpty }).strict()).min(1),
    /** Rows of the appendix that only head sub-rows (row 16), kept for display. */
    headings: z.array(z.object({ id: nonEmpty, content: nonEmpty }).strict()),
    tasks: z.array(PlanTaskSchema).min(1),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.tasks.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: `mã "${t.id}" bị trùng` });
      seen.add(t.id);
    });
    const sections = new Set(pack.sections.map((s) => s.id));
    const headings = new Set(pack.headings.map((h) => h.id));
    pack.tasks.forEach((t, i) => {
      if (!sections.has(t.section)) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'section'], message: `không có mục "${t.section}" trong sections` });
      }
      if (t.parent !== undefined && !headings.has(t.parent)) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'parent'], message: `không có dòng tiêu đề "${t.parent}" trong headings` });
      }
    });
    if (pack.reportDeadlineTaskId !== undefined && !seen.has(pack.reportDeadlineTaskId)) {
      ctx.addIssue({ code: 'custom', path: ['reportDeadlineTaskId'], message: 'không có nhiệm vụ mang mã này' });
    }
  });
export type PlanPack = z.infer<typeof PlanPackSchema>;

export function loadPlanPack(data: unknown): Loaded<PlanPack> {
  const parsed = PlanPackSchema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: describeZodError(parsed.error) };
}

// The task's deadline is read apart from the schema (task-deadline.ts), so that the task pane starts without the
// schema library; it is re-exported here.
export { taskDeadline } from './task-deadline';
