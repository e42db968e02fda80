/**
 * The pane by task, without a browser: the views in the state (tab switch, settings and back, the view asked for by
 * the address, the remembered one, the first run), the tab keys, the address, the view memory over Office's document
 * settings, whether a workbook holds anything of the product, and the clerk's one-step set-up through the Office.js
 * host (its round trips, its one question, nothing written on "no").
 */
import { describe, expect, it } from 'vitest';
import { setUpAgency } from '../../src/app/set-up-agency';
import { defaultFormPack } from '../../src/packs/forms';
import { viewFromSearch, routeFromHash, TAB_VIEWS } from '../../src/taskpane/route';
import { initialState, reduce, type Action, type PaneState } from '../../src/taskpane/state';
import { busyView, tabKeyTarget, tabModels } from '../../src/taskpane/views/tabs-model';
import { arrivalFocus, finishedElsewhere, shownParts } from '../../src/taskpane/views/shell-model';
import { firstRunModel } from '../../src/taskpane/views/first-run-model';
import { chosenAgency } from '../../src/taskpane/insert-section';
import { roster } from '../hosts/excel/helpers';
import { settingsMemory, VIEW_SETTING, type DocumentSettings } from '../../src/taskpane/views/view-memory';
import { productIn, CONSOLIDATION_MARKERS } from '../../src/workbook/product-sheets';
import { ROSTER_SHEET } from '../../src/workbook/roster-sheet';
import { SUBMISSION_SHEET } from '../../src/workbook/consolidation-sheets';
import { IDENTITY_SHEET } from '../../src/workbook/identity';
import { PLAN_SHEET } from '../../src/workbook/plan-stamp';
import { textNotice } from '../../src/taskpane/view-model';
import { FakeSheet } from '../fakes/excel-fake';
import { agency, NOW, pack, rig } from '../hosts/excel/helpers';

const start = (view: PaneState['view'] | null = null): PaneState => initialState('vi', NOW.getTime(), { statisticsYear: 2025, view });
const run = (state: PaneState, ...actions: Action[]) => actions.reduce(reduce, state);

describe('views in the state', () => {
  it('opens on the tracker, deciding whether to offer the first run; a tab chosen ends it', () => {
    const s = start();
    expect([s.view, s.tab, s.start]).toEqual(['tracker', 'tracker', 'deciding']);
    const next = run(s, { type: 'view', view: 'check' });
    expect([next.view, next.tab, next.start]).toEqual(['check', 'check', 'views']);
  });

  it('the settings keep the tab they were opened from', () => {
    const s = run(start(), { type: 'view', view: 'consolidate' }, { type: 'view', view: 'settings' });
    expect([s.view, s.tab]).toEqual(['settings', 'consolidate']);
  });

  it('a view asked for by the address wins: no first run, the remembered view ignored', () => {
    const s = start('forms');
    expect([s.view, s.tab, s.start]).toEqual(['forms', 'forms', 'views']);
    expect(run(s, { type: 'remembered', view: 'consolidate' }, { type: 'workbook-seen', holds: 'nothing' }).view).toBe('forms');
    expect(run(s, { type: 'workbook-seen', holds: 'nothing' }).start).toBe('views');
    expect(start('settings').tab).toBe('tracker');
  });

  it('the ribbon tracker button (?view=tracker) still offers the first run in a new workbook; otherwise it wins', () => {
    const s = start('tracker');
    expect([s.view, s.start]).toEqual(['tracker', 'deciding']);
    expect(run(s, { type: 'remembered', view: null }, { type: 'workbook-seen', holds: 'nothing' }).start).toBe('choose');
    const used = run(s, { type: 'remembered', view: 'consolidate' }, { type: 'workbook-seen', holds: 'nothing' });
    expect([used.view, used.start]).toEqual(['tracker', 'views']);
    const consolidation = run(s, { type: 'remembered', view: null }, { type: 'workbook-seen', holds: 'consolidation' });
    expect([consolidation.view, consolidation.start]).toEqual(['tracker', 'views']);
  });

  it('the remembered view opens the pane there, and no first run is offered', () => {
    const s = run(start(), { type: 'remembered', view: 'consolidate' }, { type: 'workbook-seen', holds: 'nothing' });
    expect([s.view, s.start]).toEqual(['consolidate', 'views']);
    expect(run(start(), { type: 'remembered', view: null }).start).toBe('deciding');
  });

  it('a workbook with nothing of the product offers the first run; one with something opens the tabs, at its view', () => {
    expect(run(start(), { type: 'workbook-seen', holds: 'nothing' }).start).toBe('choose');
    expect(run(start(), { type: 'workbook-seen', holds: 'agency' }).start).toBe('views');
    expect(run(start(), { type: 'workbook-seen', holds: 'unknown' }).start).toBe('views');
    // Sở Nội vụ's consolidation workbook opens on consolidation.
    const consolidation = run(start(), { type: 'workbook-seen', holds: 'consolidation' });
    expect([consolidation.start, consolidation.view, consolidation.tab]).toEqual(['views', 'consolidate', 'consolidate']);
    expect(run(start('forms'), { type: 'workbook-seen', holds: 'consolidation' }).view).toBe('forms');
    // Only the start-up read decides: later reads (after inserting) change nothing.
    const open = run(start(), { type: 'workbook-seen', holds: 'agency' }, { type: 'workbook-seen', holds: 'nothing' });
    expect(open.start).toBe('views');
  });

  it('the first run goes to the agency step and back; once over, its steps are ignored', () => {
    const s = run(start(), { type: 'workbook-seen', holds: 'nothing' }, { type: 'first-run', step: 'agency' });
    expect(s.start).toBe('agency');
    expect(run(s, { type: 'first-run', step: 'choose' }).start).toBe('choose');
    const over = run(s, { type: 'view', view: 'consolidate' });
    expect([over.view, over.start]).toEqual(['consolidate', 'views']);
    expect(run(over, { type: 'first-run', step: 'agency' }).start).toBe('views');
  });

  it('says which view is busy (its tab shows it); the one-step set-up is the tracker view\'s', () => {
    expect(busyView(start())).toBeNull();
    expect(busyView(run(start(), { type: 'busy', section: 'consolidate', text: () => '' }))).toBe('consolidate');
    expect(busyView(run(start(), { type: 'busy', section: 'setup', text: () => '' }))).toBe('tracker');
    expect(busyView(run(start(), { type: 'busy', section: 'summary', text: () => '' }))).toBe('tracker');
    // Busy in one view leaves the view shown alone, and a notice of the set-up has its own place.
    const s = run(start('forms'), { type: 'busy', section: 'check', text: () => '' }, { type: 'notice', section: 'setup', notice: textNotice('info', () => 'x') });
    expect(s.view).toBe('forms');
    expect(s.notices.setup?.tone).toBe('info');
  });
});

describe('the shell\'s view-model', () => {
  it('shows the start-up spinner, then the first run or the tabs and one panel; the settings without the tabs', () => {
    expect(shownParts({ view: 'tracker', start: 'deciding' })).toEqual({ deciding: true, firstRun: false, tabs: false, panel: null });
    expect(shownParts({ view: 'tracker', start: 'choose' })).toEqual({ deciding: false, firstRun: true, tabs: false, panel: null });
    expect(shownParts({ view: 'tracker', start: 'agency' })).toEqual({ deciding: false, firstRun: true, tabs: false, panel: null });
    expect(shownParts({ view: 'check', start: 'views' })).toEqual({ deciding: false, firstRun: false, tabs: true, panel: 'check' });
    expect(shownParts({ view: 'settings', start: 'views' })).toEqual({ deciding: false, firstRun: false, tabs: false, panel: 'settings' });
  });

  it('moves the focus where the work starts when a button other than a tab changed the view; a tab keeps it', () => {
    const views = (view: PaneState['view']) => ({ view, start: 'views' as const });
    // Opening, and the start-up read ending, leave the focus alone.
    expect(arrivalFocus(null, views('tracker'), false)).toBeNull();
    expect(arrivalFocus({ view: 'tracker', start: 'deciding' }, { view: 'tracker', start: 'choose' }, false)).toBeNull();
    expect(arrivalFocus({ view: 'tracker', start: 'deciding' }, views('consolidate'), false)).toBeNull();
    // The first run: the agency field, back to the choice, then the tab of the view chosen.
    expect(arrivalFocus({ view: 'tracker', start: 'choose' }, { view: 'tracker', start: 'agency' }, false)).toBe('setup-agency');
    expect(arrivalFocus({ view: 'tracker', start: 'agency' }, { view: 'tracker', start: 'choose' }, false)).toBe('start-agency');
    expect(arrivalFocus({ view: 'tracker', start: 'choose' }, views('consolidate'), false)).toBe('tab-consolidate');
    expect(arrivalFocus({ view: 'tracker', start: 'agency' }, views('tracker'), false)).toBe('tab-tracker');
    // The gear and back.
    expect(arrivalFocus(views('forms'), views('settings'), false)).toBe('settings-back');
    expect(arrivalFocus(views('settings'), views('forms'), false)).toBe('gear');
    // A tab (click or keys) keeps the focus; nothing changed, nothing moves.
    expect(arrivalFocus(views('forms'), views('check'), true)).toBeNull();
    expect(arrivalFocus(views('forms'), views('forms'), false)).toBeNull();
  });
});

describe('work that ends out of sight', () => {
  const done = textNotice('success', () => 'xong');
  const views = run(start(), { type: 'workbook-seen', holds: 'agency' });
  it('is the section that was busy, left a notice, and whose view is not shown', () => {
    const ended = run(views, { type: 'notice', section: 'consolidate', notice: done });
    expect(finishedElsewhere('consolidate', ended)).toBe('consolidate');
    // Shown: its own status says it. Still busy, no notice, nothing was busy: nothing to say.
    expect(finishedElsewhere('consolidate', run(ended, { type: 'view', view: 'consolidate' }))).toBeNull();
    expect(finishedElsewhere('consolidate', run(ended, { type: 'busy', section: 'check', text: () => '' }))).toBeNull();
    expect(finishedElsewhere('consolidate', views)).toBeNull();
    expect(finishedElsewhere(null, ended)).toBeNull();
    // The help over the view, or the settings: out of sight too.
    const inHelp = run(ended, { type: 'view', view: 'consolidate' }, { type: 'route', route: { view: 'help', topic: null } });
    expect(finishedElsewhere('consolidate', inHelp)).toBe('consolidate');
    expect(finishedElsewhere('insert', run(views, { type: 'notice', section: 'insert', notice: done }))).toBeNull();
  });
});

describe('the first run\'s view-model', () => {
  const byCode = new Map(roster.entries.map((e) => [e.code, e] as const));
  const firstRun = (...actions: Action[]) => run(start(), { type: 'env', env: { kind: 'excel', canInsert: true } }, { type: 'workbook-seen', holds: 'nothing' }, ...actions);

  it('the choice, then the agency step naming the forms\' year and the agency chosen', () => {
    expect(firstRunModel(firstRun(), byCode).step).toBe('choose');
    const m = firstRunModel(firstRun({ type: 'first-run', step: 'agency' }, { type: 'agency', code: '05455' }), byCode);
    expect(m.step).toBe('agency');
    expect(m.intro('vi')).toContain('năm 2025');
    expect(m.chosen('vi')).toBe('Đã chọn: Phường Quyết Thắng (mã 05455, Phường)');
    expect([m.canSetUp, m.canGoBack, m.oldExcel]).toEqual([true, true, false]);
    expect(firstRunModel(run(firstRun(), { type: 'view', view: 'tracker' }), byCode).step).toBeNull();
    expect(chosenAgency(null, byCode)('en')).toBe('No agency selected.');
  });

  it('nothing to press while something runs; an Excel without ExcelApi 1.8 says so and cannot set up', () => {
    const busy = firstRunModel(firstRun({ type: 'first-run', step: 'agency' }, { type: 'busy', section: 'setup', text: () => '' }), byCode);
    expect([busy.canSetUp, busy.canGoBack]).toEqual([false, false]);
    const old = firstRunModel(firstRun({ type: 'env', env: { kind: 'excel', canInsert: false } }, { type: 'first-run', step: 'agency' }), byCode);
    expect([old.oldExcel, old.canSetUp]).toEqual([true, false]);
  });
});

describe('the tabs', () => {
  it('Left/Right move to the previous/next tab, wrapping; Home/End to the first/last; other keys are left alone', () => {
    expect(tabKeyTarget('ArrowRight', 0, 5)).toBe(1);
    expect(tabKeyTarget('ArrowRight', 4, 5)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 5)).toBe(4);
    expect(tabKeyTarget('ArrowLeft', 3, 5)).toBe(2);
    expect(tabKeyTarget('Home', 3, 5)).toBe(0);
    expect(tabKeyTarget('End', 1, 5)).toBe(4);
    for (const key of ['ArrowUp', 'ArrowDown', 'Enter', ' ', 'Tab', 'a']) expect(tabKeyTarget(key, 2, 5)).toBeNull();
  });

  it('label every view; the short label (narrow panes) is always part of the full one, the tab\'s name', () => {
    for (const lang of ['vi', 'en'] as const) {
      const tabs = tabModels(lang);
      expect(tabs.map((t) => t.view)).toEqual([...TAB_VIEWS]);
      for (const tab of tabs) {
        expect(tab.label).not.toMatch(/^pane\./);
        expect(tab.label.toLowerCase()).toContain(tab.short.toLowerCase());
      }
    }
    expect(tabModels('vi').map((t) => t.label)).toEqual(['Theo dõi nhiệm vụ', 'Biểu báo cáo', 'Kiểm tra', 'Tổng hợp', 'Soạn văn bản']);
  });
});

describe('the address', () => {
  it('?view=<id> names a view (any case); ?view=help the help; anything else nothing', () => {
    expect(viewFromSearch('?view=forms')).toBe('forms');
    expect(viewFromSearch('?x=1&view=Consolidate')).toBe('consolidate');
    expect(viewFromSearch('?view=settings')).toBe('settings');
    expect(viewFromSearch('?view=help')).toBe('help');
    for (const search of ['', '?', '?view=', '?view=main', '?view=summary', '?other=forms']) expect(viewFromSearch(search)).toBeNull();
  });

  it('#help and #help-<topic> still open the help', () => {
    expect(routeFromHash('#help')).toEqual({ view: 'help', topic: null });
    expect(routeFromHash('#help-check')).toEqual({ view: 'help', topic: 'check' });
    expect(routeFromHash('')).toEqual({ view: 'main' });
  });
});

/** Office.Settings as the pane uses it, in memory; `fails` makes every save fail (and `get`/`set` can throw). */
function fakeSettings(initial: Record<string, unknown> = {}, options: { fails?: boolean; throws?: boolean } = {}) {
  const values = new Map(Object.entries(initial));
  const log = { saves: 0, sets: 0 };
  const settings: DocumentSettings = {
    get: (name) => {
      if (options.throws) throw new Error('not ready');
      return values.has(name) ? values.get(name) : null;
    },
    set: (name, value) => {
      log.sets++;
      values.set(name, value);
    },
    saveAsync: (callback) => {
      log.saves++;
      if (options.fails) throw new Error('read-only');
      callback?.({ status: 'succeeded' });
    },
  };
  return { settings, values, log };
}

describe('the view remembered per workbook', () => {
  it('reads the view the document holds, and keeps a new one (set, then saved)', () => {
    const { settings, values, log } = fakeSettings({ [VIEW_SETTING]: 'consolidate' });
    const memory = settingsMemory(() => settings);
    expect(memory.read()).toBe('consolidate');
    memory.write('check');
    expect(values.get(VIEW_SETTING)).toBe('check');
    expect(log.saves).toBe(1);
    // The same view again: nothing to save.
    memory.write('check');
    expect(log.saves).toBe(1);
  });

  it('nothing, something not a tab, no Office or a throwing one: no memory; a failed save is harmless', () => {
    expect(settingsMemory(() => fakeSettings().settings).read()).toBeNull();
    expect(settingsMemory(() => fakeSettings({ [VIEW_SETTING]: 'settings' }).settings).read()).toBeNull();
    expect(settingsMemory(() => fakeSettings({ [VIEW_SETTING]: 42 }).settings).read()).toBeNull();
    expect(settingsMemory(() => null).read()).toBeNull();
    expect(settingsMemory(() => fakeSettings({}, { throws: true }).settings).read()).toBeNull();
    const failing = fakeSettings({}, { fails: true });
    expect(() => settingsMemory(() => failing.settings).write('forms')).not.toThrow();
    expect(() => settingsMemory(() => null).write('forms')).not.toThrow();
  });
});

describe('whether a workbook holds anything of the product', () => {
  it('an agency\'s: the stamp, the tracker, the plan it carries; Sở Nội vụ\'s: a consolidation\'s sheets; a user\'s own sheets: nothing', () => {
    const tracker = pack.trackerSheetName;
    expect(productIn(['Sheet1'], tracker)).toBe('nothing');
    expect(productIn([], tracker)).toBe('nothing');
    // A sheet named like a form is the user's until the stamp says otherwise (forms are always stamped).
    expect(productIn(['Sheet1', '0801', 'Bảng lương'], tracker)).toBe('nothing');
    for (const name of [IDENTITY_SHEET, PLAN_SHEET, tracker]) expect(productIn(['Sheet1', name], tracker), name).toBe('agency');
    for (const name of [ROSTER_SHEET, SUBMISSION_SHEET]) expect(productIn(['Sheet1', name], tracker), name).toBe('consolidation');
    // An agency's workbook with a consolidation in it is still an agency's.
    expect(productIn([ROSTER_SHEET, IDENTITY_SHEET], tracker)).toBe('agency');
  });

  it('names the consolidation sheets as consolidation writes them', () => {
    expect([...CONSOLIDATION_MARKERS]).toEqual([ROSTER_SHEET, SUBMISSION_SHEET]);
  });
});

describe('the clerk\'s one-step set-up through Office.js', () => {
  const forms = defaultFormPack();
  const request = { planPack: pack, formPack: forms, agency: agency('05455'), year: 2025, now: NOW };

  it('in a new workbook: the tracker and every form, without a question, in 6 round trips', async () => {
    const { fake, workbook } = rig();
    const asked: string[] = [];
    const r = await setUpAgency(workbook, { ...request, confirm: async (q) => (asked.push(q), true) });
    expect(r.ok).toBe(true);
    expect(asked).toEqual([]);
    for (const name of [pack.trackerSheetName, IDENTITY_SHEET, PLAN_SHEET, ...forms.forms.map((f) => f.code)]) expect(fake.sheet(name), name).toBeDefined();
    // One read of every sheet both look at; the tracker's two writes (its read is that one); the forms' read, two writes.
    expect(fake.syncCount).toBe(6);
    if (r.ok) expect(r.forms.identity).toMatchObject({ agencyCode: '05455', reportingYear: 2025, planPackId: pack.id });
  });

  it('asks once, with every step\'s question, before writing anything; "no" writes nothing', async () => {
    const { fake, workbook } = rig({ sheets: ['Sheet1', '0801', pack.trackerSheetName] });
    fake.typeInto('0801', 'A1', [['Sổ riêng']]);
    fake.typeInto(pack.trackerSheetName, 'B2', [['Bảng của tôi']]);
    const asked: string[] = [];
    const before = fake.sheetNames();
    const no = await setUpAgency(workbook, { ...request, confirm: async (q) => (asked.push(q), false) });
    expect(no).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(`"${pack.trackerSheetName}"`);
    expect(asked[0]).toContain('0801');
    expect(fake.sheetNames()).toEqual(before);
    expect(fake.sheet('0801')?.valuesOf({ top: 1, left: 1, bottom: 1, right: 1 })).toEqual([['Sổ riêng']]);

    asked.length = 0;
    const yes = await setUpAgency(workbook, { ...request, confirm: async (q) => (asked.push(q), true) });
    expect(yes.ok).toBe(true);
    expect(asked).toHaveLength(1);
    expect(fake.sheet(forms.forms.at(-1)!.code)).toBeDefined();
  });

  it('a question the workbook raises after the one asked (typed in meanwhile) is asked too; "no" then leaves the tracker in', async () => {
    const { fake, workbook } = rig();
    // The user types into a sheet named like a form while the tracker is written.
    const port = {
      read: workbook.read.bind(workbook),
      write: async (...args: Parameters<typeof workbook.write>) => {
        await workbook.write(...args);
        if (!fake.sheet('0801')) {
          fake.sheets.push(new FakeSheet('0801'));
          fake.typeInto('0801', 'A1', [['Sổ riêng']]);
        }
      },
    };
    const asked: string[] = [];
    const r = await setUpAgency(port, { ...request, confirm: async (q) => (asked.push(q), false) });
    expect(r).toMatchObject({ ok: false, reason: 'forms-cancelled' });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('0801');
    expect(fake.sheet(pack.trackerSheetName)).toBeDefined();
    expect(fake.sheet('0802')).toBeUndefined();
  });
});
