/** English messages of the pane's plan choice (see plan-pane-vi.ts). */
import type { planPaneVi } from './plan-pane-vi';

type Widen<T> = T extends string ? string : T;

export const planPaneEn: { readonly [K in keyof typeof planPaneVi]: Widen<(typeof planPaneVi)[K]> } = {
  'pane.plan.line': (p) => `Plan: ${p.title} (year ${p.year}).`,
  'pane.plan.from': (p) => `Loaded from "${p.file}".`,
  'pane.plan.choose': 'Choose a plan (JSON)',
  'pane.plan.useDefault': 'Use the bundled plan',
  'pane.plan.loaded': (p) => `Loaded the plan from "${p.file}": ${p.count} tasks.`,
  'pane.plan.invalid': (p) => `"${p.file}" is not a valid plan (made with "vtlt plan import"), so it is not used. What to fix:`,
  'pane.plan.notJson': (p) => `"${p.file}" is not a JSON file. Choose a file made with "vtlt plan import".`,
  'pane.plan.unreadable': (p) => `The file "${p.file}" could not be read. Choose it again.`,
  'pane.plan.default': 'Back to the bundled plan.',
};
