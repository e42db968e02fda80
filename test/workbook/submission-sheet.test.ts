/**
 * "Theo dõi nộp báo cáo": the "Thời hạn" text written for a late file, the rule that colours its row and the reader
 * of the sheet agree (one wording, lateText / lateDaysOf); the subtitle says when a choice "Có" is taken off.
 */
import { describe, expect, it } from 'vitest';
import { mustDay } from '../../src/domain/calendar';
import { readSubmissions } from '../../src/workbook/consolidation-read';
import { lateAgencyText, lateDaysOf, lateText, submissionSheet, type SubmissionLine } from '../../src/workbook/consolidation-sheets';
import type { Grid, GridValue } from '../../src/workbook/grid';
import type { SheetSpec } from '../../src/workbook/sheet-spec';

function line(code: string, daysLate: number | null, late: boolean): SubmissionLine {
  return {
    code, name: `Đơn vị ${code}`, kind: 'so-ban-nganh', files: [`${code}.xlsx`], conflict: false, reportingYear: 2025, saved: null,
    received: null, basis: 'saved', daysLate, late, errors: 0, warnings: 0, inTotals: true,
  };
}

/** The sheet's cells as a reader gets them (every block starts in column A; dates are not needed here). */
function gridOf(spec: SheetSpec): Grid {
  const values: GridValue[][] = [];
  for (const block of spec.blocks) {
    const top = Number(/\d+$/.exec(block.at)?.[0]);
    block.rows.forEach((row, i) => {
      values[top - 1 + i] = row.map((v) => (v !== null && typeof v === 'object' ? null : v));
    });
  }
  return { name: spec.name, values };
}

describe('"Thời hạn" of a late file', () => {
  it('reads back the days it was written with, and nothing from other texts', () => {
    expect(lateDaysOf(lateText(12))).toBe(12);
    expect(lateDaysOf('Đúng hạn')).toBeNull();
    expect(lateDaysOf('Không rõ ngày')).toBeNull();
  });

  it('names a late agency the same way in the reminder and the reports: "name (chậm n ngày)"', () => {
    expect(lateAgencyText('Sở Tài chính', 6)).toBe('Sở Tài chính (chậm 6 ngày)');
  });

  it('is what the sheet writes, colours and reads back', () => {
    const spec = submissionSheet([line('SNV', 9, true), line('STC', 0, false)], {
      asOf: mustDay(2026, 3, 20), deadline: mustDay(2026, 2, 28), deadlineText: 'trước ngày 28/02/2026', year: 2025,
    });
    const read = readSubmissions(gridOf(spec));
    expect(read?.rows.map((r) => [r.code, r.late, r.daysLate])).toEqual([['SNV', true, 9], ['STC', false, null]]);
    const written = gridOf(spec).values.flat().filter((v): v is string => typeof v === 'string' && lateDaysOf(v) !== null);
    expect(written).toEqual([lateText(9)]);
    // The colouring rule: =LEFT($K5,n)="…" holds for the late text and not for the on-time one.
    const rule = spec.conditionalFormats.find((f) => f.type === 'expression' && /LEFT\(/.test(f.formula));
    const m = /LEFT\(\$[A-Z]+\d+,(\d+)\)="([^"]+)"/.exec(rule && 'formula' in rule ? rule.formula : '');
    expect(m).not.toBeNull();
    expect(lateText(9).slice(0, Number(m![1]))).toBe(m![2]);
    expect('Đúng hạn'.slice(0, Number(m![1]))).not.toBe(m![2]);
  });

  it('the subtitle says a choice "Có" is taken off for another file and for other warnings in the same file', () => {
    const spec = submissionSheet([line('SNV', 9, true)], { asOf: mustDay(2026, 3, 20), deadline: null, deadlineText: '', year: 2025 });
    const subtitle = String(spec.blocks.find((b) => b.at === 'A2')?.rows[0]?.[0]);
    expect(subtitle).toContain('đơn vị gửi tệp khác');
    expect(subtitle).toContain('lần kiểm tra sau thấy cảnh báo khác trong tệp');
  });
});
