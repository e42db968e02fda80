/**
 * Renders an official document model (src/app/documents/model.ts) as a Word file with the `docx` package, laid out
 * as Decree 30/2020/NĐ-CP, Appendix I ("Thể thức, kỹ thuật trình bày văn bản hành chính") asks. Each layout value
 * below names the rule it follows: "I.3" is Part I, section I, item 3 of the Appendix; "V" is its table of type
 * sizes and styles (Part I, section V, "Mẫu chữ và chi tiết trình bày thể thức văn bản"). Only this folder imports
 * `docx`; the result is bytes, the same in Node and in a browser.
 */
import {
  AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Header, LineRuleType, Packer, PageBreak, PageNumber,
  PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { Block, OfficialDocument, Run } from '../../app/documents/model';

// I.1, I.2: A4 (210 × 297 mm), portrait. In twentieths of a point as Word writes A4 (11906 × 16838).
const PAGE = { width: 210, height: 297 } as const;
const PAGE_TWIPS = { width: 11906, height: 16838 } as const;
// I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. The low end of each leaves the most room for tables.
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const TEXT_WIDTH_MM = PAGE.width - MARGINS_MM.left - MARGINS_MM.right;
// I.4: Times New Roman, black.
export const FONT = 'Times New Roman';
/** Type sizes in points (docx counts half-points). */
const PT = {
  agency: 12, // V.2: parent body and issuer, capitals 12–13 (12 keeps long names on one or two lines)
  motto: 12, // V.1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", capitals 12–13, bold
  slogan: 13, // V.1: "Độc lập - Tự do - Hạnh phúc", 13–14, bold
  number: 13, // V.3: "Số: …", 13, upright
  place: 13, // V.4: place and date, 13–14, italic
  title: 14, // V.5a: type of document, capitals 13–14, bold; its subject 13–14, bold
  letterSubject: 12, // V.5b: a letter's subject "V/v …", 12–13, upright
  addressee: 14, // V.15 (Kính gửi): 14, upright
  body: 14, // V.6: body 13–14
  table: 12, // tables inside the body: smaller than the body so the columns stay legible
  signer: 14, // V.7: position and name 13–14, bold
  recipientsLabel: 12, // V.9: "Nơi nhận:" 12, bold italic
  recipients: 11, // V.9: the list 11, upright
  pageNumber: 13, // I.7: page numbers 13–14, centred in the top margin, none on the first page
} as const;
const half = (pt: number): number => pt * 2;
const mm = (v: number): number => Math.round(convertMillimetersToTwip(v));
// II.6: first-line indent 1–1.27 cm; at least 6 pt between paragraphs; line spacing single to 1.5 lines.
const BODY_INDENT_MM = 12.7;
const PARAGRAPH_AFTER = 6 * 20; // twips
/** Line spacing in 240ths of a line ("auto"): 1.15 lines, inside the decree's single-to-1.5 range, keeps the stacked
 * Vietnamese diacritics of one line clear of the next. */
const LINE_SINGLE = 276;

/** The header table: issuing body on the left, national motto on the right (IV, boxes 2 and 1). */
const HEADER_LEFT_MM = 62;
const HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM;

const NO_BORDERS = TableBorders.NONE;
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

function run(r: Run, size: number): TextRun {
  return new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false, size: half(size), font: FONT });
}

function centred(text: string, size: number, style: { bold?: boolean; italic?: boolean } = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, line: LINE_SINGLE, lineRule: LineRuleType.AUTO },
    children: [run({ text, ...style }, size)],
  });
}

/**
 * A short solid rule, centred in a column `columnMm` wide: an empty paragraph whose bottom border is `lengthMm` long
 * (its indents make it so), with an exact 3 pt line so the rule sits just under the text above.
 * II.2 and II.5: under the issuer's name and under a report's subject, 1/3–1/2 of the text's length; II.1: under
 * "Độc lập - Tự do - Hạnh phúc", as long as that line.
 */
function rule(columnMm: number, lengthMm: number): Paragraph {
  const side = mm(Math.max(0, (columnMm - lengthMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { ...THIN, space: 1 } },
    children: [],
  });
}

function cell(widthMm: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    borders: NO_BORDERS,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    verticalAlign: VerticalAlign.TOP,
    children,
  });
}

function borderless(columnsMm: readonly number[], rows: readonly Paragraph[][][]): Table {
  return new Table({
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: columnsMm.map(mm),
    borders: NO_BORDERS,
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(columnsMm[i] ?? 0, c)) })),
  });
}

/** Approximate printed width of a line of Times New Roman, for the rules' lengths (≈ 0.5 em a character). */
const textWidthMm = (text: string, pt: number): number => text.length * pt * 0.5 * 0.3528;

function headerBlock(doc: OfficialDocument): Table {
  const nameLines = doc.issuer.name.split('\n');
  const nameLength = Math.min(HEADER_LEFT_MM, Math.max(...nameLines.map((l) => textWidthMm(l, PT.agency))));
  const slogan = 'Độc lập - Tự do - Hạnh phúc';
  const left = [
    ...(doc.issuer.parent !== null ? [centred(doc.issuer.parent, PT.agency)] : []), // II.2: parent body, capitals, upright
    ...nameLines.map((l) => centred(l, PT.agency, { bold: true })), // II.2: issuer, capitals, bold
    rule(HEADER_LEFT_MM, Math.max(15, nameLength / 2.5)), // II.2: rule 1/3–1/2 of the name, centred
  ];
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', PT.motto, { bold: true }), // II.1a
    centred(slogan, PT.slogan, { bold: true }), // II.1b: centred under the motto
    rule(HEADER_RIGHT_MM, textWidthMm(slogan, PT.slogan)), // II.1b: rule as long as the slogan
  ];
  // II.3: "Số:" centred under the issuer; II.5b: a letter's subject under the number. II.4: place and date, italic,
  // centred under the slogan.
  const numberCell = [
    new Paragraph({ spacing: { before: 120, after: 0 }, alignment: AlignmentType.CENTER, children: [run({ text: doc.number }, PT.number)] }),
    ...(doc.letterSubject ? [centred(doc.letterSubject, PT.letterSubject, {}, 0)] : []),
  ];
  const dateCell = [new Paragraph({ spacing: { before: 120, after: 0 }, alignment: AlignmentType.CENTER, children: [run({ text: doc.placeAndDate, italic: true }, PT.place)] })];
  return borderless([HEADER_LEFT_MM, HEADER_RIGHT_MM], [[left, right], [numberCell, dateCell]]);
}

function titleBlock(doc: OfficialDocument): Paragraph[] {
  if (!doc.title) return [];
  const longest = Math.max(...doc.title.subject.map((s) => textWidthMm(s, PT.title)));
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, children: [run({ text: doc.title.type, bold: true }, PT.title)] }),
    ...doc.title.subject.map((s) => centred(s, PT.title, { bold: true })),
    rule(TEXT_WIDTH_MM, Math.min(TEXT_WIDTH_MM / 2, Math.max(25, longest / 2.5))), // II.5a: rule 1/3–1/2 of the subject
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

/** II.5b / V: "Kính gửi:" then the addressees, one per line with a dash when there are several. */
function addresseeBlock(doc: OfficialDocument): Paragraph[] {
  const list = doc.addressees ?? [];
  if (list.length === 0) return [];
  const indent = { left: mm(25) };
  const line = (children: TextRun[]) => new Paragraph({ indent, spacing: { before: 0, after: 0, line: LINE_SINGLE, lineRule: LineRuleType.AUTO }, children });
  if (list.length === 1) return [new Paragraph({ spacing: { before: 360, after: 240 }, children: [] }), line([run({ text: `Kính gửi: ${list[0] ?? ''}.` }, PT.addressee)])];
  return [
    new Paragraph({ spacing: { before: 360, after: 0 }, children: [] }),
    line([run({ text: 'Kính gửi:' }, PT.addressee)]),
    ...list.map((a, i) => new Paragraph({ indent: { left: mm(45) }, spacing: { after: 0 }, children: [run({ text: `- ${a}${i === list.length - 1 ? '.' : ';'}` }, PT.addressee)] })),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function bodyParagraph(runs: readonly Run[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED, // II.6: justified
    indent: { firstLine: mm(BODY_INDENT_MM) }, // II.6: first-line indent 1–1.27 cm
    spacing: { before: 0, after: PARAGRAPH_AFTER, line: LINE_SINGLE, lineRule: LineRuleType.AUTO }, // II.6: ≥ 6 pt between paragraphs, 1–1.5 lines
    children: runs.map((r) => run(r, PT.body)),
  });
}

function tableBlock(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const widths = b.widths.map((w) => (TEXT_WIDTH_MM * w) / total);
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header, // repeated at the top of each page
      cantSplit: true,
      children: cells.map((text, i) => new TableCell({
        width: { size: mm(widths[i] ?? 10), type: WidthType.DXA },
        margins: { top: 30, bottom: 30, left: 80, right: 80 },
        verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({
          alignment: header ? AlignmentType.CENTER : b.numeric?.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run({ text, bold: header }, PT.table)],
        })],
      })),
    });
  return new Table({
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))],
  });
}

function blocks(list: readonly Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) {
    if (b.kind === 'heading') out.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: PARAGRAPH_AFTER }, indent: { firstLine: mm(BODY_INDENT_MM) }, children: [run({ text: b.text, bold: true }, PT.body)] }));
    else if (b.kind === 'paragraph') out.push(bodyParagraph(b.runs));
    else out.push(tableBlock(b), new Paragraph({ spacing: { after: PARAGRAPH_AFTER }, children: [] }));
  }
  return out;
}

/** II.7 and II.9: "Nơi nhận" on the left, the signer on the right, side by side. */
function signatureBlock(doc: OfficialDocument): Table {
  const s = doc.signature;
  const recipients = [
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [run({ text: 'Nơi nhận:', bold: true, italic: true }, PT.recipientsLabel)] }),
    ...doc.recipients.map((r) => new Paragraph({ spacing: { after: 0 }, children: [run({ text: r }, PT.recipients)] })),
  ];
  const signer = [
    ...(s.authority ? [centred(s.authority, PT.signer, { bold: true })] : []),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: s.authority ? 0 : 120, after: 0 }, children: [run({ text: s.position, bold: true }, PT.signer)] }),
    centred('(Ký, họ tên, đóng dấu)', PT.recipientsLabel, { italic: true }),
    // Room to sign and seal.
    ...[0, 1, 2, 3].map(() => new Paragraph({ spacing: { after: 0 }, children: [run({ text: '' }, PT.signer)] })),
    centred(s.name, PT.signer, { bold: true }),
  ];
  return borderless([TEXT_WIDTH_MM - 80, 80], [[recipients, signer]]);
}

function annexBlock(doc: OfficialDocument): (Paragraph | Table)[] {
  if (!doc.annex) return [];
  return [
    new Paragraph({ children: [new PageBreak()] }),
    ...doc.annex.title.map((t, i) => centred(t, i === 0 ? PT.title : PT.number, i === 0 ? { bold: true } : { italic: true })),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    ...blocks(doc.annex.blocks),
  ];
}

/** I.7: page numbers from the second page on, centred in the top margin. */
function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: half(PT.pageNumber), font: FONT })] })],
  });
}

export function documentToDocx(doc: OfficialDocument): Document {
  return new Document({
    creator: 'vtlt',
    title: doc.title ? `${doc.title.type} ${doc.title.subject.join(' ')}` : doc.letterSubject ?? '',
    styles: { default: { document: { run: { font: FONT, size: half(PT.body), color: '000000' } } } },
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height, orientation: PageOrientation.PORTRAIT },
          margin: { top: mm(MARGINS_MM.top), bottom: mm(MARGINS_MM.bottom), left: mm(MARGINS_MM.left), right: mm(MARGINS_MM.right), header: mm(10), footer: mm(10) },
        },
      },
      headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
      children: [
        headerBlock(doc),
        ...titleBlock(doc),
        ...addresseeBlock(doc),
        ...(doc.title ? [] : [new Paragraph({ spacing: { after: 120 }, children: [] })]),
        ...blocks(doc.body),
        signatureBlock(doc),
        ...annexBlock(doc),
      ],
    }],
  });
}

/** The document as .docx bytes. */
export async function writeDocx(doc: OfficialDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(documentToDocx(doc)));
}
