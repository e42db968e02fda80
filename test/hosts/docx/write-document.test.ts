/**
 * The docx renderer: what Word will show, checked in the file — every element of the decree's layout in its place
 * (read back by the project's own .docx reader), and the type sizes and styles each element takes.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BLANK, blankPlaceAndDate, documentNumber, heading, paragraph, type OfficialDocument } from '../../../src/app/documents/model';
import { readDocx } from '../../../src/hosts/docx/read-docx';
import { writeDocx } from '../../../src/hosts/docx/write-document';
import { nodeInflate } from '../../../src/hosts/xlsx/open-fast';
import { entryData, zipDirectory } from '../../../src/hosts/xlsx/zip';

const letter: OfficialDocument = {
  kind: 'letter',
  issuer: { parent: 'UBND TỈNH THÁI NGUYÊN', name: 'SỞ NỘI VỤ' },
  number: documentNumber('CV', 'SNV'),
  letterSubject: 'V/v đôn đốc gửi báo cáo',
  placeAndDate: blankPlaceAndDate('Thái Nguyên'),
  addressees: ['Sở Tư pháp', 'Xã Kha Sơn'],
  body: [heading('I. MỤC MỘT'), paragraph('Nội dung <w:t>&amp; "trích" của đơn vị.')],
  signature: { position: 'GIÁM ĐỐC', name: BLANK },
  recipients: ['- Như trên;', `- Lưu: VT, ${BLANK}.`],
  annex: { title: ['DANH SÁCH'], blocks: [{ kind: 'table', header: ['STT', 'Tên'], widths: [1, 4], rows: [['1', 'Sở Tư pháp']] }] },
};

function documentXml(bytes: Uint8Array): string {
  const entry = zipDirectory(bytes)?.find((e) => e.name === 'word/document.xml');
  const data = entry ? entryData(bytes, entry) : null;
  if (!entry || !data) throw new Error('no document.xml');
  return Buffer.from(entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** The run properties of the run holding exactly `text`. */
function runProps(xml: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const at = xml.indexOf(`>${escaped}</w:t>`);
  if (at < 0) throw new Error(`no run "${text}"`);
  const start = xml.lastIndexOf('<w:r>', at);
  return xml.slice(start, at);
}

describe('docx renderer', () => {
  it('lays out every element in the decree\'s order, agency text kept as text', async () => {
    const bytes = await writeDocx(letter);
    const read = readDocx(bytes, nodeInflate);
    if (!read.ok) throw new Error(read.problem);
    const texts = read.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text))));
    const order = [
      'UBND TỈNH THÁI NGUYÊN\nSỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', 'Số: …/SNV-…\nV/v đôn đốc gửi báo cáo',
      'Thái Nguyên, ngày … tháng … năm …', 'Kính gửi:', '- Sở Tư pháp;', '- Xã Kha Sơn.', 'I. MỤC MỘT', 'Nội dung <w:t>&amp; "trích" của đơn vị.',
      'DANH SÁCH', 'Sở Tư pháp',
    ];
    let from = 0;
    for (const o of order) {
      const i = texts.findIndex((t, k) => k >= from && t.trim() === o);
      expect(i, o).toBeGreaterThanOrEqual(from);
      from = i + 1;
    }
    expect(texts.some((t) => t.startsWith('Nơi nhận:'))).toBe(true);
  });

  it('sets a People\'s Committee on two bold lines with no parent line', async () => {
    const commune: OfficialDocument = { ...letter, issuer: { parent: null, name: 'ỦY BAN NHÂN DÂN\nXÃ KHA SƠN' } };
    const read = readDocx(await writeDocx(commune), nodeInflate);
    if (!read.ok) throw new Error(read.problem);
    const header = read.blocks.find((b) => b.kind === 'table');
    expect(header?.kind === 'table' ? header.rows[0]!.cells[0]!.text.trim() : '').toBe('ỦY BAN NHÂN DÂN\nXÃ KHA SƠN');
    const xml = documentXml(await writeDocx(commune));
    expect(runProps(xml, 'ỦY BAN NHÂN DÂN')).toContain('<w:b/>');
    expect(runProps(xml, 'XÃ KHA SƠN')).toContain('<w:b/>');
  });

  it('gives each element the decree\'s size and style', async () => {
    const xml = documentXml(await writeDocx(letter));
    const sz = (props: string) => Number(/<w:sz w:val="(\d+)"/.exec(props)?.[1]) / 2;
    const motto = runProps(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(motto).toContain('<w:b/>');
    expect(sz(motto)).toBeGreaterThanOrEqual(12);
    expect(sz(motto)).toBeLessThanOrEqual(13);
    const slogan = runProps(xml, 'Độc lập - Tự do - Hạnh phúc');
    expect(slogan).toContain('<w:b/>');
    expect(sz(slogan)).toBeGreaterThanOrEqual(13);
    const place = runProps(xml, 'Thái Nguyên, ngày … tháng … năm …');
    expect(place).toContain('<w:i/>');
    expect(sz(runProps(xml, 'Số: …/SNV-…'))).toBe(13);
    const label = runProps(xml, 'Nơi nhận:');
    expect(label).toContain('<w:b/>');
    expect(label).toContain('<w:i/>');
    expect(sz(label)).toBe(12);
    expect(sz(runProps(xml, '- Như trên;'))).toBe(11);
    const body = runProps(xml, 'Nội dung <w:t>&amp; "trích" của đơn vị.');
    expect(sz(body)).toBeGreaterThanOrEqual(13);
    expect(sz(body)).toBeLessThanOrEqual(14);
    expect(runProps(xml, 'GIÁM ĐỐC')).toContain('<w:b/>');
    // Body paragraphs: justified with a first-line indent of 1–1.27 cm (567–720 twips).
    const bodyPara = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('Nội dung &lt;')), xml.indexOf('Nội dung &lt;'));
    expect(bodyPara).toContain('<w:jc w:val="both"/>');
    const indent = Number(/w:firstLine="(\d+)"/.exec(bodyPara)?.[1]);
    expect(indent).toBeGreaterThanOrEqual(567);
    expect(indent).toBeLessThanOrEqual(720);
    // Page numbers from the second page on: a different (empty) first-page header.
    expect(xml).toContain('<w:titlePg/>');
  });
});
