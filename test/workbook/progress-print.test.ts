/**
 * "Tiến độ nhiệm vụ" on paper: landscape at 100 % across pages, the task labels and headings (rows 3–4) and the
 * agencies' code and name (columns A–B) repeated on each; the labels are the start of each task's content, and the
 * sheet still reads back the same (the reader finds the headings, not a row number).
 */
import { describe, expect, it } from 'vitest';
import { DUE_STATES, type DueState } from '../../src/domain/due-state';
import { mustDay } from '../../src/domain/calendar';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack } from '../../src/packs';
import { readProgress } from '../../src/workbook/consolidation-read';
import { PROGRESS_SHEET, progressSheet, shortLabel, TASK_LABEL_LENGTH } from '../../src/workbook/consolidation-sheets';

const pack = defaultPlanPack();
const zero = Object.fromEntries([...DUE_STATES, 'not-reported'].map((k) => [k, 0])) as Record<DueState | 'not-reported', number>;
const counts = new Map(pack.tasks.map((t) => [t.id, zero]));
const agencies = [
  { code: 'SNV', name: 'Sở Nội vụ', submitted: true, cells: new Map(pack.tasks.map((t) => [t.id, 'Quá hạn (3 ngày)'])) },
  { code: '05455', name: 'Phường Quyết Thắng', submitted: false, cells: new Map(pack.tasks.map((t) => [t.id, ''])) },
];

describe('"Tiến độ nhiệm vụ" printed', () => {
  const spec = progressSheet(pack, agencies, counts, mustDay(2026, 11, 23));

  it('prints landscape at 100 % with the label and heading rows and the code and name columns on every page', () => {
    expect(spec.name).toBe(PROGRESS_SHEET);
    expect(spec.print).toEqual({ orientation: 'landscape', paper: 'A4', fitToWidth: false, titleRows: '3:4', titleColumns: 'A:B' });
    expect(spec.freeze).toEqual({ rows: 4, columns: 2 });
  });

  it('labels each task column with the start of its content', () => {
    const labels = spec.blocks.find((b) => b.at === 'A3')?.rows[0] ?? [];
    expect(labels.length).toBe(pack.tasks.length + 3);
    pack.tasks.forEach((t, i) => {
      const label = String(labels[i + 2]);
      expect(label.length, t.id).toBeLessThanOrEqual(TASK_LABEL_LENGTH);
      expect(t.content.replace(/\s+/g, ' ').startsWith(label.replace(/…$/, '')), `${t.id}: "${label}"`).toBe(true);
    });
  });

  it('reads back the same agencies and tasks', async () => {
    const wb = FileWorkbook.create();
    await wb.write([spec]);
    const read = readProgress((await FileWorkbook.load(await wb.toBuffer())).grid(PROGRESS_SHEET)!, new Set(pack.tasks.map((t) => t.id)));
    expect(read?.taskIds).toEqual(pack.tasks.map((t) => t.id));
    expect(read?.agencies.map((a) => a.code)).toEqual(['SNV', '05455']);
  });

  it('cuts a label at a word, never in the middle of one', () => {
    expect(shortLabel('Xây dựng, ban hành Kế hoạch công tác văn thư', 20)).toBe('Xây dựng, ban hành…');
    expect(shortLabel('Ngắn gọn', 20)).toBe('Ngắn gọn');
  });
});
