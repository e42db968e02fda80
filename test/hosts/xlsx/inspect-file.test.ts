import { describe, expect, it } from 'vitest';
import { describeVerdict, inspectFile } from '../../../src/hosts/xlsx/inspect-file';
import { FileWorkbook } from '../../../src/hosts/xlsx/file-workbook';
import { makeZip } from '../../helpers/zip';

const ole = (extra: string) => {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const utf16 = Buffer.from(extra, 'utf16le');
  b.set(utf16, 1024);
  return b;
};

async function realXlsx(): Promise<Uint8Array> {
  const wb = FileWorkbook.create();
  wb.workbook.addWorksheet('A').getCell('A1').value = 1;
  return wb.toBuffer();
}

describe('inspectFile', () => {
  it('accepts a real .xlsx and counts its parts', async () => {
    const v = inspectFile(await realXlsx());
    expect(v.kind).toBe('xlsx');
  });

  it('names every kind of wrong file', async () => {
    const xlsx = await realXlsx();
    expect(inspectFile(new Uint8Array()).kind).toBe('empty');
    expect(inspectFile(ole('Workbook')).kind).toBe('xls');
    expect(inspectFile(ole('EncryptionInfo')).kind).toBe('encrypted');
    expect(inspectFile(xlsx.subarray(0, Math.floor(xlsx.length / 2))).kind).toBe('truncated');
    expect(inspectFile(makeZip([{ name: 'word/document.xml', data: '<w/>' }, { name: '[Content_Types].xml', data: '<x/>' }])).kind).toBe('docx');
    expect(inspectFile(makeZip([{ name: 'hello.txt', data: 'hi' }])).kind).toBe('zip-other');
    expect(inspectFile(new TextEncoder().encode('%PDF-1.7\n...'))).toEqual({ kind: 'not-spreadsheet', hint: 'pdf' });
    expect(inspectFile(new TextEncoder().encode('ma,ten\nSNV,Sở Nội vụ\n'))).toEqual({ kind: 'not-spreadsheet', hint: 'csv' });
  });

  it('refuses a small zip whose directory promises gigabytes, without inflating it', () => {
    const bomb = makeZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(1000), claimUncompressed: 4_000_000_000 },
    ]);
    expect(bomb.length).toBeLessThan(2000);
    const v = inspectFile(bomb);
    expect(v.kind).toBe('zip-bomb');
  });

  it('refuses a highly compressible entry that inflates far beyond its size', () => {
    const zeros = new Uint8Array(20_000_000);
    const v = inspectFile(makeZip([{ name: 'xl/workbook.xml', data: '<w/>' }, { name: 'xl/worksheets/sheet1.xml', data: zeros, deflate: true }]));
    expect(v.kind).toBe('zip-bomb');
  });

  it('refuses files over the size limit before looking inside', () => {
    const v = inspectFile(new Uint8Array(1000), { maxFileBytes: 999, maxUncompressedBytes: 1, maxRatio: 1, maxEntries: 1 });
    expect(v).toEqual({ kind: 'too-large', bytes: 1000, limit: 999 });
  });

  it('tells the user what to do in Vietnamese for each refusal', () => {
    expect(describeVerdict({ kind: 'xls' })).toContain('.xlsx');
    expect(describeVerdict({ kind: 'encrypted' })).toContain('mật khẩu');
    expect(describeVerdict({ kind: 'docx' })).toContain('Word');
    expect(describeVerdict({ kind: 'truncated' })).toContain('gửi lại');
    expect(describeVerdict({ kind: 'empty' })).toContain('0 byte');
  });
});
