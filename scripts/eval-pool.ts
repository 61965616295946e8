// Runs page extractions on the CLI's batch pool (cli/pool.ts): a page that throws gets an error result; a page
// that hangs (or crashes its worker) past the timeout has its worker terminated and replaced, so the run always
// finishes.
import { WorkerPool } from '../cli/pool.ts';
import type { Extraction, PageJob } from './eval-extract.ts';

export type JobOutcome = { extraction: Extraction; ms: number } | { error: string; ms: number };

export interface PoolOptions {
  workers: number;
  timeoutMs: number;
  onProgress?: (done: number, total: number) => void;
}

const WORKER_URL = new URL('./eval-worker.mjs', import.meta.url);

export async function runPool(jobs: PageJob[], options: PoolOptions): Promise<JobOutcome[]> {
  const pool = new WorkerPool<PageJob, JobOutcome>({
    workerUrl: WORKER_URL,
    workers: options.workers,
    timeoutMs: options.timeoutMs,
    failed: (error) => ({ error, ms: 0 }),
    resourceLimits: { maxOldGenerationSizeMb: 4096 },
  });
  let done = 0;
  try {
    return await Promise.all(jobs.map(async (job) => {
      const outcome = await pool.run(job);
      options.onProgress?.(++done, jobs.length);
      return outcome;
    }));
  } finally {
    await pool.close();
  }
}
