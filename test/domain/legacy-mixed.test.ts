/** Text that mixes Unicode Vietnamese with legacy-looking characters is not legacy: converting it whole would spoil it. */
import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding, toTcvn3, toUnicode, toVni } from '../../src/domain/legacy-encoding';

describe('mixed text', () => {
  it('a Unicode-only letter (precomposed or combining) means the text is not legacy', () => {
    expect(toUnicode('Đơn vị: Së Néi vô (mã SNV)')).toEqual({ text: 'Đơn vị: Së Néi vô (mã SNV)', from: null });
    expect(detectLegacyEncoding('Người gửi: Sè liÖu')).toBeNull();
    expect(detectLegacyEncoding('Ghi chu\u0301: Sè liÖu')).toBeNull();
    // Without such a letter the two cannot be told apart ("ú" is also TCVN3's "ỳ"): the user is asked, and can undo.
    expect(detectLegacyEncoding('Ghi chú: Sè liÖu')).toBe('tcvn3');
    expect(detectLegacyEncoding(`${toVni('Chờ ý kiến')} – ư`)).toBeNull();
  });

  it('whole legacy text, typographic quotes and dashes included, is still legacy', () => {
    expect(toUnicode(toTcvn3('Ghi chú: Số liệu'))).toEqual({ text: 'Ghi chú: Số liệu', from: 'tcvn3' });
    expect(toUnicode(`“${toVni('Chờ ý kiến')}” – ${toVni('Sở Nội vụ')}`)).toEqual({ text: '“Chờ ý kiến” – Sở Nội vụ', from: 'vni' });
  });
});
