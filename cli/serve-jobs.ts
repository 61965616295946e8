// The worker's side of cli/pool.ts: says it is ready once its modules are loaded (so a job's time limit counts
// the job, not the start-up), then answers each job message with its result, or the error's message.
import { parentPort } from 'node:worker_threads';

export type JobReply<R> = { result: R } | { error: string };

export function serveJobs<J, R>(handle: (job: J) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs in a worker thread');
  port.on('message', async (job: J) => {
    let reply: JobReply<R>;
    try {
      reply = { result: await handle(job) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage('ready');
}
