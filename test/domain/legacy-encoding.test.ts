import { describe, expect, it } from 'vitest';
import { convertTcvn3, convertVni, detectLegacyEncoding, toUnicode } from '../../src/domain/legacy-encoding';

describe('legacy Vietnamese encodings', () => {
  it('converts TCVN3 (ABC) text as stored in a workbook', () => {
    expect(convertTcvn3('B¶o Th¾ng')).toBe('Bảo Thắng');
    expect(convertTcvn3('M\u00ad\u00eang Kh\u00ad\u00acng')).toBe('Mường Khương');
    expect(convertTcvn3('\u00a7\u00acn v\u00de: Ph\u00ad\u00eang Quy\u00d5t Th\u00beng')).toBe('Đơn vị: Phường Quyết Thắng');
    expect(convertTcvn3('Së Néi vô')).toBe('Sở Nội vụ');
  });

  it('converts VNI-Windows text', () => {
    expect(convertVni('Xin chaøo caùc baïn')).toBe('Xin chào các bạn');
    expect(convertVni('Sôû Noäi vuï')).toBe('Sở Nội vụ');
    expect(convertVni('Phöôøng Quyeát Thaéng')).toBe('Phường Quyết Thắng');
    expect(convertVni('ÑOÀNG')).toBe('ĐỒNG');
  });

  it('detects the encoding and leaves Unicode and ASCII text alone', () => {
    expect(detectLegacyEncoding('Së Néi vô')).toBe('tcvn3');
    expect(detectLegacyEncoding('Sôû Noäi vuï')).toBe('vni');
    expect(detectLegacyEncoding('Sở Nội vụ')).toBeNull();
    expect(detectLegacyEncoding('Phường Quyết Thắng')).toBeNull();
    expect(detectLegacyEncoding('Hoàng Văn Thụ')).toBeNull();
    expect(detectLegacyEncoding('STC 2025')).toBeNull();
    expect(toUnicode('Së Tµi chÝnh')).toEqual({ text: 'Sở Tài chính', from: 'tcvn3' });
  });
});

describe('legacy text where the product meets it', () => {
  it('finds an agency whose name was typed in TCVN3 or VNI', async () => {
    const { findAgencyByName } = await import('../../src/domain/roster');
    const { defaultRoster } = await import('../../src/packs');
    expect(findAgencyByName(defaultRoster(), 'Së Tµi chÝnh')?.code).toBe('STC');
    expect(findAgencyByName(defaultRoster(), 'Phöôøng Quyeát Thaéng')?.code).toBe('05455');
    expect(findAgencyByName(defaultRoster(), 'Sở Tài chính')?.code).toBe('STC');
  });

  it('tells the user a status typed in TCVN3 needs converting, naming the Unicode text', async () => {
    const { checkTrackerRow } = await import('../../src/domain/validation/tracker-rules');
    const { mustDay } = await import('../../src/domain/calendar');
    const [found] = checkTrackerRow('T', {
      taskId: '1',
      status: { cell: 'H8', value: '§ang thùc hiÖn' },
      completion: { cell: 'I8', value: null },
      percent: { cell: 'J8', value: null },
      note: { cell: 'L8', value: null },
    }, mustDay(2026, 6, 1));
    expect(found).toMatchObject({ rule: 'legacy-encoding', cell: 'H8', params: { sample: 'Đang thực hiện' } });
  });
});
