/**
 * Row heights for wrapped text. Spreadsheet programs do not re-measure rows of a file when it opens, so layouts
 * give rows the height their longest wrapped cell needs, estimated from the text and the column width.
 */

/** Characters of 10 pt Times New Roman that fit one character unit of column width. */
const CHARS_PER_WIDTH_UNIT = 1.3;
const LINE_HEIGHT_PER_POINT = 1.32;

export function wrappedLines(text: string, columnWidth: number, fontSize = 10): number {
  const capacity = Math.max(1, Math.floor(((columnWidth - 1) * CHARS_PER_WIDTH_UNIT * 10) / fontSize));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    // Word wrap: count words onto lines.
    let used = 0;
    let n = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const len = [...word].length;
      if (used === 0) used = len;
      else if (used + 1 + len <= capacity) used += 1 + len;
      else {
        n++;
        used = len;
      }
      while (used > capacity) {
        n++;
        used -= capacity;
      }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Height in points for a row whose cells hold `cells` (text and the width of its column). */
export function rowHeightFor(cells: readonly { text: string; width: number }[], fontSize = 10): number {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width, fontSize)));
  return Math.ceil(lines * fontSize * LINE_HEIGHT_PER_POINT + 4);
}
