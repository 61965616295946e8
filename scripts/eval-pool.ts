// Runs page extractions on a few worker threads. A page that throws gets an error result; a page that hangs
// (or crashes its worker) past the timeout has its worker terminated and replaced, so the run always finishes.
import { Worker } from 'node:worker_threads';
import type { Extraction, PageJob } from './eval-extract.ts';

export type JobOutcome = { extraction: Extraction; ms: number } | { error: string; ms: number };

export interface PoolOptions {
  workers: number;
  timeoutMs: number;
  onProgress?: (done: number, total: number) => void;
}

const WORKER_URL = new URL('./eval-worker.mjs', import.meta.url);

export function runPool(jobs: PageJob[], options: PoolOptions): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    if (jobs.length === 0) return resolve(outcomes);

    const settle = (index: number, outcome: JobOutcome) => {
      outcomes[index] = outcome;
      done++;
      options.onProgress?.(done, jobs.length);
      if (done === jobs.length) resolve(outcomes);
    };

    const startWorker = () => {
      const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
      let current = -1;
      let started = 0;
      let timer: NodeJS.Timeout | undefined;
      let retired = false;

      const retire = (error: string) => {
        if (retired) return;
        retired = true;
        clearTimeout(timer);
        void worker.terminate();
        // A worker that dies before taking a page cannot load the extractor: no page would ever run.
        if (current < 0) return reject(new Error(`eval worker failed to start: ${error}`));
        settle(current, { error, ms: performance.now() - started });
        if (next < jobs.length) startWorker();
      };

      const feed = () => {
        if (next >= jobs.length) {
          retired = true;
          void worker.terminate();
          return;
        }
        current = next++;
        started = performance.now();
        timer = setTimeout(() => retire(`timed out after ${options.timeoutMs} ms`), options.timeoutMs);
        worker.postMessage(jobs[current]);
      };

      worker.on('message', (message: { extraction: Extraction } | { error: string }) => {
        clearTimeout(timer);
        const index = current;
        current = -1;
        settle(index, { ...message, ms: performance.now() - started });
        feed();
      });
      worker.on('error', (error) => retire(`worker crashed: ${error.message}`));
      worker.on('exit', () => retire('worker exited'));
      worker.once('online', feed);
    };

    for (let i = 0; i < Math.min(options.workers, jobs.length); i++) startWorker();
  });
}
