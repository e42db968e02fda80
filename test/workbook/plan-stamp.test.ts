/**
 * The workbook carries its plan (issue 11, item 6): the tracker insert stores the plan's JSON on a very hidden sheet
 * beside the stamp, in pieces below the cell limit, and it reads back — through the fast file reader — as the same plan.
 */
import { describe, expect, it } from 'vitest';
import { insertTracker } from '../../src/app/insert-tracker';
import { insertForms } from '../../src/app/insert-forms';
import { carriedPlan } from '../../src/app/stored-plan';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { openForReading } from '../../src/hosts/xlsx/open-fast';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import type { PlanPack } from '../../src/domain/plan-pack';
import { IDENTITY_SHEET, readIdentity } from '../../src/workbook/identity';
import { PLAN_HEADER, PLAN_SHEET, planTextHash, readPlanText } from '../../src/workbook/plan-stamp';
import { MAX_CELL_TEXT } from '../../src/workbook/cell-text';
import type { Grid } from '../../src/workbook/grid';

const NOW = new Date('2026-03-01T08:00:00Z');
const agency = defaultRoster().entries[0]!;

async function stampOf(wb: FileWorkbook) {
  const opened = await openForReading(await wb.toBuffer());
  if (!opened.ok) throw new Error(opened.reason);
  const snapshot = await opened.port.read([IDENTITY_SHEET, PLAN_SHEET]);
  return { stamp: readIdentity(snapshot.grids.get(IDENTITY_SHEET) ?? null), grid: snapshot.grids.get(PLAN_SHEET) ?? null };
}

/** A plan of another year whose text is far over one cell, with decomposed (NFD) Vietnamese in it. */
function bigPlan(): PlanPack {
  const base = defaultPlanPack();
  const long = 'Chỉnh lý tài liệu tồn đọng '.normalize('NFD').repeat(4000);
  return { ...base, id: 'hn-vtlt-2027', version: '2.1.0', year: 2027, tasks: base.tasks.map((t, i) => (i === 0 ? { ...t, content: long } : t)) };
}

describe('the plan stored in the workbook', () => {
  it('round-trips the bundled plan through a saved file and the fast reader', async () => {
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack: defaultPlanPack(), agency, now: NOW, confirm: async () => true });
    const { stamp, grid } = await stampOf(wb);
    const carried = carriedPlan(stamp, grid);
    expect(carried.kind).toBe('ok');
    if (carried.kind === 'ok') expect(carried.plan).toEqual(defaultPlanPack());
  });

  it('cuts a plan longer than a cell into pieces under the limit, and reads it back whole (NFC)', async () => {
    const plan = bigPlan();
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack: plan, agency, now: NOW, confirm: async () => true });
    const { stamp, grid } = await stampOf(wb);
    const pieces = (grid!.values.map((row) => row[0]).filter((v) => typeof v === 'string') as string[]).slice(2);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces) expect(p.length).toBeLessThan(MAX_CELL_TEXT);
    const carried = carriedPlan(stamp, grid);
    expect(carried.kind).toBe('ok');
    if (carried.kind !== 'ok') return;
    expect(carried.plan.id).toBe('hn-vtlt-2027');
    // The schema trims a task's text as it does for a plan file.
    expect(carried.plan.tasks[0]!.content === plan.tasks[0]!.content.normalize('NFC').trim()).toBe(true);
    expect(carried.plan.tasks.slice(1)).toEqual(plan.tasks.slice(1));
  });

  it('keeps the plan when forms are inserted later', async () => {
    const wb = FileWorkbook.create();
    const plan = bigPlan();
    await insertTracker(wb, { pack: plan, agency, now: NOW, confirm: async () => true });
    await insertForms(wb, { pack: defaultFormPack(), agency, year: 2026, plan: { id: plan.id, version: plan.version }, now: NOW, confirm: async () => true });
    const read = await stampOf(wb);
    const carried = carriedPlan(read.stamp, read.grid);
    expect(carried.kind === 'ok' && carried.plan.id).toBe('hn-vtlt-2027');
  });

  it('a workbook without a stored plan has none; a damaged copy is a finding naming what is wrong, never a crash', async () => {
    const plan = defaultPlanPack();
    const wb = FileWorkbook.create();
    await insertTracker(wb, { pack: plan, agency, now: NOW, confirm: async () => true });
    const stamp = (await stampOf(wb)).stamp;
    expect(stamp.ok).toBe(true);
    expect(carriedPlan(stamp, null)).toEqual({ kind: 'none' });
    const gridOf = (rows: string[]): Grid => ({ name: PLAN_SHEET, values: rows.map((r) => [r]) });
    const stored = (text: string, hash = planTextHash(text)) => carriedPlan(stamp, gridOf([PLAN_HEADER, hash, text]));

    const json = JSON.stringify(plan);
    expect(stored(json).kind).toBe('ok');
    expect(stored(json.replace('"tasks"', '"tasks" '), planTextHash(json))).toEqual({ kind: 'damaged', detail: 'fingerprint' });
    expect(carriedPlan(stamp, gridOf(['một ghi chú', json]))).toEqual({ kind: 'damaged', detail: 'fingerprint' });
    expect(stored(json.slice(0, 500))).toEqual({ kind: 'damaged', detail: 'JSON' });
    const badField = stored(JSON.stringify({ ...plan, year: 'hai nghìn' }));
    expect(badField.kind === 'damaged' && badField.detail).toMatch(/year/);
    const other = stored(JSON.stringify({ ...plan, version: '9.9.9' }));
    expect(other.kind === 'damaged' && other.detail).toMatch(/9\.9\.9/);
  });

  it('checks every copy\'s fingerprint, the same text read again (a batch of files) or not', () => {
    const json = JSON.stringify(defaultPlanPack());
    const gridOf = (rows: string[]): Grid => ({ name: PLAN_SHEET, values: rows.map((r) => [r]) });
    // Before any plan was read, and after: a header with an empty fingerprint and no text is no plan.
    expect(readPlanText(gridOf([PLAN_HEADER, '']))).toEqual({ damaged: true });
    expect(readPlanText(gridOf([PLAN_HEADER, planTextHash(json), json]))).toEqual({ hash: planTextHash(json), text: json });
    expect(readPlanText(gridOf([PLAN_HEADER, planTextHash(json), json]))).toEqual({ hash: planTextHash(json), text: json });
    expect(readPlanText(gridOf([PLAN_HEADER, planTextHash(json), `${json} `]))).toEqual({ damaged: true });
    expect(readPlanText(gridOf([PLAN_HEADER, '']))).toEqual({ damaged: true });
  });
});
