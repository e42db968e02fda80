/**
 * A file a worker thread read and opened (FileReading.open), finished by the main thread (FileReading.read given it),
 * gives what the main thread reading it whole gives: a file that cannot be read (a folder, a missing file) or opened
 * (text, a cut package) is set aside with the same reason, and told as a failure the same.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileReading, type ReadingSetup } from '../../src/cli/consolidate-reading';
import { mustDay } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { defaultRoster } from '../../src/packs';
import { agencyWorkbook } from '../helpers/agency-workbook';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vtlt-opened-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('files opened in a worker thread', () => {
  it('are set aside, or accepted, as the main thread alone would', async () => {
    const roster = defaultRoster();
    const setup: ReadingSetup = { lang: 'vi', asOf: mustDay(2026, 11, 23), inclusiveBefore: false, window: 7, admitWarnings: false, roster, year: 2025 };
    const made = await agencyWorkbook(findAgency(roster, 'SNV')!, new Date(Date.UTC(2026, 1, 10, 3)), 1);
    const whole = await made.workbook.toBuffer(new Date(Date.UTC(2026, 1, 12, 3)));
    const at = (name: string): string => path.join(dir, name);
    await writeFile(at('SNV.xlsx'), whole);
    await writeFile(at('cut.xlsx'), whole.subarray(0, whole.length >> 1));
    await writeFile(at('text.xlsx'), 'not a workbook');
    await mkdir(at('folder.xlsx'));
    const worker = new FileReading(setup);
    const main = new FileReading(setup);
    const alone = new FileReading(setup);
    const names = ['SNV.xlsx', 'cut.xlsx', 'text.xlsx', 'folder.xlsx', 'missing.xlsx'];
    for (const [i, name] of names.entries()) {
      const opened = await worker.open(at(name));
      expect(opened.kind).toBe(i === 0 ? 'opened' : 'refused');
      const finished = await main.read(i, at(name), opened);
      expect(finished).toEqual(await alone.read(i, at(name)));
      expect(finished.failure !== undefined).toBe(i > 0);
    }
  }, 60_000);
});
