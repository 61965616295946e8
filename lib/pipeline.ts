// The pipeline: page in, clean article out. The same code runs in the content script (the live page's document)
// and in the CLI (a jsdom document), so both give the same result for the same page.

import { Readability } from '@mozilla/readability';
import { removeBylineBlocks } from './byline-block';
import { cleanAfterReadability, cleanBeforeReadability } from './cleanup';
import { defuseClobbering, unshadowed } from './clobbering';
import { hashtagsInElement } from './hashtags';
import { collectPageSignals, scoreArticleSignals, withArticle } from './is-article';
import { finishPictures } from './article-pictures';
import { staticEmbeddedPosts } from './embedded-posts';
import { findLead, restoreLead } from './lead';
import { findLeadPicture, restoreLeadPicture } from './lead-picture';
import { resolveLazyPictures } from './lazy-pictures';
import { placeStreamedContent } from './streamed-content';
import { articleMarkdown } from './markdown';
import { mergeMetadata, pageMetadata } from './metadata';
import { extendsArticle, isolateContainer, mapProse, missesProse, type ProseMap } from './prose-container';
import { createSanitizer } from './sanitize';
import { articleText, readingLength } from './text';
import { removeTrailingHeading } from './trailing-heading';
import type { CleanOptions, CleanResult, PipelineStep, Removal, StepTimes } from './types';

/**
 * Cleans `doc` without changing it (unless `options.inPlace`). Throws an Error with a clear message when the
 * sanitizer fails its self-check (then there is no safe HTML to give). A page without an article gives empty
 * `html` and `text`.
 */
export function cleanDocument(doc: Document, options: CleanOptions = {}): CleanResult {
  let stepStarted = performance.now();
  /**
   * Ends a step: its time goes to `options.stepTimes`, and past the deadline the pipeline stops here (not after
   * the last step: its work is done, the result is given).
   */
  const endStep = (step: PipelineStep) => {
    const now = performance.now();
    if (options.stepTimes) options.stepTimes[step] = (options.stepTimes[step] ?? 0) + now - stepStarted;
    stepStarted = now;
    if (step !== 'outputs' && options.deadline !== undefined && now > options.deadline) {
      throw new PipelineLimitError('time');
    }
  };
  // Fail closed before any work: no sanitizer, no result.
  const sanitizer = createSanitizer(windowOf(doc));
  if (options.maxElements !== undefined) {
    const elements = unshadowed(doc, 'getElementsByTagName').call(doc, '*').length;
    if (elements > options.maxElements) throw new PipelineLimitError('size', elements, options.maxElements);
  }
  const address = unshadowed(doc, 'URL');
  const url = options.url ?? (address && address !== 'about:blank' ? address : null);

  // 1. Work on a clone (or, for the CLI, on `doc` itself); every later step may change it.
  const clone = workingCopy(doc, options);
  const removed: Removal[] = [];
  endStep('copy');

  // What the page says about itself, and what the is-article verdict needs of it, are read before anything is
  // removed, from the copy: the page's named elements can no longer shadow what they read there.
  const page = pageMetadata(clone);
  endStep('metadata');
  const pageSignals = collectPageSignals(clone, url ?? undefined);
  endStep('is-article');

  // 2. Clean-up before Readability, and what must be known of the cleaned page before Readability changes it.
  prepareClone(clone, removed);
  const lead = findLead(clone, page.excerpt);
  const leadPicture = findLeadPicture(clone, page.images);
  const prose = mapProse(clone);
  endStep('clean-up before');

  // 3. Readability, keeping the article as a node: no serializing and reparsing between steps.
  let parsed = readArticle(clone);
  endStep('Readability');
  if (prose && parsed?.content && missesProse(prose, parsed.textContent ?? '')) {
    parsed = readProseContainer(doc, options, prose, parsed);
    endStep('prose retry');
  }
  const metadata = mergeMetadata(parsed, page);
  const article = parsed?.content ?? null;
  const signals = withArticle(pageSignals, parsed?.textContent ?? '', parsed?.length ?? 0);
  options.articleSignals?.(signals);
  const verdict = scoreArticleSignals(signals);
  endStep('is-article');
  if (!article) {
    return { ...metadata, url, html: '', text: '', markdown: '', wordCount: 0, readingMinutes: 0,
      isArticle: false, hashtags: [], removed };
  }

  restoreLeadPicture(article, leadPicture, url);
  restoreLead(article, lead);

  // 4. Clean-up after Readability, on what survived inside the article.
  cleanAfterReadability(article, removed);
  finishPictures(article, url, removed);
  removeBylineBlocks(article, metadata.byline, removed);
  removeTrailingHeading(article, removed);
  dropClassNames(article);
  endStep('clean-up after');

  // 5. Sanitize (a copy in an inert document); `text`, `markdown` and `hashtags` all read the sanitized tree the
  // user sees.
  const clean = sanitizer.sanitizedCopy(article);
  endStep('sanitize');

  // 6. Outputs.
  const text = articleText(clean, { title: metadata.title, byline: metadata.byline });
  const result: CleanResult = {
    ...metadata,
    url,
    html: clean.innerHTML,
    text,
    markdown: options.markdown === false ? '' : articleMarkdown(clean),
    ...readingLength(text),
    isArticle: verdict.isArticle,
    hashtags: hashtagsInElement(clean),
    removed,
  };
  endStep('outputs');
  options.sanitizedArticle?.(clean);
  return result;
}

type Parsed = NonNullable<ReturnType<typeof readArticle>>;

function readArticle(doc: Document) {
  // The class names stay for the clean-up after Readability, the first to read the text (see cleanup.ts).
  return new Readability<Element>(doc, { serializer: (node) => node as Element, keepClasses: true }).parse();
}

/** What Readability does without `keepClasses`: every class name goes but its own `page`. */
function dropClassNames(article: Element): void {
  for (const element of [article, ...article.querySelectorAll('[class]')]) {
    const kept = (element.getAttribute('class') ?? '').split(/\s+/).filter((name) => name === 'page').join(' ');
    if (kept) element.setAttribute('class', kept);
    else element.removeAttribute('class');
  }
}

/**
 * Clean-up before Readability: streamed content goes where the page's scripts would have put it, embedded posts
 * become static quotes (before the rules, which would take a TikTok post for a video player), lazy pictures get
 * their real address, then the rules.
 */
function prepareClone(clone: Document, removed: Removal[]): void {
  placeStreamedContent(clone);
  if (clone.body) {
    staticEmbeddedPosts(clone.body, removed);
    resolveLazyPictures(clone.body);
  }
  cleanBeforeReadability(clone, removed);
}

/**
 * The document the pipeline may change: a copy of `doc`, or for `options.inPlace` `doc` itself (`retry`: a fresh
 * document of the same page), made safe for Readability to walk, its links resolving against the page's address.
 */
function workingCopy(doc: Document, options: CleanOptions, retry = false): Document {
  const copy = !options.inPlace ? unshadowed(doc, 'cloneNode').call(doc, true) as Document : retry ? options.inPlace.fresh() : doc;
  defuseClobbering(copy);
  if (options.url) setBaseUrl(copy, options.url);
  return copy;
}

/**
 * Readability kept only part of the page's prose (see prose-container.ts): read the element that holds the prose
 * on its own, from a fresh copy cleaned the same way, and take that article when it extends the first.
 */
function readProseContainer(doc: Document, options: CleanOptions, prose: ProseMap, parsed: Parsed): Parsed {
  const retry = workingCopy(doc, options, true);
  prepareClone(retry, []);
  if (!isolateContainer(retry, prose.containerPath)) return parsed;
  const second = readArticle(retry);
  if (!second?.content || !extendsArticle(prose, parsed.textContent ?? '', second.textContent ?? '')) return parsed;
  return { ...parsed, content: second.content, textContent: second.textContent, length: second.length };
}

/** Past this, the pipeline stops at its next step and the page is reported as too slow to read. */
export const PAGE_TIME_BOUND_MS = 5_000;
/**
 * Pages with more elements are refused before any work: a single step cannot be interrupted, so this is what
 * bounds it. The largest of 1,938 real pages in the corpora has 15,793 elements.
 */
export const MAX_PAGE_ELEMENTS = 100_000;

/**
 * The pipeline as the extension runs it on a live page (the content script, and the bench, which must time
 * exactly this): bounded in time and size, and without Markdown, which is made from `html` only when the user
 * copies as Markdown (lib/markdown.ts `htmlMarkdown`).
 */
export function cleanPage(
  doc: Document,
  url: string,
  hooks: Pick<CleanOptions, 'stepTimes' | 'sanitizedArticle'> = {},
): CleanResult {
  return cleanDocument(doc, {
    url,
    deadline: performance.now() + PAGE_TIME_BOUND_MS,
    maxElements: MAX_PAGE_ELEMENTS,
    markdown: false,
    ...hooks,
  });
}

/** The page is too large to clean (`size`, with its element count and the limit) or the deadline passed (`time`). */
export class PipelineLimitError extends Error {
  constructor(
    readonly limit: 'size' | 'time',
    readonly elements?: number,
    maxElements?: number,
  ) {
    // The extension's message (errorTooLarge), which the CLI gives as it is.
    super(limit === 'size'
      ? `the page is too large to read (${count(elements ?? 0)} elements; Clarté reads pages of up to ${count(maxElements ?? 0)})`
      : 'cleaning the page took too long');
  }
}

const count = (value: number) => value.toLocaleString('en');

/** DOMPurify needs a window: the document's own, or (for a DOMParser document in a page) the global one. */
function windowOf(doc: Document): Window {
  const win = unshadowed(doc, 'defaultView') ?? (typeof window === 'undefined' ? null : window);
  if (!win) throw new Error('This document has no window to sanitize with; refusing to show article HTML.');
  return win;
}

/** Makes relative links in the clone resolve against `url` (Readability reads the document's base URI). */
function setBaseUrl(clone: Document, url: string): void {
  const existing = clone.querySelector('base[href]');
  let href = url;
  try {
    // A page's own <base href> still counts, resolved against its real address.
    if (existing) href = new URL(existing.getAttribute('href') ?? '', url).href;
  } catch {
    href = url;
  }
  const base = existing ?? clone.createElement('base');
  base.setAttribute('href', href);
  if (!existing) (clone.head ?? clone.documentElement).prepend(base);
}
