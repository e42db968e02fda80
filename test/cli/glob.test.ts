import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlob, hasWildcard, segmentMatcher } from '../../src/cli/glob';

describe('quoted globs', () => {
  it('matches * and ? within one path segment, literally otherwise', () => {
    const m = segmentMatcher('SNV_v?.xlsx', false);
    expect(m.test('SNV_v2.xlsx')).toBe(true);
    expect(m.test('SNV_v10.xlsx')).toBe(false);
    expect(segmentMatcher('*.xlsx', false).test('bao-cao (1).xlsx')).toBe(true);
    expect(segmentMatcher('*.xlsx', false).test('bao-cao.xlsx.bak')).toBe(false);
    expect(segmentMatcher('a+b[1].xlsx', false).test('a+b[1].xlsx')).toBe(true);
    expect(segmentMatcher('*.XLSX', true).test('snv.xlsx')).toBe(true);
    expect(hasWildcard('nop-ve/*.xlsx')).toBe(true);
    expect(hasWildcard('nop-ve/snv.xlsx')).toBe(false);
  });

  it('expands wildcards in any segment, sorted, skipping hidden names', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'vtlt-glob-'));
    for (const d of ['xa-a', 'xa-b', 'phuong']) mkdirSync(path.join(root, d));
    for (const p of ['xa-b/bc.xlsx', 'xa-a/bc.xlsx', 'xa-a/.bc.xlsx', 'xa-a/ghi-chu.txt', 'phuong/bc.xlsx']) writeFileSync(path.join(root, p), 'x');
    expect(await expandGlob(path.join(root, 'xa-*', '*.xlsx'))).toEqual([path.join(root, 'xa-a/bc.xlsx'), path.join(root, 'xa-b/bc.xlsx')]);
    expect(await expandGlob(path.join(root, '*', 'bc.xlsx'))).toHaveLength(3);
    expect(await expandGlob(path.join(root, 'xa-?', 'khong-co.xlsx'))).toEqual([]);
    expect(await expandGlob(path.join(root, 'khong-co', '*.xlsx'))).toEqual([]);
  });
});
