/**
 * The view last used, remembered per workbook: kept in the document's add-in settings (Office.context.document.settings,
 * "saved per add-in and per document"), so a clerk's workbook opens on the tracker and Sở Nội vụ's on consolidation,
 * whoever opens it. Behind a small port: the tests give their own. A value not a tab is no memory; a failed save is
 * harmless (the pane then opens as if nothing were remembered).
 */
import { isTabView, type TabView } from '../route';

export interface ViewMemory {
  read(): TabView | null;
  write(view: TabView): void;
}

/** What the pane uses of Office.Settings. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: unknown) => void): void;
}

export const VIEW_SETTING = 'vtlt.view';

/** The memory kept in `settings()` (null outside Office or before it is ready: nothing remembered, nothing kept). */
export function settingsMemory(settings: () => DocumentSettings | null): ViewMemory {
  return {
    read() {
      try {
        const value = settings()?.get(VIEW_SETTING);
        return isTabView(value) ? value : null;
      } catch {
        return null;
      }
    },
    write(view) {
      try {
        const s = settings();
        if (!s || s.get(VIEW_SETTING) === view) return;
        s.set(VIEW_SETTING, view);
        s.saveAsync(() => undefined);
      } catch {
        // Not kept: the pane opens as it would without a memory.
      }
    },
  };
}
