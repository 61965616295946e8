// The data the pipeline gives out: plain, serializable, the same in the CLI and the extension.

import type { ArticleSignals } from './is-article';

/** One element the clean-up took out, and why: shown in debug mode and in `--json` output. */
export interface Removal {
  /** The rule's name, e.g. `comments`, `video`, `share-bar`. */
  rule: string;
  /** Why this element matched, in a few words (e.g. `comment login prompt`). */
  reason: string;
  /** The first 80 characters of the element's text, whitespace collapsed. */
  text: string;
}

export interface Hashtag {
  /** `#` + the first spelling seen. */
  tag: string;
  count: number;
}

export interface ArticleMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** ISO 8601 as the page gives it. */
  publishedTime: string | null;
  excerpt: string | null;
}

export interface CleanResult extends ArticleMetadata {
  url: string | null;
  /** Sanitized article HTML (DOMPurify), safe to insert into an extension page. */
  html: string;
  /** Article body as a reader copies it: blocks in page order, one blank line between them. */
  text: string;
  /** The article as Markdown; `''` when the pipeline was run with `markdown: false` (see CleanOptions). */
  markdown: string;
  wordCount: number;
  readingMinutes: number;
  /** Whether this is an article page a user would want cleaned (auto-clean fires only when true). */
  isArticle: boolean;
  hashtags: Hashtag[];
  removed: Removal[];
}

export interface CleanOptions {
  /** The page's address, used to resolve relative links and for metadata. Defaults to the document's URL. */
  url?: string;
  /**
   * A `performance.now()` time: past it, the pipeline stops at the next step with a PipelineLimitError. Each step
   * is synchronous, so `maxElements` is what bounds a single step.
   */
  deadline?: number;
  /** A page with more elements than this is refused before any work, with a PipelineLimitError. */
  maxElements?: number;
  /**
   * Whether to convert the article to Markdown (default true, as the CLI needs). The extension passes false and
   * converts `html` with lib/markdown.ts `htmlMarkdown` only when the user copies as Markdown.
   */
  markdown?: boolean;
  /**
   * Filled with the milliseconds each step took, added to what is already there (the bench sums runs): where
   * the pipeline's time goes, next to plain Readability's.
   */
  stepTimes?: StepTimes;
  /**
   * Called with the is-article signals the verdict is drawn from (npm run train fits the weights on them); what it
   * throws stops the pipeline.
   */
  articleSignals?: (signals: ArticleSignals) => void;
  /**
   * For a caller that drops `doc` afterwards (the CLI): the pipeline cleans `doc` itself instead of a copy of it,
   * and asks `fresh()` for an unchanged document of the same page when the prose retry needs a second working
   * copy (a few pages in a hundred). A live page is never given: it must stay as it is.
   */
  inPlace?: { fresh: () => Document };
  /**
   * Called with the sanitized article, an element of the sanitizer's inert document whose `innerHTML` is `html`
   * (not called when there is no article): the reader view shows copies of these very nodes, so nothing is
   * serialized, parsed or sanitized again between the sanitizer and the page.
   */
  sanitizedArticle?: (article: Element) => void;
}

/** The pipeline's steps, in order (lib/pipeline.ts numbers them). */
export type PipelineStep =
  | 'copy'
  | 'metadata'
  | 'clean-up before'
  | 'Readability'
  | 'prose retry'
  | 'is-article'
  | 'clean-up after'
  | 'sanitize'
  | 'outputs';

export type StepTimes = Partial<Record<PipelineStep, number>>;
