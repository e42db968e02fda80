/**
 * `vtlt validate FILE.xlsx --fix-legacy --out NEW.xlsx`: the pane's "Chuyển sang Unicode" for a file on disk. The
 * cells the pane's check finds typed in TCVN3/VNI are converted with the same use case (legacy-text.ts) and written to
 * a new file, the input left as it was; the old text is kept in the very hidden sheet, so "Hoàn tác chuyển Unicode" in
 * the pane gives it back once the new file is opened in Excel.
 */
import path from 'node:path';
import { convertLegacyText, legacyCellIssues, type LeftCell, type LegacyResult } from '../app/legacy-text';
import { sheetsToRead, validateSnapshot, type ValidateOptions } from '../app/validate-workbook';
import { t, type Lang } from '../domain/i18n';
import { fileCellText } from '../hosts/xlsx/cell-text';
import type { Grid } from '../workbook/grid';
import { UsageError, type ParsedArgs } from './args';
import { openWorkbookFile, requireXlsxName, saveWorkbookFile } from './files';
import type { CliIo } from './io';

/** The one input and the output of --fix-legacy, or a UsageError saying what is missing. */
export function fixLegacyTarget(args: ParsedArgs, lang: Lang): { readonly file: string; readonly out: string } | null {
  const out = args.values.get('out');
  if (!args.flags.has('fix-legacy')) {
    if (out !== undefined) throw new UsageError(t(lang, 'cli.fixLegacy.outWithoutFix'));
    return null;
  }
  if (out === undefined) throw new UsageError(t(lang, 'cli.missingValue', { option: '--out' }));
  const [file, ...more] = args.positional;
  if (file === undefined || more.length > 0) throw new UsageError(t(lang, 'cli.fixLegacy.oneFile'));
  requireXlsxName(out, lang);
  if (path.resolve(out) === path.resolve(file)) throw new UsageError(t(lang, 'cli.fixLegacy.sameFile', { file }));
  return { file, out };
}

const CELLS_SHOWN = 20;
const LEFT_KEYS = { changed: 'pane.legacy.leftChanged', protected: 'pane.legacy.leftProtected', missing: 'pane.legacy.leftMissing' } as const;

function leftLines(left: readonly LeftCell[], lang: Lang): string[] {
  const lines: string[] = [];
  for (const reason of ['changed', 'protected', 'missing'] as const) {
    const cells = left.filter((l) => l.reason === reason);
    if (cells.length === 0) continue;
    const named = cells.slice(0, CELLS_SHOWN).map((c) => `${c.sheet}!${c.cell}`);
    lines.push(t(lang, LEFT_KEYS[reason], { count: cells.length, cells: cells.length > CELLS_SHOWN ? `${named.join(', ')}, …` : named.join(', ') }));
  }
  return lines;
}

/**
 * Converts the legacy cells of `file` into `out` (nothing is written when there is none); says what it did on stdout,
 * or on stderr when stdout carries the JSON report, and the cells left alone on stderr.
 */
export async function fixLegacyFile(target: { readonly file: string; readonly out: string }, options: ValidateOptions, io: CliIo, json = false): Promise<LegacyResult> {
  const { lang } = io;
  const wb = await openWorkbookFile(target.file, lang);
  const names = sheetsToRead(options);
  const snapshot = await wb.read(names);
  const rules = validateSnapshot(snapshot, options);
  const grids = names.map((n) => snapshot.grids.get(n) ?? null).filter((g): g is Grid => g !== null);
  const result = await convertLegacyText(fileCellText(wb), [...rules.issues, ...legacyCellIssues(grids, rules.issues)]);
  const say = (text: string) => (json ? io.err(text) : io.out(text));
  if (result.changed > 0) {
    await saveWorkbookFile(wb, target.out, lang, new Date(io.now()));
    say(t(lang, 'cli.fixLegacy.done', { count: result.changed, out: target.out }));
  } else {
    say(t(lang, 'cli.fixLegacy.nothing', { file: target.file }));
  }
  const left = leftLines(result.left, lang);
  if (left.length > 0) io.err(left.join('\n'));
  return result;
}
