/** What a plan import reports, in the user's language, each finding naming its row. */
import { t, type Lang } from './i18n';
import type { FindingSeverity, ImportFinding } from './plan-import';
import type { RowRef } from './plan-import-table';

export function whereText(lang: Lang, where: RowRef): string {
  if (where.paragraph !== undefined) return t(lang, 'planImport.where.paragraph', { paragraph: where.paragraph });
  return where.table !== undefined ? t(lang, 'planImport.where.table', { table: where.table, row: where.row }) : t(lang, 'planImport.where.row', { row: where.row });
}

export function findingMessage(lang: Lang, f: ImportFinding): string {
  switch (f.code) {
    case 'no-header':
    case 'no-tasks':
    case 'no-year':
      return t(lang, `planImport.finding.${f.code}`);
    case 'no-plan-sheet':
      return t(lang, 'planImport.finding.no-plan-sheet', { sheets: f.sheets.map((s) => `"${s}"`).join(', ') });
    case 'year-differs':
      return t(lang, 'planImport.finding.year-differs', { given: f.given, found: f.found });
    case 'invalid-pack':
      return t(lang, 'planImport.finding.invalid-pack', { detail: f.detail });
    case 'duplicate-id':
    case 'missing-content':
    case 'missing-tt':
    case 'missing-lead':
    case 'applies-to-no-one':
    case 'led-by-no-one':
      return t(lang, `planImport.finding.${f.code}`, { where: whereText(lang, f.where), id: f.id });
    case 'deadline-unreadable':
    case 'deadline-before-year':
      return t(lang, `planImport.finding.${f.code}`, { where: whereText(lang, f.where), id: f.id, text: f.text });
    case 'body-unmatched':
      return t(lang, 'planImport.finding.body-unmatched', {
        where: whereText(lang, f.where), id: f.id, column: t(lang, `planImport.column.${f.column}`), text: f.text,
      });
    case 'body-not-in-roster':
      return t(lang, 'planImport.finding.body-not-in-roster', { where: whereText(lang, f.where), id: f.id, text: f.text, body: f.body });
  }
}

export function severityLabel(lang: Lang, s: FindingSeverity): string {
  return s === 'notice' ? t(lang, 'planImport.severity.notice') : t(lang, s === 'error' ? 'cli.severity.error' : 'cli.severity.warning');
}
