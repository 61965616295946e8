// Eval worker thread (cli/pool.ts): plain JavaScript so that it starts the same under tsx and under Vitest; it
// registers tsx itself, then extracts each page the pool sends, timing it.
import { register } from 'tsx/esm/api';

register();
const { serveJobs } = await import('../cli/serve-jobs.ts');
const { extractPage } = await import('./eval-extract.ts');

serveJobs((job) => {
  const started = performance.now();
  return { extraction: extractPage(job), ms: performance.now() - started };
});
