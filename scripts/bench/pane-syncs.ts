/**
 * The pane's consolidation of the bench's files, in this process, into the project's Excel fake (test/fakes, which
 * refuses what Excel refuses), by the pane's own consolidation engine: the files read as the pane reads them (the fast
 * reader inflating with DecompressionStream), written through ExcelWorkbook as on Excel on the web (its 5 MB request
 * limit, the host's 4 MB budget per request) or on the desktop (no request limit, one request). Measured:
 * `context.sync()` calls per consolidation, and the biggest request sent.
 */
import { readFileSync } from 'node:fs';
import { mustDay } from '../../src/domain/calendar';
import type { RosterEntry } from '../../src/domain/roster';
import { ExcelWorkbook } from '../../src/hosts/excel/excel-workbook';
import { ALL_FEATURES } from '../../src/hosts/excel/features';
import { DEFAULT_REQUEST_BUDGET } from '../../src/hosts/excel/payload';
import { defaultPlanPack, defaultRoster } from '../../src/packs';
import { defaultFormPack } from '../../src/packs/forms';
import { loadConsolidationEngine } from '../../src/taskpane/consolidation';
import { FakeExcel } from '../../test/fakes/excel-fake';

export type Platform = 'web' | 'desktop';

export interface PaneRun {
  readonly platform: Platform;
  readonly files: number;
  readonly accepted: number;
  readonly syncs: number;
  readonly biggestRequestMb: number;
  readonly wallMs: number;
}

export async function paneConsolidation(files: readonly string[], agencies: readonly RosterEntry[], platform: Platform): Promise<PaneRun> {
  const web = platform === 'web';
  const excel = new FakeExcel(web ? {} : { payloadLimit: Number.POSITIVE_INFINITY });
  const requestBudget = web ? DEFAULT_REQUEST_BUDGET : Number.POSITIVE_INFINITY;
  const workbook = new ExcelWorkbook((batch) => excel.run(batch), { features: ALL_FEATURES, requestBudget });
  const planPack = defaultPlanPack();
  const formPack = defaultFormPack();
  const engine = await loadConsolidationEngine();
  const t0 = performance.now();
  const summary = await engine.run(workbook, {
    files: files.map((name) => ({ name, read: async () => new Uint8Array(readFileSync(name)) })),
    roster: { ...defaultRoster(), entries: [...agencies] },
    planPack,
    formPack,
    knownPacks: new Map([[planPack.id, [planPack.version]], [formPack.id, [formPack.version]]]),
    defaultRoster: defaultRoster(),
    asOf: mustDay(2026, 11, 23),
    lang: 'vi',
  });
  const wallMs = performance.now() - t0;
  const biggest = excel.requests.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  return { platform, files: files.length, accepted: summary.submitted.length, syncs: excel.syncCount, biggestRequestMb: biggest / 1024 / 1024, wallMs };
}
