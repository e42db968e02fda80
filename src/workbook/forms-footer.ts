/**
 * The footer of a report form — the place-and-date line, the signers' titles, notes and names — laid out, and read
 * back.
 *
 * Laid out: the place-and-date line and the names are input cells (unlocked), the clerk's own text.
 *
 * Read back: what the clerk typed on a form sheet outside the figures: the place-and-date line and the signers'
 * names (carried over when the forms are inserted again), and any other cell typed outside the product's text
 * (asked about before it is cleared).
 *
 * Found by anchors, like the table: the signers' titles ("Người lập biểu", "Thủ trưởng đơn vị") below the table; the
 * place-and-date line is the row above them; the names are the first text under each title's column within a few rows
 * below the notes — where the product puts them, or where a clerk typed them on a sheet of an older layout.
 */
import type { FormPack } from '../domain/form-pack';
import { normaliseName } from '../domain/text';
import { cellRef } from './a1';
import type { FormSheetRead } from './forms-read';
import { type Grid, gridText, isEmptyValue } from './grid';
import type { CellValue, StyleRange } from './sheet-spec';

/** What the clerk types under the table: the place-and-date line and the two signers' names. */
export interface FormFooterText {
  readonly place?: string;
  readonly preparer?: string;
  readonly head?: string;
}

/** Where the footer's input cells are (A1; the place and the head's name are merged to the last column). */
export interface FormFooterCells {
  readonly place: string;
  readonly preparer: string;
  readonly head: string;
}

/** Rows left blank between the signers' titles and their names, for the signatures. */
export const SIGNATURE_ROWS = 3;

/**
 * The place-and-date line, the signers' titles and notes, and their names. The line and the names are input cells
 * (unlocked): the clerk's own text, kept when the forms are inserted again.
 */
export function footerLayout(
  pack: FormPack,
  text: FormFooterText,
  placeRow: number,
  last: string,
  out: { put: (row: number, col: number, v: CellValue) => void; merges: string[]; styleRanges: StyleRange[]; unlocked: string[] },
): FormFooterCells {
  const signRow = placeRow + 1;
  const noteRow = signRow + 1;
  const nameRow = noteRow + SIGNATURE_ROWS + 1;
  const right = (r: number) => `B${r}:${last}${r}`;
  const { footer } = pack;
  out.put(placeRow, 2, text.place ?? footer.placeAndDate);
  out.put(signRow, 1, footer.preparer.title);
  out.put(signRow, 2, footer.head.title);
  out.put(noteRow, 1, footer.preparer.note);
  out.put(noteRow, 2, footer.head.note);
  if (text.preparer !== undefined) out.put(nameRow, 1, text.preparer);
  if (text.head !== undefined) out.put(nameRow, 2, text.head);
  out.merges.push(right(placeRow), right(signRow), right(noteRow), right(nameRow));
  out.styleRanges.push(
    { range: right(placeRow), style: 'placeDate' },
    { range: `A${signRow}:${last}${signRow}`, style: 'signTitle' },
    { range: `A${noteRow}:${last}${noteRow}`, style: 'signNote' },
    { range: `A${nameRow}:${last}${nameRow}`, style: 'signName' },
  );
  out.unlocked.push(right(placeRow), `A${nameRow}`, right(nameRow));
  return { place: `B${placeRow}`, preparer: `A${nameRow}`, head: `B${nameRow}` };
}


/** Rows under the signers' notes searched for their names: down to the row where the layout puts them. */
const NAME_SCAN_ROWS = SIGNATURE_ROWS + 1;

export interface FormFooterRead {
  /** The clerk's text to carry over (a field is absent when the clerk typed nothing there). */
  readonly footer: FormFooterText;
  /** Cells typed outside the product's text, table and footer inputs (A1, in sheet order). */
  readonly foreignCells: readonly string[];
}

const norm = (s: string): string => normaliseName(s);

/** Reads the footer of a form sheet `read` from `grid`, against the texts of `pack`. */
export function readFormFooter(grid: Grid, read: FormSheetRead, pack: FormPack): FormFooterRead {
  const lastRow = Math.max(read.numberingRow, ...read.rows.values());
  const lastCol = Math.max(read.codeColumn, ...read.columns.values());
  const owned = new Set<string>();
  const own = (r: number, c: number) => owned.add(cellRef(r, c));
  const text = (r: number, c: number) => gridText(grid, r, c).trim();
  const nonEmpty = (r: number, c: number) => !isEmptyValue(grid.values[r - 1]?.[c - 1] ?? null);

  // The legend, in column A right under the table.
  own(lastRow + 1, 1);

  const { footer } = pack;
  const titles = new Set([norm(footer.preparer.title), norm(footer.head.title)]);
  const notes = new Set([norm(footer.preparer.note), norm(footer.head.note)]);
  let signRow = 0;
  for (let r = lastRow + 1; r <= grid.values.length && signRow === 0; r++) {
    for (let c = 1; c <= lastCol; c++) if (titles.has(norm(text(r, c)))) signRow = r;
  }
  const out: { place?: string; preparer?: string; head?: string } = {};
  if (signRow > 0) {
    for (let c = 1; c <= lastCol; c++) {
      if (titles.has(norm(text(signRow, c)))) own(signRow, c);
      if (notes.has(norm(text(signRow + 1, c)))) own(signRow + 1, c);
    }
    // The place-and-date line: the first text in the row above the titles; the pack's blank line is not the clerk's.
    for (let c = 1; c <= lastCol; c++) {
      if (!nonEmpty(signRow - 1, c)) continue;
      own(signRow - 1, c);
      if (norm(text(signRow - 1, c)) !== norm(footer.placeAndDate)) out.place = text(signRow - 1, c);
      break;
    }
    // The names: under the preparer's column (A) and under the head's (B onwards).
    for (let r = signRow + 2; r <= Math.min(grid.values.length, signRow + 1 + NAME_SCAN_ROWS); r++) {
      if (out.preparer === undefined && nonEmpty(r, 1) && text(r, 1) !== '') {
        out.preparer = text(r, 1);
        own(r, 1);
      }
      for (let c = 2; c <= lastCol && out.head === undefined; c++) {
        if (nonEmpty(r, c) && text(r, c) !== '') {
          out.head = text(r, c);
          own(r, c);
        }
      }
    }
  }

  const foreignCells: string[] = [];
  grid.values.forEach((row, i) => {
    const r = i + 1;
    row.forEach((v, j) => {
      const c = j + 1;
      if (isEmptyValue(v) || (r <= lastRow && c <= lastCol) || owned.has(cellRef(r, c))) return;
      foreignCells.push(cellRef(r, c));
    });
  });
  return { footer: out, foreignCells };
}
