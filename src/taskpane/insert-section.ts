/** Section (1), "Chèn bảng theo dõi": the agency picker, the Excel-too-old warning and the insert button. */
import { t, type Lang } from '../domain/i18n';
import type { RosterEntry } from '../domain/roster';
import { boundAgencyPicker } from './agency-picker';
import type { Controller } from './controller';
import { h } from './dom';
import { type PaneState, canInsert } from './state';
import { type Card, card, oldExcelNotice } from './ui';
import { kindLabel, type Text } from './view-model';

/** A section of the pane built at once (not from the tools chunk): its card and how it shows a state. */
export interface SectionCard {
  readonly card: Card;
  /** Where the tools chunk puts the plan in use and its choice ("Kế hoạch"). */
  readonly planSlot?: HTMLElement;
  update(state: PaneState): void;
}

/** "Đã chọn: <name> (mã <code>, <kind>)", or "Chưa chọn đơn vị." */
export function chosenAgency(code: string | null, byCode: ReadonlyMap<string, RosterEntry>): Text {
  const entry = code === null ? undefined : byCode.get(code);
  return entry
    ? (lang) => t(lang, 'pane.agency.selected', { name: entry.name, code: entry.code, kind: kindLabel(entry.kind, lang) })
    : (lang) => t(lang, 'pane.agency.none');
}

export function insertSection(lang: Lang, entries: readonly RosterEntry[], c: Controller): SectionCard {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const { picker, sync: syncPicker } = boundAgencyPicker(entries, lang, 'agency', (code) => c.pickAgency(code));
  const chosenLine = h('p', { class: 'chosen' });
  const planSlot = h('div', { class: 'plan', 'data-plan': '' });
  const oldExcel = oldExcelNotice(lang);
  const insertButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'insert' }, t(lang, 'pane.insert.button'));
  insertButton.addEventListener('click', () => void c.insert());
  const made = card(
    'insert',
    t(lang, 'pane.insert.heading'),
    null,
    h('p', { class: 'intro' }, t(lang, 'pane.insert.intro')),
    planSlot,
    oldExcel,
    picker.element,
    chosenLine,
    h('div', { class: 'actions' }, insertButton),
  );
  return {
    card: made,
    planSlot,
    update(state) {
      syncPicker(state.agencyCode);
      chosenLine.textContent = chosenAgency(state.agencyCode, byCode)(lang);
      if (state.notices.insert?.tone === 'error' && !byCode.has(state.agencyCode ?? '')) picker.input.setAttribute('aria-invalid', 'true');
      else picker.input.removeAttribute('aria-invalid');
      const insertable = canInsert(state);
      oldExcel.hidden = insertable;
      insertButton.disabled = state.busy !== null || !insertable;
    },
  };
}
