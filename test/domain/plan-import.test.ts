import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { matchBodies } from '../../src/domain/plan-import-bodies';
import { planMetaFromText } from '../../src/domain/plan-import-meta';
import { findingSeverity, importPlan, type ImportFinding } from '../../src/domain/plan-import';
import type { SourceRow } from '../../src/domain/plan-import-table';
import type { PlanPack } from '../../src/domain/plan-pack';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { planRows } from '../../src/app/plan-status';
import { mustDay } from '../../src/domain/calendar';

const SEED = path.resolve(__dirname, '../../../shared/seed/ke-hoach-vtlt-2026-thai-nguyen.txt');
const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8').normalize('NFC') : null;
const roster = defaultRoster();
const bundled = defaultPlanPack();

/** The appendix of the seed as rows (tab-separated lines from "Phụ lục"), numbered like a sheet's rows. */
function seedRows(text: string): SourceRow[] {
  const lines = text.slice(text.indexOf('\nPhụ lục')).split(/\r?\n/);
  return lines.map((line, i) => ({ where: { row: i + 1 }, cells: line.split('\t') }));
}

function rowsOf(table: string[][]): SourceRow[] {
  return table.map((cells, i) => ({ where: { row: i + 1 }, cells }));
}

const HEADER = ['TT', 'Nội dung công việc', 'Cơ quan chủ trì thực hiện', 'Cơ quan phối hợp', 'Thời gian hoàn thành'];

function imported(rows: SourceRow[], options = {}): { pack: PlanPack; findings: readonly ImportFinding[] } {
  const r = importPlan(rows, { year: 2026 }, roster, options);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r;
}

describe.runIf(seed !== null)('the appendix of the 2026 plan, as text rows', () => {
  it('gives the 18 tasks of the bundled pack, field by field, and heading 16', () => {
    const { pack } = imported(seedRows(seed ?? ''));
    const appendix = bundled.tasks.filter((t) => t.section === 'appendix');
    expect(pack.tasks.map((t) => t.id)).toEqual(appendix.map((t) => t.id));
    for (const [i, t] of appendix.entries()) expect(pack.tasks[i], t.id).toEqual(t);
    expect(pack.headings).toEqual(bundled.headings);
    expect(pack.sections).toEqual([bundled.sections[0]]);
    expect(pack.reportDeadlineTaskId).toBe('16a');
    expect(pack.statisticsYear).toBe(2025);
  });

  it('reads title, year, issuer, province, number, place and signer from the text', () => {
    const meta = planMetaFromText((seed ?? '').split(/\r?\n/));
    expect(meta).toMatchObject({
      title: bundled.title, year: 2026, issuer: bundled.issuer, province: bundled.province, number: '', numberSuffix: '/KH-UBND',
      placeAndDate: bundled.placeAndDate, issuedDate: null, signer: bundled.signer,
    });
    const r = importPlan(seedRows(seed ?? ''), meta, roster);
    expect(r.ok && r.pack.id).toBe('tn-vtlt-2026');
  });
});

describe('bodies matched to the roster, its kinds and flags', () => {
  const m = (text: string) => matchBodies(text, roster);
  it('reads the phrases of the issue', () => {
    expect(m('Các cơ quan, tổ chức, đơn vị').audiences).toEqual([{ type: 'all' }]);
    expect(m('Sở Nội vụ').audiences).toEqual([{ type: 'bodies', codes: ['SNV'] }]);
    expect(m('Sở Nội vụ (Trung tâm Lưu trữ lịch sử tỉnh)')).toEqual({
      audiences: [{ type: 'bodies', codes: ['SNV', 'TTLTLS'] }], unmatched: [],
      notInRoster: [{ name: 'Trung tâm Lưu trữ lịch sử tỉnh', code: 'TTLTLS' }],
    });
    expect(m('Các cơ quan, tổ chức theo Quyết định số 15/QĐ-UBND ngày 02/01/2027').audiences).toEqual([{ type: 'flag', flag: 'nopLuuLichSu' }]);
    expect(m('Sở Nội vụ; các cơ quan, tổ chức, đơn vị').audiences).toEqual([{ type: 'bodies', codes: ['SNV'] }, { type: 'all' }]);
  });
  it('reads kinds, "và", line breaks, NBSP, NFD, old-style tones and "Ủy ban nhân dân"', () => {
    expect(m('Các sở, ban, ngành').audiences).toEqual([{ type: 'kinds', kinds: ['so-ban-nganh'] }]);
    expect(m('UBND các xã, phường').audiences).toEqual([{ type: 'kinds', kinds: ['xa', 'phuong'] }]);
    expect(m('Sở Tài chính và Sở Xây dựng').audiences).toEqual([{ type: 'bodies', codes: ['STC'] }, { type: 'bodies', codes: ['SXD'] }]);
    expect(m('Sở Khoa học và Công nghệ').audiences).toEqual([{ type: 'bodies', codes: ['SKHCN'] }]);
    expect(m('Sở Nội vụ\n(Trung tâm Lưu trữ lịch sử tỉnh)').audiences).toEqual([{ type: 'bodies', codes: ['SNV', 'TTLTLS'] }]);
    expect(m('Sở\u00a0Nội vụ\nSở Tư pháp'.normalize('NFD')).audiences).toEqual([{ type: 'bodies', codes: ['SNV'] }, { type: 'bodies', codes: ['STP'] }]);
    expect(m('Văn phòng Uỷ ban nhân dân tỉnh').audiences).toEqual([{ type: 'bodies', codes: ['VPUBND'] }]);
    expect(m('Sở Văn hoá, Thể thao và Du lịch').audiences).toEqual([{ type: 'bodies', codes: ['SVHTTDL'] }]);
  });
  it('lists what matches nothing, as written', () => {
    expect(m('Sở Nội vụ, Công an tỉnh')).toMatchObject({ audiences: [{ type: 'bodies', codes: ['SNV'] }], unmatched: ['Công an tỉnh'] });
    expect(m('Các cơ quan, tổ chức được giao quản lý kho').unmatched).toEqual(['Các cơ quan, tổ chức được giao quản lý kho']);
  });
});

describe('what an import reports', () => {
  const table = [
    HEADER,
    ['1', 'Việc một', 'Sở Nội vụ', '', 'Cuối năm nay'],
    ['2', 'Việc hai', 'Công an tỉnh', 'Sở Tư pháp', 'Quý II/2026'],
    ['3', 'Việc ba', 'Ban Chỉ đạo', '', 'Quý I/2025'],
  ];

  it('keeps an unreadable deadline with its row, with no due date and no due state', () => {
    const { pack, findings } = imported(rowsOf(table));
    expect(findings).toContainEqual({ code: 'deadline-unreadable', where: { row: 2 }, id: '1', text: 'Cuối năm nay' });
    expect(pack.tasks[0]?.deadlineText).toBe('Cuối năm nay');
    const row = planRows(pack, { asOf: mustDay(2026, 12, 31), window: 14, inclusiveBefore: false })[0];
    expect(row?.deadline).toBeNull();
    expect(row?.due).toBeNull();
  });

  it('lists unmatched bodies with their rows and says which tasks apply to no one', () => {
    const { findings } = imported(rowsOf(table));
    expect(findings).toContainEqual({ code: 'body-unmatched', where: { row: 3 }, id: '2', column: 'lead', text: 'Công an tỉnh' });
    expect(findings).toContainEqual({ code: 'applies-to-no-one', where: { row: 4 }, id: '3' });
    expect(findings.filter((f) => f.code === 'applies-to-no-one').map((f) => 'id' in f && f.id)).toEqual(['3']);
    expect(findings).toContainEqual({ code: 'deadline-before-year', where: { row: 4 }, id: '3', text: 'Quý I/2025' });
  });

  it('--strict refuses an unreadable deadline or an unmatched body', () => {
    const r = importPlan(rowsOf(table), { year: 2026 }, roster, { strict: true });
    expect(r.ok).toBe(false);
    expect(r.findings.filter((f) => findingSeverity(f, true) === 'error').map((f) => f.code)).toEqual(['deadline-unreadable', 'body-unmatched', 'body-unmatched']);
  });

  it('refuses a table without its header, a row without a lead, and duplicate ids, naming the rows', () => {
    expect(importPlan(rowsOf([['a', 'b'], ['1', 'x']]), {}, roster)).toEqual({ ok: false, findings: [{ code: 'no-header' }] });
    const r = importPlan(rowsOf([HEADER, ['1', 'Việc', '', '', 'Năm 2026'], ['1', 'Việc', 'Sở Nội vụ', '', 'Năm 2026']]), {}, roster);
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual({ code: 'missing-lead', where: { row: 2 }, id: '1' });
    expect(r.findings).toContainEqual({ code: 'duplicate-id', where: { row: 3 }, id: '1' });
  });

  it('finds the header by its labels anywhere, skips numbering rows, and takes the year from the deadlines', () => {
    const r = importPlan(rowsOf([
      ['Phụ lục'], ['', ''],
      ['Thời gian hoàn thành', 'STT', 'Cơ quan phối hợp', 'Nội dung', 'Cơ quan chủ trì'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      ['Tháng 02/2027', '1', '', 'Việc một', 'Sở Nội vụ'],
      ['Trước ngày 15/3/2027', '2', '', 'Việc hai', 'Sở Nội vụ'],
    ]), {}, roster);
    expect(r.ok && r.pack.year).toBe(2027);
    expect(r.ok && r.pack.tasks.map((t) => [t.id, t.deadlineText])).toEqual([['1', 'Tháng 02/2027'], ['2', 'Trước ngày 15/3/2027']]);
    expect(r.ok && r.pack.id).toBe('ke-hoach-vtlt-2027');
  });

  it('gives sub-rows the blank cells of their heading, and keeps sections', () => {
    const r = importPlan(rowsOf([
      HEADER,
      ['I', 'CÔNG TÁC QUẢN LÝ', '', '', ''],
      ['1', 'Báo cáo định kỳ', 'Các cơ quan, tổ chức, đơn vị', 'Sở Nội vụ', ''],
      ['a', 'Báo cáo 6 tháng', '', '', '6 tháng đầu năm 2027'],
      ['b', 'Báo cáo năm', '', '', '6 tháng cuối năm 2027'],
    ]), {}, roster);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.sections).toEqual([{ id: 'I', title: 'CÔNG TÁC QUẢN LÝ' }]);
    expect(r.pack.headings).toEqual([{ id: '1', content: 'Báo cáo định kỳ' }]);
    expect(r.pack.tasks.map((t) => [t.id, t.parent, t.leadText, t.coordinatingText, t.deadlineText])).toEqual([
      ['1a', '1', 'Các cơ quan, tổ chức, đơn vị', 'Sở Nội vụ', '6 tháng đầu năm 2027'],
      ['1b', '1', 'Các cơ quan, tổ chức, đơn vị', 'Sở Nội vụ', '6 tháng cuối năm 2027'],
    ]);
  });
});

describe('a task for agencies of some kinds', () => {
  it('applies to the roster entries of those kinds only', async () => {
    const { roleOf } = await import('../../src/domain/applicability');
    const task = { lead: [{ type: 'kinds' as const, kinds: ['xa' as const] }], coordinating: [] };
    const xa = roster.entries.find((e) => e.kind === 'xa');
    const phuong = roster.entries.find((e) => e.kind === 'phuong');
    expect(xa && roleOf(task, xa)).toBe('lead');
    expect(phuong && roleOf(task, phuong)).toBeNull();
  });
});

describe.runIf(seed !== null)('the duties of section III, from the text', () => {
  it('are the bundled III.x tasks: one per lettered paragraph, two deliverables for III.1.i, the broken III.2.g joined', async () => {
    const { readDuties } = await import('../../src/domain/plan-import-duties');
    const duties = readDuties((seed ?? '').split(/\r?\n/));
    const expected = bundled.tasks.filter((t) => t.section !== 'appendix');
    expect(duties.items.map((d) => [d.id, d.section, d.content, d.leadText, d.deadlineText]))
      .toEqual(expected.map((t) => [t.id, t.section, t.content, t.leadText, t.deadlineText]));
    expect(duties.sections).toEqual(bundled.sections.slice(1));
    const r = importPlan(seedRows(seed ?? ''), { year: 2026 }, roster, {}, (seed ?? '').split(/\r?\n/));
    expect(r.ok && r.pack.tasks).toEqual(bundled.tasks);
  });

  it('stop at the closing paragraph and report an actor that matches no agency by its paragraph', async () => {
    const text = ['III. TỔ CHỨC THỰC HIỆN', '1. Công an tỉnh', 'a) Bảo vệ kho lưu trữ.', 'Trên đây là Kế hoạch', 'b) không phải nhiệm vụ'];
    const r = importPlan(rowsOf([HEADER, ['1', 'Việc', 'Sở Nội vụ', '', 'Năm 2026']]), { year: 2026 }, roster, {}, text);
    expect(r.ok && r.pack.tasks.map((t) => t.id)).toEqual(['1', 'III.1.a']);
    expect(r.findings).toContainEqual({ code: 'body-unmatched', where: { row: 0, paragraph: 3 }, id: 'III.1.a', column: 'lead', text: 'Công an tỉnh' });
  });
});

describe('import findings in words', () => {
  it('every finding has a message in Vietnamese and English naming its row', async () => {
    const { findingMessage, severityLabel } = await import('../../src/domain/plan-import-messages');
    const where = { table: 2, row: 7 };
    const all: ImportFinding[] = [
      { code: 'no-header' }, { code: 'no-plan-sheet', sheets: ['Trang 1'] }, { code: 'no-tasks' }, { code: 'no-year' },
      { code: 'year-differs', given: 2027, found: 2026 }, { code: 'duplicate-id', where, id: '3' }, { code: 'missing-content', where, id: '3' },
      { code: 'missing-tt', where, id: '3.1' }, { code: 'missing-lead', where, id: '3' }, { code: 'deadline-unreadable', where, id: '3', text: 'Khi cần' },
      { code: 'deadline-before-year', where, id: '3', text: 'Quý I/2025' }, { code: 'body-unmatched', where, id: '3', column: 'coordinating', text: 'Công an tỉnh' },
      { code: 'body-not-in-roster', where, id: '3', text: 'Trung tâm Lưu trữ lịch sử tỉnh', body: 'TTLTLS' }, { code: 'applies-to-no-one', where, id: '3' },
      { code: 'led-by-no-one', where, id: '3' }, { code: 'invalid-pack', detail: 'year: quá nhỏ' },
    ];
    for (const f of all) {
      for (const lang of ['vi', 'en'] as const) {
        const m = findingMessage(lang, f);
        expect(m.length, `${lang} ${f.code}`).toBeGreaterThan(20);
        if ('where' in f) expect(m).toContain(lang === 'vi' ? 'bảng 2, dòng 7' : 'table 2, row 7');
      }
    }
    expect(findingMessage('vi', { code: 'deadline-unreadable', where: { row: 0, paragraph: 40 }, id: 'III.1.a', text: 'x' })).toMatch(/^đoạn 40 /);
    expect(['error', 'warning', 'notice'].map((s) => severityLabel('vi', s as 'error'))).toEqual(['Lỗi', 'Cảnh báo', 'Lưu ý']);
  });
});
