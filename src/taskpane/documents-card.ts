/**
 * The "Soạn văn bản" card as the pane first shows it: heading, introduction and one button. Its working part (reading
 * the workbook, drafting, the Word writer) is a chunk of its own, loaded on the first click (documents-section.ts),
 * so the first load stays small and nothing reads the workbook until the user asks.
 */
import { t, type Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { WorkbookPort } from '../app/workbook-port';
import { h, uid } from './dom';
import type { DocumentsState } from './documents-view-model';
import type { PaneState } from './state';
import { noticeNode, spinner } from './ui';

export type DocumentsModule = typeof import('./documents-section');

/**
 * What the view read and drafted, held by the shell so that it outlives the card: the pane is built again on a
 * language change, and the new card shows it in the new language rather than asking the user to read again.
 */
export interface DocumentsMemory {
  held: DocumentsState | null;
  /** The view that writes it (a view built before it is no longer shown and writes nothing). */
  owner: object | null;
}

/** What the documents view needs of the pane. */
export interface DocumentsHost {
  readonly makePort: () => WorkbookPort;
  readonly pack: PlanPack;
  readonly now: () => number;
  /** Copies a text area's text; false when it could not (the text is then selected for the user to copy). */
  readonly copy: (area: HTMLTextAreaElement) => Promise<boolean>;
  /** Loads the working part (a chunk of its own); replaced in tests. */
  readonly load?: () => Promise<DocumentsModule>;
  /** Where what was read is kept across a rebuild of the pane (absent: kept by the card only). */
  readonly memory?: DocumentsMemory;
}

export interface DocumentsCardParts {
  readonly body: HTMLElement;
  readonly status: HTMLElement;
  readonly open: HTMLButtonElement;
}

export interface DocumentsCard {
  readonly el: HTMLElement;
  update(state: PaneState): void;
}

export function documentsCard(lang: Lang, host: DocumentsHost): DocumentsCard {
  const headingId = uid('h-documents');
  const open = h('button', { type: 'button', class: 'btn primary', 'data-focus-key': 'documents-open' }, t(lang, 'pane.documents.open'));
  const body = h('div', { class: 'section-body documents' });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const el = h(
    'section',
    { class: 'card', 'aria-labelledby': headingId, 'data-section': 'documents' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: headingId }, t(lang, 'pane.documents.heading')),
      h('a', { class: 'help-q', href: '#help-documents', 'aria-label': t(lang, 'pane.help.section', { section: t(lang, 'pane.documents.heading') }) }, '?'),
    ),
    h('p', { class: 'intro' }, t(lang, 'pane.documents.intro')),
    h('div', { class: 'actions' }, open),
    body,
    status,
  );
  let last: PaneState | null = null;
  let working: { update(state: PaneState): void; read(): Promise<void> } | null = null;
  let loading = false;
  /** Loads the working part; `readNow`: then reads the workbook (a click), else shows what the memory holds. */
  const start = (readNow: boolean) => {
    if (working) return void (readNow && working.read());
    if (loading) return;
    loading = true;
    status.replaceChildren(spinner(t(lang, 'pane.loading')));
    (host.load ?? (() => import(/* webpackChunkName: "documents" */ './documents-section')))().then(
      (m) => {
        loading = false;
        status.replaceChildren();
        working = m.documentsView(lang, host, { body, status, open });
        if (last) working.update(last);
        if (readNow) void working.read();
      },
      () => {
        loading = false;
        status.replaceChildren(noticeNode({ tone: 'error', lines: [(l) => t(l, 'pane.documents.loadFailed')] }, lang));
      },
    );
  };
  open.addEventListener('click', () => start(true));
  // Read before the pane was built again (another language): shown again without a new reading.
  if (host.memory?.held) start(false);
  return {
    el,
    update(state) {
      last = state;
      open.disabled = state.busy !== null || state.env.kind !== 'excel';
      working?.update(state);
    },
  };
}
