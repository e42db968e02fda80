/** English messages of the pane's documents view (see documents-vi.ts). */
import type { documentsVi } from './documents-vi';

type Widen<T> = T extends string ? string : T;

export const documentsEn: { readonly [K in keyof typeof documentsVi]: Widen<(typeof documentsVi)[K]> } = {
  'documents.none': (p) =>
    `The open workbook has no "${p.tracker}" sheet (an agency's workbook) nor "${p.submissions}" (a consolidation). Insert the tracker, or consolidate the agencies' files, then choose "Read the workbook to draft".`,
  'documents.kind.agency': "The agency's report (16b)",
  'documents.kind.province': "The department's province report (III.2.i)",
  'documents.kind.reminder': 'Reminder letter',
  'documents.drafting': 'Drafting the document…',
  'documents.downloaded': (p) => `"${p.file}" was downloaded. Open it in Word, fill in the blanks (…) and have it signed.`,
  'documents.showText': 'No file? Show the text to copy',
  'documents.blockedHost': 'Excel on Mac and iPad does not let add-ins download files. Choose "Copy" and paste into a new Word document.',
  'documents.blocked': 'This Excel does not allow downloading the file. Choose "Copy" and paste into a new Word document.',
  'documents.tables': 'Tables are pasted as lines separated by tabs: select them, then Insert › Table › Convert Text to Table.',
  'documents.text': (p) => `Text: ${p.what}`,
  'documents.copied': 'Copied. Paste it into Word (Ctrl+V).',
  'documents.noTracker': (p) => `The open workbook has no "${p.sheet}" sheet: insert the tracker (section 1), then draft again.`,
  'documents.noAgency': 'The workbook does not say which agency it belongs to: insert the tracker again with the right agency, then draft again.',
  'documents.notConsolidation': (p) => `The open workbook has no "${p.sheet}" sheet: consolidate the agencies' files (Consolidation), then draft again.`,
  'documents.nobodyToRemind': 'Every agency reported on time: nobody needs a reminder.',
};
