// Runs jobs on N worker threads, each job bounded in time: a job still running past `timeoutMs` has its worker
// terminated (this interrupts even a synchronous step) and replaced, and gets the timeout's result; a worker that
// crashes or runs out of memory is replaced the same way. The CLI's batch mode and `npm run eval` both run on it.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { JobReply } from './serve-jobs.ts';

export interface PoolOptions<J, R> {
  /** The worker's module; it answers jobs with `serveJobs` (cli/serve-jobs.ts). */
  workerUrl: URL;
  workers: number;
  /** Per job, from when the worker is given it; `Infinity` for none. */
  timeoutMs: number;
  /** The result of a job whose worker was stopped: timed out, crashed, out of memory. */
  failed: (reason: string, input: J) => R;
  resourceLimits?: ResourceLimits;
}

interface Job<J, R> {
  input: J;
  resolve: (result: R) => void;
}

interface Slot<J, R> {
  worker: Worker;
  ready: boolean;
  job: Job<J, R> | null;
  timer?: NodeJS.Timeout;
}

export class WorkerPool<J, R> {
  private readonly queue: Job<J, R>[] = [];
  private readonly slots = new Set<Slot<J, R>>();
  private closed = false;
  /** Set when a worker dies before it could take a job: it cannot load, so no job would ever run. */
  private broken: Error | null = null;

  constructor(private readonly options: PoolOptions<J, R>) {
    if (!(options.workers >= 1)) throw new RangeError('a pool needs at least one worker');
  }

  /** Runs `input` on the next free worker; a job that fails, or whose worker is stopped, gives `failed(reason)`. */
  run(input: J): Promise<R> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.broken) return Promise.resolve(this.options.failed(this.broken.message, input));
    return new Promise((resolve) => {
      this.queue.push({ input, resolve });
      // Workers start on demand: a run of one page starts one.
      if (this.slots.size < this.options.workers && ![...this.slots].some((slot) => slot.ready && !slot.job)) {
        this.startWorker();
      }
      this.dispatch();
    });
  }

  /** Stops every worker; jobs still queued or running are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private startWorker(): void {
    const worker = new Worker(this.options.workerUrl, { resourceLimits: this.options.resourceLimits });
    const slot: Slot<J, R> = { worker, ready: false, job: null };
    this.slots.add(slot);
    worker.on('message', (message: JobReply<R> | 'ready') => {
      if (message === 'ready') {
        slot.ready = true;
      } else if (slot.job) {
        const { job } = slot;
        clearTimeout(slot.timer);
        slot.job = null;
        job.resolve('result' in message ? message.result : this.options.failed(message.error, job.input));
      }
      this.dispatch();
    });
    const died = (reason: string) => {
      if (!this.slots.has(slot)) return;
      const { job } = slot;
      void this.retire(slot);
      if (job) {
        job.resolve(this.options.failed(reason, job.input));
      } else if (!slot.ready && !this.closed) {
        this.broken = new Error(`a worker failed to start: ${reason}`);
        for (const queued of this.queue.splice(0)) queued.resolve(this.options.failed(this.broken.message, queued.input));
        return;
      }
      if (!this.closed && this.queue.length > 0) this.startWorker();
    };
    worker.on('error', (error) => died(workerFailure(error)));
    worker.on('exit', (code) => died(`the worker stopped (exit code ${code})`));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      if (Number.isFinite(this.options.timeoutMs)) {
        slot.timer = setTimeout(() => {
          if (slot.job !== job) return;
          void this.retire(slot);
          job.resolve(this.options.failed(`took longer than ${formatSeconds(this.options.timeoutMs)}`, job.input));
          if (!this.closed && this.queue.length > 0) this.startWorker();
        }, this.options.timeoutMs);
      }
      slot.worker.postMessage(job.input);
    }
  }

  private async retire(slot: Slot<J, R>): Promise<void> {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    slot.job = null;
    slot.worker.removeAllListeners('message');
    await slot.worker.terminate();
  }
}

function workerFailure(error: Error): string {
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return 'the page needs more memory than a worker has';
  return `the worker crashed: ${error.message}`;
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
