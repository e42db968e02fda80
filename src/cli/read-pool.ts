/**
 * Reading the returned files in worker threads and the main thread at once (both cores of a small machine): files are
 * handed out a few at a time, and the outcomes are given back in the files' order, never more than a few ahead of the
 * consumer, so memory stays flat whatever the number of files.
 */
import { Worker } from 'node:worker_threads';
import type { FilesReader, InputFile } from '../app/consolidate';
import type { ReadOutcome } from '../app/consolidate-read';
import type { ReadingDecided } from '../app/consolidate-into';
import { FileReading, type ReadDone, type ReadingSetup, type StartedRead } from './consolidate-reading';

export interface ReadJob {
  readonly index: number;
  readonly file: string;
}

export interface PoolOptions {
  /** The worker's script (lib/consolidate-worker.cjs beside the vtlt bundle). */
  readonly script: string;
  /** Worker threads to start. */
  readonly workers: number;
  /**
   * Whether the main thread reads files too while it waits for the workers' (one thread fewer to hold in memory, but
   * the main thread's heap then grows with the files read); otherwise it reads only a file no worker has claimed.
   */
  readonly mainReads: boolean;
  readonly setup: Omit<ReadingSetup, 'roster' | 'year'>;
  /** Told of each file that could not be read or opened, in the files' order. */
  readonly onFailure: (file: string, reason: string) => void;
}

/** Lets the event loop run (the workers' outcomes are handed over, new files handed out) before going on. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Files each worker holds at once: one being read, the others waiting, so a worker never idles between two while the
 * main thread, reading a file of its own, has not yet come back to hand it more (a file takes it a few milliseconds).
 */
const PER_WORKER = 4;

/**
 * A worker's space for new objects (MB). A file's reading makes objects that die with it, so a small space costs no
 * time and keeps the thread's memory flat (V8 would otherwise let it grow to several times this).
 */
const WORKER_YOUNG_MB = 8;

interface Pending {
  readonly promise: Promise<ReadDone>;
  settled: boolean;
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
  const p: Pending = {
    promise,
    settled: false,
    resolve: (done) => {
      p.settled = true;
      resolve(done);
    },
    reject: (e) => {
      p.settled = true;
      reject(e);
    },
  };
  return p;
}

/** A FilesReader over worker threads and the main thread, for the roster and year consolidation decided. */
export function workerFilesReader(o: PoolOptions): (decided: ReadingDecided) => FilesReader {
  return (decided) => (files) => readInWorkers(files, decided, o);
}

/**
 * Files are claimed in order: by a worker with room, or by the main thread when the outcome it waits for is not there
 * yet (it reads the next unclaimed file meanwhile) — both cores busy, with one thread fewer to hold in memory.
 */
async function* readInWorkers(files: readonly InputFile[], decided: ReadingDecided, o: PoolOptions): AsyncGenerator<ReadOutcome> {
  const setup: ReadingSetup = { ...o.setup, roster: decided.roster, year: decided.year };
  const here = new FileReading(setup);
  const count = Math.max(0, Math.min(o.workers, files.length - 1));
  const limit = (count + 1) * PER_WORKER * 2;
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
    for (const p of results.values()) if (!p.settled) p.reject(fatal);
  };
  let claimed = 0;
  let taken = 0;
  const held: number[] = [];
  const workers = Array.from({ length: count }, (_, w) => {
    const worker = new Worker(o.script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
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
  const room = (): boolean => claimed < files.length && claimed - taken < limit;
  /** Hands out files while some worker has room and the outcomes waiting stay few. */
  function pump(): void {
    while (room() && count > 0) {
      const w = held.indexOf(Math.min(...held));
      if (held[w]! >= PER_WORKER) return;
      held[w]!++;
      const job: ReadJob = { index: claimed, file: files[claimed]!.name };
      claimed++;
      workers[w]!.postMessage(job);
    }
  }
  /** Files this thread claimed, their bytes being read, in order; the first is checked next. */
  const mine: { readonly index: number; readonly started: StartedRead }[] = [];
  const claimHere = (): void => {
    const index = claimed++;
    mine.push({ index, started: here.start(files[index]!.name) });
  };
  /** Checks this thread's next file (claiming the next unclaimed one if it has none), reading one more meanwhile. */
  async function readHere(): Promise<void> {
    if (mine.length === 0) claimHere();
    const next = mine.shift()!;
    if (mine.length === 0 && o.mainReads && room()) claimHere();
    slot(next.index).resolve(await here.read(next.index, files[next.index]!.name, next.started));
    pump();
    // The workers' outcomes wait for this thread's event loop: it goes round once a file, so they never idle long.
    if (count > 0) await turn();
  }

  try {
    pump();
    for (let i = 0; i < files.length; i++) {
      while (i >= claimed || mine[0]?.index === i || (!slot(i).settled && room() && o.mainReads)) await readHere();
      const done = await slot(i).promise;
      results.delete(i);
      taken++;
      pump();
      if (done.failure !== undefined) o.onFailure(files[i]!.name, done.failure);
      yield done.outcome;
    }
  } finally {
    taken = files.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
