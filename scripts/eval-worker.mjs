// Eval worker thread: plain JavaScript so that it starts the same under tsx and under Vitest; it registers tsx
// itself, then extracts each page the pool sends.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractPage } = await import('./eval-extract.ts');

parentPort.on('message', (job) => {
  try {
    parentPort.postMessage({ extraction: extractPage(job) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
