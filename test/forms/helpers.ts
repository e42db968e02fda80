/** Shared helpers of the forms tests. */
import ExcelJS from 'exceljs';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { type Cell, type FormPack, cellKey } from '../../src/domain/form-pack';
import { loadFormPack } from '../../src/domain/form-pack-schema';
import { parseRange } from '../../src/workbook/a1';
import formsJson from '../../src/packs/forms-reference-2025.json';
import type { FileWorkbook } from '../../src/hosts/xlsx/file-workbook';

/** 2026-02-10 10:00 in Vietnam: the 2025 report is being prepared. */
export const NOW = Date.UTC(2026, 1, 10, 3, 0, 0);

export interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function cli(argv: readonly string[], lang: 'vi' | 'en' = 'vi'): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { lang, out: (t) => out.push(t), err: (t) => err.push(t), now: () => NOW };
  const code = await run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A deep copy of the bundled pack's JSON, to modify in a test. */
export function packJson(): Record<string, unknown> & { forms: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(formsJson)) as Record<string, unknown> & { forms: Record<string, unknown>[] };
}

export function mustLoad(data: unknown): FormPack {
  const loaded = loadFormPack(data);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.value;
}

export async function loadXlsx(file: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  return wb;
}

/** The cells a list of references ("D12:D17,F3") covers, as A1 addresses. */
export function expandRefs(refs: string): string[] {
  const out: string[] = [];
  for (const ref of refs.split(',')) {
    const r = parseRange(ref.trim());
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) out.push(`${String.fromCharCode(64 + col)}${row}`);
    }
  }
  return out;
}

/** The references inside SUM(…) of a total's formula. */
export function sumRefs(formula: string): string[] {
  const m = /SUM\(([^)]*)\)/.exec(formula);
  return m ? expandRefs(m[1] ?? '') : [];
}

export const key = (row: string, col: number): string => cellKey({ row, col } satisfies Cell);

/**
 * Everything each sheet holds (ExcelJS's model of it: name, visibility, protection, every cell's value and style,
 * columns, merges, validations, conditional formats, page setup) and the workbook's names: what "writes nothing" or
 * "leaves the workbook as it was" must keep equal. (Not the saved bytes: each save stamps its time, and their
 * compressed size is no measure of what they hold.)
 */
export function contents(file: FileWorkbook): string {
  return JSON.stringify([file.workbook.worksheets.map((sheet) => sheet.model), file.workbook.definedNames.model]);
}
