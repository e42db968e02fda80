/**
 * Every package the file host writes passes the structural checks of test/helpers/package-check.ts: what Excel would
 * otherwise repair on open ("Removed Records: Data validation from /xl/worksheets/sheet1.xml").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidateIntoWorkbook } from '../../../src/app/consolidate-into';
import { insertForms } from '../../../src/app/insert-forms';
import { insertTracker } from '../../../src/app/insert-tracker';
import { mustDay } from '../../../src/domain/calendar';
import { findAgency, type RosterEntry } from '../../../src/domain/roster';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { openWorkbookBytes } from '../../../src/hosts/xlsx/open';
import { defaultPlanPack, defaultRoster } from '../../../src/packs';
import { defaultFormPack } from '../../../src/packs/forms';
import { ROSTER_SHEET } from '../../../src/workbook/roster-sheet';
import { TRACKER_COL } from '../../../src/workbook/tracker';
import { inspectPackage, listItems, packageProblems, parseXml, sqrefCells } from '../../helpers/package-check';
import { makeZip } from '../../helpers/zip';

const plan = defaultPlanPack();
const formPack = defaultFormPack();
const roster = defaultRoster();
const NOW = new Date(Date.UTC(2026, 1, 20, 3));
const agency = (code: string): RosterEntry => findAgency(roster, code)!;
const written = new Map<string, Uint8Array>();

async function save(name: string, wb: FileWorkbook): Promise<Uint8Array> {
  const bytes = await wb.toBuffer();
  written.set(name, bytes);
  return bytes;
}
const reopen = (bytes: Uint8Array) => FileWorkbook.load(bytes);

async function tracker(wb: FileWorkbook, code = 'SNV'): Promise<FileWorkbook> {
  const r = await insertTracker(wb, { pack: plan, agency: agency(code), now: NOW, confirm: async () => true });
  expect(r.ok).toBe(true);
  return wb;
}
async function forms(wb: FileWorkbook): Promise<FileWorkbook> {
  const r = await insertForms(wb, { pack: formPack, agency: agency('SNV'), year: 2025, plan, now: NOW, confirm: async () => true });
  expect(r.ok).toBe(true);
  return wb;
}

beforeAll(async () => {
  const t = await save('tracker', await tracker(FileWorkbook.create()));
  const fo = await save('forms', await forms(FileWorkbook.create()));
  const both = await save('both', await forms(await reopen(t)));
  await save('forms-then-tracker', await tracker(await reopen(fo)));
  // The user picks some statuses, then both are inserted again into the same file.
  const wb = await reopen(both);
  const ws = wb.workbook.getWorksheet(plan.trackerSheetName)!;
  ws.getCell(8, TRACKER_COL.status).value = 'Hoàn thành';
  ws.getCell(10, TRACKER_COL.status).value = 'Đang thực hiện';
  const typed = await save('typed', wb);
  const again = await save('reinserted-forms', await forms(await reopen(typed)));
  const snv = await save('reinserted-both', await tracker(await reopen(again)));
  const stc = await save('stc', await tracker(FileWorkbook.create(), 'STC'));
  // Consolidation, into a new workbook and again into the same one.
  const consolidate = async (target: FileWorkbook) => {
    await consolidateIntoWorkbook(target, {
      files: [{ name: 'snv.xlsx', read: async () => snv }, { name: 'stc.xlsx', read: async () => stc }],
      planPack: plan, formPack, knownPacks: new Map([[plan.id, [plan.version]], [formPack.id, [formPack.version]]]),
      defaultRoster: roster, asOf: mustDay(2026, 3, 1), lang: 'vi',
      open: async (bytes) => {
        const opened = await openWorkbookBytes(bytes);
        return opened.ok ? { ok: true, port: opened.workbook } : opened;
      },
    });
    return target;
  };
  const first = await save('consolidated-new', await consolidate(FileWorkbook.create()));
  await save('consolidated', await consolidate(await reopen(first)));
}, 120_000);

const bytes = (name: string): Uint8Array => written.get(name)!;

const PACKAGES = [
  'tracker', 'forms', 'both', 'forms-then-tracker', 'typed', 'reinserted-forms', 'reinserted-both', 'stc', 'consolidated-new', 'consolidated',
];

describe('every package the file host writes opens in Excel without repair', () => {
  it.each(PACKAGES)('%s.xlsx', (name) => {
    const p = packageProblems(bytes(name));
    expect(p).toEqual([]);
  });

  it('keeps the tracker\'s validations exactly when the forms are inserted into its workbook', () => {
    const sqrefs = (name: string) =>
      inspectPackage(bytes(name)).sheets.find((s) => s.name === defaultPlanPack().trackerSheetName)!.validations.map((v) => v.sqref).sort();
    expect(sqrefs('both')).toEqual(sqrefs('tracker'));
    expect(sqrefs('reinserted-forms')).toEqual(sqrefs('tracker'));
  });

  it('offers each agency kind of the roster whole, commas and all, in "Danh sách đơn vị"', () => {
    const report = inspectPackage(bytes('consolidated'));
    const roster = report.sheets.find((s) => s.name === ROSTER_SHEET)!;
    const kind = roster.validations.find((v) => v.sqref.startsWith('C'))!;
    expect(listItems(report, roster, kind.formula1!)).toContain('Sở, ban, ngành');
    expect(roster.values.get('C4')).toBe('Sở, ban, ngành');
  });
});

describe('the checks find what Excel repairs', () => {
  const sheet = (body: string) =>
    makeZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="a" sheetId="2" r:id="rId2"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: `<worksheet>${body}</worksheet>` },
    ]);

  it('overlapping validations, elements out of order, a list item Excel splits, a long source, duplicate names', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Mục ${i}`).join(',');
    const problems = packageProblems(sheet(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Sở, ban, ngành</t></is></c></row></sheetData>' +
      '<dataValidations count="3"><dataValidation type="list" sqref="A1:A5"><formula1>"Sở, ban, ngành,Xã"</formula1></dataValidation>' +
      '<dataValidation type="list" sqref="A3:A9"><formula1>"Có,Không"</formula1></dataValidation>' +
      `<dataValidation type="list" sqref="B1"><formula1>"${long}"</formula1></dataValidation></dataValidations>` +
      '<mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells>',
    ));
    expect(problems).toEqual(expect.arrayContaining([
      'sheet name "a" twice',
      'A: cell A3 under two data validations (A1:A5 and A3:A9)',
      'A: <mergeCells> after <dataValidations> (schema order)',
      'A: A1 holds "Sở, ban, ngành", not one of its list\'s items [Sở |  ban |  ngành | Xã]',
      expect.stringMatching(/^A: list source of B1 is \d+ characters \(max 255\)$/),
    ]));
  });

  it('parses entities and self-closing elements, and expands sqrefs', () => {
    expect(parseXml('<a x="1 &amp; 2"><b/><c>t&lt;u</c></a>').children[0]!.children.map((c) => [c.name, c.text])).toEqual([['b', ''], ['c', 't<u']]);
    expect(sqrefCells('A1:B2 D4')).toEqual(['A1', 'B1', 'A2', 'B2', 'D4']);
  });
});
