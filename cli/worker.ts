// A batch worker thread of `clarte clean` (cli/pool.ts): cleans the inputs the main thread sends, one at a time.
import { cleanDocument } from '../lib/pipeline.ts';
import { cleanInput } from './clean.ts';
import { parseHtml } from './dom.ts';
import { serveJobs } from './serve-jobs.ts';

// jsdom, the selector engine and the pipeline load and compile most of themselves on the first page: done on a
// small one before the worker says it is ready, so that a page's --timeout counts the page, not the start-up.
const warmUp = parseHtml(`<!doctype html><title>Warm-up</title><article><h1>Warm-up</h1>${
  '<p>A paragraph of a short article, cleaned once so that the first real page starts warm.</p>'.repeat(8)}</article>`);
cleanDocument(warmUp.window.document);
warmUp.window.close();
serveJobs(cleanInput);
