import type { ReportCatalog } from './report-vi';

/** English messages of `vtlt report`. The documents themselves are Vietnamese official documents. */
export const reportEn: ReportCatalog = {
  'report.what.agency': "the agency's report (task 16b)",
  'report.what.province': "Sở Nội vụ's report (duty III.2.i)",
  'report.what.reminder': 'the reminder letter to the agencies that have not reported',
  'report.written': (p) => `Drafted ${p.what}: ${p.file}`,
  'report.blanks':
    'The dotted blanks "…" (number, date of issue, signer, next year\'s priorities, proposals) are for the person in charge to decide and fill in before signing.',
  'report.reminderCounts': (p) => `Addressed to ${p.missing} agencies that have not reported; ${p.late} late senders named.`,
  'report.noTracker': (p) =>
    `"${p.file}" has no "${p.sheet}" sheet (the task tracker). Insert it with "vtlt tracker", fill it in, then draft the report again.`,
  'report.noAgency': (p) =>
    `Cannot tell which agency "${p.file}" belongs to (no identity stamp, no "Đơn vị: …" line on the tracker). Recreate the tracker with "vtlt tracker --agency CODE".`,
  'report.notConsolidation': (p) =>
    `"${p.file}" is not a consolidation workbook: it has no "${p.sheet}" sheet with the columns "Mã đơn vị", "Tên đơn vị", "Tình trạng". Make one with "vtlt consolidate", then draft again.`,
  'report.nobodyToRemind': (p) => `According to "${p.file}", every agency reported on time: no reminder letter is needed.`,
  'report.outNotDocx': (p) => `The output file "${p.file}" must end in .docx.`,
  'report.needWorkbook': (p) => `Give exactly one workbook (.xlsx), e.g.: vtlt report ${p.kind} BOOK.xlsx --out DOCUMENT.docx`,
  'report.unknownKind': (p) =>
    `There is no document kind "${p.kind}". Choose: agency (an agency's report), province (Sở Nội vụ's report), reminder (reminder letter).`,
};
