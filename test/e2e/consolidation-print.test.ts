/**
 * The consolidation workbook on paper, as LibreOffice prints it to PDF (A4): `vtlt consolidate` over a few agency
 * workbooks — every agency of the default roster still gets its row — then the output and one agency's own workbook
 * converted to PDF, and the pages read back with pdfinfo and pdftotext -bbox.
 *
 * - Every page is A4.
 * - "Tổng hợp <code>" prints the official form at the agency form's scale: the words both pages print (the form's
 *   title, headings, row labels) are as high on the province's page as on the agency's, and no breakdown is beside it.
 * - "Chi tiết <code>" (the per-agency breakdown) prints on pages of its own, readable.
 * - "Tiến độ nhiệm vụ" spans several landscape pages, each with the heading row ("Mã đơn vị", "Tên đơn vị", task ids)
 *   and the agencies' codes repeated, its text at full size.
 * One page of each is written as a PNG into test-results/ to look at.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { NOTES_HEADER } from '../../src/workbook/consolidation-sheets';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { convert, createSession, disposeSession, findExecutable, pdfInfo, pdfPagesText, pdfPageToPng, runTool, type LoSession } from './lo';

const plan = defaultPlanPack();
const pack = defaultFormPack();
const roster = defaultRoster();
const GENERATED = new Date(Date.UTC(2026, 1, 20, 3));
const CODES = ['SNV', 'STC', '05455', 'SYT', 'SGDDT', 'SXD'] as const;
const A4 = { long: 841.89, short: 595.28 };
const PROGRESS_TITLE = 'TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ';
const OVERDUE_TITLE = 'CÁC NHIỆM VỤ QUÁ HẠN';
const OUT_DIR = path.resolve('test-results');

interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}
interface Page {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
  /** The page's text as pdftotext -layout gives it (-bbox splits Vietnamese words at some diacritics). */
  readonly text: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every page's words with their boxes (pdftotext -bbox), and its text (pdftotext -layout). */
async function bboxPages(pdf: string): Promise<Page[]> {
  const texts = await pdfPagesText(pdf);
  const tool = findExecutable('pdftotext');
  if (!tool) throw new Error('pdftotext is not installed; install poppler-utils to run these checks.');
  const { stdout } = await runTool(tool, ['-bbox', '-enc', 'UTF-8', pdf, '-'], 120_000);
  const pages: Page[] = [];
  for (const m of stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([^]*?)<\/page>/g)) {
    const words = [...(m[3] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: decode(w[5] ?? ''),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words, text: texts[pages.length] ?? '' });
  }
  if (texts.length !== pages.length) throw new Error(`pdftotext: ${texts.length} pages of text, ${pages.length} of boxes`);
  return pages;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
const heights = (p: Page): number[] => p.words.map((w) => w.yMax - w.yMin);

function agencyOf(code: string): RosterEntry {
  const a = findAgency(roster, code);
  if (!a) throw new Error(`agency ${code} is not in the roster`);
  return a;
}

/** The page on which a form's own code is printed ("Biểu số: 0801.N/BNV-VTLT"): the form's first page. */
function formPage(pages: readonly Page[], code: string): number {
  return pages.findIndex((p) => p.text.includes(`Biểu số: ${code}.N/BNV-VTLT`));
}

/** Height ratios (province ÷ agency) of the words both pages print, matched by text in reading order. */
function heightRatios(province: Page, agency: Page): number[] {
  const theirs = new Map<string, Word[]>();
  for (const w of agency.words) theirs.set(w.text, [...(theirs.get(w.text) ?? []), w]);
  const ratios: number[] = [];
  for (const w of province.words) {
    const other = theirs.get(w.text)?.shift();
    if (other && /\p{L}{3,}/u.test(w.text)) ratios.push((w.yMax - w.yMin) / (other.yMax - other.yMin));
  }
  return ratios;
}

let session: LoSession | undefined;
let consolidation: Page[] = [];
let agencyPages: Page[] = [];
let consolidationPdf = '';
let sizes: { pages: number; size: { width: number; height: number } } | null = null;

beforeAll(async () => {
  const lo = await createSession('vtlt-e2e-print-');
  session = lo;
  const inDir = path.join(lo.dir, 'in');
  await mkdir(inDir, { recursive: true });
  let agencyFile = '';
  for (const [i, code] of CODES.entries()) {
    const a = await agencyWorkbook(agencyOf(code), GENERATED, 601 + i);
    const file = path.join(inDir, `${code}.xlsx`);
    // Saved the day it was made, not the day the test runs: the submission sheet's dates and lateness follow the file.
    await writeFile(file, await a.workbook.toBuffer(GENERATED));
    if (i === 0) agencyFile = path.join(lo.dir, 'don-vi.xlsx');
    if (i === 0) await copyFile(file, agencyFile);
  }
  const out = path.join(lo.dir, 'tong-hop.xlsx');
  const errors: string[] = [];
  const io: CliIo = { lang: 'vi', out: () => undefined, err: (t) => errors.push(t), now: () => Date.UTC(2026, 10, 23, 3) };
  const code = await run(['consolidate', inDir, '--out', out, '--as-of', '2026-11-23'], io);
  if (code !== 0) throw new Error(`vtlt consolidate exited ${code}: ${errors.join('\n')}`);
  const [pdf, agencyPdf] = await convert(lo, [out, agencyFile], 'pdf', path.join(lo.dir, 'pdf'));
  consolidationPdf = pdf!;
  consolidation = await bboxPages(pdf!);
  agencyPages = await bboxPages(agencyPdf!);
  sizes = await pdfInfo(pdf!);
});

afterAll(async () => {
  await disposeSession(session);
});

describe('the consolidation workbook printed by LibreOffice', () => {
  it('prints every page on A4', () => {
    expect(sizes?.pages).toBe(consolidation.length);
    for (const [i, p] of consolidation.entries()) {
      const [short, long] = [Math.min(p.width, p.height), Math.max(p.width, p.height)];
      expect(short, `page ${i + 1}`).toBeCloseTo(A4.short, 0);
      expect(long, `page ${i + 1}`).toBeCloseTo(A4.long, 0);
    }
  });

  it('"Tổng hợp <code>" prints the form alone, at the scale of an agency\'s own form', async () => {
    for (const form of pack.forms) {
      const at = formPage(consolidation, form.code);
      const theirs = formPage(agencyPages, form.code);
      expect(at, `${form.code}: the province's form page`).toBeGreaterThanOrEqual(0);
      expect(theirs, `${form.code}: the agency's form page`).toBeGreaterThanOrEqual(0);
      const page = consolidation[at]!;
      expect(page.text, form.code).toContain('TOÀN TỈNH');
      expect(page.text, `${form.code}: no breakdown beside the form`).not.toContain('Chi tiết theo đơn vị');
      const ratios = heightRatios(page, agencyPages[theirs]!);
      expect(ratios.length, `${form.code}: words on both pages`).toBeGreaterThan(20);
      const r = median(ratios);
      expect(r, `${form.code}: text height on the province's page ÷ on the agency's`).toBeGreaterThan(0.97);
      expect(r, form.code).toBeLessThan(1.03);
    }
    const first = formPage(consolidation, pack.forms[0]!.code);
    await mkdir(OUT_DIR, { recursive: true });
    await pdfPageToPng(consolidationPdf, path.join(OUT_DIR, 'consolidation-print-totals'), { page: first + 1, dpi: 50 });
  });

  it('"Chi tiết <code>" prints the breakdown on pages of its own, at a readable size', () => {
    for (const form of pack.forms) {
      const pages = consolidation.filter((p) => p.text.includes(`CHI TIẾT THEO ĐƠN VỊ — BIỂU SỐ ${form.code}.N/BNV-VTLT`));
      expect(pages.length, form.code).toBeGreaterThan(0);
      for (const p of pages) {
        expect(p.text, `${form.code}: not on the form's page`).not.toContain('Biểu số:');
        expect(median(heights(p)), form.code).toBeGreaterThan(8);
      }
    }
  });

  it('"Tiến độ nhiệm vụ" spans several landscape pages, each with its heading row and agency columns', async () => {
    const start = consolidation.findIndex((p) => p.text.includes(PROGRESS_TITLE));
    const end = consolidation.findIndex((p, i) => i > start && p.text.includes(OVERDUE_TITLE));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const pages = consolidation.slice(start, end);
    expect(pages.length).toBeGreaterThan(4);
    const taskIds = plan.tasks.map((t) => t.id);
    const agencyCodes = new Set(roster.entries.map((a) => a.code));
    for (const [i, p] of pages.entries()) {
      expect(p.width, `page ${start + i + 1} landscape`).toBeGreaterThan(p.height);
      expect(p.text, `page ${start + i + 1}`).toContain('Mã đơn vị');
      expect(p.text, `page ${start + i + 1}`).toContain('Tên đơn vị');
      const heading = p.text.split('\n').find((l) => l.includes('Mã đơn vị')) ?? '';
      const headed = heading.split(/\s{2,}/).filter((h) => taskIds.includes(h) || h === NOTES_HEADER);
      expect(headed.length, `page ${start + i + 1}: task headings in "${heading}"`).toBeGreaterThan(0);
      const codes = p.text.split('\n').filter((l) => agencyCodes.has(l.trim().split(/\s+/)[0] ?? ''));
      expect(codes.length, `page ${start + i + 1}: agencies' codes`).toBeGreaterThan(5);
      expect(median(heights(p)), `page ${start + i + 1}: text height`).toBeGreaterThan(8);
    }
    await mkdir(OUT_DIR, { recursive: true });
    await pdfPageToPng(consolidationPdf, path.join(OUT_DIR, 'consolidation-print-progress'), { page: start + 2, dpi: 50 });
  });
});
