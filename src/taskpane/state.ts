/**
 * The pane's state and the one place it changes (`reduce`). Pure: the DOM code renders a state, the controller
 * dispatches actions, and the tests check transitions without a browser.
 */
import { formatVn, todayInVietnam } from '../domain/calendar';
import type { FormPack } from '../domain/form-pack';
import type { PlanPack } from '../domain/plan-pack';
import type { Lang } from '../domain/i18n';
import type { CheckResult } from '../app/check-workbook';
import type { ConsolidationSummary } from '../app/consolidate-into';
import type { TrackerSummary } from '../app/tracker-summary';
import type { ProductHeld } from '../workbook/product-sheets';
import { MAIN, type PaneView, type Route, type TabView } from './route';
import {
  type Notice, type SettingsErrors, type SettingsForm, type Text, defaultSettingsForm, settingsFromSummary,
} from './view-model';

export type Section = 'insert' | 'summary' | 'forms' | 'check' | 'consolidate' | 'settings' | 'setup';
/** The sections that are cards of the views ('setup' is the first run's one-step insert). */
export const SECTIONS: readonly Section[] = ['insert', 'summary', 'forms', 'check', 'consolidate', 'settings'];

/** The view each section is part of. */
export const SECTION_VIEW: Readonly<Record<Section, PaneView>> = {
  insert: 'tracker', summary: 'tracker', setup: 'tracker', forms: 'forms', check: 'check', consolidate: 'consolidate', settings: 'settings',
};

/**
 * What the pane shows in Excel besides the help: the views, or — in a workbook with nothing of the product, when no view
 * was asked for or remembered — the first run's choice ('choose'), then the clerk's one-step set-up ('agency').
 * 'deciding': the start-up read has not told yet whether the workbook has anything of the product.
 */
export type StartStep = 'deciding' | 'choose' | 'agency' | 'views';

/** The "Chèn biểu báo cáo" form. */
export interface FormsForm {
  /** null until the forms tools are loaded (just after the pane is shown). */
  readonly pack: FormPack | null;
  /** The file the pack was loaded from; null for the bundled pack. */
  readonly packFile: string | null;
  /** Codes of the forms to insert, in the pack's order. */
  readonly selected: readonly string[];
  readonly yearText: string;
  /** The user typed a year (the workbook's stamp no longer fills it in). */
  readonly yearDirty: boolean;
  readonly yearError: Text | null;
}

/** The "Tổng hợp" form and its last result; the chosen File objects themselves stay with the controller. */
export interface ConsolidateForm {
  readonly files: readonly string[];
  readonly asOfText: string;
  readonly asOfError: Text | null;
  readonly admitWarnings: boolean;
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly cancelling: boolean;
  readonly result: ConsolidationSummary | null;
}

/** A plan picked from a file ("Kế hoạch"), used instead of the bundled plan until the pane is closed. */
export interface PickedPlan {
  readonly pack: PlanPack;
  /** null: the bundled plan, chosen again ("Dùng kế hoạch đi kèm"); it then wins over the workbook's plan too. */
  readonly file: string | null;
}

/** What the workbook's identity stamp says, as far as the pane uses it. */
export interface StampView {
  readonly agencyCode: string;
  readonly reportingYear: number;
}

/** Where the pane runs, as far as it matters to what it can offer. */
export type PaneEnv =
  | { readonly kind: 'starting' }
  | { readonly kind: 'excel'; readonly canInsert: boolean }
  | { readonly kind: 'outside' }
  | { readonly kind: 'other-host'; readonly host: string }
  | { readonly kind: 'no-office' };

export type SummaryView =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'none' }
  | { readonly kind: 'ready'; readonly summary: TrackerSummary };

export interface PaneState {
  readonly lang: Lang;
  readonly env: PaneEnv;
  /** The pane's views, or its help (taskpane.html#help). */
  readonly route: Route;
  /** The view shown (a tab, or the settings). */
  readonly view: PaneView;
  /** The tab last shown: the settings' "back" returns to it. */
  readonly tab: TabView;
  readonly start: StartStep;
  /**
   * The view the address asked for (taskpane.html?view=<id>), kept while the start-up read decides: the ribbon's
   * "Theo dõi nhiệm vụ" asks for the tracker, and a new workbook still gets the first run then.
   */
  readonly asked?: PaneView | null;
  /** Something slow is running; every action button is disabled meanwhile. */
  readonly busy: { readonly section: Section; readonly text: Text } | null;
  readonly notices: Readonly<Record<Section, Notice | null>>;
  readonly agencyCode: string | null;
  readonly summary: SummaryView;
  readonly settings: SettingsForm;
  /** The user changed the settings form since it was last filled from the workbook. */
  readonly settingsDirty: boolean;
  readonly settingsErrors: SettingsErrors;
  readonly forms: FormsForm;
  /** The last check of the workbook. */
  readonly check: CheckResult | null;
  /** Cells highlighted, as far as the pane knows (null: not known). */
  readonly highlighted: number | null;
  readonly consolidate: ConsolidateForm;
  /** The plan the user chose (a file, or the bundled plan again); null: none chosen, the workbook's or the bundled one. */
  readonly plan: PickedPlan | null;
  /** The plan the workbook carries (its plan sheet), used when none was picked; null: none or not valid. */
  readonly carried: PlanPack | null;
}

export type Action =
  | { readonly type: 'lang'; readonly lang: Lang }
  | { readonly type: 'env'; readonly env: PaneEnv }
  | { readonly type: 'route'; readonly route: Route }
  /** A view chosen (a tab, the gear, the first run's choice): the first run is over. */
  | { readonly type: 'view'; readonly view: PaneView }
  /** The view remembered in the workbook (null: none); it decides where the pane opens unless a view was asked for. */
  | { readonly type: 'remembered'; readonly view: PaneView | null }
  /**
   * The start-up read: what the workbook holds of the product (nothing: the first run; a consolidation: its view);
   * 'unknown' when the read failed.
   */
  | { readonly type: 'workbook-seen'; readonly holds: ProductHeld | 'unknown' }
  | { readonly type: 'first-run'; readonly step: 'choose' | 'agency' }
  | { readonly type: 'busy'; readonly section: Section; readonly text: Text }
  | { readonly type: 'idle' }
  | { readonly type: 'notice'; readonly section: Section; readonly notice: Notice | null }
  | { readonly type: 'agency'; readonly code: string | null }
  | { readonly type: 'summary'; readonly summary: TrackerSummary | null; readonly knownCodes: ReadonlySet<string> }
  | { readonly type: 'settings-edit'; readonly patch: Partial<SettingsForm> }
  | { readonly type: 'settings-errors'; readonly errors: SettingsErrors }
  | { readonly type: 'settings-saved' }
  | { readonly type: 'stamp'; readonly stamp: StampView; readonly knownCodes: ReadonlySet<string> }
  /** A plan from a file, or the bundled plan again (file null). */
  | { readonly type: 'plan'; readonly pack: PlanPack; readonly file: string | null }
  /** The plan the workbook carries, as read (null: none). */
  | { readonly type: 'carried'; readonly pack: PlanPack | null }
  | { readonly type: 'forms-pack'; readonly pack: FormPack; readonly file: string | null }
  | { readonly type: 'forms-select'; readonly codes: readonly string[] }
  | { readonly type: 'forms-year'; readonly text: string }
  | { readonly type: 'forms-year-error'; readonly error: Text | null }
  | { readonly type: 'check'; readonly result: CheckResult; readonly knownCodes: ReadonlySet<string> }
  | { readonly type: 'highlighted'; readonly count: number }
  /** The workbook changed (something was inserted): the last check no longer describes it. */
  | { readonly type: 'check-stale' }
  | { readonly type: 'consolidate-edit'; readonly patch: Partial<Pick<ConsolidateForm, 'files' | 'asOfText' | 'admitWarnings'>> }
  | { readonly type: 'consolidate-error'; readonly error: Text | null }
  | { readonly type: 'consolidate-progress'; readonly progress: ConsolidateForm['progress'] }
  | { readonly type: 'consolidate-cancelling' }
  | { readonly type: 'consolidate-result'; readonly result: ConsolidationSummary | null };

/** What the pane starts from besides the language and the time: the plan's statistics year (the default year). */
export interface PaneSetup {
  readonly statisticsYear: number;
  /**
   * The view the address asked for (taskpane.html?view=<id>); it wins over the remembered one. Any view but the tracker
   * also skips the first run: every ribbon button names a view, and "Theo dõi nhiệm vụ" (the tracker) is the one a
   * new clerk presses first, so a workbook new to the add-in still offers its two choices then.
   */
  readonly view?: PaneView | null;
}

/** The view shown and the tab last shown: the settings keep the tab they were opened from. */
function showing(tab: TabView, view: PaneView): { view: PaneView; tab: TabView } {
  return { view, tab: view === 'settings' ? tab : view };
}

export function initialState(lang: Lang, nowMs: number, setup: PaneSetup): PaneState {
  return {
    lang,
    env: { kind: 'starting' },
    route: MAIN,
    ...showing('tracker', setup.view ?? 'tracker'),
    start: setup.view && setup.view !== 'tracker' ? 'views' : 'deciding',
    asked: setup.view ?? null,
    busy: null,
    notices: { insert: null, summary: null, forms: null, check: null, consolidate: null, settings: null, setup: null },
    agencyCode: null,
    summary: { kind: 'unknown' },
    settings: defaultSettingsForm(nowMs),
    settingsDirty: false,
    settingsErrors: {},
    forms: {
      pack: null,
      packFile: null,
      selected: [],
      yearText: String(setup.statisticsYear),
      yearDirty: false,
      yearError: null,
    },
    check: null,
    highlighted: null,
    consolidate: {
      files: [],
      asOfText: formatVn(todayInVietnam(nowMs)),
      asOfError: null,
      admitWarnings: false,
      progress: null,
      cancelling: false,
      result: null,
    },
    plan: null,
    carried: null,
  };
}

/** The agency code in the roster matching a stamped code (codes compare without regard to case). */
function rosterCode(stamped: string | null, knownCodes: ReadonlySet<string>): string | null {
  if (stamped === null) return null;
  return [...knownCodes].find((c) => c.toUpperCase() === stamped.toUpperCase()) ?? null;
}

/** The stamp preselects the agency unless the user chose one, and the reporting year unless the user typed one. */
function withStamp(state: PaneState, stamp: StampView | null, knownCodes: ReadonlySet<string>): PaneState {
  if (stamp === null) return state;
  return {
    ...state,
    agencyCode: state.agencyCode ?? rosterCode(stamp.agencyCode, knownCodes),
    forms: state.forms.yearDirty ? state.forms : { ...state.forms, yearText: String(stamp.reportingYear), yearError: null },
  };
}

function stampOf(summary: TrackerSummary): StampView | null {
  const id = summary.identity;
  return id ? { agencyCode: id.agencyCode, reportingYear: id.reportingYear } : null;
}

export function reduce(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'lang':
      return { ...state, lang: action.lang };
    case 'env':
      return { ...state, env: action.env };
    case 'route':
      return { ...state, route: action.route };
    case 'view':
      return { ...state, ...showing(state.tab, action.view), start: 'views' };
    case 'remembered':
      if (state.start !== 'deciding' || action.view === null) return state;
      // Used before: no first run; the view the address asked for still wins over the remembered one.
      if (state.asked) return { ...state, start: 'views' };
      return { ...state, ...showing(state.tab, action.view), start: 'views' };
    case 'workbook-seen':
      if (state.start !== 'deciding') return state;
      if (action.holds === 'nothing') return { ...state, start: 'choose' };
      return action.holds === 'consolidation' && !state.asked ? { ...state, ...showing(state.tab, 'consolidate'), start: 'views' } : { ...state, start: 'views' };
    case 'first-run':
      return state.start === 'views' ? state : { ...state, start: action.step };
    case 'busy':
      return { ...state, busy: { section: action.section, text: action.text } };
    case 'idle':
      return { ...state, busy: null };
    case 'notice':
      return { ...state, notices: { ...state.notices, [action.section]: action.notice } };
    case 'agency':
      return { ...state, agencyCode: action.code };
    case 'summary': {
      const { summary } = action;
      if (summary === null) return { ...state, summary: { kind: 'none' } };
      return withStamp(
        {
          ...state,
          summary: { kind: 'ready', summary },
          settings: state.settingsDirty ? state.settings : settingsFromSummary(summary),
          settingsErrors: state.settingsDirty ? state.settingsErrors : {},
        },
        stampOf(summary),
        action.knownCodes,
      );
    }
    case 'settings-edit':
      return { ...state, settings: { ...state.settings, ...action.patch }, settingsDirty: true };
    case 'settings-errors':
      return { ...state, settingsErrors: action.errors };
    case 'settings-saved':
      return { ...state, settingsDirty: false, settingsErrors: {} };
    case 'stamp':
      return withStamp(state, action.stamp, action.knownCodes);
    case 'carried':
      return { ...state, carried: action.pack };
    case 'plan':
      // What was read or checked with the former plan no longer holds; the default year is the new plan's.
      return {
        ...state,
        plan: { pack: action.pack, file: action.file },
        summary: { kind: 'unknown' },
        check: null,
        notices: { ...state.notices, summary: null, check: null },
        forms: state.forms.yearDirty ? state.forms : { ...state.forms, yearText: String(action.pack.statisticsYear), yearError: null },
      };
    case 'forms-pack': {
      // A new pack keeps the choice of the forms it also has; a pack of other forms (or the first) starts with all.
      const codes = action.pack.forms.map((f) => f.code);
      const kept = state.forms.pack === null ? [] : codes.filter((c) => state.forms.selected.includes(c));
      return { ...state, forms: { ...state.forms, pack: action.pack, packFile: action.file, selected: kept.length > 0 ? kept : codes } };
    }
    case 'forms-select': {
      const wanted = new Set(action.codes);
      const codes = state.forms.pack?.forms.map((f) => f.code) ?? [];
      return { ...state, forms: { ...state.forms, selected: codes.filter((c) => wanted.has(c)) } };
    }
    case 'forms-year':
      return { ...state, forms: { ...state.forms, yearText: action.text, yearDirty: true, yearError: null } };
    case 'forms-year-error':
      return { ...state, forms: { ...state.forms, yearError: action.error } };
    case 'check': {
      const id = action.result.report.identity;
      const next: PaneState = { ...state, check: action.result, highlighted: action.result.highlighted };
      return id ? withStamp(next, { agencyCode: id.agencyCode, reportingYear: id.reportingYear }, action.knownCodes) : next;
    }
    case 'highlighted':
      return { ...state, highlighted: action.count };
    case 'check-stale':
      return state.check === null && state.notices.check === null ? state : { ...state, check: null, notices: { ...state.notices, check: null } };
    case 'consolidate-edit':
      return { ...state, consolidate: { ...state.consolidate, ...action.patch, ...('asOfText' in action.patch ? { asOfError: null } : {}) } };
    case 'consolidate-error':
      return { ...state, consolidate: { ...state.consolidate, asOfError: action.error } };
    case 'consolidate-progress':
      return { ...state, consolidate: { ...state.consolidate, progress: action.progress, ...(action.progress === null ? { cancelling: false } : {}) } };
    case 'consolidate-cancelling':
      return { ...state, consolidate: { ...state.consolidate, cancelling: true } };
    case 'consolidate-result':
      return { ...state, consolidate: { ...state.consolidate, result: action.result, progress: null, cancelling: false } };
  }
}

/** What the stamped agency of the workbook is, as a code in the roster (null without a tracker or stamp). */
export function stampedAgency(state: PaneState): { code: string; name: string } | null {
  if (state.summary.kind !== 'ready') return null;
  const id = state.summary.summary.identity;
  return id ? { code: id.agencyCode, name: id.agencyName } : null;
}

/** The plan the pane works with: the one picked from a file, else the one the workbook carries, else the bundled one. */
export function activePlan(state: PaneState, bundled: PlanPack): PlanPack {
  return state.plan?.pack ?? state.carried ?? bundled;
}

export function canInsert(state: PaneState): boolean {
  return state.env.kind === 'excel' && state.env.canInsert;
}

export function canRead(state: PaneState): boolean {
  return state.env.kind === 'excel';
}
