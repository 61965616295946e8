// A `clarte clean` result line: the pipeline's result plus which input it is, how long it took and what went
// wrong, with exactly the keys the README lists, in that order. Light on purpose: the main thread of a batch
// builds the records of inputs that never reach a worker, without loading the pipeline.
import type { CleanResult } from '../lib/types.ts';

/** A result line: the pipeline's result plus which input it is, how long it took and what went wrong. */
export interface CleanRecord extends CleanResult {
  file: string | null;
  /** Pipeline time in milliseconds (decoding and parsing excluded). */
  ms: number;
  error: string | null;
}

// The keys in the order the issue lists them (JSON keeps insertion order).
export function record(
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

