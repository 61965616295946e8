// Author boxes: "About the author", "À propos de l'auteur", with the bio under it. The byline itself is
// metadata (the pipeline reads it before clean-up); the bio is not the article.

import { headingText, sectionOpenedBy, tokenPattern, boundedText, type ElementFacts, type Rule, type RuleMatch } from './rule';

const AUTHOR_HEADING = /^(?:about the (?:author|writer|reporter)s?|about (?:me|us)|à propos de l.auteur|à propos de l.auteure|l.auteur|über den autor|über die autorin|zum autor|sobre el autor|sobre o autor|sull.autore|l.autore|written by|author bio|more by this author|more from this author)\s*:?$/i;

const AUTHOR_BOX_NAMES = tokenPattern('author-box|authorbox|author-bio|author-info|about-author|about-the-author|author-card|author-profile|bio-box|post-author|entry-author|saboxplugin-wrap|abh_box');

function matchAuthorBox(el: Element, facts: ElementFacts): RuleMatch | null {
  if (AUTHOR_BOX_NAMES.test(facts.names) && boundedText(el, 1200) !== null) {
    return { reason: `author box (${facts.names.match(AUTHOR_BOX_NAMES)![0].trim()})` };
  }
  const heading = headingText(facts);
  if (heading && AUTHOR_HEADING.test(heading)) {
    const section = sectionOpenedBy(el, facts.root);
    const next = section === el ? el.nextElementSibling : null;
    const bio = next && boundedText(next, 800) !== null ? [next] : [];
    return { reason: `author box "${heading}"`, target: section, followers: bio };
  }
  return null;
}

export const authorBox: Rule = { name: 'author-box', match: matchAuthorBox };
