/**
 * Sheets a worker thread posts to the main thread: what arrives is what was read, file after file; a row equal, cell
 * for cell, to the one posted at its place with the file before travels as "the same row", a sheet all of whose rows
 * are so as "the same", anything else as itself.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../src/app/workbook-port';
import { SnapshotReceiver, SnapshotSender } from '../../src/cli/posted-snapshot';
import type { Grid, GridValue } from '../../src/workbook/grid';

const plan = 'x'.repeat(5_000);
const formula = '=IF($H8="Hoàn thành","Hoàn thành đúng hạn","Trong hạn")';

function snapshot(agency: string, extra: Partial<Record<string, Grid | null>> = {}): WorkbookSnapshot {
  const holey: GridValue[] = [];
  holey[3] = agency;
  const grids = new Map<string, Grid | null>([
    ['_vtlt_plan', { name: '_vtlt_plan', values: [[plan], [plan]] }],
    ['Theo dõi', { name: 'Theo dõi', values: [['Nhiệm vụ', 'Hoàn thành'], holey], formulas: [[null, formula]] }],
    ['0801', { name: '0801', values: [[1, 2, agency.length]] }],
    ['Thiếu', null],
  ]);
  for (const [name, grid] of Object.entries(extra)) grids.set(name, grid ?? null);
  return { sheetNames: [...grids.keys()], grids };
}

/** Posted through a structured clone, as between threads. */
const sent = <T>(x: T): T => structuredClone(x);

describe('posted snapshots', () => {
  it('arrive as read, file after file, whatever travelled as "the same"', () => {
    const sender = new SnapshotSender();
    const receiver = new SnapshotReceiver();
    const sparse: GridValue[][] = [];
    sparse[2] = [1, 2, 3];
    const files = [
      snapshot('SNV'), snapshot('STC'), snapshot('STC'), snapshot('SYT', { '0801': { name: '0801', values: [[9]] } }),
      snapshot('SNV', { '0801': { name: '0801', values: sparse } }), snapshot('SNV', { '0801': { name: '0801', values: [[1, 2, 3], [4]] } }), snapshot('SNV'),
    ];
    for (const s of files) {
      const got = receiver.receive(sent(sender.post(s)));
      expect(got.sheetNames).toEqual(s.sheetNames);
      expect([...got.grids]).toStrictEqual([...s.grids]);
      // Holes stay holes.
      expect(1 in got.grids.get('Theo dõi')!.values[1]!).toBe(false);
    }
  });

  it('post again only the rows that changed: not the plan sheet nor the formulas after the first file, nor labels', () => {
    const sender = new SnapshotSender();
    const first = sender.post(snapshot('SNV'));
    const second = new Map(sender.post(snapshot('STC')).grids);
    expect(new Map(first.grids).get('_vtlt_plan')?.values).not.toBe('same');
    expect(second.get('_vtlt_plan')?.values).toBe('same');
    expect(second.get('Theo dõi')?.formulas).toBe('same');
    // The label row travels as the same row; the agency's row as itself.
    const tracker = second.get('Theo dõi')?.values;
    expect(tracker).not.toBe('same');
    expect((tracker as readonly unknown[])[0]).toBe(0);
    expect((tracker as readonly (readonly unknown[])[])[1]?.[3]).toBe('STC');
    expect(second.get('Thiếu')).toBeNull();
    // Text differing in one letter is posted again.
    const other = `${plan.slice(0, 10)}y${plan.slice(11)}`;
    const third = new Map(sender.post(snapshot('STC', { _vtlt_plan: { name: '_vtlt_plan', values: [[plan], [other]] } })).grids);
    expect(third.get('_vtlt_plan')?.values).toEqual([0, [other]]);
  });

  it('refuse "the same" with nothing received before (a receiver of another worker)', () => {
    const sender = new SnapshotSender();
    sender.post(snapshot('SNV'));
    expect(() => new SnapshotReceiver().receive(sent(sender.post(snapshot('STC'))))).toThrow(/posted as the same/);
  });
});
