// The three corpora of `../shared/corpus/`: which pages, what their truth is, how each page is scored and how
// the scores sum up, for plain Readability and Clarté side by side. Used by `npm run eval` and the quality test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteOf, splitSide, type SplitSide } from './corpus-split.ts';
import type { Extraction, PageJob } from './eval-extract.ts';
import { runPool, type JobOutcome } from './eval-pool.ts';
import {
  benchmarkScore,
  mean,
  shingleMatching,
  shinglePrecision,
  shingleRecall,
  snippetHits,
  snippetsFound,
  wordScore,
  type ShingleCounts,
} from './eval-metrics.ts';

export type CorpusName = 'scrapinghub' | 'wcxb' | 'readability';
export const CORPUS_NAMES: CorpusName[] = ['scrapinghub', 'wcxb', 'readability'];

/** `../shared/corpus` beside the repository (as in CI), or `$CLARTE_CORPUS`. */
export const CORPUS_ROOT =
  process.env.CLARTE_CORPUS ?? resolve(fileURLToPath(new URL('../..', import.meta.url)), 'shared/corpus');

/** WCXB page types that are not articles: auto-clean must not fire there (documentation is neither). */
const NON_ARTICLE_TYPES = new Set(['product', 'service', 'collection', 'listing', 'forum']);

interface Page {
  job: PageJob;
  /** ScrapingHub articleBody / WCXB main_content; for Readability pages it comes from the worker. */
  truth: string;
  pageType?: string;
  /** WCXB: the side of the site-disjoint split (scripts/corpus-split.ts) the page's site is on. */
  side?: SplitSide;
  with?: string[];
  without?: string[];
}

function listPages(corpus: CorpusName): Page[] {
  if (corpus === 'scrapinghub') {
    const dir = join(CORPUS_ROOT, 'scrapinghub');
    const truth: Record<string, { articleBody: string; url: string }> = JSON.parse(
      readFileSync(join(dir, 'ground-truth.json'), 'utf8'),
    );
    return Object.entries(truth).map(([id, item]) => ({
      job: { id, htmlPath: join(dir, 'html', `${id}.html.gz`), url: item.url, encoding: 'utf-8' },
      truth: item.articleBody,
    }));
  }
  if (corpus === 'wcxb') {
    const dir = join(CORPUS_ROOT, 'wcxb-dev');
    return readdirSync(join(dir, 'ground-truth'))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => {
        const id = name.replace(/\.json$/, '');
        const data = JSON.parse(readFileSync(join(dir, 'ground-truth', name), 'utf8'));
        return {
          job: { id, htmlPath: join(dir, 'html', `${id}.html.gz`), url: data.url },
          truth: data.ground_truth.main_content ?? '',
          pageType: data._internal.page_type.primary,
          side: splitSide(data.url, id),
          with: data.ground_truth.with ?? [],
          without: data.ground_truth.without ?? [],
        };
      })
      // Documentation pages are in no measure (neither articles nor pages auto-clean must skip): not run.
      .filter((page) => page.pageType === 'article' || NON_ARTICLE_TYPES.has(page.pageType));
  }
  const dir = join(CORPUS_ROOT, 'readability-test-pages');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'source.html')))
    .sort()
    .map((id) => ({
      // The URL Readability's own test suite gives these pages.
      job: {
        id,
        htmlPath: join(dir, id, 'source.html'),
        url: 'http://fakehost/test/page.html',
        // Readability's suite reads these files as UTF-8, whatever their <meta> says (qq's says gb2312).
        encoding: 'utf-8',
        truthHtmlPath: join(dir, id, 'expected.html'),
      },
      truth: '',
    }));
}

/** One page's scores; `f1` is what `--worst` sorts by (Readability pages: recall). */
export interface SideScore {
  f1: number;
  precision: number;
  recall: number;
  /** ScrapingHub: the page's normalized shingle counts, for the macro-average. */
  shingles?: ShingleCounts;
  withFound?: number;
  withoutLeaked?: number;
  /** WCXB: the `without` snippets found in the text. */
  leaked?: string[];
  flagged: boolean;
  ms: number;
  error: string | null;
}

export interface PageScore {
  corpus: CorpusName;
  id: string;
  url: string;
  pageType?: string;
  side?: SplitSide;
  withCount?: number;
  withoutCount?: number;
  plain: SideScore;
  clarte: SideScore;
}

function scoreSide(corpus: CorpusName, page: Page, text: string, flagged: boolean, truth: string) {
  if (corpus === 'scrapinghub') {
    const shingles = shingleMatching(truth, text);
    const precision = shinglePrecision(shingles);
    const recall = shingleRecall(shingles);
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { f1, precision, recall, shingles, flagged };
  }
  const words = wordScore(truth, text);
  if (corpus === 'readability') return { ...words, f1: words.recall, flagged };
  const leaked = snippetsFound(text, page.without ?? []);
  return { ...words, withFound: snippetHits(text, page.with ?? []), withoutLeaked: leaked.length, leaked, flagged };
}

function scorePage(corpus: CorpusName, page: Page, outcome: JobOutcome): PageScore {
  const failed = 'error' in outcome ? outcome.error : null;
  const extraction: Extraction = 'extraction' in outcome
    ? outcome.extraction
    : {
        plain: { text: '', readerable: false, ms: outcome.ms, error: failed },
        clarte: { text: '', isArticle: false, ms: outcome.ms, error: failed },
      };
  const truth = corpus === 'readability' ? (extraction.truthText ?? '') : page.truth;
  const { plain, clarte } = extraction;
  return {
    corpus,
    id: page.job.id,
    url: page.job.url,
    pageType: page.pageType,
    side: page.side,
    withCount: page.with?.length,
    withoutCount: page.without?.length,
    plain: { ...scoreSide(corpus, page, plain.text, plain.readerable, truth), ms: plain.ms, error: plain.error },
    clarte: { ...scoreSide(corpus, page, clarte.text, clarte.isArticle, truth), ms: clarte.ms, error: clarte.error },
  };
}

export interface EvalOptions {
  workers?: number;
  timeoutMs?: number;
  limit?: number;
  only?: string[];
  /** WCXB: only the pages of this side of the split. */
  side?: SplitSide;
  onProgress?: (done: number, total: number) => void;
}

export async function evaluateCorpus(corpus: CorpusName, options: EvalOptions = {}): Promise<PageScore[]> {
  let pages = listPages(corpus);
  if (options.only?.length) pages = pages.filter((page) => options.only!.includes(page.job.id));
  if (options.side) pages = pages.filter((page) => page.side === undefined || page.side === options.side);
  if (options.limit !== undefined) pages = pages.slice(0, options.limit);
  const outcomes = await runPool(
    pages.map((page) => page.job),
    { workers: options.workers ?? 2, timeoutMs: options.timeoutMs ?? 300_000, onProgress: options.onProgress },
  );
  return pages.map((page, index) => scorePage(corpus, page, outcomes[index]));
}

/** A summary line: the value for each side, and the target it must meet (if any). */
export interface Metric {
  label: string;
  plain: number;
  clarte: number;
  format: 'score' | 'percent' | 'count';
  /** Of how many pages, for counts. */
  of?: number;
  target?: { op: '>=' | '<='; value: number };
}

export function meets(metric: Metric): boolean | null {
  if (!metric.target) return null;
  const value = metric.format === 'count' ? metric.clarte / (metric.of || 1) : metric.clarte;
  return metric.target.op === '>=' ? value >= metric.target.value : value <= metric.target.value;
}

export interface CorpusSummary {
  corpus: CorpusName;
  title: string;
  metrics: Metric[];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * WCXB is summarized per side of the split (`side`): the validate side, sites no rule or weight was derived
 * from, carries the targets; the tune side is reported beside it (it must not get worse). Without `side`, the
 * whole of WCXB dev, without targets.
 */
export function summarize(corpus: CorpusName, scores: PageScore[], side?: SplitSide): CorpusSummary {
  const errors: Metric = {
    label: 'pages with an error',
    plain: scores.filter((s) => s.plain.error).length,
    clarte: scores.filter((s) => s.clarte.error).length,
    format: 'count',
    of: scores.length,
  };
  if (corpus === 'scrapinghub') {
    const plain = benchmarkScore(scores.map((s) => s.plain.shingles!));
    const clarte = benchmarkScore(scores.map((s) => s.clarte.shingles!));
    return {
      corpus,
      title: `ScrapingHub (${scores.length} articles): word 4-gram shingles, macro-averaged`,
      metrics: [
        { label: 'F1', plain: plain.f1, clarte: clarte.f1, format: 'score', target: { op: '>=', value: 0.962 } },
        {
          label: 'precision', plain: plain.precision, clarte: clarte.precision, format: 'score',
          target: { op: '>=', value: 0.942 },
        },
        { label: 'recall', plain: plain.recall, clarte: clarte.recall, format: 'score', target: { op: '>=', value: 0.975 } },
        errors,
      ],
    };
  }
  if (corpus === 'wcxb') {
    const onSide = side ? scores.filter((s) => s.side === side) : scores;
    const articles = onSide.filter((s) => s.pageType === 'article');
    const others = onSide.filter((s) => NON_ARTICLE_TYPES.has(s.pageType ?? ''));
    const withTotal = sum(articles.map((s) => s.withCount ?? 0));
    const withoutTotal = sum(articles.map((s) => s.withoutCount ?? 0));
    const share = (values: number[], total: number) => (total ? sum(values) / total : 0);
    // The leak as the mean of the pages' own rates (each page counts once, however many snippets it lists).
    const withSnippets = articles.filter((s) => (s.withoutCount ?? 0) > 0);
    const leakRate = (pick: (s: PageScore) => SideScore) =>
      mean(withSnippets.map((s) => (pick(s).withoutLeaked ?? 0) / s.withoutCount!));
    const target = (op: '>=' | '<=', value: number) => (side === 'validate' ? { target: { op, value } } : {});
    const sites = new Set(onSide.map((s) => siteKey(s))).size;
    const where = side === 'validate' ? 'validate side: sites nothing was tuned on' : side === 'tune' ? 'tune side' : 'all';
    return {
      corpus,
      title: `WCXB dev, ${where} (${sites} sites; ${articles.length} articles, ${others.length} product/service/collection/listing/forum pages)`,
      metrics: [
        {
          label: 'articles: word F1', plain: mean(articles.map((s) => s.plain.f1)),
          clarte: mean(articles.map((s) => s.clarte.f1)), format: 'score', ...target('>=', 0.945),
        },
        {
          label: 'articles: word precision', plain: mean(articles.map((s) => s.plain.precision)),
          clarte: mean(articles.map((s) => s.clarte.precision)), format: 'score',
        },
        {
          label: 'articles: word recall', plain: mean(articles.map((s) => s.plain.recall)),
          clarte: mean(articles.map((s) => s.clarte.recall)), format: 'score',
        },
        {
          label: "articles: 'with' found", plain: share(articles.map((s) => s.plain.withFound ?? 0), withTotal),
          clarte: share(articles.map((s) => s.clarte.withFound ?? 0), withTotal), format: 'percent',
        },
        {
          label: "articles: 'without' leaked, mean of pages",
          plain: leakRate((s) => s.plain), clarte: leakRate((s) => s.clarte), format: 'percent',
          ...target('<=', 0.025),
        },
        {
          label: "articles: 'without' leaked, pooled",
          plain: share(articles.map((s) => s.plain.withoutLeaked ?? 0), withoutTotal),
          clarte: share(articles.map((s) => s.clarte.withoutLeaked ?? 0), withoutTotal), format: 'percent',
        },
        {
          // Plain column: Readability's isProbablyReaderable; Clarté column: isArticle.
          label: 'non-articles flagged as articles', plain: others.filter((s) => s.plain.flagged).length,
          clarte: others.filter((s) => s.clarte.flagged).length, format: 'count', of: others.length,
          ...target('<=', 0.05),
        },
        {
          label: 'articles flagged as articles', plain: articles.filter((s) => s.plain.flagged).length,
          clarte: articles.filter((s) => s.clarte.flagged).length, format: 'count', of: articles.length,
          ...target('>=', 0.93),
        },
        { ...errors, plain: onSide.filter((s) => s.plain.error).length, clarte: onSide.filter((s) => s.clarte.error).length, of: onSide.length },
      ],
    };
  }
  return {
    corpus,
    title: `Readability test pages (${scores.length}): word recall against expected.html`,
    metrics: [
      {
        label: 'word recall', plain: mean(scores.map((s) => s.plain.recall)),
        clarte: mean(scores.map((s) => s.clarte.recall)), format: 'score', target: { op: '>=', value: 0.985 },
      },
      errors,
    ],
  };
}

function siteKey(score: PageScore): string {
  return siteOf(score.url, score.id);
}

/** The pages `--worst` lists: Clarté's lowest F1 (WCXB: articles only, as the F1 is measured on them). */
export function worstPages(corpus: CorpusName, scores: PageScore[], count: number): PageScore[] {
  const relevant = corpus === 'wcxb' ? scores.filter((s) => s.pageType === 'article') : scores;
  return [...relevant].sort((a, b) => a.clarte.f1 - b.clarte.f1).slice(0, count);
}
