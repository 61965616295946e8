// Step 6, `text`: the article body as a reader copies it. Built from the DOM tree alone (node data, never
// `innerText`), so Chromium and jsdom give the same string for the same tree: the CLI ↔ extension parity needs it.

/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
/** Never text a reader sees. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'svg', 'SVG', 'MATH', 'math']);
const CELL = new Set(['TD', 'TH']);

/**
 * A photo credit, at the start of a caption part or after its last sentence: "Crédit photo : …", "© AFP",
 * "Photo : …", "Credit: Getty Images", "Photograph: …", "(Photo by …/Getty Images)".
 */
const CREDIT =
  /(?:^|\s)[([]?\s*(?:©|\(c\)|copyright\b|cr[ée]dits?(?:\s+photos?)?\s*[:：]|photos?\s*[:：]|photo\s+credit\s*[:：]?|photograph(?:y|er)?\s*[:：]|images?\s*[:：]|illustration\s*[:：]|source\s*[:：]|foto\s*[:：]|bild\s*[:：]|(?:photo|picture|image)\s+(?:by|courtesy\s+of)\s)/i;

export interface TextOptions {
  /** The headline, dropped when the body starts with it (it is given as `title`). */
  title?: string | null;
}

/** The article element's text: blocks in page order, each once, a blank line between them. */
export function articleText(root: Element, options: TextOptions = {}): string {
  const blocks = collectBlocks(root);
  const seen = new Set<string>();
  const out: string[] = [];
  const headline = options.title ? comparable(options.title) : null;
  for (const block of blocks) {
    const text = block.caption ? withoutCredit(block.text) : block.text;
    if (!text || (!block.caption && isCreditLine(text))) continue;
    const key = comparable(text);
    if (!key || seen.has(key)) continue;
    // The headline repeated at the top of the body is `title`'s job.
    if (out.length === 0 && headline && key === headline) continue;
    seen.add(key);
    out.push(text);
  }
  return out.join('\n\n');
}

/** Whitespace as a reader sees it: no-break and other spaces become one space, line breaks from `<br>` stay. */
export function normalizeWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function countWords(text: string): number {
  const { words, cjk } = wordsAndCjk(text);
  return words + cjk;
}

/** Minutes at 230 words a minute, or 500 characters a minute for Chinese and Japanese; at least 1 for any text. */
export function readingMinutes(text: string): number {
  const { words, cjk } = wordsAndCjk(text);
  if (words + cjk === 0) return 0;
  return Math.max(1, Math.round(words / 230 + cjk / 500));
}

function wordsAndCjk(text: string): { words: number; cjk: number } {
  // Han and kana are written without spaces: each character counts.
  const cjkChars = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const rest = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ');
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu);
  return { words: words ? words.length : 0, cjk: cjkChars ? cjkChars.length : 0 };
}

interface Block {
  text: string;
  /** Inside a `<figcaption>` (or table `<caption>`): credits are dropped. */
  caption: boolean;
}

function collectBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let captionDepth = 0;
  const flush = () => {
    const text = normalizeWhitespace(buffer);
    buffer = '';
    if (text) blocks.push({ text, caption: captionDepth > 0 });
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 /* TEXT_NODE */) {
        buffer += (child as Text).data;
        continue;
      }
      if (child.nodeType !== 1 /* ELEMENT_NODE */) continue;
      const el = child as Element;
      const name = el.nodeName;
      if (SKIP.has(name) || el.hasAttribute('hidden')) continue;
      if (name === 'BR') {
        buffer += '\n';
        continue;
      }
      if (CELL.has(name)) {
        buffer += ' ';
        walk(el);
        buffer += ' ';
        continue;
      }
      if (!BLOCK.has(name)) {
        walk(el);
        continue;
      }
      flush();
      const isCaption = name === 'FIGCAPTION' || name === 'CAPTION';
      if (isCaption) captionDepth++;
      walk(el);
      flush();
      if (isCaption) captionDepth--;
    }
  };
  walk(root);
  flush();
  return blocks;
}

/** A caption without its photo credit; empty when the caption is nothing but a credit. */
function withoutCredit(caption: string): string {
  return caption
    .split('\n')
    .map((line) => {
      const match = CREDIT.exec(line);
      return match ? line.slice(0, match.index).trim() : line;
    })
    .filter(Boolean)
    .join('\n');
}

/** A short block that is only a credit ("© AFP", "Crédit photo : Reuters") outside any caption. */
function isCreditLine(text: string): boolean {
  return text.length <= 80 && CREDIT.exec(text)?.index === 0;
}

/** The form two texts are compared in: case, punctuation, spacing and quotes do not make them differ. */
export function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}
