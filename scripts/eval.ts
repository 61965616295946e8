// `npm run eval`: plain Readability and Clarté side by side on the corpora of ../shared/corpus, with the
// issue's targets. Options: --corpus NAME (repeatable; default all), --limit N, --only ID (repeatable),
// --worst N, --leaks (WCXB: the clutter snippets each article leaks), --json FILE, --workers N, --timeout SECONDS,
// --side tune|validate (WCXB: only that side of the site split).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SplitSide } from './corpus-split.ts';
import { CORPUS_NAMES, evaluateCorpus, summarize, type CorpusName, type PageScore } from './eval-corpora.ts';
import { formatLeaks, formatSummary, formatWorst } from './eval-report.ts';
import { pictureReport } from './eval-pictures.ts';

const USAGE = `usage: npm run eval -- [--corpus scrapinghub|wcxb|readability]... [--limit N] [--only ID]...
                        [--worst N] [--leaks] [--json FILE] [--workers N] [--timeout SECONDS]
                        [--side tune|validate]`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      limit: { type: 'string' },
      only: { type: 'string', multiple: true },
      worst: { type: 'string' },
      leaks: { type: 'boolean' },
      json: { type: 'string' },
      workers: { type: 'string' },
      timeout: { type: 'string' },
      side: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const corpora = (values.corpus ?? CORPUS_NAMES) as CorpusName[];
  for (const corpus of corpora) {
    if (!CORPUS_NAMES.includes(corpus)) throw new Error(`unknown corpus '${corpus}' (${CORPUS_NAMES.join(', ')})`);
  }
  if (values.side !== undefined && values.side !== 'tune' && values.side !== 'validate') {
    throw new Error(`--side is tune or validate, got '${values.side}'`);
  }
  const count = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got '${value}'`);
    return n;
  };
  return {
    corpora,
    limit: count(values.limit, 'limit'),
    only: values.only,
    worst: count(values.worst, 'worst') ?? 0,
    leaks: values.leaks ?? false,
    json: values.json,
    workers: count(values.workers, 'workers') ?? 2,
    timeoutMs: (count(values.timeout, 'timeout') ?? 300) * 1000,
    side: values.side as SplitSide | undefined,
  };
}

async function main() {
  const options = parseOptions();
  const allScores: PageScore[] = [];
  for (const corpus of options.corpora) {
    const started = performance.now();
    const scores = await evaluateCorpus(corpus, {
      ...options,
      onProgress: (done, total) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${corpus}: ${done}/${total} pages${done === total ? '\n' : ''}`);
        else if (done % 100 === 0 || done === total) process.stderr.write(`${corpus}: ${done}/${total} pages\n`);
      },
    });
    allScores.push(...scores);
    if (scores.length === 0) {
      console.log(`${corpus}: no pages selected\n`);
      continue;
    }
    if (corpus === 'wcxb') {
      // Validation first: what a reader on a site we never tuned on gets.
      const sides: SplitSide[] = options.side ? [options.side] : ['validate', 'tune'];
      console.log(sides.map((side) => formatSummary(summarize(corpus, scores, side))).join('\n\n'));
    } else {
      console.log(formatSummary(summarize(corpus, scores)));
    }
    console.log(`(${scores.length} pages in ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    if (options.worst > 0) console.log(`${formatWorst(corpus, scores, options.worst)}\n`);
    if (options.leaks && corpus === 'wcxb') console.log(`${formatLeaks(scores)}\n`);
    const pictures = pictureReport(corpus, options);
    if (pictures) console.log(`${pictures}\n`);
  }
  if (options.json) {
    const pages = allScores.map(({ plain, clarte, ...page }) => {
      const { shingles: _p, ...plainScore } = plain;
      const { shingles: _c, ...clarteScore } = clarte;
      return { ...page, plain: plainScore, clarte: clarteScore };
    });
    writeFileSync(options.json, `${JSON.stringify(pages, null, 1)}\n`);
    console.log(`per-page scores written to ${options.json}`);
  }
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(2);
});
