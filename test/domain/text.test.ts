import { describe, it, expect } from 'vitest';
import { lowerFirst, normaliseName, sameName, withoutDiacritics } from '../../src/domain/text';

describe('name comparison (domain.md §8)', () => {
  it('normalises to NFC, lower case, single spaces, trimmed', () => {
    const nfd = 'Sở  Nội   Vụ '.normalize('NFD');
    expect(nfd.length).toBeGreaterThan('Sở  Nội   Vụ '.length);
    expect(normaliseName(nfd)).toBe('sở nội vụ');
    expect(normaliseName(nfd)).toBe(normaliseName(nfd).normalize('NFC'));
    expect(normaliseName('\tPHƯỜNG\u00a0ĐỨC XUÂN\n')).toBe('phường đức xuân');
  });

  it('sameName ignores case, composition and spacing but not letters or diacritics', () => {
    expect(sameName('Sở Nội vụ', '  sở nội VỤ ')).toBe(true);
    expect(sameName('Xã Đồng Hỷ', 'xã đồng hỷ'.normalize('NFD'))).toBe(true);
    expect(sameName('Sở Nội vụ', 'So Noi vu')).toBe(false);
    expect(sameName('Xã Đồng Hỷ', 'Xã Đồng Hy')).toBe(false);
    expect(sameName('Sở Nội vụ', 'Sở Nội vụ 2')).toBe(false);
  });
});

describe('withoutDiacritics', () => {
  it('drops the marks and writes đ/Đ as d/D, keeping case (file names, plan ids)', () => {
    expect(withoutDiacritics('Đồng Tháp đổi')).toBe('Dong Thap doi');
    expect(withoutDiacritics('Thái Nguyên'.normalize('NFD'))).toBe('Thai Nguyen');
  });
});

describe('lowerFirst', () => {
  it('lowers the first letter only, Vietnamese letters too (a deadline or title run on inside a sentence)', () => {
    expect(lowerFirst('Trước ngày 28/02/2026')).toBe('trước ngày 28/02/2026');
    expect(lowerFirst('Đúng hạn Sở Nội vụ')).toBe('đúng hạn Sở Nội vụ');
    expect(lowerFirst('')).toBe('');
  });
});
