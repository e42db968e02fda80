import { describe, expect, it } from 'vitest';
import { jsonBytes, RequestBudget } from '../../../src/hosts/excel/payload';

describe('jsonBytes', () => {
  it('counts JSON length with non-ASCII characters as \\u escapes', () => {
    expect(jsonBytes('abc')).toBe(5);
    expect(jsonBytes('ạ')).toBe(3 + 5);
    expect(jsonBytes([[1, null, 'x']])).toBe('[[1,null,"x"]]'.length);
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
