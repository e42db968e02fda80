/**
 * The consolidation engine, loaded on first use. Reading agency workbooks needs the file host and ExcelJS, far larger
 * than the rest of the pane together; they come in a chunk of their own (dynamic import), so the pane opens without
 * them and a user who never consolidates never downloads them.
 */
import type { InputFile, OpenResult } from '../app/consolidate';
import type { ConsolidateIntoRequest, ConsolidationSummary } from '../app/consolidate-into';
import type { WorkbookPort } from '../app/workbook-port';

export type ConsolidationRun = Omit<ConsolidateIntoRequest, 'open'>;

export interface ConsolidationEngine {
  run(port: WorkbookPort, request: ConsolidationRun): Promise<ConsolidationSummary>;
}

export async function loadConsolidationEngine(): Promise<ConsolidationEngine> {
  const [core, files, messages] = await Promise.all([
    import(/* webpackChunkName: "consolidation" */ '../app/consolidate-into'),
    import(/* webpackChunkName: "consolidation" */ '../hosts/xlsx/open'),
    import(/* webpackChunkName: "consolidation" */ '../domain/i18n/tool-messages'),
  ]);
  messages.useToolMessages();
  return {
    run: (port, request) =>
      core.consolidateIntoWorkbook(port, {
        ...request,
        open: async (bytes) => openResult(await files.openWorkbookBytes(bytes, undefined, request.lang)),
      }),
  };
}

/** What the file host's openWorkbookBytes gives (described here: the pane must not load that module at start-up). */
type Opened =
  | { readonly ok: true; readonly workbook: WorkbookPort; readonly savedAt?: string }
  | { readonly ok: false; readonly reason: string };

/** An opened workbook as consolidation takes it, with when it was last saved (dcterms:modified), when recorded. */
export function openResult(opened: Opened): OpenResult {
  if (!opened.ok) return { ok: false, reason: opened.reason };
  return { ok: true, port: opened.workbook, ...(opened.savedAt !== undefined ? { savedAt: opened.savedAt } : {}) };
}

/** A picked file as the use case reads it: its bytes on demand, one file at a time, and when it was last modified. */
export function inputFile(file: Pick<File, 'name' | 'arrayBuffer'> & Partial<Pick<File, 'lastModified'>>): InputFile {
  const modified = file.lastModified;
  return {
    name: file.name,
    ...(typeof modified === 'number' && Number.isFinite(modified) && modified > 0 ? { lastModified: modified } : {}),
    read: async () => new Uint8Array(await file.arrayBuffer()),
  };
}
