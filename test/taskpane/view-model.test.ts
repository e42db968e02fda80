import { describe, expect, it } from 'vitest';
import { type Day, mustDay, toExcelSerial } from '../../src/domain/calendar';
import { DUE_STATES, dueStateLabel, type DueState } from '../../src/domain/due-state';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { insertTracker } from '../../src/app/insert-tracker';
import { summariseTracker, type SummaryTask, type TrackerSummary } from '../../src/app/tracker-summary';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { TRACKER_COL } from '../../src/workbook/tracker';
import {
  attentionModel, chipModel, errorNotice, featureLabel, foldVi, headerModel, insertNotice, parseSettings, searchAgencies,
  defaultSettingsForm, settingsFromSummary, shortText, totalTasks, type SettingsForm,
} from '../../src/taskpane/view-model';

const pack = defaultPlanPack();
const roster = defaultRoster();
const entries = roster.entries;
const names = (list: readonly RosterEntry[]) => list.map((e) => e.name);
const d = (y: number, m: number, dd: number): Day => mustDay(y, m, dd);

describe('foldVi', () => {
  it('drops diacritics, đ and case, and collapses spaces', () => {
    expect(foldVi('Phường Quyết Thắng')).toBe('phuong quyet thang');
    expect(foldVi('  ĐỨC   Xuân ')).toBe('duc xuan');
    expect(foldVi('Sở Giáo dục và Đào tạo')).toBe('so giao duc va dao tao');
  });

  it('treats composed and decomposed text alike', () => {
    expect(foldVi('Quyết'.normalize('NFD'))).toBe(foldVi('Quyết'.normalize('NFC')));
  });
});

describe('searchAgencies', () => {
  it('finds a ward by its name typed without diacritics', () => {
    expect(names(searchAgencies(entries, 'quyet thang'))[0]).toBe('Phường Quyết Thắng');
    expect(names(searchAgencies(entries, 'QUYET THANG'))[0]).toBe('Phường Quyết Thắng');
  });

  it('finds by the name with diacritics, and by the words of the name in any order', () => {
    expect(names(searchAgencies(entries, 'Quyết Thắng'))).toEqual(['Phường Quyết Thắng']);
    expect(names(searchAgencies(entries, 'thang quyet'))).toContain('Phường Quyết Thắng');
  });

  it('finds by code, exact code first', () => {
    expect(searchAgencies(entries, '05455')[0]?.code).toBe('05455');
    expect(searchAgencies(entries, 'snv')[0]?.name).toBe('Sở Nội vụ');
    expect(searchAgencies(entries, 'SNV')[0]?.code).toBe('SNV');
  });

  it('finds the departments by a word of their name and by their kind', () => {
    expect(names(searchAgencies(entries, 'noi vu'))).toContain('Sở Nội vụ');
    // "phuong" is also how "Phượng" folds: the 15 wards come first, then Xã Phượng Tiến, Xã Kim Phượng.
    const wards = searchAgencies(entries, 'phuong');
    expect(wards.slice(0, 15).every((e) => e.kind === 'phuong')).toBe(true);
    expect(names(wards.slice(15))).toEqual(['Xã Phượng Tiến', 'Xã Kim Phượng']);
    // Typed with its diacritics, "Phượng" puts the two communes first.
    expect(names(searchAgencies(entries, 'Phượng')).slice(0, 2)).toEqual(['Xã Phượng Tiến', 'Xã Kim Phượng']);
  });

  it('ranks names starting with the query above names containing it', () => {
    const list = names(searchAgencies(entries, 'tai chinh'));
    expect(list[0]).toBe('Sở Tài chính');
  });

  it('prefers the exact diacritics the user typed', () => {
    const withMarks = searchAgencies(entries, 'Bắc');
    const first = withMarks[0];
    expect(first?.name.normalize('NFC').toLocaleLowerCase('vi')).toContain('bắc');
  });

  it('lists every agency in roster order for an empty query, and nothing for a query matching nothing', () => {
    expect(searchAgencies(entries, '   ')).toHaveLength(entries.length);
    expect(searchAgencies(entries, '')[0]).toBe(entries[0]);
    expect(searchAgencies(entries, 'zzzz')).toEqual([]);
  });

  it('holds the whole default roster', () => {
    expect(entries.length).toBeGreaterThanOrEqual(100);
  });
});

// A summary built from a real tracker written to an .xlsx file, as of 01/03/2026.
async function summaryFor(code: string, asOf: Day, window: number, edit?: (wb: FileWorkbook) => void): Promise<TrackerSummary> {
  const wb = FileWorkbook.create();
  const agency = findAgency(roster, code)!;
  await insertTracker(wb, { pack, agency, now: new Date('2026-03-01T03:00:00Z'), confirm: async () => false, asOf, window });
  edit?.(wb);
  const result = await summariseTracker(wb, pack, Date.UTC(2026, 10, 29, 3));
  if (!result.ok) throw new Error('no tracker');
  return result.summary;
}

function rowOf(wb: FileWorkbook, id: string): number {
  const grid = wb.grid(pack.trackerSheetName)!;
  return grid.values.findIndex((row) => row[0] === id) + 1;
}

describe('chipModel', () => {
  it('counts per state in a fixed order, hides empty states but always shows overdue and due soon', () => {
    const counts = Object.fromEntries(DUE_STATES.map((s) => [s, 0])) as Record<DueState, number>;
    counts['recurring'] = 5;
    counts['done-on-time'] = 2;
    const chips = chipModel(counts);
    expect(chips.map((c) => [c.state, c.count, c.tone])).toEqual([
      ['overdue', 0, 'danger'],
      ['due-soon', 0, 'warning'],
      ['recurring', 5, 'neutral'],
      ['done-on-time', 2, 'success'],
    ]);
    expect(chips[0]?.label('vi')).toBe('Quá hạn');
    expect(chips[0]?.label('en')).toBe('Overdue');
    expect(totalTasks(counts)).toBe(7);
  });

  it('colours not-open grey and done-late green', () => {
    const counts = Object.fromEntries(DUE_STATES.map((s) => [s, 1])) as Record<DueState, number>;
    const tones = Object.fromEntries(chipModel(counts).map((c) => [c.state, c.tone]));
    expect(tones).toMatchObject({ 'not-open': 'muted', 'done-late': 'success', 'on-track': 'neutral', 'not-applicable': 'neutral' });
  });

  it('agrees with the summary of a real tracker', async () => {
    const s = await summaryFor('05455', d(2026, 3, 1), 30);
    const chips = chipModel(s.counts);
    expect(chips.reduce((n, c) => n + c.count, 0)).toBe(s.tasks.length);
    expect(chips.find((c) => c.state === 'overdue')?.count).toBe(s.counts.overdue);
    expect(s.counts.overdue).toBeGreaterThan(0);
  });
});

describe('attentionModel', () => {
  it('lists overdue tasks (most days first), then tasks due soon (fewest days left first), formatted', async () => {
    const s = await summaryFor('05455', d(2026, 3, 1), 30);
    const items = attentionModel(s.tasks);
    const states = items.map((i) => i.state);
    expect(states.indexOf('due-soon') === -1 || states.lastIndexOf('overdue') < states.indexOf('due-soon')).toBe(true);
    const overdue = items.filter((i) => i.state === 'overdue').map((i) => i.days);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    const soon = items.filter((i) => i.state === 'due-soon').map((i) => i.days);
    expect(soon).toEqual([...soon].sort((a, b) => a - b));
    // Row 1 of the appendix: "Tháng 01/2026" → due 31/01/2026, 29 days overdue on 01/03/2026.
    const first = items.find((i) => i.id === '1');
    expect(first?.label('vi')).toBe('Quá hạn (29 ngày)');
    expect(first?.label('en')).toBe('Overdue (29 days)');
    expect(first?.dueText).toBe('31/01/2026');
    expect(first?.range).toMatch(/^A\d+:N\d+$/); // the whole row, to the "Mốc năm" column
    // Quý I/2026 → due 31/03/2026: 30 days left, inside a 30-day window.
    const q1 = items.find((i) => i.id === '2');
    expect(q1?.label('vi')).toBe('Sắp đến hạn (còn 30 ngày)');
    expect(q1?.dueText).toBe('31/03/2026');
  });

  it('leaves out done tasks and keeps sheet order for equal days', async () => {
    const s = await summaryFor('05455', d(2026, 3, 1), 30, (wb) => {
      const ws = wb.workbook.getWorksheet(pack.trackerSheetName)!;
      ws.getCell(rowOf(wb, '1'), TRACKER_COL.status).value = 'Hoàn thành';
      ws.getCell(rowOf(wb, '1'), TRACKER_COL.completion).value = toExcelSerial(d(2026, 1, 20));
    });
    const items = attentionModel(s.tasks);
    expect(items.find((i) => i.id === '1')).toBeUndefined();
    const q1 = items.filter((i) => i.dueText === '31/03/2026').map((i) => i.id);
    expect(q1.slice(0, 3)).toEqual(['2', '3', '4']);
  });

  it('uses the same Vietnamese labels as the sheet', () => {
    const task = pack.tasks[0]!;
    const mk = (state: 'overdue' | 'due-soon', days: number, row: number): SummaryTask => ({
      task, row, range: `A${row}:M${row}`, dueDate: d(2026, 1, 31),
      due: { state, days, daysLeft: state === 'overdue' ? -days : days, label: dueStateLabel(state, days) },
    });
    const items = attentionModel([mk('due-soon', 3, 9), mk('overdue', 2, 8), mk('overdue', 12, 7), mk('due-soon', 0, 10)]);
    expect(items.map((i) => i.label('vi'))).toEqual([
      dueStateLabel('overdue', 12), dueStateLabel('overdue', 2), dueStateLabel('due-soon', 0), dueStateLabel('due-soon', 3),
    ]);
    expect(items[0]?.label('vi')).toBe('Quá hạn (12 ngày)');
    expect(items[2]?.label('en')).toBe('Due soon (0 days left)');
  });
});

describe('shortText', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(shortText('Ban hành   Kế hoạch')).toBe('Ban hành Kế hoạch');
    const long = pack.tasks.find((t) => t.content.length > 200)!.content;
    const cut = shortText(long, 60);
    expect([...cut].length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.replace(/\s+/g, ' ').startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('parseSettings', () => {
  const form = (over: Partial<SettingsForm>): SettingsForm => ({ asOfMode: 'today', asOfText: '', windowText: '14', inclusive: false, ...over });

  it('accepts today, a window and the inclusive choice', () => {
    expect(parseSettings(form({ inclusive: true }))).toEqual({ ok: true, value: { asOf: 'today', window: 14, inclusiveBefore: true } });
    expect(parseSettings(form({ windowText: ' 0 ' }))).toMatchObject({ ok: true, value: { window: 0 } });
    expect(parseSettings(form({ windowText: '366' }))).toMatchObject({ ok: true, value: { window: 366 } });
  });

  it('reads a fixed date day first, with or without leading zeros', () => {
    expect(parseSettings(form({ asOfMode: 'fixed', asOfText: '31/03/2026' }))).toMatchObject({ ok: true, value: { asOf: d(2026, 3, 31) } });
    expect(parseSettings(form({ asOfMode: 'fixed', asOfText: '5/2/2026' }))).toMatchObject({ ok: true, value: { asOf: d(2026, 2, 5) } });
    expect(parseSettings(form({ asOfMode: 'fixed', asOfText: '03/04/2026' }))).toMatchObject({ ok: true, value: { asOf: d(2026, 4, 3) } });
  });

  it('never reads a date month first, and says how to write it', () => {
    const r = parseSettings(form({ asOfMode: 'fixed', asOfText: '02/30/2026' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.asOf?.('vi')).toBe('"02/30/2026" không phải một ngày có thật. Nhập ngày trước, tháng sau (dd/mm/yyyy), ví dụ 31/03/2026.');
    expect(r.errors.window).toBeUndefined();
  });

  it('rejects dates that do not exist and text that is not a date', () => {
    for (const text of ['29/02/2026', '31/04/2026', '2026-03-31', 'hôm nay', '31/3/26']) {
      expect(parseSettings(form({ asOfMode: 'fixed', asOfText: text })).ok, text).toBe(false);
    }
    const empty = parseSettings(form({ asOfMode: 'fixed', asOfText: '  ' }));
    expect(!empty.ok && empty.errors.asOf?.('vi')).toBe('Nhập ngày đối chiếu dạng dd/mm/yyyy, ví dụ 31/03/2026.');
  });

  it('ignores the date text when the as-of is today', () => {
    expect(parseSettings(form({ asOfMode: 'today', asOfText: 'rác' })).ok).toBe(true);
  });

  it('wants the window as a whole number of days from 0 to 366', () => {
    for (const text of ['-1', '1,5', '1.5', '367', 'mười', '1e2', '14 ngày']) {
      const r = parseSettings(form({ windowText: text }));
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.errors.window?.('vi')).toBe(`"${text}" không hợp lệ: số ngày báo trước là một số nguyên từ 0 đến 366.`);
    }
    const empty = parseSettings(form({ windowText: '' }));
    expect(!empty.ok && empty.errors.window?.('vi')).toBe('Nhập số ngày báo trước: một số nguyên từ 0 đến 366.');
  });

  it('reports both fields at once, in either language', () => {
    const r = parseSettings(form({ asOfMode: 'fixed', asOfText: '32/01/2026', windowText: 'x' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.asOf?.('en')).toContain('is not a real date');
    expect(r.errors.window?.('en')).toContain('whole number from 0 to 366');
  });
});

describe('settingsFromSummary and headerModel', () => {
  it('fills the form and the header from the workbook', async () => {
    const s = await summaryFor('SNV', d(2026, 6, 30), 10);
    expect(settingsFromSummary(s)).toEqual({ asOfMode: 'fixed', asOfText: '30/06/2026', windowText: '10', inclusive: false });
    const head = headerModel(pack, s, Date.UTC(2026, 0, 1));
    expect(head.title).toBe('Kế hoạch công tác văn thư, lưu trữ năm 2026');
    expect(head.asOf('vi')).toBe('Ngày đối chiếu: 30/06/2026 (cố định)');
    expect(head.agency?.('vi')).toBe('Đơn vị: Sở Nội vụ (mã SNV)');
  });

  it('before a tracker is read, offers the form a tracker inserted with no settings would fill', async () => {
    const wb = FileWorkbook.create();
    const now = Date.UTC(2026, 2, 1, 3);
    await insertTracker(wb, { pack, agency: findAgency(roster, 'SNV')!, now: new Date(now), confirm: async () => false });
    const result = await summariseTracker(wb, pack, now);
    if (!result.ok) throw new Error('no tracker');
    expect(defaultSettingsForm(now)).toEqual(settingsFromSummary(result.summary));
  });

  it('shows today in Vietnam without a tracker', () => {
    const head = headerModel(pack, null, Date.UTC(2026, 2, 14, 18, 0));
    expect(head.asOf('vi')).toBe('Ngày đối chiếu: 15/03/2026 (hôm nay)');
    expect(head.agency).toBeNull();
  });
});

describe('insertNotice', () => {
  it('says how many tasks were written and whose entries were kept', async () => {
    const wb = FileWorkbook.create();
    const agency = findAgency(roster, '05455')!;
    const result = await insertTracker(wb, { pack, agency, now: new Date('2026-03-01T03:00:00Z'), confirm: async () => false });
    if (!result.ok) throw new Error('cancelled');
    const n = insertNotice(result, agency, []);
    const tasks = result.layout.rows.length;
    expect(n.tone).toBe('success');
    expect(n.lines.map((l) => l('vi'))).toEqual([`Đã chèn bảng theo dõi cho Phường Quyết Thắng: ${tasks} nhiệm vụ.`]);
  });

  it('lists what the host skipped on an older Excel, once each, by name', async () => {
    const wb = FileWorkbook.create();
    const agency = findAgency(roster, 'SNV')!;
    const result = await insertTracker(wb, { pack, agency, now: new Date('2026-03-01T03:00:00Z'), confirm: async () => false });
    if (!result.ok) throw new Error('cancelled');
    const n = insertNotice(result, agency, ['pageLayout', 'indent', 'pageLayout', 'somethingNew']);
    expect(n.tone).toBe('warning');
    expect(n.lines[1]?.('vi')).toBe(
      'Phiên bản Excel này chưa hỗ trợ nên đã bỏ qua: thiết lập trang in, thụt lề chữ, tính năng "somethingNew". Bảng theo dõi vẫn dùng được.',
    );
    expect(featureLabel('dataValidation', 'en')).toBe('drop-downs and input checks');
  });
});

describe('errorNotice', () => {
  it('turns Office.js error codes into advice, in Vietnamese', () => {
    const e = Object.assign(new Error('The request failed'), { code: 'InvalidOperationInCellEditMode' });
    expect(errorNotice(e).lines.map((l) => l('vi'))).toEqual([
      'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để kết thúc việc sửa ô, rồi thử lại.',
    ]);
    expect(errorNotice({ code: 'AccessDenied' }).lines[0]?.('vi')).toContain('đang được bảo vệ');
  });

  it('never shows the exception text or a stack trace', () => {
    const e = new TypeError("Cannot read properties of undefined (reading 'values')");
    const lines = errorNotice(e).lines.map((l) => l('vi'));
    expect(lines).toEqual(['Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, đóng rồi mở lại bảng điều khiển.']);
    expect(lines.join(' ')).not.toMatch(/TypeError|at |undefined/);
    const odd = errorNotice({ code: 'SomethingNew' }).lines.map((l) => l('vi'));
    expect(odd[1]).toBe('Mã lỗi của Excel: SomethingNew.');
    expect(errorNotice({ code: 'x\n at y()' }).lines).toHaveLength(1);
    expect(errorNotice('a string').tone).toBe('error');
    expect(errorNotice(null).tone).toBe('error');
  });
});

describe('insert message', () => {
  it('mentions kept entries only when there were some', async () => {
    const { t } = await import('../../src/domain/i18n');
    expect(t('vi', 'pane.insert.done', { agency: 'Sở Tài chính', tasks: 25, kept: 2 })).toBe(
      'Đã chèn bảng theo dõi cho Sở Tài chính: 25 nhiệm vụ; giữ nội dung đã nhập của 2 nhiệm vụ.',
    );
    expect(t('en', 'pane.insert.done', { agency: 'STC', tasks: 25, kept: 0 })).toBe('Inserted the tracker for STC: 25 tasks.');
  });
});
