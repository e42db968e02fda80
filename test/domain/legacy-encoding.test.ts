import { describe, expect, it } from 'vitest';
import { convertTcvn3, convertVni, detectLegacyEncoding, toTcvn3, toUnicode, toVni } from '../../src/domain/legacy-encoding';

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

describe('VNI and TCVN3 told apart by which reading is Vietnamese', () => {
  it('reads VNI text without VNI-only letters as VNI, not TCVN3', () => {
    expect(toUnicode('Hoaøn thaønh')).toEqual({ text: 'Hoàn thành', from: 'vni' });
    expect(toUnicode('Phoøng Noäi vuï')).toEqual({ text: 'Phòng Nội vụ', from: 'vni' });
    expect(toUnicode('caùc')).toEqual({ text: 'các', from: 'vni' });
  });

  it('reads every status, written in either encoding, back as the status', async () => {
    const { TASK_STATUSES } = await import('../../src/domain/due-state');
    for (const status of TASK_STATUSES) {
      expect(toUnicode(toVni(status)), toVni(status)).toEqual({ text: status, from: 'vni' });
      expect(toUnicode(toTcvn3(status)), toTcvn3(status)).toEqual({ text: status, from: 'tcvn3' });
    }
  });

  it('reads every roster name, written in either encoding, back as the name, and finds the agency', async () => {
    const { findAgencyByName } = await import('../../src/domain/roster');
    const { normaliseName } = await import('../../src/domain/text');
    const { defaultRoster } = await import('../../src/packs');
    const roster = defaultRoster();
    const wrong: string[] = [];
    for (const entry of roster.entries) {
      for (const [enc, legacy] of [['vni', toVni(entry.name)], ['tcvn3', toTcvn3(entry.name)]] as const) {
        if (legacy === entry.name) continue; // nothing to encode (plain ASCII)
        const read = toUnicode(legacy);
        // TCVN3 has no code for a capital with a tone mark: such a capital comes back in lower case.
        if (read.from !== enc || normaliseName(read.text) !== normaliseName(entry.name)) wrong.push(`${enc}: ${legacy} → ${read.text}`);
        if (findAgencyByName(roster, legacy)?.code !== entry.code) wrong.push(`${enc}: ${legacy} not found`);
      }
    }
    expect(wrong).toEqual([]);
    expect(roster.entries.length).toBeGreaterThan(100);
  });

  it('uses known words to decide when both readings are Vietnamese', () => {
    expect(detectLegacyEncoding('Sôû Noäi vuï', ['Sở Nội vụ'])).toBe('vni');
    expect(detectLegacyEncoding('Hoàn thành')).toBeNull();
  });
});

describe('Unicode text is left alone', () => {
  it('finds no legacy encoding in any text of the bundled packs', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const texts: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    for (const name of ['plan-tn-vtlt-2026.json', 'forms-reference-2025.json', 'roster-thai-nguyen-default.json']) {
      collect(JSON.parse(readFileSync(path.join(__dirname, '../../src/packs', name), 'utf8')));
    }
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((t) => detectLegacyEncoding(t) !== null)).toEqual([]);
  });
});
