/**
 * An official document (Decree 30/2020/NĐ-CP, Appendix I) as plain data: what goes where, not how it is drawn.
 * The drafting use cases (agency report, province report, reminder letter) build one from a workbook; a host renders
 * it (src/hosts/docx). Because it is plain data, tests can say who is named and which blanks are left without Word.
 *
 * What only a person can decide — the number, the date, the signer, the priorities — is a `BLANK`, never a guess.
 */

/** A dotted blank for the user to fill in by hand. */
export const BLANK = '…………';
/** A short dotted blank, inside a line ("Số: …/BC-SNV"). */
export const SHORT_BLANK = '…';

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export type Block =
  /** A heading inside the body ("I. KẾT QUẢ …"), bold, flush with the body's indent. */
  | { readonly kind: 'heading'; readonly text: string }
  /** A body paragraph: justified, first-line indent. */
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[] }
  /** A table; the first row is the header, repeated on each page. */
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Relative widths of the columns. */
      readonly widths: readonly number[];
      /** Columns whose cells are right-aligned (figures). */
      readonly numeric?: readonly number[];
    };

export interface Issuer {
  /**
   * The body directly above the issuer ("UBND TỈNH THÁI NGUYÊN"); BLANK when it cannot be known; null when the
   * issuer has none shown (a People's Committee).
   */
  readonly parent: string | null;
  /** In capitals; a line break where the name is set on two lines ("ỦY BAN NHÂN DÂN\nXÃ KHA SƠN"). */
  readonly name: string;
}

export interface Signature {
  /** "KT. GIÁM ĐỐC" and the like; absent when the head signs. */
  readonly authority?: string;
  /** The position, in capitals; BLANK when the product cannot know it. */
  readonly position: string;
  /** The signer's full name: always BLANK, a person decides who signs. */
  readonly name: string;
}

export interface OfficialDocument {
  readonly kind: 'report' | 'letter';
  readonly issuer: Issuer;
  /** "Số: …/BC-SNV": the number is left blank, the symbol is the document type and the issuer's abbreviation. */
  readonly number: string;
  /** "Thái Nguyên, ngày … tháng … năm …" — the day is a person's decision. */
  readonly placeAndDate: string;
  /** Report: the type ("BÁO CÁO") and the subject lines under it. Letter: none (the subject goes under the number). */
  readonly title?: { readonly type: string; readonly subject: readonly string[] };
  /** Letter: "V/v …", under the number. */
  readonly letterSubject?: string;
  /** Letter: the addressees after "Kính gửi:" (one per line). */
  readonly addressees?: readonly string[];
  readonly body: readonly Block[];
  readonly signature: Signature;
  /** "Nơi nhận:" list, each line as printed ("- Như trên;", "- Lưu: VT, …."). */
  readonly recipients: readonly string[];
  /** A list attached after the signature (the agencies a letter goes to, when they are many). */
  readonly annex?: { readonly title: readonly string[]; readonly blocks: readonly Block[] };
}

export const text = (t: string): Run => ({ text: t });
export const bold = (t: string): Run => ({ text: t, bold: true });
export const italic = (t: string): Run => ({ text: t, italic: true });
export const paragraph = (...runs: (Run | string)[]): Block => ({ kind: 'paragraph', runs: runs.map((r) => (typeof r === 'string' ? text(r) : r)) });
export const heading = (t: string): Block => ({ kind: 'heading', text: t });

/** "ngày … tháng … năm …": the date of issue is left for the person who signs. */
export function blankPlaceAndDate(place: string): string {
  return `${place}, ngày ${SHORT_BLANK} tháng ${SHORT_BLANK} năm ${SHORT_BLANK}`;
}

/**
 * The number and symbol (Appendix I, part I, II.3): a report "Số: …/BC-SNV" (type, then the issuer's abbreviation);
 * a letter "Số: …/SNV-…" (the issuer's abbreviation, then the drafting unit's, which only the office knows). With no
 * known abbreviation: "Số: …/BC-…".
 */
export function documentNumber(type: 'BC' | 'CV', abbreviation: string | null): string {
  const abbr = abbreviation ?? SHORT_BLANK;
  const symbol = type === 'CV' ? `${abbr}-${SHORT_BLANK}` : `${type}-${abbr}`;
  return `Số: ${SHORT_BLANK}/${symbol}`;
}

/** Every text of a document in reading order, one entry a line (tests use it; the pane's copy fallback is plain-text.ts). */
export function documentText(doc: OfficialDocument): string[] {
  const blockText = (b: Block): string[] =>
    b.kind === 'heading' ? [b.text] : b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : [b.header.join(' | '), ...b.rows.map((r) => r.join(' | '))];
  return [
    ...(doc.issuer.parent !== null ? [doc.issuer.parent] : []), ...doc.issuer.name.split('\n'), doc.number, ...(doc.letterSubject ? [doc.letterSubject] : []), doc.placeAndDate,
    ...(doc.title ? [doc.title.type, ...doc.title.subject] : []),
    ...(doc.addressees ? ['Kính gửi:', ...doc.addressees] : []),
    ...doc.body.flatMap(blockText),
    ...(doc.signature.authority ? [doc.signature.authority] : []), doc.signature.position, doc.signature.name,
    'Nơi nhận:', ...doc.recipients,
    ...(doc.annex ? [...doc.annex.title, ...doc.annex.blocks.flatMap(blockText)] : []),
  ];
}
