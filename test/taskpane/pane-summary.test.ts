/**
 * The pane's read of the tracker (summariseForPane): in a workbook with the report forms but no tracker, the stamp
 * saying whose it is comes in the same round trip as the tracker's read, not in one of its own.
 */
import { describe, expect, it } from 'vitest';
import { insertForms } from '../../src/app/insert-forms';
import { insertTracker } from '../../src/app/insert-tracker';
import { defaultFormPack } from '../../src/packs/forms';
import { summariseForPane } from '../../src/taskpane/plan-carry';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { agency, NOW, pack, rig, yes } from '../hosts/excel/helpers';

describe('summariseForPane', () => {
  it('gives the stamp of a workbook with the forms but no tracker, in one round trip', async () => {
    const r = rig();
    const inserted = await insertForms(r.workbook, {
      pack: defaultFormPack(), agency: agency('05455'), year: 2025, plan: { id: pack.id, version: pack.version }, now: NOW, confirm: yes,
    });
    expect(inserted.ok).toBe(true);
    r.fake.resetCounters();
    const read = await summariseForPane(r.workbook, { picked: null, carried: null, bundled: pack }, NOW.getTime());
    expect(read.result.ok).toBe(false);
    expect(read.stamp?.agencyCode).toBe('05455');
    expect(read.stamp?.reportingYear).toBe(2025);
    expect(read.sheetNames).toContain(IDENTITY_SHEET);
    expect(r.fake.syncCount).toBe(1);
  });

  it('reads the stamp of a workbook with a tracker as its summary does (stampIn, one rule), in one round trip', async () => {
    const r = rig();
    expect((await insertTracker(r.workbook, { pack, agency: agency('05455'), now: NOW, confirm: yes })).ok).toBe(true);
    r.fake.resetCounters();
    const read = await summariseForPane(r.workbook, { picked: null, carried: null, bundled: pack }, NOW.getTime());
    expect(read.result.ok && read.result.summary.identity).toEqual(read.stamp);
    expect(read.stamp?.agencyCode).toBe('05455');
    expect(r.fake.syncCount).toBe(1);
  });

  it('gives no stamp and the sheet names of a workbook new to the add-in', async () => {
    const r = rig();
    const read = await summariseForPane(r.workbook, { picked: null, carried: null, bundled: pack }, NOW.getTime());
    expect(read.result.ok).toBe(false);
    expect(read.stamp).toBeNull();
    expect(read.sheetNames).toEqual(['Sheet1']);
    expect(r.fake.syncCount).toBe(1);
  });
});
