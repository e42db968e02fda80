/** Section (3), "Cài đặt": the as-of date (today or fixed), the warning window and how "before day X" is read. */
import { t, type Lang } from '../domain/i18n';
import type { Controller } from './controller';
import { h, uid } from './dom';
import type { SectionCard } from './insert-section';
import { canInsert } from './state';
import { card, syncValue } from './ui';
import type { PlainKey, Text } from './view-model';

interface Radio {
  readonly input: HTMLInputElement;
  readonly el: HTMLElement;
}

function radios(name: string, options: { value: string; label: string; key: string }[]): Radio[] {
  return options.map((o) => {
    const id = uid(name);
    const input = h('input', { type: 'radio', id, name, value: o.value, 'data-focus-key': o.key });
    return { input, el: h('div', { class: 'radio' }, input, h('label', { for: id }, o.label)) };
  });
}

/** Shows a field's error (a message of the state, in the view's language) or clears it. */
function setError(lang: Lang, input: HTMLInputElement, slot: HTMLElement, text: Text | undefined): void {
  slot.textContent = text ? text(lang) : '';
  slot.hidden = !text;
  if (text) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

export function settingsSection(lang: Lang, c: Controller): SectionCard {
  const say = (key: PlainKey) => t(lang, key);
  const asOfRadios = radios(uid('asof'), [
    { value: 'today', label: say('pane.settings.asOfToday'), key: 'asof-today' },
    { value: 'fixed', label: say('pane.settings.asOfFixed'), key: 'asof-fixed' },
  ]);
  const asOfErrorId = uid('asof-err');
  const asOfText = h('input', {
    type: 'text',
    class: 'field date',
    inputmode: 'numeric',
    placeholder: 'dd/mm/yyyy',
    autocomplete: 'off',
    'aria-label': say('pane.settings.asOfInput'),
    'aria-describedby': asOfErrorId,
    'data-focus-key': 'asof-text',
  });
  const asOfError = h('p', { id: asOfErrorId, class: 'field-error' });
  const windowId = uid('window');
  const windowHintId = uid('window-hint');
  const windowErrorId = uid('window-err');
  const windowInput = h('input', {
    id: windowId,
    type: 'text',
    class: 'field narrow',
    inputmode: 'numeric',
    autocomplete: 'off',
    'aria-describedby': `${windowHintId} ${windowErrorId}`,
    'data-focus-key': 'window',
  });
  const windowError = h('p', { id: windowErrorId, class: 'field-error' });
  const beforeRadios = radios(uid('before'), [
    { value: 'strict', label: say('pane.settings.beforeStrict'), key: 'before-strict' },
    { value: 'inclusive', label: say('pane.settings.beforeInclusive'), key: 'before-inclusive' },
  ]);
  const applyButton = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'apply' }, say('pane.settings.apply'));
  for (const r of asOfRadios) r.input.addEventListener('change', () => c.editSettings({ asOfMode: r.input.value === 'fixed' ? 'fixed' : 'today' }));
  asOfText.addEventListener('input', () => c.editSettings({ asOfText: asOfText.value, asOfMode: 'fixed' }));
  windowInput.addEventListener('input', () => c.editSettings({ windowText: windowInput.value }));
  for (const r of beforeRadios) r.input.addEventListener('change', () => c.editSettings({ inclusive: r.input.value === 'inclusive' }));
  applyButton.addEventListener('click', () => void c.applySettings());
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void c.applySettings();
    }
  };
  asOfText.addEventListener('keydown', onEnter);
  windowInput.addEventListener('keydown', onEnter);
  const made = card(
    'settings',
    say('pane.settings.heading'),
    null,
    h('p', { class: 'intro' }, say('pane.settings.intro')),
    h('fieldset', {}, h('legend', {}, say('pane.settings.asOf')), asOfRadios.map((r) => r.el), asOfText, asOfError),
    h(
      'div',
      { class: 'field-group' },
      h('label', { for: windowId, class: 'label' }, say('pane.settings.window')),
      windowInput,
      h('p', { id: windowHintId, class: 'hint' }, say('pane.settings.windowHint')),
      windowError,
    ),
    h('fieldset', {}, h('legend', {}, say('pane.settings.before')), beforeRadios.map((r) => r.el)),
    h('div', { class: 'actions' }, applyButton),
  );

  return {
    card: made,
    update(state) {
      applyButton.disabled = state.busy !== null || !canInsert(state);
      const s = state.settings;
      for (const r of asOfRadios) r.input.checked = r.input.value === s.asOfMode;
      for (const r of beforeRadios) r.input.checked = (r.input.value === 'inclusive') === s.inclusive;
      syncValue(asOfText, s.asOfText);
      syncValue(windowInput, s.windowText);
      setError(lang, asOfText, asOfError, state.settingsErrors.asOf);
      setError(lang, windowInput, windowError, state.settingsErrors.window);
    },
  };
}
