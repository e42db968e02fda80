/**
 * The official documents end to end: `vtlt report agency|province|reminder` writes .docx files from real workbooks;
 * LibreOffice Writer converts each to PDF; pdfinfo and pdftotext check A4 portrait, the header lines, the title, the
 * figures equal to the consolidation's JSON and the agencies named. The .docx itself is checked for the fonts and
 * margins it declares. The first page of each is kept as a PNG in test-results/ to look at.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { entryData, zipDirectory } from '../../src/hosts/xlsx/zip';
import { MARGINS_MM } from '../../src/hosts/docx/write-document';
import { figureText } from '../../src/app/documents/figures';
import { documentsFixture, NOV, vtlt, type DocumentsFixture } from '../helpers/documents-fixture';
import { convert, createSession, disposeSession, findExecutable, pdfInfo, pdfPagesText, pdfPageToPng, runTool, type LoSession } from './lo';

let session: LoSession | undefined;
let fx: DocumentsFixture;
const docx: Record<'agency' | 'province' | 'reminder', string> = { agency: '', province: '', reminder: '' };
const pdf: Record<string, string> = {};
const pages: Record<string, string[]> = {};
const RESULTS = path.resolve('test-results');

/** The text of one part of a .docx, read with the project's own zip reader. */
function docxPart(file: string, part: string): string {
  const bytes = new Uint8Array(readFileSync(file));
  const entry = zipDirectory(bytes)?.find((e) => e.name === part);
  if (!entry) throw new Error(`no ${part} in ${file}`);
  const data = entryData(bytes, entry);
  if (!data) throw new Error(`${part} unreadable in ${file}`);
  return Buffer.from(entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** pdftotext lays lines out with runs of spaces: compare with single spaces. */
const flat = (texts: readonly string[]) => texts.join('\n').replace(/\s+/g, ' ');

beforeAll(async () => {
  session = await createSession('vtlt-docs-');
  fx = await documentsFixture();
  for (const kind of ['agency', 'province', 'reminder'] as const) {
    docx[kind] = path.join(session.dir, `${kind}.docx`);
    const input = kind === 'agency' ? fx.agencyFile : fx.consolidationFile;
    const r = await vtlt(NOV, 'report', kind, input, '--out', docx[kind], ...(kind === 'agency' ? ['--as-of', '2026-11-23'] : []));
    expect(r.code, r.stderr).toBe(0);
  }
  const outs = await convert(session, Object.values(docx), 'pdf', path.join(session.dir, 'pdf'));
  mkdirSync(RESULTS, { recursive: true });
  for (const [i, kind] of (['agency', 'province', 'reminder'] as const).entries()) {
    pdf[kind] = outs[i]!;
    pages[kind] = await pdfPagesText(outs[i]!);
    const png = await pdfPageToPng(outs[i]!, path.join(session.dir, `${kind}-page1`), { dpi: 60 });
    copyFileSync(png, path.join(RESULTS, `document-${kind}-page1.png`));
  }
}, 600_000);

afterAll(async () => {
  if (fx) rmSync(fx.root, { recursive: true, force: true });
  await disposeSession(session);
});

describe('documents in LibreOffice Writer', () => {
  it('are A4 portrait pages', async () => {
    for (const kind of Object.keys(docx)) {
      const info = await pdfInfo(pdf[kind]!);
      expect(info, kind).not.toBeNull();
      expect(info!.size.width, kind).toBeCloseTo(595.3, 0);
      expect(info!.size.height, kind).toBeCloseTo(841.9, 0);
    }
  });

  it('print every word inside the decree\'s margins (page numbers in the top margin aside)', async () => {
    const pt = (mm: number) => (mm * 72) / 25.4;
    const tool = findExecutable('pdftotext');
    expect(tool).not.toBeNull();
    for (const kind of Object.keys(docx)) {
      const { stdout } = await runTool(tool!, ['-bbox', pdf[kind]!, '-']);
      const pagesXml = stdout.split('<page ').slice(1);
      let words = 0;
      for (const [i, page] of pagesXml.entries()) {
        for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
          const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
          const where = `${kind} page ${i + 1} "${m[5]}"`;
          if (i > 0 && y1 <= pt(20) && /^\d+$/.test(m[5] ?? '')) continue; // the page number (I.7)
          words++;
          expect(x0, where).toBeGreaterThanOrEqual(pt(30) - 1);
          expect(x1, where).toBeLessThanOrEqual(pt(210 - 15) + 1);
          expect(y0, where).toBeGreaterThanOrEqual(pt(20) - 2);
          expect(y1, where).toBeLessThanOrEqual(pt(297 - 20) + 2);
        }
      }
      expect(words, kind).toBeGreaterThan(100);
    }
  });

  it('declare Times New Roman and margins within the decree\'s ranges', () => {
    for (const kind of Object.keys(docx)) {
      const document = docxPart(docx[kind as keyof typeof docx], 'word/document.xml');
      const fonts = [...document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(fonts), kind).toEqual(new Set(['Times New Roman']));
      const margin = /<w:pgMar ([^>]*)\/>/.exec(document)?.[1] ?? '';
      const mm = (side: string) => Number(new RegExp(`w:${side}="(\\d+)"`).exec(margin)?.[1]) / 56.6929;
      expect(mm('top'), kind).toBeGreaterThanOrEqual(20 - 0.1);
      expect(mm('top'), kind).toBeLessThanOrEqual(25);
      expect(mm('bottom'), kind).toBeGreaterThanOrEqual(20 - 0.1);
      expect(mm('bottom'), kind).toBeLessThanOrEqual(25);
      expect(mm('left'), kind).toBeGreaterThanOrEqual(30 - 0.1);
      expect(mm('left'), kind).toBeLessThanOrEqual(35);
      expect(mm('right'), kind).toBeGreaterThanOrEqual(15 - 0.1);
      expect(mm('right'), kind).toBeLessThanOrEqual(20);
      expect(MARGINS_MM.left).toBe(30);
      const page = /<w:pgSz ([^>]*)\/>/.exec(document)?.[1] ?? '';
      expect(page, kind).toMatch(/w:w="11906"/);
      expect(page, kind).toMatch(/w:h="16838"/);
    }
  });

  it('print the national motto, the slogan, the issuer, the number and the dated place on the first page', () => {
    for (const kind of Object.keys(docx)) {
      const first = flat([pages[kind]![0]!]);
      expect(first, kind).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(first, kind).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(first, kind).toContain('SỞ NỘI VỤ');
      expect(first, kind).toMatch(/Số: …\//);
      expect(first, kind).toContain('Thái Nguyên, ngày … tháng … năm …');
    }
  });

  it('agency report: title, tasks, 2027 priorities and the signature block', () => {
    const all = flat(pages['agency']!);
    expect(all).toContain('BÁO CÁO');
    expect(all).toContain('Tình hình thực hiện công tác văn thư, lưu trữ năm 2026');
    expect(all).toContain('NHIỆM VỤ TRỌNG TÂM NĂM 2027');
    expect(all).toContain('Nơi nhận:');
    expect(all).toContain('(Ký, họ tên, đóng dấu)');
  });

  it('province report: n/N and the province totals equal to the consolidation\'s JSON', () => {
    const all = flat(pages['province']!);
    expect(all).toContain(`${fx.json.submitted.length}/${defaultRoster().entries.length} cơ quan, tổ chức, đơn vị`);
    expect(all).toContain('Sở Tài chính (chậm');
    const forms = defaultFormPack();
    for (const form of forms.forms) {
      const top = form.rows.find((r) => (r.indent ?? 0) === 0)!;
      const value = fx.json.totals[form.code]?.[top.code]?.['1'];
      // A long label wraps inside its cell, centred rows put the code and the figure on its middle line: the figure
      // ends a line that starts with the form's code, and the label's first words are on that line or next to it.
      const start = top.label.split(' ').slice(0, 3).join(' ');
      const lines = pages['province']!.join('\n').split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
      const at = lines.findIndex((l, i) => l.startsWith(form.code) && l.endsWith(` ${figureText(value)}`) && lines.slice(Math.max(0, i - 1), i + 2).join(' ').includes(start));
      expect(at, `${form.code} ${start} ${figureText(value)}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('reminder letter: every agency that did not submit is named, none that did', () => {
    const all = flat(pages['reminder']!);
    expect(all).toMatch(/V\/v đôn đốc gửi báo cáo thống kê/);
    const roster = defaultRoster().entries;
    for (const code of fx.json.missing) {
      const name = roster.find((e) => e.code === code)!.name;
      expect(all, name).toContain(name);
    }
    // The attached list's rows are "STT code name": none is an agency whose file was received.
    const listed = [...flat(pages['reminder']!.slice(1)).matchAll(/\b\d+ (\S+) /g)].map((m) => m[1]);
    for (const code of fx.json.missing) expect(listed, code).toContain(code);
    for (const code of fx.json.submitted) expect(listed, code).not.toContain(code);
    expect(all).toMatch(/Sở Tài chính \(chậm \d+ ngày\)/);
  });
});
