/**
 * Excel keeps at most 32,767 characters in a cell; a longer text would make the file unreadable to Excel (or be cut
 * without a word). Text the product writes — often what an agency typed — is cut here, with a visible "…" at the end.
 */
export const MAX_CELL_TEXT = 32_767;
const ELLIPSIS = '…';

/** `text` as it can go into a cell: unchanged when it fits, otherwise cut to the limit ending in "…". */
export function cellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - ELLIPSIS.length;
  // Never split a character written as two UTF-16 units (a surrogate pair).
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}
