/**
 * The agency picker: a combobox (ARIA 1.2 pattern) over the roster. Type a code or a name, with or without
 * diacritics; ↓/↑ move through the matches, Enter picks, Escape closes the list (a second Escape clears the text).
 */
import type { RosterEntry } from '../domain/roster';
import { h, uid } from './dom';
import { t, type Lang } from '../domain/i18n';
import { kindLabel, searchAgencies } from './view-model';

export interface AgencyPickerTexts {
  readonly label: string;
  readonly placeholder: string;
  readonly hint: string;
  readonly noMatch: string;
  readonly matches: (count: number) => string;
  readonly kind: (entry: RosterEntry) => string;
}

export interface AgencyPicker {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** Shows `entry` as chosen (or clears the field for null) without calling onPick. */
  show(entry: RosterEntry | null): void;
}

export function agencyPicker(
  entries: readonly RosterEntry[],
  texts: AgencyPickerTexts,
  onPick: (entry: RosterEntry | null) => void,
): AgencyPicker {
  const inputId = uid('agency');
  const listId = uid('agency-list');
  const hintId = uid('agency-hint');
  const liveId = uid('agency-live');
  const input = h('input', {
    id: inputId,
    type: 'text',
    class: 'field',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': hintId,
    placeholder: texts.placeholder,
  });
  const list = h('ul', { id: listId, class: 'listbox', role: 'listbox', 'aria-label': texts.label, hidden: true });
  const live = h('div', { id: liveId, class: 'sr-only', 'aria-live': 'polite' });
  const element = h(
    'div',
    { class: 'picker' },
    h('label', { for: inputId, class: 'label' }, texts.label),
    h('div', { class: 'combo' }, input, list),
    h('p', { id: hintId, class: 'hint' }, texts.hint),
    live,
  );

  let matches: RosterEntry[] = [];
  let active = -1;
  let chosen: RosterEntry | null = null;

  const optionId = (i: number) => `${listId}-${i}`;
  const setActive = (i: number) => {
    active = matches.length === 0 ? -1 : Math.max(0, Math.min(i, matches.length - 1));
    list.querySelectorAll('[aria-selected="true"]').forEach((el) => el.setAttribute('aria-selected', 'false'));
    if (active < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const el = document.getElementById(optionId(active));
    el?.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', optionId(active));
    el?.scrollIntoView({ block: 'nearest' });
  };
  const open = () => {
    matches = searchAgencies(entries, chosen && input.value === chosen.name ? '' : input.value);
    list.replaceChildren(
      ...(matches.length === 0
        ? [h('li', { class: 'option empty', role: 'presentation' }, texts.noMatch)]
        : matches.map((e, i) =>
            h(
              'li',
              { id: optionId(i), class: 'option', role: 'option', 'aria-selected': 'false', 'data-code': e.code },
              h('span', { class: 'option-name' }, e.name),
              h('span', { class: 'option-meta' }, `${texts.kind(e)} · ${e.code}`),
            ),
          )),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    const current = chosen ? matches.indexOf(chosen) : -1;
    setActive(current >= 0 ? current : 0);
    live.textContent = texts.matches(matches.length);
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (entry: RosterEntry) => {
    chosen = entry;
    input.value = entry.name;
    close();
    onPick(entry);
  };

  input.addEventListener('input', () => {
    if (chosen) {
      chosen = null;
      onPick(null);
    }
    open();
  });
  input.addEventListener('keydown', (e) => {
    const expanded = !list.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) open();
        else setActive(active + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!expanded) open();
        else setActive(active - 1);
        break;
      case 'PageDown':
        if (expanded) {
          e.preventDefault();
          setActive(active + 8);
        }
        break;
      case 'PageUp':
        if (expanded) {
          e.preventDefault();
          setActive(active - 8);
        }
        break;
      case 'Enter': {
        const entry = expanded ? matches[active] : undefined;
        if (entry) {
          e.preventDefault();
          pick(entry);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          e.stopPropagation();
          close();
        } else if (input.value !== '') {
          e.preventDefault();
          input.value = '';
          if (chosen) {
            chosen = null;
            onPick(null);
          }
        }
        break;
      case 'Tab':
        if (expanded) close();
        break;
    }
  });
  input.addEventListener('click', () => {
    if (list.hidden) open();
  });
  input.addEventListener('blur', () => {
    // A click on an option lands after blur; mousedown on the list keeps the focus in the input.
    window.setTimeout(() => {
      if (document.activeElement !== input) close();
    }, 0);
  });
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = (e.target as Element | null)?.closest('[role="option"]');
    const code = li?.getAttribute('data-code');
    const entry = matches.find((m) => m.code === code);
    if (entry) pick(entry);
  });

  return {
    element,
    input,
    show(entry) {
      chosen = entry;
      input.value = entry ? entry.name : '';
      close();
    },
  };
}

/** An agency picker wired to the pane: its texts, the chosen code passed on, and kept in step with the state. */
export interface BoundAgencyPicker {
  readonly picker: AgencyPicker;
  /** Shows the state's agency when it changed elsewhere (another section, the workbook's stamp). */
  sync(code: string | null): void;
}

export function boundAgencyPicker(
  entries: readonly RosterEntry[],
  lang: Lang,
  focusKey: string,
  pick: (code: string | null) => void,
): BoundAgencyPicker {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  let shownCode: string | null = null;
  const picker = agencyPicker(
    entries,
    {
      label: t(lang, 'pane.agency.label'),
      placeholder: t(lang, 'pane.agency.placeholder'),
      hint: t(lang, 'pane.agency.hint', { count: entries.length }),
      noMatch: t(lang, 'pane.agency.noMatch'),
      matches: (count) => t(lang, 'pane.agency.matches', { count }),
      kind: (e) => kindLabel(e.kind, lang),
    },
    (entry) => {
      shownCode = entry?.code ?? null;
      pick(shownCode);
    },
  );
  picker.input.setAttribute('data-focus-key', focusKey);
  return {
    picker,
    sync(code) {
      if (code === shownCode) return;
      shownCode = code;
      picker.show(code === null ? null : (byCode.get(code) ?? null));
    },
  };
}
