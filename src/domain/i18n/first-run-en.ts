/** English messages of the pane's first run (see first-run-vi.ts). */
import type { firstRunVi } from './first-run-vi';

type Widen<T> = T extends string ? string : T;

export const firstRunEn: { readonly [K in keyof typeof firstRunVi]: Widen<(typeof firstRunVi)[K]> } = {
  'pane.view.back': 'Back',
  'pane.start.heading': 'Getting started',
  'pane.start.intro': 'This workbook has no tracker, report forms or consolidated figures yet. Which is your work?',
  'pane.start.agency': 'Agency records clerk',
  'pane.start.agencyHint': 'Choose the agency, then insert the task tracker and the report forms in one step.',
  'pane.start.province': 'Sở Nội vụ (Department of Home Affairs)',
  'pane.start.provinceHint': 'Consolidate the reports the agencies send in.',
  'pane.start.skip': 'Skip',
  'pane.start.setUpIntro': (p) => `Choose your agency: the task tracker and the ${p.year} report forms are inserted into this workbook in one step.`,
  'pane.start.setUp': 'Insert the tracker and the report forms',
  'pane.start.busy': 'Inserting the tracker and the report forms…',
  'pane.start.formsCancelled': 'The report forms were not inserted (you chose "No"); the tracker was. Insert the forms in the "Report forms" tab when needed.',
};
