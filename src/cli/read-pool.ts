/**
 * Reading the returned files in worker threads and the main thread at once (both cores of a small machine): files are
 * handed out a few at a time; a worker reads and opens them (bytes, inflating, parsing) and the main thread checks and
 * reduces what it sent, or reads a file whole itself while it waits. Outcomes are given back in the files' order,
 * never more than a few ahead of the consumer, so memory stays flat whatever the number of files. (Workers that
 * checked files too were slower on two cores: each thread warmed up the checks' code on its own, with V8's background
 * compiling and collecting of two threads competing for the cores.)
 */
import { Worker } from 'node:worker_threads';
import type { FilesReader, InputFile } from '../app/consolidate';
import type { ReadOutcome } from '../app/consolidate-read';
import type { ReadingDecided } from '../app/consolidate-into';
import { FileReading, type OpenedDone, type ReadDone, type ReadingSetup, type StartedRead } from './consolidate-reading';
import { SnapshotReceiver, type PostedSnapshot } from './posted-snapshot';

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

/** A reading thread failed or stopped: the files are to be read again without threads (consolidate-command.ts). */
export class ReadingThreadFailed extends Error {
  constructor(readonly reason: unknown) {
    super(`a reading thread failed: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
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

/**
 * What a worker posts for a file: opened, its sheets as posted-snapshot.ts posts them (consolidate-worker.ts), or an
 * outcome (a stand-in worker in tests).
 */
export type PostedDone = OpenedDone<PostedSnapshot> | ReadDone;

/** A worker's file as this thread takes it: opened, for this thread to finish, or read whole. */
type WorkerDone = OpenedDone | ReadDone;

/**
 * A worker's file as posted, its sheets taken from that worker's `receiver` (in the order the worker posted: its
 * sheets "the same as before" are those of its file before); should that fail, the file is read here whole.
 */
function received(posted: PostedDone, receiver: SnapshotReceiver): WorkerDone {
  if ('outcome' in posted || posted.opened?.kind !== 'opened') return posted as WorkerDone;
  try {
    return { index: posted.index, opened: { ...posted.opened, snapshot: posted.opened.snapshot && receiver.receive(posted.opened.snapshot) } };
  } catch {
    return { index: posted.index, opened: null };
  }
}

interface Pending {
  readonly promise: Promise<WorkerDone>;
  settled: boolean;
  resolve(done: WorkerDone): void;
  reject(e: unknown): void;
}

function pending(): Pending {
  let resolve!: (done: WorkerDone) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<WorkerDone>((res, rej) => {
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
    fatal ??= new ReadingThreadFailed(e);
    for (const p of results.values()) if (!p.settled) p.reject(fatal);
  };
  let claimed = 0;
  let taken = 0;
  const held: number[] = [];
  const workers = Array.from({ length: count }, (_, w) => {
    const worker = new Worker(o.script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    held[w] = 0;
    const receiver = new SnapshotReceiver();
    worker.on('message', (posted: PostedDone) => {
      held[w]!--;
      slot(posted.index).resolve(received(posted, receiver));
      pump();
    });
    worker.on('error', fail);
    // A message that could not be decoded would leave its file's outcome waiting for ever: the reading fails instead.
    worker.on('messageerror', fail);
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
      const ready = await slot(i).promise;
      results.delete(i);
      taken++;
      pump();
      // A file a worker opened is checked here (or, should opening have failed there unforeseen, read here whole).
      const done = 'outcome' in ready ? ready : await here.read(i, files[i]!.name, ready.opened ?? undefined);
      if (done.failure !== undefined) o.onFailure(files[i]!.name, done.failure);
      yield done.outcome;
    }
  } finally {
    taken = files.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
