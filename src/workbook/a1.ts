/** A1 references: columns are 1-based numbers here (A = 1), rows 1-based. */

export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`bad column ${col}`);
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new RangeError(`bad column ${letters}`);
    n = n * 26 + c;
  }
  return n;
}

/** "C7" for row 7, column 3. */
export function cellRef(row: number, col: number, absolute: { row?: boolean; col?: boolean } = {}): string {
  return `${absolute.col ? '$' : ''}${columnLetter(col)}${absolute.row ? '$' : ''}${row}`;
}

export function rangeRef(r1: number, c1: number, r2: number, c2: number): string {
  const a = cellRef(r1, c1);
  const b = cellRef(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

export interface CellAddress {
  readonly row: number;
  readonly col: number;
}

export interface RangeAddress {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function parseCell(ref: string): CellAddress {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) throw new RangeError(`bad cell reference ${ref}`);
  return { row: Number(m[2]), col: columnNumber(m[1] ?? '') };
}

export function parseRange(ref: string): RangeAddress {
  const [a, b] = ref.split(':');
  const p = parseCell(a ?? '');
  const q = b === undefined ? p : parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function formatRange(r: RangeAddress): string {
  return rangeRef(r.top, r.left, r.bottom, r.right);
}

/** Sheet names in formulas: quoted when they contain anything but letters, digits and underscores. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
