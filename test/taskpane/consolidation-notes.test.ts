/**
 * The pane after a consolidation: agencies whose files are in conflict (listed, with their files), "Ngày nhận" cells
 * that hold no date, and how many agencies are judged by the saved time while no "Ngày nhận" is typed.
 */
import { describe, expect, it } from 'vitest';
import type { ConsolidationSummary } from '../../src/app/consolidate-into';
import { mustDay } from '../../src/domain/calendar';
import { consolidationNotice, consolidationRows } from '../../src/taskpane/tools-view-model';
import { inputFile, openResult } from '../../src/taskpane/consolidation';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { openForReadingAnywhere } from '../../src/hosts/xlsx/open-read';

const base: ConsolidationSummary = {
  cancelled: false,
  files: 3,
  year: 2025,
  asOf: mustDay(2026, 3, 1),
  rosterSource: 'workbook',
  rosterSize: 3,
  rosterProblems: [],
  submitted: [{ code: 'STC', name: 'Sở Tài chính' }],
  missing: [],
  late: [],
  replaced: [],
  conflicts: [],
  receivedProblems: [],
  datedBySave: 0,
  rejected: [],
  inTotals: 1,
  overdue: 0,
  problems: 0,
  reminder: [],
  sheets: ['Theo dõi nộp báo cáo'],
};

describe('the pane: conflicts and "Ngày nhận"', () => {
  it('no conflict row when there is none', () => {
    expect(consolidationRows(base).map((r) => r.key)).not.toContain('conflicts');
    expect(consolidationNotice(base).tone).toBe('success');
  });

  it('a conflict: a row after "late", with the agency and its files, and the notice turns to a warning', () => {
    const s = { ...base, conflicts: [{ agency: { code: 'SYT', name: 'Sở Y tế' }, files: ['C:\\bc\\SYT.xlsx', 'C:\\bc\\SYT_v2.xlsx'] }] };
    const rows = consolidationRows(s);
    expect(rows.map((r) => r.key)).toEqual(['submitted', 'missing', 'late', 'conflicts', 'replaced', 'rejected']);
    const row = rows[3]!;
    expect([row.count, row.tone]).toEqual([1, 'danger']);
    expect(row.label('vi')).toBe('Trùng tệp, cần chọn: 1 đơn vị (chưa tính vào tổng hợp)');
    expect(row.items.map((i) => i('vi'))).toEqual(['Sở Y tế: SYT.xlsx, SYT_v2.xlsx — các tệp khác nhau nhưng cùng thời điểm lưu; bỏ tệp không dùng rồi tổng hợp lại.']);
    expect(row.label('en')).toBe('Conflicting files, choose one: 1 agency (not in the totals)');
    expect(consolidationNotice(s).tone).toBe('warning');
  });

  it('the notice: unreadable "Ngày nhận" cells, and agencies judged by the saved time', () => {
    const problem = '"Theo dõi nộp báo cáo"!I7 (đơn vị SNV): "hôm qua" không phải ngày.';
    const s = { ...base, receivedProblems: [problem], datedBySave: 2 };
    const lines = consolidationNotice(s).lines.map((l) => l('vi'));
    expect(lines).toContain(problem);
    expect(lines).toContain('2 đơn vị chưa có "Ngày nhận" trên trang "Theo dõi nộp báo cáo": hạn nộp tạm tính theo ngày lưu tệp. Gõ ngày nhận vào cột đó rồi tổng hợp lại.');
    expect(consolidationNotice(s).tone).toBe('warning');
  });
});

describe('the pane hands consolidation what it needs to order re-sends', () => {
  it('a picked file brings its File.lastModified', async () => {
    const picked = { name: 'SNV.xlsx', lastModified: 1_772_000_000_000, arrayBuffer: async () => new ArrayBuffer(2) };
    const f = inputFile(picked);
    expect(f.lastModified).toBe(1_772_000_000_000);
    expect((await f.read()).length).toBe(2);
    expect(inputFile({ name: 'x.xlsx', arrayBuffer: async () => new ArrayBuffer(0) }).lastModified).toBeUndefined();
  });

  it('an opened workbook brings when it was last saved (dcterms:modified)', async () => {
    const wb = FileWorkbook.create();
    wb.workbook.addWorksheet('A');
    const opened = openResult(await openForReadingAnywhere(await wb.toBuffer(new Date('2026-02-24T09:30:00Z'))));
    expect(opened.ok && opened.savedAt).toBe('2026-02-24T09:30:00.000Z');
    expect(openResult({ ok: false, reason: 'hỏng' })).toEqual({ ok: false, reason: 'hỏng' });
  });
});
