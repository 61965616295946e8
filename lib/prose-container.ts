// Page builders (HubSpot, Divi, Elementor, Drupal paragraphs…) split one article into modules, each nested a
// few wrappers deep. Readability scores a paragraph's ancestors only five levels up, so it crowns one module and
// leaves the others: the reader gets a third of the article. Here, before Readability, the page's prose (long
// paragraphs that are not links) is measured and the smallest element holding most of it is found; when
// Readability's article holds too little of that prose, the pipeline runs Readability again on that element
// alone, flattened so its paragraphs sit close enough to it to be scored together.

import { collapseWhitespace, collapsedLength } from './rules/rule';
import { foundIn } from './substrings';

/** A paragraph this long (collapsed characters) is prose, not a label or a caption. */
const PROSE_PARAGRAPH_CHARS = 80;
/** Share of a paragraph's text that may be links. */
const MAX_LINK_SHARE = 0.3;
/** Pages with less prose than this are short enough for Readability to judge alone. */
const MIN_PROSE_CHARS = 1500;
/** The container holds at least this share of the page's prose. */
const CONTAINER_SHARE = 0.8;
/** Readability's article holding less than this share of the prose has missed part of the article. */
const MISSED_SHARE = 0.5;
/** Share of Readability's article text that must be mapped prose paragraphs for a retry to be judged. */
const MIN_MAPPED_SHARE = 0.5;
/** Prose Readability took from outside the container, as a share of all prose, that still allows a retry. */
const MAX_KEPT_OUTSIDE_SHARE = 0.15;
/** The container's text is mostly prose (not a page of menus and teasers around a few paragraphs). */
const CONTAINER_PROSE_DENSITY = 0.6;

export interface ProseMap {
  /** Each prose paragraph by its opening words (Readability rewrites nodes: text is what survives). */
  paragraphs: { start: string; chars: number; inContainer: boolean }[];
  total: number;
  /** The smallest element holding CONTAINER_SHARE of the prose, as child indexes from `<body>`. */
  containerPath: number[];
}

/** Measures the prose of a (cleaned) document before Readability moves its nodes; null when there is little. */
export function mapProse(doc: Document): ProseMap | null {
  const body = doc.body;
  if (!body) return null;
  const paragraphs: { element: Element; chars: number }[] = [];
  const charsIn = new Map<Element, number>();
  let total = 0;
  for (const p of Array.from(body.getElementsByTagName('p'))) {
    const chars = collapsedLength(p.textContent ?? '');
    if (chars < PROSE_PARAGRAPH_CHARS || linkChars(p) > chars * MAX_LINK_SHARE) continue;
    paragraphs.push({ element: p, chars });
    total += chars;
    for (let el = p.parentElement; el && el !== body; el = el.parentElement) charsIn.set(el, (charsIn.get(el) ?? 0) + chars);
  }
  if (total < MIN_PROSE_CHARS) return null;
  // The deepest element holding enough prose: start at the body and go down while one child holds enough.
  let container: Element = body;
  for (;;) {
    let next: Element | null = null;
    for (const child of Array.from(container.children)) {
      if ((charsIn.get(child) ?? 0) >= total * CONTAINER_SHARE) next = child;
    }
    if (!next) break;
    container = next;
  }
  if (container === body) return null;
  if (total < collapsedLength(container.textContent ?? '') * CONTAINER_PROSE_DENSITY) return null;
  if (isListing(container)) return null;
  return {
    paragraphs: paragraphs.map(({ element, chars }) => ({
      start: collapseWhitespace(element.textContent ?? '').slice(0, PROSE_PARAGRAPH_CHARS),
      chars,
      inContainer: container.contains(element),
    })),
    total,
    containerPath: pathFrom(body, container),
  };
}

/**
 * Whether Readability's article (its text) holds too little of the page's prose, nearly all of it from inside the
 * container: much prose taken from elsewhere means the container is something else (a comment thread under the
 * article). Paragraphs are found by their text: Readability rebuilds some of the nodes it keeps.
 */
export function missesProse(map: ProseMap, articleText: string): boolean {
  const text = collapseWhitespace(articleText);
  const kept = keptParagraphs(map, text);
  const outside = kept.filter((paragraph) => !paragraph.inContainer);
  // The article must be mostly mapped prose for the comparison to mean anything (text in <br>-separated divs is
  // prose the map does not see).
  const keptChars = sum(kept);
  return (
    keptChars >= text.length * MIN_MAPPED_SHARE &&
    keptChars < map.total * MISSED_SHARE && sum(outside) <= map.total * MAX_KEPT_OUTSIDE_SHARE
  );
}

/**
 * Whether the second reading extends the first: it keeps nearly all the prose the first kept (not a comment
 * thread instead of the article), clearly more of it, and more text in all.
 */
export function extendsArticle(map: ProseMap, firstText: string, secondText: string): boolean {
  const first = keptParagraphs(map, collapseWhitespace(firstText));
  const second = keptParagraphs(map, collapseWhitespace(secondText));
  const secondStarts = new Set(second.map((paragraph) => paragraph.start));
  const carried = first.filter((paragraph) => secondStarts.has(paragraph.start));
  // Prose is counted in paragraphs; lists and tables the first reading kept are counted in its whole text.
  return sum(carried) >= sum(first) * 0.8 && sum(second) >= sum(first) * 1.5 && secondText.length > firstText.length;
}

/** The mapped paragraphs found in an article's whitespace-collapsed text. */
function keptParagraphs(map: ProseMap, text: string): ProseMap['paragraphs'] {
  const found = foundIn(text, map.paragraphs.map((paragraph) => paragraph.start));
  return map.paragraphs.filter((paragraph) => found.has(paragraph.start));
}

function sum(paragraphs: ProseMap['paragraphs']): number {
  let chars = 0;
  for (const paragraph of paragraphs) chars += paragraph.chars;
  return chars;
}

/**
 * In `doc` (a fresh copy cleaned the same way as the mapped one), makes the container the whole body, its
 * wrappers unwrapped so that its blocks are its children. Returns false when the path no longer leads anywhere.
 */
export function isolateContainer(doc: Document, path: number[]): boolean {
  const body = doc.body;
  if (!body) return false;
  let container: Element | undefined = body;
  for (const index of path) container = container?.children[index];
  if (!container) return false;
  unwrapWrappers(container);
  body.replaceChildren(container);
  return true;
}

/** Teaser cards (several `<article>`s, headings that link to other pages) make a listing, not one article. */
function isListing(container: Element): boolean {
  if (container.getElementsByTagName('article').length >= 2) return true;
  let linkedHeadings = 0;
  for (const link of Array.from(container.querySelectorAll('h2 a[href], h3 a[href], h4 a[href]'))) {
    if (!link.getAttribute('href')!.startsWith('#') && ++linkedHeadings >= 3) return true;
  }
  return false;
}

const WRAPPERS = new Set(['div', 'section', 'article', 'main', 'span', 'center', 'font']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'aside', 'details', 'ul', 'ol', 'dl', 'table', 'figure', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/** Replaces every wrapper that holds blocks by its children, innermost first (iterative: nesting can be deep). */
function unwrapWrappers(container: Element): void {
  const wrappers: Element[] = [];
  const stack: Element[] = [container];
  while (stack.length) {
    const el = stack.pop()!;
    for (const child of Array.from(el.children)) {
      if (!WRAPPERS.has(child.localName) || !hasBlockChild(child)) continue;
      wrappers.push(child);
      stack.push(child);
    }
  }
  for (let i = wrappers.length - 1; i >= 0; i--) wrappers[i].replaceWith(...Array.from(wrappers[i].childNodes));
}

function hasBlockChild(el: Element): boolean {
  for (const child of Array.from(el.children)) if (BLOCKS.has(child.localName)) return true;
  return false;
}

function linkChars(el: Element): number {
  let chars = 0;
  for (const link of Array.from(el.getElementsByTagName('a'))) chars += collapsedLength(link.textContent ?? '');
  return chars;
}

function pathFrom(root: Element, el: Element): number[] {
  const path: number[] = [];
  for (let node = el; node !== root; node = node.parentElement!) {
    path.unshift(Array.prototype.indexOf.call(node.parentElement!.children, node));
  }
  return path;
}
