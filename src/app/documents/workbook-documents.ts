/**
 * Use cases for drafting the documents from whatever workbook a host holds (the pane's open workbook through
 * Office.js, or a file): which documents the workbook can give, and the drafting of one of them with the name its
 * Word file gets. The drafting itself is the same as the command line's (agency-data, consolidation-data and the
 * three document builders); nothing is counted twice.
 *
 * Round trips: `documentsOffered` one `read` (sheet names only); `draftFromWorkbook` one `read`.
 */
import type { FormPack } from '../../domain/form-pack';
import type { PlanPack } from '../../domain/plan-pack';
import { sameName, withoutDiacritics } from '../../domain/text';
import { SUBMISSION_SHEET } from '../../workbook/consolidation-sheets';
import { IDENTITY_SHEET } from '../../workbook/identity';
import type { ValidateOptions } from '../validate-workbook';
import type { WorkbookPort } from '../workbook-port';
import { readAgencyReportData } from './agency-data';
import { agencyReport } from './agency-report';
import { readConsolidationData } from './consolidation-data';
import type { OfficialDocument } from './model';
import { provinceReport } from './province-report';
import { reminderLetter } from './reminder-letter';

export type DocumentKind = 'agency' | 'province' | 'reminder';

/** What a workbook is, as far as its documents go: an agency's (tracker or stamp), a consolidation, both, or neither. */
export interface Offered {
  readonly agency: boolean;
  readonly consolidation: boolean;
  /** The documents it can give, in the order the pane lists them. */
  readonly kinds: readonly DocumentKind[];
}

/**
 * An agency workbook holds the plan's tracker or the product's identity stamp; a consolidation workbook holds the
 * submissions sheet the consolidation writes. A workbook Sở Nội vụ consolidated into its own report workbook is both.
 */
export function offeredBySheets(sheetNames: readonly string[], plan: PlanPack): Offered {
  const has = (name: string) => sheetNames.some((s) => sameName(s, name));
  const agency = has(plan.trackerSheetName) || has(IDENTITY_SHEET);
  const consolidation = has(SUBMISSION_SHEET);
  const kinds: DocumentKind[] = [...(agency ? (['agency'] as const) : []), ...(consolidation ? (['province', 'reminder'] as const) : [])];
  return { agency, consolidation, kinds };
}

export async function documentsOffered(port: WorkbookPort, plan: PlanPack): Promise<Offered> {
  const snapshot = await port.read([]);
  return offeredBySheets(snapshot.sheetNames, plan);
}

export interface DraftOptions {
  readonly planPack: PlanPack;
  readonly formPack: FormPack;
  readonly knownPacks: ValidateOptions['knownPacks'];
  readonly nowMs: number;
}

export type DraftFailure =
  | { readonly reason: 'no-tracker'; readonly sheet: string }
  | { readonly reason: 'no-agency' }
  | { readonly reason: 'not-consolidation'; readonly sheet: string }
  | { readonly reason: 'nobody-to-remind' };

export type DraftResult =
  | { readonly ok: true; readonly kind: DocumentKind; readonly document: OfficialDocument; readonly fileName: string }
  | ({ readonly ok: false } & DraftFailure);

/** A file name with letters, digits and dashes only: safe in any download folder and any host. */
function fileSafe(s: string): string {
  return withoutDiacritics(s).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The Word file's name: the kind of document, the plan year, and the agency's code for an agency's report. */
export function documentFileName(kind: DocumentKind, year: number, agencyCode?: string | null): string {
  const base = { agency: 'Bao-cao-van-thu-luu-tru', province: 'Bao-cao-tong-hop-van-thu-luu-tru', reminder: 'Cong-van-don-doc-bao-cao' }[kind];
  const code = kind === 'agency' && agencyCode ? `-${fileSafe(agencyCode)}` : '';
  return `${base}-${year}${code}.docx`;
}

export async function draftFromWorkbook(port: WorkbookPort, kind: DocumentKind, o: DraftOptions): Promise<DraftResult> {
  const plan = o.planPack;
  if (kind === 'agency') {
    const read = await readAgencyReportData(port, { planPack: plan, formPack: o.formPack, knownPacks: o.knownPacks, nowMs: o.nowMs });
    if (!read.ok) return read.reason === 'no-tracker' ? { ok: false, reason: 'no-tracker', sheet: plan.trackerSheetName } : { ok: false, reason: 'no-agency' };
    const document = agencyReport(read.data, plan, o.formPack);
    return { ok: true, kind, document, fileName: documentFileName(kind, read.data.planYear, read.data.agency.code) };
  }
  const read = await readConsolidationData(port, plan, o.formPack);
  if (!read.ok) return { ok: false, reason: 'not-consolidation', sheet: read.sheet };
  if (kind === 'province') return { ok: true, kind, document: provinceReport(read.data, plan, o.formPack), fileName: documentFileName(kind, plan.year) };
  const letter = reminderLetter(read.data, plan);
  if (!letter.ok) return { ok: false, reason: 'nobody-to-remind' };
  return { ok: true, kind, document: letter.document, fileName: documentFileName(kind, plan.year) };
}
