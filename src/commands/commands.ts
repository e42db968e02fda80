/**
 * Ribbon commands (FunctionFile commands.html). "Làm mới hạn" runs `refreshOverdue`: the tracker is re-inserted for
 * the workbook's stamped agency (entries kept; any question answered "no"), then the workbook is fully recalculated.
 * Whatever did not go as planned, a failure included, is told in a small Office dialog (this same page, opened with the
 * message in its address), and event.completed() is called on every path, once the message is closed: the function
 * file must stay loaded while its dialog is open.
 *
 * The same page, opened as that dialog, shows the message instead of registering the command.
 */
import { ExcelWorkbook } from '../hosts/excel/excel-workbook';
import { defaultPlanPack, defaultRoster } from '../packs';
import { displayLanguage } from '../taskpane/office-env';
import { chooseLang, loadSavedLang } from '../taskpane/prefs';
import { type NoticeDialog, type OpenDialog, readNotice, renderNotice, showNoticeDialog } from './notice';
import { handleRefreshCommand } from './refresh-overdue';
import { loadCatalog, t } from '../domain/i18n';

/** Office.context.ui.displayDialogAsync as a NoticeDialog; null outside Office. */
function officeDialogs(): OpenDialog | null {
  const ui = typeof Office === 'undefined' ? undefined : Office.context?.ui;
  if (!ui || typeof ui.displayDialogAsync !== 'function') return null;
  return (url, opened) => {
    // "Accepts the initial full HTTPS URL that opens in the dialog"; displayInIframe keeps it inside Office on the web.
    ui.displayDialogAsync(url, { height: 35, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return opened(null);
      const dialog = result.value;
      const notice: NoticeDialog = {
        close: () => dialog.close(),
        onMessage: (handler) => dialog.addEventHandler(Office.EventType.DialogMessageReceived, handler),
        onClosed: (handler) => dialog.addEventHandler(Office.EventType.DialogEventReceived, handler),
      };
      opened(notice);
    });
  };
}

function onRefreshOverdue(event?: Office.AddinCommands.Event): Promise<void> {
  const lang = () => chooseLang(loadSavedLang(), displayLanguage());
  const show = (title: string, text: string) =>
    showNoticeDialog(officeDialogs(), window.location.href, { title, text, close: t(lang(), 'pane.command.close') });
  // English messages are a chunk of their own; without them (offline) the Vietnamese ones are shown.
  const messages = loadCatalog(lang()).catch(() => undefined);
  return messages.then(() =>
    handleRefreshCommand(event, lang, show, () => {
      const port = new ExcelWorkbook();
      return { port, pack: defaultPlanPack(), roster: defaultRoster(), now: new Date(), recalculate: () => port.recalculate() };
    }),
  );
}

function register(): void {
  try {
    Office.actions.associate('refreshOverdue', onRefreshOverdue);
  } catch {
    // Older clients look the function up by name on the global object instead.
  }
  (globalThis as unknown as Record<string, unknown>)['refreshOverdue'] = onRefreshOverdue;
}

const notice = typeof window === 'undefined' ? null : readNotice(window.location.search);
if (notice !== null) {
  // Opened as the message dialog: show it; the button asks the command's page to close the dialog.
  renderNotice(document, notice, () => {
    try {
      Office.context.ui.messageParent('close');
    } catch {
      window.close();
    }
  });
  if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady().catch(() => undefined);
} else if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  // As in Microsoft's command template: Office.onReady first, then the association at load time so the ribbon finds
  // the function as soon as the file is loaded; associating again once Office is ready is harmless.
  void Office.onReady(() => register()).catch(() => undefined);
  register();
}
