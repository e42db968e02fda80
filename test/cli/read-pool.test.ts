/**
 * The CLI's reading pool gives one outcome per file in the files' order, whichever thread read it and whenever it
 * finished; failures are told in that order; a worker that stops ends the reading with an error, never a hang.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadOutcome } from '../../src/app/consolidate-read';
import { mustDay } from '../../src/domain/calendar';
import { defaultRoster } from '../../src/packs';
import { workerFilesReader } from '../../src/cli/read-pool';

const script = path.join(__dirname, 'fixtures', 'read-worker.cjs');
const files = (names: readonly string[]) => names.map((name) => ({ name, read: () => Promise.reject(new Error('not here')) }));

function reader(mainReads: boolean, failures: string[] = [], worker = script) {
  return workerFilesReader({
    script: worker,
    workers: 2,
    mainReads,
    setup: { lang: 'vi', asOf: mustDay(2026, 11, 23), inclusiveBefore: false, window: 7, admitWarnings: false },
    onFailure: (file, reason) => failures.push(`${file}: ${reason}`),
  })({ roster: defaultRoster(), year: 2025 });
}

async function all(outcomes: AsyncIterable<ReadOutcome>): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const o of outcomes) out.push(o);
  return out;
}

const rejectedFile = (o: ReadOutcome): string => (o.ok ? o.file.file : o.rejected.file);

describe('reading pool', () => {
  it('gives the outcomes in the files\' order, the main thread reading some while it waits', async () => {
    const names = Array.from({ length: 40 }, (_, i) => path.join(__dirname, 'no-such-folder', `f${i}.xlsx`));
    const failures: string[] = [];
    const outcomes = await all(reader(true, failures)(files(names)));
    expect(outcomes.map(rejectedFile)).toEqual(names);
    const byWorker = outcomes.filter((o) => !o.ok && o.rejected.reasons[0] === 'worker').length;
    // Some by the workers, the rest by the main thread (a missing file: its reason names why).
    expect(byWorker).toBeGreaterThan(0);
    const failed = failures.map((f) => f.slice(0, f.indexOf(': ')));
    expect(failed).toEqual([...failed].sort((a, b) => names.indexOf(a) - names.indexOf(b)));
  });

  it('lets the workers read every file when the main thread does not', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `f${i}.xlsx`);
    const failures: string[] = [];
    const outcomes = await all(reader(false, failures)(files(names)));
    expect(outcomes.map(rejectedFile)).toEqual(names);
    expect(outcomes.every((o) => !o.ok && o.rejected.reasons[0] === 'worker')).toBe(true);
    expect(failures).toEqual(names.filter((_, i) => i % 5 === 0).map((n) => `${n}: failed ${n}`));
  });

  it('ends with an error when a worker stops', async () => {
    const names = ['a.xlsx', 'b.xlsx', 'crash', 'c.xlsx', 'd.xlsx', 'e.xlsx'];
    await expect(all(reader(false)(files(names)))).rejects.toThrow(/worker stopped/);
  });

  it('stops the workers when the reading stops early (a cancelled consolidation)', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `f${i}.xlsx`);
    const taken: string[] = [];
    for await (const o of reader(false)(files(names))) {
      taken.push(rejectedFile(o));
      if (taken.length === 3) break;
    }
    expect(taken).toEqual(names.slice(0, 3));
  });

  it('finishes files a worker opened: one it refused set aside with its reason, one whose sheets cannot be taken read here whole', async () => {
    const names = Array.from({ length: 12 }, (_, i) => path.join(__dirname, 'no-such-folder', `f${i}.xlsx`));
    const failures: string[] = [];
    const outcomes = await all(reader(false, failures, path.join(__dirname, 'fixtures', 'open-worker.cjs'))(files(names)));
    expect(outcomes.map(rejectedFile)).toEqual(names);
    const reasons = outcomes.map((o) => (o.ok ? '' : o.rejected.reasons[0]));
    names.forEach((name, i) => {
      if (i % 3 === 0) expect(reasons[i]).toBe(`refused ${name}`);
      // Read here: a missing file, with the main thread's reason.
      else expect(reasons[i]).not.toMatch(/^refused/);
    });
    expect(failures.map((f) => f.slice(0, f.indexOf(': ')))).toEqual(names);
  });
});
