/**
 * The task table of a plan (its appendix, or the "Kế hoạch" sheet) read from rows of cell texts, wherever they came
 * from (a Word table or a sheet): the header row found by its labels, not its position; repeated header rows (after
 * a page break) and column-number rows skipped; section rows, group headings ("16 Báo cáo …") and their sub-rows
 * ("a", "b", "c" → 16a, 16b, 16c) told apart; blank cells of a sub-row taken from its heading.
 */

export type ColumnKey = 'tt' | 'content' | 'lead' | 'coordinating' | 'deadline';

/** Where a row came from: its table in the document (Word) and its 1-based row in that table or sheet. */
export interface RowRef {
  readonly table?: number;
  readonly row: number;
  /** A paragraph of the text (section III duties), 1-based, instead of a table row. */
  readonly paragraph?: number;
}

export interface SourceRow {
  readonly where: RowRef;
  readonly cells: readonly string[];
}

export type Columns = { readonly [K in ColumnKey]?: number };

const LABELS: ReadonlyArray<[ColumnKey, RegExp]> = [
  ['tt', /^(?:s?tt|số tt|số thứ tự)$/],
  ['content', /^(?:nội dung|nhiệm vụ|tên nhiệm vụ|công việc)/],
  ['lead', /chủ trì/],
  ['coordinating', /phối hợp/],
  ['deadline', /^(?:thời gian|thời hạn|tiến độ)/],
];

export function cellKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\u00a0\u2007\u202f\s]+/g, ' ').replace(/[.:*]/g, '').trim();
}

/** The columns a row names, when it is a header row (at least content, lead and deadline). */
export function headerColumns(cells: readonly string[]): Columns | null {
  const columns: { [K in ColumnKey]?: number } = {};
  cells.forEach((cell, i) => {
    const key = cellKey(cell);
    if (key === '') return;
    const hit = LABELS.find(([k, re]) => columns[k] === undefined && re.test(key));
    if (hit) columns[hit[0]] = i;
  });
  return columns.content !== undefined && columns.lead !== undefined && columns.deadline !== undefined ? columns : null;
}

/** The first header row of the rows, or null. */
export function findHeader(rows: readonly SourceRow[]): { readonly index: number; readonly columns: Columns } | null {
  for (let i = 0; i < rows.length; i++) {
    const columns = headerColumns(rows[i]?.cells ?? []);
    if (columns) return { index: i, columns };
  }
  return null;
}

/** "(1) (2) (3) …" or "1 2 3 …" under a header. */
function isColumnNumberRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c, i) => c.replace(/[()]/g, '') === String(i + 1));
}

export interface TableRowItem {
  readonly kind: 'task' | 'heading' | 'section';
  readonly id: string;
  readonly where: RowRef;
  readonly parent?: string;
  readonly content: string;
  readonly leadText: string;
  readonly coordinatingText: string;
  readonly deadlineText: string;
}

export type TableProblem =
  | { readonly code: 'duplicate-id'; readonly where: RowRef; readonly id: string }
  | { readonly code: 'missing-content'; readonly where: RowRef; readonly id: string }
  | { readonly code: 'missing-tt'; readonly where: RowRef; readonly id: string };

const ROMAN_PREFIX = /^([IVXLC]+(?:\.\d+)*)[.)]?\s/;
const SUB_LETTER = /^[a-zđ]$/;

/** One line per paragraph; blank lines and stray spaces gone. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f\t ]+/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

function ttOf(raw: string): string {
  return clean(raw).replace(/\s+/g, '').replace(/[.)]+$/, '');
}

interface RawItem {
  readonly where: RowRef;
  readonly tt: string;
  readonly content: string;
  readonly leadText: string;
  readonly coordinatingText: string;
  readonly deadlineText: string;
}

/** The rows after the header, as rows of the five fields; repeated headers and numbering rows dropped. */
function rawItems(rows: readonly SourceRow[], columns: Columns): RawItem[] {
  const at = (cells: readonly string[], k: ColumnKey): string => (columns[k] === undefined ? '' : cells[columns[k] ?? -1] ?? '');
  const items: RawItem[] = [];
  for (const row of rows) {
    if (headerColumns(row.cells) !== null || isColumnNumberRow(row.cells)) continue;
    const item: RawItem = {
      where: row.where,
      tt: ttOf(at(row.cells, 'tt')),
      content: clean(at(row.cells, 'content')),
      // "Sở Nội vụ" / "(Trung tâm Lưu trữ lịch sử tỉnh)" on two lines is one body.
      leadText: clean(at(row.cells, 'lead')).replace(/\n(?=\()/g, ' '),
      coordinatingText: clean(at(row.cells, 'coordinating')).replace(/\n(?=\()/g, ' '),
      // A phrase broken over lines in its cell reads as one line.
      deadlineText: clean(at(row.cells, 'deadline')).replace(/\n/g, ' '),
    };
    if (item.tt === '' && item.content === '' && item.leadText === '' && item.coordinatingText === '' && item.deadlineText === '') continue;
    items.push(item);
  }
  return items;
}

/** "a" under any heading; "16a", "16.1" under "16". */
function isSubRowOf(tt: string, headingTt: string): boolean {
  if (SUB_LETTER.test(tt)) return true;
  return tt.startsWith(headingTt) && /^(?:[a-zđ]|\.\d)/.test(tt.slice(headingTt.length));
}

const isBare = (r: RawItem): boolean => r.leadText === '' && r.coordinatingText === '' && r.deadlineText === '';

/** Reads the task rows that follow a header. */
export function readTableRows(rows: readonly SourceRow[], columns: Columns): { items: TableRowItem[]; problems: TableProblem[] } {
  const raw = rawItems(rows, columns);
  const items: TableRowItem[] = [];
  const problems: TableProblem[] = [];
  const ids = new Set<string>();
  let top = '';
  let heading: RawItem & { id: string } | null = null;
  let unnamedSections = 0;
  let untitled = 0;
  const push = (item: TableRowItem) => {
    if (ids.has(item.id)) problems.push({ code: 'duplicate-id', where: item.where, id: item.id });
    ids.add(item.id);
    items.push(item);
  };
  raw.forEach((r, i) => {
    const next = raw[i + 1];
    const numeric = /^\d+(?:\.\d+)*$/.test(r.tt);
    if (numeric && r.content !== '' && next !== undefined && isSubRowOf(next.tt, r.tt)) {
      // A group heading; its own lead, coordinating bodies and deadline, if any, go to sub-rows that leave them blank.
      top = r.tt;
      heading = { ...r, id: r.tt };
      push({ kind: 'heading', id: r.tt, where: r.where, content: r.content, leadText: '', coordinatingText: '', deadlineText: '' });
      return;
    }
    if (isBare(r) && r.content !== '' && !numeric && !SUB_LETTER.test(r.tt)) {
      // A section row: "I", "III.1", or a title alone ("III.1. Nhiệm vụ của …", "Nhiệm vụ trọng tâm …").
      const id = r.tt !== '' ? r.tt : (ROMAN_PREFIX.exec(r.content)?.[1] ?? (unnamedSections++ === 0 ? 'appendix' : `muc-${unnamedSections}`));
      heading = null;
      top = '';
      push({ kind: 'section', id, where: r.where, content: r.content, leadText: '', coordinatingText: '', deadlineText: '' });
      return;
    }
    let id: string;
    let parent: string | undefined;
    if (SUB_LETTER.test(r.tt) && top !== '') {
      id = `${top}${r.tt}`;
      parent = heading?.id;
    } else if (r.tt === '') {
      id = `${top === '' ? 'r' : top}.${++untitled}`;
      problems.push({ code: 'missing-tt', where: r.where, id });
    } else {
      id = r.tt;
      if (heading !== null && id !== heading.id && id.startsWith(heading.id) && !/^\d/.test(id.slice(heading.id.length))) parent = heading.id;
      else if (/^\d+$/.test(id)) {
        top = id;
        heading = null;
      }
    }
    const h: RawItem | null = parent !== undefined ? heading : null;
    const item: TableRowItem = {
      kind: 'task', id, where: r.where, ...(parent !== undefined ? { parent } : {}),
      content: r.content,
      leadText: r.leadText || (h?.leadText ?? ''),
      coordinatingText: r.coordinatingText || (h?.coordinatingText ?? ''),
      deadlineText: r.deadlineText || (h?.deadlineText ?? ''),
    };
    if (item.content === '') problems.push({ code: 'missing-content', where: r.where, id });
    push(item);
  });
  return { items, problems };
}
