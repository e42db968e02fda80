/**
 * The first run's view-model: which step shows, the agency line (shared with the tracker's insert), the introduction
 * naming the forms' year, and what can be pressed. Pure.
 */
import { t } from '../../domain/i18n';
import type { RosterEntry } from '../../domain/roster';
import { chosenAgency } from '../insert-section';
import { type PaneState, canInsert } from '../state';
import type { Text } from '../view-model';

export interface FirstRunModel {
  readonly step: 'choose' | 'agency' | null;
  readonly chosen: Text;
  readonly intro: Text;
  /** This Excel cannot insert (no ExcelApi 1.8): said, and the one step is off. */
  readonly oldExcel: boolean;
  readonly canSetUp: boolean;
  readonly canGoBack: boolean;
}

export function firstRunModel(state: PaneState, byCode: ReadonlyMap<string, RosterEntry>): FirstRunModel {
  const step = state.start === 'choose' || state.start === 'agency' ? state.start : null;
  const insertable = canInsert(state);
  const year = state.forms.yearText;
  return {
    step,
    chosen: chosenAgency(state.agencyCode, byCode),
    intro: (lang) => t(lang, 'pane.start.setUpIntro', { year }),
    oldExcel: !insertable,
    canSetUp: insertable && state.busy === null,
    canGoBack: state.busy === null,
  };
}
