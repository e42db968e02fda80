/** What the pane shows for the report forms, the check and the consolidation (src/taskpane/tools-view-model.ts). */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/app/check-workbook';
import type { ConsolidationSummary } from '../../src/app/consolidate-into';
import { describeUnplaced, insertForms } from '../../src/app/insert-forms';
import { mustDay } from '../../src/domain/calendar';
import { parseFormPackJson } from '../../src/domain/form-pack-schema';
import { findAgency } from '../../src/domain/roster';
import { issue, type Issue } from '../../src/domain/validation/issue';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import {
  checkNotice, clearHighlightNotice, codeList, consolidationNotice, consolidationRows, formChoices, formsInsertNotice, highlightNotice,
  issueGroups, issueValueText, legacyNotice, legacyOffer, legacyQuestion, legacyUndoQuestion, packErrorNotice, packLines, parseDayText, parseReportingYear, progressText, reminderText,
} from '../../src/taskpane/tools-view-model';
import type { Notice } from '../../src/taskpane/view-model';

const forms = defaultFormPack();
const plan = defaultPlanPack();
const ward = findAgency(defaultRoster(), '05455')!;
const NOW = Date.UTC(2026, 2, 1, 3);
const vi = (n: Notice) => n.lines.map((l) => l('vi'));
const en = (n: Notice) => n.lines.map((l) => l('en'));

describe('parseReportingYear', () => {
  it('takes four digits from 2000 to this year (in Vietnam)', () => {
    expect(parseReportingYear('2025', NOW)).toEqual({ ok: true, year: 2025 });
    expect(parseReportingYear(' 2026 ', NOW)).toEqual({ ok: true, year: 2026 });
  });

  it('says what is wrong, in the pane\'s language', () => {
    const bad = (text: string) => {
      const r = parseReportingYear(text, NOW);
      if (r.ok) throw new Error('accepted');
      return [r.error('vi'), r.error('en')];
    };
    expect(bad('')).toEqual(['Nhập năm báo cáo gồm 4 chữ số, ví dụ 2025.', 'Enter the reporting year as 4 digits, e.g. 2025.']);
    expect(bad('25')[0]).toBe('"25" không hợp lệ: năm báo cáo gồm 4 chữ số, từ 2000 đến 2026.');
    expect(bad('2027')[0]).toContain('từ 2000 đến 2026');
    expect(bad('1999')[1]).toBe('"1999" is not valid: the reporting year has 4 digits, from 2000 to 2026.');
    expect(bad('2O25')[0]).toContain('"2O25"');
  });
});

describe('the form pack', () => {
  it('offers the 13 forms with their titles', () => {
    const choices = formChoices(forms);
    expect(choices.map((c) => c.code)).toEqual(['0801', '0802', '0803', '0804', '0805', '0806', '0807', '0808', '0809', '0810', '0811', '0812', '0813']);
    expect(choices[3]).toEqual({ code: '0804', title: 'Số lượng văn bản' });
  });

  it('always shows the bundled pack\'s notice', () => {
    const lines = packLines(forms, null).map((l) => l('vi'));
    expect(lines[0]).toBe(`Gói biểu mẫu: ${forms.title} (${forms.id} ${forms.version}).`);
    expect(lines.at(-1)).toBe('Lưu ý: mẫu tham khảo — đối chiếu với Thông tư 18/2025/TT-BNV trước khi nộp.');
  });

  it('names the file a pack was loaded from', () => {
    expect(packLines(forms, 'goi-sua.json').map((l) => l('vi'))).toContain('Nạp từ tệp "goi-sua.json".');
    expect(packLines({ ...forms, notice: null, reference: false }, null)).toHaveLength(1);
  });

  it('a malformed pack: one line per problem, naming the field path', () => {
    const data = JSON.parse(JSON.stringify(forms)) as { forms: { code: string; rows: { code: string }[] }[]; version: string };
    data.version = '1.0';
    data.forms[2]!.code = '83';
    data.forms[4]!.rows[0]!.code = 'A1';
    const loaded = parseFormPackJson(JSON.stringify(data));
    if (loaded.ok) throw new Error('accepted');
    const lines = vi(packErrorNotice('goi.json', loaded.errors));
    expect(lines[0]).toBe('Tệp "goi.json" không phải gói biểu mẫu hợp lệ nên không được dùng. Các chỗ cần sửa (theo đường dẫn trường trong tệp):');
    expect(lines).toContain('version: phiên bản dạng 1.0.0');
    expect(lines).toContain('forms[2].code: mã biểu gồm 4 chữ số, ví dụ "0804"');
    expect(lines.some((l) => l.startsWith('forms[4].rows[0].code: '))).toBe(true);
    expect(packErrorNotice('x.json', ['(gốc): không phải JSON hợp lệ']).tone).toBe('error');
  });
});

describe('formsInsertNotice', () => {
  it('what was written, for whom and which year', async () => {
    const wb = FileWorkbook.create();
    const result = await insertForms(wb, { pack: forms, agency: ward, year: 2025, plan, now: new Date(NOW), confirm: async () => true });
    if (!result.ok) throw new Error('not inserted');
    const notice = formsInsertNotice(result, ward, 2025, [], describeUnplaced);
    expect(notice.tone).toBe('success');
    expect(vi(notice)).toEqual(['Đã chèn 13 biểu (0801–0813) năm 2025 cho Phường Quyết Thắng.']);
    expect(en(notice)).toEqual(['Inserted 13 forms (0801–0813) for 2025 for Phường Quyết Thắng.']);
  });

  it('the figures kept, every figure that found no place, and what this Excel skipped', () => {
    const result = {
      ok: true as const,
      forms: [{ code: '0804', kept: 5 }, { code: '0808', kept: 2 }],
      unplaced: [{ form: '0804', row: '09', col: 3, value: 12, cell: 'F20', reason: 'row' as const }],
      identity: {},
    } as unknown as Parameters<typeof formsInsertNotice>[0];
    const notice = formsInsertNotice(result, ward, 2025, ['pageLayout'], describeUnplaced);
    expect(notice.tone).toBe('warning');
    expect(vi(notice)).toEqual([
      'Đã chèn 2 biểu (0804, 0808) năm 2025 cho Phường Quyết Thắng.',
      'Giữ nguyên 7 số liệu đã nhập.',
      '1 số liệu không còn vị trí trong biểu mới nên không được ghi lại:',
      'Biểu 0804, dòng 09, cột 3 (ô F20): 12 — biểu mới không còn dòng này',
      'Phiên bản Excel này chưa hỗ trợ nên đã bỏ qua: thiết lập trang in. Bảng theo dõi vẫn dùng được.',
    ]);
  });

  it('codeList shortens a run of codes', () => {
    expect(codeList(['0801', '0802', '0803'])).toBe('0801–0803');
    expect(codeList(['0801', '0803', '0804'])).toBe('0801, 0803, 0804');
    expect(codeList(['0801', '0802', '0803', '0804', '0805', '0807', '0810', '0811', '0812', '0813'])).toBe('0801–0805, 0807, 0810–0813');
    expect(codeList(['0804', '0805'])).toBe('0804, 0805');
    expect(codeList([])).toBe('');
  });
});

describe('issueGroups', () => {
  const issues: Issue[] = [
    issue('warning', 'change-large', '0804', 'E13', 40, { row: '02', col: 1, found: 40, previous: 10, ratio: '4' }),
    issue('error', 'not-a-number', '0804', 'E20', 'mười', { row: '05', col: 2 }),
    issue('error', 'negative', '0804', 'D12', -3, { row: '01', col: 1 }),
    issue('warning', 'stamp-missing', '', '', null),
    issue('error', 'done-no-date', 'Theo dõi', 'I9', 'Hoàn thành', { task: '1' }),
    issue('error', 'sheet-missing', '0805', '', null, { name: '0805', what: 'biểu 0805' }),
  ];

  it('groups by sheet, the workbook first, with counts; errors first, then by cell', () => {
    const groups = issueGroups(issues);
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings])).toEqual([['', 0, 1], ['0804', 2, 1], ['Theo dõi', 1, 0], ['0805', 1, 0]]);
    expect(groups[1]!.items.map((i) => i.cell)).toEqual(['D12', 'E20', 'E13']);
    expect(groups[0]!.title('vi')).toBe('Sổ làm việc');
    expect(groups[1]!.title('vi')).toBe('Trang 0804');
    expect(groups[1]!.title('en')).toBe('Sheet 0804');
  });

  it('each item: its message in the pane\'s language, its cell and value, and where "go to" leads', () => {
    const [, g0804, tracker, g0805] = issueGroups(issues);
    const nan = g0804!.items[1]!;
    expect(nan.message('vi')).toBe('Ô này cần một số. Xoá chữ và nhập số (để trống nếu chưa có số liệu).');
    expect(nan.value?.('vi')).toBe('"mười"');
    expect(nan.target).toEqual({ sheet: '0804', cell: 'E20' });
    expect(g0804!.items[0]!.value?.('vi')).toBe('-3');
    expect(tracker!.items[0]!.message('vi')).toContain('Nhiệm vụ 1: đã chọn "Hoàn thành" nhưng chưa có ngày hoàn thành.');
    expect(g0805!.items[0]!.target).toBeNull();
    expect(issueGroups([])).toEqual([]);
  });

  it('issueValueText: Vietnamese grouping, text quoted and cut', () => {
    expect(issueValueText(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(issueValueText(1234567.5, 'en')).toBe('1,234,567.5');
    expect(issueValueText('', 'vi')).toBeNull();
    expect(issueValueText(null, 'vi')).toBeNull();
    expect(issueValueText('x'.repeat(100), 'vi')).toBe(`"${'x'.repeat(79)}…"`);
  });
});

describe('checkNotice', () => {
  const report = (issues: Issue[]): CheckResult['report'] => ({
    agency: null, identity: null, issues, asOf: mustDay(2026, 3, 1),
    errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length, holdingWarnings: 0,
  });
  const result = (issues: Issue[], missing: string[], extra: Partial<CheckResult> = {}): CheckResult => ({
    report: report(issues),
    missingForms: forms.forms.filter((f) => missing.includes(f.code)).map((f) => ({ code: f.code, title: f.title })),
    formsTotal: 13,
    trackerPresent: true,
    highlighted: 0,
    ...extra,
  });

  it('counts, and the forms not there yet as one line', () => {
    const n = checkNotice(result([issue('error', 'negative', '0804', 'D12', -1), issue('warning', 'stamp-missing', '', '', null)], ['0806', '0807', '0808', '0810']));
    expect(n.tone).toBe('error');
    expect(vi(n)).toEqual(['Có 1 lỗi và 1 cảnh báo.', 'Chưa có 4/13 biểu: 0806–0808, 0810.']);
    expect(en(n)).toEqual(['1 error and 1 warning.', '4 of 13 forms not inserted yet: 0806–0808, 0810.']);
  });

  it('a clean workbook with all forms; no tracker; cells still highlighted', () => {
    expect(vi(checkNotice(result([], [])))).toEqual(['Không có lỗi hay cảnh báo nào.', 'Có đủ 13 biểu.']);
    expect(checkNotice(result([], [])).tone).toBe('success');
    const n = checkNotice(result([], [], { trackerPresent: false, highlighted: 3 }));
    expect(vi(n)).toEqual(['Không có lỗi hay cảnh báo nào.', 'Sổ làm việc chưa có bảng theo dõi nhiệm vụ.', 'Có đủ 13 biểu.', '3 ô đang được tô màu.']);
  });
});

describe('legacy text', () => {
  const legacy = (sheet: string, cell: string, value: string) => issue('warning', 'legacy-encoding', sheet, cell, value, { encoding: 'TCVN3 (ABC)', sample: '' });
  const checked = (issues: Issue[], converted?: number): CheckResult => ({
    report: { agency: null, identity: null, issues, asOf: mustDay(2026, 3, 1), errors: 0, warnings: issues.length, holdingWarnings: 0 },
    missingForms: [], formsTotal: 13, trackerPresent: true, highlighted: 0,
    ...(converted === undefined ? {} : { converted: Array.from({ length: converted }, (_, i) => ({ sheet: 'Theo dõi', cell: `L${i + 8}` })) }),
  });
  const found = checked([
    legacy('Theo dõi', 'H8', 'Së'), legacy('Theo dõi', 'L9', 'Néi'), legacy('0801', 'C40', 'vô'), legacy('', '', 'Së Néi vô'),
    issue('error', 'negative', '0804', 'D12', -1),
  ], 2);

  it('offers to convert the cells found and to undo the cells converted before', () => {
    expect(legacyOffer(found)).toEqual({ cells: 3, converted: 2 });
    expect(legacyOffer(checked([]))).toEqual({ cells: 0, converted: 0 });
    expect(legacyOffer(null)).toEqual({ cells: 0, converted: 0 });
  });

  it('asks first, saying how many cells on which sheets', () => {
    expect(legacyQuestion(found, 'vi')).toBe(
      'Chuyển 3 ô đang dùng bảng mã cũ (TCVN3/VNI) sang Unicode, trên các trang: Theo dõi (2 ô), 0801 (1 ô)? Chữ cũ được lưu trong sổ làm việc để có thể "Hoàn tác".',
    );
    expect(legacyQuestion(found, 'en')).toContain('Convert 3 cells typed in a legacy encoding (TCVN3/VNI) to Unicode, on: Theo dõi (2 cells), 0801 (1 cell)?');
    expect(legacyUndoQuestion(2, 'vi')).toContain('cho 2 ô đã chuyển sang Unicode');
  });

  it('the check\'s summary says so', () => {
    expect(vi(checkNotice(found)).slice(-2)).toEqual([
      '3 ô gõ bằng bảng mã cũ (TCVN3/VNI): bấm "Chuyển sang Unicode" để sửa cả một lần.',
      '2 ô đã chuyển sang Unicode; "Hoàn tác chuyển Unicode" trả lại chữ cũ.',
    ]);
  });

  it('after converting or undoing: the count, then each kind of cell left alone, named', () => {
    const n = legacyNotice('convert', { changed: 3, recorded: 3, left: [{ sheet: '0802', cell: 'A1', reason: 'protected' }] });
    expect(n.tone).toBe('warning');
    expect(vi(n)).toEqual([
      'Đã chuyển 3 ô sang Unicode. Chữ cũ được lưu để có thể "Hoàn tác".',
      'Không sửa 1 ô bị khoá trên trang tính đang được bảo vệ: 0802!A1. Nếu cần, bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi làm lại.',
    ]);
    const many = Array.from({ length: 10 }, (_, i) => ({ sheet: 'Theo dõi', cell: `L${i + 8}`, reason: 'changed' as const }));
    const u = legacyNotice('undo', { changed: 1, recorded: 0, left: many });
    expect(vi(u)).toEqual([
      'Đã trả lại chữ cũ cho 1 ô.',
      'Giữ nguyên 10 ô đã được sửa sau đó: Theo dõi!L8, Theo dõi!L9, Theo dõi!L10, Theo dõi!L11, Theo dõi!L12, Theo dõi!L13, Theo dõi!L14, Theo dõi!L15, ….',
    ]);
    expect(legacyNotice('convert', { changed: 2, recorded: 2, left: [] }).tone).toBe('success');
    expect(vi(legacyNotice('undo', { changed: 0, recorded: 0, left: [] }))).toEqual(['Không có ô nào đã chuyển sang Unicode để hoàn tác.']);
    expect(en(legacyNotice('convert', { changed: 1, recorded: 1, left: [] }))).toEqual(['Converted 1 cell to Unicode. The old text is kept, so this can be undone.']);
  });
});

describe('highlight notices', () => {
  it('says how many cells were coloured, given back, skipped', () => {
    expect(vi(highlightNotice({ highlighted: 4, restored: 1, skipped: 0 }))).toEqual([
      'Đã tô màu 4 ô có vấn đề.', 'Trả lại màu nền cũ cho 1 ô không còn vấn đề.',
    ]);
    expect(highlightNotice({ highlighted: 0, restored: 0, skipped: 0 })).toEqual({ tone: 'info', lines: [expect.any(Function)] });
    expect(highlightNotice({ highlighted: 2, restored: 0, skipped: 1 }).tone).toBe('warning');
    expect(vi(clearHighlightNotice(5))).toEqual(['Đã trả lại màu nền cũ cho 5 ô.']);
    expect(vi(clearHighlightNotice(0))).toEqual(['Không có ô nào đang được tô màu.']);
    expect(en(clearHighlightNotice(1))).toEqual(['Gave the previous fill back to 1 cell.']);
  });
});

describe('consolidation', () => {
  const summary: ConsolidationSummary = {
    cancelled: false,
    files: 4,
    year: 2025,
    asOf: mustDay(2026, 3, 1),
    rosterSource: 'default',
    rosterSize: 106,
    rosterProblems: ['A12: Mã đơn vị "?" không hợp lệ; dòng này bị bỏ qua.'],
    submitted: [{ code: '05455', name: 'Phường Quyết Thắng' }, { code: 'SNV', name: 'Sở Nội vụ' }],
    missing: [{ code: 'STC', name: 'Sở Tài chính' }],
    late: [{ code: 'SNV', name: 'Sở Nội vụ', days: 3, basis: 'received' }],
    replaced: [{ file: 'C:\\bc\\snv-cu.xlsx', by: 'C:\\bc\\snv-moi.xlsx', agency: { code: 'SNV', name: 'Sở Nội vụ' } }],
    conflicts: [],
    receivedProblems: [],
    datedBySave: 0,
    rejected: [{
      file: 'hong.xlsx',
      reasons: ['Tệp hỏng.', 'Tệp báo cáo năm 2024, không phải năm 2025.'],
      why: [{ text: 'Tệp hỏng.' }, { key: 'consolidate.reason.otherYear', params: { found: 2024, expected: 2025 } }],
    }],
    inTotals: 2,
    overdue: 5,
    problems: 7,
    reminder: ['Đoạn một.', 'Đoạn hai.'],
    sheets: ['Danh sách đơn vị', 'Tình hình nộp'],
  };

  it('the date typed day first', () => {
    expect(parseDayText('01/03/2026')).toEqual({ ok: true, day: mustDay(2026, 3, 1) });
    const bad = parseDayText('03/31/2026');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error('vi')).toContain('"03/31/2026" không phải một ngày có thật');
    const empty = parseDayText(' ');
    if (!empty.ok) expect(empty.error('vi')).toBe('Nhập ngày đối chiếu dạng dd/mm/yyyy, ví dụ 31/03/2026.');
  });

  it('progress: "Tệp n/N: tên", then the write', () => {
    expect(progressText(0, 3, 'C:\\bc\\don-vi-1.xlsx')('vi')).toBe('Tệp 1/3: don-vi-1.xlsx');
    expect(progressText(2, 3, 'c.xlsx')('en')).toBe('File 3/3: c.xlsx');
    expect(progressText(3, 3, '')('vi')).toBe('Đang ghi kết quả vào sổ làm việc…');
  });

  it('submitted, missing, late, replaced, rejected with their lists and reasons', () => {
    const rows = consolidationRows(summary);
    expect(rows.map((r) => [r.key, r.count, r.tone])).toEqual([
      ['submitted', 2, 'success'], ['missing', 1, 'danger'], ['late', 1, 'warning'], ['replaced', 1, 'neutral'], ['rejected', 1, 'danger'],
    ]);
    expect(rows.map((r) => r.label('vi'))).toEqual([
      'Đã nộp: 2/106 đơn vị', 'Chưa nộp: 1 đơn vị', 'Nộp chậm: 1 đơn vị', 'Tệp cũ được thay bằng tệp mới hơn: 1', 'Tệp bị loại: 1',
    ]);
    expect(rows[2]!.items.map((i) => i('vi'))).toEqual(['Sở Nội vụ (chậm 3 ngày)']);
    expect(rows[3]!.items.map((i) => i('vi'))).toEqual(['Sở Nội vụ: snv-cu.xlsx → snv-moi.xlsx']);
    expect(rows[4]!.items.map((i) => i('vi'))).toEqual(['hong.xlsx: Tệp hỏng. Tệp báo cáo năm 2024, không phải năm 2025.']);
    // The English pane says the reasons it has as messages in English (a host's text stays as it came).
    expect(rows[4]!.items.map((i) => i('en'))).toEqual(['hong.xlsx: Tệp hỏng. The file reports for 2024, not 2025.']);
  });

  it('the notice: what was written, the roster used and its unreadable rows, the totals', () => {
    const n = consolidationNotice(summary);
    expect(n.tone).toBe('warning');
    expect(vi(n)).toEqual([
      'Đã tổng hợp 4 tệp vào sổ làm việc (trang "Danh sách đơn vị", "Tình hình nộp").',
      'Danh sách đơn vị: danh sách mặc định (106 đơn vị), đã ghi vào trang "Danh sách đơn vị" để Sở Nội vụ chỉnh sửa.',
      'Danh sách đơn vị, A12: Mã đơn vị "?" không hợp lệ; dòng này bị bỏ qua.',
      '2 tệp được cộng vào số liệu tổng hợp; 5 nhiệm vụ quá hạn; 7 vấn đề kiểm tra.',
    ]);
    expect(vi(consolidationNotice({ ...summary, cancelled: true }))).toEqual(['Đã huỷ tổng hợp. Sổ làm việc không thay đổi.']);
    expect(reminderText(summary)).toBe('Đoạn một.\nĐoạn hai.');
  });
});
