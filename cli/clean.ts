// `clarte clean`: one input (file, `-`, URL) → one result record (cli/record.ts). Bad input gives a record with
// `error` set, never an exception. Runs in a batch worker (cli/worker.ts).
import { cleanDocument, MAX_PAGE_ELEMENTS } from '../lib/pipeline.ts';
import { parseHtml } from './dom.ts';
import { InputError, loadPage } from './input.ts';
import { describeError, failedRecord, record, type CleanRecord } from './record.ts';

/** One input: `url` (from `--url` or a batch line) is the page's address; `stdin` holds the bytes of `-`, read by
 * the main thread (a worker has no stdin). */
export interface CleanJob {
  file: string;
  url: string | null;
  stdin?: Uint8Array;
}

/**
 * Cleans one input. `url` (from `--url` or a batch line) is the page's address for relative links and
 * metadata; a fetched page defaults to where it was fetched from.
 */
export async function cleanInput(job: CleanJob): Promise<CleanRecord> {
  const { file, url } = job;
  let pageUrl = url;
  try {
    const page = await loadPage(file, job.stdin);
    pageUrl = url ?? page.url;
    if (pageUrl && !URL.canParse(pageUrl)) throw new InputError(`invalid URL: ${pageUrl}`);
    const doms = [parseHtml(page.html, pageUrl)];
    const reparsed = () => {
      doms.push(parseHtml(page.html, pageUrl));
      return doms[doms.length - 1].window.document;
    };
    try {
      const started = performance.now();
      // The extension's size limit: no single step can be stopped, so this is what bounds them (the --timeout
      // stops the whole page); the CLI gives the same answer as the extension. The parsed page is not needed
      // after: it is cleaned in place, without the copy a live page needs.
      const result = cleanDocument(doms[0].window.document, {
        url: pageUrl ?? undefined,
        maxElements: MAX_PAGE_ELEMENTS,
        inPlace: { fresh: reparsed },
      });
      return record(file, pageUrl, result, performance.now() - started, null);
    } finally {
      for (const dom of doms) dom.window.close();
    }
  } catch (error) {
    return failedRecord(file, pageUrl, describeError(error));
  }
}
