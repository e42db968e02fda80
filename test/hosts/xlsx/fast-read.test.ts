import { describe, expect, it } from 'vitest';
import { findAgency } from '../../../src/domain/roster';
import { FastWorkbook, xmlText } from '../../../src/hosts/xlsx/fast-read';
import { nodeInflate } from '../../../src/hosts/xlsx/open-fast';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { openForReading } from '../../../src/hosts/xlsx/open-fast';
import { defaultRoster } from '../../../src/packs';
import { gridValue, type Grid } from '../../../src/workbook/grid';
import { agencyWorkbook } from '../../helpers/agency-workbook';
import { makeZip } from '../../helpers/zip';

/** Grids compared cell by cell, treating "" like an empty cell and ignoring trailing empties. */
function cells(grid: Grid | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  grid?.values.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== '') out.set(`${r + 1}:${c + 1}`, v);
  }));
  grid?.formulas?.forEach((row, r) => row.forEach((f, c) => {
    if (f) out.set(`f${r + 1}:${c + 1}`, f);
  }));
  return out;
}

function fastOpen(bytes: Uint8Array): FastWorkbook {
  const opened = FastWorkbook.open(bytes, nodeInflate);
  if (!opened.ok) throw new Error(`not opened: ${JSON.stringify(opened.problem)}`);
  return opened.workbook;
}

describe('the fast values reader', () => {
  it('reads the same grids as ExcelJS from a filled agency workbook (tracker, stamp, 13 forms)', async () => {
    const { workbook } = await agencyWorkbook(findAgency(defaultRoster(), 'SNV')!, new Date(Date.UTC(2026, 1, 20)), 3);
    const bytes = await workbook.toBuffer();
    const slow = await FileWorkbook.load(bytes);
    const fast = fastOpen(bytes);
    expect(fast.sheetNames()).toEqual(slow.sheetNames());
    for (const name of slow.sheetNames()) {
      expect(cells(fast.grid(name)), name).toEqual(cells(slow.grid(name)));
    }
  });

  it('reads inline strings, rich text, booleans, errors, entities, shared formulas and skips phonetic runs', async () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>=SUM(A2) &amp; &lt;b&gt;</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#DIV/0!</v></c></row>
      <row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="0">B3*2</f><v>4</v></c><c r="B3"><v>2.5</v></c></row>
      <row r="4"><c r="A4"><f t="shared" si="0"/><v>6</v></c><c r="C4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>
    </sheetData></worksheet>`;
    const bytes = makeZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="Dữ liệu &amp; số" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/sharedStrings.xml', data: '<sst><si><r><t>Phường </t></r><r><rPr><b/></rPr><t xml:space="preserve">Quyết Thắng</t></r><rPh><t>x</t></rPh></si></sst>' },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, deflate: true },
    ]);
    const fast = fastOpen(bytes);
    expect(fast.sheetNames()).toEqual(['Dữ liệu & số']);
    const g = fast.grid('Dữ liệu & số')!;
    expect(g.values[0]).toEqual(['=SUM(A2) & <b>', 'Phường Quyết Thắng', true, '#DIV/0!']);
    expect(g.formulas?.[0]).toBeUndefined();
    expect(g.values[2]).toEqual([4, 2.5]);
    expect(g.formulas?.[2]?.[0]).toBe('=B3*2');
    expect(g.formulas?.[3]?.[0]).toBe('=B3*2');
    expect([1, 2, 3].map((c) => gridValue(g, 4, c))).toEqual([6, null, 'xy']);
    expect(g.formulas?.[3]?.[2]).toBe('="x"&"y"');
    expect(xmlText('a_x000D_b &#x1EA1; &#7841;')).toBe('a\rb ạ ạ');
  });

  it('reads prefixed elements, comments, quoted ">" in attributes, empty string items, and leaves bad entities as text', () => {
    const sheet = `<?xml version="1.0"?><!-- written by <a tool> --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <x:sheetData><x:row r="2" spans="1:3"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="str" note="a>b"><x:v>&amp;foo; &#99999999; a &amp; b</x:v></x:c>
      <x:c r="C2"/><x:c><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = makeZip([
      { name: 'xl/workbook.xml', data: '<x:workbook xmlns:x="s" xmlns:rel="r"><x:sheets><x:sheet name="S" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="/xl/worksheets/s.xml"/></Relationships>' },
      { name: 'xl/sharedStrings.xml', data: '<sst><si/><si><t>Sở Nội vụ</t></si></sst>' },
      { name: 'xl/worksheets/s.xml', data: sheet, deflate: true },
    ]);
    const g = fastOpen(bytes).grid('S')!;
    expect([1, 2, 3, 4].map((c) => gridValue(g, 2, c))).toEqual(['Sở Nội vụ', '&foo; \ufffd a & b', null, 7]);
    expect(xmlText('&bogus; & &#x;')).toBe('&bogus; & &#x;');
  });

  it('leaves the names of an object\'s own members ("&constructor;", "&__proto__;") as text, with or without references beside them', () => {
    expect(xmlText('&constructor; &toString; &amp;')).toBe('&constructor; &toString; &');
    expect(xmlText('&constructor; &#65; &__proto__; _x0042_')).toBe('&constructor; A &__proto__; B');
  });

  it('reads numbers and shared-string indexes the way Number() reads their text: spaces, signs, zeros, exponents, entities, big and odd values', () => {
    const v = (c: string, body: string, t = ''): string => `<c r="${c}1"${t}><v>${body}</v></c>`;
    const row = [
      v('A', ' 12 '), v('B', '-0'), v('C', '007'), v('D', '1e3'), v('E', '-2.5'), v('F', '1234567890123456789'), v('G', '&#49;2'),
      v('H', '-'), v('I', '12x'), v('J', ''), '<c r="K1"><v/></c>', v('L', ' 1 ', ' t="s"'), v('M', '01', ' t="&#115;"'), v('N', '1e0', ' t="s"'),
      v('O', '9', ' t="s"'), v('P', '-1', ' t="s"'), v('Q', '0x10'),
      '<c r="R1"><v>5</v><extLst/></c>', '<c r="S1"><v><![CDATA[7]]></v></c>', '<c r="T1" t="str"><v>a</v ></c>',
    ].join('');
    const bytes = makeZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>' },
      { name: 'xl/sharedStrings.xml', data: '<sst><si><t>a</t></si><si><t>b</t></si></sst>' },
      { name: 'xl/worksheets/s.xml', data: `<worksheet><sheetData><row r="1">${row}</row></sheetData></worksheet>` },
    ]);
    const g = fastOpen(bytes).grid('S')!;
    const read = Array.from({ length: 20 }, (_, c) => gridValue(g, 1, c + 1));
    expect(read).toEqual([12, -0, 7, 1000, -2.5, 1234567890123456789, 12, '-', '12x', null, null, 'b', 'b', 'b', null, null, 16, 5, null, 'a']);
    expect(Object.is(read[1], -0)).toBe(true);
  });

  it('reads each file\'s own shared strings, however alike the files (texts remembered across files only for equal bytes)', () => {
    const file = (items: string[]): Uint8Array => makeZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>' },
      { name: 'xl/sharedStrings.xml', data: `<sst>${items.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>` },
      { name: 'xl/worksheets/s.xml', data: `<worksheet><sheetData><row r="1">${items.map((_, i) => `<c r="${'ABCDEFGH'[i]}1" t="s"><v>${i}</v></c>`).join('')}</row></sheetData></worksheet>` },
    ]);
    const row = (items: string[]): readonly unknown[] => fastOpen(file(items)).grid('S')!.values[0]!;
    expect(row(['Mã số', 'ab', 'Tổng số'])).toEqual(['Mã số', 'ab', 'Tổng số']);
    expect(row(['Mã số', 'ba', 'Tổng sổ', 'x'.repeat(600)])).toEqual(['Mã số', 'ba', 'Tổng sổ', 'x'.repeat(600)]);
    expect(row(['ab', 'Mã số', 'Tổng số'])).toEqual(['ab', 'Mã số', 'Tổng số']);
  });

  it('reads any mangled XML with sound checksums without throwing: cut, spliced or stray "<", quotes and references', () => {
    const sheet = new TextEncoder().encode('<worksheet><sheetData>' + [...Array(40).keys()].map((r) =>
      `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r % 7}</v></c><c r="B${r + 1}"><f>A${r + 1}*2</f><v>${r}</v></c><c r="C${r + 1}" t="inlineStr"><is><t>ô ${r}</t></is></c></row>`).join('') + '</sheetData></worksheet>');
    let seed = 99;
    const rnd = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) % n);
    const junk = ['<', '>', '"', "'", '</c>', '<c r="XFD1048577">', '<row r="0">', '&#xFFFFFFFF;', '<!--', '<![CDATA[', '<c r="A1"', '<v>', '<si>'];
    for (let k = 0; k < 300; k++) {
      const at = rnd(sheet.length);
      const mangled = k % 3 === 0
        ? sheet.slice(0, at)
        : new Uint8Array([...sheet.slice(0, at), ...new TextEncoder().encode(junk[rnd(junk.length)]!), ...sheet.slice(at + rnd(20))]);
      const bytes = makeZip([
        { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
        { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' },
        { name: 'xl/sharedStrings.xml', data: mangled.slice(0, 200), deflate: true },
        { name: 'xl/worksheets/sheet1.xml', data: mangled, deflate: true },
      ]);
      const opened = FastWorkbook.open(bytes, nodeInflate);
      if (opened.ok) expect(() => opened.workbook.grid('S')).not.toThrow();
      else expect(opened.problem.kind).toBe('damaged');
    }
  });

  it('turns unreadable files into reasons, never exceptions', async () => {
    const opened = await openForReading(makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]));
    expect(opened.ok).toBe(true); // an empty but well-formed workbook
    const broken = await openForReading(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.ok).toBe(false);
  });
});
