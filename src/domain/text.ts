/** Text rules (domain.md §8): NFC, and names compared without regard to case or extra spaces. */
export function normaliseName(s: string): string {
  // Vietnamese has no locale-specific case mappings, so the plain Unicode lower case is the same and much faster;
  // NFC normalisation is skipped for pure ASCII text, which it cannot change.
  const nfc = /[^\u0000-\u007f]/.test(s) ? s.normalize('NFC') : s;
  return nfc.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** The text in plain ASCII letters where Vietnamese has marks: "Đồng Tháp" → "Dong Thap" (case kept). */
export function withoutDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
}

/** The text with its first letter in lower case, to run on inside a sentence: "Trước ngày…" → "trước ngày…". */
export function lowerFirst(s: string): string {
  return s === '' ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}
