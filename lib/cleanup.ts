// Clean-up steps 2 and 4 of the pipeline: take clutter out of the page before Readability, and out of
// Readability's article after it, with the same rules. One walk over the tree; every rule is asked about each
// element in document order and the first match removes it (or the container it names), with a record of why.
// Before Readability the rules get no text facts (they go by names, tags and structure; a few still measure a
// container's size): reading every small element's text on the whole page was most of the clean-up's time, and
// text labels are found as well on Readability's article, a fraction of the page, which keeps the class names
// for it (see pipeline.ts).

import type { Removal } from './types';
import { ElementFacts, recordRemoval, withSubtreeSizes, type Rule } from './rules/rule';
import { RULES } from './rules';

export function cleanBeforeReadability(doc: Document, removed: Removal[]): void {
  if (doc.body) applyRules(doc.body, RULES, removed, false);
}

export function cleanAfterReadability(article: Element, removed: Removal[]): void {
  applyRules(article, RULES, removed);
}

/**
 * Removes what the rules match inside `root` (never `root` itself), appending a Removal for each. `readText`:
 * whether the rules get the elements' text (ElementFacts.readsText).
 */
export function applyRules(root: Element, rules: readonly Rule[], removed: Removal[], readText = true): void {
  withSubtreeSizes(root, () => walk(root, rules, removed, readText));
}

function walk(root: Element, rules: readonly Rule[], removed: Removal[], readText: boolean): void {
  const articleBody = findArticleBody(root);
  let el: Element | null = root.firstElementChild;
  while (el) {
    const match = firstMatch(el, root, articleBody, rules, readText);
    // A rule may name a container of `el` (the section a heading opens) and siblings that go with it.
    const target = match?.target && match.target !== root && match.target.contains(el) && root.contains(match.target) ? match.target : el;
    if (!match || (articleBody && target.contains(articleBody))) {
      el = nextElement(el, root, true);
      continue;
    }
    const followers = (match.followers ?? []).filter((f) => f.parentElement === target.parentElement);
    const last = followers.length ? followers[followers.length - 1] : target;
    const next = nextElement(last, root, false);
    for (const gone of [target, ...followers]) {
      recordRemoval(removed, match.rule, match.reason, gone);
      gone.remove();
    }
    el = next;
  }
}

/** Paragraph text a container must gather before it is taken to be the article body. */
const MIN_ARTICLE_BODY_CHARS = 200;

/**
 * The element whose own paragraphs hold the most text: the article body, which no rule may take (a wrapper
 * whose class merely contains "comments" or "related", a heading that seems to open the whole page). Comments
 * and teasers are split over many small parents, so they do not win. One pass over the paragraphs.
 */
function findArticleBody(root: Element): Element | null {
  const totals = new Map<Element, number>();
  let best: Element | null = null;
  let bestTotal = 0;
  // An explicit walk: getElementsByTagName recurses in some DOMs (happy-dom) and deep pages overflow it.
  for (let paragraph = nextElement(root, root, true); paragraph; paragraph = nextElement(paragraph, root, true)) {
    if (paragraph.localName !== 'p') continue;
    const parent = paragraph.parentElement;
    const length = (paragraph.textContent ?? '').length;
    if (!parent || length < 40) continue;
    const total = (totals.get(parent) ?? 0) + length;
    totals.set(parent, total);
    if (total > bestTotal) {
      best = parent;
      bestTotal = total;
    }
  }
  return bestTotal >= MIN_ARTICLE_BODY_CHARS ? best : null;
}

function firstMatch(el: Element, root: Element, articleBody: Element | null, rules: readonly Rule[], readText: boolean) {
  const facts = new ElementFacts(el, root, articleBody, readText);
  for (const rule of rules) {
    const match = rule.match(el, facts);
    if (match) return { rule: rule.name, ...match };
  }
  return null;
}

/** The next element after `el` in document order inside `root`, descending into `el` only when asked. */
function nextElement(el: Element, root: Element, descend: boolean): Element | null {
  if (descend && el.firstElementChild) return el.firstElementChild;
  let node: Element | null = el;
  while (node && node !== root) {
    if (node.nextElementSibling) return node.nextElementSibling;
    node = node.parentElement;
  }
  return null;
}
