// `npm run train:is-article`: fits the is-article model (lib/is-article.ts `articleFeatures`) on the TUNE side of
// WCXB dev (scripts/corpus-split.ts), never on validate, ScrapingHub or Readability's pages, which judge it.
//   1. extract (slow, minutes): every tune article and non-article page (product, service, collection, listing,
//      forum; documentation is neither) through the pipeline, its features as the pipeline computes them, written
//      to scripts/models/is-article-tune.json: numbers only, no page text.
//   2. fit (a second): L2-regularized logistic regression by Newton's method from zero (deterministic, no draw);
//      the regularization and the threshold are chosen on out-of-fold scores of two halves of the tune sites
//      (fit on one half, score the other), then the model is fitted on all of tune; written to
//      lib/is-article.weights.ts with the threshold folded into the bias.
// `--fit-only` skips step 1 and fits from the committed table (what tests/train-is-article.test.ts checks).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFeatures, type ArticleSignals } from '../lib/is-article.ts';
import { cleanDocument } from '../lib/pipeline.ts';
import { parseHtml } from '../cli/dom.ts';
import { fnv1a, siteOf, splitSide } from './corpus-split.ts';
import { CORPUS_ROOT } from './eval-corpora.ts';
import { readHtml } from './eval-extract.ts';
import { withoutHeavyRawText } from './measure-is-article.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TABLE_PATH = join(ROOT, 'scripts/models/is-article-tune.json');
export const WEIGHTS_PATH = join(ROOT, 'lib/is-article.weights.ts');
const WCXB = join(CORPUS_ROOT, 'wcxb-dev');
const NON_ARTICLE_TYPES = new Set(['product', 'service', 'collection', 'listing', 'forum']);

/** One tune page: whether it is an article, which half of the tune sites it is on, its feature values. */
export interface PageRow {
  id: string;
  article: 0 | 1;
  half: 0 | 1;
  /** Feature values in `features` order, rounded to 4 decimals. */
  x: number[];
}

export interface FeatureTable {
  features: string[];
  rows: PageRow[];
}

export interface ArticleModel {
  bias: number;
  /** In `articleFeatures` order. */
  weights: number[];
}

// `|| 0`: no -0, which the weights file would write as 0.
const round = (value: number, digits = 4) => Number(value.toFixed(digits)) || 0;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function groundTruth(id: string): any {
  return JSON.parse(readFileSync(join(WCXB, 'ground-truth', `${id}.json`), 'utf8'));
}

/** The tune-side WCXB articles and non-article pages, in id order. */
export function tunePageIds(): string[] {
  return readdirSync(join(WCXB, 'ground-truth'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => name.replace(/\.json$/, ''))
    .filter((id) => {
      const data = groundTruth(id);
      const type = data._internal.page_type.primary;
      return (type === 'article' || NON_ARTICLE_TYPES.has(type)) && splitSide(data.url, id) === 'tune';
    });
}

const SIGNALS_READ = new Error('is-article signals read');

/**
 * The page's features as the pipeline computes them, with the page's label and half of the tune sites. Scripts
 * and style sheets are emptied first (as scripts/measure-is-article.ts does): no signal reads them, and jsdom
 * spends most of its time parsing them.
 */
export function extractPage(id: string): PageRow & { names: string[] } {
  const data = groundTruth(id);
  // As the CLI's batch mode and npm run eval: an empty address is no address.
  const url: string | null = data.url || null;
  const dom = parseHtml(withoutHeavyRawText(readHtml(join(WCXB, 'html', `${id}.html.gz`))), url);
  let signals: ArticleSignals | null = null;
  try {
    // Nothing after the verdict is needed: the hook stops the pipeline there.
    cleanDocument(dom.window.document, {
      ...(url ? { url } : {}),
      markdown: false,
      articleSignals: (read) => {
        signals = read;
        throw SIGNALS_READ;
      },
    });
  } catch (error) {
    if (error !== SIGNALS_READ) throw new Error(`page ${id}: the pipeline failed before its is-article signals`, { cause: error });
  } finally {
    dom.window.close();
  }
  if (!signals) throw new Error(`page ${id}: no is-article signals`);
  const features = articleFeatures(signals);
  return {
    id,
    article: data._internal.page_type.primary === 'article' ? 1 : 0,
    half: (fnv1a(`${siteOf(data.url, id)}#half`) % 2) as 0 | 1,
    x: features.map(([, value]) => round(value)),
    names: features.map(([name]) => name),
  };
}

export function readTable(): FeatureTable {
  return JSON.parse(readFileSync(TABLE_PATH, 'utf8'));
}

/** One row per line: the table diffs by page. */
export function writeTable(table: FeatureTable) {
  const rows = table.rows.map((row) => JSON.stringify(row)).join(',\n');
  writeFileSync(TABLE_PATH, `{"features":${JSON.stringify(table.features)},"rows":[\n${rows}\n]}\n`);
}

// ---------------------------------------------------------------------------------------------------------
// Fitting

/** L2 penalties tried (on the weights, not the bias); the one with the best out-of-fold log loss is used. */
const PENALTIES = [0.1, 0.3, 1, 3, 10];
const NEWTON_STEPS = 30;
/**
 * The most non-articles the threshold may take for articles, out of fold on tune: a point under the 5 % target, so
 * that sites the model has never seen stay under it. Within it, as many articles as possible.
 */
const MAX_WRONG_YES = 0.04;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let row = col + 1; row < n; row++) {
      const factor = m[row][col] / m[col][col];
      for (let k = col; k <= n; k++) m[row][k] -= factor * m[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = m[row][n];
    for (let k = row + 1; k < n; k++) sum -= m[row][k] * x[k];
    x[row] = sum / m[row][row];
  }
  return x;
}

/** Logistic regression, L2 penalty `penalty` on the weights: [bias, ...weights]. Newton's method from zero. */
export function fitLogistic(rows: PageRow[], penalty: number): number[] {
  const d = rows[0].x.length + 1;
  let beta = new Array<number>(d).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : penalty * b));
    const hessian = beta.map((_, i) => beta.map((__, j) => (i === j && i > 0 ? penalty : 0)));
    for (const row of rows) {
      const v = [1, ...row.x];
      const p = sigmoid(v.reduce((sum, value, j) => sum + value * beta[j], 0));
      const w = p * (1 - p);
      for (let i = 0; i < d; i++) {
        gradient[i] += (p - row.article) * v[i];
        for (let j = 0; j <= i; j++) hessian[i][j] += w * v[i] * v[j];
      }
    }
    for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) hessian[i][j] = hessian[j][i];
    const delta = solve(hessian, gradient);
    beta = beta.map((b, j) => b - delta[j]);
  }
  return beta;
}

const logit = (beta: number[], row: PageRow) => row.x.reduce((sum, value, j) => sum + value * beta[j + 1], beta[0]);

/** Each row's log-odds from the model fitted on the other half of the tune sites. */
function outOfFold(rows: PageRow[], penalty: number): { row: PageRow; z: number }[] {
  const scored: { row: PageRow; z: number }[] = [];
  for (const half of [0, 1]) {
    const beta = fitLogistic(rows.filter((row) => row.half !== half), penalty);
    for (const row of rows.filter((r) => r.half === half)) scored.push({ row, z: logit(beta, row) });
  }
  return scored;
}

function logLoss(scored: { row: PageRow; z: number }[]): number {
  return scored.reduce((sum, { row, z }) => sum + Math.log1p(Math.exp(row.article ? -z : z)), 0) / scored.length;
}

export interface Operating {
  threshold: number;
  recognised: number;
  wrongYes: number;
}

/**
 * The lowest log-odds threshold (so the most articles) that takes at most MAX_WRONG_YES of the non-articles;
 * halfway between two scores, so that rounding cannot move a page across it.
 */
export function pickThreshold(scored: { row: PageRow; z: number }[]): Operating {
  const articles = scored.filter((s) => s.row.article).length;
  const others = scored.filter((s) => !s.row.article).map((s) => s.z).sort((a, b) => b - a);
  const allowed = Math.floor(MAX_WRONG_YES * others.length);
  // Non-articles scoring at or above the threshold: the `allowed` highest ones.
  const threshold = allowed === 0 ? others[0] + 0.01 : (others[allowed - 1] + others[allowed]) / 2;
  return {
    threshold,
    recognised: scored.filter((s) => s.row.article && s.z >= threshold).length / articles,
    wrongYes: others.filter((z) => z >= threshold).length / others.length,
  };
}

export interface Fit {
  model: ArticleModel;
  penalty: number;
  /** The out-of-fold figures at the chosen threshold. */
  outOfFold: Operating;
}

/** The model `npm run train` ships, from the table alone. */
export function fitArticleModel(table: FeatureTable): Fit {
  const penalty = PENALTIES.reduce((best, candidate) =>
    logLoss(outOfFold(table.rows, candidate)) < logLoss(outOfFold(table.rows, best)) ? candidate : best,
  );
  const operating = pickThreshold(outOfFold(table.rows, penalty));
  const beta = fitLogistic(table.rows, penalty);
  return {
    model: {
      bias: round(beta[0] - operating.threshold, 2),
      weights: table.features.map((_, j) => round(beta[j + 1], 2)),
    },
    penalty,
    outOfFold: operating,
  };
}

function writeWeights(fit: Fit, features: string[]) {
  const { model, penalty, outOfFold: o } = fit;
  // Names as comments: the content script carries only the numbers.
  const weights = model.weights.map((weight, j) => `    ${weight}, // ${features[j]}`).join('\n');
  writeFileSync(
    WEIGHTS_PATH,
    `// Written by \`npm run train\` (scripts/train-is-article.ts) from scripts/models/is-article-tune.json: do not edit.
// Logistic regression on the WCXB tune side, L2 penalty ${penalty}; the bias holds the threshold (out of fold on
// tune: ${(100 * o.recognised).toFixed(1)} % of articles recognised, ${(100 * o.wrongYes).toFixed(1)} % of non-articles taken for articles).
// Weights in the order of lib/is-article.ts \`articleFeatures\`.
export const ARTICLE_MODEL: { bias: number; weights: number[] } = {
  bias: ${model.bias},
  weights: [
${weights}
  ],
};
`,
  );
}

/** Pages per child process: jsdom keeps memory a process cannot give back, so each chunk gets a fresh one. */
const CHUNK_PAGES = 50;
const PARALLEL_CHUNKS = 2;

type ExtractedRow = ReturnType<typeof extractPage>;

/** Extracts the tune pages in child processes, CHUNK_PAGES each, PARALLEL_CHUNKS at a time; rows in id order. */
async function extractAll(ids: string[]): Promise<ExtractedRow[]> {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += CHUNK_PAGES) chunks.push(ids.slice(start, start + CHUNK_PAGES));
  const results: ExtractedRow[][] = new Array(chunks.length);
  let next = 0;
  let done = 0;
  const runChunk = async (): Promise<void> => {
    while (next < chunks.length) {
      const index = next++;
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--extract', ...chunks[index]], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (data: string) => (out += data));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      if (code !== 0) throw new Error(`extracting pages ${chunks[index][0]}…: exit ${code}`);
      results[index] = JSON.parse(out);
      done += chunks[index].length;
      process.stderr.write(`extract: ${done}/${ids.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CHUNKS }, runChunk));
  return results.flat();
}

async function main() {
  const extractIndex = process.argv.indexOf('--extract');
  if (extractIndex >= 0) {
    process.stdout.write(JSON.stringify(process.argv.slice(extractIndex + 1).map(extractPage)));
    return;
  }
  if (!process.argv.includes('--fit-only')) {
    const extracted = await extractAll(tunePageIds());
    writeTable({ features: extracted[0].names, rows: extracted.map(({ names, ...row }) => row) });
  }
  const table = readTable();
  const fit = fitArticleModel(table);
  writeWeights(fit, table.features);
  console.log(
    `penalty ${fit.penalty}; out of fold on tune: articles recognised ${(100 * fit.outOfFold.recognised).toFixed(1)} %, ` +
      `non-articles taken ${(100 * fit.outOfFold.wrongYes).toFixed(1)} %`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
