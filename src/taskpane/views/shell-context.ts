/** What the views' actions need of the shell (app.ts): the tools' context, plus reading the workbook's tracker again. */
import type { ActionContext } from '../tools-actions';

export interface ShellContext extends ActionContext {
  /** Reads the workbook's tracker (and its stamp) with the plan in use. */
  loadSummary(): Promise<void>;
}
