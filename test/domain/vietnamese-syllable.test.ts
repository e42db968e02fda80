import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invalidSyllables, isVietnameseSyllable, wordsOf } from '../../src/domain/vietnamese-syllable';

function packText(name: string): string {
  return readFileSync(path.join(__dirname, '../../src/packs', name), 'utf8');
}

describe('Vietnamese syllables', () => {
  it('accepts every word of the bundled plan, forms and roster (real Vietnamese is never refused)', () => {
    const words = new Set(['plan-tn-vtlt-2026.json', 'forms-reference-2025.json', 'roster-thai-nguyen-default.json'].flatMap((f) => wordsOf(packText(f))));
    const refused = [...words].filter((w) => invalidSyllables(w) > 0);
    expect(refused).toEqual([]);
    expect(words.size).toBeGreaterThan(500);
  });

  it('refuses what a wrong legacy reading produces', () => {
    for (const w of ['Hoaứn', 'thaứnh', 'Phoứng', 'Noọi', 'vuù', 'thùc', 'hiÖn', 'Sáở', 'Xaõ', 'tổnh', 'Thònh', 'tíêng']) expect(isVietnameseSyllable(w), w).toBe(false);
    for (const w of ['Hoàn', 'thành', 'Phòng', 'Nội', 'vụ', 'thực', 'hiện', 'gì', 'quốc', 'nghiêng', 'khuyết', 'thuở', 'xoong', 'ý', 'Đắk']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
    expect(isVietnameseSyllable('hoàc')).toBe(false); // a final c, p, t takes only sắc or nặng
    expect(invalidSyllables('Hoaứn thaứnh STC 2025')).toBe(2);
  });
});
