/**
 * The consolidation engine, loaded on first use, in a chunk of its own (dynamic import): the pane opens without it and
 * a user who never consolidates never downloads it. Agency workbooks are read with the fast values reader, inflated
 * by the browser's DecompressionStream (the same reader as the CLI's); ExcelJS, far larger than the rest of the pane,
 * is loaded only for a rare 1904-date workbook (or a browser that cannot inflate), in a chunk of its own again.
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
    import(/* webpackChunkName: "consolidation" */ '../hosts/xlsx/open-read'),
    import(/* webpackChunkName: "consolidation" */ '../domain/i18n/tool-messages'),
  ]);
  messages.useToolMessages();
  return {
    run: (port, request) =>
      core.consolidateIntoWorkbook(port, {
        ...request,
        open: async (bytes) => openResult(await files.openForReadingAnywhere(bytes, undefined, request.lang)),
      }),
  };
}

/** What the file host's openForReadingAnywhere gives (described here: the pane must not load it at start-up). */
type Opened =
  | { readonly ok: true; readonly port: WorkbookPort; readonly savedAt?: string }
  | { readonly ok: false; readonly reason: string };

/** An opened workbook as consolidation takes it, with when it was last saved (dcterms:modified), when recorded. */
export function openResult(opened: Opened): OpenResult {
  if (!opened.ok) return { ok: false, reason: opened.reason };
  return { ok: true, port: opened.port, ...(opened.savedAt !== undefined ? { savedAt: opened.savedAt } : {}) };
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
