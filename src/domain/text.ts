/** Text rules (domain.md §8): NFC, and names compared without regard to case or extra spaces. */
export function normaliseName(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}
