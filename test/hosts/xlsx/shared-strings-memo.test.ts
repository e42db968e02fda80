/**
 * Long shared-string items (the plan's JSON text every tracker carries) and long formulas (the tracker's due-state
 * formula on every row) are remembered across files by their bytes: the same bytes give the same text without
 * decoding them again, and other bytes of the same length their own text.
 */
import { describe, expect, it } from 'vitest';
import { readWorksheet, SharedStrings } from '../../../src/hosts/xlsx/xlsx-parts';

const encoder = new TextEncoder();
const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
function table(items: readonly string[]): SharedStrings {
  const body = items.map((t) => `<si><t xml:space="preserve">${xmlEscape(t)}</t></si>`).join('');
  return new SharedStrings(encoder.encode(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${body}</sst>`));
}

describe('long shared-string items', () => {
  it('give each file its own text, the same text read once for the batch', () => {
    const plan = JSON.stringify({ title: 'Kế hoạch "công tác" văn thư', tasks: Array.from({ length: 200 }, (_, i) => ({ id: `T${i}`, content: `Nhiệm vụ số ${i} & "trích dẫn"` })) });
    const other = plan.replace('T199', 'T198');
    expect(other.length).toBe(plan.length);
    expect(table(['nhãn', plan]).get(1)).toBe(plan);
    expect(table([plan, 'nhãn']).get(0)).toBe(plan);
    expect(table([other]).get(0)).toBe(other);
    expect(table(['x', plan, other]).get(2)).toBe(other);
    expect(table(['x', plan, other]).get(1)).toBe(plan);
  });
});

describe('formulas', () => {
  const sheet = (formulas: readonly string[]): Uint8Array =>
    encoder.encode(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${formulas
        .map((f, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="str"><f>${xmlEscape(f)}</f><v>x</v></c></row>`)
        .join('')}</sheetData></worksheet>`,
    );
  const formulasOf = (b: Uint8Array): (string | null | undefined)[] => {
    const scan = readWorksheet(b, table([]), 1_000);
    if (!scan.ok) throw new Error('not read');
    return scan.sheet.formulas.map((row) => row[0]);
  };

  it('are read from each file as written, long ones remembered by their bytes, others of the same length their own', () => {
    const due = (row: number) => `IF($H${row}="Hoàn thành","Hoàn thành đúng hạn",IF($G${row}<$C$4,"Quá hạn ("&$C$4-$G${row}&" ngày)","Trong hạn"))`;
    const other = due(8).replace('Trong hạn', 'Trong hẹn');
    expect(other.length).toBe(due(8).length);
    expect(formulasOf(sheet([due(8), due(9), 'SUM(B1:B2)']))).toEqual([`=${due(8)}`, `=${due(9)}`, '=SUM(B1:B2)']);
    // The same formulas in another file, then one differing in a letter only.
    expect(formulasOf(sheet([due(8), other]))).toEqual([`=${due(8)}`, `=${other}`]);
    expect(formulasOf(sheet([other, due(8)]))).toEqual([`=${other}`, `=${due(8)}`]);
  });

  it('longer than those remembered are read as written, each time', () => {
    const long = Array.from({ length: 120 }, (_, i) => `IF(A${i + 1}="Hoàn thành",1,0)`).join('+');
    expect(encoder.encode(long).length).toBeGreaterThan(2_048);
    const changed = long.replace('A120=', 'A121=');
    expect(formulasOf(sheet([long, changed]))).toEqual([`=${long}`, `=${changed}`]);
    expect(formulasOf(sheet([changed, long]))).toEqual([`=${changed}`, `=${long}`]);
  });
});
