/**
 * A view of one card whose content comes with the tools chunk (the report forms, the check, consolidation): heading,
 * introduction and a spinner on the first load; the section's controls and results once the chunk is here.
 */
import { t, type Lang } from '../../domain/i18n';
import { h } from '../dom';
import type { PaneState } from '../state';
import { card, type SectionBody } from '../ui';
import type { PlainKey } from '../view-model';
import { type PaneTools, type ViewPart, awaitingTools, statusOf, withHelpLink } from './view';

export function toolsCardView(
  lang: Lang,
  key: 'forms' | 'check' | 'consolidate',
  texts: { readonly title: PlainKey; readonly intro: PlainKey },
  make: (tools: PaneTools) => SectionBody,
): ViewPart {
  const awaiting = awaitingTools(lang);
  const slot = h('div', { class: 'section-body' }, awaiting.node);
  const after = h('div', { class: 'section-body after' });
  const made = withHelpLink(lang, card(key, t(lang, texts.title), null, h('p', { class: 'intro' }, t(lang, texts.intro)), slot), key);
  made.el.append(after);
  const status = statusOf(lang, made, key);
  let body: SectionBody | null = null;
  return {
    nodes: [made.el],
    update(state: PaneState) {
      status(state);
      body?.update(state);
    },
    attach(tools) {
      if (body) return;
      body = make(tools);
      slot.replaceChildren(...body.nodes);
      after.replaceChildren(...body.after);
    },
    failed: awaiting.failed,
  };
}
