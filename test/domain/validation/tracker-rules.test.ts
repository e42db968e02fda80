import { describe, expect, it } from 'vitest';
import { mustDay, toExcelSerial } from '../../../src/domain/calendar';
import { issueMessage } from '../../../src/domain/i18n';
import { checkTrackerRow, readStatus, type TrackerRowInput } from '../../../src/domain/validation/tracker-rules';
import { meantNumber, readDate, readNumber } from '../../../src/domain/validation/values';
import type { IssueValue } from '../../../src/domain/validation/issue';

const asOf = mustDay(2026, 6, 30);
const row = (status: IssueValue, completion: IssueValue = null, percent: IssueValue = null, note: IssueValue = null): TrackerRowInput => ({
  taskId: '16a',
  status: { cell: 'H20', value: status },
  completion: { cell: 'I20', value: completion },
  percent: { cell: 'J20', value: percent },
  note: { cell: 'L20', value: note },
});
const rules = (r: TrackerRowInput) => checkTrackerRow('Theo dõi nhiệm vụ 2026', r, asOf).map((i) => `${i.rule}@${i.cell}`);

describe('reading typed values', () => {
  it('recognises numbers typed as text and what they meant', () => {
    expect(meantNumber('1.234')).toBe(1234);
    expect(meantNumber('1.234.567,5')).toBe(1234567.5);
    expect(meantNumber('12 hồ sơ')).toBe(12);
    expect(meantNumber('1,5')).toBe(1.5);
    expect(meantNumber('12,5 mét giá')).toBe(12.5);
    expect(meantNumber('chưa có')).toBeNull();
    expect(readNumber('  ')).toEqual({ kind: 'empty' });
    expect(readNumber(0)).toEqual({ kind: 'number', value: 0 });
  });

  it('reads dates day first and never month first', () => {
    expect(readDate(toExcelSerial(mustDay(2026, 3, 15)))).toEqual({ kind: 'date', day: mustDay(2026, 3, 15) });
    expect(readDate('15/3/2026')).toEqual({ kind: 'text-date', text: '15/3/2026', meant: mustDay(2026, 3, 15) });
    expect(readDate('3/15/2026')).toEqual({ kind: 'invalid', text: '3/15/2026' });
    expect(readDate('31/02/2026').kind).toBe('invalid');
  });

  it('accepts statuses regardless of case and spacing but not others', () => {
    expect(readStatus('hoàn  thành')).toBe('Hoàn thành');
    expect(readStatus('')).toBeNull();
    expect(readStatus('Xong')).toBeUndefined();
  });

  it('reads a status text the same the second time and after many other texts (read texts are remembered, bounded)', () => {
    for (let i = 0; i < 3; i++) {
      expect(readStatus(' HOA\u0300N THÀNH ')).toBe('Hoàn thành');
      expect(readStatus('Xong')).toBeUndefined();
      expect(readStatus('   ')).toBeNull();
    }
    for (let i = 0; i < 3_000; i++) expect(readStatus(`Trạng thái ${i}`)).toBeUndefined();
    expect(readStatus('đang thực hiện')).toBe('Đang thực hiện');
  });
});

describe('tracker rules', () => {
  it('passes a complete, consistent row', () => {
    expect(rules(row('Hoàn thành', toExcelSerial(mustDay(2026, 2, 20)), 100))).toEqual([]);
    expect(rules(row('Đang thực hiện', null, 40))).toEqual([]);
    expect(rules(row(null))).toEqual([]);
    expect(rules(row('Không thực hiện', null, null, 'Đơn vị không có tài liệu thuộc diện nộp lưu'))).toEqual([]);
  });

  it('reports each broken rule at its cell', () => {
    expect(rules(row('Xong rồi'))).toEqual(['status-unknown@H20']);
    expect(rules(row('Hoàn thành'))).toEqual(['done-no-date@I20']);
    expect(rules(row('Hoàn thành', toExcelSerial(mustDay(2026, 7, 1))))).toEqual(['done-after-as-of@I20']);
    expect(rules(row('Không thực hiện'))).toEqual(['skipped-no-reason@L20']);
    expect(rules(row('Đang thực hiện', null, 120))).toEqual(['percent-range@J20']);
    expect(rules(row('Đang thực hiện', null, 100))).toEqual(['percent-100-not-done@J20']);
    expect(rules(row('Đang thực hiện', null, '50%'))).toEqual(['number-as-text@J20']);
    expect(rules(row('Đang thực hiện', null, 'một nửa'))).toEqual(['not-a-number@J20']);
    expect(rules(row('Hoàn thành', '15/3/2026', 100))).toEqual(['date-as-text@I20']);
    expect(rules(row('Hoàn thành', '3/15/2026', 100))).toEqual(['date-invalid@I20']);
  });

  it('names the fix in the message', () => {
    const [textDate] = checkTrackerRow('T', row('Hoàn thành', '15/3/2026'), asOf);
    expect(issueMessage('vi', textDate!)).toContain('15/03/2026');
    const [textNumber] = checkTrackerRow('T', row(null, null, '1.234'), asOf);
    expect(textNumber?.rule).toBe('number-as-text');
    expect(issueMessage('vi', textNumber!)).toContain('1234');
    expect(issueMessage('en', textNumber!)).toContain('1234');
  });
});
