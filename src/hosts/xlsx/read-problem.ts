/** What to tell the user about a workbook file that cannot be read: a damaged file, or a sheet over the limits. */
import { issueMessage, t, type Lang } from '../../domain/i18n';
import { issue } from '../../domain/validation/issue';
import type { FastProblem } from './fast-read';

/** The message of a read problem, naming the file when its name is known. */
export function describeProblem(problem: FastProblem, lang: Lang, file?: string): string {
  if (problem.kind === 'not-workbook') return t(lang, 'file.zipOther');
  const named = file === undefined ? {} : { file };
  if (problem.kind === 'sheet-too-large') {
    return issueMessage(lang, issue('error', 'sheet-too-large', problem.sheet, '', null, { ...named, sheet: problem.sheet, cells: problem.cells, limit: problem.limit }));
  }
  return issueMessage(lang, issue('error', 'file-damaged', '', '', null, { ...named, part: problem.part, damage: problem.damage }));
}
