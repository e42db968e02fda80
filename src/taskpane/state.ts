/**
 * The pane's state and the one place it changes (`reduce`). Pure: the DOM code renders a state, the controller
 * dispatches actions, and the tests check transitions without a browser.
 */
import type { Lang } from '../domain/i18n';
import type { TrackerSummary } from '../app/tracker-summary';
import {
  type Notice, type SettingsErrors, type SettingsForm, type Text, defaultSettingsForm, settingsFromSummary,
} from './view-model';

export type Section = 'insert' | 'summary' | 'settings';

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
  /** Something slow is running; every action button is disabled meanwhile. */
  readonly busy: { readonly section: Section; readonly text: Text } | null;
  readonly notices: Readonly<Record<Section, Notice | null>>;
  readonly agencyCode: string | null;
  readonly summary: SummaryView;
  readonly settings: SettingsForm;
  /** The user changed the settings form since it was last filled from the workbook. */
  readonly settingsDirty: boolean;
  readonly settingsErrors: SettingsErrors;
}

export type Action =
  | { readonly type: 'lang'; readonly lang: Lang }
  | { readonly type: 'env'; readonly env: PaneEnv }
  | { readonly type: 'busy'; readonly section: Section; readonly text: Text }
  | { readonly type: 'idle' }
  | { readonly type: 'notice'; readonly section: Section; readonly notice: Notice | null }
  | { readonly type: 'agency'; readonly code: string | null }
  | { readonly type: 'summary'; readonly summary: TrackerSummary | null; readonly knownCodes: ReadonlySet<string> }
  | { readonly type: 'settings-edit'; readonly patch: Partial<SettingsForm> }
  | { readonly type: 'settings-errors'; readonly errors: SettingsErrors }
  | { readonly type: 'settings-saved' };

export function initialState(lang: Lang, nowMs: number): PaneState {
  return {
    lang,
    env: { kind: 'starting' },
    busy: null,
    notices: { insert: null, summary: null, settings: null },
    agencyCode: null,
    summary: { kind: 'unknown' },
    settings: defaultSettingsForm(nowMs),
    settingsDirty: false,
    settingsErrors: {},
  };
}

export function reduce(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case 'lang':
      return { ...state, lang: action.lang };
    case 'env':
      return { ...state, env: action.env };
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
      // The stamp preselects the agency, unless the user already chose one.
      const stamped = summary.identity?.agencyCode ?? null;
      const match = stamped === null ? undefined : [...action.knownCodes].find((c) => c.toUpperCase() === stamped.toUpperCase());
      return {
        ...state,
        summary: { kind: 'ready', summary },
        agencyCode: state.agencyCode ?? match ?? null,
        settings: state.settingsDirty ? state.settings : settingsFromSummary(summary),
        settingsErrors: state.settingsDirty ? state.settingsErrors : {},
      };
    }
    case 'settings-edit':
      return { ...state, settings: { ...state.settings, ...action.patch }, settingsDirty: true };
    case 'settings-errors':
      return { ...state, settingsErrors: action.errors };
    case 'settings-saved':
      return { ...state, settingsDirty: false, settingsErrors: {} };
  }
}

/** What the stamped agency of the workbook is, as a code in the roster (null without a tracker or stamp). */
export function stampedAgency(state: PaneState): { code: string; name: string } | null {
  if (state.summary.kind !== 'ready') return null;
  const id = state.summary.summary.identity;
  return id ? { code: id.agencyCode, name: id.agencyName } : null;
}

export function canInsert(state: PaneState): boolean {
  return state.env.kind === 'excel' && state.env.canInsert;
}

export function canRead(state: PaneState): boolean {
  return state.env.kind === 'excel';
}
