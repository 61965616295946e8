// `npm run train:blocks`: fits the boilerplate-block model (lib/boilerplate-blocks.ts) on the TUNE side of WCXB
// dev (scripts/corpus-split.ts), never on validate, ScrapingHub or Readability's pages, which judge it.
//   1. extract (slow, minutes): every tune article through the pipeline with the model observing; each candidate
//      block's features, whether its words are the article's (the ground truth's main_content), and what
//      removing it would change (its words, how many of them the truth has, which `without` snippets it holds).
//      Written to scripts/models/blocks-tune.json.gz: numbers only, no page text.
//   2. fit (seconds): L2 logistic regression by Newton's method from zero (deterministic), then the threshold that
//      best trades the tune pages' word F1 against their leaked snippets, written to lib/boilerplate-blocks.weights.ts.
// `--fit-only` skips step 1 and fits from the committed table (what the test checks).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLOCK_FEATURES, isJudged, scoreBlock, type BlockModel, type BlockSample, type BlockTree } from '../lib/boilerplate-blocks.ts';
import { fnv1a } from './corpus-split.ts';
import { cleanDocument } from '../lib/pipeline.ts';
import { parseHtml } from '../cli/dom.ts';
import { splitSide } from './corpus-split.ts';
import { CORPUS_ROOT } from './eval-corpora.ts';
import { readHtml } from './eval-extract.ts';
import { tokenize } from './eval-metrics.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TABLE_PATH = join(ROOT, 'scripts/models/blocks-tune.json.gz');
export const WEIGHTS_PATH = join(ROOT, 'lib/boilerplate-blocks.weights.ts');
const WCXB = join(CORPUS_ROOT, 'wcxb-dev');

/** One tune article: what its text scores before the model, and its candidate blocks. */
export interface PageRow {
  id: string;
  /** Words in the truth, in Clarté's text, and in both (bags, as WCXB's word F1). */
  truthWords: number;
  textWords: number;
  overlap: number;
  withoutCount: number;
  /** Per `without` snippet found in Clarté's text: the blocks that hold it ([] when no single block does). */
  leaks: number[][];
  blocks: BlockRow[];
}

export interface BlockRow {
  /** Feature values, rounded to 4 decimals, in BLOCK_FEATURES order. */
  f: number[];
  /** 1 when the block is boilerplate: its words are not the article's. */
  y: 0 | 1;
  words: number;
  /** How much the page's word overlap with the truth drops when this block alone is removed (bags, as WCXB). */
  overlap: number;
}

// `|| 0`: no -0, which the weights file would write as 0.
const round = (value: number, digits = 4) => Number(value.toFixed(digits)) || 0;

/** The tune-side WCXB articles, in id order. */
export function tuneArticleIds(): string[] {
  return readdirSync(join(WCXB, 'ground-truth'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => name.replace(/\.json$/, ''))
    .filter((id) => {
      const data = groundTruth(id);
      return data._internal.page_type.primary === 'article' && splitSide(data.url, id) === 'tune';
    });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function groundTruth(id: string): any {
  return JSON.parse(readFileSync(join(WCXB, 'ground-truth', `${id}.json`), 'utf8'));
}

/** Lowercased word bag. */
function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text.toLowerCase())) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function bagOverlap(a: Map<string, number>, b: Map<string, number>): number {
  let overlap = 0;
  for (const [token, count] of a) overlap += Math.min(count, b.get(token) ?? 0);
  return overlap;
}

/**
 * What removing a block's words from the text takes from its overlap with the truth: a word the text has more
 * often than the truth costs nothing until its surplus is gone.
 */
function overlapLoss(block: Map<string, number>, text: Map<string, number>, truth: Map<string, number>): number {
  let loss = 0;
  for (const [token, count] of block) {
    const inText = text.get(token) ?? 0;
    const inTruth = truth.get(token) ?? 0;
    loss += Math.min(inText, inTruth) - Math.min(Math.max(0, inText - count), inTruth);
  }
  return loss;
}

/**
 * Whether a block's words are the article's: a block of up to 3 words must occur as such in the truth; a longer
 * one must have at least half of its word 3-grams there.
 */
function isArticleText(tokens: string[], truthTokens: string[], truthTrigrams: Set<string>): boolean {
  if (tokens.length === 0) return true;
  if (tokens.length <= 3) return ` ${truthTokens.join(' ')} `.includes(` ${tokens.join(' ')} `);
  let found = 0;
  for (let i = 0; i + 3 <= tokens.length; i++) if (truthTrigrams.has(tokens.slice(i, i + 3).join(' '))) found++;
  return found * 2 >= tokens.length - 2;
}

export function extractPage(id: string): PageRow {
  const data = groundTruth(id);
  const truth: string = data.ground_truth.main_content ?? '';
  const without: string[] = data.ground_truth.without ?? [];
  const url: string | null = data.url || null;
  const dom = parseHtml(readHtml(join(WCXB, 'html', `${id}.html.gz`)), url);
  const samples: BlockSample[] = [];
  let text = '';
  try {
    text = cleanDocument(dom.window.document, { ...(url ? { url } : {}), markdown: false, blocks: { observe: (s) => samples.push(s) } }).text;
  } finally {
    dom.window.close();
  }
  const truthTokens = tokenize(truth.toLowerCase());
  const truthBag = bag(truth);
  const truthTrigrams = new Set<string>();
  for (let i = 0; i + 3 <= truthTokens.length; i++) truthTrigrams.add(truthTokens.slice(i, i + 3).join(' '));
  const textBag = bag(text);
  const blocks: BlockRow[] = samples.map((sample) => {
    const tokens = tokenize(sample.text.toLowerCase());
    return {
      f: sample.features.map((value) => round(value)),
      y: isArticleText(tokens, truthTokens, truthTrigrams) ? 0 : 1,
      words: tokens.length,
      overlap: overlapLoss(bag(sample.text), textBag, truthBag),
    };
  });
  const lowerText = text.toLowerCase();
  const leaks = without
    .filter((snippet) => lowerText.includes(snippet.toLowerCase()))
    .map((snippet) => samples.flatMap((sample, i) => (sample.text.toLowerCase().includes(snippet.toLowerCase()) ? [i] : [])));
  return {
    id,
    truthWords: truthTokens.length,
    textWords: tokenize(text).length,
    overlap: bagOverlap(textBag, truthBag),
    withoutCount: without.length,
    leaks,
    blocks,
  };
}

export function readTable(path = TABLE_PATH): PageRow[] {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
}

// ---- fitting ----

/** Gradient-boosted trees (log loss, second-order, XGBoost-style gain) on binned features: deterministic. */
const ROUNDS = 100;
const DEPTH = 3;
const RATE = 0.3;
const L2 = 1;
/** A node with fewer blocks is a leaf. */
const MIN_NODE_BLOCKS = 50;
/** Candidate thresholds per feature: the distinct values, or this many quantiles of them. */
const BINS = 32;

/**
 * Pages whose text holds less than this share of the truth's words are left out of fitting: Readability took the
 * wrong part of the page there, every block is "boilerplate", and the trees learned that paragraphs can be.
 */
const MIN_PAGE_RECALL = 0.8;

export function fitBlockModel(table: PageRow[]): BlockModel {
  const pages = table.filter((page) => page.truthWords > 0 && page.overlap / page.truthWords >= MIN_PAGE_RECALL);
  const model = fitTrees(pages);
  return { ...model, threshold: chooseThreshold(pages) };
}

function fitTrees(pages: PageRow[]): BlockModel {
  const rows = pages.flatMap((page) => page.blocks).filter((row) => row.f.length > 0 && isJudged(row.f));
  const featureCount = BLOCK_FEATURES.length;
  const cuts = Array.from({ length: featureCount }, (_, j) => candidateCuts(rows.map((row) => row.f[j])));
  // bin[j][i]: the number of cuts below row i's value of feature j (it goes right of those).
  const bins = cuts.map((cut, j) => Uint8Array.from(rows, (row) => cut.filter((c) => row.f[j] > c).length));
  const positives = rows.filter((row) => row.y).length;
  const base = round(Math.log(positives / (rows.length - positives)), 3);
  const score = new Float64Array(rows.length).fill(base);
  const trees: BlockTree[] = [];
  const all = rows.map((_, i) => i);
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    const g = new Float64Array(rows.length);
    const h = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const p = 1 / (1 + Math.exp(-score[i]));
      g[i] = p - rows[i].y;
      h[i] = Math.max(p * (1 - p), 1e-6);
    }
    const tree = growTree(all, g, h, bins, cuts, DEPTH);
    trees.push(tree);
    for (let i = 0; i < rows.length; i++) score[i] += RATE * leafValue(tree, rows[i].f);
  }
  return { base, rate: RATE, trees, threshold: 1 };
}

function candidateCuts(values: number[]): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const midpoints = distinct.slice(0, -1).map((value, i) => round((value + distinct[i + 1]) / 2, 3));
  if (midpoints.length <= BINS) return midpoints;
  return [...new Set(Array.from({ length: BINS }, (_, q) => midpoints[Math.floor(((q + 0.5) * midpoints.length) / BINS)]))];
}

function growTree(rows: number[], g: Float64Array, h: Float64Array, bins: Uint8Array[], cuts: number[][], depth: number): BlockTree {
  let G = 0;
  let H = 0;
  for (const i of rows) {
    G += g[i];
    H += h[i];
  }
  const value = round(-G / (H + L2), 3);
  if (depth === 0 || rows.length < MIN_NODE_BLOCKS) return value;
  let best = { gain: 1e-9, feature: -1, cut: 0 };
  for (let j = 0; j < cuts.length; j++) {
    const count = cuts[j].length + 1;
    const histG = new Float64Array(count);
    const histH = new Float64Array(count);
    for (const i of rows) {
      histG[bins[j][i]] += g[i];
      histH[bins[j][i]] += h[i];
    }
    let GL = 0;
    let HL = 0;
    for (let c = 0; c < cuts[j].length; c++) {
      GL += histG[c];
      HL += histH[c];
      const GR = G - GL;
      const HR = H - HL;
      if (HL < 1 || HR < 1) continue;
      const gain = (GL * GL) / (HL + L2) + (GR * GR) / (HR + L2) - (G * G) / (H + L2);
      if (gain > best.gain) best = { gain, feature: j, cut: c };
    }
  }
  if (best.feature < 0) return value;
  const left = rows.filter((i) => bins[best.feature][i] <= best.cut);
  const right = rows.filter((i) => bins[best.feature][i] > best.cut);
  return [
    best.feature,
    cuts[best.feature][best.cut],
    value,
    growTree(left, g, h, bins, cuts, depth - 1),
    growTree(right, g, h, bins, cuts, depth - 1),
  ];
}

function leafValue(tree: BlockTree, features: number[]): number {
  let node = tree;
  while (typeof node !== 'number') node = features[node[0]] <= node[1] ? node[3] : node[4];
  return node;
}

/** What the tune pages score when the model removes what it would remove at `model.threshold`. */
export function simulate(pages: PageRow[], model: BlockModel): { f1: number; leak: number; removedWords: number } {
  let f1Sum = 0;
  let leakSum = 0;
  let leakPages = 0;
  let removedWords = 0;
  for (const page of pages) {
    const gone = blocksRemoved(page, model);
    let words = page.textWords;
    let overlap = page.overlap;
    for (const i of gone) {
      words -= page.blocks[i].words;
      overlap -= page.blocks[i].overlap;
      removedWords += page.blocks[i].words;
    }
    const precision = words > 0 ? Math.max(0, overlap) / words : 0;
    const recall = page.truthWords > 0 ? Math.max(0, overlap) / page.truthWords : 0;
    f1Sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    if (page.withoutCount > 0) {
      leakPages++;
      const leaked = page.leaks.filter((holders) => holders.length === 0 || holders.some((i) => !gone.has(i))).length;
      leakSum += leaked / page.withoutCount;
    }
  }
  return { f1: f1Sum / pages.length, leak: leakPages ? leakSum / leakPages : 0, removedWords };
}

/**
 * The blocks the model removes on a page, as lib/boilerplate-blocks.ts decides (same score, same caps; the table
 * does not know which block is the page's summary, which the pipeline never removes).
 */
function blocksRemoved(page: PageRow, model: BlockModel): Set<number> {
  const gone = new Set<number>();
  if (page.blocks.length < 2) return gone;
  const total = page.blocks.reduce((sum, block) => sum + block.words, 0);
  let removedWords = 0;
  page.blocks.forEach((block, i) => {
    if (block.f.length === 0 || !isJudged(block.f)) return;
    if (scoreBlock(model, block.f).probability < model.threshold) return;
    if ((removedWords + block.words) * 3 > total) return;
    removedWords += block.words;
    gone.add(i);
  });
  return gone;
}

/** Points of leak (mean of pages) worth one point of word F1 when choosing the threshold. */
const LEAK_PER_F1 = 2;

/**
 * The threshold, chosen on pages the trees were not fitted on: the tune pages in two halves (by a hash of the
 * page id), trees fitted on each half and judged on the other; the threshold that does best on both together.
 * In-sample the trees are over-confident and a threshold chosen there removes too much.
 */
function chooseThreshold(pages: PageRow[]): number {
  const halves = [pages.filter((page) => fnv1a(page.id) % 2 === 0), pages.filter((page) => fnv1a(page.id) % 2 === 1)];
  const crossed = halves.map((half, k) => ({ model: fitTrees(halves[1 - k]), judged: half }));
  let best = { threshold: 1, value: -Infinity };
  for (let t = 50; t <= 95; t++) {
    const threshold = t / 100;
    let value = 0;
    for (const { model, judged } of crossed) {
      const { f1, leak } = simulate(judged, { ...model, threshold });
      value += (f1 - leak / LEAK_PER_F1) * judged.length;
    }
    if (value > best.value + 1e-12) best = { threshold, value };
  }
  return best.threshold;
}

export function weightsModule(model: BlockModel): string {
  return `// Generated by \`npm run train\` (scripts/train-blocks.ts) from the tune side of WCXB dev. Do not edit by hand.
import type { BlockModel } from './boilerplate-blocks';

export const BLOCK_MODEL: BlockModel = {
  base: ${model.base},
  rate: ${model.rate},
  threshold: ${model.threshold},
  trees: ${JSON.stringify(model.trees)},
};
`;
}

function describe(pages: PageRow[], model: BlockModel): string {
  const off = simulate(pages, { ...model, threshold: 2 });
  const on = simulate(pages, model);
  const splits = new Array<number>(BLOCK_FEATURES.length).fill(0);
  const count = (node: BlockTree) => {
    if (typeof node === 'number') return;
    splits[node[0]]++;
    count(node[3]);
    count(node[4]);
  };
  model.trees.forEach(count);
  return [
    `tune articles: ${pages.length}, blocks: ${pages.reduce((s, p) => s + p.blocks.length, 0)} (boilerplate ${pages.reduce((s, p) => s + p.blocks.filter((b) => b.y).length, 0)})`,
    `${model.trees.length} trees, threshold ${model.threshold} (chosen across halves of tune)`,
    `in-sample on tune: word F1 ${off.f1.toFixed(4)} -> ${on.f1.toFixed(4)}, leak (mean of pages) ${(off.leak * 100).toFixed(2)} % -> ${(on.leak * 100).toFixed(2)} %, words removed ${on.removedWords}`,
    'splits per feature:',
    ...BLOCK_FEATURES.map((name, j) => `  ${String(splits[j]).padStart(4)}  ${name}`),
  ].join('\n');
}

/** Pages per child process: jsdom keeps memory a process cannot give back, so each chunk gets a fresh one. */
const CHUNK_PAGES = 40;
const PARALLEL_CHUNKS = 2;

/** Extracts the tune pages in child processes, CHUNK_PAGES each, PARALLEL_CHUNKS at a time; rows in id order. */
async function extractAll(ids: string[]): Promise<PageRow[]> {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += CHUNK_PAGES) chunks.push(ids.slice(start, start + CHUNK_PAGES));
  const results: PageRow[][] = new Array(chunks.length);
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
    const pages = await extractAll(tuneArticleIds());
    mkdirSync(dirname(TABLE_PATH), { recursive: true });
    writeFileSync(TABLE_PATH, gzipSync(JSON.stringify(pages), { level: 9 }));
  }
  const pages = readTable();
  const model = fitBlockModel(pages);
  writeFileSync(WEIGHTS_PATH, weightsModule(model));
  console.log(describe(pages, model));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
