// `clarte clean`: one input (file, `-`, URL) → one result record with exactly the keys the issue lists, in
// that order. Bad input gives a record with `error` set, never an exception.
import type { CleanResult } from '../lib/types.ts';
import { cleanDocument } from '../lib/pipeline.ts';
import { parseHtml } from './dom.ts';
import { InputError, loadPage } from './input.ts';

/** A result line: the pipeline's result plus which input it is, how long it took and what went wrong. */
export interface CleanRecord extends CleanResult {
  file: string | null;
  /** Pipeline time in milliseconds (decoding and parsing excluded). */
  ms: number;
  error: string | null;
}

// The keys in the order the issue lists them (JSON keeps insertion order).
function record(
  file: string | null,
  url: string | null,
  result: CleanResult | null,
  ms: number,
  error: string | null,
): CleanRecord {
  return {
    file,
    url: result?.url ?? url,
    title: result?.title ?? null,
    byline: result?.byline ?? null,
    siteName: result?.siteName ?? null,
    lang: result?.lang ?? null,
    dir: result?.dir ?? null,
    publishedTime: result?.publishedTime ?? null,
    excerpt: result?.excerpt ?? null,
    text: result?.text ?? '',
    markdown: result?.markdown ?? '',
    html: result?.html ?? '',
    wordCount: result?.wordCount ?? 0,
    readingMinutes: result?.readingMinutes ?? 0,
    isArticle: result?.isArticle ?? false,
    hashtags: result?.hashtags ?? [],
    removed: result?.removed ?? [],
    ms: Math.round(ms * 10) / 10,
    error,
  };
}

/** The record of an input that could not be cleaned. */
export function failedRecord(file: string | null, url: string | null, error: string): CleanRecord {
  return record(file, url, null, 0, error);
}

/** A message for the user: the error's own words, never a stack trace. */
export function describeError(error: unknown): string {
  // jsdom clones and walks the DOM recursively: a page nested thousands of levels deep overflows the stack.
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'the page is nested too deeply to clean (the DOM library ran out of stack)';
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Cleans one input. `url` (from `--url` or a batch line) is the page's address for relative links and
 * metadata; a fetched page defaults to where it was fetched from.
 */
export async function cleanInput(file: string, url: string | null = null): Promise<CleanRecord> {
  let pageUrl = url;
  try {
    const page = await loadPage(file);
    pageUrl = url ?? page.url;
    if (pageUrl && !URL.canParse(pageUrl)) throw new InputError(`invalid URL: ${pageUrl}`);
    const dom = parseHtml(page.html, pageUrl);
    try {
      const started = performance.now();
      const result = cleanDocument(dom.window.document, pageUrl ? { url: pageUrl } : {});
      return record(file, pageUrl, result, performance.now() - started, null);
    } finally {
      dom.window.close();
    }
  } catch (error) {
    return failedRecord(file, pageUrl, describeError(error));
  }
}
