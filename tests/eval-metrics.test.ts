// The benchmarks' metrics on hand-checked cases (values worked out with the benchmarks' own Python definitions).
import { describe, expect, it } from 'vitest';
import {
  benchmarkScore,
  shingleMatching,
  snippetHits,
  tokenize,
  wordScore,
} from '../scripts/eval-metrics.ts';

describe('tokenize (Python re \\w+ with Unicode)', () => {
  it('keeps letters, digits and underscores of any script; splits on punctuation and combining marks', () => {
    expect(tokenize("L'État, 9.200 comptes_x — مصر 日本語!")).toEqual(['L', 'État', '9', '200', 'comptes_x', 'مصر', '日本語']);
    // Python's \w does not match combining marks (category Mn): a decomposed é splits the word.
    expect(tokenize('Cafe\u0301 ok')).toEqual(['Cafe', 'ok']);
    expect(tokenize('½ ² Ⅻ')).toEqual(['½', '²', 'Ⅻ']);
  });
});

describe('ScrapingHub shingle matching', () => {
  it('counts 4-gram multisets and normalizes TP/FP/FN to sum 1', () => {
    // truth: a b c d e → abcd, bcde; prediction: a b c d x → abcd, bcdx.
    expect(shingleMatching('a b c d e', 'a b c d x')).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    // Repeated shingles count as many times as they occur.
    expect(shingleMatching('a b c d a b c d', 'a b c d')).toEqual({ tp: 1 / 5, fp: 0, fn: 4 / 5 });
  });

  it('uses one shorter shingle for texts under four tokens, and zeros for two empty texts', () => {
    expect(shingleMatching('a b', 'a b')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(shingleMatching('', '')).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it('macro-averages precision and recall, leaving out pages with nothing predicted / nothing true', () => {
    const pages = [
      shingleMatching('a b c d e', 'a b c d e'), // P 1, R 1
      shingleMatching('a b c d e f', 'a b c d'), // P 1, R 1/3
      shingleMatching('a b c d', ''), // TP+FP = 0: out of precision; recall 0
    ];
    const score = benchmarkScore(pages);
    expect(score.precision).toBeCloseTo(1, 10);
    expect(score.recall).toBeCloseTo((1 + 1 / 3 + 0) / 3, 10);
    expect(score.f1).toBeCloseTo((2 * score.precision * score.recall) / (score.precision + score.recall), 10);
  });
});

describe('WCXB word F1 and snippets', () => {
  it('compares lowercased word bags', () => {
    const score = wordScore('The cat sat on the mat', 'the CAT sat sat');
    // overlap: the 1, cat 1, sat 1 = 3; |pred| 4, |truth| 6.
    expect(score.precision).toBeCloseTo(3 / 4);
    expect(score.recall).toBeCloseTo(3 / 6);
    expect(score.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25);
    expect(wordScore('', '')).toMatchObject({ f1: 1 });
    expect(wordScore('', 'x')).toMatchObject({ f1: 0 });
    expect(wordScore('x', '')).toMatchObject({ f1: 0 });
  });

  it('finds snippets case-insensitively', () => {
    expect(snippetHits('Subscribe to our NEWSLETTER today', ['our newsletter', 'cookie policy'])).toBe(1);
  });
});
