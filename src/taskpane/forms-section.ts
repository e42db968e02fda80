/**
 * "Chèn biểu báo cáo": the form pack in use (its notice always shown, another pack from a JSON file), the agency,
 * the reporting year and the forms to insert.
 */
import { t, type Lang } from '../domain/i18n';
import type { FormPack } from '../domain/form-pack';
import type { RosterEntry } from '../domain/roster';
import { boundAgencyPicker } from './agency-picker';
import type { Controller } from './controller';
import { h, uid } from './dom';
import { formChoices, packLines } from './tools-view-model';
import { fileButton, setFieldError, syncValue, type SectionBody } from './ui';
import type { PlainKey } from './view-model';

export function formsSection(lang: Lang, entries: readonly RosterEntry[], c: Controller): SectionBody {
  const say = (key: PlainKey) => t(lang, key);

  // The pack: what it is, its notice, and another one from a file.
  const packText = h('div', { class: 'notice-text' });
  const packBox = h(
    'div',
    { class: 'notice warning pack', 'data-pack': '' },
    h('span', { class: 'notice-icon', 'aria-hidden': 'true' }, '!'),
    packText,
  );
  const packHintId = uid('pack-hint');
  const packPick = fileButton(say('pane.forms.choosePack'), { accept: '.json,application/json', focusKey: 'forms-pack', describedBy: packHintId });
  packPick.input.addEventListener('change', () => {
    const file = packPick.input.files?.[0];
    packPick.input.value = '';
    if (file) void c.loadFormPack(file);
  });
  const defaultButton = h('button', { type: 'button', class: 'btn subtle small', 'data-focus-key': 'forms-default' }, say('pane.forms.useDefault'));
  defaultButton.addEventListener('click', () => void c.useDefaultFormPack());

  // Agency: the same choice as for the tracker (one agency per workbook).
  const { picker, sync: syncPicker } = boundAgencyPicker(entries, lang, 'forms-agency', (code) => c.pickAgency(code));

  // Year.
  const yearId = uid('year');
  const yearHintId = uid('year-hint');
  const yearErrorId = uid('year-err');
  const yearInput = h('input', {
    id: yearId,
    type: 'text',
    class: 'field narrow',
    inputmode: 'numeric',
    maxlength: 4,
    autocomplete: 'off',
    'aria-describedby': `${yearHintId} ${yearErrorId}`,
    'data-focus-key': 'forms-year',
  });
  const yearHint = h('p', { id: yearHintId, class: 'hint' });
  const yearError = h('p', { id: yearErrorId, class: 'field-error' });
  yearInput.addEventListener('input', () => c.editFormsYear(yearInput.value));
  yearInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void c.insertForms();
    }
  });

  // The forms.
  const countLine = h('p', { class: 'hint', 'aria-live': 'polite' });
  const list = h('div', { class: 'checks' });
  const allButton = h('button', { type: 'button', class: 'btn subtle small', 'data-focus-key': 'forms-all' }, say('pane.forms.all'));
  const noneButton = h('button', { type: 'button', class: 'btn subtle small', 'data-focus-key': 'forms-none' }, say('pane.forms.none'));
  let boxes: HTMLInputElement[] = [];
  let packShown: FormPack | null = null;
  const chosen = () => boxes.filter((b) => b.checked).map((b) => b.value);
  allButton.addEventListener('click', () => c.selectForms(boxes.map((b) => b.value)));
  noneButton.addEventListener('click', () => c.selectForms([]));
  const buildList = (pack: FormPack) => {
    boxes = [];
    list.replaceChildren(
      ...formChoices(pack).map((f) => {
        const id = uid('form');
        const box = h('input', { type: 'checkbox', id, value: f.code, 'data-focus-key': `form-${f.code}` });
        box.addEventListener('change', () => c.selectForms(chosen()));
        boxes.push(box);
        return h(
          'div',
          { class: 'check' },
          box,
          h('label', { for: id }, h('span', { class: 'form-code' }, f.code), ' ', h('span', {}, f.title)),
        );
      }),
    );
  };

  const insertButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'forms-insert' }, say('pane.forms.button'));
  insertButton.addEventListener('click', () => void c.insertForms());

  const nodes = [
    packBox,
    h('div', { class: 'pack-actions' }, packPick.element, defaultButton),
    h('p', { id: packHintId, class: 'hint' }, say('pane.forms.packHint')),
    picker.element,
    h('div', { class: 'field-group' }, h('label', { for: yearId, class: 'label' }, say('pane.forms.year')), yearInput, yearHint, yearError),
    h(
      'fieldset',
      {},
      h('legend', {}, say('pane.forms.choose')),
      h('div', { class: 'check-tools' }, allButton, noneButton),
      countLine,
      list,
    ),
    h('div', { class: 'actions' }, insertButton),
  ];

  let packMarker = '';
  return {
    nodes,
    after: [],
    update(state) {
      const f = state.forms;
      if (packShown !== f.pack) {
        packShown = f.pack;
        if (f.pack) buildList(f.pack);
        else {
          boxes = [];
          list.replaceChildren(h('p', { class: 'hint' }, say('pane.loading')));
        }
      }
      const lines = f.pack ? packLines(f.pack, f.packFile).map((l) => l(lang)) : [say('pane.loading')];
      const marker = lines.join('\n');
      if (marker !== packMarker) {
        packMarker = marker;
        const withNotice = f.pack !== null && f.pack.notice !== null;
        packText.replaceChildren(...lines.map((line, i) => h('p', { class: withNotice && i === lines.length - 1 ? 'strong' : null }, line)));
      }
      defaultButton.hidden = f.packFile === null;

      syncPicker(state.agencyCode);
      if (state.notices.forms?.tone === 'error' && state.agencyCode === null) picker.input.setAttribute('aria-invalid', 'true');
      else picker.input.removeAttribute('aria-invalid');

      syncValue(yearInput, f.yearText);
      const year = Number(f.yearText);
      yearHint.textContent = t(lang, 'pane.forms.yearHint', { year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : 2025 });
      setFieldError(yearInput, yearError, f.yearError ? f.yearError(lang) : null);

      const selected = new Set(f.selected);
      for (const b of boxes) b.checked = selected.has(b.value);
      countLine.textContent = t(lang, 'pane.forms.count', { selected: f.selected.length, total: boxes.length });

      const busy = state.busy !== null;
      const canWrite = state.env.kind === 'excel' && state.env.canInsert;
      insertButton.disabled = busy || !canWrite || f.pack === null;
      packPick.input.disabled = busy;
      defaultButton.disabled = busy;
    },
  };
}
