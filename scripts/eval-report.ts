// Plain-text tables for `npm run eval` and the quality test.
import { meets, worstPages, type CorpusName, type CorpusSummary, type Metric, type PageScore } from './eval-corpora.ts';

function formatValue(metric: Metric, value: number): string {
  if (metric.format === 'percent') return `${(value * 100).toFixed(1)} %`;
  if (metric.format === 'count') return `${value}/${metric.of} (${((value / (metric.of || 1)) * 100).toFixed(1)} %)`;
  return value.toFixed(3);
}

function formatTarget(metric: Metric): string {
  if (!metric.target) return '';
  const { op, value } = metric.target;
  const shown = metric.format === 'score' ? value.toFixed(3) : `${+(value * 100).toFixed(1)} %`;
  return `${op === '>=' ? '≥' : '≤'} ${shown}`;
}

export function formatSummary(summary: CorpusSummary): string {
  const rows = summary.metrics.map((metric) => {
    const pass = meets(metric);
    return [
      metric.label,
      formatValue(metric, metric.plain),
      formatValue(metric, metric.clarte),
      formatTarget(metric),
      pass === null ? '' : pass ? 'pass' : 'FAIL',
    ];
  });
  const header = ['', 'Readability', 'Clarté', 'target', ''];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  ');
  return [summary.title, line(header), ...rows.map(line)].map((row) => row.trimEnd()).join('\n');
}

export function formatWorst(corpus: CorpusName, scores: PageScore[], count: number): string {
  const score = corpus === 'readability' ? 'recall' : 'F1';
  const lines = worstPages(corpus, scores, count).map(
    (s) =>
      `  ${s.id}  Clarté ${score} ${s.clarte.f1.toFixed(3)} (P ${s.clarte.precision.toFixed(3)}, ` +
      `R ${s.clarte.recall.toFixed(3)})  Readability ${s.plain.f1.toFixed(3)}` +
      `${s.clarte.error ? `  error: ${s.clarte.error}` : ''}  ${s.url}`,
  );
  return [`Worst ${lines.length} pages for Clarté (${corpus}):`, ...lines].join('\n');
}

/** WCXB articles whose Clarté text holds `without` snippets (clutter), each with the snippets that leaked. */
export function formatLeaks(scores: PageScore[]): string {
  const leaking = scores.filter((s) => s.pageType === 'article' && s.clarte.leaked?.length);
  const lines = leaking.flatMap((s) => [
    `  ${s.id}  ${s.clarte.leaked!.length}/${s.withoutCount} leaked (Readability ${s.plain.withoutLeaked})  ${s.url}`,
    ...s.clarte.leaked!.map((snippet) => `      ${JSON.stringify(snippet)}`),
  ]);
  return [`Leaked 'without' snippets, ${leaking.length} articles:`, ...lines].join('\n');
}
