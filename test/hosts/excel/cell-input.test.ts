import { describe, expect, it } from 'vitest';
import { mustDay, toExcelSerial } from '../../../src/domain/calendar';
import { excelInput, needsTextGuard } from '../../../src/hosts/excel/cell-input';

describe('needsTextGuard', () => {
  it('guards what Excel would read as a formula, number, date, time, boolean or error', () => {
    for (const t of ['=1+1', '+84 912', '-5', '@x', '0123', '15/3/2026', "'quoted", '50%', '1,234', '.5', '(5)', '$5', '₫5', '2026-03-15', '10:30', 'TRUE', 'false', '#N/A', '#DIV/0!', 'Mar 2026', 'march 15', ' 42', '1e5', '16a', '1.0.0']) {
      expect(needsTextGuard(t), t).toBe(true);
    }
  });

  it('leaves ordinary text alone', () => {
    for (const t of ['', ' ', 'Hoàn thành', 'Nội dung công việc', 'Không nêu thời hạn', 'Tháng 01/2026', 'Trước ngày 31/3/2026', 'TT', 'a=b', 'e-mail', 'Sở Nội vụ', '# số', 'Mary']) {
      expect(needsTextGuard(t), t).toBe(false);
    }
  });
});

describe('excelInput', () => {
  it('turns SheetSpec cells into Range.formulas input', () => {
    expect(excelInput(null)).toBeNull();
    expect(excelInput('Hoàn thành')).toBe('Hoàn thành');
    expect(excelInput('1')).toBe("'1");
    expect(excelInput("'x")).toBe("''x");
    expect(excelInput(12.5)).toBe(12.5);
    expect(excelInput(Number.NaN)).toBeNull();
    expect(excelInput(true)).toBe(true);
    expect(excelInput({ formula: '=TODAY()' })).toBe('=TODAY()');
    expect(excelInput({ formula: 'SUM(A1:A3)' })).toBe('=SUM(A1:A3)');
    expect(excelInput({ date: mustDay(2026, 12, 31) })).toBe(toExcelSerial(mustDay(2026, 12, 31)));
  });
});
