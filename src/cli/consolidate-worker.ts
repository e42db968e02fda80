/**
 * A worker thread of `vtlt consolidate` (lib/consolidate-worker.cjs): reads, checks and reduces the files it is sent,
 * in the order they came (each file's bytes read while the one before is checked), exactly as the main thread would (FileReading), and posts each outcome back
 * with the file's index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileReading, type ReadingSetup } from './consolidate-reading';
import type { ReadJob } from './read-pool';

const reading = new FileReading(workerData as ReadingSetup);

// A file's bytes are read as soon as it comes (while the file before it is checked); files are checked in turn.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: ReadJob) => {
  const started = reading.start(job.file);
  queue = queue.then(async () => parentPort?.postMessage(await reading.read(job.index, job.file, started)));
});
