/**
 * A plan document's parts for the import: the rows of its task table (the first table whose header row carries the
 * plan's labels, continued by any later table with the same header, as when a table is split at a page break) and
 * the lines of everything else, in document order, for the title, year and issuer. A document whose table was typed
 * as tab-separated lines is read from those lines.
 */
import { headerColumns, type SourceRow } from '../../domain/plan-import-table';
import { type DocxBlock, tableGrid } from './read-docx';

export interface PlanDocument {
  readonly rows: readonly SourceRow[];
  readonly paragraphs: readonly string[];
  /** How many tables the document has, and which of them (1-based) hold the task table. */
  readonly tables: number;
  readonly taskTables: readonly number[];
}

const sameColumns = (a: object | null, b: object | null): boolean => a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);

export function planDocument(blocks: readonly DocxBlock[]): PlanDocument {
  const rows: SourceRow[] = [];
  const paragraphs: string[] = [];
  const taskTables: number[] = [];
  let columns: ReturnType<typeof headerColumns> = null;
  let table = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      paragraphs.push(block.text);
      continue;
    }
    table++;
    const grid = tableGrid(block.rows);
    const header = grid.map((cells) => headerColumns(cells)).find((c) => c !== null) ?? null;
    if (header !== null && (columns === null || sameColumns(columns, header))) {
      columns = header;
      taskTables.push(table);
      grid.forEach((cells, i) => rows.push({ where: { table, row: i + 1 }, cells }));
    } else {
      for (const cells of grid) for (const cell of cells) paragraphs.push(...cell.split('\n'));
    }
  }
  if (rows.length === 0) rows.push(...tabbedRows(paragraphs));
  return { rows, paragraphs, tables: table, taskTables };
}

/** A table typed as tab-separated lines (no Word table): its lines, when one of them is the header. */
function tabbedRows(paragraphs: readonly string[]): SourceRow[] {
  const rows = paragraphs
    .map((text, i) => ({ where: { row: 0, paragraph: i + 1 }, cells: text.split('\t') }))
    .filter((r) => r.cells.length > 1);
  return rows.some((r) => headerColumns(r.cells) !== null) ? rows : [];
}
