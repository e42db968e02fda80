/**
 * The report forms as LibreOffice sees them: the file `vtlt forms` writes opens, the totals recalculated from typed
 * inputs equal the totals the domain code computes (with every input 1, each total is the number of input cells it
 * adds up, through nested totals), totals stay empty while nothing is reported, no formula shows an error, and every
 * form prints on one A4 page.
 *
 * Four files, all from the CLI's output: as written (nothing reported), every input 1, a sparse pattern (some inputs
 * empty, some 0), and the plausible figures of a generated agency workbook. They are converted in two LibreOffice
 * runs: every sheet of every file to CSV, then two of them to PDF.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, columnCaption, computeTotals, type Cell, type Form, type FormModel, formNumber, type FormValue } from '../../src/domain/form-pack';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { type FormLayout, formSheetLayout, NA_MARK } from '../../src/workbook/forms';
import { agencyWorkbook } from '../helpers/agency-workbook';
import { packageProblems } from '../helpers/package-check';
import {
  convert, convertSheetsToCsv, createSession, csvCell, disposeSession, errorCells, type LoSession, pdfInfo, pdfPageSizes,
  pdfPageToPng, pdfPagesText, readPng, type SheetGrids,
} from './lo';

const pack = defaultFormPack();
const roster = defaultRoster();
const YEAR = 2025;
const NOW = Date.UTC(2026, 1, 20, 3);
const RESULTS_DIR = path.resolve('test-results', 'e2e');
const A4 = { long: 841.89, short: 595.28 };
/**
 * Forms rendered to PNG: a portrait form with grouped column headers, the widest (landscape, grouped headers) and
 * the one with the most rows and mixed units.
 */
const RENDERED = ['0801', '0803', '0808'] as const;

const agency: RosterEntry = (() => {
  const a = findAgency(roster, 'SNV');
  if (!a) throw new Error('SNV is not in the roster');
  return a;
})();

const layouts = new Map<string, FormLayout>(
  pack.forms.map((form) => [form.code, formSheetLayout({ pack, form, agency: { code: agency.code, name: agency.name }, year: YEAR })]),
);

function layoutOf(code: string): FormLayout {
  const l = layouts.get(code);
  if (!l) throw new Error(`no layout for ${code}`);
  return l;
}

const inputCells = (model: FormModel): Cell[] => model.cells.filter((c) => c.role === 'input').map((c) => c.cell);

// ---------------------------------------------------------------------------------------------------------------
// The files

type CaseName = 'blank' | 'ones' | 'sparse' | 'plausible';
const CASES: readonly CaseName[] = ['blank', 'ones', 'sparse', 'plausible'];

/** Typed inputs of each case: form code → cell key → value. */
const typed = new Map<CaseName, Map<string, Map<string, number>>>();

function onesOf(form: Form): Map<string, number> {
  return new Map(inputCells(layoutOf(form.code).model).map((c) => [cellKey(c), 1]));
}

/**
 * Every third row of a form left empty (not reported); in the other rows, every fourth input 0, every fourth a
 * figure of the row's kind, the rest empty.
 */
function sparseOf(form: Form): Map<string, number> {
  const model = layoutOf(form.code).model;
  const emptyRows = new Set(form.rows.filter((_, i) => i % 3 === 1).map((r) => r.code));
  const out = new Map<string, number>();
  inputCells(model).forEach((c, i) => {
    if (emptyRows.has(c.row)) return;
    if (i % 4 === 0) out.set(cellKey(c), 0);
    if (i % 4 === 2) out.set(cellKey(c), model.kindOf(c.row) === 'whole' ? 3 : 1.25);
  });
  return out;
}

function typedOf(name: CaseName, code: string): ReadonlyMap<string, number> {
  return typed.get(name)?.get(code) ?? new Map();
}

/** What each total shows according to the domain code, for the inputs typed. */
function expectedValues(name: CaseName, code: string): Map<string, FormValue> {
  return computeTotals(layoutOf(code).model, typedOf(name, code));
}

/**
 * The number of input cells a cell adds up: 1 for an input, the sum over the parts of its formula for a total
 * (so a total over totals counts their inputs). Worked out here from the formulas' parts, not by computeTotals.
 */
function leafCount(model: FormModel, cell: Cell, seen: ReadonlySet<string> = new Set()): number {
  const key = cellKey(cell);
  if (seen.has(key)) throw new Error(`form ${model.form.code}: the formula of ${key} depends on itself`);
  const role = model.roleOf(cell);
  if (role === 'input') return 1;
  if (role !== 'total') return 0;
  const sum = model.formulaOf(cell);
  if (!sum) throw new Error(`form ${model.form.code}: total ${key} without a formula`);
  return sum.parts.reduce((n, p) => n + leafCount(model, p, new Set([...seen, key])), 0);
}

function cliIo(): CliIo & { readonly errors: string[] } {
  const errors: string[] = [];
  return { lang: 'vi', out: () => undefined, err: (t) => errors.push(t), now: () => NOW, errors };
}

/** Types the inputs into a copy of the CLI's file, and gives every total a wrong cached result to be recalculated. */
async function typeInputs(source: string, target: string, values: ReadonlyMap<string, ReadonlyMap<string, number>>): Promise<void> {
  const wb = await FileWorkbook.load(await readFile(source));
  for (const form of pack.forms) {
    const ws = wb.workbook.getWorksheet(form.code);
    if (!ws) throw new Error(`${source}: no sheet ${form.code}`);
    const layout = layoutOf(form.code);
    for (const { cell, role } of layout.model.cells) {
      const address = layout.addresses.get(cellKey(cell));
      if (!address) throw new Error(`form ${form.code}: no address for ${cellKey(cell)}`);
      const c = ws.getCell(address);
      if (role === 'input') {
        const v = values.get(form.code)?.get(cellKey(cell));
        c.value = v ?? null;
      } else if (role === 'total') {
        const value = c.value;
        if (!value || typeof value !== 'object' || !('formula' in value)) throw new Error(`${form.code}!${address}: a total without a formula`);
        c.value = { formula: value.formula, result: -999 } as typeof value;
      }
    }
  }
  await writeFile(target, await wb.toBuffer());
}

let session: LoSession | undefined;
const sheetsOf = new Map<CaseName, SheetGrids>();
const pdfOf = new Map<'blank' | 'plausible', string>();
const written = new Map<CaseName, string>();

beforeAll(async () => {
  const lo = await createSession('vtlt-e2e-forms-');
  session = lo;
  const inDir = path.join(lo.dir, 'xlsx');
  await mkdir(inDir, { recursive: true });
  const fileOf = (name: CaseName) => path.join(inDir, `forms-${name}.xlsx`);
  for (const name of CASES) written.set(name, fileOf(name));

  const io = cliIo();
  const code = await run(['forms', '--agency', agency.code, '--year', String(YEAR), '--out', fileOf('blank')], io);
  if (code !== 0) throw new Error(`vtlt forms exited ${code}: ${io.errors.join('\n')}`);

  const plausible = await agencyWorkbook(agency, new Date(NOW), 2025);
  typed.set('blank', new Map());
  typed.set('ones', new Map(pack.forms.map((f) => [f.code, onesOf(f)])));
  typed.set('sparse', new Map(pack.forms.map((f) => [f.code, sparseOf(f)])));
  typed.set('plausible', plausible.inputs);
  for (const name of CASES) {
    if (name !== 'blank') await typeInputs(fileOf('blank'), fileOf(name), typed.get(name) ?? new Map());
  }

  const grids = await convertSheetsToCsv(lo, CASES.map(fileOf), path.join(lo.dir, 'csv'), { asShown: false });
  CASES.forEach((name, i) => sheetsOf.set(name, grids[i] ?? new Map()));

  const printed = ['blank', 'plausible'] as const;
  const pdfs = await convert(lo, printed.map(fileOf), 'pdf', path.join(lo.dir, 'pdf'));
  printed.forEach((name, i) => pdfOf.set(name, pdfs[i] ?? ''));
});

afterAll(async () => {
  await disposeSession(session);
});

function gridOf(name: CaseName, sheet: string): string[][] {
  const grid = sheetsOf.get(name)?.get(sheet);
  if (!grid) throw new Error(`no CSV of sheet ${sheet} in ${name} (sheets: ${[...(sheetsOf.get(name)?.keys() ?? [])].join(', ')})`);
  return grid;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

interface CellMismatch {
  readonly form: string;
  readonly cell: string;
  readonly address: string;
  readonly role: string;
  readonly libreOffice: string;
  readonly expected: string;
}

/** Compares every cell of every form's table in LibreOffice's CSV with what the domain code expects. */
function mismatches(name: CaseName, expectedOf: (code: string, cell: Cell) => FormValue): CellMismatch[] {
  const out: CellMismatch[] = [];
  for (const form of pack.forms) {
    const layout = layoutOf(form.code);
    const grid = gridOf(name, form.code);
    for (const { cell, role } of layout.model.cells) {
      const address = layout.addresses.get(cellKey(cell)) ?? '';
      const shown = csvCell(grid, address);
      const expected = role === 'na' ? NA_MARK : expectedOf(form.code, cell);
      const ok =
        typeof expected === 'number'
          ? shown.trim() !== '' && Math.abs(Number(shown) - expected) <= 1e-6 * Math.max(1, Math.abs(expected))
          : shown === (expected === null ? '' : String(expected));
      if (!ok) out.push({ form: form.code, cell: cellKey(cell), address, role, libreOffice: shown, expected: String(expected) });
    }
  }
  return out;
}

const domainValue = (name: CaseName) => (code: string, cell: Cell): FormValue => expectedValues(name, code).get(cellKey(cell)) ?? null;

describe('the forms written by `vtlt forms`, recalculated by LibreOffice', () => {
  it('every file written opens in Excel without repair (structural checks)', async () => {
    for (const [name, file] of written) expect(packageProblems(new Uint8Array(await readFile(file))), name).toEqual([]);
  });

  it('every form sheet is there, laid out as the layout says', () => {
    for (const name of CASES) {
      const sheets = sheetsOf.get(name);
      expect([...(sheets?.keys() ?? [])], name).toEqual(expect.arrayContaining(pack.forms.map((f) => f.code)));
      for (const form of pack.forms) {
        const grid = gridOf(name, form.code);
        const layout = layoutOf(form.code);
        expect(csvCell(grid, 'A1')).toBe(`Biểu số: ${formNumber(pack, form)}`);
        expect(grid[layout.numberingRow - 1]?.slice(0, 3)).toEqual(['A', 'B', 'C']);
        expect(form.rows.map((r, i) => grid[layout.firstDataRow - 1 + i]?.[1])).toEqual(form.rows.map((r) => r.code));
      }
    }
  });

  it('with every input 1, each total is the number of input cells it adds up', () => {
    let totals = 0;
    let nested = 0;
    const found = mismatches('ones', (code, cell) => {
      const model = layoutOf(code).model;
      const count = leafCount(model, cell);
      totals++;
      if (model.formulaOf(cell)?.parts.some((p) => model.roleOf(p) === 'total')) nested++;
      // The domain code agrees with the count.
      expect(expectedValues('ones', code).get(cellKey(cell)), `${code} ${cellKey(cell)}`).toBe(count);
      return count;
    });
    expect(found).toEqual([]);
    expect(totals).toBeGreaterThan(100);
    // Some totals add up other totals: the count goes through them.
    expect(nested).toBeGreaterThan(0);
  });

  it('a total is empty while none of its parts is reported, and the sum of those reported otherwise', () => {
    expect(mismatches('blank', domainValue('blank'))).toEqual([]);
    // Nothing reported: every total is empty, not 0.
    for (const form of pack.forms) {
      for (const { cell, role } of layoutOf(form.code).model.cells) {
        if (role === 'total') expect(expectedValues('blank', form.code).get(cellKey(cell)) ?? null).toBeNull();
      }
    }
    expect(mismatches('sparse', domainValue('sparse'))).toEqual([]);
    // The sparse inputs reach every kind of total: empty, 0 (only zeros reported), and a sum.
    const kinds = new Set<string>();
    for (const form of pack.forms) {
      const values = expectedValues('sparse', form.code);
      for (const { cell, role } of layoutOf(form.code).model.cells) {
        if (role !== 'total') continue;
        const v = values.get(cellKey(cell)) ?? null;
        kinds.add(v === null ? 'empty' : v === 0 ? 'zero' : 'sum');
      }
    }
    expect([...kinds].sort()).toEqual(['empty', 'sum', 'zero']);
  });

  it('the plausible figures of an agency give the totals the domain code computes', () => {
    expect(mismatches('plausible', domainValue('plausible'))).toEqual([]);
    const reported = [...(typed.get('plausible')?.values() ?? [])].reduce((n, m) => n + m.size, 0);
    expect(reported).toBeGreaterThan(50);
  });

  it('no cell of any sheet shows an error', () => {
    const errors: string[] = [];
    for (const name of CASES) {
      for (const [sheet, grid] of sheetsOf.get(name) ?? []) errors.push(...errorCells(grid).map((e) => `${name} ${sheet} ${e}`));
    }
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// PDF

/** The pixel columns holding anything darker than near-white, as [first, last]; null when the image is blank. */
function inkExtent(image: { width: number; height: number; rgba: Uint8Array }): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if ((image.rgba[i] ?? 255) < 200 || (image.rgba[i + 1] ?? 255) < 200 || (image.rgba[i + 2] ?? 255) < 200) {
        if (first < 0 || x < first) first = x;
        if (x > last) last = x;
      }
    }
  }
  return first < 0 ? null : [first, last];
}

describe('the forms printed to PDF by LibreOffice', () => {
  it('has one A4 page per form, in the orientation of its print setup', async () => {
    for (const [name, pdf] of pdfOf) {
      const sizes = pdfPageSizes(await readFile(pdf));
      expect(sizes.length, name).toBe(pack.forms.length);
      pack.forms.forEach((form, i) => {
        const size = sizes[i] ?? { width: 0, height: 0 };
        const landscape = layoutOf(form.code).spec.print?.orientation === 'landscape';
        expect(size.width, `${name} ${form.code}`).toBeCloseTo(landscape ? A4.long : A4.short, 0);
        expect(size.height, `${name} ${form.code}`).toBeCloseTo(landscape ? A4.short : A4.long, 0);
      });
      // The wider forms print landscape, the others portrait.
      expect(new Set(sizes.map((s) => s.width > s.height))).toEqual(new Set([true, false]));
      const info = await pdfInfo(pdf);
      if (info) expect(info.pages).toBe(pack.forms.length);
    }
  });

  // When a table is wider or longer than its page, LibreOffice prints the rest on further pages, which carry at most
  // the repeated header rows, never the form number. So: as many pages as forms, and each page holding one form's
  // number, its heading and its footer (the last row of the sheet) means each form fits one page, all columns.
  it('prints each form whole on its own page', async () => {
    for (const [name, pdf] of pdfOf) {
      const pages = await pdfPagesText(pdf);
      expect(pages.length, name).toBe(pack.forms.length);
      pack.forms.forEach((form, i) => {
        const page = pages[i] ?? '';
        const numbers = [...page.matchAll(/Biểu số: (\d{4})\.N\/BNV-VTLT/g)].map((m) => m[1]);
        expect(numbers, `${name} page ${i + 1}`).toEqual([form.code]);
        expect(page).toContain('Đơn vị báo cáo: Sở Nội vụ (mã SNV)');
        expect(page).toContain(pack.footer.head.note);
        expect(page).toContain(pack.footer.preparer.note);
        // The numbering row, "A B C 1 … n", ends with the last column on this page (a long caption may wrap, but its
        // first line stays on the row's line).
        const numbering = /^\s*A\s+B\s+C\s+(.*)$/m.exec(page);
        expect(numbering, `${name} ${form.code}: numbering row`).not.toBeNull();
        const last = form.columns[form.columns.length - 1];
        expect(columnCaption(form, last?.no ?? 0)).toBe(String(last?.no));
        expect(numbering?.[1]?.trim().split(/\s+/).pop(), `${name} ${form.code}: last column`).toBe(String(last?.no));
      });
    }
  });

  it('shows every figure (no "###" for a number too wide for its column)', async () => {
    const pages = await pdfPagesText(pdfOf.get('plausible') ?? '');
    expect(pages.length).toBe(pack.forms.length);
    expect(pages.flatMap((p, i) => (p.includes('###') ? [pack.forms[i]?.code] : []))).toEqual([]);
  });

  it.each(RENDERED)('renders form %s inside the page (see test-results/e2e)', async (code) => {
    const pdf = pdfOf.get('plausible') ?? '';
    const index = pack.forms.findIndex((f) => f.code === code);
    await mkdir(RESULTS_DIR, { recursive: true });
    await copyFile(pdf, path.join(RESULTS_DIR, 'forms-plausible.pdf'));
    const png = await pdfPageToPng(pdf, path.join(RESULTS_DIR, `forms-${code}`), { page: index + 1, dpi: 110 });
    const image = await readPng(png);
    const landscape = layoutOf(code).spec.print?.orientation === 'landscape';
    expect(image.width > image.height).toBe(landscape);
    const ink = inkExtent(image);
    expect(ink).not.toBeNull();
    const [first, last] = ink ?? [0, 0];
    // Nothing runs into the side margins (a cut table would touch the page edge), and the table spans the page.
    expect(first).toBeGreaterThan(image.width * 0.02);
    expect(last).toBeLessThan(image.width * 0.98);
    expect(last - first).toBeGreaterThan(image.width * 0.6);
  });
});

describe('pdfPageSizes', () => {
  it('reads the page objects, not the page tree', () => {
    const pdf = new TextEncoder().encode(
      '1 0 obj\n<</Type/Page/Parent 3 0 R/MediaBox[0 0 595.3 841.9]/Contents 2 0 R>>\nendobj\n' +
        '4 0 obj\n<</Type/Page/Parent 3 0 R/MediaBox[0 0 841.9 595.3]>>\nendobj\n' +
        '3 0 obj\n<</Type/Pages\n/MediaBox[ 0 0 841.9 841.9 ]\n/Kids[ 1 0 R 4 0 R ]\n/Count 2>>\nendobj\n',
    );
    expect(pdfPageSizes(pdf)).toEqual([{ width: 595.3, height: 841.9 }, { width: 841.9, height: 595.3 }]);
  });
});
