/**
 * "Chuyển sang Unicode" and "Hoàn tác" through the Office.js host, against the in-memory Excel: the check finds the
 * legacy-encoded cells, converting writes them and the very hidden record in a fixed number of round trips, text that
 * starts with "=" stays text, a locked cell of a protected form is left alone, and undoing gives back only the cells
 * the user has not changed since.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/app/check-workbook';
import { insertForms } from '../../../src/app/insert-forms';
import { insertTracker } from '../../../src/app/insert-tracker';
import { LEGACY_SHEET, convertLegacyText, legacyTargets, undoLegacyText } from '../../../src/app/legacy-text';
import { toTcvn3, toVni } from '../../../src/domain/legacy-encoding';
import { defaultFormPack } from '../../../src/packs/forms';
import { TRACKER_COL } from '../../../src/workbook/tracker';
import { cellRef } from '../../../src/workbook/a1';
import type { FakeExcel } from '../../fakes/excel-fake';
import { agency, NOW, pack, rig, yes } from './helpers';

const forms = defaultFormPack();
const knownPacks = new Map([[pack.id, [pack.version]], [forms.id, [forms.version]]]);
const TRACKER = pack.trackerSheetName;

/** The first unlocked cell of a protected form sheet that holds text (the footer's place-and-date line or a name). */
function unlockedTextCell(fake: FakeExcel, sheet: string): string {
  const s = fake.mustSheet(sheet);
  for (const [k, c] of s.cells) {
    if (!c.locked && typeof c.value === 'string' && c.value !== '' && c.formula === null) {
      const row = Math.floor(k / 16_385);
      return cellRef(row, k % 16_385);
    }
  }
  throw new Error(`no unlocked text cell on ${sheet}`);
}

async function legacyWorkbook() {
  const r = rig();
  await insertTracker(r.workbook, { pack, agency: agency('05455'), now: NOW, confirm: yes });
  const inserted = await insertForms(r.workbook, { pack: forms, agency: agency('05455'), year: 2025, plan: { id: pack.id, version: pack.version }, now: NOW, confirm: yes });
  if (!inserted.ok) throw new Error('forms not inserted');
  const rows = r.fake.valuesOf(TRACKER);
  const row = (id: string) => rows.findIndex((x) => x[0] === id) + 1;
  const status = cellRef(row('1'), TRACKER_COL.status);
  const note = cellRef(row('2'), TRACKER_COL.note);
  const formula = cellRef(row('3'), TRACKER_COL.note);
  const footer = unlockedTextCell(r.fake, '0801');
  // A status pasted from an old file in TCVN3 (the list's Stop alert refuses typing it), a VNI note, a TCVN3 note
  // that starts with "=" (typed with the apostrophe that keeps it text), a VNI name in a form's footer.
  r.fake.pasteValues(TRACKER, status, [[toTcvn3('Đang thực hiện')]]);
  r.fake.typeInto(TRACKER, note, [[toVni('Chờ ý kiến của Sở Nội vụ')]]);
  r.fake.typeInto(TRACKER, formula, [[`'${toTcvn3('=Số liệu tháng Mười')}`]]);
  r.fake.typeInto('0801', footer, [[toVni('Nguyễn Thị Hường')]]);
  // A locked label of the protected form 0802 in TCVN3 (as an old copy of the form would have it).
  r.fake.mustSheet('0802').ensureCell(1, 1).value = toTcvn3('Biểu số liệu văn thư');
  r.fake.resetCounters();
  return { ...r, cells: { status, note, formula, footer } };
}

const check = (workbook: Parameters<typeof checkWorkbook>[0]) =>
  checkWorkbook(workbook, { planPack: pack, formPack: forms, knownPacks, nowMs: NOW.getTime() });

describe('legacy text through Office.js', () => {
  it('the check finds every legacy text cell, status, notes, a form footer and a locked label', async () => {
    const { workbook, cells } = await legacyWorkbook();
    const result = await check(workbook);
    const targets = legacyTargets(result.report.issues).map((t) => `${t.sheet}!${t.cell}`);
    expect(targets.sort()).toEqual([`0801!${cells.footer}`, '0802!A1', `${TRACKER}!${cells.formula}`, `${TRACKER}!${cells.note}`, `${TRACKER}!${cells.status}`].sort());
    // The status keeps its one finding (the rule's error), not a second warning.
    expect(result.report.issues.filter((i) => i.cell === cells.status && i.sheet === TRACKER)).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'legacy-encoding', params: expect.objectContaining({ sample: 'Đang thực hiện' }) }),
    ]);
    expect(result.converted).toEqual([]);
  });

  it('converts in 2 syncs, keeps "=…" as text, leaves the locked cell, and records the old text very hidden', async () => {
    const { fake, workbook, cells } = await legacyWorkbook();
    const before = await check(workbook);
    fake.resetCounters();
    const result = await convertLegacyText(workbook, before.report.issues);
    expect(fake.syncCount).toBe(2);
    expect(result.changed).toBe(4);
    expect(result.left).toEqual([{ sheet: '0802', cell: 'A1', reason: 'protected' }]);
    expect(result.recorded).toBe(4);

    const value = (sheet: string, address: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return fake.mustSheet(sheet).cell(Number(m[2]), col);
    };
    expect(value(TRACKER, cells.status)?.value).toBe('Đang thực hiện');
    expect(value(TRACKER, cells.note)?.value).toBe('Chờ ý kiến của Sở Nội vụ');
    expect(value(TRACKER, cells.formula)).toMatchObject({ value: '=Số liệu tháng Mười', formula: null });
    expect(value('0801', cells.footer)?.value).toBe('Nguyễn Thị Hường');
    expect(value('0802', 'A1')?.value).toBe(toTcvn3('Biểu số liệu văn thư'));
    expect(fake.mustSheet('0801').protection.protected).toBe(true);
    expect(fake.sheet(LEGACY_SHEET)?.visibility).toBe('VeryHidden');
    const record = fake.valuesOf(LEGACY_SHEET).slice(2).map((r) => r.slice(0, 4));
    expect(record).toContainEqual([TRACKER, cells.note, toVni('Chờ ý kiến của Sở Nội vụ'), 'Chờ ý kiến của Sở Nội vụ']);
    expect(record).toContainEqual([TRACKER, cells.formula, toTcvn3('=Số liệu tháng Mười'), '=Số liệu tháng Mười']);

    // The check again: only the locked label is left, and the pane knows 4 cells can be given back.
    fake.resetCounters();
    const after = await check(workbook);
    expect(fake.syncCount).toBe(1);
    expect(legacyTargets(after.report.issues)).toEqual([expect.objectContaining({ sheet: '0802', cell: 'A1' })]);
    expect(after.converted?.map((c) => c.cell).sort()).toEqual([cells.footer, cells.formula, cells.note, cells.status].sort());
  });

  it('undoes in 3 syncs where the cell still holds the converted text, and leaves a cell the user changed since', async () => {
    const { fake, workbook, cells } = await legacyWorkbook();
    await convertLegacyText(workbook, (await check(workbook)).report.issues);
    fake.typeInto(TRACKER, cells.note, [['Đã có ý kiến']]);
    fake.resetCounters();
    const result = await undoLegacyText(workbook);
    expect(fake.syncCount).toBe(3);
    expect(result.changed).toBe(3);
    expect(result.left).toEqual([{ sheet: TRACKER, cell: cells.note, reason: 'changed' }]);
    expect(result.recorded).toBe(0);
    expect(fake.sheet(LEGACY_SHEET)).toBeUndefined();
    const values = fake.valuesOf(TRACKER);
    const at = (address: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      return values[Number(m[2]) - 1]?.[[...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1];
    };
    expect(at(cells.status)).toBe(toTcvn3('Đang thực hiện'));
    expect(at(cells.formula)).toBe(toTcvn3('=Số liệu tháng Mười'));
    expect(at(cells.note)).toBe('Đã có ý kiến');
    expect(fake.valuesOf('0801').flat()).toContain(toVni('Nguyễn Thị Hường'));

    // Nothing recorded any more: undoing again reads once and writes nothing.
    fake.resetCounters();
    expect(await undoLegacyText(workbook)).toEqual({ changed: 0, left: [], recorded: 0 });
    expect(fake.syncCount).toBe(1);
  });

  it('undoes in 2 syncs with the cells the check saw in the record; reads again when the record names others', async () => {
    const { fake, workbook, cells } = await legacyWorkbook();
    await convertLegacyText(workbook, (await check(workbook)).report.issues);
    const seen = (await check(workbook)).converted ?? [];
    fake.resetCounters();
    expect((await undoLegacyText(workbook, seen)).changed).toBe(4);
    expect(fake.syncCount).toBe(2);

    // Converted again, but the pane still holds a check that saw only one cell in the record: all four are read.
    await convertLegacyText(workbook, (await check(workbook)).report.issues);
    fake.resetCounters();
    const result = await undoLegacyText(workbook, [{ sheet: TRACKER, cell: cells.note }]);
    expect(result.changed).toBe(4);
    expect(fake.syncCount).toBe(4);
  });

  it('keeps the entry of a cell locked since (the user protected its sheet), to try again', async () => {
    const { fake, workbook, cells } = await legacyWorkbook();
    await convertLegacyText(workbook, (await check(workbook)).report.issues);
    const tracker = fake.mustSheet(TRACKER);
    tracker.protection = { protected: true, options: {} };
    const result = await undoLegacyText(workbook);
    expect(result.left.filter((l) => l.reason === 'protected').map((l) => l.cell).sort()).toEqual([cells.formula, cells.note, cells.status].sort());
    expect(result.changed).toBe(1);
    expect(result.recorded).toBe(3);
    expect(fake.sheet(LEGACY_SHEET)?.visibility).toBe('VeryHidden');
  });

  it('a sheet deleted since the check: its cells are left, the others converted, in two more syncs (the refused read, then the sheets first)', async () => {
    const { fake, workbook, cells } = await legacyWorkbook();
    const before = await check(workbook);
    fake.sheets.splice(fake.sheets.indexOf(fake.mustSheet('0801')), 1);
    fake.resetCounters();
    const result = await convertLegacyText(workbook, before.report.issues);
    expect(fake.syncCount).toBe(4);
    expect(result.changed).toBe(3);
    expect(result.left).toContainEqual({ sheet: '0801', cell: cells.footer, reason: 'missing' });
  });

  it('a cell changed between the check and the conversion is left as the user made it', async () => {
    const { fake, workbook, cells } = await legacyWorkbook();
    const before = await check(workbook);
    fake.typeInto(TRACKER, cells.note, [['Viết lại bằng Unicode']]);
    const result = await convertLegacyText(workbook, before.report.issues);
    expect(result.left).toContainEqual({ sheet: TRACKER, cell: cells.note, reason: 'changed' });
    expect(fake.valuesOf(TRACKER).flat()).toContain('Viết lại bằng Unicode');
  });
});
