/**
 * Writes a plan as a Word document with the `docx` package, as offices issue them: a header block in a borderless
 * two-column table, the plan's text ("**bold**" and "*italic*" runs), then the appendix table with a header row
 * marked to repeat on each page (w:tblHeader), optionally its header row repeated as a row, or the table split in
 * two at a page break; cells spanning columns (w:gridSpan) or merged down rows (w:vMerge); several paragraphs in a
 * cell. `seedPlanDocx` builds the 2026 Thái Nguyên plan from ../shared/seed.
 */
import {
  Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, BorderStyle,
} from 'docx';

export interface DocCell {
  /** Its paragraphs; a string is one paragraph. */
  readonly text: string | readonly string[];
  readonly span?: number;
  readonly vMerge?: 'restart' | 'continue';
}

export interface DocRow {
  readonly cells: readonly DocCell[];
  readonly header?: boolean;
}

export interface PlanDocSpec {
  readonly headerBlock?: { readonly left: readonly string[]; readonly right: readonly string[] };
  readonly before: readonly string[];
  readonly rows: readonly DocRow[];
  /** Row indexes before which the table is closed and a new one started after a page break. */
  readonly splitBefore?: readonly number[];
  readonly after?: readonly string[];
}

/** "**bold**" and "*italic*" marks as runs. */
function runs(text: string): TextRun[] {
  const out: TextRun[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(new TextRun({ text: text.slice(last, m.index) }));
    out.push(m[1] !== undefined ? new TextRun({ text: m[1], bold: true }) : new TextRun({ text: m[2] ?? '', italics: true }));
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push(new TextRun({ text: text.slice(last) }));
  return out;
}

const para = (text: string): Paragraph => new Paragraph({ children: runs(text) });

function cell(c: DocCell): TableCell {
  const lines = typeof c.text === 'string' ? [c.text] : c.text;
  return new TableCell({
    children: lines.map(para),
    ...(c.span !== undefined ? { columnSpan: c.span } : {}),
    ...(c.vMerge !== undefined ? { verticalMerge: c.vMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export async function planDocx(spec: PlanDocSpec): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  if (spec.headerBlock) {
    children.push(new Table({
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows: [new TableRow({ children: [cell({ text: spec.headerBlock.left }), cell({ text: spec.headerBlock.right })] })],
    }));
  }
  children.push(...spec.before.map(para));
  const splits = [0, ...(spec.splitBefore ?? []), spec.rows.length];
  for (let k = 0; k + 1 < splits.length; k++) {
    if (k > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    const rows = spec.rows.slice(splits[k], splits[k + 1]);
    children.push(new Table({ rows: rows.map((r) => new TableRow({ tableHeader: r.header === true, children: r.cells.map(cell) })) }));
  }
  children.push(...(spec.after ?? []).map(para));
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export const PLAN_HEADER = ['TT', 'Nội dung công việc', 'Cơ quan chủ trì thực hiện', 'Cơ quan phối hợp', 'Thời gian hoàn thành'];

/**
 * The 2026 plan from the seed text: the text before the appendix as paragraphs; the appendix table with its header
 * marked to repeat and repeated as a row before row 10 (as the plan does); row 16 spanning four columns; the lead
 * and coordinating cells of 16a–16b and 16a–16c merged down; row 5 in NFD; non-breaking spaces in row 2; the
 * coordinating cell of row 6 and the deadline of 16a as two paragraphs.
 */
export function seedPlanSpec(seed: string, options: { split?: boolean } = {}): PlanDocSpec {
  const at = seed.indexOf('\nPhụ lục');
  const lines = seed.slice(0, at).split(/\r?\n/).filter((l) => l.trim() !== '');
  const [numberLine = '', placeLine = '', ...text] = lines;
  const appendix = seed.slice(at).split(/\r?\n/);
  const tableAt = appendix.findIndex((l) => l.startsWith('TT\t'));
  const before = [...text, ...appendix.slice(0, tableAt).filter((l) => l.trim() !== '')];
  const rows: DocRow[] = [];
  let first = true;
  for (const line of appendix.slice(tableAt)) {
    const cells = line.split('\t');
    if (cells.length < 5) continue;
    if (cells[0] === 'TT') {
      rows.push({ header: first, cells: cells.map((c) => ({ text: `**${c}**` })) });
      first = false;
      continue;
    }
    const [tt = '', content = '', lead = '', coordinating = '', deadline = ''] = cells;
    const row: DocCell[] = [{ text: tt }, { text: content }, { text: lead }, { text: coordinating }, { text: deadline }];
    if (tt === '2') row[2] = { text: lead.replace(/ /g, '\u00a0') };
    if (tt === '5') row[1] = { text: content.normalize('NFD').replace('Chương trình', '**Chương trình**').replace('“Thái Nguyên', '*“Thái Nguyên*') };
    if (tt === '6') row[3] = { text: ['Sở Nội vụ', '(Trung tâm Lưu trữ lịch sử tỉnh)'] };
    if (tt === '16') {
      rows.push({ cells: [{ text: `**${tt}**` }, { text: `**${content}**`, span: 4 }] });
      continue;
    }
    if (tt === 'a') {
      row[2] = { text: lead, vMerge: 'restart' };
      row[3] = { text: coordinating, vMerge: 'restart' };
      row[4] = { text: ['Trước ngày', '28/02/2026'] };
    }
    if (tt === 'b') row[2] = { text: '', vMerge: 'continue' };
    if (tt === 'b' || tt === 'c') row[3] = { text: '', vMerge: 'continue' };
    rows.push({ cells: row });
  }
  return {
    headerBlock: { left: ['ỦY BAN NHÂN DÂN', '**TỈNH THÁI NGUYÊN**', numberLine], right: ['**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '**Độc lập - Tự do - Hạnh phúc**', `*${placeLine}*`] },
    before,
    rows,
    ...(options.split ? { splitBefore: [rows.findIndex((r, i) => i > 0 && r.cells[0]?.text === '**TT**')] } : {}),
  };
}

/** A made-up 2027 plan of another province, with the phrases of issue 11 and one unreadable phrase. */
export function plan2027Spec(): PlanDocSpec {
  const row = (tt: string, content: string, lead: string, coordinating: string, deadline: string) => ({
    cells: [tt, content, lead, coordinating, deadline].map((text) => ({ text })),
  });
  return {
    headerBlock: { left: ['ỦY BAN NHÂN DÂN', 'TỈNH BẮC NINH', 'Số: 15/KH-UBND'], right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Bắc Ninh, ngày 10 tháng 01 năm 2027'] },
    before: ['KẾ HOẠCH', 'Công tác văn thư, lưu trữ năm 2027', 'Căn cứ Luật Lưu trữ năm 2024;', 'Phụ lục'],
    rows: [
      { header: true, cells: PLAN_HEADER.map((text) => ({ text })) },
      row('1', 'Ban hành kế hoạch công tác văn thư, lưu trữ năm 2027', 'Các cơ quan, tổ chức, đơn vị', 'Sở Nội vụ', 'Tháng 02/2027'),
      row('2', 'Kiểm tra công tác văn thư, lưu trữ', 'Sở Nội vụ', 'UBND các xã, phường', 'Quý II/2027'),
      row('3', 'Thu nộp hồ sơ vào Lưu trữ lịch sử tỉnh', 'Các cơ quan, tổ chức theo Quyết định số 15/QĐ-UBND ngày 02/01/2027', 'Sở Nội vụ (Trung tâm Lưu trữ lịch sử tỉnh)', 'Trước ngày 15/3/2027'),
      row('4', 'Sơ kết 6 tháng', 'Các sở, ban, ngành', 'Sở Nội vụ', '6 tháng đầu năm 2027'),
      row('5', 'Công bố tài liệu', 'Sở Nội vụ', 'Sở Văn hóa, Thể thao và Du lịch', 'Quý III - IV/2027'),
      row('6', 'Chỉnh lý tài liệu tồn đọng', 'Sở Nội vụ', 'Các cơ quan, tổ chức, đơn vị', 'Giai đoạn 2027 - 2030'),
      { cells: [{ text: '7' }, { text: 'Báo cáo định kỳ', span: 4 }] },
      row('a', 'Báo cáo thống kê ngành Nội vụ lĩnh vực văn thư, lưu trữ năm 2026', 'Các cơ quan, tổ chức, đơn vị', 'Sở Nội vụ', 'Ngày 15/10/2027'),
      row('b', 'Báo cáo theo yêu cầu', 'Các cơ quan, tổ chức, đơn vị', 'Công an tỉnh', 'Khi có yêu cầu của cấp trên'),
    ],
  };
}
