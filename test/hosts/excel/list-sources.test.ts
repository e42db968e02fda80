/** The Office.js host writes list validations whose items Excel splits as the product means them. */
import { describe, expect, it } from 'vitest';
import { consolidateIntoWorkbook } from '../../../src/app/consolidate-into';
import { insertTracker } from '../../../src/app/insert-tracker';
import { mustDay } from '../../../src/domain/calendar';
import { AGENCY_KIND_LABELS } from '../../../src/domain/roster';
import { TASK_STATUSES } from '../../../src/domain/due-state';
import { defaultFormPack } from '../../../src/packs/forms';
import { ROSTER_SHEET } from '../../../src/workbook/roster-sheet';
import { agency, NOW, pack, rig, roster, yes } from './helpers';

describe('list validations in Excel', () => {
  it('"Danh sách đơn vị" offers "Sở, ban, ngành" as one item, and every kind it writes is an item', async () => {
    const { fake, workbook } = rig();
    const forms = defaultFormPack();
    await consolidateIntoWorkbook(workbook, {
      files: [], planPack: pack, formPack: forms, knownPacks: new Map([[pack.id, [pack.version]]]), defaultRoster: roster,
      asOf: mustDay(2026, 3, 1), lang: 'vi', open: async () => ({ ok: false, reason: 'unreadable' }) as never,
    });
    expect(fake.listItemsAt(ROSTER_SHEET, 'C4')).toEqual(Object.values(AGENCY_KIND_LABELS));
    expect(fake.listViolations(ROSTER_SHEET)).toEqual([]);
  });

  it('the tracker\'s status list has the four statuses', async () => {
    const { fake, workbook } = rig();
    await insertTracker(workbook, { pack, agency: agency('SNV'), now: NOW, confirm: yes });
    const grid = (await workbook.read([pack.trackerSheetName])).grids.get(pack.trackerSheetName)!;
    const row = grid.values.findIndex((r) => r[0] === pack.tasks.find((t) => t.lead.some((a) => a.type === 'all'))?.id) + 1;
    expect(row).toBeGreaterThan(0);
    expect(fake.listItemsAt(pack.trackerSheetName, `H${row}`)).toEqual([...TASK_STATUSES]);
    expect(fake.listViolations(pack.trackerSheetName)).toEqual([]);
  });
});
