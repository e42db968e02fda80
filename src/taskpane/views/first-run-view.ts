/**
 * The first run, in a workbook with nothing of the product: two choices — "Văn thư đơn vị" (pick the agency, then the
 * tracker and the report forms are inserted in one step) and "Sở Nội vụ" (the consolidation view) — and "Bỏ qua" to
 * the tabs. Shown instead of the tabs until one is chosen.
 */
import { t, type Lang } from '../../domain/i18n';
import type { RosterEntry } from '../../domain/roster';
import { boundAgencyPicker } from '../agency-picker';
import type { Controller } from '../controller';
import { h, uid } from '../dom';
import { type Card, card, oldExcelNotice } from '../ui';
import type { PlainKey } from '../view-model';
import { firstRunModel } from './first-run-model';
import { type ViewPart, statusOf } from './view';

function choice(key: 'agency' | 'province', title: PlainKey, hint: PlainKey, lang: Lang, onChoose: () => void): HTMLButtonElement {
  const hintId = uid(`start-${key}`);
  const b = h(
    'button',
    { type: 'button', class: 'choice', 'data-choice': key, 'data-focus-key': `start-${key}`, 'aria-describedby': hintId },
    h('span', { class: 'choice-title' }, t(lang, title)),
    h('span', { class: 'choice-hint', id: hintId }, t(lang, hint)),
  );
  b.addEventListener('click', onChoose);
  return b;
}

function chooseCard(lang: Lang, c: Controller, skip: HTMLButtonElement): Card {
  const made = card(
    'setup',
    t(lang, 'pane.start.heading'),
    null,
    h('p', { class: 'intro' }, t(lang, 'pane.start.intro')),
    h(
      'div',
      { class: 'choices' },
      choice('agency', 'pane.start.agency', 'pane.start.agencyHint', lang, () => c.firstRun('agency')),
      choice('province', 'pane.start.province', 'pane.start.provinceHint', lang, () => c.showView('consolidate')),
    ),
    h('div', { class: 'actions' }, skip),
  );
  return made;
}

export function firstRunView(lang: Lang, entries: readonly RosterEntry[], c: Controller): ViewPart {
  const skipButton = (key: string) => {
    const b = h('button', { type: 'button', class: 'btn subtle', 'data-focus-key': key }, t(lang, 'pane.start.skip'));
    b.addEventListener('click', () => c.showView('tracker'));
    return b;
  };
  const choose = chooseCard(lang, c, skipButton('start-skip'));

  // The clerk's one step: the agency, then the tracker and the forms.
  const byCode = new Map(entries.map((e) => [e.code, e] as const));
  const { picker, sync } = boundAgencyPicker(entries, lang, 'setup-agency', (code) => c.pickAgency(code));
  const chosen = h('p', { class: 'chosen' });
  const intro = h('p', { class: 'intro' });
  const oldExcel = oldExcelNotice(lang);
  const setUp = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'setup' }, t(lang, 'pane.start.setUp'));
  setUp.addEventListener('click', () => void c.setUpAgency());
  const back = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'setup-back' }, t(lang, 'pane.view.back'));
  back.addEventListener('click', () => c.firstRun('choose'));
  const agency = card('setup', t(lang, 'pane.start.agency'), null, intro, oldExcel, picker.element, chosen, h('div', { class: 'actions' }, setUp, back, skipButton('setup-skip')));
  const status = statusOf(lang, agency, 'setup');

  return {
    nodes: [choose.el, agency.el],
    update(state) {
      const model = firstRunModel(state, byCode);
      choose.el.hidden = model.step !== 'choose';
      agency.el.hidden = model.step !== 'agency';
      if (model.step !== 'agency') return;
      sync(state.agencyCode);
      chosen.textContent = model.chosen(lang);
      intro.textContent = model.intro(lang);
      oldExcel.hidden = !model.oldExcel;
      setUp.disabled = !model.canSetUp;
      back.disabled = !model.canGoBack;
      status(state);
    },
  };
}
