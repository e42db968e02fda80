/**
 * The Vietnamese messages of the pane's tools: validation findings, report forms, agency files, and the tools views'
 * own (pane-tools-vi.ts). Added to the catalog by the chunks that show them (the tools, consolidation), so the pane's
 * first load does without them. English ones come with en.ts; the command line and the tests load everything with
 * all.ts.
 */
import { addMessages } from './index';
import { filesVi } from './files-vi';
import { formsVi } from './forms-vi';
import { paneToolsVi } from './pane-tools-vi';
import { validationVi } from './validation-vi';

export function useToolMessages(): void {
  addMessages('vi', { ...validationVi, ...formsVi, ...filesVi, ...paneToolsVi });
}
