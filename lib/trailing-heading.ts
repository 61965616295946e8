// A heading left at the very end of the article, with nothing after it: the title of a block the clean-up (or
// Readability) took away — "How other merchants stack up" over a removed carousel, "Essentials for happy plants:"
// over a product grid. A heading introduces what follows; with nothing following, it is no longer the article.
// Only one, short, and not a question: a run of headings at the end is text set in headings (a list of links,
// sources), and "What do you think about…?" closes the article by asking the reader.

import { collapseWhitespace, recordRemoval } from './rules/rule';
import type { Removal } from './types';

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements that are content without any text. */
const MEDIA_TAGS = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'svg', 'canvas', 'table', 'math', 'object', 'embed']);

/** A section title is a few words; a longer heading is text. */
const MAX_TITLE_CHARS = 80;

export function removeTrailingHeading(article: Element, removed: Removal[]): void {
  const last = contentBefore(article, null);
  const heading = last && enclosingHeading(last, article);
  if (!heading) return;
  const title = collapseWhitespace(heading.textContent ?? '');
  if (title.length > MAX_TITLE_CHARS || title.endsWith('?')) return;
  const earlier = contentBefore(article, heading);
  // An article that is nothing but a heading keeps it, and so does one whose previous block is a heading too.
  if (!earlier || enclosingHeading(earlier, article)) return;
  recordRemoval(removed, 'trailing-heading', 'heading with nothing after it', heading);
  heading.remove();
}

/**
 * The last text node with visible characters, or the last media element, in document order before `end` (or
 * in the whole of `root` when `end` is null).
 */
function contentBefore(root: Element, end: Node | null): Node | null {
  let node: Node | null = end ? stepBack(end, root) : root.lastChild;
  while (node) {
    if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) return node;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (MEDIA_TAGS.has(el.localName)) return el;
      if (el.lastChild) {
        node = el.lastChild;
        continue;
      }
    }
    node = stepBack(node, root);
  }
  return null;
}

/** The previous sibling, or the previous sibling of the nearest ancestor (below `root`) that has one. */
function stepBack(node: Node, root: Element): Node | null {
  let current: Node | null = node;
  while (current && current !== root && !current.previousSibling) current = current.parentNode;
  return current && current !== root ? current.previousSibling : null;
}

function enclosingHeading(node: Node, root: Element): Element | null {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== root; el = el.parentElement) {
    if (HEADING_TAGS.has(el.localName)) return el;
  }
  return null;
}
