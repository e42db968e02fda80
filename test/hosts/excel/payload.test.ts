import { describe, expect, it } from 'vitest';
import { bulkBytes, jsonBytes, OPERATION_BYTES, RequestBudget } from '../../../src/hosts/excel/payload';

describe('jsonBytes', () => {
  it('counts the JSON once more escaped, in UTF-8', () => {
    expect(jsonBytes('abc')).toBe(3 + 4);
    expect(jsonBytes('à')).toBe(2 + 4);
    expect(jsonBytes('ạ')).toBe(3 + 4);
    expect(jsonBytes('a\nb')).toBe(JSON.stringify(JSON.stringify('a\nb')).length - 2);
    expect(jsonBytes('"\\')).toBe(JSON.stringify(JSON.stringify('"\\')).length - 2);
    expect(jsonBytes([[1, null, 'x']])).toBe('[[1,null,\\"x\\"]]'.length);
    const text = 'Trạng thái "đơn vị" ghi\n😀';
    expect(jsonBytes(text)).toBe(new TextEncoder().encode(JSON.stringify(JSON.stringify(text))).length - 2);
  });

  it('control characters, lone and paired surrogates, U+2028 and DEL: as the twice-escaped text in UTF-8', () => {
    const twice = (v: unknown): number => new TextEncoder().encode(JSON.stringify(JSON.stringify(v))).length - 2;
    expect(jsonBytes('\u0001')).toBe(7 + 4); // JSON's "\u0001", escaped once more: \"\\u0001\"
    expect(jsonBytes('\t')).toBe(3 + 4);
    expect(jsonBytes('\ud800')).toBe(7 + 4); // a lone surrogate: JSON.stringify writes it as \ud800
    expect(jsonBytes('😀')).toBe(4 + 4);
    for (const v of ['\u0001\u001f\u007f', '\ud83d', '\udc00x', 'a\u2028b', ['\r\n', { formula: '="\\"' }, null, 1.5]]) expect(jsonBytes(v)).toBe(twice(v));
  });
});

describe('bulkBytes', () => {
  it('nothing up to 1,500 cells; then a size check, then five commands’ worth per slice of ~1,500 cells', () => {
    expect(bulkBytes(150, 10)).toBe(0);
    expect(bulkBytes(151, 10)).toBe(OPERATION_BYTES * (1 + 5 * 2));
    expect(bulkBytes(6000, 1)).toBe(OPERATION_BYTES * (1 + 5 * 4));
    expect(bulkBytes(10, 3000)).toBe(OPERATION_BYTES * (1 + 5 * 10));
  });
});

describe('RequestBudget', () => {
  it('syncs before a piece that would pass the budget, never for the first piece', async () => {
    let syncs = 0;
    const b = new RequestBudget(100, async () => {
      syncs++;
    });
    await b.reserve(60);
    await b.reserve(40);
    expect(syncs).toBe(0);
    await b.reserve(1);
    expect(syncs).toBe(1);
    expect(b.queued).toBe(1);
    await b.reserve(500);
    expect(syncs).toBe(2);
    expect(b.extraSyncs).toBe(2);
  });

  it('an unbounded budget never syncs', async () => {
    let syncs = 0;
    const b = new RequestBudget(Number.POSITIVE_INFINITY, async () => {
      syncs++;
    });
    for (let i = 0; i < 100; i++) await b.reserve(10_000_000);
    expect(syncs).toBe(0);
  });
});
