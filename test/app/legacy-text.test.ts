/** The bookkeeping of "Chuyển sang Unicode" / "Hoàn tác" (src/app/legacy-text.ts): pure, without a host. */
import { describe, expect, it } from 'vitest';
import {
  LEGACY_SHEET, convertLegacyText, legacyCellIssues, legacyRecordSheet, legacyTargets, planConvert, planUndo, readLegacyRecord, targetSheets,
  type CellContent, type CellTextReading, type LegacyEntry,
} from '../../src/app/legacy-text';
import { fillKey } from '../../src/app/cell-fill';
import { toTcvn3, toVni } from '../../src/domain/legacy-encoding';
import { issue } from '../../src/domain/validation/issue';
import type { Grid, GridValue } from '../../src/workbook/grid';
import type { SheetSpec } from '../../src/workbook/sheet-spec';

const legacy = (sheet: string, cell: string, value: string) => issue('warning', 'legacy-encoding', sheet, cell, value, { encoding: 'TCVN3 (ABC)', sample: '' });

/** The grid a host reads back from a record sheet written from `spec` (values only, text as written). */
function gridOf(spec: SheetSpec): Grid {
  const values: GridValue[][] = [];
  for (const block of spec.blocks) {
    const top = Number(/\d+/.exec(block.at)?.[0] ?? 1);
    block.rows.forEach((row, i) => {
      values[top - 1 + i] = row.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null));
    });
  }
  return { name: spec.name, values: Array.from(values, (r) => r ?? []) };
}

function reading(cells: Partial<CellContent>[], record: LegacyEntry[] | null): CellTextReading {
  const map = new Map<string, CellContent>();
  for (const c of cells) {
    const full: CellContent = { sheet: 'Theo dõi', cell: 'A1', value: null, formula: false, locked: false, ...c };
    map.set(fillKey(full), full);
  }
  return { cells: map, recordSheet: LEGACY_SHEET, record: record === null ? null : gridOf(legacyRecordSheet(record)) };
}

const OLD = toTcvn3('Đang thực hiện');
const NOTE = toVni('Chờ ý kiến');

describe('legacyTargets', () => {
  it('one target per cell holding text, from legacy findings only, not the whole-file ones nor hidden sheets', () => {
    const targets = legacyTargets([
      legacy('Theo dõi', '$h$8', OLD),
      legacy('Theo dõi', 'H8', OLD),
      legacy('', '', 'Së Néi vô'),
      legacy('_vtlt_meta', 'B2', OLD),
      legacy('0801', 'A1:B2', OLD),
      issue('error', 'not-a-number', '0804', 'E12', 'abc'),
      issue('warning', 'legacy-encoding', '0804', 'E13', 12),
      legacy('0801', 'C40', NOTE),
    ]);
    expect(targets).toEqual([{ sheet: 'Theo dõi', cell: 'H8', text: OLD }, { sheet: '0801', cell: 'C40', text: NOTE }]);
    expect(targetSheets([...targets, { sheet: '0801', cell: 'A41' }])).toEqual([{ sheet: 'Theo dõi', count: 1 }, { sheet: '0801', count: 2 }]);
  });
});

describe('legacyCellIssues', () => {
  const grid: Grid = {
    name: 'Theo dõi',
    values: [['Ghi chú', OLD, 'plain ASCII'], [NOTE, 'Hoàn thành', OLD]],
    formulas: [[null, null, null], [null, null, `="${OLD}"`]],
  };

  it('finds legacy text in any cell, but not formulas, Unicode, ASCII, hidden sheets or cells already reported', () => {
    const found = legacyCellIssues([grid, { name: '_vtlt_plan', values: [[OLD]] }], [legacy('Theo dõi', 'B1', OLD)]);
    expect(found).toEqual([
      issue('warning', 'legacy-encoding', 'Theo dõi', 'A2', NOTE, { encoding: 'VNI-Windows', sample: 'Chờ ý kiến' }),
    ]);
  });
});

describe('the record sheet', () => {
  const entries: LegacyEntry[] = [
    { sheet: 'Theo dõi', cell: 'H8', old: OLD, new: 'Đang thực hiện' },
    { sheet: '0801', cell: 'C40', old: toTcvn3('=Số liệu'), new: '=Số liệu' },
  ];

  it('is very hidden, all text, and reads back to the same entries', () => {
    const spec = legacyRecordSheet(entries);
    expect(spec.name).toBe('_vtlt_unicode');
    expect(spec.visibility).toBe('veryHidden');
    expect(spec.styleRanges).toContainEqual({ range: 'A3:D4', style: 'text' });
    expect(spec.styles['text']).toEqual({ numberFormat: '@' });
    expect(readLegacyRecord(gridOf(spec))).toEqual(entries);
  });

  it('skips rows that do not read, and keeps the last row of a cell', () => {
    const grid: Grid = {
      name: LEGACY_SHEET,
      values: [['note'], ['head'], ['Theo dõi', 'H8', 'a', 'b'], ['Theo dõi', 'x', 'a', 'b'], ['', 'H9', 'a', 'b'], ['Theo dõi', 'H8', 'c', 'd'], ['Theo dõi', 'H10', 'same', 'same']],
    };
    expect(readLegacyRecord(grid)).toEqual([{ sheet: 'Theo dõi', cell: 'H8', old: 'c', new: 'd' }]);
    expect(readLegacyRecord(null)).toEqual([]);
  });
});

describe('planConvert', () => {
  const targets = legacyTargets([legacy('Theo dõi', 'H8', OLD), legacy('Theo dõi', 'L9', NOTE), legacy('0801', 'A1', OLD), legacy('0801', 'C40', NOTE), legacy('Gone', 'A1', OLD)]);

  it('converts cells still holding the text found; leaves changed, formula, locked and missing ones', () => {
    const plan = planConvert(targets, reading([
      { cell: 'H8', value: OLD },
      { cell: 'L9', value: 'typed since' },
      { sheet: '0801', cell: 'A1', value: OLD, locked: true },
      { sheet: '0801', cell: 'C40', value: NOTE, formula: true },
    ], [{ sheet: 'Theo dõi', cell: 'B2', old: 'x', new: 'y' }]));
    expect(plan.changes).toEqual([{ sheet: 'Theo dõi', cell: 'H8', text: 'Đang thực hiện' }]);
    expect(plan.left).toEqual([
      { sheet: 'Theo dõi', cell: 'L9', reason: 'changed' },
      { sheet: '0801', cell: 'A1', reason: 'protected' },
      { sheet: '0801', cell: 'C40', reason: 'changed' },
      { sheet: 'Gone', cell: 'A1', reason: 'missing' },
    ]);
    expect(plan.record).toEqual([
      { sheet: 'Theo dõi', cell: 'B2', old: 'x', new: 'y' },
      { sheet: 'Theo dõi', cell: 'H8', old: OLD, new: 'Đang thực hiện' },
    ]);
  });
});

describe('planUndo', () => {
  const record: LegacyEntry[] = [
    { sheet: 'Theo dõi', cell: 'H8', old: OLD, new: 'Đang thực hiện' },
    { sheet: 'Theo dõi', cell: 'L9', old: NOTE, new: 'Chờ ý kiến' },
    { sheet: '0801', cell: 'C40', old: NOTE, new: 'Chờ ý kiến' },
    { sheet: 'Gone', cell: 'A1', old: OLD, new: 'Đang thực hiện' },
  ];

  it('restores cells still holding the new text; drops changed and missing ones; keeps locked ones to try again', () => {
    const plan = planUndo(reading([
      { cell: 'H8', value: 'Đang thực hiện' },
      { cell: 'L9', value: 'Đã có ý kiến' },
      { sheet: '0801', cell: 'C40', value: 'Chờ ý kiến', locked: true },
    ], record));
    expect(plan.changes).toEqual([{ sheet: 'Theo dõi', cell: 'H8', text: OLD }]);
    expect(plan.left).toEqual([
      { sheet: 'Theo dõi', cell: 'L9', reason: 'changed' },
      { sheet: '0801', cell: 'C40', reason: 'protected' },
      { sheet: 'Gone', cell: 'A1', reason: 'missing' },
    ]);
    expect(plan.record).toEqual([record[2]]);
  });

  it('leaves no record once every cell is handled', () => {
    const plan = planUndo(reading([{ cell: 'H8', value: 'Đang thực hiện' }], [record[0]!]));
    expect(plan.record).toBeNull();
  });
});

describe('convertLegacyText', () => {
  it('with nothing left to convert, writes nothing and says how many cells the record still lists', async () => {
    const recorded: LegacyEntry[] = [
      { sheet: 'Theo dõi', cell: 'H9', old: OLD, new: 'Đang thực hiện' },
      { sheet: '0801', cell: 'C40', old: NOTE, new: 'Chờ ý kiến' },
    ];
    let writes = 0;
    const port = {
      readTexts: async () => reading([{ cell: 'H8', value: 'Đã sửa tay' }], recorded),
      writeTexts: async () => {
        writes++;
      },
    };
    const result = await convertLegacyText(port, [legacy('Theo dõi', 'H8', OLD)]);
    expect(result).toEqual({ changed: 0, left: [{ sheet: 'Theo dõi', cell: 'H8', reason: 'changed' }], recorded: 2 });
    expect(writes).toBe(0);
  });
});
