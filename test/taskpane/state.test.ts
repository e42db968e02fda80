import { describe, expect, it } from 'vitest';
import { mustDay } from '../../src/domain/calendar';
import { findAgency } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { insertTracker } from '../../src/app/insert-tracker';
import { summariseTracker, type TrackerSummary } from '../../src/app/tracker-summary';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { canInsert, canRead, initialState, reduce, stampedAgency, type PaneState } from '../../src/taskpane/state';
import { textNotice } from '../../src/taskpane/view-model';

const pack = defaultPlanPack();
const roster = defaultRoster();
const knownCodes = new Set(roster.entries.map((e) => e.code));
const NOW = Date.UTC(2026, 2, 1, 3);

async function summaryOf(code: string, asOf?: ReturnType<typeof mustDay>): Promise<TrackerSummary> {
  const wb = FileWorkbook.create();
  await insertTracker(wb, { pack, agency: findAgency(roster, code)!, now: new Date(NOW), confirm: async () => false, asOf, window: 7 });
  const r = await summariseTracker(wb, pack, NOW);
  if (!r.ok) throw new Error('no tracker');
  return r.summary;
}

const start = (): PaneState => initialState('vi', NOW, { statisticsYear: pack.statisticsYear });

describe('initialState', () => {
  it('starts in Vietnamese, as of today with a 14-day window, knowing nothing of the workbook', () => {
    const s = start();
    expect(s.lang).toBe('vi');
    expect(s.env.kind).toBe('starting');
    expect(s.summary.kind).toBe('unknown');
    expect(s.settings).toEqual({ asOfMode: 'today', asOfText: '01/03/2026', windowText: '14', inclusive: false });
    expect(canInsert(s) || canRead(s)).toBe(false);
  });
});

describe('reduce', () => {
  it('offers inserting only in an Excel that supports ExcelApi 1.8, reading in any Excel', () => {
    const old = reduce(start(), { type: 'env', env: { kind: 'excel', canInsert: false } });
    expect([canInsert(old), canRead(old)]).toEqual([false, true]);
    const current = reduce(start(), { type: 'env', env: { kind: 'excel', canInsert: true } });
    expect([canInsert(current), canRead(current)]).toEqual([true, true]);
    expect(canRead(reduce(start(), { type: 'env', env: { kind: 'outside' } }))).toBe(false);
  });

  it('preselects the stamped agency and fills the settings from the workbook', async () => {
    const summary = await summaryOf('05455', mustDay(2026, 6, 30));
    const s = reduce(start(), { type: 'summary', summary, knownCodes });
    expect(s.agencyCode).toBe('05455');
    expect(stampedAgency(s)).toEqual({ code: '05455', name: 'Phường Quyết Thắng' });
    expect(s.settings).toEqual({ asOfMode: 'fixed', asOfText: '30/06/2026', windowText: '7', inclusive: false });
  });

  it('keeps an agency the user already chose, and settings the user is editing', async () => {
    const summary = await summaryOf('05455');
    let s = reduce(start(), { type: 'agency', code: 'SNV' });
    s = reduce(s, { type: 'settings-edit', patch: { windowText: '30' } });
    s = reduce(s, { type: 'summary', summary, knownCodes });
    expect(s.agencyCode).toBe('SNV');
    expect(s.settings.windowText).toBe('30');
    expect(s.settingsDirty).toBe(true);
    s = reduce(s, { type: 'settings-saved' });
    s = reduce(s, { type: 'summary', summary, knownCodes });
    expect(s.settings.windowText).toBe('7');
  });

  it('records a workbook without a tracker', () => {
    const s = reduce(start(), { type: 'summary', summary: null, knownCodes });
    expect(s.summary.kind).toBe('none');
    expect(stampedAgency(s)).toBeNull();
  });

  it('tracks busy work and per-section notices', () => {
    let s = reduce(start(), { type: 'busy', section: 'insert', text: () => 'x' });
    expect(s.busy?.section).toBe('insert');
    s = reduce(s, { type: 'notice', section: 'insert', notice: textNotice('success', () => 'ok') });
    s = reduce(s, { type: 'idle' });
    expect(s.busy).toBeNull();
    expect(s.notices.insert?.tone).toBe('success');
    expect(s.notices.summary).toBeNull();
  });

  it('switches language without touching anything else', () => {
    const before = reduce(start(), { type: 'agency', code: 'STC' });
    const after = reduce(before, { type: 'lang', lang: 'en' });
    expect(after).toEqual({ ...before, lang: 'en' });
  });

  it('marks the fixed date mode when the user types a date', () => {
    const s = reduce(start(), { type: 'settings-edit', patch: { asOfText: '31/03/2026', asOfMode: 'fixed' } });
    expect(s.settings.asOfMode).toBe('fixed');
    expect(s.settingsDirty).toBe(true);
  });
});

describe('reduce: report forms, check, consolidation', () => {
  const forms = defaultFormPack();
  const codes = forms.forms.map((f) => f.code);

  it('starts without a form pack (it comes with the tools), the plan\'s statistics year, no files', () => {
    const s = start();
    expect(s.forms).toMatchObject({ pack: null, packFile: null, selected: [], yearText: '2025', yearDirty: false, yearError: null });
    expect(s.check).toBeNull();
    expect(s.highlighted).toBeNull();
    expect(s.consolidate).toMatchObject({ files: [], asOfText: '01/03/2026', admitWarnings: false, progress: null, result: null });
    expect(s.notices).toEqual({ insert: null, summary: null, forms: null, check: null, consolidate: null, settings: null, setup: null });
  });

  it('the first pack selects all its forms; another keeps the choice of the forms it also has', () => {
    let s = reduce(start(), { type: 'forms-pack', pack: forms, file: null });
    expect(s.forms.selected).toEqual(codes);
    s = reduce(s, { type: 'forms-select', codes: ['0808', '0804', '9999'] });
    expect(s.forms.selected).toEqual(['0804', '0808']);
    const smaller = { ...forms, id: 'goi-sua', forms: forms.forms.filter((f) => f.code !== '0808') };
    s = reduce(s, { type: 'forms-pack', pack: smaller, file: 'goi-sua.json' });
    expect(s.forms).toMatchObject({ packFile: 'goi-sua.json', selected: ['0804'] });
    s = reduce(s, { type: 'forms-select', codes: [] });
    s = reduce(s, { type: 'forms-pack', pack: forms, file: null });
    expect(s.forms.selected).toEqual(codes);
  });

  it('the stamp preselects the agency and the reporting year, unless the user chose them', () => {
    let s = reduce(start(), { type: 'stamp', stamp: { agencyCode: 'snv', reportingYear: 2024 }, knownCodes });
    expect(s.agencyCode).toBe('SNV');
    expect(s.forms.yearText).toBe('2024');
    s = reduce(start(), { type: 'agency', code: '05455' });
    s = reduce(s, { type: 'forms-year', text: '2023' });
    s = reduce(s, { type: 'stamp', stamp: { agencyCode: 'SNV', reportingYear: 2024 }, knownCodes });
    expect(s.agencyCode).toBe('05455');
    expect(s.forms).toMatchObject({ yearText: '2023', yearDirty: true });
    expect(reduce(s, { type: 'forms-year-error', error: () => 'x' }).forms.yearError?.('vi')).toBe('x');
  });

  it('a check is kept with the number of cells highlighted', () => {
    const result = {
      report: { agency: null, identity: null, issues: [], errors: 0, warnings: 0, holdingWarnings: 0, asOf: mustDay(2026, 3, 1) },
      missingForms: [], formsTotal: 13, trackerPresent: true, highlighted: 4,
    };
    let s = reduce(start(), { type: 'check', result, knownCodes });
    expect(s.check).toBe(result);
    expect(s.highlighted).toBe(4);
    s = reduce(s, { type: 'highlighted', count: 0 });
    expect(s.highlighted).toBe(0);
    s = reduce(s, { type: 'notice', section: 'check', notice: textNotice('error', () => 'x') });
    s = reduce(s, { type: 'check-stale' });
    expect([s.check, s.notices.check, s.highlighted]).toEqual([null, null, 0]);
  });

  it('consolidation: the form, progress, cancelling and the result', () => {
    let s = reduce(start(), { type: 'consolidate-edit', patch: { files: ['a.xlsx', 'b.xlsx'], admitWarnings: true } });
    s = reduce(s, { type: 'consolidate-error', error: () => 'sai' });
    expect(s.consolidate.asOfError?.('vi')).toBe('sai');
    s = reduce(s, { type: 'consolidate-edit', patch: { asOfText: '02/03/2026' } });
    expect(s.consolidate).toMatchObject({ files: ['a.xlsx', 'b.xlsx'], admitWarnings: true, asOfText: '02/03/2026', asOfError: null });
    s = reduce(s, { type: 'consolidate-progress', progress: { done: 1, total: 2 } });
    s = reduce(s, { type: 'consolidate-cancelling' });
    expect(s.consolidate).toMatchObject({ progress: { done: 1, total: 2 }, cancelling: true });
    s = reduce(s, { type: 'consolidate-progress', progress: null });
    expect(s.consolidate).toMatchObject({ progress: null, cancelling: false });
    s = reduce(s, { type: 'consolidate-result', result: null });
    expect(s.consolidate.result).toBeNull();
  });
});
