// The `clarte` command line: the extension's own pipeline, run in Node on files, stdin or URLs.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { countHashtags, extractHashtags } from '../lib/hashtags.ts';
import { cleanInput, describeError, failedRecord, type CleanRecord } from './clean.ts';
import { readStdin } from './input.ts';

const USAGE = `Clarté: the article of a cluttered page, clean.

usage:
  clarte clean FILE_OR_URL... [--url URL] [--json] [--format text|markdown|html]
      Cleans each page: a .html or .html.gz file, - for stdin, or an http(s) URL to fetch.
      Prints the article text (or its Markdown or sanitized HTML with --format).
      --url URL   the page's address (relative links, metadata) when it comes from a file or stdin
      --json      one JSON object per input, one per line, in input order
  clarte clean --json --batch
      Reads lines {"file": "...", "url": "..."} on stdin; prints one JSON result line per input line.
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
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (values.batch) {
    if (positionals.length > 0) throw new UsageError('--batch reads its inputs from stdin: give no FILE');
    return cleanBatch();
  }
  if (positionals.length === 0) throw new UsageError('clean needs at least one FILE_OR_URL (or - for stdin)');
  if (positionals.filter((input) => input === '-').length > 1) throw new UsageError('stdin (-) can be read once');

  let ok = true;
  for (const input of positionals) {
    const result = await cleanInput(input, values.url ?? null);
    if (result.error) {
      ok = false;
      process.stderr.write(`clarte: ${input}: ${result.error}\n`);
    }
    if (values.json) {
      await write(`${JSON.stringify(result)}\n`);
    } else if (!result.error) {
      const header = positionals.length > 1 ? `==> ${input} <==\n` : '';
      await write(`${header}${formatted(result, format)}\n`);
    }
  }
  return ok;
}

function formatted(result: CleanRecord, format: Format): string {
  if (format === 'markdown') return result.markdown;
  if (format === 'html') return result.html;
  return result.text;
}

async function cleanBatch(): Promise<boolean> {
  let ok = true;
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
    const result = file === null
      ? failedRecord(null, url, `not a batch line {"file": "...", "url": "..."}: ${line.slice(0, 80)}`)
      : await cleanInput(file, url);
    if (result.error) ok = false;
    await write(`${JSON.stringify(result)}\n`);
  }
  return ok;
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
