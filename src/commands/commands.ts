/**
 * Ribbon commands (FunctionFile commands.html). "Làm mới hạn" runs `refreshOverdue`: the tracker is re-inserted for
 * the workbook's stamped agency (entries kept; any question answered "no"), then the workbook is fully recalculated.
 * A function command has no UI of its own: failures are swallowed after making sure nothing was half-written by us
 * (the use case writes in one step, after all its checks), and event.completed() is always called.
 */
import { ExcelWorkbook } from '../hosts/excel/excel-workbook';
import { defaultPlanPack, defaultRoster } from '../packs';
import { refreshOverdue } from './refresh-overdue';

async function onRefreshOverdue(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    const port = new ExcelWorkbook();
    await refreshOverdue({
      port,
      pack: defaultPlanPack(),
      roster: defaultRoster(),
      now: new Date(),
      recalculate: () => port.recalculate(),
    });
  } catch {
    // Nothing to show from a ribbon button; the workbook keeps what it had.
  } finally {
    event?.completed();
  }
}

function register(): void {
  try {
    Office.actions.associate('refreshOverdue', onRefreshOverdue);
  } catch {
    // Older clients look the function up by name on the global object instead.
  }
  (globalThis as unknown as Record<string, unknown>)['refreshOverdue'] = onRefreshOverdue;
}

// As in Microsoft's command template: Office.onReady first, then the association at load time so the ribbon finds
// the function as soon as the file is loaded; associating again once Office is ready is harmless.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => register()).catch(() => undefined);
  register();
}
