// Step 6, `text`: the article body as a reader copies it. Built from the DOM tree alone (node data, never
// `innerText`), so Chromium and jsdom give the same string for the same tree: the CLI ↔ extension parity needs it.

/** Elements that start and end a block of text (here and in lib/markdown.ts). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
/** Never text a reader sees. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'svg', 'SVG', 'MATH', 'math']);
const CELL = new Set(['TD', 'TH']);
const HEADING = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** List items and table rows: a schedule or a table says "Monday. Rest day" as often as it means it. */
const ITEM = new Set(['LI', 'DD', 'DT', 'TR']);

/**
 * A photo credit, at the start of a caption part or after its last sentence: "Crédit photo : …", "© AFP",
 * "Photo : …", "Credit: Getty Images", "Photograph: …", "(Photo by …/Getty Images)", "（写真：共同）", "图：新华社".
 */
const CREDIT =
  /(?:(?:^|\s)[([]?|[（［])\s*(?:©|\(c\)|copyright\b|cr[ée]dits?(?:\s+photos?)?\s*[:：]|photos?\s*[:：]|photo\s+credit\s*[:：]?|photograph(?:y|er)?\s*[:：]|images?\s*[:：]|illustration\s*[:：]|source\s*[:：]|foto\s*[:：]|bild\s*[:：]|(?:photo|picture|image)\s+(?:by|courtesy\s+of)\s|(?:写真|画像|撮影|提供|图片|图|摄影|来源|사진)\s*[:：=＝])/i;

/** A caption's closing parenthesis naming a photo agency: "… said.(Oleg Urusov/Press Service photo via AP)". */
const AGENCY_CREDIT =
  /\s*[(（][^()（）]*\b(?:AP|AFP|Reuters|Getty(?: Images)?|EPA|Shutterstock|iStock(?:photo)?|Keystone|dpa|ANP|Xinhua|Bloomberg|Associated Press|Sipa|Belga|ABACA|Alamy)\b[^()（）]*[)）]\s*$/;

export interface TextOptions {
  /** The headline, dropped when the body starts with it (it is given as `title`). */
  title?: string | null;
  /** The author(s): a short block that is just the byline and a date ("Jane Roe\nPublished 2 May") is dropped. */
  byline?: string | null;
}

/** How much more than the name a byline block may hold (a date, "Published on", "avec AFP"). */
const BYLINE_EXTRA_CHARS = 80;
/** Longest credit, byline or date line looked for. */
const SHORT_BLOCK_CHARS = 160;

/** The article element's text: blocks in page order, each once, a blank line between them. */
export function articleText(root: Element, options: TextOptions = {}): string {
  const blocks = collectBlocks(root);
  /** Compared text of each block given so far → whether it was a caption. */
  const seen = new Map<string, boolean>();
  const out: string[] = [];
  const headline = options.title ? comparable(options.title) : null;
  const byline = options.byline ? comparable(options.byline) : null;
  for (const block of blocks) {
    const text = block.caption ? withoutCredit(block.text) : block.text;
    if (!text) continue;
    const key = dedupeKey(text);
    // Repeats the page's template makes go: a caption said again as a paragraph (or the other way round), and
    // caption-length lines said again (photo captions of a slideshow, "Click here to…"). A prose paragraph the
    // author wrote twice stays, as Readability keeps it; so do tiny blocks that repeat for real (table cells,
    // "Yes"/"No"), list items and table rows (a training plan's "Monday. Rest Day" every week) unless they carry
    // a photo credit (a slideshow's captions listed again), and headings a table of contents above already listed.
    const seenAsCaption = seen.get(key);
    if (
      seenAsCaption !== undefined && key.length >= MIN_DEDUPE_CHARS && !block.heading &&
      (seenAsCaption || block.caption || (key.length < MIN_PROSE_CHARS && (!block.item || withoutCredit(text) !== text)))
    ) continue;
    // The headline repeated at the top of the body is `title`'s job.
    if (out.length === 0 && headline && comparable(text) === headline) continue;
    // Credit, byline and date lines are short: the costlier checks only run on short blocks.
    if (text.length <= SHORT_BLOCK_CHARS) {
      if (!block.caption && isCreditLine(text)) continue;
      if (isDateline(text) || (byline && isBylineBlock(comparable(text), byline))) continue;
    }
    if (!seen.get(key)) seen.set(key, block.caption);
    out.push(text);
  }
  return out.join('\n\n');
}

/** Whitespace as a reader sees it: spaces collapsed per line (see collapseSpaces), the line breaks kept. */
export function normalizeWhitespace(text: string): string {
  return linesOf(text.split('\n'));
}

/** A whitespace run other than one plain space; U+2028 (`<br>` while collecting) and U+3000 are not in it. */
const SPACE_RUN =
  /(?: ?[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2029\u202f\u205f\ufeff]| {2})[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2029\u202f\u205f\ufeff]*/g;
/** Stands for `<br>` while a block is collected: source line breaks are spaces, this one is a line break. */
const LINE_BREAK = '\u2028';

/**
 * Runs of spaces (no-break, thin, tabs, line breaks…) become one space and the ends go. The ideographic space
 * U+3000 is kept between words: in Chinese and Japanese it is punctuation (headline separators), not spacing.
 */
export function collapseSpaces(text: string): string {
  // Only odd runs are matched: the single spaces between words, nearly all of them, cost nothing.
  const visible = text.includes('\u200b') ? text.replace(/\u200b/g, '') : text;
  return visible.replace(SPACE_RUN, ' ').trim();
}

function linesOf(lines: string[]): string {
  return lines.map(collapseSpaces).filter(Boolean).join('\n');
}

/** A block's text: spaces collapsed, `<br>`s as line breaks, no empty lines. */
function blockText(raw: string): string {
  const text = collapseSpaces(raw);
  return text.includes(LINE_BREAK) ? linesOf(text.split(LINE_BREAK)) : text;
}

/**
 * Words (each Chinese or Japanese character counts as one: they are written without spaces) and reading minutes,
 * at 230 words or 500 of those characters a minute, at least 1 for any text. One count for both.
 */
export function readingLength(text: string): { wordCount: number; readingMinutes: number } {
  const { words, cjk } = wordsAndCjk(text);
  const wordCount = words + cjk;
  return { wordCount, readingMinutes: wordCount === 0 ? 0 : Math.max(1, Math.round(words / 230 + cjk / 500)) };
}

function wordsAndCjk(text: string): { words: number; cjk: number } {
  // Han and kana are written without spaces: each character counts.
  const cjkChars = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const rest = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ');
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu);
  return { words: words ? words.length : 0, cjk: cjkChars ? cjkChars.length : 0 };
}

/** Blocks shorter than this (compared form) may repeat: table cells, list labels, short answers. */
const MIN_DEDUPE_CHARS = 20;
/** A repeated block this long (compared form) is prose the author repeated, not a template's caption line. */
const MIN_PROSE_CHARS = 200;

interface Block {
  text: string;
  /** Inside a `<figcaption>` (or table `<caption>`): credits are dropped. */
  caption: boolean;
  heading: boolean;
  /** Inside a list item or a table row. */
  item: boolean;
}

function collectBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let captionDepth = 0;
  let headingDepth = 0;
  let itemDepth = 0;
  let preDepth = 0;
  const flush = () => {
    const text = preDepth > 0 ? preformatted(buffer) : blockText(buffer);
    buffer = '';
    if (text) blocks.push({ text, caption: captionDepth > 0, heading: headingDepth > 0, item: itemDepth > 0 });
  };
  const enter = (el: Element) => {
    const name = el.nodeName;
    if (name === 'BR') buffer += preDepth > 0 ? '\n' : LINE_BREAK;
    else if (CELL.has(name)) buffer += ' ';
    else if (BLOCK_ELEMENTS.has(name)) {
      flush();
      if (name === 'FIGCAPTION' || name === 'CAPTION') captionDepth++;
      if (HEADING.has(name)) headingDepth++;
      if (ITEM.has(name)) itemDepth++;
      if (name === 'PRE') preDepth++;
    }
  };
  const leave = (el: Element) => {
    const name = el.nodeName;
    if (CELL.has(name)) buffer += ' ';
    else if (BLOCK_ELEMENTS.has(name)) {
      flush();
      if (name === 'FIGCAPTION' || name === 'CAPTION') captionDepth--;
      if (HEADING.has(name)) headingDepth--;
      if (ITEM.has(name)) itemDepth--;
      if (name === 'PRE') preDepth--;
    }
  };

  // Iterative walk in document order: article markup can nest deeper than recursion is comfortable with.
  const open: Element[] = [];
  let node: Node | null = root.firstChild;
  for (;;) {
    if (!node) {
      const parent = open.pop();
      if (!parent) break;
      leave(parent);
      node = parent.nextSibling;
      continue;
    }
    if (node.nodeType === 3 /* TEXT_NODE */) {
      // A line break in the source is a space to a reader (collapsed with the others); `<br>` breaks lines.
      buffer += (node as Text).data;
    } else if (node.nodeType === 1 /* ELEMENT_NODE */) {
      const el = node as Element;
      if (!SKIPPED_ELEMENTS.has(el.nodeName) && !el.hasAttribute('hidden')) {
        enter(el);
        if (el.firstChild) {
          open.push(el);
          node = el.firstChild;
          continue;
        }
        leave(el);
      }
    }
    node = node.nextSibling;
  }
  flush();
  return blocks;
}

/** Code and other preformatted text keeps its lines and indentation; only no-break spaces and the ends go. */
function preformatted(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/[ \t]+$/gm, '').replace(/^\n+|\s+$/g, '');
}

/** A caption without its photo credit; empty when the caption is nothing but a credit. */
function withoutCredit(caption: string): string {
  return caption
    .split('\n')
    .map((line) => {
      const match = CREDIT.exec(line) ?? AGENCY_CREDIT.exec(line);
      // "Légende. | Photo : X" → "Légende.": the separator before the credit goes with it.
      return match ? line.slice(0, match.index).replace(/[\s|/–—·•,;:-]+$/, '') : line;
    })
    .filter(Boolean)
    .join('\n');
}

/**
 * "Publié le 09/10/2026 à 17h45", "Par Jane Roe | Updated 2 May 2024": the date line over an article, which
 * `byline` and `publishedTime` already give. Short, starts with the word, holds a number.
 */
const DATELINE =
  /^(?:(?:par|by|von|por)\b.{0,60}?\s)?(?:publi[ée]e?|mis à jour|mise à jour|modifi[ée]e?|actualis[ée]e?|published|updated|posted|last updated|veröffentlicht|aktualisiert|publicado|actualizado)(?=[\s:])(?:\s+(?:le|on|am|el|at))?\s*:?\s*\S*\d/i;

function isDateline(text: string): boolean {
  return text.length <= 120 && DATELINE.test(text);
}

function isBylineBlock(key: string, byline: string): boolean {
  if (key.length > byline.length + BYLINE_EXTRA_CHARS) return false;
  const rest = key.replace(/^(?:by|par|von|por|di|door|av)\s+/, '');
  return rest.startsWith(byline) && (rest.length === byline.length || rest[byline.length] === ' ');
}

/** A short block that is only a credit ("© AFP", "Crédit photo : Reuters") outside any caption. */
function isCreditLine(text: string): boolean {
  // A credit names an agency or a photographer: a few words, not a sentence.
  return text.length <= 80 && !/[.!?…]$/.test(text) && text.split(' ').length <= 8 && CREDIT.exec(text)?.index === 0;
}

/** The form two blocks are deduplicated in: case and closing punctuation do not make a block new. */
function dedupeKey(text: string): string {
  const lower = text.toLowerCase();
  let end = lower.length;
  while (end > 0 && '.!?…。！？:;,)»”’"\' '.includes(lower[end - 1])) end--;
  return end === lower.length ? lower : lower.slice(0, end);
}

/** The form two texts are compared in: case, punctuation, spacing and quotes do not make them differ. */
export function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}
