/**
 * What real Excel refuses, through the Office.js host (issue 10): a sheet the user protected with a password is named
 * before anything is written; a used range over five million cells is named instead of being read.
 */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_SHEET, highlightIssues } from '../../../src/app/highlight';
import { insertTracker } from '../../../src/app/insert-tracker';
import { summariseTracker } from '../../../src/app/tracker-summary';
import { WorkbookAccessError, workbookAccessMessage } from '../../../src/app/workbook-access-error';
import type { Issue } from '../../../src/domain/validation/issue';
import type { SheetSpec } from '../../../src/workbook/sheet-spec';
import { ExcelWorkbook } from '../../../src/hosts/excel/excel-workbook';
import { ALL_FEATURES } from '../../../src/hosts/excel/features';
import { FakeExcel } from '../../fakes/excel-fake';
import { agency, NOW, pack, rig, yes } from './helpers';

const SHEET = pack.trackerSheetName;

function spec(name: string, text: string): SheetSpec {
  return {
    name,
    columns: [{ width: 12 }],
    blocks: [{ at: 'A1', rows: [[text], ['ô nhập']] }],
    styles: { text: { numberFormat: '@' } },
    styleRanges: [{ range: 'A1:A2', style: 'text' }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protection: { unlocked: ['A2'] },
  };
}

/** Everything a write could change: each sheet's values, protection and validations. */
function state(fake: FakeExcel): unknown {
  return fake.sheets.map((s) => ({ name: s.name, values: fake.valuesOf(s.name), protection: { ...s.protection }, validations: s.validations.length, visibility: s.visibility }));
}

async function rejection(p: Promise<unknown>): Promise<WorkbookAccessError> {
  const e: unknown = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof WorkbookAccessError)) throw new Error(`expected a WorkbookAccessError, got ${String(e)}`);
  return e;
}

describe('a sheet protected with a password', () => {
  it('stops the write before anything is written, names the sheet, and leaves the other sheets protected as they were', async () => {
    const { fake, workbook } = rig();
    await workbook.write([spec('Một', 'cũ 1'), spec('Hai', 'cũ 2')]);
    // The user protects "Hai" again, with a password.
    fake.mustSheet('Hai').protection = { protected: true, options: { allowFormatRows: true }, password: 'bí mật' };
    const before = state(fake);

    fake.resetCounters();
    const e = await rejection(workbook.write([spec('Một', 'mới 1'), spec('Hai', 'mới 2')]));
    expect(e.problem).toEqual({ kind: 'sheet-password', sheet: 'Hai' });
    expect(state(fake)).toEqual(before);
    expect(fake.log.filter((l) => /values|formulas|numberFormat|clear/.test(l))).toEqual([]);
    expect(workbookAccessMessage('vi', e.problem)).toBe(
      'Trang "Hai" đang được bảo vệ bằng mật khẩu: hãy bỏ bảo vệ (thẻ Xem lại › Bỏ bảo vệ trang tính; Excel tiếng Anh: Review → Unprotect Sheet) rồi thử lại. Bổ trợ chưa ghi gì vào sổ.',
    );

    // Once the user has unprotected it, the same write goes through in its usual two syncs.
    fake.mustSheet('Hai').protection = { protected: false, options: {} };
    fake.resetCounters();
    await workbook.write([spec('Một', 'mới 1'), spec('Hai', 'mới 2')]);
    expect(fake.syncCount).toBe(2);
    expect(fake.valuesOf('Hai')[0]).toEqual(['mới 2']);
    expect(fake.mustSheet('Hai').protection.protected).toBe(true);
  });

  it('re-inserting a tracker the user protected with a password says which sheet to unprotect', async () => {
    const { fake, workbook } = rig();
    await insertTracker(workbook, { pack, agency: agency('05953'), now: NOW, confirm: yes });
    // The tracker is not protected by the add-in (its status cells take typing); the user protected it, with a password.
    fake.mustSheet(SHEET).protection = { protected: true, options: {}, password: '1234' };
    const before = state(fake);
    const e = await rejection(insertTracker(workbook, { pack, agency: agency('05953'), now: NOW, confirm: yes }));
    expect(e.problem).toEqual({ kind: 'sheet-password', sheet: SHEET });
    expect(state(fake)).toEqual(before);
  });
});

describe('a write that takes the sheets\' state from the read just before (WriteOptions.fromRead)', () => {
  it('saves the first sync; only the read just before counts, and a sheet protected since fails the write with Excel\'s error', async () => {
    const { fake, workbook } = rig();
    await workbook.write([spec('Một', 'cũ 1'), spec('Hai', 'cũ 2')]);
    fake.resetCounters();
    await workbook.read(['Một']);
    await workbook.write([spec('Một', 'mới 1'), spec('Hai', 'mới 2'), spec('Ba', 'mới 3')], { fromRead: true });
    expect(fake.syncCount).toBe(2);
    expect(fake.valuesOf('Ba')[0]).toEqual(['mới 3']);
    expect(fake.mustSheet('Hai').protection.protected).toBe(true);

    // A write after a write (no read between) asks again, whatever the caller says; so does one after another batch.
    fake.resetCounters();
    await workbook.write([spec('Một', 'lần 3')], { fromRead: true });
    expect(fake.syncCount).toBe(2);
    await workbook.read(['Một']);
    await workbook.selectRange('Một', 'A2');
    fake.resetCounters();
    await workbook.write([spec('Một', 'lần 4')], { fromRead: true });
    expect(fake.syncCount).toBe(2);

    // A sheet protected as the product protects it when read, then with a password before the write: unprotecting it
    // is refused, and the message names it as ever.
    await workbook.read(['Một']);
    fake.mustSheet('Hai').protection = { protected: true, options: {}, password: 'bí mật' };
    expect((await rejection(workbook.write([spec('Hai', 'mới 2')], { fromRead: true }))).problem).toEqual({ kind: 'sheet-password', sheet: 'Hai' });

    // The user had switched protection off when the read ran, and protects the sheet with a password before the write:
    // the write trusts the read, and Excel refuses to write on it; the next run, which reads again, stops before
    // writing anything and names the sheet.
    fake.mustSheet('Hai').protection = { protected: false, options: {} };
    await workbook.read(['Một']);
    fake.mustSheet('Hai').protection = { protected: true, options: {}, password: 'bí mật' };
    await expect(workbook.write([spec('Hai', 'mới 2')], { fromRead: true })).rejects.toMatchObject({ code: 'AccessDenied' });
    await workbook.read(['Một']);
    const e = await rejection(workbook.write([spec('Hai', 'mới 2')], { fromRead: true }));
    expect(e.problem).toEqual({ kind: 'sheet-password', sheet: 'Hai' });
  });
});

describe('a used range over five million cells', () => {
  for (const hugeRead of ['null', 'throw'] as const) {
    it(`is named with its address instead of being read (Excel ${hugeRead === 'null' ? 'returns null' : 'throws'})`, async () => {
      const { fake, workbook } = rig({ sheets: ['Sheet1', 'Số liệu'], hugeRead });
      fake.typeInto('Số liệu', 'A1', [['Mã']]);
      fake.typeInto('Số liệu', 'ZZ10000', [['gõ nhầm ở xa']]);
      const e = await rejection(workbook.read(['Sheet1', 'Số liệu']));
      expect(e.problem).toEqual({ kind: 'sheet-too-large', sheet: 'Số liệu', address: 'A1:ZZ10000', cells: 7_020_000 });
      expect(workbookAccessMessage('vi', e.problem)).toContain('Trang "Số liệu" có vùng dữ liệu quá lớn để đọc (A1:ZZ10000, 7.020.000 ô');
      expect(workbookAccessMessage('en', e.problem)).toContain('The sheet "Số liệu" has a used range too large to read (A1:ZZ10000, 7,020,000 cells');
    });
  }

  it('the tracker summary names the tracker sheet when something was typed far below it', async () => {
    const { fake, workbook } = rig();
    await insertTracker(workbook, { pack, agency: agency('05953'), now: NOW, confirm: yes });
    fake.typeInto(SHEET, 'XFA400', [['?']]);
    const e = await rejection(summariseTracker(workbook, pack, NOW.getTime()));
    expect(e.problem).toMatchObject({ kind: 'sheet-too-large', sheet: SHEET });
  });
});

describe('where Excel can tell a password (Excel on the web, ExcelApiOnline 1.1)', () => {
  it('the write is refused after its first sync, before anything is queued', async () => {
    const { fake, workbook } = rig({ excelApiOnline: true }, { passwordState: true });
    await workbook.write([spec('Một', 'cũ 1'), spec('Hai', 'cũ 2')]);
    fake.mustSheet('Hai').protection = { protected: true, options: {}, password: 'x' };
    const before = state(fake);
    fake.resetCounters();
    const e = await rejection(workbook.write([spec('Một', 'mới 1'), spec('Hai', 'mới 2')]));
    expect(e.problem).toEqual({ kind: 'sheet-password', sheet: 'Hai' });
    expect(fake.syncCount).toBe(1);
    expect(fake.log.some((l) => /unprotect|values|formulas/.test(l))).toBe(false);
    expect(state(fake)).toEqual(before);
  });
});

describe('a batch stopped for another reason is not taken for a password', () => {
  it('Excel in cell-edit mode: the error is given as it is', async () => {
    const excel = new FakeExcel();
    let syncs = Number.NEGATIVE_INFINITY;
    const editing = Object.assign(new Error('cell edit mode'), { code: 'InvalidOperationInCellEditMode' });
    const workbook = new ExcelWorkbook(
      (batch) =>
        excel.run((ctx) =>
          batch(
            new Proxy(ctx, {
              get: (target, p) => (p === 'sync' ? () => (++syncs === 2 ? Promise.reject(editing) : target.sync()) : Reflect.get(target, p)),
            }),
          ),
        ),
      { features: ALL_FEATURES },
    );
    await workbook.write([spec('Một', 'cũ 1')]);
    syncs = 0;
    const e: unknown = await workbook.write([spec('Một', 'mới 1')]).then(() => undefined, (x: unknown) => x);
    expect(e).toBe(editing);
    expect(excel.mustSheet('Một').protection.protected).toBe(true);
  });
});

describe('highlighting, where Excel can tell a password', () => {
  it('is refused after reading the fills: no record sheet, no fill changed', async () => {
    const { fake, workbook } = rig({ sheets: ['Sheet1', 'Biểu'], excelApiOnline: true }, { passwordState: true });
    fake.typeInto('Biểu', 'B2', [['abc']]);
    fake.mustSheet('Biểu').protection = { protected: true, options: {}, password: 'x' };
    const issue = { severity: 'error', rule: 'notNumber', sheet: 'Biểu', cell: 'B2', value: 'abc', params: {} } as unknown as Issue;
    fake.resetCounters();
    const e = await rejection(highlightIssues(workbook, [issue]));
    expect(e.problem).toEqual({ kind: 'sheet-password', sheet: 'Biểu' });
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet(HIGHLIGHT_SHEET)).toBeUndefined();
    expect(fake.mustSheet('Biểu').formatAt('B2', 'fill.color')).toBeUndefined();
  });
});
