// The `clarte` command line: the extension's own pipeline, run in Node on files, stdin or URLs. Pages are cleaned
// on worker threads (cli/worker.ts); this thread reads the inputs and writes the results, in input order. It is
// run bundled (scripts/build-cli.mjs → dist/), so that it starts without compiling TypeScript.
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { countHashtags, extractHashtags } from '../lib/hashtags.ts';
import type { CleanJob } from './clean.ts';
import { readStdin } from './input.ts';
import { WorkerPool } from './pool.ts';
import { describeError, failedRecord, type CleanRecord } from './record.ts';

const DEFAULT_JOBS = availableParallelism();
const DEFAULT_TIMEOUT_S = 30;
/** Old-generation heap per worker thread: see the pool below. */
const WORKER_HEAP_MB = 384;

const USAGE = `Clarté: the article of a cluttered page, clean.

usage:
  clarte clean FILE_OR_URL... [--url URL] [--json] [--format text|markdown|html] [--jobs N] [--timeout SECONDS]
      Cleans each page: a .html or .html.gz file, - for stdin, or an http(s) URL to fetch.
      Prints the article text (or its Markdown or sanitized HTML with --format).
      --url URL          the page's address (relative links, metadata) when it comes from a file or stdin
      --json             one JSON object per input, one per line, in input order
      --jobs N           pages cleaned at once, each on a thread of its own (default: ${DEFAULT_JOBS}, the cores)
      --timeout SECONDS  a page still being cleaned after this gets an error and the others go on (default: ${DEFAULT_TIMEOUT_S})
  clarte clean --json --batch [--jobs N] [--timeout SECONDS]
      Reads lines {"file": "...", "url": "..."} on stdin; prints one JSON result line per input line, in order.
  clarte hashtags [--all] [--batch]
      Reads plain text on stdin; prints [{"tag", "count"}], or with --all every hashtag in order as written.
      With --batch each stdin line is one JSON string and each stdout line the result for it.
  clarte --help

A missing, empty, binary or non-HTML input gets an error (the "error" key with --json); the other inputs are
still processed and the exit status is 1.`;

class UsageError extends Error {}

const FORMATS = ['text', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** Writes to stdout, waiting when the pipe is full so that a long batch does not pile up output in memory. */
function write(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(chunk)) return resolve();
    process.stdout.once('drain', resolve);
    process.stdout.once('error', reject);
  });
}

function stdinLines() {
  return createInterface({ input: process.stdin, crlfDelay: Infinity });
}

async function clean(args: string[]): Promise<boolean> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      json: { type: 'boolean', default: false },
      batch: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const jobs = values.jobs === undefined ? DEFAULT_JOBS : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs needs a whole number of at least 1, got '${values.jobs}'`);
  const timeoutS = values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(values.timeout);
  if (!(timeoutS > 0)) throw new UsageError(`--timeout needs a number of seconds above 0, got '${values.timeout}'`);
  if (values.batch) {
    if (positionals.length > 0) throw new UsageError('--batch reads its inputs from stdin: give no FILE');
  } else {
    if (positionals.length === 0) throw new UsageError('clean needs at least one FILE_OR_URL (or - for stdin)');
    if (positionals.filter((input) => input === '-').length > 1) throw new UsageError('stdin (-) can be read once');
  }

  const pool = new WorkerPool<CleanJob, CleanRecord>({
    workerUrl: new URL('./clarte-worker.mjs', import.meta.url),
    workers: jobs,
    timeoutMs: timeoutS * 1000,
    // Half the main thread's stack, not a worker's default 4 MB: jsdom walks the DOM recursively, and a page nested
    // 10,000 levels deep must fail at once as too deep (with 1 MB or more it grinds on past the timeout). All 130
    // Readability test pages clean without error with it.
    // A heap cap per worker holds the batch's memory (WCXB dev with --jobs 2: peak RSS 4.3 GB without it, 868 MB
    // with it, no page failing). Nothing is kept between pages: uncapped, V8 only postpones collecting, and side by
    // side the cap cost no measurable CPU. A page that needs more gets "the page needs more memory than a worker
    // has", the worker is replaced and the batch goes on.
    resourceLimits: { stackSizeMb: 0.5, maxOldGenerationSizeMb: WORKER_HEAP_MB },
    failed: (reason, job) => failedRecord(job.file, job.url, timedOutOrFailed(reason)),
  });
  let ok = true;
  try {
    const inputs = values.batch ? batchInputs() : fileInputs(positionals, values.url ?? null);
    await inOrder(pool, inputs, jobs, async (result) => {
      if (result.error) {
        ok = false;
        if (!values.batch) process.stderr.write(`clarte: ${result.file}: ${result.error}\n`);
      }
      if (values.json || values.batch) return write(`${JSON.stringify(result)}\n`);
      if (result.error) return;
      const header = positionals.length > 1 ? `==> ${result.file} <==\n` : '';
      return write(`${header}${formatted(result, format)}\n`);
    });
  } finally {
    await pool.close();
  }
  return ok;
}

function timedOutOrFailed(reason: string): string {
  return reason.startsWith('took longer') ? `cleaning the page ${reason} (--timeout); it was stopped` : reason;
}

/** A job for the pool, or the record of an input that is not one. */
type Input = CleanJob | CleanRecord;

async function* fileInputs(files: string[], url: string | null): AsyncGenerator<Input> {
  for (const file of files) yield { file, url, stdin: file === '-' ? await readStdin() : undefined };
}

async function* batchInputs(): AsyncGenerator<Input> {
  for await (const line of stdinLines()) {
    if (line.trim() === '') continue;
    let input: { file?: unknown; url?: unknown };
    try {
      input = JSON.parse(line);
    } catch {
      input = {};
    }
    const file = typeof input?.file === 'string' ? input.file : null;
    const url = typeof input?.url === 'string' && input.url !== '' ? input.url : null;
    yield file === null
      ? failedRecord(null, url, `not a batch line {"file": "...", "url": "..."}: ${line.slice(0, 80)}`)
      : { file, url };
  }
}

/**
 * Runs the inputs on the pool and hands each result to `emit` in input order. At most a few results per worker
 * wait for a slower page ahead of them: past that, no new input is read, so memory stays flat however long the
 * batch.
 */
async function inOrder(
  pool: WorkerPool<CleanJob, CleanRecord>,
  inputs: AsyncIterable<Input>,
  jobs: number,
  emit: (result: CleanRecord) => Promise<void> | void,
): Promise<void> {
  const window = jobs * 4;
  const pending: Promise<CleanRecord>[] = [];
  for await (const input of inputs) {
    pending.push('error' in input ? Promise.resolve(input) : pool.run(input));
    while (pending.length >= window) await emit(await pending.shift()!);
  }
  while (pending.length > 0) await emit(await pending.shift()!);
}

function formatted(result: CleanRecord, format: Format): string {
  if (format === 'markdown') return result.markdown;
  if (format === 'html') return result.html;
  return result.text;
}

function hashtagsOf(text: string, all: boolean) {
  const tags = extractHashtags(text);
  return all ? tags.map((tag) => `#${tag}`) : countHashtags(tags);
}

async function hashtags(args: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args,
    options: { all: { type: 'boolean', default: false }, batch: { type: 'boolean', default: false } },
  });
  if (!values.batch) {
    const text = new TextDecoder('utf-8').decode(await readStdin());
    await write(`${JSON.stringify(hashtagsOf(text, values.all))}\n`);
    return true;
  }
  let ok = true;
  for await (const line of stdinLines()) {
    let text: unknown;
    try {
      text = JSON.parse(line);
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      ok = false;
      await write(`${JSON.stringify({ error: `not a JSON string: ${line.slice(0, 80)}` })}\n`);
      continue;
    }
    await write(`${JSON.stringify(hashtagsOf(text, values.all))}\n`);
  }
  return ok;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined) throw new UsageError('which command?');
    if (command === '--help' || command === '-h' || command === 'help') {
      await write(`${USAGE}\n`);
      return 0;
    }
    if (args.includes('--help') || args.includes('-h')) {
      await write(`${USAGE}\n`);
      return 0;
    }
    if (command === 'clean') return (await clean(args)) ? 0 : 1;
    if (command === 'hashtags') return (await hashtags(args)) ? 0 : 1;
    throw new UsageError(`unknown command '${command}'`);
  } catch (error) {
    // parseArgs reports unknown options with a TypeError whose code is ERR_PARSE_ARGS_*.
    const code = (error as { code?: string }).code ?? '';
    if (error instanceof UsageError || code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`clarte: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`clarte: ${describeError(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
