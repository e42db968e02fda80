/**
 * Why a file was set aside, kept as a message and its parameters so that each reader renders it in its own language:
 * the consolidation's sheet in the workbook's (Vietnamese), the pane in the user's. A reason that came as text (a
 * host's account of a file it could not open) stays that text.
 */
import { t, type Lang } from '../domain/i18n';

export type RejectReason =
  | { readonly text: string }
  | { readonly key: 'consolidate.reason.unreadable' | 'consolidate.reason.corrupt' | 'consolidate.reason.notProduct' | 'consolidate.reason.noAgency' }
  | { readonly key: 'consolidate.reason.unknownAgency'; readonly params: { readonly name: string; readonly code: string } }
  | { readonly key: 'consolidate.reason.otherYear'; readonly params: { readonly found: number; readonly expected: number } }
  | { readonly key: 'consolidate.reason.otherPlan'; readonly params: { readonly found: string; readonly expected: string } }
  | { readonly key: 'consolidate.reason.unknownPack'; readonly params: { readonly pack: string; readonly version: string } };

/** The reason in `lang`. */
export function reasonText(lang: Lang, r: RejectReason): string {
  if ('text' in r) return r.text;
  switch (r.key) {
    case 'consolidate.reason.unknownAgency':
      return t(lang, r.key, { ...r.params });
    case 'consolidate.reason.otherYear':
      return t(lang, r.key, { ...r.params });
    case 'consolidate.reason.otherPlan':
      return t(lang, r.key, { ...r.params });
    case 'consolidate.reason.unknownPack':
      return t(lang, r.key, { ...r.params });
    default:
      return t(lang, r.key);
  }
}
