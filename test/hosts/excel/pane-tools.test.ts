/**
 * The pane's report forms, check, highlight and consolidation through the Office.js host, against the in-memory
 * Excel: what reaches the workbook, and how many round trips (context.sync calls) each user action costs.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/app/check-workbook';
import { consolidateIntoWorkbook } from '../../../src/app/consolidate-into';
import { HIGHLIGHT_SHEET, clearHighlight, highlightIssues } from '../../../src/app/highlight';
import { insertForms } from '../../../src/app/insert-forms';
import { insertTracker } from '../../../src/app/insert-tracker';
import { WorkbookAccessError } from '../../../src/app/workbook-access-error';
import { mustDay } from '../../../src/domain/calendar';
import type { RosterEntry } from '../../../src/domain/roster';
import { ExcelWorkbook, fillOf } from '../../../src/hosts/excel/excel-workbook';
import { ALL_FEATURES, featuresUpTo } from '../../../src/hosts/excel/features';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { openWorkbookBytes } from '../../../src/hosts/xlsx/open';
import { t } from '../../../src/domain/i18n';
import { consolidationRows } from '../../../src/taskpane/tools-view-model';
import { defaultFormPack } from '../../../src/packs/forms';
import { ROSTER_SHEET } from '../../../src/workbook/roster-sheet';
import { agencyWorkbook } from '../../helpers/agency-workbook';
import { EXCEL_WEB_LIMIT, type FakeExcel } from '../../fakes/excel-fake';
import { agency, NOW, pack, rig, roster, yes } from './helpers';

const forms = defaultFormPack();
const plan = { id: pack.id, version: pack.version };
const knownPacks = new Map([[pack.id, [pack.version]], [forms.id, [forms.version]]]);
const WARD = agency('05455');

async function withFormsAndTracker(who: RosterEntry = WARD) {
  const r = rig();
  await insertTracker(r.workbook, { pack, agency: who, now: NOW, confirm: yes });
  const inserted = await insertForms(r.workbook, { pack: forms, agency: who, year: 2025, plan, now: NOW, confirm: yes });
  if (!inserted.ok) throw new Error('forms not inserted');
  r.fake.resetCounters();
  return { ...r, inserted };
}

/** Every cell's fill on every sheet (the fake stores "fill.color" only for cells that have one). */
function fills(fake: FakeExcel): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of fake.sheets) {
    for (const [k, c] of s.cells) {
      const f = c.format.get('fill.color');
      if (f !== undefined) out.set(`${s.name}:${k}`, f);
    }
  }
  return out;
}

describe('insertForms through Office.js', () => {
  it('writes all 13 forms and the stamp in 3 syncs (read 1, write 2), fresh and again', async () => {
    const { fake, workbook } = rig();
    const first = await insertForms(workbook, { pack: forms, agency: WARD, year: 2025, plan, now: NOW, confirm: yes });
    expect(first.ok && first.forms.length).toBe(13);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.syncCount).toBe(3);
    for (const f of forms.forms) expect(fake.sheet(f.code)).toBeDefined();
    expect(fake.sheet('_vtlt_meta')?.visibility).toBe('VeryHidden');
    expect(fake.requests.every((r) => r.requestBytes <= EXCEL_WEB_LIMIT)).toBe(true);

    fake.resetCounters();
    const again = await insertForms(workbook, { pack: forms, agency: WARD, year: 2025, plan, now: NOW, confirm: yes });
    expect(again.ok).toBe(true);
    expect(fake.syncCount).toBe(3);
  });
});

describe('check through Office.js', () => {
  it('reads everything a check needs in 1 sync and finds a typed error where it was typed', async () => {
    const { fake, workbook, inserted } = await withFormsAndTracker();
    const f0804 = inserted.forms.find((f) => f.code === '0804')!;
    const cell = [...f0804.layout.addresses.entries()].find(([key]) => f0804.layout.model.roleOf({ row: key.split(':')[0]!, col: Number(key.split(':')[1]) }) === 'input')![1];
    fake.typeInto('0804', cell, [['mười hai']]);
    const result = await checkWorkbook(workbook, { planPack: pack, formPack: forms, knownPacks, nowMs: NOW.getTime() });
    expect(fake.syncCount).toBe(1);
    expect(result.trackerPresent).toBe(true);
    expect(result.missingForms).toEqual([]);
    expect(result.report.issues).toContainEqual(expect.objectContaining({ severity: 'error', rule: 'not-a-number', sheet: '0804', cell, value: 'mười hai' }));
  });

  it('lists the forms not inserted yet instead of an error for each', async () => {
    const { fake, workbook } = rig();
    await insertForms(workbook, { pack: forms, codes: ['0801', '0804'], agency: WARD, year: 2025, plan, now: NOW, confirm: yes });
    fake.resetCounters();
    const result = await checkWorkbook(workbook, { planPack: pack, formPack: forms, knownPacks, nowMs: NOW.getTime() });
    expect(fake.syncCount).toBe(1);
    expect(result.missingForms.map((f) => f.code)).toEqual(forms.forms.map((f) => f.code).filter((c) => c !== '0801' && c !== '0804'));
    expect(result.report.issues.filter((i) => i.rule === 'sheet-missing')).toEqual([]);
    expect(result.trackerPresent).toBe(false);
  });
});

describe('highlight through Office.js', () => {
  async function withProblems() {
    const r = await withFormsAndTracker();
    const f0804 = r.inserted.forms.find((f) => f.code === '0804')!;
    const inputs = [...f0804.layout.addresses.entries()]
      .filter(([key]) => f0804.layout.model.roleOf({ row: key.split(':')[0]!, col: Number(key.split(':')[1]) }) === 'input')
      .map(([, address]) => address);
    const [a, b] = inputs as [string, string];
    r.fake.typeInto('0804', a, [['abc']]);
    r.fake.typeInto('0804', b, [[-3]]);
    // A cell of the tracker (not protected) with a pasted status that is not in the list (typing it, the list's Stop
    // alert refuses it), given a fill by hand.
    const trackerRows = r.fake.valuesOf(pack.trackerSheetName);
    const row = trackerRows.findIndex((x) => x[0] === '1') + 1;
    expect(() => r.fake.typeInto(pack.trackerSheetName, `H${row}`, [['xong rồi']])).toThrow(/not one of the list/);
    r.fake.pasteValues(pack.trackerSheetName, `H${row}`, [['xong rồi']]);
    await r.fake.run(async (context) => {
      context.workbook.worksheets.getItem(pack.trackerSheetName).getRange(`H${row}`).format.fill.color = '#00B050';
      await context.sync();
    });
    const check = await checkWorkbook(r.workbook, { planPack: pack, formPack: forms, knownPacks, nowMs: NOW.getTime() });
    r.fake.resetCounters();
    return { ...r, check, cells: { a, b, status: `H${row}` } };
  }

  it('highlights in 2 syncs, unhighlights in 2, and every fill is exactly as before ("no fill" included)', async () => {
    const { fake, workbook, check, cells } = await withProblems();
    const before = fills(fake);
    const protectedBefore = { ...fake.mustSheet('0804').protection };
    expect(fake.mustSheet('0804').cell(1, 1)).toBeDefined();

    const done = await highlightIssues(workbook, check.report.issues);
    expect(fake.syncCount).toBe(2);
    expect(done.highlighted).toBeGreaterThanOrEqual(3);
    const s0804 = fake.mustSheet('0804');
    expect(s0804.formatAt(cells.a, 'fill.color')).toBe('#FFC7CE');
    expect(s0804.formatAt(cells.b, 'fill.color')).toBe('#FFC7CE');
    expect(fake.mustSheet(pack.trackerSheetName).formatAt(cells.status, 'fill.color')).toBe('#FFC7CE');
    // The form sheet is protected again, with the same options.
    expect(s0804.protection).toEqual(protectedBefore);
    // The record: very hidden, one row per cell, written as text.
    const record = fake.mustSheet(HIGHLIGHT_SHEET);
    expect(record.visibility).toBe('VeryHidden');
    const rows = fake.valuesOf(HIGHLIGHT_SHEET);
    expect(rows).toContainEqual([`0804!${cells.a}`, '#FFFDF5', '#FFC7CE']);
    expect(rows).toContainEqual([`${pack.trackerSheetName}!${cells.status}`, '#00B050', '#FFC7CE']);

    // A pane opened later (a new host object, nothing kept in memory) gives the fills back.
    void workbook;
    fake.resetCounters();
    const later = new ExcelWorkbook((batch) => fake.run(batch), { features: ALL_FEATURES, requestBudget: 4 * 1024 * 1024 });
    const cleared = await clearHighlight(later);
    expect(fake.syncCount).toBe(2);
    expect(cleared.restored).toBe(done.highlighted);
    expect(fills(fake)).toEqual(before);
    expect(fake.sheet(HIGHLIGHT_SHEET)).toBeUndefined();
    // Excel deletes a very hidden sheet only once it is Hidden: both in the same request.
    const last = fake.log.slice(-2);
    expect(last).toEqual(['Worksheet.visibility', 'Worksheet.delete']);
    expect(s0804.protection).toEqual(protectedBefore);
  });

  it('a form sheet the user protected with a password: nothing is coloured, no record is written, the sheet is named', async () => {
    const { fake, workbook, check } = await withProblems();
    fake.mustSheet('0804').protection = { ...fake.mustSheet('0804').protection, password: 'mật khẩu' };
    const before = fills(fake);
    const e: unknown = await highlightIssues(workbook, check.report.issues).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookAccessError);
    expect((e as WorkbookAccessError).problem).toEqual({ kind: 'sheet-password', sheet: '0804' });
    expect(fills(fake)).toEqual(before);
    expect(fake.sheet(HIGHLIGHT_SHEET)).toBeUndefined();
    expect(fake.mustSheet('0804').protection.protected).toBe(true);
  });

  it('gives "no fill" back as no fill and white back as white', async () => {
    const { fake, workbook } = rig();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('B3').format.fill.color = '#FFFFFF';
      ws.getRange('B4').format.fill.color = '#00B050';
      await context.sync();
    });
    const issues = ['B2', 'B3', 'B4'].map((cell) => ({ severity: 'error' as const, rule: 'not-a-number' as const, sheet: 'Sheet1', cell, value: null, params: {} }));
    const read = await workbook.readFills(issues, HIGHLIGHT_SHEET);
    expect([...read.fills.values()]).toEqual([null, '#FFFFFF', '#00B050']);
    await highlightIssues(workbook, issues);
    const s = fake.mustSheet('Sheet1');
    expect(['B2', 'B3', 'B4'].map((c) => s.formatAt(c, 'fill.color'))).toEqual(['#FFC7CE', '#FFC7CE', '#FFC7CE']);
    expect(fake.valuesOf(HIGHLIGHT_SHEET).slice(2)).toEqual([
      ['Sheet1!B2', 'none', '#FFC7CE'],
      ['Sheet1!B3', '#FFFFFF', '#FFC7CE'],
      ['Sheet1!B4', '#00B050', '#FFC7CE'],
    ]);
    await clearHighlight(workbook);
    expect(s.formatAt('B2', 'fill.color')).toBeUndefined();
    expect(s.formatAt('B3', 'fill.color')).toBe('#FFFFFF');
    expect(s.formatAt('B4', 'fill.color')).toBe('#00B050');
  });

  it('highlighting twice keeps the original fills; a fixed cell gets its fill back at the next highlight', async () => {
    const { fake, workbook, check, cells } = await withProblems();
    const before = fills(fake);
    const aBefore = fake.mustSheet('0804').formatAt(cells.a, 'fill.color');
    expect(aBefore).toBe('#FFFDF5');
    await highlightIssues(workbook, check.report.issues);
    await highlightIssues(workbook, check.report.issues);
    const fewer = check.report.issues.filter((i) => i.cell !== cells.a);
    fake.resetCounters();
    const again = await highlightIssues(workbook, fewer);
    expect(fake.syncCount).toBe(2);
    expect(again.restored).toBe(1);
    expect(fake.mustSheet('0804').formatAt(cells.a, 'fill.color')).toBe(aBefore);
    expect(fake.mustSheet('0804').formatAt(cells.b, 'fill.color')).toBe('#FFC7CE');
    await clearHighlight(workbook);
    expect(fills(fake)).toEqual(before);
  });

  it('the number of syncs does not depend on the number of cells', async () => {
    const counts: number[] = [];
    for (const n of [3, 300]) {
      const { fake, workbook } = rig();
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
        await context.sync();
      });
      const issues = Array.from({ length: n }, (_, i) => ({
        severity: i % 2 === 0 ? ('error' as const) : ('warning' as const),
        rule: 'not-a-number' as const, sheet: 'Sheet1', cell: `B${i + 1}`, value: null, params: {},
      }));
      fake.resetCounters();
      await highlightIssues(workbook, issues);
      await clearHighlight(workbook);
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([4, 4]);
  });

  it('without ExcelApi 1.9, white reads as no fill (both look the same once given back)', async () => {
    const { fake, workbook } = rig({}, { features: featuresUpTo('1.8', true) });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = '#FFFFFF';
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').format.fill.color = '#FFC000';
      await context.sync();
    });
    const read = await workbook.readFills([{ sheet: 'Sheet1', cell: 'A1' }, { sheet: 'Sheet1', cell: 'A2' }, { sheet: 'Sheet1', cell: 'A3' }], HIGHLIGHT_SHEET);
    expect([...read.fills.values()]).toEqual([null, '#FFC000', null]);
  });

  it('fillOf: colour, no fill, and what cannot be told', () => {
    expect(fillOf('#ffc000', 0)).toBe('#FFC000');
    expect(fillOf('#FFFFFF', null)).toBeNull();
    expect(fillOf('#FFFFFF', 0)).toBe('#FFFFFF');
    expect(fillOf('#FFFFFF', undefined)).toBeNull();
    expect(fillOf(null, null)).toBeUndefined();
  });
});

describe('recalculate', () => {
  it('asks Excel for a full recalculation in 1 sync', async () => {
    const { fake, workbook } = rig();
    await workbook.recalculate();
    expect(fake.syncCount).toBe(1);
    expect(fake.calculations).toEqual(['Full']);
  });
});

describe('consolidation into the open workbook through Office.js', () => {
  const agencies = ['05455', 'SNV', '05953', 'STC', '05452', 'SGDDT'].map((code) => roster.entries.find((e) => e.code === code)).filter(
    (e): e is RosterEntry => e !== undefined,
  );

  async function files(count: number) {
    const made = await Promise.all(agencies.map(async (a, i) => (await agencyWorkbook(a, NOW, 100 + i)).workbook.toBuffer(NOW)));
    return Array.from({ length: count }, (_, i) => {
      const bytes = made[i % made.length]!;
      return { name: `don-vi-${String(i + 1).padStart(2, '0')}.xlsx`, read: async () => bytes };
    });
  }

  async function run(count: number) {
    const { fake, workbook } = rig();
    const inputs = await files(count);
    fake.resetCounters();
    const progress: string[] = [];
    const summary = await consolidateIntoWorkbook(workbook, {
      files: inputs,
      planPack: pack,
      formPack: forms,
      knownPacks,
      defaultRoster: roster,
      asOf: mustDay(2026, 3, 1),
      lang: 'vi',
      open: async (bytes) => {
        const opened = await openWorkbookBytes(bytes);
        return opened.ok ? { ok: true, port: opened.workbook } : opened;
      },
      onProgress: (done, total, file) => progress.push(`${done}/${total}:${file}`),
    });
    return { fake, summary, progress };
  }

  it('3 files and 30 files cost the same number of syncs: read the roster and every sheet protection 1, write every sheet 1', async () => {
    const three = await run(3);
    const thirty = await run(30);
    expect(three.fake.syncCount).toBe(2);
    expect(thirty.fake.syncCount).toBe(2);
    expect(three.progress).toEqual(['0/3:don-vi-01.xlsx', '1/3:don-vi-02.xlsx', '2/3:don-vi-03.xlsx', '3/3:']);
    expect(thirty.summary.submitted.length).toBe(agencies.length);
    expect(thirty.summary.replaced.length).toBe(30 - agencies.length);
    expect(three.summary.sheets[0]).toBe(ROSTER_SHEET);
    for (const name of three.summary.sheets) expect(three.fake.sheet(name), name).toBeDefined();
    expect(three.summary.reminder.join('\n')).toContain('Sở Nội vụ chưa nhận được báo cáo');
    expect(thirty.fake.requests.every((r) => r.requestBytes <= EXCEL_WEB_LIMIT)).toBe(true);
  }, 120_000);

  it('uses the workbook\'s own roster sheet when it has one, and does not rewrite it', async () => {
    const { fake, workbook } = rig();
    const small = { ...roster, entries: roster.entries.filter((e) => ['05455', 'SNV'].includes(e.code)) };
    const inputs = await files(2);
    // First run writes the roster sheet (default roster); then the user trims it to two agencies.
    const base = {
      planPack: pack, formPack: forms, knownPacks, asOf: mustDay(2026, 3, 1), lang: 'vi' as const,
      open: async (bytes: Uint8Array) => {
        const opened = await openWorkbookBytes(bytes);
        return opened.ok ? { ok: true as const, port: opened.workbook } : opened;
      },
    };
    await consolidateIntoWorkbook(workbook, { ...base, files: [], defaultRoster: small });
    fake.resetCounters();
    const summary = await consolidateIntoWorkbook(workbook, { ...base, files: inputs, defaultRoster: roster });
    expect(summary.rosterSource).toBe('workbook');
    expect(summary.rosterSize).toBe(2);
    expect(summary.sheets).not.toContain(ROSTER_SHEET);
    expect(summary.missing).toEqual([]);
    expect(fake.syncCount).toBe(2);
  }, 60_000);

  it('a file set aside: its reasons Vietnamese for the workbook, and in English for an English pane', async () => {
    const { workbook } = rig();
    const blank = await FileWorkbook.create().toBuffer();
    const summary = await consolidateIntoWorkbook(workbook, {
      files: [{ name: 'trang.xlsx', read: async () => blank }], planPack: pack, formPack: forms, knownPacks, defaultRoster: roster,
      asOf: mustDay(2026, 3, 1), lang: 'vi',
      open: async (bytes) => {
        const opened = await openWorkbookBytes(bytes);
        return opened.ok ? { ok: true, port: opened.workbook } : opened;
      },
    });
    expect(summary.rejected.map((r) => r.reasons)).toEqual([[t('vi', 'consolidate.reason.notProduct')]]);
    const rejected = consolidationRows(summary).find((r) => r.key === 'rejected')!;
    expect(rejected.items.map((i) => i('en'))).toEqual([`trang.xlsx: ${t('en', 'consolidate.reason.notProduct')}`]);
    expect(rejected.items.map((i) => i('vi'))).toEqual([`trang.xlsx: ${t('vi', 'consolidate.reason.notProduct')}`]);
  }, 60_000);

  it('a cancelled run writes nothing', async () => {
    const { fake, workbook } = rig();
    const inputs = await files(3);
    const controller = new AbortController();
    fake.resetCounters();
    const summary = await consolidateIntoWorkbook(workbook, {
      files: inputs, planPack: pack, formPack: forms, knownPacks, defaultRoster: roster, asOf: mustDay(2026, 3, 1), lang: 'vi',
      open: async (bytes) => {
        controller.abort();
        const opened = await openWorkbookBytes(bytes);
        return opened.ok ? { ok: true, port: opened.workbook } : opened;
      },
      signal: controller.signal,
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.sheets).toEqual([]);
    expect(fake.syncCount).toBe(1);
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  }, 60_000);
});
