/** The bookkeeping of "Tô màu lỗi" / "Bỏ tô màu" (src/app/highlight.ts): pure, without a host. */
import { describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_FILLS, HIGHLIGHT_SHEET, clearHighlight, fillKey, fillText, highlightIssues, highlightRecordSheet, highlightTargets,
  normaliseCell, parseFillKey, parseFillText, planHighlight, planUnhighlight, readHighlightRecord,
  type CellAt, type FillChange, type FillPort, type FillReading, type HighlightEntry, type SheetAccess,
} from '../../src/app/highlight';
import { issue, type Issue } from '../../src/domain/validation/issue';
import type { Grid } from '../../src/workbook/grid';
import type { SheetSpec } from '../../src/workbook/sheet-spec';

const err = (sheet: string, cell: string): Issue => issue('error', 'not-a-number', sheet, cell, 'abc');
const warn = (sheet: string, cell: string): Issue => issue('warning', 'stamp-missing', sheet, cell, null);

/** The grid a host reads back from a record sheet written from `spec` (values only, text as written). */
function gridOf(spec: SheetSpec): Grid {
  const values: (string | number | boolean | null)[][] = [];
  for (const block of spec.blocks) {
    const top = Number(/\d+/.exec(block.at)?.[0] ?? 1);
    block.rows.forEach((row, i) => {
      values[top - 1 + i] = row.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null));
    });
  }
  return { name: spec.name, values: Array.from(values, (r) => r ?? []) };
}

function access(...names: string[]): Map<string, SheetAccess> {
  return new Map(names.map((name) => [name.toLocaleLowerCase(), { name, protected: false, protectionOptions: null }]));
}

function reading(fills: [CellAt, string | null][], record: HighlightEntry[] | null, sheets = access('0804', 'Theo dõi')): FillReading {
  return {
    fills: new Map(fills.map(([c, f]) => [fillKey(c), f])),
    recordSheet: HIGHLIGHT_SHEET,
    record: record === null ? null : gridOf(highlightRecordSheet(record)),
    sheets,
  };
}

describe('cells and keys', () => {
  it('normalises one-cell addresses and refuses ranges', () => {
    expect(normaliseCell('$e$12')).toBe('E12');
    expect(normaliseCell(' B7 ')).toBe('B7');
    expect(normaliseCell('A1:B2')).toBeNull();
    expect(normaliseCell('')).toBeNull();
  });

  it('keys a cell by "sheet!cell", also for sheet names with "!"', () => {
    expect(fillKey({ sheet: '0804', cell: '$E$12' })).toBe('0804!E12');
    expect(parseFillKey('0804!E12')).toEqual({ sheet: '0804', cell: 'E12' });
    expect(parseFillKey('Báo cáo!quý 1!C3')).toEqual({ sheet: 'Báo cáo!quý 1', cell: 'C3' });
    expect(parseFillKey('E12')).toBeNull();
    expect(parseFillKey('0804!E1:E2')).toBeNull();
  });

  it('writes "no fill" as "none" and reads colours back in upper case', () => {
    expect(fillText(null)).toBe('none');
    expect(fillText('#ffc7ce')).toBe('#FFC7CE');
    expect(parseFillText('none')).toBeNull();
    expect(parseFillText(' #ffeb9c ')).toBe('#FFEB9C');
    expect(parseFillText('red')).toBeUndefined();
  });
});

describe('highlightTargets', () => {
  it('one target per cell, an error winning over a warning, light red and light amber', () => {
    const targets = highlightTargets([warn('0804', 'E12'), err('0804', 'e12'), warn('0805', 'D9'), err('0805', 'D9'), warn('0806', 'C3')]);
    expect(targets).toEqual([
      { sheet: '0804', cell: 'E12', severity: 'error', fill: HIGHLIGHT_FILLS.error },
      { sheet: '0805', cell: 'D9', severity: 'error', fill: '#FFC7CE' },
      { sheet: '0806', cell: 'C3', severity: 'warning', fill: '#FFEB9C' },
    ]);
  });

  it('leaves out findings about a whole sheet or file, ranges and the hidden sheets', () => {
    expect(highlightTargets([err('', ''), err('0804', ''), err('0804', 'A1:B2'), err('_vtlt_meta', 'B2'), err(HIGHLIGHT_SHEET, 'A3')])).toEqual([]);
  });
});

describe('the record sheet', () => {
  const entries: HighlightEntry[] = [
    { sheet: '0804', cell: 'E12', previous: null, applied: '#FFC7CE' },
    { sheet: 'Theo dõi', cell: 'H9', previous: '#FFF2CC', applied: '#FFEB9C' },
    { sheet: 'Theo dõi', cell: 'H10', previous: '#FFFFFF', applied: '#FFC7CE' },
  ];

  it('is very hidden, all text, and reads back to the same entries', () => {
    const spec = highlightRecordSheet(entries);
    expect(spec.name).toBe('_vtlt_highlight');
    expect(spec.visibility).toBe('veryHidden');
    expect(spec.styleRanges).toContainEqual({ range: 'A3:C5', style: 'text' });
    expect(spec.styles['text']).toEqual({ numberFormat: '@' });
    expect(spec.blocks[2]?.rows).toEqual([
      ['0804!E12', 'none', '#FFC7CE'],
      ['Theo dõi!H9', '#FFF2CC', '#FFEB9C'],
      ['Theo dõi!H10', '#FFFFFF', '#FFC7CE'],
    ]);
    expect(readHighlightRecord(gridOf(spec))).toEqual(entries);
  });

  it('skips rows that do not read, and keeps the first record of a cell (its original fill)', () => {
    const grid: Grid = {
      name: HIGHLIGHT_SHEET,
      values: [['note'], ['Ô', 'Màu nền trước khi tô', 'Màu đã tô'], ['0804!E12', '#00FF00', '#FFC7CE'], ['0804!E12', '#FFC7CE', '#FFC7CE'], ['x', 'none', '#FFC7CE'], ['0804!E13', 'green', '#FFC7CE']],
    };
    expect(readHighlightRecord(grid)).toEqual([{ sheet: '0804', cell: 'E12', previous: '#00FF00', applied: '#FFC7CE' }]);
    expect(readHighlightRecord(null)).toEqual([]);
  });
});

describe('planHighlight', () => {
  const targets = highlightTargets([err('0804', 'E12'), warn('Theo dõi', 'H9')]);

  it('records each cell\'s current fill (no fill included) and colours it', () => {
    const plan = planHighlight(targets, reading([[{ sheet: '0804', cell: 'E12' }, null], [{ sheet: 'Theo dõi', cell: 'H9' }, '#FFF2CC']], null));
    expect(plan.entries).toEqual([
      { sheet: '0804', cell: 'E12', previous: null, applied: '#FFC7CE' },
      { sheet: 'Theo dõi', cell: 'H9', previous: '#FFF2CC', applied: '#FFEB9C' },
    ]);
    expect(plan.changes).toEqual([
      { sheet: '0804', cell: 'E12', fill: '#FFC7CE' },
      { sheet: 'Theo dõi', cell: 'H9', fill: '#FFEB9C' },
    ]);
    expect(plan.restored).toBe(0);
  });

  it('highlighting again keeps the original fill, not the highlight it now reads', () => {
    const first: HighlightEntry[] = [{ sheet: '0804', cell: 'E12', previous: null, applied: '#FFC7CE' }];
    const plan = planHighlight(targets.slice(0, 1), reading([[{ sheet: '0804', cell: 'E12' }, '#FFC7CE']], first));
    expect(plan.entries).toEqual(first);
  });

  it('gives their fill back to cells of an earlier highlight that are no longer problems', () => {
    const earlier: HighlightEntry[] = [
      { sheet: '0804', cell: 'E12', previous: null, applied: '#FFC7CE' },
      { sheet: '0804', cell: 'E20', previous: '#DDEBF7', applied: '#FFC7CE' },
    ];
    const plan = planHighlight(targets.slice(0, 1), reading([[{ sheet: '0804', cell: 'E12' }, '#FFC7CE']], earlier));
    expect(plan.entries.map(fillKey)).toEqual(['0804!E12']);
    expect(plan.changes).toContainEqual({ sheet: '0804', cell: 'E20', fill: '#DDEBF7' });
    expect(plan.restored).toBe(1);
  });

  it('skips cells whose fill could not be read and cells of sheets that are gone', () => {
    const plan = planHighlight(targets, reading([[{ sheet: 'Theo dõi', cell: 'H9' }, null]], null, access('Theo dõi')));
    expect(plan.entries.map(fillKey)).toEqual(['Theo dõi!H9']);
    expect(plan.skipped).toEqual([{ sheet: '0804', cell: 'E12' }]);
  });
});

describe('planUnhighlight', () => {
  it('gives every recorded cell its original fill, except on sheets that are gone', () => {
    const record: HighlightEntry[] = [
      { sheet: '0804', cell: 'E12', previous: null, applied: '#FFC7CE' },
      { sheet: 'Theo dõi', cell: 'H9', previous: '#FFF2CC', applied: '#FFEB9C' },
      { sheet: 'Đã xoá', cell: 'A1', previous: '#000000', applied: '#FFEB9C' },
    ];
    expect(planUnhighlight(reading([], record))).toEqual([
      { sheet: '0804', cell: 'E12', fill: null },
      { sheet: 'Theo dõi', cell: 'H9', fill: '#FFF2CC' },
    ]);
  });
});

describe('the use cases over a port', () => {
  /** A port over an in-memory map of fills, counting its calls. */
  function memoryPort(initial: Record<string, string | null>) {
    const fills = new Map(Object.entries(initial));
    let record: HighlightEntry[] | null = null;
    const calls: string[] = [];
    const port: FillPort = {
      async readFills(cells) {
        calls.push('read');
        const seen = cells.map((c): [CellAt, string | null] => [c, fills.get(fillKey(c)) ?? null]);
        return reading(seen, record);
      },
      async setFills(changes: readonly FillChange[], _reading, spec) {
        calls.push('set');
        if (spec) record = readHighlightRecord(gridOf(spec));
        for (const c of changes) fills.set(fillKey(c), c.fill);
        if (!spec) record = null;
      },
    };
    return { port, fills, calls, record: () => record };
  }

  it('highlight then clear: two calls each, and every fill is back as it was', async () => {
    const m = memoryPort({ '0804!E12': null, 'Theo dõi!H9': '#FFF2CC' });
    const issues = [err('0804', 'E12'), warn('Theo dõi', 'H9')];
    expect(await highlightIssues(m.port, issues)).toEqual({ highlighted: 2, restored: 0, skipped: 0 });
    expect(m.calls).toEqual(['read', 'set']);
    expect(m.fills.get('0804!E12')).toBe('#FFC7CE');
    expect(m.fills.get('Theo dõi!H9')).toBe('#FFEB9C');
    // Twice: the record still holds the original fills.
    await highlightIssues(m.port, issues);
    expect(m.record()?.map((e) => e.previous)).toEqual([null, '#FFF2CC']);

    m.calls.length = 0;
    expect(await clearHighlight(m.port)).toEqual({ restored: 2 });
    expect(m.calls).toEqual(['read', 'set']);
    expect(m.fills.get('0804!E12')).toBeNull();
    expect(m.fills.get('Theo dõi!H9')).toBe('#FFF2CC');
    expect(m.record()).toBeNull();
  });

  it('clearing without a record reads once and changes nothing', async () => {
    const m = memoryPort({});
    expect(await clearHighlight(m.port)).toEqual({ restored: 0 });
    expect(m.calls).toEqual(['read']);
  });
});
