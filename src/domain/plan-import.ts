/**
 * A plan pack built from the rows of a plan's task table and what the plan says about itself (issue 11): every
 * deadline phrase goes through the one deadline parser, every body cell through the one body matcher. What cannot be
 * read is reported with its row and kept as written, never guessed: a task whose phrase is unreadable keeps it and
 * has no due date (its state is "không đọc được thời hạn", neither overdue nor on track). In strict mode an
 * unreadable deadline or an unmatched body refuses the import instead.
 */
import { roleOf } from './applicability';
import { ymdOf } from './calendar';
import { parseDeadline, type DeadlineParse } from './deadline';
import { matchBodies } from './plan-import-bodies';
import { readDuties, type Duties } from './plan-import-duties';
import type { PlanMeta } from './plan-import-meta';
import { findHeader, readTableRows, type RowRef, type SourceRow, type TableProblem } from './plan-import-table';
import { loadPlanPack, type Audience, type PlanPack, type PlanTask } from './plan-pack';
import type { Roster } from './roster';
import { withoutDiacritics } from './text';

export const APPENDIX_SECTION = { id: 'appendix', title: 'Nhiệm vụ trọng tâm (Phụ lục kèm theo Kế hoạch)' } as const;

export interface PlanImportOptions {
  readonly year?: number;
  readonly id?: string;
  readonly strict?: boolean;
}

export type ImportFinding =
  | TableProblem
  | { readonly code: 'no-header' }
  /** A workbook with no sheet holding the plan's table (a sheet "Kế hoạch", or any sheet with its header row). */
  | { readonly code: 'no-plan-sheet'; readonly sheets: readonly string[] }
  | { readonly code: 'no-tasks' }
  | { readonly code: 'no-year' }
  | { readonly code: 'year-differs'; readonly given: number; readonly found: number }
  | { readonly code: 'missing-lead'; readonly where: RowRef; readonly id: string }
  | { readonly code: 'deadline-unreadable'; readonly where: RowRef; readonly id: string; readonly text: string }
  | { readonly code: 'deadline-before-year'; readonly where: RowRef; readonly id: string; readonly text: string }
  | { readonly code: 'body-unmatched'; readonly where: RowRef; readonly id: string; readonly column: 'lead' | 'coordinating'; readonly text: string }
  | { readonly code: 'body-not-in-roster'; readonly where: RowRef; readonly id: string; readonly text: string; readonly body: string }
  | { readonly code: 'applies-to-no-one'; readonly where: RowRef; readonly id: string }
  /** Some agencies coordinate, but no roster agency leads it (e.g. a flag no agency has yet). */
  | { readonly code: 'led-by-no-one'; readonly where: RowRef; readonly id: string }
  | { readonly code: 'invalid-pack'; readonly detail: string };

export type FindingSeverity = 'error' | 'warning' | 'notice';

/** Errors refuse the import; in strict mode, so do unreadable deadlines and unmatched bodies. */
export function findingSeverity(f: ImportFinding, strict: boolean): FindingSeverity {
  switch (f.code) {
    case 'deadline-unreadable':
    case 'body-unmatched':
      return strict ? 'error' : 'warning';
    case 'missing-tt':
    case 'year-differs':
    case 'deadline-before-year':
    case 'applies-to-no-one':
    case 'led-by-no-one':
      return 'warning';
    case 'body-not-in-roster':
      return 'notice';
    default:
      return 'error';
  }
}

export type PlanImportResult =
  | { readonly ok: true; readonly pack: PlanPack; readonly findings: readonly ImportFinding[] }
  | { readonly ok: false; readonly findings: readonly ImportFinding[] };

/** "Thái Nguyên" → "tn"; no province → "ke-hoach". */
function derivedId(province: string | undefined, year: number): string {
  const initials = withoutDiacritics(province ?? '').toLowerCase()
    .split(/\s+/).filter((w) => /^[a-z]/.test(w)).map((w) => w.charAt(0)).join('');
  return initials === '' ? `ke-hoach-vtlt-${year}` : `${initials}-vtlt-${year}`;
}

/** The year most deadline phrases name, for a plan whose text does not say. */
function commonYear(parses: readonly DeadlineParse[]): number | undefined {
  const counts = new Map<number, number>();
  for (const p of parses) {
    const m = p.ok ? /\b(20\d\d)\b/.exec(p.deadline.text) : null;
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

interface Built {
  readonly tasks: PlanTask[];
  readonly findings: ImportFinding[];
  readonly parses: DeadlineParse[];
}

function audiencesOf(text: string, roster: Roster, where: RowRef, id: string, column: 'lead' | 'coordinating', findings: ImportFinding[]): Audience[] {
  if (text === '') return [];
  const m = matchBodies(text, roster);
  for (const u of m.unmatched) findings.push({ code: 'body-unmatched', where, id, column, text: u });
  for (const n of m.notInRoster) findings.push({ code: 'body-not-in-roster', where, id, text: n.name, body: n.code });
  return m.audiences;
}

function buildTasks(rows: ReturnType<typeof readTableRows>['items'], duties: Duties, roster: Roster): Built & { sections: PlanPack['sections']; headings: PlanPack['headings'] } {
  const findings: ImportFinding[] = [];
  const tasks: PlanTask[] = [];
  const parses: DeadlineParse[] = [];
  const sections: Array<{ id: string; title: string }> = [];
  const headings: Array<{ id: string; content: string }> = [];
  let section: string | null = null;
  for (const item of rows) {
    if (item.kind === 'section') {
      sections.push({ id: item.id, title: item.content });
      section = item.id;
      continue;
    }
    if (item.kind === 'heading') {
      headings.push({ id: item.id, content: item.content });
      continue;
    }
    if (section === null) {
      sections.push({ ...APPENDIX_SECTION });
      section = APPENDIX_SECTION.id;
    }
    if (item.leadText === '') findings.push({ code: 'missing-lead', where: item.where, id: item.id });
    if (item.deadlineText !== '') {
      const parsed = parseDeadline(item.deadlineText);
      parses.push(parsed);
      if (!parsed.ok) findings.push({ code: 'deadline-unreadable', where: item.where, id: item.id, text: item.deadlineText });
    }
    tasks.push({
      id: item.id,
      section,
      ...(item.parent !== undefined ? { parent: item.parent } : {}),
      content: item.content,
      leadText: item.leadText,
      coordinatingText: item.coordinatingText,
      deadlineText: item.deadlineText,
      lead: audiencesOf(item.leadText, roster, item.where, item.id, 'lead', findings),
      coordinating: audiencesOf(item.coordinatingText, roster, item.where, item.id, 'coordinating', findings),
    });
  }
  sections.push(...duties.sections.filter((s) => !sections.some((x) => x.id === s.id)));
  for (const d of duties.items) {
    if (d.deadlineText !== '') parses.push(parseDeadline(d.deadlineText));
    tasks.push({
      id: d.id, section: d.section, content: d.content, leadText: d.leadText, coordinatingText: '', deadlineText: d.deadlineText,
      lead: audiencesOf(d.leadText, roster, d.where, d.id, 'lead', findings), coordinating: [],
    });
  }
  return { tasks, findings, parses, sections, headings };
}

/** The statistical report task ("Báo cáo thống kê … năm N"): its id and the year it reports on. */
function statisticsTask(tasks: readonly PlanTask[]): { id: string; year?: number } | undefined {
  const t = tasks.find((x) => /^báo cáo thống kê/i.test(x.content));
  if (!t) return undefined;
  const y = /năm (\d{4})/.exec(t.content)?.[1];
  return y === undefined ? { id: t.id } : { id: t.id, year: Number(y) };
}

function pushYearFindings(built: Built, whereOf: (id: string) => RowRef, year: number, findings: ImportFinding[]): void {
  for (const t of built.tasks) {
    const p = t.deadlineText === '' ? null : parseDeadline(t.deadlineText);
    const due = p?.ok ? p.deadline.due : null;
    if (due !== null && ymdOf(due).year < year) {
      const where = whereOf(t.id);
      findings.push({ code: 'deadline-before-year', where, id: t.id, text: t.deadlineText });
    }
  }
}

/**
 * Builds a plan pack from the rows of a table whose header row is among them, and from the text's paragraphs (when
 * given) the duties of section III.
 */
export function importPlan(
  rows: readonly SourceRow[], meta: PlanMeta, roster: Roster, options: PlanImportOptions = {}, paragraphs: readonly string[] = [],
): PlanImportResult {
  const header = findHeader(rows);
  if (!header) return { ok: false, findings: [{ code: 'no-header' }] };
  const table = readTableRows(rows.slice(header.index + 1), header.columns);
  const duties = readDuties(paragraphs);
  const built = buildTasks(table.items, duties, roster);
  const findings: ImportFinding[] = [...table.problems, ...built.findings];
  if (built.tasks.length === 0) findings.push({ code: 'no-tasks' });
  const year = options.year ?? meta.year ?? commonYear(built.parses);
  if (year === undefined) findings.push({ code: 'no-year' });
  if (options.year !== undefined && meta.year !== undefined && options.year !== meta.year) {
    findings.push({ code: 'year-differs', given: options.year, found: meta.year });
  }
  const whereOf = (id: string): RowRef => table.items.find((i) => i.id === id)?.where ?? duties.items.find((d) => d.id === id)?.where ?? { row: 0 };
  if (year !== undefined) pushYearFindings(built, whereOf, year, findings);
  for (const t of built.tasks) {
    const where = whereOf(t.id);
    const roles = roster.entries.map((e) => roleOf(t, e));
    if (roles.every((r) => r === null)) findings.push({ code: 'applies-to-no-one', where, id: t.id });
    else if (!roles.includes('lead')) findings.push({ code: 'led-by-no-one', where, id: t.id });
  }
  if (year === undefined || findings.some((f) => findingSeverity(f, options.strict === true) === 'error')) return { ok: false, findings };

  const stats = statisticsTask(built.tasks);
  const reportDeadlineTaskId = meta.reportDeadlineTaskId ?? stats?.id;
  const candidate = {
    schema: 'vtlt/plan-pack@1',
    id: options.id ?? meta.id ?? derivedId(meta.province, year),
    version: meta.version ?? '1.0.0',
    title: meta.title ?? `Kế hoạch công tác văn thư, lưu trữ năm ${year}`,
    year,
    statisticsYear: meta.statisticsYear ?? stats?.year ?? year - 1,
    province: meta.province ?? '(chưa rõ tỉnh)',
    issuer: meta.issuer ?? (meta.province !== undefined ? `Ủy ban nhân dân tỉnh ${meta.province}` : '(chưa rõ cơ quan ban hành)'),
    signer: meta.signer ?? '',
    number: meta.number ?? '',
    numberSuffix: meta.numberSuffix ?? '',
    issuedDate: meta.issuedDate ?? null,
    placeAndDate: meta.placeAndDate ?? '',
    status: meta.status ?? ((meta.number ?? '') === '' ? 'Bản dự thảo: chưa có số và ngày ban hành' : 'Đã ban hành'),
    legalBases: [...(meta.legalBases ?? [])],
    trackerSheetName: meta.trackerSheetName ?? `Theo dõi nhiệm vụ ${year}`,
    ...(reportDeadlineTaskId !== undefined ? { reportDeadlineTaskId } : {}),
    sections: built.sections,
    headings: built.headings,
    tasks: built.tasks,
  };
  const loaded = loadPlanPack(candidate);
  if (!loaded.ok) return { ok: false, findings: [...findings, ...loaded.errors.map((detail) => ({ code: 'invalid-pack' as const, detail }))] };
  return { ok: true, pack: loaded.value, findings };
}
