// The bench's plain baseline for the CLI, bundled beside it by scripts/build-cli.mjs; scripts/bench.ts runs it on as
// many worker threads as the CLI's batch. Each page is loaded and parsed as the CLI does it (cli/input.ts,
// cli/dom.ts) and read by plain Readability, nothing else: the part of a page's cost that any cleaner built on
// jsdom and Readability pays, which the CLI's throughput is compared with in the same run.
import { parentPort } from 'node:worker_threads';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../cli/dom.ts';
import { loadPage } from '../cli/input.ts';

parentPort!.on('message', async (file: string) => {
  const dom = parseHtml((await loadPage(file)).html);
  try {
    new Readability(dom.window.document).parse();
  } catch {
    // A page Readability fails on is read all the same.
  } finally {
    dom.window.close();
  }
  parentPort!.postMessage(file);
});
