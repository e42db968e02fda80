/**
 * The views' parts that the first load does without, in the tools chunk (loaded just after the pane is shown, or at
 * the first click that needs it): every action but the tracker view's reading ones, the settings view and the first
 * run's view. The shell (app.ts) delegates to these actions once they are here.
 */
import '../tools.css';
import { addMessages } from '../../domain/i18n';
import { firstRunVi } from '../../domain/i18n/first-run-vi';
import type { Controller } from '../controller';
import { planActions } from '../plan-actions';
import { checkActions, formsActions } from '../tools-actions';
import { consolidateActions } from './consolidate-actions';
import { copyText } from './copy-text';
import { firstRunActions } from './first-run-actions';
import { settingsActions } from './settings-actions';
import type { ShellContext } from './shell-context';
import { trackerInsert } from './tracker-insert';

// The first run's Vietnamese messages come with this chunk (English ones with the English catalog).
addMessages('vi', firstRunVi);

export { showConfirm } from '../dialog';
export { documentsCard } from '../documents-card';
export { firstRunView } from './first-run-view';
export { settingsView } from './settings-view';

/** The controller's methods the shell itself implements (on the first load). */
export type ShellKeys = 'setLang' | 'showView' | 'leaveSettings' | 'firstRun' | 'pickAgency' | 'refresh' | 'select';
/** The rest: here. */
export type ViewActions = Omit<Controller, ShellKeys>;

/** `reread` reads the workbook's tracker again after the plan changed. */
export function viewActions(ctx: ShellContext, showView: Controller['showView'], reread: () => Promise<void>): ViewActions {
  return {
    ...trackerInsert(ctx),
    ...settingsActions(ctx),
    ...firstRunActions(ctx, showView),
    ...planActions(ctx, reread),
    ...formsActions(ctx),
    ...checkActions(ctx),
    ...consolidateActions(ctx),
    copyReminder: copyText,
  };
}
