/**
 * A "Danh sách đơn vị" sheet written by an older version keeps Sở Nội vụ's rows, but its agency-kind drop-down was a
 * literal "Sở, ban, ngành,Đơn vị sự nghiệp,…" that Excel and LibreOffice split on every comma (issue 10, item 2).
 * Each consolidation into such a workbook sets that drop-down again, with its items on the lists sheet, in the same
 * single write, in both hosts; the rows typed there are not touched.
 */
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { consolidateInto, consolidateIntoWorkbook, type ConsolidateIntoRequest } from '../../src/app/consolidate-into';
import { mustDay } from '../../src/domain/calendar';
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from '../../src/domain/roster';
import { ExcelWorkbook } from '../../src/hosts/excel/excel-workbook';
import { ALL_FEATURES } from '../../src/hosts/excel/features';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { openWorkbookBytes } from '../../src/hosts/xlsx/open';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { LISTS_SHEET, ROSTER_SHEET, rosterSheet } from '../../src/workbook/roster-sheet';
import type { SheetSpec } from '../../src/workbook/sheet-spec';
import { FakeExcel } from '../fakes/excel-fake';
import { inspectPackage, listItems, packageProblems } from '../helpers/package-check';

const pack = defaultPlanPack();
const forms = defaultFormPack();
const roster = defaultRoster();
const LABELS = AGENCY_KINDS.map((k) => AGENCY_KIND_LABELS[k]);
/** What versions before the lists sheet wrote as the kind column's list source (values.join(',')). */
const OLD_LITERAL = LABELS.join(',');
/** The old sheet's kind drop-down: C4 to 500 rows below the last agency, as the old roster sheet had it. */
const OLD_RANGE = `C4:C${3 + roster.entries.length + 500}`;
/** A row Sở Nội vụ typed under the roster, and its note. */
const TYPED_ROW = 3 + roster.entries.length + 1;
const COMMUNE = ['XAMOI', 'Ủy ban nhân dân xã Mới', 'Xã', 'Không', 'Không'];
const TYPED = ['BQLDA', 'Ban Quản lý dự án đầu tư xây dựng tỉnh', 'Sở, ban, ngành', 'Không', 'Có', 'thêm ngày 02/03'];

/** The roster sheet without its kind drop-down (which the old version wrote as a literal list, set by each test). */
function oldRosterSpec(): SheetSpec {
  const spec = rosterSheet(roster);
  return { ...spec, validations: spec.validations.filter((v) => !v.range.startsWith('C')) };
}

function request(): ConsolidateIntoRequest {
  return {
    files: [],
    planPack: pack,
    formPack: forms,
    knownPacks: new Map([[pack.id, [pack.version]], [forms.id, [forms.version]]]),
    defaultRoster: roster,
    asOf: mustDay(2026, 3, 20),
    lang: 'vi',
    open: async (bytes) => {
      const opened = await openWorkbookBytes(bytes);
      return opened.ok ? { ok: true, port: opened.workbook } : opened;
    },
  };
}

/** A consolidation workbook as the old version left it in a file, with a row Sở Nội vụ typed. */
async function oldFile(): Promise<Uint8Array> {
  const wb = FileWorkbook.create();
  await wb.write([oldRosterSpec()]);
  const ws = wb.workbook.getWorksheet(ROSTER_SHEET)!;
  // The old file host: { type: 'list', formulae: [`"${values.join(',')}"`] } with the common options.
  (ws as unknown as { dataValidations: { add(a: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(OLD_RANGE, {
    type: 'list', allowBlank: true, showInputMessage: false, showErrorMessage: true, errorStyle: 'stop',
    errorTitle: 'Loại đơn vị', error: 'Chọn loại đơn vị trong danh sách.', formulae: [`"${OLD_LITERAL}"`],
  });
  TYPED.forEach((v, i) => (ws.getCell(TYPED_ROW, i + 1).value = v));
  return wb.toBuffer(new Date('2026-03-01T09:00:00Z'));
}

describe('the roster sheet’s kind drop-down is set again on every consolidation', () => {
  it('the file host: the old literal list is replaced by the lists sheet range; typed rows kept; no overlap', async () => {
    const old = await oldFile();
    const report = inspectPackage(old);
    const oldSheet = report.sheets.find((s) => s.name === ROSTER_SHEET)!;
    expect(oldSheet.validations.find((v) => v.sqref === OLD_RANGE)?.formula1).toBe(`"${OLD_LITERAL}"`);
    expect(listItems(report, oldSheet, `"${OLD_LITERAL}"`)).toHaveLength(LABELS.length + 2);

    const target = await FileWorkbook.load(old);
    const { rosterSource, roster: read } = await consolidateInto(target, request());
    expect(rosterSource).toBe('workbook');
    expect(read.entries.find((e) => e.code === 'BQLDA')?.kind).toBe('so-ban-nganh');
    const bytes = await target.toBuffer();

    expect(packageProblems(bytes)).toEqual([]);
    const after = inspectPackage(bytes);
    const sheet = after.sheets.find((s) => s.name === ROSTER_SHEET)!;
    const kind = sheet.validations.filter((v) => /^C\d/.test(v.sqref));
    expect(kind).toHaveLength(1);
    expect(kind[0]!.formula1).not.toContain('ban,');
    expect(listItems(after, sheet, kind[0]!.formula1!)).toEqual(LABELS);
    expect(kind[0]!.sqref).toBe(`C4:C${TYPED_ROW + 500}`);
    expect(after.sheets.find((s) => s.name === LISTS_SHEET)?.state).toBe('veryHidden');
    // Sở Nội vụ's row, as typed.
    TYPED.forEach((v, i) => expect(sheet.values.get(`${'ABCDEF'[i]}${TYPED_ROW}`)).toBe(v));
    // The Có/Không drop-down is untouched.
    expect(sheet.validations.some((v) => v.sqref.startsWith('D4:E'))).toBe(true);
  });

  it('Office.js: the same, in the same two syncs (read 1, write 1), every kind typed is one of its cell’s items', async () => {
    const fake = new FakeExcel();
    const workbook = new ExcelWorkbook((batch) => fake.run(batch), { features: ALL_FEATURES, requestBudget: 4 * 1024 * 1024 });
    await workbook.write([oldRosterSpec()]);
    // The old Office.js host: rule = { list: { inCellDropDown: true, source: values.join(',') } }.
    await fake.run(async (context) => {
      const dv = context.workbook.worksheets.getItem(ROSTER_SHEET).getRange(OLD_RANGE).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: OLD_LITERAL } };
      dv.ignoreBlanks = true;
      await context.sync();
    });
    // The old list refuses "Sở, ban, ngành" as typed (a Stop alert), so the user's new agency is a commune; the
    // rows the old version wrote before setting the drop-down already break it.
    expect(() => fake.typeInto(ROSTER_SHEET, `C${TYPED_ROW}`, [['Sở, ban, ngành']])).toThrow(/not one of the list's items/);
    fake.typeInto(ROSTER_SHEET, `A${TYPED_ROW}:E${TYPED_ROW}`, [COMMUNE]);
    expect(fake.listItemsAt(ROSTER_SHEET, 'C4')).toContain('ban');
    expect(fake.listViolations(ROSTER_SHEET).length).toBeGreaterThan(0);

    fake.resetCounters();
    const summary = await consolidateIntoWorkbook(workbook, request());
    expect(fake.syncCount).toBe(2);
    expect(summary.rosterSource).toBe('workbook');
    expect(summary.rosterSize).toBe(roster.entries.length + 1);
    expect(fake.listItemsAt(ROSTER_SHEET, 'C4')).toEqual(LABELS);
    expect(fake.listItemsAt(ROSTER_SHEET, `C${TYPED_ROW + 500}`)).toEqual(LABELS);
    expect(fake.listViolations(ROSTER_SHEET)).toEqual([]);
    expect(fake.valuesOf(ROSTER_SHEET)[TYPED_ROW - 1]?.slice(0, 5)).toEqual(COMMUNE);
    // Now the full label can be picked.
    fake.typeInto(ROSTER_SHEET, `C${TYPED_ROW}`, [['Sở, ban, ngành']]);
  });

  it('a roster sheet the user protected is unprotected for the drop-down and protected again as it was', async () => {
    const fake = new FakeExcel();
    const workbook = new ExcelWorkbook((batch) => fake.run(batch), { features: ALL_FEATURES, requestBudget: 4 * 1024 * 1024 });
    await workbook.write([oldRosterSpec()]);
    fake.mustSheet(ROSTER_SHEET).protection = { protected: true, options: { allowInsertRows: true } };
    fake.resetCounters();
    await consolidateIntoWorkbook(workbook, request());
    expect(fake.syncCount).toBe(2);
    expect(fake.mustSheet(ROSTER_SHEET).protection).toEqual({ protected: true, options: { allowInsertRows: true } });
    expect(fake.listItemsAt(ROSTER_SHEET, 'C4')).toEqual(LABELS);
  });
});
