// `markdown`: the sanitized article as Markdown (ATX headings, `-` bullets, fenced code, inline links and
// pictures), written from the DOM tree itself. Our own converter rather than turndown: the input is DOMPurify's
// output, a small known set of elements, and this is 3 KB (gzip) less in the content script. The pipeline
// converts in step 6 when asked to (the CLI); the extension converts the sanitized `html` it already has, only
// when the user copies as Markdown (`htmlMarkdown`).

import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS } from './text';

/** Characters that would be read as Markdown anywhere in a text. */
const INLINE_SYNTAX = /[\\*_`[\]]/g;
/** What would be read as Markdown at the start of a line: a heading, quote, bullet or setext underline… */
const LINE_START_SYNTAX = /^(?:#{1,6}[ \t]|>|[-+][ \t]|=+)/;
/** …or a numbered item (`1\. ` escapes it). */
const LINE_START_NUMBER = /^(\d+)\.(?=[ \t])/;

interface Walk {
  /** Inside `<pre>`: text as it is. */
  pre: boolean;
  /** The last character given out was whitespace (or a block began): a following space is not given again. */
  spaced: boolean;
  /** Nothing given out since a block or line began: text there that looks like block syntax is escaped. */
  lineStart: boolean;
}

/** The sanitized article element as Markdown. Reads the tree, never changes it. */
export function articleMarkdown(root: Element): string {
  return convertChildren(root, { pre: false, spaced: true, lineStart: true })
    .replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? '  ' : '')) // 2 or more: a <br>
    .trim();
}

/**
 * The Markdown of a result's sanitized `html` (the same as `articleMarkdown` on the node it was serialized from).
 * Parsed by a DOMParser into an inert document (nothing in it loads or runs), never in the
 * page; a DOMParser, not `innerHTML`, which Firefox's add-on linter flags.
 */
export function htmlMarkdown(html: string, doc: Document): string {
  if (!html) return '';
  // The extension's own DOMParser where there is one (a content script's, not the page's); jsdom's in Node.
  const Parser = globalThis.DOMParser ?? (doc.defaultView as (Window & typeof globalThis) | null)?.DOMParser;
  if (!Parser) throw new Error('No DOMParser to read the article with.');
  return articleMarkdown(new Parser().parseFromString(html, 'text/html').body);
}

function convertChildren(parent: Node, walk: Walk): string {
  let out = '';
  // The last two characters of `out`, kept aside: `out.endsWith()` would flatten the string built so far at
  // every child, quadratic on an article of thousands of paragraphs (25 s of 38 s for 15,000 in the CLI).
  let tail = '';
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    let piece = convert(child, walk);
    // One blank line between blocks (never collapsed afterwards: a code block keeps its own blank lines).
    if (tail === '\n\n' && piece.startsWith('\n\n')) piece = piece.slice(2);
    out += piece;
    tail = (tail + piece.slice(-2)).slice(-2);
  }
  return out;
}

function convert(node: Node, walk: Walk): string {
  if (node.nodeType === 3 /* TEXT_NODE */) return text((node as Text).data, walk);
  if (node.nodeType !== 1 /* ELEMENT_NODE */) return '';
  const el = node as Element;
  const name = el.nodeName;
  if (SKIPPED_ELEMENTS.has(name) || el.hasAttribute('hidden')) return '';
  switch (name) {
    case 'BR':
      walk.spaced = walk.lineStart = true;
      return walk.pre ? '\n' : '  \n';
    case 'HR':
      return block('* * *', walk);
    case 'STRONG': case 'B':
      return emphasis(convertChildren(el, walk), '**');
    case 'EM': case 'I':
      return emphasis(convertChildren(el, walk), '_');
    case 'CODE':
      return walk.pre ? convertChildren(el, walk) : inlineCode(el.textContent ?? '', walk);
    case 'A':
      return link(el, convertChildren(el, walk));
    case 'IMG':
      return picture(el, walk);
    case 'PRE':
      return codeBlock(el, walk);
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': {
      const heading = blockContent(el, walk).replace(/\s*\n\s*/g, ' ');
      return heading ? block(`${'#'.repeat(Number(name[1]))} ${heading}`, walk) : '';
    }
    case 'BLOCKQUOTE':
      return block(blockContent(el, walk).replace(/^/gm, '> '), walk);
    case 'UL': case 'OL':
      return list(el, walk);
    case 'TD': case 'TH': {
      const cell = `${convertChildren(el, walk).trim()} `;
      walk.spaced = true;
      return cell;
    }
    default:
      return BLOCK_ELEMENTS.has(name) ? block(blockContent(el, walk), walk) : convertChildren(el, walk);
  }
}

/** A text node: whitespace collapsed as a browser shows it (kept inside `<pre>`), Markdown syntax escaped. */
function text(data: string, walk: Walk): string {
  if (walk.pre) return data;
  let out = data.replace(/[ \t\n\r\f]+/g, ' ');
  if (walk.spaced && out.startsWith(' ')) out = out.slice(1);
  if (!out) return '';
  const escaped = out.replace(INLINE_SYNTAX, '\\$&');
  const atLineStart = walk.lineStart;
  walk.spaced = out.endsWith(' ');
  walk.lineStart = false;
  return atLineStart ? escaped.replace(LINE_START_SYNTAX, '\\$&').replace(LINE_START_NUMBER, '$1\\.') : escaped;
}

/** An element's content as the inside of a block, trimmed. */
function blockContent(el: Element, walk: Walk): string {
  walk.spaced = walk.lineStart = true;
  return convertChildren(el, walk).trim();
}

function block(content: string, walk: Walk): string {
  walk.spaced = walk.lineStart = true;
  return content ? `\n\n${content}\n\n` : '';
}

/** `open` and `close` around the words, the spaces at either end left outside (`** b **` is not bold). */
function around(content: string, open: string, close: string): string {
  const [, before, words, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
  return words ? `${before}${open}${words}${close}${after}` : content;
}

const emphasis = (content: string, delimiter: string) => around(content, delimiter, delimiter);

/** Backticks one more than the longest run inside, with a space inside when the code starts or ends with one. */
function fence(code: string, mark: string, least: number): string {
  const longest = Math.max(0, ...(code.match(new RegExp(`${mark}+`, 'g')) ?? []).map((run) => run.length));
  return mark.repeat(Math.max(least, longest + 1));
}

function inlineCode(code: string, walk: Walk): string {
  if (!code) return '';
  walk.spaced = walk.lineStart = false;
  const ticks = fence(code, '`', 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${code}${pad}${ticks}`;
}

function codeBlock(el: Element, walk: Walk): string {
  // textContent: markup inside <pre> (<code>, <span> of a highlighter) is not Markdown's business.
  const code = (el.textContent ?? '').replace(/\n$/, '');
  const ticks = fence(code, '`', 3);
  return block(`${ticks}\n${code}\n${ticks}`, walk);
}

/** Parentheses and spaces in an address would end the link early (encodeURIComponent leaves parentheses). */
const address = (url: string) =>
  url.replace(/[()\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const title = (el: Element) => {
  const value = el.getAttribute('title');
  return value ? ` "${value.replace(/"/g, '\\"')}"` : '';
};

/** A link's text on one line (a link around a figure would otherwise hold paragraphs). */
function link(el: Element, content: string): string {
  const href = el.getAttribute('href');
  const text = content.includes('\n') ? content.replace(/\s*\n\s*/g, ' ').trim() : content;
  return href ? around(text, '[', `](${address(href)}${title(el)})`) : text;
}

function picture(el: Element, walk: Walk): string {
  const src = el.getAttribute('src');
  if (!src) return '';
  walk.spaced = walk.lineStart = false;
  const alt = (el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').replace(INLINE_SYNTAX, '\\$&');
  return `![${alt}](${address(src)}${title(el)})`;
}

/** `-   ` bullets or `1.  ` numbers (from `start`), an item's later lines indented under its first. */
function list(el: Element, walk: Walk): string {
  const ordered = el.nodeName === 'OL';
  let number = Number(el.getAttribute('start') ?? 1) || 1;
  const items: string[] = [];
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeName !== 'LI') {
      if (child.nodeType === 1) items.push(blockContent(child as Element, walk));
      continue;
    }
    const content = blockContent(child as Element, walk).replace(/\n(?=.)/g, '\n    ');
    if (!content) continue;
    const marker = ordered ? `${number++}.`.padEnd(4) : '-   ';
    items.push(`${marker}${content}`);
  }
  const body = items.filter(Boolean).join('\n');
  // A list inside a list item follows its item's text on the next line.
  if (el.parentElement?.nodeName === 'LI') {
    walk.spaced = walk.lineStart = true;
    return `\n${body}\n`;
  }
  return block(body, walk);
}
