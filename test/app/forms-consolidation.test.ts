import { beforeAll, describe, expect, it } from 'vitest';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { consolidate, type Consolidation } from '../../src/app/consolidate';
import { compareWithPrevious, formsPart } from '../../src/app/forms-part';
import { sheetsToRead, validateSnapshot, type ValidateOptions } from '../../src/app/validate-workbook';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { openWorkbookBytes } from '../../src/hosts/xlsx/open';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { mustDay } from '../../src/domain/calendar';
import { agencyWorkbook, type AgencyWorkbook } from '../helpers/agency-workbook';
import { formSheetLayout } from '../../src/workbook/forms';

const plan = defaultPlanPack();
const pack = defaultFormPack();
const roster = defaultRoster();
const agency = (code: string): RosterEntry => findAgency(roster, code)!;
const FEB = new Date(Date.UTC(2026, 1, 20, 3));
const options = (): ValidateOptions => ({
  planPack: plan,
  knownPacks: new Map([[plan.id, [plan.version]], [pack.id, [pack.version]]]),
  forms: formsPart(pack, { requireAll: true, expectedYear: 2025 }),
  expectedYear: 2025,
});

async function validate(wb: FileWorkbook) {
  const reopened = await FileWorkbook.load(await wb.toBuffer());
  const snapshot = await reopened.read(sheetsToRead(options()));
  return validateSnapshot(snapshot, options());
}

function addressOf(code: string, key: string): string {
  const form = pack.forms.find((f) => f.code === code)!;
  return formSheetLayout({ pack, form, agency: { code: 'X', name: 'X' }, year: 2025 }).addresses.get(key)!;
}

describe('report forms in validation', () => {
  let filled: AgencyWorkbook;
  beforeAll(async () => {
    filled = await agencyWorkbook(agency('STC'), FEB, 7);
  });

  it('finds nothing wrong in a complete, consistent workbook', async () => {
    const report = await validate(filled.workbook);
    expect(report.issues).toEqual([]);
  });

  it('points at the cell of each broken rule, with the fix', async () => {
    const wb = await FileWorkbook.load(await filled.workbook.toBuffer());
    wb.workbook.getWorksheet('0804')!.getCell(addressOf('0804', '02:2')).value = '1.234';
    wb.workbook.getWorksheet('0811')!.getCell(addressOf('0811', '02:1')).value = -5;
    wb.workbook.getWorksheet('0802')!.getCell(addressOf('0802', '02:1')).value = 1.5;
    const report = await validate(wb);
    const found = report.issues.map((i) => `${i.rule}@${i.sheet}!${i.cell}`);
    expect(found).toContain(`number-as-text@0804!${addressOf('0804', '02:2')}`);
    expect(found).toContain(`negative@0811!${addressOf('0811', '02:1')}`);
    expect(found).toContain(`not-whole@0802!${addressOf('0802', '02:1')}`);
    const text = report.issues.find((i) => i.rule === 'number-as-text')!;
    expect(text.params['meant']).toBe(1234);
  });

  it('reports missing form sheets and a wrong reporting year', async () => {
    const wb = await FileWorkbook.load(await filled.workbook.toBuffer());
    wb.workbook.removeWorksheet(wb.workbook.getWorksheet('0813')!.id);
    const report = await validate(wb);
    expect(report.issues.map((i) => `${i.rule}:${i.sheet}`)).toContain('sheet-missing:0813');
    const other = await validateSnapshot(await wb.read(sheetsToRead(options())), { ...options(), expectedYear: 2024 });
    expect(other.issues.some((i) => i.rule === 'year-unexpected')).toBe(true);
  });

  it('warns when a figure more than doubles or halves against last year', async () => {
    const prev = await agencyWorkbook(agency('STC'), FEB, 7);
    const wb = await FileWorkbook.load(await filled.workbook.toBuffer());
    const key = [...filled.inputs.get('0808')!].find(([, v]) => v > 1)![0];
    wb.workbook.getWorksheet('0808')!.getCell(addressOf('0808', key)).value = filled.inputs.get('0808')!.get(key)! * 3;
    const now = await wb.read(pack.forms.map((f) => f.code));
    const before = await prev.workbook.read(pack.forms.map((f) => f.code));
    const issues = compareWithPrevious(pack, now.grids, before.grids);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.severity === 'warning' && i.rule === 'change-large' && i.sheet === '0808')).toBe(true);
    expect(issues.map((i) => i.cell)).toContain(addressOf('0808', key));
    expect(compareWithPrevious(pack, before.grids, before.grids)).toEqual([]);
  });
});

describe('province totals', () => {
  let result: Consolidation;
  let agencies: AgencyWorkbook[];
  const codes = ['SNV', 'STC', '05455', '05443', 'SYT'];

  beforeAll(async () => {
    agencies = await Promise.all(codes.map((c, i) => agencyWorkbook(agency(c), FEB, 100 + i)));
    // One agency's file has an error: it is submitted, but kept out of the totals.
    const bad = agencies[4]!.workbook;
    bad.workbook.getWorksheet('0811')!.getCell(addressOf('0811', '02:1')).value = 'nhiều';
    const files = await Promise.all(agencies.map(async (a, i) => ({ name: `${codes[i]}.xlsx`, bytes: await a.workbook.toBuffer(FEB) })));
    result = await consolidate({
      files: files.map((f) => ({ name: f.name, read: async () => f.bytes })),
      planPack: plan,
      roster,
      asOf: mustDay(2026, 11, 23),
      forms: formsPart(pack, { requireAll: false, expectedYear: 2025 }),
      knownPacks: new Map([[plan.id, [plan.version]], [pack.id, [pack.version]]]),
      open: async (bytes) => {
        const o = await openWorkbookBytes(bytes);
        return o.ok ? { ok: true, port: o.workbook } : o;
      },
    });
  });

  it('sums every cell over the files without errors, matching sums computed from the inputs', () => {
    expect(result.accepted.map((a) => a.agency.code).sort()).toEqual([...codes].sort());
    expect(result.accepted.find((a) => a.agency.code === 'SYT')?.inTotals).toBe(false);
    const counted = agencies.slice(0, 4);
    for (const form of pack.forms) {
      const expected = new Map<string, number>();
      for (const a of counted) {
        for (const [key, v] of a.figures.get(form.code) ?? []) expected.set(key, Math.round(((expected.get(key) ?? 0) + v) * 1e6) / 1e6);
      }
      expect(Object.fromEntries(result.totals.get(form.code) ?? new Map())).toEqual(Object.fromEntries(expected));
    }
  });
});

describe('which forms a workbook must hold', () => {
  it('warns once when no form was inserted yet, and requires all 13 once one was', async () => {
    const wb = FileWorkbook.create();
    const { insertTracker } = await import('../../src/app/insert-tracker');
    await insertTracker(wb, { pack: plan, agency: agency('STC'), now: FEB, confirm: async () => true });
    const opts: ValidateOptions = { ...options(), forms: formsPart(pack, { requireAll: 'when-started' }), expectedYear: undefined };
    const trackerOnly = validateSnapshot(await wb.read(sheetsToRead(opts)), opts);
    expect(trackerOnly.issues.map((i) => `${i.severity}:${i.rule}`)).toEqual(['warning:sheet-missing']);
    const full = await agencyWorkbook(agency('STC'), FEB, 9);
    full.workbook.workbook.removeWorksheet(full.workbook.workbook.getWorksheet('0805')!.id);
    const oneMissing = validateSnapshot(await full.workbook.read(sheetsToRead(opts)), opts);
    expect(oneMissing.issues.map((i) => `${i.severity}:${i.rule}:${i.sheet}`)).toEqual(['error:sheet-missing:0805']);
  });
});
