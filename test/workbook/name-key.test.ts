import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../src/domain/text';
import { nameKey } from '../../src/workbook/name-key';

describe('nameKey (normaliseName remembered)', () => {
  it('gives what normaliseName gives, for composed and decomposed Vietnamese, spacing and case', () => {
    const texts = ['Mã số', 'Ma\u0303 số', '  MÃ   SỐ ', 'Biểu số: 0801.N/BNV-VTLT', 'Kelvin \u212a', '', 'x'.repeat(300) + ' Ẫ'];
    for (const s of texts) {
      expect(nameKey(s)).toBe(normaliseName(s));
      expect(nameKey(s)).toBe(normaliseName(s)); // the remembered answer
    }
  });

  it('stays right past its bound (forgets, then normalises again)', () => {
    for (let i = 0; i < 10_000; i++) expect(nameKey(`Đơn Vị  ${i}`)).toBe(`đơn vị ${i}`);
    expect(nameKey('Đơn Vị  0')).toBe('đơn vị 0');
  });
});
