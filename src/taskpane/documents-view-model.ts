/**
 * "Soạn văn bản": what the documents view shows, as a small state of its own and the one place it changes (`next`),
 * plus the texts and choices the view needs (which buttons, whether this host saves files, what a failure says).
 * Pure: the section (documents-section.ts) renders it, the tests check it without a browser.
 */
import { t } from '../domain/i18n';
import type { DocumentKind, DraftFailure, Offered } from '../app/documents/workbook-documents';
import { SUBMISSION_SHEET } from '../workbook/consolidation-sheets';
import type { Notice, Text } from './view-model';

/** How a drafted document reached the user. */
export type Delivery =
  /** The .docx was handed to the browser's download. */
  | 'downloaded'
  /** The host is known to block downloads (Excel on Mac, iPad): the text is shown with Copy. */
  | 'blocked-host'
  /** The download failed: the text is shown with Copy. */
  | 'blocked'
  /** Downloaded, and the user asked to see the text too (the host may have dropped the file silently). */
  | 'shown';

export interface Drafted {
  readonly kind: DocumentKind;
  readonly fileName: string;
  readonly text: string;
  readonly delivery: Delivery;
}

export interface DocumentsState {
  /** Reading the workbook or drafting: the view's buttons wait. */
  readonly working: 'reading' | 'drafting' | null;
  /** What the open workbook gives, once read; null before. */
  readonly offered: Offered | null;
  readonly drafted: Drafted | null;
  readonly notice: Notice | null;
}

export type DocumentsAction =
  | { readonly type: 'reading' }
  | { readonly type: 'offered'; readonly offered: Offered; readonly trackerSheet: string }
  | { readonly type: 'drafting' }
  | { readonly type: 'drafted'; readonly drafted: Drafted }
  | { readonly type: 'show-text' }
  | { readonly type: 'failed'; readonly notice: Notice };

export const initialDocuments: DocumentsState = { working: null, offered: null, drafted: null, notice: null };

/**
 * What a view built again (another language) shows of what an earlier one held: the same offer, document and notice
 * (its texts are rendered in the language asked); a reading or drafting still under way is not carried (its result
 * went to the earlier view), so the buttons are free again.
 */
export function resumed(held: DocumentsState | null): DocumentsState {
  return held ? { ...held, working: null } : initialDocuments;
}

export function next(s: DocumentsState, a: DocumentsAction): DocumentsState {
  switch (a.type) {
    case 'reading':
      return { ...s, working: 'reading', notice: null };
    case 'offered':
      return { working: null, offered: a.offered, drafted: null, notice: a.offered.kinds.length === 0 ? noneNotice(a.trackerSheet) : null };
    case 'drafting':
      return { ...s, working: 'drafting', drafted: null, notice: null };
    case 'drafted':
      return { ...s, working: null, drafted: a.drafted, notice: deliveryNotice(a.drafted) };
    case 'show-text':
      return s.drafted?.delivery === 'downloaded' ? { ...s, drafted: { ...s.drafted, delivery: 'shown' } } : s;
    case 'failed':
      return { ...s, working: null, notice: a.notice };
  }
}

/** The text with its Copy button is shown for every delivery but a plain download. */
export const showsText = (d: Drafted | null): boolean => d !== null && d.delivery !== 'downloaded';

/**
 * Hosts whose web view drops a download without a word (Office on Mac and iPad run add-ins in WKWebView; see
 * OfficeDev/office-js issues 2700, 3385, 4681): there the text is offered at once, no file is attempted.
 */
export function blocksDownloads(platform: string | null | undefined): boolean {
  return platform === 'Mac' || platform === 'iOS';
}

export const KIND_KEYS = {
  agency: 'documents.kind.agency',
  province: 'documents.kind.province',
  reminder: 'documents.kind.reminder',
} as const;

export function kindLabel(kind: DocumentKind): Text {
  return (l) => t(l, KIND_KEYS[kind]);
}

/** Neither an agency's workbook nor a consolidation: the sheets either would hold, and what to do. */
function noneNotice(trackerSheet: string): Notice {
  return { tone: 'info', lines: [(l) => t(l, 'documents.none', { tracker: trackerSheet, submissions: SUBMISSION_SHEET })] };
}

export function deliveryNotice(d: Drafted): Notice {
  const file = d.fileName;
  switch (d.delivery) {
    case 'downloaded':
    case 'shown':
      return { tone: 'success', lines: [(l) => t(l, 'documents.downloaded', { file })] };
    case 'blocked-host':
      return { tone: 'warning', lines: [(l) => t(l, 'documents.blockedHost'), (l) => t(l, 'documents.tables')] };
    case 'blocked':
      return { tone: 'warning', lines: [(l) => t(l, 'documents.blocked'), (l) => t(l, 'documents.tables')] };
  }
}

/** What a drafting that could not be done says: the sheet it needs and what to do. */
export function failureNotice(f: DraftFailure): Notice {
  switch (f.reason) {
    case 'no-tracker':
      return { tone: 'error', lines: [(l) => t(l, 'documents.noTracker', { sheet: f.sheet })] };
    case 'no-agency':
      return { tone: 'error', lines: [(l) => t(l, 'documents.noAgency')] };
    case 'not-consolidation':
      return { tone: 'error', lines: [(l) => t(l, 'documents.notConsolidation', { sheet: f.sheet })] };
    case 'nobody-to-remind':
      return { tone: 'info', lines: [(l) => t(l, 'documents.nobodyToRemind')] };
  }
}
