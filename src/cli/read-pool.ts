/**
 * Reading the returned files in worker threads, several at once (both cores of a small machine): files are handed out
 * a few at a time to each worker, and the outcomes are given back in the files' order, never more than a few ahead
 * of the consumer, so memory stays flat whatever the number of files.
 */
import { Worker } from 'node:worker_threads';
import type { FilesReader, InputFile } from '../app/consolidate';
import type { ReadOutcome } from '../app/consolidate-read';
import type { ReadingDecided } from '../app/consolidate-into';
import type { Day } from '../domain/calendar';
import type { Lang } from '../domain/i18n';
import type { PlanPack } from '../domain/plan-pack';
import type { Roster } from '../domain/roster';

/** What every worker is started with (plain data: it is copied to the thread). */
export interface WorkerSetup {
  readonly lang: Lang;
  readonly asOf: Day;
  readonly inclusiveBefore: boolean;
  readonly window: number;
  readonly admitWarnings: boolean;
  readonly roster: Roster;
  readonly year: number;
}

export interface ReadJob {
  readonly index: number;
  readonly file: string;
}

export interface ReadDone {
  readonly index: number;
  readonly outcome: ReadOutcome;
  /** Why the file could not be read or opened, when so (it is then also listed as unreadable). */
  readonly failure?: string;
}

export interface PoolOptions {
  /** The worker's script (lib/consolidate-worker.cjs beside the vtlt bundle). */
  readonly script: string;
  readonly workers: number;
  readonly setup: Omit<WorkerSetup, 'roster' | 'year'>;
  readonly planPack: PlanPack;
  /** Told of each file that could not be read or opened, in the files' order. */
  readonly onFailure: (file: string, reason: string) => void;
}

/** Files each worker holds at once: one being read, one waiting, so a worker never idles between two. */
const PER_WORKER = 2;

interface Pending {
  readonly promise: Promise<ReadDone>;
  resolve(done: ReadDone): void;
  reject(e: unknown): void;
}

function pending(): Pending {
  let resolve!: (done: ReadDone) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<ReadDone>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A worker's failure may reject an outcome nobody awaits yet: it is awaited (and thrown) in its turn.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** A FilesReader over worker threads, for the roster and year consolidation decided. */
export function workerFilesReader(o: PoolOptions): (decided: ReadingDecided) => FilesReader {
  return (decided) => (files) => readInWorkers(files, decided, o);
}

async function* readInWorkers(files: readonly InputFile[], decided: ReadingDecided, o: PoolOptions): AsyncGenerator<ReadOutcome> {
  const setup: WorkerSetup = { ...o.setup, roster: decided.roster, year: decided.year };
  const count = Math.max(1, Math.min(o.workers, files.length));
  const results = new Map<number, Pending>();
  let fatal: unknown = null;
  const slot = (i: number): Pending => {
    let p = results.get(i);
    if (!p) {
      p = pending();
      if (fatal !== null) p.reject(fatal);
      results.set(i, p);
    }
    return p;
  };
  const fail = (e: unknown): void => {
    fatal ??= e;
    for (const p of results.values()) p.reject(fatal);
  };
  let sent = 0;
  let taken = 0;
  const held: number[] = [];
  const workers = Array.from({ length: count }, (_, w) => {
    const worker = new Worker(o.script, { workerData: setup });
    held[w] = 0;
    worker.on('message', (done: ReadDone) => {
      held[w]!--;
      slot(done.index).resolve(done);
      pump();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (taken < files.length) fail(new Error(`a reading worker stopped (exit code ${code})`));
    });
    return worker;
  });
  /** Hands out files while some worker has room and the outcomes waiting stay few. */
  function pump(): void {
    while (sent < files.length && sent - taken < count * PER_WORKER * 2) {
      const w = held.indexOf(Math.min(...held));
      if (held[w]! >= PER_WORKER) return;
      held[w]!++;
      const job: ReadJob = { index: sent, file: files[sent]!.name };
      sent++;
      workers[w]!.postMessage(job);
    }
  }
  const entries = new Map(decided.roster.entries.map((e) => [e.code.toUpperCase(), e]));
  const tasks = new Map(o.planPack.tasks.map((t) => [t.id, t]));
  try {
    pump();
    for (let i = 0; i < files.length; i++) {
      const done = await slot(i).promise;
      results.delete(i);
      taken++;
      pump();
      if (done.failure !== undefined) o.onFailure(files[i]!.name, done.failure);
      yield shareCommon(done.outcome, entries, tasks);
    }
  } finally {
    taken = files.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * An outcome as the main thread holds it: its agency is the roster's entry and its tasks the plan's, not copies made
 * for each file on the way from the worker (a thousand files would otherwise hold a thousand copies of the plan).
 */
function shareCommon(outcome: ReadOutcome, entries: ReadonlyMap<string, Roster['entries'][number]>, tasks: ReadonlyMap<string, PlanPack['tasks'][number]>): ReadOutcome {
  if (!outcome.ok) return outcome;
  const f = outcome.file;
  const agency = entries.get(f.agency.code.toUpperCase()) ?? f.agency;
  return { ok: true, file: { ...f, agency, tasks: f.tasks.map((r) => ({ ...r, task: tasks.get(r.task.id) ?? r.task })) } };
}
