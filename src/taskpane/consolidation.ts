/**
 * The consolidation engine, loaded on first use. Reading agency workbooks needs the file host and ExcelJS, far larger
 * than the rest of the pane together; they come in a chunk of their own (dynamic import), so the pane opens without
 * them and a user who never consolidates never downloads them.
 */
import type { ConsolidateIntoRequest, ConsolidationSummary } from '../app/consolidate-into';
import type { WorkbookPort } from '../app/workbook-port';

export type ConsolidationRun = Omit<ConsolidateIntoRequest, 'open'>;

export interface ConsolidationEngine {
  run(port: WorkbookPort, request: ConsolidationRun): Promise<ConsolidationSummary>;
}

export async function loadConsolidationEngine(): Promise<ConsolidationEngine> {
  const [core, files] = await Promise.all([
    import(/* webpackChunkName: "consolidation" */ '../app/consolidate-into'),
    import(/* webpackChunkName: "consolidation" */ '../hosts/xlsx/open'),
  ]);
  return {
    run: (port, request) =>
      core.consolidateIntoWorkbook(port, {
        ...request,
        open: async (bytes) => {
          const opened = await files.openWorkbookBytes(bytes, undefined, request.lang);
          return opened.ok ? { ok: true, port: opened.workbook } : opened;
        },
      }),
  };
}

/** A picked file as the use case reads it: its bytes on demand, one file at a time. */
export function inputFile(file: Pick<File, 'name' | 'arrayBuffer'>): { name: string; read(): Promise<Uint8Array> } {
  return { name: file.name, read: async () => new Uint8Array(await file.arrayBuffer()) };
}
