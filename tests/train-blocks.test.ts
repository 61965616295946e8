// The boilerplate-block model is reproducible: the shipped weights are what `npm run train:blocks` fits from the
// committed feature table, and that table is what the pipeline extracts today from the tune pages (on a sample:
// extracting all of them takes minutes), so neither the table nor the weights can drift from the code.
import { describe, expect, it } from 'vitest';
import { BLOCK_MODEL } from '../lib/boilerplate-blocks.weights.ts';
import { extractPage, fitBlockModel, readTable, tuneArticleIds } from '../scripts/train-blocks.ts';

describe('boilerplate-block model', () => {
  const table = readTable();

  it('is fitted on the tune side only, on every tune article', () => {
    expect(table.map((page) => page.id)).toEqual(tuneArticleIds());
  });

  it('ships the weights the training script fits from the table', { timeout: 120_000 }, () => {
    expect(fitBlockModel(table)).toEqual(BLOCK_MODEL);
  });

  it('has a table the pipeline still extracts (every 60th tune page)', { timeout: 120_000 }, () => {
    const sample = table.filter((_, index) => index % 60 === 0);
    expect(sample.length).toBeGreaterThanOrEqual(8);
    for (const row of sample) expect(extractPage(row.id), `page ${row.id}`).toEqual(row);
  });
});
