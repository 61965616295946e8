// One corpus page through plain Readability and through Clarté, as the CLI would run it (decode → jsdom →
// cleanDocument). Runs inside an eval worker thread.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { decodeHtml, decodeWith } from '../lib/decode.ts';
import { cleanDocument } from '../lib/pipeline.ts';
import { parseHtml } from '../cli/dom.ts';

export interface PageJob {
  id: string;
  htmlPath: string;
  url: string;
  /** Set when the corpus states the encoding (ScrapingHub saved every page as UTF-8, whatever its <meta> says). */
  encoding?: string;
  /** A reference page whose body text is the truth (Readability's expected.html). */
  truthHtmlPath?: string;
}

export interface Extraction {
  plain: { text: string; readerable: boolean; ms: number; error: string | null };
  clarte: { text: string; isArticle: boolean; ms: number; error: string | null };
  /** Body text of `truthHtmlPath`, when the job has one. */
  truthText?: string;
}

export function readHtml(path: string, encoding?: string): string {
  const raw = readFileSync(path);
  const bytes = path.endsWith('.gz') ? gunzipSync(raw) : raw;
  return encoding ? decodeWith(encoding, bytes) : decodeHtml(bytes).text;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function extractPage(job: PageJob): Extraction {
  const html = readHtml(job.htmlPath, job.encoding);
  // As the CLI's batch mode: an empty address is no address (4 WCXB pages have none).
  const url = job.url || null;
  const dom = parseHtml(html, url);
  const document = dom.window.document;
  try {
    // Clarté first: it works on a clone, while Readability changes the document it is given.
    const clarte: Extraction['clarte'] = { text: '', isArticle: false, ms: 0, error: null };
    let started = performance.now();
    try {
      const result = cleanDocument(document, url ? { url } : {});
      clarte.text = result.text;
      clarte.isArticle = result.isArticle;
    } catch (error) {
      clarte.error = message(error);
    }
    clarte.ms = performance.now() - started;

    const plain: Extraction['plain'] = { text: '', readerable: false, ms: 0, error: null };
    started = performance.now();
    try {
      plain.readerable = isProbablyReaderable(document);
      plain.text = new Readability(document).parse()?.textContent ?? '';
    } catch (error) {
      plain.error = message(error);
    }
    plain.ms = performance.now() - started;

    const extraction: Extraction = { plain, clarte };
    if (job.truthHtmlPath) extraction.truthText = bodyText(job.truthHtmlPath);
    return extraction;
  } finally {
    dom.window.close();
  }
}

function bodyText(path: string): string {
  const dom = parseHtml(readHtml(path, 'utf-8'));
  try {
    return dom.window.document.body?.textContent ?? '';
  } finally {
    dom.window.close();
  }
}
