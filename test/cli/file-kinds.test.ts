/** File-kind messages are accurate: random bytes are not "CSV", a workbook of 10,000 sheets is not "∞ MB". */
import { describe, expect, it } from 'vitest';
import { describeVerdict, inspectFile } from '../../src/hosts/xlsx/inspect-file';
import { seeded } from '../helpers/agency-workbook';
import { makeZip } from '../helpers/zip';

function randomBytes(seed: number, length: number): Uint8Array {
  const next = seeded(seed);
  const b = new Uint8Array(length);
  for (let i = 0; i < length; i++) b[i] = Math.floor(next() * 256);
  return b;
}

describe('file kinds', () => {
  it('random bytes are "not an Excel file", never a CSV', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const bytes = randomBytes(seed, 4096);
      bytes[0] = 0x41; // not a zip or OLE signature
      const v = inspectFile(bytes);
      expect(v).toEqual({ kind: 'not-spreadsheet', hint: 'unknown' });
    }
    expect(inspectFile(new TextEncoder().encode('ma;ten\r\nSNV;Sở Nội vụ\r\n'))).toEqual({ kind: 'not-spreadsheet', hint: 'csv' });
  });

  it('a workbook of 10,000 sheets is refused for its number of parts, with the numbers', () => {
    const entries = [{ name: 'xl/workbook.xml', data: '<workbook/>' }];
    for (let i = 1; i <= 10_000; i++) entries.push({ name: `xl/worksheets/sheet${i}.xml`, data: '<worksheet/>' });
    const v = inspectFile(makeZip(entries));
    expect(v).toEqual({ kind: 'too-many-parts', entries: 10_001, limit: 5_000 });
    if (v.kind === 'xlsx') throw new Error('unexpected');
    for (const lang of ['vi', 'en'] as const) {
      const text = describeVerdict(v, lang);
      expect(text).toContain('10001');
      expect(text).not.toContain('∞');
      expect(text).not.toContain('MB');
    }
  });
});
