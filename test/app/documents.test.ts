/**
 * The documents' models, drafted from real workbooks: an agency's (plan row 16b) and a consolidation's (III.2.i and
 * the reminder letter). Who is named, which blanks are left, counts by state and totals equal to the consolidation's.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustDay } from '../../src/domain/calendar';
import { cellKey } from '../../src/domain/form-pack';
import { defaultPlanPack } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { summariseTracker } from '../../src/app/tracker-summary';
import { readAgencyReportData, type AgencyReportData } from '../../src/app/documents/agency-data';
import { agencyReport, countByState, issuerOf, placeOf } from '../../src/app/documents/agency-report';
import { readConsolidationData, type ConsolidationData } from '../../src/app/documents/consolidation-data';
import { BLANK, documentText, type Block, type OfficialDocument } from '../../src/app/documents/model';
import { progressCounts, provinceReport, PROGRESS_COLUMNS } from '../../src/app/documents/province-report';
import { ANNEX_TITLE, MAX_NAMED_ADDRESSEES, reminderLetter } from '../../src/app/documents/reminder-letter';
import { keyFigures } from '../../src/app/documents/figures';
import { PROGRESS_SHEET } from '../../src/workbook/consolidation-sheets';
import { documentsFixture, OVERDUE_NOTE, readBytes, type DocumentsFixture } from '../helpers/documents-fixture';

const plan = defaultPlanPack();
const forms = defaultFormPack();
const knownPacks = new Map([[plan.id, [plan.version]], [forms.id, [forms.version]]]);

let fx: DocumentsFixture;
let agencyData: AgencyReportData;
let consolidation: ConsolidationData;
let consolidationBook: FileWorkbook;

beforeAll(async () => {
  fx = await documentsFixture();
  const agencyBook = await FileWorkbook.load(readBytes(fx.agencyFile));
  const a = await readAgencyReportData(agencyBook, { planPack: plan, formPack: forms, knownPacks, asOf: mustDay(2026, 11, 23) });
  if (!a.ok) throw new Error(a.reason);
  agencyData = a.data;
  consolidationBook = await FileWorkbook.load(readBytes(fx.consolidationFile));
  const c = await readConsolidationData(consolidationBook, plan, forms);
  if (!c.ok) throw new Error(c.reason);
  consolidation = c.data;
}, 120_000);

afterAll(() => {
  if (fx) rmSync(fx.root, { recursive: true, force: true });
});

const all = (doc: OfficialDocument) => documentText(doc).join('\n');
const tables = (blocks: readonly Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

/** What a person decides is left blank: number, date, signer. */
function expectBlanks(doc: OfficialDocument) {
  expect(doc.number).toMatch(/^Số: …\//);
  expect(doc.placeAndDate).toMatch(/, ngày … tháng … năm …$/);
  expect(doc.signature.name).toBe(BLANK);
  expect(doc.recipients.at(-1)).toMatch(/^- Lưu: VT, /);
}

describe('agency report (16b)', () => {
  it('counts the tasks by state as the tracker summary does on the same date', async () => {
    const agencyBook = await FileWorkbook.load(readBytes(fx.agencyFile));
    const summary = await summariseTracker(agencyBook, plan, Date.UTC(2026, 10, 23, 3));
    if (!summary.ok) throw new Error('no tracker');
    const counts = countByState(agencyData.tasks);
    for (const [state, n] of Object.entries(summary.summary.counts)) expect(counts.get(state) ?? 0, state).toBe(n);
    expect(agencyData.tasks.length).toBe(Object.values(summary.summary.counts).reduce((a, b) => a + b, 0));
  });

  it('names the agency, its overdue task with its own note, and the tasks that continue into 2027', () => {
    const doc = agencyReport(agencyData, plan, forms);
    const text = all(doc);
    expect(doc.issuer.name).toBe('SỞ NỘI VỤ');
    expect(doc.issuer.parent).toBe('UBND TỈNH THÁI NGUYÊN');
    expect(text).toContain('Nhiệm vụ quá hạn, chưa hoàn thành');
    expect(text).toMatch(new RegExp(`Nhiệm vụ 1: .*quá hạn \\d+ ngày.*ghi chú: ${OVERDUE_NOTE}`));
    expect(text).toContain('NHIỆM VỤ TRỌNG TÂM NĂM 2027');
    expect(text).toContain('2. Nhiệm vụ trọng tâm khác năm 2027: ' + BLANK);
    expectBlanks(doc);
    expect(doc.signature.position).toBe(BLANK);
    // A task's own full stop is not doubled by the line's.
    expect(text).not.toMatch(/[^.]\.\.(?!\.)/);
  });

  it('shows the forms\' key figures as the workbook holds them, and "—" for none', () => {
    const doc = agencyReport(agencyData, plan, forms);
    const [table] = tables(doc.body);
    const keys = keyFigures(forms, agencyData.figures);
    expect(table!.rows).toHaveLength(keys.length);
    const k0801 = agencyData.figures.get('0801')!.get(cellKey({ row: '01', col: 1 }))!;
    expect(table!.rows[0]).toEqual(['0801', forms.forms[0]!.rows[0]!.label, 'văn bản', k0801.toLocaleString('vi-VN')]);
    const empty = agencyReport({ ...agencyData, figures: new Map() }, plan, forms);
    expect(tables(empty.body)[0]!.rows.every((r) => r[3] === '—')).toBe(true);
  });
});

describe('issuer and place by kind of agency', () => {
  it('shows the province above a department, none above a commune\'s People\'s Committee, a blank where unknown', () => {
    expect(issuerOf('Sở Tư pháp', 'so-ban-nganh', 'Thái Nguyên')).toEqual({ parent: 'UBND TỈNH THÁI NGUYÊN', name: 'SỞ TƯ PHÁP' });
    expect(issuerOf('Xã Kha Sơn', 'xa', 'Thái Nguyên')).toEqual({ parent: null, name: 'ỦY BAN NHÂN DÂN\nXÃ KHA SƠN' });
    expect(issuerOf('Phường Phan Đình Phùng', 'phuong', 'Thái Nguyên').name).toBe('ỦY BAN NHÂN DÂN\nPHƯỜNG PHAN ĐÌNH PHÙNG');
    expect(issuerOf('Trung tâm Lưu trữ lịch sử', 'don-vi-su-nghiep', 'Thái Nguyên').parent).toBe(BLANK);
    expect(issuerOf('Công ty X', null, 'Thái Nguyên').parent).toBe(BLANK);
  });

  it('dates a commune\'s document at the commune, a provincial body\'s at the province', () => {
    expect(placeOf('Xã Kha Sơn', 'xa', 'Thái Nguyên')).toBe('Kha Sơn');
    expect(placeOf('Phường Phan Đình Phùng', 'phuong', 'Thái Nguyên')).toBe('Phan Đình Phùng');
    expect(placeOf('Sở Tư pháp', 'so-ban-nganh', 'Thái Nguyên')).toBe('Thái Nguyên');
  });
});

describe('consolidation read back', () => {
  it('reads the province totals equal to the consolidation\'s JSON, cell for cell', () => {
    for (const [form, rows] of Object.entries(fx.json.totals)) {
      const read = consolidation.totals.get(form)!;
      for (const [row, cols] of Object.entries(rows)) {
        for (const [col, value] of Object.entries(cols)) expect(read.get(`${row}:${col}`), `${form} ${row}:${col}`).toBeCloseTo(value, 9);
      }
      expect(read.size).toBe(Object.values(rows).reduce((n, c) => n + Object.keys(c).length, 0));
    }
  });

  it('reads who submitted, who is missing and who was late as the JSON says', () => {
    expect(consolidation.submissions).toHaveLength(106);
    expect(consolidation.submissions.filter((s) => s.state === 'missing').map((s) => s.code).sort()).toEqual([...fx.json.missing].sort());
    expect(consolidation.submissions.filter((s) => s.late).map((s) => s.code)).toEqual(fx.json.late);
    expect(consolidation.year).toBe(fx.json.year);
    expect(consolidation.asOf).toBe(mustDay(2026, 11, 23));
  });

  it('counts task progress as the progress sheet shows it: done and overdue equal its footer, every agency counted once', () => {
    const grid = consolidationBook.grid(PROGRESS_SHEET)!;
    const footer = (label: string) => grid.values.find((r) => r[1] === label)!;
    const counts = progressCounts(consolidation);
    const col = (header: string) => PROGRESS_COLUMNS.findIndex((c) => c.header === header);
    consolidation.progress!.taskIds.forEach((id, i) => {
      const n = counts.get(id)!;
      expect(n[col('Hoàn thành đúng hạn')]! + n[col('Hoàn thành quá hạn')]!, id).toBe(footer('Số đơn vị hoàn thành')[2 + i]);
      expect(n[col('Quá hạn')], id).toBe(footer('Số đơn vị quá hạn')[2 + i]);
      // The footer's "chưa báo cáo" also counts agencies that sent a file but left the task's status empty.
      expect(n[col('Đơn vị chưa nộp')], id).toBeLessThanOrEqual(Number(footer('Số đơn vị chưa báo cáo')[2 + i]));
      const applies = consolidation.progress!.agencies.filter((a) => a.cells.has(id)).length;
      expect(n.reduce((a, b) => a + b, 0), id).toBe(applies);
    });
  });
});

describe('province report (III.2.i)', () => {
  it('says n/N, names the late agency and the overdue task with its note, and leaves the priorities blank', () => {
    const doc = provinceReport(consolidation, plan, forms);
    const text = all(doc);
    expect(text).toContain(`${fx.json.submitted.length}/106 cơ quan, tổ chức, đơn vị`);
    expect(text).toMatch(/Các đơn vị gửi báo cáo chậm \(1\): Sở Tài chính \(chậm \d+ ngày\)/);
    expect(text).toContain(`Sở Nội vụ: nhiệm vụ 1 quá hạn`);
    expect(text).toContain(OVERDUE_NOTE);
    expect(text).toContain('V. NHIỆM VỤ TRỌNG TÂM NĂM 2027\n' + BLANK);
    expect(doc.number).toBe('Số: …/BC-SNV');
    expectBlanks(doc);
  });

  it('puts the province totals in its figures table', () => {
    const doc = provinceReport(consolidation, plan, forms);
    const figures = tables(doc.body)[0]!;
    const total0805 = fx.json.totals['0805']!['01']!['1']!;
    const row = figures.rows.find((r) => r[0] === '0805')!;
    expect(row[3]).toBe(total0805.toLocaleString('vi-VN', { maximumFractionDigits: 3 }));
  });
});

describe('reminder letter', () => {
  it('names every agency that did not submit in the attached list, and none whose file was received', () => {
    const r = reminderLetter(consolidation, plan);
    if (!r.ok) throw new Error(r.reason);
    const doc = r.document;
    expect(doc.annex?.title[0]).toBe(ANNEX_TITLE);
    const listed = tables(doc.annex!.blocks)[0]!.rows.map((row) => row[1]);
    expect([...listed].sort()).toEqual([...fx.json.missing].sort());
    for (const code of fx.json.submitted) expect(listed).not.toContain(code);
    expect(doc.addressees).toEqual(['Các cơ quan, tổ chức, đơn vị có tên tại danh sách kèm theo']);
    expect(doc.recipients[0]).toBe('- Như trên;');
    expect(doc.letterSubject).toMatch(/^V\/v đôn đốc gửi báo cáo thống kê/);
    expectBlanks(doc);
  });

  it('names late senders in their own sentence on the missed deadline, never as not submitted', () => {
    const r = reminderLetter(consolidation, plan);
    if (!r.ok) throw new Error(r.reason);
    const paragraphs = documentText(r.document);
    const lateLine = paragraphs.find((p) => p.includes('chậm so với thời hạn'))!;
    expect(lateLine).toMatch(/Sở Tài chính \(chậm \d+ ngày\)/);
    expect(paragraphs.filter((p) => p.includes('Sở Tài chính'))).toEqual([lateLine]);
  });

  it('addresses a few agencies by name after "Kính gửi", with no list attached', () => {
    const few = { ...consolidation, submissions: consolidation.submissions.filter((s) => s.state !== 'missing' || ['SXD', 'STP'].includes(s.code)) };
    const r = reminderLetter(few, plan);
    if (!r.ok) throw new Error(r.reason);
    expect(r.document.addressees).toEqual(few.submissions.filter((s) => s.state === 'missing').map((s) => s.name));
    expect(r.document.addressees!.length).toBeLessThanOrEqual(MAX_NAMED_ADDRESSEES);
    expect(r.document.annex).toBeUndefined();
    expect(all(r.document)).not.toContain('Sở Nội vụ chưa nhận được báo cáo của 2 cơ quan, tổ chức, đơn vị sau: Sở Nội vụ');
  });

  it('never names an agency whose files are in conflict: they were received', () => {
    const conflicted = { ...consolidation, submissions: consolidation.submissions.map((s) => (s.code === 'STP' ? { ...s, state: 'conflict' as const } : s)) };
    const r = reminderLetter(conflicted, plan);
    if (!r.ok) throw new Error(r.reason);
    const listed = tables(r.document.annex!.blocks)[0]!.rows.map((row) => row[1]);
    expect(listed).not.toContain('STP');
    expect(listed).toHaveLength(fx.json.missing.length - 1);
    expect(all(r.document)).not.toContain('Sở Tư pháp');
  });

  it('writes no letter when everyone sent on time', () => {
    const none = { ...consolidation, submissions: consolidation.submissions.filter((s) => s.state !== 'missing' && !s.late) };
    expect(reminderLetter(none, plan)).toEqual({ ok: false, reason: 'nobody-to-remind' });
  });
});
