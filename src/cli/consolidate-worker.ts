/**
 * A worker thread of `vtlt consolidate` (lib/consolidate-worker.cjs): reads and opens the files it is sent, in the
 * order they came (each file's bytes read while the one before is opened), and posts back, with the file's index,
 * the sheets the check reads (FileReading.open). The main thread checks and reduces them: this thread runs only the
 * reading of bytes, inflating and parsing, a little code run many times, which warms up at once; the checks' much
 * larger code warms up once, in the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileReading, type ReadingSetup } from './consolidate-reading';
import type { PostedDone, ReadJob } from './read-pool';
import { SnapshotSender } from './posted-snapshot';

const reading = new FileReading(workerData as ReadingSetup);
// Sheets the same as with the file before are posted as such, not copied again (posted-snapshot.ts).
const sender = new SnapshotSender();

let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: ReadJob) => {
  const started = reading.start(job.file);
  queue = queue.then(async () => {
    let done: PostedDone;
    try {
      const opened = await reading.open(job.file, started);
      done = { index: job.index, opened: opened.kind === 'opened' ? { ...opened, snapshot: opened.snapshot && sender.post(opened.snapshot) } : opened };
    } catch {
      // Whatever failed here, the main thread reads the file itself (and meets the same trouble, guarded).
      done = { index: job.index, opened: null };
    }
    parentPort?.postMessage(done);
  });
});
