/** Section (1), "Chèn bảng theo dõi": the agency picker, the Excel-too-old warning and the insert button. */
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { RosterEntry } from '../domain/roster';
import { boundAgencyPicker } from './agency-picker';
import type { Controller } from './controller';
import { h } from './dom';
import { type PaneState, canInsert } from './state';
import { planLines } from './plan-view-model';
import { type Card, card, fileButton } from './ui';
import { kindLabel } from './view-model';

/** A section of the pane built at once (not from the tools chunk): its card and how it shows a state. */
export interface SectionCard {
  readonly card: Card;
  update(state: PaneState): void;
}

/** The plan in use and its choice: a plan file ("vtlt plan import") or, after one, the bundled plan again. */
function planBox(lang: Lang, plan: { pack: PlanPack; file: string | null }, c: Controller) {
  const pick = fileButton(t(lang, 'pane.plan.choose'), { accept: '.json,application/json', focusKey: 'plan-file' });
  pick.input.addEventListener('change', () => {
    const file = pick.input.files?.[0];
    pick.input.value = '';
    if (file) void c.loadPlan(file);
  });
  const bundled = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'plan-default' }, t(lang, 'pane.plan.useDefault'));
  bundled.addEventListener('click', () => void c.useDefaultPlan());
  bundled.hidden = plan.file === null;
  const lines = planLines(plan.pack, plan.file).map((line) => h('p', {}, line(lang)));
  const element = h('div', { class: 'plan', 'data-plan': '' }, ...lines, h('div', { class: 'pack-actions' }, pick.element, bundled));
  return { element, controls: [pick.input, bundled] };
}

export function insertSection(
  lang: Lang, entries: readonly RosterEntry[], c: Controller, plan: { pack: PlanPack; file: string | null },
): SectionCard {
  const chosenPlan = planBox(lang, plan, c);
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const { picker, sync: syncPicker } = boundAgencyPicker(entries, lang, 'agency', (code) => c.pickAgency(code));
  const chosenLine = h('p', { class: 'chosen' });
  const oldExcel = h(
    'div',
    { class: 'notice warning', role: 'status' },
    h('span', { class: 'notice-icon', 'aria-hidden': 'true' }, '!'),
    h(
      'div',
      { class: 'notice-text' },
      h('p', { class: 'strong' }, t(lang, 'pane.env.oldExcel.title')),
      h('p', {}, t(lang, 'pane.env.oldExcel.body')),
    ),
  );
  const insertButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'insert' }, t(lang, 'pane.insert.button'));
  insertButton.addEventListener('click', () => void c.insert());
  const made = card(
    'insert',
    t(lang, 'pane.insert.heading'),
    null,
    h('p', { class: 'intro' }, t(lang, 'pane.insert.intro')),
    chosenPlan.element,
    oldExcel,
    picker.element,
    chosenLine,
    h('div', { class: 'actions' }, insertButton),
  );
  return {
    card: made,
    update(state) {
      syncPicker(state.agencyCode);
      const chosen = state.agencyCode === null ? undefined : byCode.get(state.agencyCode);
      chosenLine.textContent = chosen
        ? t(lang, 'pane.agency.selected', { name: chosen.name, code: chosen.code, kind: kindLabel(chosen.kind, lang) })
        : t(lang, 'pane.agency.none');
      if (state.notices.insert?.tone === 'error' && !chosen) picker.input.setAttribute('aria-invalid', 'true');
      else picker.input.removeAttribute('aria-invalid');
      const insertable = canInsert(state);
      oldExcel.hidden = insertable;
      insertButton.disabled = state.busy !== null || !insertable;
      for (const control of chosenPlan.controls) control.disabled = state.busy !== null;
    },
  };
}
