import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toIso } from '../../src/domain/calendar';
import { type PlanPack, loadPlanPack, taskDeadline } from '../../src/domain/plan-pack';
import { defaultPlanPack } from '../../src/packs';
import planJson from '../../src/packs/plan-tn-vtlt-2026.json';

const SEED = path.resolve(__dirname, '../../../shared/seed/ke-hoach-vtlt-2026-thai-nguyen.txt');
const seedText = existsSync(SEED) ? readFileSync(SEED, 'utf8').normalize('NFC') : null;
if (seedText === null) console.warn(`[plan-pack.test] ${SEED} not found: the verbatim comparison with the plan is skipped`);

const APPENDIX_IDS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16a', '16b', '16c'];

interface SeedRow {
  id: string;
  content: string;
  leadText: string;
  coordinatingText: string;
  deadlineText: string;
}

/** The appendix table of the plan: tab-separated rows after the "TT / Nội dung công việc" header (repeated per page). */
function seedAppendix(text: string): { rows: SeedRow[]; headings: Array<{ id: string; content: string }> } {
  const start = text.indexOf('\nPhụ lục');
  expect(start).toBeGreaterThan(0);
  const rows: SeedRow[] = [];
  const headings: Array<{ id: string; content: string }> = [];
  let parent = '';
  for (const line of text.slice(start).split(/\r?\n/)) {
    const cells = line.split('\t');
    if (cells.length < 5 || cells[0] === 'TT') continue;
    const [tt = '', content = '', leadText = '', coordinatingText = '', deadlineText = ''] = cells;
    let id: string;
    if (/^\d+$/.test(tt)) {
      parent = tt;
      id = tt;
    } else {
      expect(tt).toMatch(/^[a-z]$/);
      id = parent + tt;
    }
    if (leadText === '' && deadlineText === '') headings.push({ id, content });
    else rows.push({ id, content, leadText, coordinatingText, deadlineText });
  }
  return { rows, headings };
}

/** The text of duty `letter` of section III.`part` (a paragraph "x) …"), with the bold marks removed. */
function seedDuty(text: string, part: 1 | 2 | 3, letter: string): string {
  const heads = { 1: '\n1. Các cơ quan, tổ chức, đơn vị\n', 2: '\n2. Sở Nội vụ\n', 3: '\n3. Sở Khoa học và Công nghệ\n' };
  const from = text.indexOf(heads[part], text.indexOf('III. TỔ CHỨC THỰC HIỆN'));
  expect(from).toBeGreaterThan(0);
  const next = part === 3 ? text.indexOf('\nTrên đây là', from) : text.indexOf(heads[(part + 1) as 2 | 3], from);
  const body = text.slice(from, next);
  const m = new RegExp(`\\n${letter}\\) ([\\s\\S]*?)(?=\\n[a-zđ]\\) |$)`).exec(body);
  expect(m, `duty III.${part}.${letter}`).not.toBeNull();
  return (m?.[1] ?? '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

describe('the bundled plan pack', () => {
  const pack = defaultPlanPack();

  it('loads and describes the 2026 Thái Nguyên plan', () => {
    expect(pack.id).toBe('tn-vtlt-2026');
    expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pack.year).toBe(2026);
    expect(pack.province).toBe('Thái Nguyên');
    expect(pack.reportDeadlineTaskId).toBe('16a');
    expect(loadPlanPack(planJson).ok).toBe(true);
  });

  it('has exactly 18 appendix tasks with ids 1…15, 16a, 16b, 16c in plan order, first', () => {
    const appendix = pack.tasks.filter((t) => t.section === 'appendix');
    expect(appendix.map((t) => t.id)).toEqual(APPENDIX_IDS);
    expect(pack.tasks.slice(0, 18).map((t) => t.id)).toEqual(APPENDIX_IDS);
    for (const t of appendix) expect(t.parent).toBe(t.id.startsWith('16') ? '16' : undefined);
  });

  it('keeps row 16 as a heading, not a task', () => {
    expect(pack.headings).toEqual([{ id: '16', content: 'Báo cáo kết quả thực hiện nhiệm vụ, báo cáo định kỳ công tác văn thư, lưu trữ' }]);
    expect(pack.tasks.find((t) => t.id === '16')).toBeUndefined();
  });

  it('has section III duties: III.1.a–i (i split in two), III.2.a–i, III.3.a–c', () => {
    const ids = (section: string) => pack.tasks.filter((t) => t.section === section).map((t) => t.id);
    expect(ids('III.1')).toEqual(['III.1.a', 'III.1.b', 'III.1.c', 'III.1.d', 'III.1.đ', 'III.1.e', 'III.1.g', 'III.1.h', 'III.1.i.1', 'III.1.i.2']);
    expect(ids('III.2')).toEqual(['III.2.a', 'III.2.b', 'III.2.c', 'III.2.d', 'III.2.đ', 'III.2.e', 'III.2.g', 'III.2.h', 'III.2.i']);
    expect(ids('III.3')).toEqual(['III.3.a', 'III.3.b', 'III.3.c']);
    expect(pack.tasks).toHaveLength(18 + 10 + 9 + 3);
    expect(new Set(pack.tasks.map((t) => t.id)).size).toBe(pack.tasks.length);
  });

  it('keeps the explicit dates of III.1.i and III.2.i; the other duties have none', () => {
    const byId = new Map(pack.tasks.map((t) => [t.id, t]));
    expect(byId.get('III.1.i.1')?.deadlineText).toBe('trước ngày 30/01/2026');
    expect(byId.get('III.1.i.2')?.deadlineText).toBe('trước ngày 10/12/2026');
    expect(byId.get('III.2.i')?.deadlineText).toBe('trước ngày 20/12/2026');
    for (const t of pack.tasks) {
      if (t.section !== 'appendix' && !['III.1.i.1', 'III.1.i.2', 'III.2.i'].includes(t.id)) expect(t.deadlineText).toBe('');
    }
    const due = (id: string) => {
      const r = taskDeadline(byId.get(id) ?? { deadlineText: 'x' });
      return r.ok ? [r.deadline.kind, r.deadline.due === null ? null : toIso(r.deadline.due)] : null;
    };
    expect(due('III.1.i.1')).toEqual(['before', '2026-01-29']);
    expect(due('III.1.i.2')).toEqual(['before', '2026-12-09']);
    expect(due('III.2.i')).toEqual(['before', '2026-12-19']);
    // both dates of the first deliverable are kept, each on its own task (domain.md §3)
    expect(due('1')).toEqual(['month', '2026-01-31']);
    expect(due('III.1.a')).toEqual(['recurring', null]);
  });

  it('assigns section III duties to their actors', () => {
    for (const t of pack.tasks) {
      if (t.section === 'III.1') expect(t.lead).toEqual([{ type: 'all' }]);
      if (t.section === 'III.2') expect(t.lead).toEqual([{ type: 'bodies', codes: ['SNV'] }]);
      if (t.section === 'III.3') expect(t.lead).toEqual([{ type: 'bodies', codes: ['SKHCN'] }]);
    }
  });

  it('every deadline phrase of the pack is readable', () => {
    for (const t of pack.tasks) expect(taskDeadline(t).ok, t.id).toBe(true);
  });

  it('the report deadline task is 16a, due 27/02/2026 (28/02/2026 inclusive)', () => {
    const t = pack.tasks.find((x) => x.id === pack.reportDeadlineTaskId);
    expect(t?.deadlineText).toBe('Trước ngày 28/02/2026');
    const strict = taskDeadline(t ?? { deadlineText: '' });
    const incl = taskDeadline(t ?? { deadlineText: '' }, { inclusiveBefore: true });
    expect(strict.ok && strict.deadline.due !== null && toIso(strict.deadline.due)).toBe('2026-02-27');
    expect(incl.ok && incl.deadline.due !== null && toIso(incl.deadline.due)).toBe('2026-02-28');
  });
});

describe.skipIf(seedText === null)('the bundled plan pack against the plan text (seed)', () => {
  const pack = defaultPlanPack();
  const seed = seedText ?? '';

  it('the appendix table has 18 tasks and the heading 16, in order', () => {
    const { rows, headings } = seedAppendix(seed);
    expect(rows.map((r) => r.id)).toEqual(APPENDIX_IDS);
    expect(headings.map((h) => h.id)).toEqual(['16']);
    expect(pack.headings.map((h) => h.content)).toEqual(headings.map((h) => h.content));
  });

  it('content, lead, coordinating and time phrase of every appendix task are verbatim', () => {
    const { rows } = seedAppendix(seed);
    const byId = new Map(pack.tasks.map((t) => [t.id, t]));
    for (const row of rows) {
      const t = byId.get(row.id);
      expect(t, row.id).toBeDefined();
      expect({ id: row.id, content: t?.content, leadText: t?.leadText, coordinatingText: t?.coordinatingText, deadlineText: t?.deadlineText })
        .toEqual(row);
    }
  });

  it('section III duties are the plan\'s paragraphs (III.1.i and its two deliverables included)', () => {
    const letters = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'];
    const byId = new Map(pack.tasks.map((t) => [t.id, t]));
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const part of [1, 2] as const) {
      for (const l of letters) expect(norm(byId.get(`III.${part}.${l}`)?.content ?? ''), `III.${part}.${l}`).toBe(seedDuty(seed, part, l));
    }
    for (const l of ['a', 'b', 'c']) expect(norm(byId.get(`III.3.${l}`)?.content ?? '')).toBe(seedDuty(seed, 3, l));
    expect(norm(byId.get('III.2.i')?.content ?? '')).toBe(seedDuty(seed, 2, 'i'));
    const i1 = seedDuty(seed, 1, 'i');
    const split = `${norm(byId.get('III.1.i.1')?.content ?? '')} ${norm(byId.get('III.1.i.2')?.content ?? '')}`;
    expect(split).toBe(i1);
    expect(i1).toContain('trước ngày 30/01/2026');
    expect(i1).toContain('trước ngày 10/12/2026');
  });

  it('every appendix time phrase of the plan parses to the dates of domain.md §3', () => {
    const { rows } = seedAppendix(seed);
    const got = Object.fromEntries(rows.map((r) => {
      const x = taskDeadline(r);
      return [r.id, x.ok ? `${x.deadline.kind} ${x.deadline.start === null ? '—' : toIso(x.deadline.start)} ${x.deadline.due === null ? '—' : toIso(x.deadline.due)}` : 'unparsed'];
    }));
    expect(got).toEqual({
      1: 'month 2026-01-01 2026-01-31',
      2: 'quarter 2026-01-01 2026-03-31',
      3: 'quarter 2026-01-01 2026-03-31',
      4: 'quarter 2026-01-01 2026-03-31',
      5: 'window 2026-07-01 2026-12-31',
      6: 'recurring — —',
      7: 'recurring — —',
      8: 'recurring — —',
      9: 'recurring — —',
      10: 'recurring — —',
      11: 'recurring — —',
      12: 'recurring — —',
      13: 'year 2026-01-01 2026-12-31',
      14: 'year 2026-01-01 2026-12-31',
      15: 'period 2026-01-01 2035-12-31',
      '16a': 'before — 2026-02-27',
      '16b': 'before — 2026-12-09',
      '16c': 'on — 2026-12-20',
    });
  });
});

describe('loadPlanPack rejects malformed packs, naming the field', () => {
  const clone = (): Record<string, unknown> & { tasks: Array<Record<string, unknown>> } =>
    JSON.parse(JSON.stringify(planJson)) as Record<string, unknown> & { tasks: Array<Record<string, unknown>> };
  const errorsOf = (data: unknown): string[] => {
    const r = loadPlanPack(data);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };

  it('a missing task content: "tasks[3].content: …"', () => {
    const p = clone();
    delete p.tasks[3]?.content;
    const errors = errorsOf(p);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.startsWith('tasks[3].content')).toBe(true);
  });

  it('an empty content, lead text or a bad id', () => {
    const p = clone();
    (p.tasks[0] as Record<string, unknown>).content = '   ';
    (p.tasks[5] as Record<string, unknown>).leadText = '';
    (p.tasks[7] as Record<string, unknown>).id = '8 a';
    const errors = errorsOf(p);
    expect(errors.some((e) => e.startsWith('tasks[0].content: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('tasks[5].leadText: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('tasks[7].id: '))).toBe(true);
  });

  it('a duplicate id, naming the second occurrence', () => {
    const p = clone();
    (p.tasks[4] as Record<string, unknown>).id = '2';
    const errors = errorsOf(p);
    expect(errors).toEqual(['tasks[4].id: mã "2" bị trùng']);
  });

  it('a bad version', () => {
    const p = clone();
    p.version = '1.0';
    const errors = errorsOf(p);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^version: /);
  });

  it('a reportDeadlineTaskId that names no task', () => {
    const p = clone();
    p.reportDeadlineTaskId = '17';
    expect(errorsOf(p)).toEqual(['reportDeadlineTaskId: không có nhiệm vụ mang mã này']);
  });

  it('an unknown extra key, at the top or in a task', () => {
    const top = clone();
    top.extra = 1;
    const e1 = errorsOf(top);
    expect(e1).toHaveLength(1);
    expect(e1[0]).toContain('extra');
    const inTask = clone();
    (inTask.tasks[2] as Record<string, unknown>).deadlineTxt = 'Quý I/2026';
    const e2 = errorsOf(inTask);
    expect(e2).toHaveLength(1);
    expect(e2[0]?.startsWith('tasks[2]')).toBe(true);
    expect(e2[0]).toContain('deadlineTxt');
  });

  it('a wrong schema tag, a bad audience, an empty task list, a sheet name Excel refuses', () => {
    const p1 = clone();
    p1.schema = 'vtlt/plan-pack@2';
    expect(errorsOf(p1)[0]).toMatch(/^schema: /);
    const p2 = clone();
    (p2.tasks[1] as Record<string, unknown>).lead = [{ type: 'flag', flag: 'unknownFlag' }];
    expect(errorsOf(p2)[0]).toMatch(/^tasks\[1\]\.lead\[0\]\.flag: /);
    const p3 = clone();
    p3.tasks = [];
    expect(errorsOf(p3)[0]).toMatch(/^tasks: /);
    const p4 = clone();
    p4.trackerSheetName = 'Theo dõi/2026';
    expect(errorsOf(p4)[0]).toMatch(/^trackerSheetName: /);
    const p5 = clone();
    p5.trackerSheetName = 'x'.repeat(32);
    expect(errorsOf(p5)[0]).toMatch(/^trackerSheetName: /);
  });

  it('not an object at all', () => {
    expect(errorsOf(null)[0]).toMatch(/^\(gốc\): /);
    expect(errorsOf([]).length).toBeGreaterThan(0);
  });

  it('a corrected pack for another year loads, and its deadlines follow the new data', () => {
    const p = clone();
    p.id = 'tn-vtlt-2027';
    p.year = 2027;
    (p.tasks[0] as Record<string, unknown>).deadlineText = 'Tháng 02/2027';
    const r = loadPlanPack(p);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pack: PlanPack = r.value;
    const x = taskDeadline(pack.tasks[0] ?? { deadlineText: '' });
    expect(x.ok && x.deadline.due !== null && toIso(x.deadline.due)).toBe('2027-02-28');
  });
});

describe('taskDeadline', () => {
  it('an empty phrase is an ongoing duty (recurring)', () => {
    expect(taskDeadline({ deadlineText: '' })).toEqual({ ok: true, deadline: { kind: 'recurring', text: '', start: null, due: null } });
    expect(taskDeadline({ deadlineText: '  ' }).ok).toBe(true);
  });

  it('an unreadable phrase is returned verbatim, unparsed', () => {
    expect(taskDeadline({ deadlineText: 'sớm nhất có thể' })).toEqual({ ok: false, text: 'sớm nhất có thể' });
    expect(taskDeadline({ deadlineText: 'Trước ngày 31/02/2026' })).toEqual({ ok: false, text: 'Trước ngày 31/02/2026' });
  });

  it('passes the inclusive option on', () => {
    const r = taskDeadline({ deadlineText: 'Trước ngày 10/12/2026' }, { inclusiveBefore: true });
    expect(r.ok && r.deadline.due !== null && toIso(r.deadline.due)).toBe('2026-12-10');
  });
});

describe('imported plans (issue 11)', () => {
  const base = () => JSON.parse(JSON.stringify(planJson)) as Record<string, unknown> & { tasks: Array<Record<string, unknown>> };

  it('allow a task led by no matched body, no legal bases and no statistical report task', () => {
    const p = base();
    (p.tasks[0] as Record<string, unknown>).lead = [];
    p.legalBases = [];
    delete p.reportDeadlineTaskId;
    expect(loadPlanPack(p).ok).toBe(true);
  });

  it('name agencies by kind, and refuse an unknown kind naming the field', () => {
    const p = base();
    (p.tasks[0] as Record<string, unknown>).lead = [{ type: 'kinds', kinds: ['xa', 'phuong'] }];
    expect(loadPlanPack(p).ok).toBe(true);
    (p.tasks[0] as Record<string, unknown>).lead = [{ type: 'kinds', kinds: ['huyen'] }];
    const r = loadPlanPack(p);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('\n')).toMatch(/^tasks\[0\]\.lead\[0\]\.kinds\[0\]:/m);
  });

  it('still refuse a report task id that names no task', () => {
    const p = base();
    p.reportDeadlineTaskId = '99';
    const r = loadPlanPack(p);
    expect(!r.ok && r.errors).toEqual(['reportDeadlineTaskId: không có nhiệm vụ mang mã này']);
  });
});
