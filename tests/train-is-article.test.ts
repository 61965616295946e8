// The is-article model is reproducible: the shipped weights are what `npm run train:is-article` fits from the
// committed feature table, and that table is what the pipeline extracts today from the tune pages (on a sample:
// extracting all of them takes minutes), so neither the table nor the weights can drift from the code.
import { describe, expect, it } from 'vitest';
import { ARTICLE_MODEL } from '../lib/is-article.weights.ts';
import { extractPage, fitArticleModel, readTable, tunePageIds } from '../scripts/train-is-article.ts';

describe('is-article model', () => {
  const table = readTable();

  it('is fitted on the tune side only, on every tune article and non-article page', () => {
    expect(table.rows.map((row) => row.id)).toEqual(tunePageIds());
    expect(ARTICLE_MODEL.weights).toHaveLength(table.features.length);
  });

  it('ships the weights the training script fits from the table', { timeout: 60_000 }, () => {
    expect(fitArticleModel(table).model).toEqual(ARTICLE_MODEL);
  });

  it('has a table the pipeline still extracts (every 80th tune page)', { timeout: 120_000 }, () => {
    const sample = table.rows.filter((_, index) => index % 80 === 0);
    expect(sample.length).toBeGreaterThanOrEqual(8);
    for (const row of sample) {
      const { names, ...extracted } = extractPage(row.id);
      expect(names, `page ${row.id}`).toEqual(table.features);
      expect(extracted, `page ${row.id}`).toEqual(row);
    }
  });
});
