// Clean-up steps 2 and 4 of the pipeline: take clutter out of the page before Readability, and out of
// Readability's article after it, with the same rules. One walk over the tree; every rule is asked about each
// element in document order and the first match removes it (or the container it names), with a record of why.

import type { Removal } from './types';
import { ElementFacts, proseLength, recordRemoval, type Rule } from './rules/rule';
import { RULES } from './rules';

export function cleanBeforeReadability(doc: Document, removed: Removal[]): void {
  if (doc.body) applyRules(doc.body, RULES, removed);
}

export function cleanAfterReadability(article: Element, removed: Removal[]): void {
  applyRules(article, RULES, removed);
}

/** Removes what the rules match inside `root` (never `root` itself), appending a Removal for each. */
export function applyRules(root: Element, rules: readonly Rule[], removed: Removal[]): void {
  const pageProse = proseLength(root);
  let el: Element | null = root.firstElementChild;
  while (el) {
    const match = firstMatch(el, root, rules);
    // A rule may name a container of `el` (the section a heading opens) and siblings that go with it.
    const target = match?.target && match.target !== root && match.target.contains(el) && root.contains(match.target) ? match.target : el;
    if (!match || holdsTheArticle(target, pageProse)) {
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

/** Share of the page's prose above which an element is taken to be the article, whatever its name says. */
const ARTICLE_SHARE = 0.4;
/** Pages with less prose than this have no article worth guarding by share. */
const MIN_GUARDED_PROSE = 500;

/**
 * Guard against a rule taking the article with it: a wrapper whose class merely contains "comments" or
 * "related", or a heading that opens the whole page. Cheap: computed only for elements about to be removed.
 */
function holdsTheArticle(target: Element, pageProse: number): boolean {
  return pageProse >= MIN_GUARDED_PROSE && proseLength(target) >= pageProse * ARTICLE_SHARE;
}

function firstMatch(el: Element, root: Element, rules: readonly Rule[]) {
  const facts = new ElementFacts(el, root);
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
