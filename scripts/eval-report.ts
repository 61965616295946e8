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

/**
 * Kinds of clutter, each by the words its snippets use (English and French), for `--leaks`: the largest general
 * class of what still leaks shows first. The first kind whose pattern matches a snippet is its kind.
 */
const LEAK_KINDS: [kind: string, pattern: RegExp][] = [
  ['newsletter', /\b(newsletter|subscri|sign ?up|inscri|abonn|e-?mail|mailing|inbox|unsubscribe)/i],
  ['share', /\b(share|partag|tweet|pin it|whatsapp|linkedin|copy link|email this|print)/i],
  ['comments', /\b(comment|repl(y|ies)|r[ée]pon|discussion|log ?in to|join the conversation)/i],
  ['related', /\b(related|recommend|you may|you might|also like|read more|more from|more stories|popular|trending|lire aussi|à lire|next article|previous|see also|latest)/i],
  ['author box', /\b(about the author|written by|posted by|author|bio\b|contributor|par\s|auteur)/i],
  ['legal', /(©|copyright|rights reserved|privacy|terms|cookie|disclaimer|disclosure|affiliate|commission|legal|mentions)/i],
  ['ads', /\b(advert|sponsor|promot|ad\b|ads\b|publicit|partner|deal|coupon|% off|discount|shop now|buy now)/i],
  ['navigation', /\b(home|menu|search|skip to|log ?in|sign in|account|cart|contact|about us|navigation|accueil|rubrique)\b/i],
  ['tags and meta', /\b(tags?|filed under|categor|topics?|posted in|updated|published|min read|minutes? read)\b/i],
];

export function leakKind(snippet: string): string {
  return LEAK_KINDS.find(([, pattern]) => pattern.test(snippet))?.[0] ?? 'other';
}

/** WCXB articles' leaked `without` snippets, grouped by kind of clutter, largest kind first, with their pages. */
export function formatLeaks(scores: PageScore[]): string {
  const leaks = scores
    .filter((s) => s.pageType === 'article')
    .flatMap((s) => (s.clarte.leaked ?? []).map((snippet) => ({ snippet, score: s, kind: leakKind(snippet) })));
  const byKind = new Map<string, typeof leaks>();
  for (const leak of leaks) byKind.set(leak.kind, [...(byKind.get(leak.kind) ?? []), leak]);
  const kinds = [...byKind].sort((a, b) => b[1].length - a[1].length);
  const sideCount = (list: typeof leaks, side: string) => list.filter((l) => l.score.side === side).length;
  const lines = [
    `Leaked 'without' snippets: ${leaks.length} on ${new Set(leaks.map((l) => l.score.id)).size} articles, by kind ` +
      `(validate / tune):`,
    ...kinds.map(([kind, list]) => `  ${kind.padEnd(14)} ${String(list.length).padStart(4)}  (${sideCount(list, 'validate')} / ${sideCount(list, 'tune')})`),
  ];
  for (const [kind, list] of kinds) {
    lines.push('', `${kind}:`);
    for (const { snippet, score } of list) {
      lines.push(`  ${score.id} ${score.side ?? ''}  ${JSON.stringify(snippet.length > 100 ? `${snippet.slice(0, 100)}…` : snippet)}  ${score.url}`);
    }
  }
  return lines.join('\n');
}
