/**
 * Sheets a worker thread posts to the main thread: what arrives is what was read, file after file; a row equal, cell
 * for cell, to the one posted at its place with the file before travels as "the same row", a sheet all of whose rows
 * are so as "the same", anything else as itself.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../src/app/workbook-port';
import { FileReading, type ReadingSetup } from '../../src/cli/consolidate-reading';
import { SnapshotReceiver, SnapshotSender } from '../../src/cli/posted-snapshot';
import { mustDay } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { defaultRoster } from '../../src/packs';
import type { Grid, GridValue } from '../../src/workbook/grid';
import { agencyWorkbook } from '../helpers/agency-workbook';

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

  it('once a message could not be taken, refuse every later one rather than give rows of an older file', () => {
    const sender = new SnapshotSender();
    const receiver = new SnapshotReceiver();
    receiver.receive(sent(sender.post(snapshot('SNV'))));
    // A message the receiver cannot take (a sheet "the same" as nothing it has): the sender has moved on regardless.
    const second = sent(sender.post(snapshot('SYT', { '0801': { name: '0801', values: [[7, 7, 7]] } })));
    const tampered = { ...second, grids: [...second.grids, ['Lạ', { name: 'Lạ', values: 'same' }] as const] };
    expect(() => receiver.receive(tampered)).toThrow(/posted as the same/);
    // The next message's first row of 0801 is "the same" as the one not taken: refused, not SNV's row given instead.
    const third = sent(sender.post(snapshot('STC', { '0801': { name: '0801', values: [[7, 7, 7], [1]] } })));
    expect(new Map(third.grids).get('0801')?.values).toEqual([0, [1]]);
    expect(() => receiver.receive(third)).toThrow(/no longer/);
  });

  it('are read by the check without a change to any row: the rows one file shares with the one before stay as sent', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vtlt-posted-'));
    const roster = defaultRoster();
    const setup: ReadingSetup = { lang: 'vi', asOf: mustDay(2026, 11, 23), inclusiveBefore: false, window: 7, admitWarnings: false, roster, year: 2025 };
    const worker = new FileReading(setup);
    const sender = new SnapshotSender();
    const receiver = new SnapshotReceiver();
    const main = new FileReading(setup);
    const whole = new FileReading(setup);
    for (const [i, code] of ['SNV', 'STC', 'STP'].entries()) {
      const made = await agencyWorkbook(findAgency(roster, code)!, new Date(Date.UTC(2026, 1, 10, 3)), i + 1);
      const file = path.join(dir, `${code}.xlsx`);
      await writeFile(file, await made.workbook.toBuffer(new Date(Date.UTC(2026, 1, 12, 3))));
      const opened = await worker.open(file);
      if (opened.kind !== 'opened' || opened.snapshot === null) throw new Error(`${code} not opened`);
      const received = receiver.receive(sent(sender.post(opened.snapshot)));
      // Frozen: a check that changed a row (shared with the next file) would throw, and the file be set aside as damaged.
      for (const grid of received.grids.values()) {
        for (const rows of [grid?.values, grid?.formulas]) {
          rows?.forEach((row) => Object.freeze(row));
          Object.freeze(rows);
        }
      }
      const checked = await main.read(i, file, { ...opened, snapshot: received });
      expect(checked.outcome.ok).toBe(true);
      expect(checked).toEqual(await whole.read(i, file));
    }
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});
