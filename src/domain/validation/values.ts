/**
 * Reading what users type: numbers and dates, and recognising the usual mistakes (a number or a date typed as text)
 * so the message can name the fix. Month-first readings of dates are never accepted.
 */
import { type Day, formatVn, fromExcelSerial, parseVnDate } from '../calendar';
import type { IssueValue } from './issue';

export type NumberRead =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  /** Text that clearly meant a number, e.g. "1.234" (Vietnamese grouping), "1,5", "12 hồ sơ". */
  | { readonly kind: 'text-number'; readonly text: string; readonly meant: number }
  | { readonly kind: 'not-number'; readonly text: string };

/** Reads a Vietnamese-formatted number written as text: "1.234.567,5" → 1234567.5; "12 hồ sơ" → 12. */
export function meantNumber(text: string): number | null {
  const s = text.normalize('NFC').trim().replace(/\u00a0/g, ' ');
  const m = /^([+-]?[\d.,\s]*\d)\s*([\p{L}%²\s.]*)$/u.exec(s);
  if (!m) return null;
  let digits = (m[1] ?? '').replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits)) digits = digits.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) digits = digits.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(digits)) digits = digits.replace(',', '.');
  const n = Number(digits);
  return Number.isFinite(n) ? n : null;
}

export function readNumber(v: IssueValue): NumberRead {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'not-number', text: String(v) };
  const meant = meantNumber(v);
  return meant === null ? { kind: 'not-number', text: v } : { kind: 'text-number', text: v, meant };
}

export type DateRead =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly day: Day }
  /** A real date typed as text ("15/3/2026"). */
  | { readonly kind: 'text-date'; readonly text: string; readonly meant: Day }
  | { readonly kind: 'invalid'; readonly text: string };

export function readDate(v: IssueValue): DateRead {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { kind: 'empty' };
  if (typeof v === 'number') {
    const day = Number.isInteger(v) || v > 1 ? fromExcelSerial(v) : null;
    return day === null ? { kind: 'invalid', text: String(v) } : { kind: 'date', day };
  }
  const text = String(v);
  const meant = parseVnDate(text);
  return meant === null ? { kind: 'invalid', text } : { kind: 'text-date', text, meant };
}

export { formatVn };
