/**
 * The plan a tracker was written from, carried by the workbook (issue 11, item 6): its JSON text on a very hidden
 * sheet of its own beside the identity stamp. A1 holds a header, A2 the text's fingerprint, A3 on the text cut into
 * pieces well below the 32,767 characters a cell keeps. On a sheet of its own, the readers that want only the stamp
 * (every pane start, every insert) never read it.
 */
import type { Grid } from './grid';
import { forEachRow, gridText } from './grid';
import type { SheetSpec } from './sheet-spec';

export const PLAN_SHEET = '_vtlt_plan';
export const PLAN_HEADER = 'vtlt/plan-text@1';
const PIECE = 30_000;

export interface StoredPlanText {
  /** "fnv1a32:<8 hex>:<length>" of the whole text: plans are told apart by it, and a damaged copy is caught. */
  readonly hash: string;
  readonly text: string;
}

/** What the plan sheet holds: nothing, the text as written (its fingerprint checks), or a damaged copy. */
export type StoredPlan = StoredPlanText | { readonly damaged: true } | null;

/** The fingerprint of a plan's JSON text (not a secret: it tells versions apart and catches a cut or edited copy). */
export function planTextHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `fnv1a32:${h.toString(16).padStart(8, '0')}:${text.length}`;
}

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + PIECE);
    // Never split a character written as two UTF-16 units.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** The plan sheet for a plan's JSON text. */
export function planSheet(planText: string): SheetSpec {
  // As NFC: readers give cell text back as NFC, and the fingerprint is of what they read.
  const text = planText.normalize('NFC');
  const rows = [PLAN_HEADER, planTextHash(text), ...pieces(text)].map((p) => [p]);
  return {
    name: PLAN_SHEET,
    visibility: 'veryHidden',
    columns: [{ width: 40 }],
    blocks: [{ at: 'A1', rows }],
    styles: { text: { numberFormat: '@' } },
    styleRanges: [{ range: `A1:A${rows.length}`, style: 'text' }],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

/** The text on the plan sheet (null when the sheet is absent or holds no plan). */
export function readPlanText(grid: Grid | null): StoredPlan {
  if (grid === null || gridText(grid, 1, 1).trim() !== PLAN_HEADER) return grid === null ? null : { damaged: true };
  const hash = gridText(grid, 2, 1).trim();
  let text = '';
  forEachRow(grid, 3, (r) => {
    text += gridText(grid, r, 1);
  });
  if (verified !== null && hash === verified.hash && text === verified.text) return verified;
  if (hash !== planTextHash(text)) return { damaged: true };
  verified = { hash, text };
  return verified;
}

/**
 * The last plan text whose fingerprint checked: a batch of files from one province carries the same plan in each, so
 * comparing with it (a copy of memory) stands for hashing it again, character by character, for every file.
 */
let verified: StoredPlanText | null = null;
