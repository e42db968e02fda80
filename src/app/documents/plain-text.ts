/**
 * A document model as plain text, in reading order, for the pane's "copy the text" fallback (where the host will not
 * save a file): the header lines, the title, "Kính gửi", the body, the signature, "Nơi nhận" and any attached list.
 * Paragraphs are separated by a blank line; a table's cells by tabs, so that a paste into Word can become a table
 * again (Table › Convert Text to Table). The Word file itself is made by src/hosts/docx from the same model.
 */
import type { Block, OfficialDocument } from './model';

export const NATIONAL_MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_SLOGAN = 'Độc lập - Tự do - Hạnh phúc';
export const SIGN_HINT = '(Ký, họ tên, đóng dấu)';

/** A cell's text on one line: a tab or a line break inside it would split the row. */
const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');

function blockText(b: Block): string {
  if (b.kind === 'heading') return b.text;
  if (b.kind === 'paragraph') return b.runs.map((r) => r.text).join('');
  return [b.header, ...b.rows].map((row) => row.map(cell).join('\t')).join('\n');
}

/** The document as text: one string, lines separated by "\n". */
export function documentPlainText(doc: OfficialDocument): string {
  const parts: string[] = [];
  const issuer = [...(doc.issuer.parent !== null ? [doc.issuer.parent] : []), ...doc.issuer.name.split('\n'), doc.number];
  if (doc.letterSubject) issuer.push(doc.letterSubject);
  parts.push(issuer.join('\n'));
  parts.push([NATIONAL_MOTTO, NATIONAL_SLOGAN, doc.placeAndDate].join('\n'));
  if (doc.title) parts.push([doc.title.type, ...doc.title.subject].join('\n'));
  if (doc.addressees && doc.addressees.length > 0) {
    parts.push(doc.addressees.length === 1 ? `Kính gửi: ${doc.addressees[0]}.` : ['Kính gửi:', ...doc.addressees.map((a) => `- ${a};`)].join('\n'));
  }
  parts.push(...doc.body.map(blockText));
  const sign = doc.signature;
  parts.push([...(sign.authority ? [sign.authority] : []), sign.position, SIGN_HINT, sign.name].join('\n'));
  parts.push(['Nơi nhận:', ...doc.recipients].join('\n'));
  if (doc.annex) parts.push(doc.annex.title.join('\n'), ...doc.annex.blocks.map(blockText));
  return parts.join('\n\n');
}
