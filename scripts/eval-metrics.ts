// The benchmarks' metrics, as their own evaluation scripts compute them (ScrapingHub's evaluate.py, WCXB's
// word_f1), so that our numbers compare with their published tables.

/**
 * Python's `re.findall(r'\w+', text)` on a str: `\w` there is `str.isalnum()` or `_`, i.e. Unicode letters
 * (L*) and numbers (N*). Combining marks are not word characters in Python, so they are not here either.
 */
const WORD = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

export interface ShingleCounts {
  /** Normalized so that tp + fp + fn = 1 (or all 0 when both texts have no tokens). */
  tp: number;
  fp: number;
  fn: number;
}

/** Multiset of word n-grams; a text shorter than n tokens gives one shorter shingle (as evaluate.py does). */
function shingles(text: string, n: number): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    // U+0000 cannot occur inside a token, so it separates tokens unambiguously.
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ScrapingHub's `string_shingle_matching`: TP/FP/FN over word 4-gram multisets, normalized per page. */
export function shingleMatching(truth: string, prediction: string, n = 4): ShingleCounts {
  const truthShingles = shingles(truth, n);
  const predictedShingles = shingles(prediction, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truthShingles.keys(), ...predictedShingles.keys()])) {
    const inTruth = truthShingles.get(key) ?? 0;
    const predicted = predictedShingles.get(key) ?? 0;
    tp += Math.min(inTruth, predicted);
    fp += Math.max(0, predicted - inTruth);
    fn += Math.max(0, inTruth - predicted);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function shinglePrecision({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function shingleRecall({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export interface BenchmarkScore {
  f1: number;
  precision: number;
  recall: number;
}

/**
 * ScrapingHub's `metrics_from_tp_fp_fns`: precision averaged over pages with TP+FP > 0, recall over pages
 * with TP+FN > 0, F1 = harmonic mean of the two averages.
 */
export function benchmarkScore(pages: ShingleCounts[]): BenchmarkScore {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map(shinglePrecision));
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map(shingleRecall));
  return { f1: harmonic(precision, recall), precision, recall };
}

export interface WordScore {
  f1: number;
  precision: number;
  recall: number;
}

function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of tokenize(text.toLowerCase())) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

function bagSize(bag: Map<string, number>): number {
  let size = 0;
  for (const count of bag.values()) size += count;
  return size;
}

/** WCXB's `word_f1`: bags of lowercased `\w+` words; empty truth scores 1 only against an empty prediction. */
export function wordScore(truth: string, prediction: string): WordScore {
  const truthBag = wordBag(truth);
  const predictedBag = wordBag(prediction);
  const truthSize = bagSize(truthBag);
  const predictedSize = bagSize(predictedBag);
  if (truthSize === 0) {
    const score = predictedSize === 0 ? 1 : 0;
    return { f1: score, precision: score, recall: score };
  }
  if (predictedSize === 0) return { f1: 0, precision: 0, recall: 0 };
  let overlap = 0;
  for (const [word, count] of predictedBag) overlap += Math.min(count, truthBag.get(word) ?? 0);
  const precision = overlap / predictedSize;
  const recall = overlap / truthSize;
  return { f1: harmonic(precision, recall), precision, recall };
}

/** Share of snippets found in the text, case-insensitively (WCXB's `with` rate and `without` leak). */
export function snippetHits(text: string, snippets: string[]): number {
  return snippetsFound(text, snippets).length;
}

/** The snippets found in the text, case-insensitively (which `without` snippets leaked, for `--leaks`). */
export function snippetsFound(text: string, snippets: string[]): string[] {
  const haystack = text.toLowerCase();
  return snippets.filter((snippet) => haystack.includes(snippet.toLowerCase()));
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}
