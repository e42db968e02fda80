/**
 * "Soạn văn bản", the working part (a chunk of its own, loaded by documents-card.ts on the first click): reads which
 * documents the open workbook gives (one round trip), offers them as buttons, drafts the one chosen (one round trip)
 * and saves it as a .docx download — the Word writer is another chunk, loaded on the first save. Where the host blocks
 * downloads, the document's text is shown with a Copy button instead.
 */
import { addMessages, t, type Lang } from '../domain/i18n';
import { documentsVi } from '../domain/i18n/documents-vi';
import { documentPlainText } from '../app/documents/plain-text';
import { documentsOffered, draftFromWorkbook, type DocumentKind, type DraftOptions } from '../app/documents/workbook-documents';
import type { FormPack } from '../domain/form-pack';
import { defaultFormPack } from '../packs/forms';
import type { DocumentsCardParts, DocumentsHost } from './documents-card';
import { downloadFile, officePlatform } from './documents-save';
import {
  type Delivery, type DocumentsAction, type DocumentsState, type Drafted, blocksDownloads, failureNotice, kindLabel, next, resumed, showsText,
} from './documents-view-model';
import { h, uid } from './dom';
import type { PaneState } from './state';
import { noticeNode, spinner } from './ui';
import { errorNotice } from './view-model';

// The view's Vietnamese messages come with this chunk (English ones with the English catalog).
addMessages('vi', documentsVi);

export interface DocumentsView {
  update(state: PaneState): void;
  /** Reads the open workbook again and offers what it gives. */
  read(): Promise<void>;
}

/** The Word file of `draft`: the writer is loaded on the first save, in a chunk of its own. */
async function docxBytes(draft: Parameters<typeof documentPlainText>[0]): Promise<Uint8Array> {
  const { writeDocx } = await import(/* webpackChunkName: "docx" */ '../hosts/docx/write-document');
  return writeDocx(draft);
}

function knownPacks(host: DocumentsHost, forms: readonly FormPack[]): DraftOptions['knownPacks'] {
  const packs = new Map<string, string[]>([[host.pack.id, [host.pack.version]]]);
  for (const p of forms) packs.set(p.id, [...new Set([...(packs.get(p.id) ?? []), p.version])]);
  return packs;
}

export function documentsView(lang: Lang, host: DocumentsHost, parts: DocumentsCardParts): DocumentsView {
  const memory = host.memory;
  const self = {};
  if (memory) memory.owner = self;
  let s: DocumentsState = resumed(memory?.held ?? null);
  let pane: PaneState | null = null;
  const dispatch = (a: DocumentsAction) => {
    s = next(s, a);
    if (memory?.owner === self) memory.held = s;
    render();
  };
  const choices = h('div', { class: 'actions documents-kinds' });
  const result = h('div', { class: 'documents-result' });
  parts.body.replaceChildren(choices, result);

  const busy = () => s.working !== null || (pane?.busy ?? null) !== null;

  const read = async () => {
    if (busy()) return;
    dispatch({ type: 'reading' });
    try {
      dispatch({ type: 'offered', offered: await documentsOffered(host.makePort(), host.pack), trackerSheet: host.pack.trackerSheetName });
    } catch (e) {
      dispatch({ type: 'failed', notice: errorNotice(e) });
    }
  };

  const draft = async (kind: DocumentKind) => {
    if (busy()) return;
    dispatch({ type: 'drafting' });
    try {
      const forms = defaultFormPack();
      const formPack = pane?.forms.pack ?? forms;
      const made = await draftFromWorkbook(host.makePort(), kind, {
        planPack: host.pack, formPack, knownPacks: knownPacks(host, [forms, formPack]), nowMs: host.now(),
      });
      if (!made.ok) {
        dispatch({ type: 'failed', notice: failureNotice(made) });
        return;
      }
      const text = documentPlainText(made.document);
      let delivery: Delivery;
      if (blocksDownloads(officePlatform())) delivery = 'blocked-host';
      else delivery = downloadFile(await docxBytes(made.document), made.fileName) ? 'downloaded' : 'blocked';
      dispatch({ type: 'drafted', drafted: { kind, fileName: made.fileName, text, delivery } });
    } catch (e) {
      dispatch({ type: 'failed', notice: errorNotice(e) });
    }
  };

  let kindsShown: readonly DocumentKind[] | null = null;
  const kindButtons = new Map<DocumentKind, HTMLButtonElement>();
  const renderChoices = () => {
    const kinds = s.offered?.kinds ?? [];
    if (kindsShown === kinds) return;
    kindsShown = kinds;
    kindButtons.clear();
    choices.replaceChildren(
      ...kinds.map((kind) => {
        const b = h('button', { type: 'button', class: 'btn', 'data-kind': kind, 'data-focus-key': `documents-${kind}` }, kindLabel(kind)(lang));
        b.addEventListener('click', () => void draft(kind));
        kindButtons.set(kind, b);
        return b;
      }),
    );
  };

  let draftedShown: Drafted | null = null;
  const renderResult = () => {
    if (draftedShown === s.drafted) return;
    draftedShown = s.drafted;
    const d = s.drafted;
    if (d === null) return void result.replaceChildren();
    if (!showsText(d)) {
      const show = h('button', { type: 'button', class: 'btn link', 'data-focus-key': 'documents-show' }, t(lang, 'documents.showText'));
      show.addEventListener('click', () => dispatch({ type: 'show-text' }));
      return void result.replaceChildren(show);
    }
    const areaId = uid('doc-text');
    const area = h('textarea', { id: areaId, class: 'field reminder document-text', readonly: true, rows: 12, 'data-focus-key': 'documents-text' });
    area.value = d.text;
    const copy = h('button', { type: 'button', class: 'btn', 'data-focus-key': 'documents-copy' }, t(lang, 'pane.consolidate.copy'));
    const copyStatus = h('p', { class: 'copy-status', role: 'status' });
    copy.addEventListener('click', () => {
      void host.copy(area).then((copied) => {
        copyStatus.textContent = t(lang, copied ? 'documents.copied' : 'pane.consolidate.copyFailed');
        copyStatus.className = `copy-status ${copied ? 'success' : 'warning'}`;
      });
    });
    result.replaceChildren(
      h('div', { class: 'reminder-head' }, h('label', { for: areaId, class: 'label' }, t(lang, 'documents.text', { what: kindLabel(d.kind)(lang) })), copy),
      area,
      copyStatus,
    );
  };

  let statusShown = '';
  const renderStatus = () => {
    const text = s.working === 'reading' ? t(lang, 'pane.reading') : s.working === 'drafting' ? t(lang, 'documents.drafting') : '';
    const marker = `${text}|${s.notice ? s.notice.lines.map((l) => l(lang)).join('\n') : ''}`;
    if (marker === statusShown) return;
    statusShown = marker;
    parts.status.replaceChildren(...(text ? [spinner(text)] : []), ...(s.notice ? [noticeNode(s.notice, lang)] : []));
    parts.status.parentElement?.setAttribute('aria-busy', s.working ? 'true' : 'false');
  };

  const render = () => {
    renderChoices();
    renderResult();
    renderStatus();
    const off = busy() || pane?.env.kind !== 'excel';
    parts.open.disabled = off;
    for (const b of kindButtons.values()) b.disabled = off;
  };

  return {
    update(state) {
      pane = state;
      render();
    },
    read,
  };
}
