/**
 * The roster of agencies that report to Sở Nội vụ (domain.md §7).
 */
import { z } from 'zod';
import { describeZodError, type Loaded } from './schema-errors';
import { AGENCY_KINDS } from './roster-lookup';

// The kinds of agency and the lookup by code live apart from the schema, so that the task pane starts without the
// schema library; they are re-exported here.
export { AGENCY_KINDS, AGENCY_KIND_LABELS, findAgency, type AgencyKind } from './roster-lookup';

export const RosterEntrySchema = z
  .object({
    code: z.string().trim().regex(/^[0-9A-Za-z_-]{1,20}$/, 'mã đơn vị gồm chữ, số, "-" hoặc "_" (tối đa 20 ký tự)'),
    name: z.string().trim().min(1, 'tên đơn vị không được để trống').transform((s) => s.normalize('NFC')),
    kind: z.enum(AGENCY_KINDS),
    /** Must transfer records to the provincial historical archives (Decision 2569/QĐ-UBND list). */
    nopLuuLichSu: z.boolean(),
    /** Has construction projects whose records must be transferred. */
    coCongTrinh: z.boolean(),
  })
  .strict();
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

export const RosterSchema = z
  .object({
    schema: z.literal('vtlt/roster@1'),
    id: z.string().min(1),
    version: z.string().min(1),
    title: z.string().min(1),
    note: z.string(),
    entries: z.array(RosterEntrySchema).min(1),
  })
  .strict()
  .superRefine((roster, ctx) => {
    const seen = new Set<string>();
    roster.entries.forEach((e, i) => {
      const key = e.code.toUpperCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'code'], message: `mã "${e.code}" bị trùng` });
      seen.add(key);
    });
  });
export type Roster = z.infer<typeof RosterSchema>;

export function loadRoster(data: unknown): Loaded<Roster> {
  const parsed = RosterSchema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: describeZodError(parsed.error) };
}

export { findAgencyByName } from './roster-by-name';

const YES = new Set(['1', 'x', 'có', 'co', 'true', 'yes', 'c']);
const NO = new Set(['', '0', 'không', 'khong', 'false', 'no', 'k']);

/**
 * Reads a roster from tab-separated text: a header line with at least code, name, kind, and optionally the flag
 * columns nop_luu and cong_trinh (có/không, x, 1/0). Every problem names its line and column.
 */
export function parseRosterTsv(text: string, meta: { id: string; title: string }): Loaded<Roster> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const iCode = col('code', 'mã', 'ma');
  const iName = col('name', 'tên', 'ten', 'tên đơn vị');
  const iKind = col('kind', 'loại', 'loai');
  const iNop = col('nop_luu', 'nopluulichsu', 'nộp lưu');
  const iCong = col('cong_trinh', 'cocongtrinh', 'công trình');
  const errors: string[] = [];
  if (iCode < 0 || iName < 0 || iKind < 0) {
    return { ok: false, errors: ['dòng 1: cần các cột "code", "name", "kind" (phân cách bằng dấu Tab)'] };
  }
  const flag = (raw: string | undefined, line: number, column: string): boolean => {
    const s = (raw ?? '').trim().toLowerCase();
    if (YES.has(s)) return true;
    if (!NO.has(s)) errors.push(`dòng ${line}, cột ${column}: "${raw ?? ''}" không phải có/không`);
    return false;
  };
  const entries: unknown[] = [];
  /** The file line of each entry (blank lines are skipped, so entry index and line differ). */
  const lineOf: number[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split('\t');
    const lineNo = i + 2;
    lineOf.push(lineNo);
    const kind = (cells[iKind] ?? '').trim();
    entries.push({
      code: cells[iCode] ?? '',
      name: cells[iName] ?? '',
      kind,
      nopLuuLichSu: iNop >= 0 ? flag(cells[iNop], lineNo, 'nop_luu') : kind === 'so-ban-nganh',
      coCongTrinh: iCong >= 0 ? flag(cells[iCong], lineNo, 'cong_trinh') : false,
    });
  });
  if (errors.length > 0) return { ok: false, errors };
  const loaded = loadRoster({ schema: 'vtlt/roster@1', id: meta.id, version: '1', title: meta.title, note: '', entries });
  if (loaded.ok) return loaded;
  // Turn "entries[3].kind" into "dòng 5".
  return {
    ok: false,
    errors: loaded.errors.map((e) =>
      e.replace(/^entries\[(\d+)\]\.?/, (_m, n: string) => `dòng ${lineOf[Number(n)] ?? Number(n) + 2}, `)),
  };
}
