// Where a page comes from: a `.html` / `.html.gz` file, `-` for stdin, or an http(s) URL; bytes decoded the
// way a browser would. Every failure is an InputError whose message is meant for the user.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodeHtml, UndecodableInputError } from '../lib/decode.ts';

export class InputError extends Error {
  override name = 'InputError';
}

export interface LoadedPage {
  html: string;
  /** The address the page came from (after redirects), when it was fetched. */
  url: string | null;
}

const FETCH_TIMEOUT_MS = 30_000;
const GZIP_MAGIC = [0x1f, 0x8b];
// Markup a page of HTML has near its start; plain text, JSON or CSV has none of it.
const HTML_MARKUP = /<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|main|article|section|div|p|span|a|h[1-6]|ul|ol|table|br|img)[\s/>]/i;

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** Loads `spec`; `-` is `stdin`, the bytes the main thread read (a worker thread has no stdin of its own). */
export async function loadPage(spec: string, stdin?: Uint8Array): Promise<LoadedPage> {
  if (isUrl(spec)) return fetchPage(spec);
  const bytes = spec === '-' ? (stdin ?? new Uint8Array()) : await readFileBytes(spec);
  return { html: toHtml(maybeGunzip(bytes, spec)), url: null };
}

async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('no such file');
    if (code === 'EISDIR') throw new InputError('is a directory, not a file');
    if (code === 'EACCES') throw new InputError('permission denied');
    throw new InputError(`cannot read: ${(error as Error).message}`);
  }
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function maybeGunzip(bytes: Uint8Array, spec: string): Uint8Array {
  const gzipped = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  if (!gzipped) {
    if (spec.endsWith('.gz') && bytes.length > 0) throw new InputError('not gzip data, although the name ends in .gz');
    return bytes;
  }
  try {
    return gunzipSync(bytes);
  } catch {
    throw new InputError('corrupt gzip data');
  }
}

async function fetchPage(url: string): Promise<LoadedPage> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    const reason = error instanceof Error && error.name === 'TimeoutError'
      ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s`
      : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new InputError(`cannot fetch: ${reason}`);
  }
  if (!response.ok) throw new InputError(`HTTP ${response.status} ${response.statusText}`.trim());
  const contentType = response.headers.get('content-type');
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  if (mediaType && !/^(?:text\/html|application\/xhtml\+xml|text\/plain)$/.test(mediaType)) {
    throw new InputError(`not an HTML page (Content-Type: ${mediaType})`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { html: toHtml(bytes, contentType), url: response.url || url };
}

function toHtml(bytes: Uint8Array, contentType?: string | null): string {
  let text: string;
  try {
    text = decodeHtml(bytes, { contentType }).text;
  } catch (error) {
    if (error instanceof UndecodableInputError) throw new InputError(error.message);
    throw error;
  }
  if (text.trim() === '') throw new InputError('empty input');
  if (!HTML_MARKUP.test(text.slice(0, 65_536))) throw new InputError('not an HTML page (no HTML markup found)');
  return text;
}
