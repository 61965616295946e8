// What a clean-up rule is, and the cheap per-element facts rules share. Rules are asked about every element
// once, in document order, so each question must cost little: attribute names are read once, and text is only
// read for small elements (bounded walk), never as a full `textContent` of a big subtree.

import type { Removal } from '../types';

export interface RuleMatch {
  /** Why the element is clutter, in a few words a user can read in debug mode. */
  reason: string;
  /** The element to remove when it is not the one asked about (e.g. the section a "Comments" heading opens). */
  target?: Element;
  /** Following siblings of the target that go with it (the list after a "Related" heading). */
  followers?: Element[];
}

export interface Rule {
  /** Short name recorded in `Removal.rule`, e.g. `comments`. */
  name: string;
  match(el: Element, facts: ElementFacts): RuleMatch | null;
}

/** Text of an element only when it is short: small elements are where clutter labels live. */
export const SHORT_TEXT_LIMIT = 200;
/** The longest paragraph a rule reads whole (a legal disclaimer). */
export const PARAGRAPH_TEXT_LIMIT = 600;

/** Lazily computed facts about one element, shared by all rules asking about it. */
export class ElementFacts {
  readonly tag: string;
  private namesCache: string | undefined;
  private shortTextCache: string | null | undefined;
  private headingTextCache: string | null | undefined;
  private paragraphTextCache: string | null | undefined;

  /** `root` is where the clean-up runs (body, or Readability's article): containers never climb past it. */
  constructor(
    readonly el: Element,
    readonly root: Element,
    /** The element whose paragraphs hold most of the text (see cleanup.ts), if any. */
    readonly articleBody: Element | null = null,
    /** False before Readability: the text facts are null then, and rules go by names, tags and structure. */
    readonly readsText = true,
  ) {
    this.tag = el.localName;
  }

  /** class, id, role, aria-label, data-component/-module etc., lowercased, space-separated. */
  get names(): string {
    if (this.namesCache === undefined) this.namesCache = attributeNames(this.el);
    return this.namesCache;
  }

  /** Inside the article body: lists and links there are the article's own unless proven otherwise. */
  get inArticleBody(): boolean {
    return this.articleBody !== null && this.articleBody.contains(this.el);
  }

  /** Whitespace-collapsed text if at most SHORT_TEXT_LIMIT characters, else null. */
  get shortText(): string | null {
    if (!this.readsText) return null;
    if (this.shortTextCache === undefined) this.shortTextCache = boundedText(this.el, SHORT_TEXT_LIMIT);
    return this.shortTextCache;
  }

  /** A heading, or a short label styled as one (hashed-class pages often use divs): at most 80 characters. */
  get headingText(): string | null {
    if (!this.readsText) return null;
    if (this.headingTextCache === undefined) this.headingTextCache = labelText(this);
    return this.headingTextCache;
  }

  /**
   * Whitespace-collapsed text if at most `limit` (≤ PARAGRAPH_TEXT_LIMIT) characters, else null: the closing
   * notes and prompts several rules read whole. Read once per element, however many rules ask.
   */
  paragraphText(limit: number): string | null {
    if (!this.readsText) return null;
    if (this.paragraphTextCache === undefined) this.paragraphTextCache = this.shortText ?? boundedText(this.el, PARAGRAPH_TEXT_LIMIT);
    const text = this.paragraphTextCache;
    return text !== null && text.length <= limit ? text : null;
  }
}

const NAME_ATTRIBUTES = ['class', 'id', 'role', 'aria-label', 'data-component', 'data-module', 'data-testid', 'itemtype'];

function attributeNames(el: Element): string {
  let names = '';
  for (const attribute of NAME_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value) names += ' ' + value.toLowerCase();
  }
  return names;
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `collapseWhitespace(text).length` without building the string: run on every text node of the page, where the
 * regex replace was the clean-up's largest self time in Chromium. Whitespace is exactly the regex's `\s`.
 */
export function collapsedLength(text: string): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isWhitespace(text.charCodeAt(i))) {
      pendingSpace = length > 0;
    } else {
      if (pendingSpace) length++;
      pendingSpace = false;
      length++;
    }
  }
  return length;
}

/** The code units JavaScript's `\s` matches (WhiteSpace and LineTerminator). */
function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Sizes of every element's subtree, measured once per clean-up run (see measureSubtrees). */
interface SubtreeSize {
  /** Characters of text, each text node's whitespace collapsed: an upper bound of the collapsed text. */
  chars: number;
  /** Nodes in the subtree. */
  nodes: number;
}

/**
 * Set for the duration of a clean-up run: lets boundedText say "too long" at once for big subtrees instead of
 * walking them, which on deep pages (thousands of nested divs) would make the run quadratic. Sizes go stale
 * only downwards as elements are removed, so a "too long" answer can be slightly conservative, never wrong
 * the other way.
 */
let subtreeSizes: WeakMap<Element, SubtreeSize> | null = null;

/** Measures every element under `root` in one iterative post-order pass and runs `work` with the sizes known. */
export function withSubtreeSizes<T>(root: Element, work: () => T): T {
  const sizes = new WeakMap<Element, SubtreeSize>();
  const stack: { el: Element; size: SubtreeSize; child: Node | null }[] = [{ el: root, size: { chars: 0, nodes: 1 }, child: root.firstChild }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const node = frame.child;
    if (!node) {
      stack.pop();
      sizes.set(frame.el, frame.size);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.size.chars += frame.size.chars;
        parent.size.nodes += frame.size.nodes;
      }
      continue;
    }
    frame.child = node.nextSibling;
    if (node.nodeType === 3) {
      frame.size.chars += collapsedLength(node.nodeValue ?? '') + 1;
      frame.size.nodes++;
    } else if (node.nodeType === 1 && !SILENT_TAGS.has((node as Element).localName)) {
      stack.push({ el: node as Element, size: { chars: 0, nodes: 1 }, child: node.firstChild });
    }
  }
  const previous = subtreeSizes;
  subtreeSizes = sizes;
  try {
    return work();
  } finally {
    subtreeSizes = previous;
  }
}

const SILENT_TAGS = new Set(['script', 'style', 'noscript', 'template']);

/** The element's collapsed text, or null as soon as it is known to exceed `limit` characters. */
export function boundedText(el: Element, limit: number): string | null {
  // Stop on node count too: a subtree of many empty elements is not "small" either.
  const nodeBudget = limit * 4;
  const size = subtreeSizes?.get(el);
  if (size && (size.nodes > nodeBudget || size.chars > limit * 2 + 50)) return null;
  let text = '';
  let budget = nodeBudget;
  // collapsedLength(text), kept up to date node by node (the length of a prefix never exceeds the whole's, so
  // "too long" is known as soon as it is true), and whether the text is already collapsed (no regex then).
  let length = 0;
  let pendingSpace = false;
  let collapsed = true;
  // Document order by sibling links: no childNodes list and no stack per call.
  let node: Node | null = el;
  while (node) {
    if (--budget < 0) return null;
    let descend = false;
    if (node.nodeType === 3) {
      const value = node.nodeValue!;
      text += value;
      for (let i = 0; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if (isWhitespace(code)) {
          if (pendingSpace || length === 0 || code !== 32) collapsed = false;
          pendingSpace = length > 0;
        } else {
          if (pendingSpace) length++;
          pendingSpace = false;
          length++;
        }
      }
      if (length > limit) return null;
    } else if (node.nodeType === 1) {
      descend = !SILENT_TAGS.has((node as Element).localName);
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
    } else {
      while (node !== el && !node.nextSibling) node = node.parentNode!;
      node = node === el ? null : node.nextSibling;
    }
  }
  return collapsed && !pendingSpace ? text : collapseWhitespace(text);
}

/** The `text` of a Removal: first 80 characters of the element's text, whitespace collapsed. */
export function removalText(el: Element): string {
  const text = boundedText(el, 400) ?? collapseWhitespace((el.textContent ?? '').slice(0, 2000));
  return text.slice(0, 80).trimEnd();
}

export function recordRemoval(removed: Removal[], rule: string, reason: string, el: Element): void {
  removed.push({ rule, reason, text: removalText(el) });
}

/** Page structure a container must never be climbed to: it holds the article itself. */
const STRUCTURAL_TAGS = new Set(['body', 'main', 'article', 'html']);

/**
 * The highest ancestor-or-self of `el`, below `root`, for which `accept` holds at every step of the way up.
 * Never climbs to `root`, body/main/article, or an element holding the page's h1.
 */
export function climb(el: Element, root: Element, accept: (candidate: Element) => boolean): Element {
  let best = el;
  let parent = el.parentElement;
  while (parent && parent !== root && !STRUCTURAL_TAGS.has(parent.localName) && accept(parent)) {
    if (parent.querySelector('h1')) break;
    best = parent;
    parent = parent.parentElement;
  }
  return best;
}

/** Whether `child` is the first element of its parent with text or media (empty wrappers skipped). */
export function isFirstContentChild(child: Element): boolean {
  for (let sibling = child.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (hasContent(sibling)) return false;
  }
  for (let node = child.previousSibling; node; node = node.previousSibling) {
    if (node.nodeType === 3 && node.nodeValue!.trim()) return false;
  }
  return true;
}

/** Whether the element shows anything: text or media. Stops at the first sign of it. */
export function hasContent(el: Element): boolean {
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3 && node.nodeValue!.trim()) return true;
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).localName;
    if (tag === 'img' || tag === 'video' || tag === 'iframe' || tag === 'picture' || tag === 'svg') return true;
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return false;
}

/** A line of text that holds a picture is the picture's container ("Image copyright Getty" beside the photo):
 *  the credit inside it goes, not the picture. */
export function holdsPicture(el: Element): boolean {
  return el.querySelector('img, picture') !== null;
}

/** The section a heading opens: its ancestors for as long as the heading comes first in each. */
export function sectionOpenedBy(heading: Element, root: Element): Element {
  let current = heading;
  return climb(heading, root, (parent) => {
    const first = isFirstContentChild(current);
    current = parent;
    return first;
  });
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LABEL_TAGS = new Set(['div', 'span', 'p', 'strong', 'b', 'header', 'legend', 'summary', 'button', 'a']);

function labelText(facts: ElementFacts): string | null {
  const { el, tag } = facts;
  if (!HEADING_TAGS.has(tag) && el.getAttribute('role') !== 'heading' && !LABEL_TAGS.has(tag)) return null;
  const text = facts.shortText;
  if (!text || text.length > 80) return null;
  // Bold text in a table cell heads a column ("Category"), not a section of the page. Asked last: `closest`
  // climbs to the root for every label-like element.
  if (LABEL_TAGS.has(tag) && el.closest('td, th')) return null;
  return text;
}

export function isHeading(facts: ElementFacts): boolean {
  return HEADING_TAGS.has(facts.tag) || facts.el.getAttribute('role') === 'heading';
}

/** Builds a token regex: `tokenPattern('ad|ads')` matches "ad-banner" and "top_ads" but not "header". */
export function tokenPattern(alternatives: string): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${alternatives})(?:$|[\\s_-])`);
}
