/**
 * The tracker as LibreOffice sees it: the "Tình trạng hạn" formulas, recalculated by LibreOffice, must show the label
 * the domain code computes for the same inputs; the conditional formatting must paint overdue rows; the print setup
 * must give A4 landscape pages.
 *
 * All files are written first and converted in one LibreOffice run per target format, to keep the run short.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type Day, formatVn, parseIso, toExcelSerial } from '../../src/domain/calendar';
import { STATUS_DONE, STATUS_SKIPPED } from '../../src/domain/due-state';
import { taskDeadline } from '../../src/domain/plan-pack';
import { findAgency, type RosterEntry } from '../../src/domain/roster';
import { planRows, type TaskProgress } from '../../src/app/plan-status';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { STATE_COLOURS, TRACKER_COL, TRACKER_COLUMNS, trackerLayout, type TrackerRow } from '../../src/workbook/tracker';
import {
  bands, convert, createSession, disposeSession, CSV_FILTER, type LoSession, matchColour, pdfInfo, pdfMediaBoxes, pdfPageToPng, readCsv, readPng,
} from './lo';

const pack = defaultPlanPack();
const roster = defaultRoster();
const RESULTS_DIR = path.resolve('test-results', 'e2e');
const UNREADABLE_DEADLINE = 'Không đọc được thời hạn';
const HEADER_ROW = 6;

const day = (iso: string): Day => {
  const d = parseIso(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
};

function agencyOf(code: string): RosterEntry {
  const a = findAgency(roster, code);
  if (!a) throw new Error(`agency ${code} is not in the roster`);
  return a;
}

// ---------------------------------------------------------------------------------------------------------------
// The files

interface Edit extends TaskProgress {
  /** A raw completion cell value, when it is not a whole-day serial (used by the edge cases only). */
  readonly completionSerial?: number;
}

interface FileCase {
  readonly name: string;
  readonly agency: string;
  readonly asOf: string;
  readonly inclusive?: boolean;
  readonly window?: number;
  /** Input cells typed into the written file (by task id) before LibreOffice opens it. */
  readonly edits?: 'recipes' | 'edge';
  /** Written again with `--in` from this (edited) case, so the entries travel through a refresh. */
  readonly refreshOf?: string;
}

const AGENCIES = ['SNV', '05455', 'SKHCN'] as const;
const AS_OF_DATES = [
  '2026-01-15', '2026-02-27', '2026-02-28', '2026-03-31', '2026-07-01', '2026-12-09', '2026-12-10', '2026-12-31', '2027-01-05',
] as const;

const CASES: readonly FileCase[] = [
  ...AGENCIES.flatMap((agency) => AS_OF_DATES.map((asOf) => ({ name: `${agency}-${asOf}`, agency, asOf }))),
  { name: 'SNV-2026-02-28-inclusive', agency: 'SNV', asOf: '2026-02-28', inclusive: true },
  { name: '05455-2026-12-10-inclusive', agency: '05455', asOf: '2026-12-10', inclusive: true },
  { name: 'SKHCN-2026-12-01-window30', agency: 'SKHCN', asOf: '2026-12-01', window: 30 },
  { name: 'SNV-2025-12-01', agency: 'SNV', asOf: '2025-12-01' },
  { name: 'SNV-2026-03-31-edited', agency: 'SNV', asOf: '2026-03-31', edits: 'recipes' },
  { name: 'SNV-2027-01-05-edited', agency: 'SNV', asOf: '2027-01-05', edits: 'recipes' },
  { name: '05455-2026-12-10-edited', agency: '05455', asOf: '2026-12-10', edits: 'recipes' },
  { name: 'SKHCN-2026-02-28-inclusive-edited', agency: 'SKHCN', asOf: '2026-02-28', inclusive: true, edits: 'recipes' },
  { name: 'SNV-2026-07-01-refreshed', agency: 'SNV', asOf: '2026-07-01', refreshOf: 'SNV-2026-03-31-edited' },
  { name: 'SNV-2026-03-31-edge', agency: 'SNV', asOf: '2026-03-31', edits: 'edge' },
];

/** Pages rendered to check colours: one with several overdue rows, one where nothing can be overdue yet. */
const PDF_OVERDUE = 'SNV-2026-07-01';
const PDF_CLEAN = 'SNV-2025-12-01';

function layoutOf(c: FileCase): readonly TrackerRow[] {
  return trackerLayout({
    pack,
    agency: agencyOf(c.agency),
    inclusiveBefore: c.inclusive === true,
    window: c.window ?? 14,
    asOf: day(c.asOf),
  }).rows;
}

/**
 * Inputs that exercise each branch of the rule: done before / on / after the due date, done without a date,
 * skipped with and without a reason, in progress, a reason of spaces only.
 */
function recipeEdits(rows: readonly TrackerRow[]): Map<string, Edit> {
  const edits = new Map<string, Edit>();
  const recipes: ((due: Day) => Edit)[] = [
    (due) => ({ status: STATUS_DONE, completion: addDays(due, -3) }),
    (due) => ({ status: STATUS_DONE, completion: due }),
    (due) => ({ status: STATUS_DONE, completion: addDays(due, 2) }),
    () => ({ status: STATUS_SKIPPED, note: 'Đơn vị không phát sinh nhiệm vụ này' }),
    () => ({ status: STATUS_SKIPPED }),
    () => ({ status: STATUS_DONE }),
    () => ({ status: 'Đang thực hiện', note: 'Đang dự thảo' }),
    () => ({ status: STATUS_SKIPPED, note: '   ' }),
    () => ({ status: 'Chưa thực hiện' }),
    (due) => ({ status: STATUS_DONE, completion: addDays(due, 1) }),
  ];
  let dated = 0;
  let recurring = 0;
  for (const { task } of rows) {
    const parsed = taskDeadline(task);
    if (!parsed.ok) continue;
    const { due, yearlyMilestones } = parsed.deadline;
    if (due === null) {
      // Done (any date is on time without a due date), then skipped with a reason; the rest stay empty.
      if (recurring === 0) edits.set(task.id, { status: STATUS_DONE, completion: day('2026-05-05') });
      if (recurring === 1) edits.set(task.id, { status: STATUS_SKIPPED, note: 'Không phát sinh' });
      recurring++;
    } else if (yearlyMilestones === true) {
      // After the 2026 milestone: late as of 2026, on time against the 2027 milestone.
      edits.set(task.id, { status: STATUS_DONE, completion: day('2027-01-03') });
    } else {
      const recipe = recipes[dated % recipes.length];
      if (recipe) edits.set(task.id, recipe(due));
      dated++;
    }
  }
  return edits;
}

/** Inputs the rule's two implementations may read differently (see the "edge inputs" tests). */
const EDGE_EDITS: ReadonlyMap<string, Edit> = new Map<string, Edit>([
  // A reason made only of whitespace other than U+0020.
  ['2', { status: STATUS_SKIPPED, note: '\t' }],
  ['3', { status: STATUS_SKIPPED, note: '\u00a0' }],
  ['4', { status: STATUS_SKIPPED, note: '\n' }],
  // Completion typed with a time of day on the due date (31/01/2026 12:00); the domain sees the calendar day.
  ['1', { status: STATUS_DONE, completion: day('2026-01-31'), completionSerial: toExcelSerial(day('2026-01-31')) + 0.5 }],
  // Status in another letter case: the sheet's "=" ignores case, so must the code.
  ['16a', { status: STATUS_DONE.toLocaleUpperCase('vi'), completion: day('2026-02-20') }],
]);

function editsOf(c: FileCase): ReadonlyMap<string, Edit> {
  if (c.edits === 'recipes') return recipeEdits(layoutOf(c));
  if (c.edits === 'edge') return EDGE_EDITS;
  if (c.refreshOf !== undefined) {
    const source = CASES.find((x) => x.name === c.refreshOf);
    if (!source) throw new Error(`no case ${String(c.refreshOf)}`);
    return editsOf(source);
  }
  return new Map();
}

/** The label the domain code gives each task row of the file, by task id. */
function expectedLabels(c: FileCase): Map<string, string> {
  const edits = editsOf(c);
  const settings = { asOf: day(c.asOf), window: c.window ?? 14, inclusiveBefore: c.inclusive === true };
  const rows = planRows(pack, settings, agencyOf(c.agency), (id) => edits.get(id));
  return new Map(rows.map((r) => [r.task.id, r.due?.label ?? UNREADABLE_DEADLINE]));
}

// ---------------------------------------------------------------------------------------------------------------
// Writing, editing, converting

function cliIo(): CliIo & { readonly errors: string[] } {
  const errors: string[] = [];
  return { lang: 'vi', out: () => undefined, err: (t) => errors.push(t), now: () => Date.UTC(2026, 0, 15), errors };
}

async function cli(args: string[]): Promise<void> {
  const io = cliIo();
  const code = await run(args, io);
  if (code !== 0) throw new Error(`vtlt ${args.join(' ')} exited ${code}: ${io.errors.join('\n')}`);
}

async function applyEdits(file: string, c: FileCase, edits: ReadonlyMap<string, Edit>): Promise<void> {
  const wb = await FileWorkbook.load(await readFile(file));
  const ws = wb.workbook.getWorksheet(pack.trackerSheetName);
  if (!ws) throw new Error(`${file}: no sheet ${pack.trackerSheetName}`);
  for (const { row, task } of layoutOf(c)) {
    const stateCell = ws.getCell(row, TRACKER_COL.dueState);
    const value = stateCell.value;
    // A stale cached result, as a file last saved by Excel on another day would carry: recalculation must replace it.
    if (value && typeof value === 'object' && 'formula' in value) {
      stateCell.value = { formula: value.formula, result: 'STALE' } as typeof value;
    }
    const e = edits.get(task.id);
    if (!e) continue;
    if (e.status != null) ws.getCell(row, TRACKER_COL.status).value = e.status;
    const serial = e.completionSerial ?? (e.completion != null ? toExcelSerial(e.completion) : null);
    if (serial !== null) ws.getCell(row, TRACKER_COL.completion).value = serial;
    if (e.note != null) ws.getCell(row, TRACKER_COL.note).value = e.note;
  }
  await writeFile(file, await wb.toBuffer());
}

let session: LoSession | undefined;
const xlsxOf = new Map<string, string>();
const csvOf = new Map<string, string[][]>();
const pdfOf = new Map<string, string>();

beforeAll(async () => {
  const lo = await createSession();
  session = lo;
  const inDir = path.join(lo.dir, 'xlsx');
  await mkdir(inDir, { recursive: true });
  const ordered = [...CASES.filter((c) => c.refreshOf === undefined), ...CASES.filter((c) => c.refreshOf !== undefined)];
  for (const c of ordered) {
    const file = path.join(inDir, `${c.name}.xlsx`);
    const args = ['tracker', '--agency', c.agency, '--out', file, '--as-of', c.asOf];
    if (c.inclusive) args.push('--inclusive');
    if (c.window !== undefined) args.push('--window', String(c.window));
    if (c.refreshOf !== undefined) {
      const source = xlsxOf.get(c.refreshOf);
      if (!source) throw new Error(`case ${c.name} needs ${c.refreshOf} first`);
      args.push('--in', source);
    }
    await cli(args);
    if (c.edits !== undefined) await applyEdits(file, c, editsOf(c));
    xlsxOf.set(c.name, file);
  }

  const files = CASES.map((c) => xlsxOf.get(c.name) ?? '');
  const csvFiles = await convert(lo, files, CSV_FILTER, path.join(lo.dir, 'csv'));
  for (const [i, c] of CASES.entries()) csvOf.set(c.name, await readCsv(csvFiles[i] ?? ''));

  const pdfCases = [PDF_OVERDUE, PDF_CLEAN];
  const pdfFiles = await convert(lo, pdfCases.map((n) => xlsxOf.get(n) ?? ''), 'pdf', path.join(lo.dir, 'pdf'));
  pdfCases.forEach((n, i) => pdfOf.set(n, pdfFiles[i] ?? ''));
});

afterAll(async () => {
  await disposeSession(session);
});

// ---------------------------------------------------------------------------------------------------------------
// Labels

interface Mismatch {
  readonly row: number;
  readonly id: string;
  readonly deadline: string;
  readonly libreOffice: string;
  readonly domain: string;
}

function csvOfCase(name: string): string[][] {
  const grid = csvOf.get(name);
  if (!grid) throw new Error(`no CSV for ${name}`);
  return grid;
}

const cell = (grid: string[][], row: number, col: number): string => grid[row - 1]?.[col - 1] ?? '';

function mismatches(c: FileCase, only?: ReadonlySet<string>): Mismatch[] {
  const grid = csvOfCase(c.name);
  const expected = expectedLabels(c);
  const out: Mismatch[] = [];
  for (const { row, task } of layoutOf(c)) {
    if (only && !only.has(task.id)) continue;
    const libreOffice = cell(grid, row, TRACKER_COL.dueState);
    const domain = expected.get(task.id) ?? '(task missing from planRows)';
    if (libreOffice !== domain) out.push({ row, id: task.id, deadline: task.deadlineText, libreOffice, domain });
  }
  return out;
}

describe('"Tình trạng hạn" recalculated by LibreOffice equals the domain label', () => {
  for (const c of CASES.filter((x) => x.edits !== 'edge')) {
    it(c.name, () => {
      const grid = csvOfCase(c.name);
      const rows = layoutOf(c);
      expect(rows.length).toBeGreaterThan(10);
      // The sheet is the one laid out: headers, as-of date, one task per row.
      expect(grid[HEADER_ROW - 1]?.slice(0, TRACKER_COLUMNS.length)).toEqual(TRACKER_COLUMNS.map((col) => col.header));
      expect(cell(grid, 4, 3)).toBe(formatVn(day(c.asOf)));
      expect(cell(grid, 4, 5)).toBe(String(c.window ?? 14));
      expect(rows.map((r) => cell(grid, r.row, TRACKER_COL.id))).toEqual(rows.map((r) => r.task.id));
      // The typed inputs reached the sheet.
      const edits = editsOf(c);
      for (const r of rows) {
        const e = edits.get(r.task.id);
        expect(cell(grid, r.row, TRACKER_COL.status), `status of ${r.task.id}`).toBe(e?.status ?? '');
        expect(cell(grid, r.row, TRACKER_COL.completion), `completion of ${r.task.id}`).toBe(e?.completion != null ? formatVn(e.completion) : '');
        expect(cell(grid, r.row, TRACKER_COL.note), `note of ${r.task.id}`).toBe(e?.note ?? '');
      }
      expect(mismatches(c)).toEqual([]);
      // No other row carries a state (headings stay empty in that column).
      const taskRows = new Set(rows.map((r) => r.row));
      const stray = grid
        .map((cells, i) => ({ row: i + 1, text: cells[TRACKER_COL.dueState - 1] ?? '' }))
        .filter((x) => x.row > HEADER_ROW && x.text !== '' && !taskRows.has(x.row));
      expect(stray).toEqual([]);
    });
  }

  it('the edited files reach every state', () => {
    const states = new Set<string>();
    for (const c of CASES.filter((x) => x.edits === 'recipes' || x.refreshOf !== undefined)) {
      const grid = csvOfCase(c.name);
      for (const { row } of layoutOf(c)) states.add(cell(grid, row, TRACKER_COL.dueState).replace(/\d+/, 'n'));
    }
    expect([...states].sort()).toEqual(
      [
        'Chưa đến kỳ', 'Hoàn thành quá hạn', 'Hoàn thành đúng hạn', 'Không áp dụng', 'Quá hạn (n ngày)',
        'Sắp đến hạn (còn n ngày)', 'Thường xuyên', 'Trong hạn',
      ].sort(),
    );
  });

  it('"Mốc năm" recalculated by LibreOffice equals the domain milestone (multi-year rows only, blank elsewhere)', () => {
    const wrong: string[] = [];
    let dated = 0;
    for (const c of CASES) {
      const grid = csvOfCase(c.name);
      expect(grid[HEADER_ROW - 1]?.[TRACKER_COL.milestone - 1]).toBe('Mốc năm (nhiệm vụ nhiều năm)');
      const settings = { asOf: day(c.asOf), window: c.window ?? 14, inclusiveBefore: c.inclusive === true };
      const byId = new Map(planRows(pack, settings, agencyOf(c.agency)).map((r) => [r.task.id, r.due?.milestone]));
      for (const { row, task } of layoutOf(c)) {
        const m = byId.get(task.id);
        const want = m ? formatVn(m.date) : '';
        const got = cell(grid, row, TRACKER_COL.milestone);
        if (m) dated++;
        if (got !== want) wrong.push(`${c.name} ${task.id}: LibreOffice ${got}, domain ${want}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(dated).toBeGreaterThanOrEqual(CASES.length);
  });

  it('no cell shows a formula error', () => {
    const errors: string[] = [];
    for (const c of CASES) {
      csvOfCase(c.name).forEach((cells, r) =>
        cells.forEach((text, col) => {
          if (/^(#VALUE!|#NAME\?|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d+|###)/.test(text.trim())) {
            errors.push(`${c.name} row ${r + 1} col ${col + 1}: ${text}`);
          }
        }),
      );
    }
    expect(errors).toEqual([]);
  });
});

describe('edge inputs', () => {
  const edge = CASES.find((c) => c.edits === 'edge');
  if (!edge) throw new Error('no edge case');

  it('a status in capitals counts as "Hoàn thành" in both', () => {
    expect(mismatches(edge, new Set(['16a']))).toEqual([]);
    expect(cell(csvOfCase(edge.name), layoutOf(edge).find((r) => r.task.id === '16a')?.row ?? 0, TRACKER_COL.dueState)).toBe(
      'Hoàn thành đúng hạn',
    );
  });

  // Both sides read a reason of only a tab, no-break space or line break as no reason (CLEAN, UNICHAR(160), TRIM),
  // and a completion date with a time of day as its calendar day.
  it('"Không thực hiện" with a reason of only a tab, no-break space or line break', () => {
    expect(mismatches(edge, new Set(['2', '3', '4']))).toEqual([]);
  });

  it('completion with a time of day on the due date', () => {
    expect(mismatches(edge, new Set(['1']))).toEqual([]);
  });

  it('the sheet and the code agree on every edge input', () => {
    expect(mismatches(edge).map((m) => ({ id: m.id, libreOffice: m.libreOffice, domain: m.domain }))).toEqual([]);
    // The edge rows exercise both outcomes: a whitespace-only reason is no reason; a time of day is ignored.
    const grid = csvOfCase(edge.name);
    const labelOf = (id: string) => cell(grid, layoutOf(edge).find((r) => r.task.id === id)?.row ?? 0, TRACKER_COL.dueState);
    expect(labelOf('1')).toBe('Hoàn thành đúng hạn');
    expect(labelOf('2')).not.toBe('Không áp dụng');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// PDF

const DPI = 96;
const A4 = { long: 841.89, short: 595.28 };
const OVERDUE_FILL = STATE_COLOURS.overdue?.fill ?? '#FDE7E9';
const NOT_OPEN_FILL = STATE_COLOURS['not-open']?.fill ?? '#F0F0F0';
const TOLERANCE = 4;

async function renderFirstPage(name: string): Promise<string> {
  const pdf = pdfOf.get(name);
  if (!pdf) throw new Error(`no PDF for ${name}`);
  await mkdir(RESULTS_DIR, { recursive: true });
  await copyFile(pdf, path.join(RESULTS_DIR, `tracker-${name}.pdf`));
  return pdfPageToPng(pdf, path.join(RESULTS_DIR, `tracker-${name}-p1`), { dpi: DPI, page: 1 });
}

describe('the tracker printed to PDF by LibreOffice', () => {
  it('is A4 landscape on every page', async () => {
    for (const name of [PDF_OVERDUE, PDF_CLEAN]) {
      const pdf = pdfOf.get(name) ?? '';
      const boxes = pdfMediaBoxes(await readFile(pdf));
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) {
        expect(box.width).toBeCloseTo(A4.long, 0);
        expect(box.height).toBeCloseTo(A4.short, 0);
      }
      const info = await pdfInfo(pdf);
      if (info) {
        expect(info.size.width).toBeCloseTo(A4.long, 0);
        expect(info.size.height).toBeCloseTo(A4.short, 0);
        expect(info.pages).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it(`paints overdue rows ${OVERDUE_FILL} (${PDF_OVERDUE})`, async () => {
    const overdueRows = [...expectedLabels(CASES.find((c) => c.name === PDF_OVERDUE) ?? CASES[0]!).values()].filter((l) =>
      l.startsWith('Quá hạn'),
    );
    expect(overdueRows.length).toBeGreaterThanOrEqual(3);
    const image = await readPng(await renderFirstPage(PDF_OVERDUE));
    expect(image.width).toBeGreaterThan(image.height);
    const pink = matchColour(image, OVERDUE_FILL, TOLERANCE);
    expect(pink.count).toBeGreaterThan(5_000);
    // Whole rows are filled: several separate bands, each across most of the table's width.
    const rowBands = bands(pink, image.width * 0.3);
    expect(rowBands.length).toBeGreaterThanOrEqual(2);
    for (const b of rowBands) expect(b.widest).toBeGreaterThan(image.width * 0.6);
  });

  it(`paints nothing ${OVERDUE_FILL} when nothing is overdue (${PDF_CLEAN})`, async () => {
    const labels = [...expectedLabels(CASES.find((c) => c.name === PDF_CLEAN) ?? CASES[0]!).values()];
    expect(labels.filter((l) => l.startsWith('Quá hạn'))).toEqual([]);
    const image = await readPng(await renderFirstPage(PDF_CLEAN));
    expect(matchColour(image, OVERDUE_FILL, TOLERANCE).count).toBe(0);
    // The conditional formatting is rendered at all: the not-yet-open rows are grey.
    expect(bands(matchColour(image, NOT_OPEN_FILL, TOLERANCE), image.width * 0.3).length).toBeGreaterThanOrEqual(1);
  });
});
