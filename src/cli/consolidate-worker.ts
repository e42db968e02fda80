/**
 * A worker thread of `vtlt consolidate` (lib/consolidate-worker.cjs): reads, checks and reduces the files it is sent,
 * one at a time, exactly as the main thread would (readOne with the request built by readingRequest), and posts each
 * outcome back with the file's index. A failure nobody foresaw sets that file aside as damaged, never the batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readingContext } from '../app/consolidate';
import { readOne, type ReadOutcome } from '../app/consolidate-read';
import { readingRequest, type ConsolidateIntoRequest } from '../app/consolidate-into';
import { t } from '../domain/i18n';
import { defaultPlanPack } from '../packs';
import { defaultFormPack } from '../packs/forms';
import { inputFile, knownPacks, openGuarded } from './consolidate-reading';
import type { ReadJob, ReadDone, WorkerSetup } from './read-pool';

const setup = workerData as WorkerSetup;
const { lang } = setup;
const planPack = defaultPlanPack();
const formPack = defaultFormPack();
/** The reason the file being read could not be read or opened (one file at a time, so one slot). */
let failure: string | undefined;
const request: ConsolidateIntoRequest = {
  files: [],
  planPack,
  formPack,
  knownPacks: knownPacks(planPack, formPack),
  defaultRoster: setup.roster,
  asOf: setup.asOf,
  inclusiveBefore: setup.inclusiveBefore,
  window: setup.window,
  admitWarnings: setup.admitWarnings,
  lang,
  open: (bytes) => openGuarded(bytes, lang, (reason) => (failure = reason)),
};
const ctx = readingContext(readingRequest(request, { roster: setup.roster, year: setup.year }));

async function readJob(job: ReadJob): Promise<ReadDone> {
  failure = undefined;
  let outcome: ReadOutcome;
  try {
    outcome = await readOne(await inputFile(job.file, lang, (reason) => (failure = reason)), ctx);
  } catch {
    const reason = t(lang, 'cli.file.damaged');
    failure = reason;
    outcome = { ok: false, rejected: { file: job.file, reasons: [reason], issues: [] } };
  }
  return { index: job.index, outcome, ...(failure !== undefined ? { failure } : {}) };
}

// Jobs are read one after another, in the order they came.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: ReadJob) => {
  queue = queue.then(async () => parentPort?.postMessage(await readJob(job)));
});
