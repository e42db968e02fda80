/**
 * The pane's tools beyond the tracker: the report forms (the bundled pack, reading a pack from a file, inserting),
 * the check of the workbook and highlighting its problem cells, and the page of these sections and of consolidation.
 * A chunk of its own, loaded just after the pane is shown (see app.ts), so the first load stays small.
 */
import { useToolMessages } from '../domain/i18n/tool-messages';

// The tools' Vietnamese messages (findings, forms, files) come with this chunk.
useToolMessages();

export { defaultFormPack } from '../packs/forms';
export { parseFormPackJson } from './pack-file';
export { describeUnplaced, insertForms } from '../app/insert-forms';
export { checkWorkbook } from '../app/check-workbook';
export { clearHighlight, highlightIssues } from '../app/highlight';
export { convertLegacyText, undoLegacyText } from '../app/legacy-text';
export { checkSection } from './check-section';
export { consolidateSection } from './consolidate-section';
export { formsSection } from './forms-section';
export { planSection } from './plan-section';
export { planActions } from './plan-actions';
export * as model from './tools-view-model';
