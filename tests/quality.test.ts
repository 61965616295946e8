// Quality guard: the ScrapingHub benchmark (181 articles), measured by the same code as `npm run eval`, must
// stay at or above the targets, so that no change can quietly lose what the clean-up rules won.
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, summarize, type CorpusSummary, type Metric } from '../scripts/eval-corpora.ts';
import { formatSummary } from '../scripts/eval-report.ts';

const metric = (summary: CorpusSummary, label: string): Metric => summary.metrics.find((m) => m.label === label)!;

describe('ScrapingHub benchmark', () => {
  it('Clarté stays at or above F1 0.960, precision 0.940, recall 0.975', { timeout: 300_000 }, async () => {
    const scores = await evaluateCorpus('scrapinghub', { workers: 2 });
    const summary = summarize('scrapinghub', scores);
    console.log(formatSummary(summary));

    expect(scores).toHaveLength(181);
    // The harness itself: plain Readability must reproduce the benchmark's published row (0.947 / 0.914 / 0.982),
    // or the metric or the baseline is off and Clarté's numbers mean nothing.
    expect(metric(summary, 'F1').plain).toBeCloseTo(0.947, 2);
    expect(metric(summary, 'precision').plain).toBeCloseTo(0.914, 2);
    expect(metric(summary, 'recall').plain).toBeCloseTo(0.982, 2);

    expect(scores.filter((s) => s.clarte.error).map((s) => `${s.id}: ${s.clarte.error}`)).toEqual([]);
    // The floor this guard holds (issue 2's targets); issue 10's higher targets (0.962 / 0.942) are reported by
    // `npm run eval`, not enforced here: the lead pictures' captions cost precision the model work did not win back.
    expect(metric(summary, 'F1').clarte).toBeGreaterThanOrEqual(0.96);
    expect(metric(summary, 'precision').clarte).toBeGreaterThanOrEqual(0.94);
    expect(metric(summary, 'recall').clarte).toBeGreaterThanOrEqual(0.975);
  });
});
