/** Building blocks of the pane's page shared by its sections: cards, the busy line, notices, file buttons. */
import { t, type Lang } from '../domain/i18n';
import { h, uid } from './dom';
import type { PaneState, Section } from './state';
import type { Notice } from './view-model';

export function spinner(text: string): HTMLElement {
  return h('div', { class: 'busy' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, text));
}

export function noticeNode(notice: Notice, lang: Lang): HTMLElement {
  const icon = { info: 'ℹ', success: '✓', warning: '!', error: '✕' }[notice.tone];
  return h(
    'div',
    { class: `notice ${notice.tone}`, role: notice.tone === 'error' ? 'alert' : null },
    h('span', { class: 'notice-icon', 'aria-hidden': 'true' }, icon),
    h('div', { class: 'notice-text' }, notice.lines.map((line) => h('p', {}, line(lang)))),
  );
}

/** An Excel without ExcelApi 1.8 cannot insert the tracker: said with the versions that can (the insert card, the first run). */
export function oldExcelNotice(lang: Lang): HTMLElement {
  return h(
    'div',
    { class: 'notice warning', role: 'status', 'data-notice': 'old-excel' },
    h('span', { class: 'notice-icon', 'aria-hidden': 'true' }, '!'),
    h('div', { class: 'notice-text' }, h('p', { class: 'strong' }, t(lang, 'pane.env.oldExcel.title')), h('p', {}, t(lang, 'pane.env.oldExcel.body'))),
  );
}

export interface Card {
  readonly el: HTMLElement;
  /** The heading line: the title, then the card's tools. */
  readonly head: HTMLElement;
  /** Where the section's busy line and notice go (a polite live region). */
  readonly status: HTMLElement;
}

/** A card: heading (with optional tools on its right), the children, then the status area. */
export function card(key: Section, title: string, tools: HTMLElement | null, ...children: (HTMLElement | null)[]): Card {
  const headingId = uid(`h-${key}`);
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const head = h('div', { class: 'card-head' }, h('h2', { id: headingId }, title), tools);
  const el = h('section', { class: 'card', 'aria-labelledby': headingId, 'data-section': key }, head, ...children, status);
  return { el, head, status };
}

/** The "?" at the right of a section's heading: opens the help at that section (#help-<section>). */
export function sectionHelpLink(lang: Lang, key: Section, title: string): HTMLAnchorElement {
  return h('a', { class: 'help-q', href: `#help-${key}`, 'aria-label': t(lang, 'pane.help.section', { section: title }) }, '?');
}

/**
 * The content of a card whose code comes with the tools chunk: the nodes that go before the card's status line, those
 * after it, and how it shows a state. The card itself (heading, introduction, status) is there from the first load.
 */
export interface SectionBody {
  readonly nodes: readonly HTMLElement[];
  readonly after: readonly HTMLElement[];
  update(state: PaneState): void;
}

export interface FileButton {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
}

/**
 * A button that opens the file chooser: the real file input stays in the tab order (Enter or Space opens it, and
 * screen readers announce it with the button's text), only its look is the button's.
 */
export function fileButton(text: string, options: { accept: string; multiple?: boolean; focusKey: string; describedBy?: string }): FileButton {
  const id = uid('file');
  const input = h('input', {
    id,
    type: 'file',
    class: 'file-input',
    accept: options.accept,
    multiple: options.multiple === true,
    'data-focus-key': options.focusKey,
    'aria-describedby': options.describedBy ?? null,
  });
  const label = h('label', { for: id, class: 'btn file-label' }, text);
  return { element: h('div', { class: 'file-button' }, input, label), input };
}

/** Shows `text` in an error slot under a field and marks the field invalid (or clears both). */
export function setFieldError(input: HTMLElement, slot: HTMLElement, text: string | null): void {
  slot.textContent = text ?? '';
  slot.hidden = text === null;
  if (text !== null) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** Puts `value` in an input unless the user is typing in it. */
export function syncValue(input: HTMLInputElement, value: string): void {
  if (input.value !== value && document.activeElement !== input) input.value = value;
}
