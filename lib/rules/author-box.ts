// Author boxes: "About the author", "À propos de l'auteur", with the bio under it. The byline itself is
// metadata (the pipeline reads it before clean-up); the bio is not the article.

import { boundedText, hasContent, sectionOpenedBy, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const AUTHOR_HEADING = /^(?:about the (?:author|writer|reporter)s?|about (?:me|us)|à propos de l.auteur|à propos de l.auteure|l.auteur|über den autor|über die autorin|zum autor|sobre el autor|sobre o autor|sull.autore|l.autore|written by|author bio|more by this author|more from this author|who (?:curated|wrote|reviewed|edited) this (?:article|story|guide|list)\??)\s*:?$/i;

/** "Written by Cassidy Horton": the heading of a bio that starts with the name (not of the whole text below). */
const WRITTEN_BY = /^written by ([^.!?]{2,40})$/i;

/**
 * A bio with no box around it, closing the article: a name, then what the person does for a living as a writer
 * ("Kelia Losa Reinoso is a content writer at Tastewise…", "Marie Dupont est journaliste…").
 */
const BIO_SENTENCE = new RegExp(
  "^(?:\\p{Lu}[\\p{L}'’.-]+ ){1,3}\\p{Lu}[\\p{L}'’-]+,? (?:" +
    '(?:is|was) (?:a|an|the|our) [^.!?]{0,60}?\\b(?:writer|journalist|editor|reporter|author|contributor|correspondent|columnist|blogger|copywriter)s?\\b|' +
    '(?:est|était) (?:une? |le |la )?[^.!?]{0,60}?\\b(?:journaliste|rédact(?:eur|rice)|auteure?|autrice|chroniqueu(?:r|se)|correspondante?|blogueu(?:r|se))\\b)',
  'u',
);
const MAX_BIO_CHARS = 500;

const AUTHOR_BOX_NAMES = tokenPattern('author-box|authorbox|author-bio|author-info|about-author|about-the-author|author-card|author-profile|bio-box|post-author|entry-author|saboxplugin-wrap|abh_box');

function matchAuthorBox(el: Element, facts: ElementFacts): RuleMatch | null {
  if (AUTHOR_BOX_NAMES.test(facts.names) && boundedText(el, 1200) !== null) {
    return { reason: `author box (${facts.names.match(AUTHOR_BOX_NAMES)![0].trim()})` };
  }
  const heading = facts.headingText;
  if (heading && AUTHOR_HEADING.test(heading)) {
    const section = sectionOpenedBy(el, facts.root);
    const next = section === el ? el.nextElementSibling : null;
    const bio = next && boundedText(next, 800) !== null ? [next] : [];
    return { reason: `author box "${heading}"`, target: section, followers: bio };
  }
  const writer = heading?.match(WRITTEN_BY);
  if (writer) {
    const next = el.nextElementSibling;
    const bio = next && boundedText(next, MAX_BIO_CHARS);
    const firstName = writer[1].split(' ')[0];
    return bio && bio.startsWith(firstName) ? { reason: `author box "${heading}"`, followers: [next] } : { reason: `author box "${heading}"` };
  }
  if (facts.tag === 'p' && isLastContent(el)) {
    const text = boundedText(el, MAX_BIO_CHARS);
    if (text && BIO_SENTENCE.test(text)) return { reason: 'author bio closing the article' };
  }
  return null;
}

/** Nothing with content follows the element in its parent: a closing paragraph. */
function isLastContent(el: Element): boolean {
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling) if (hasContent(next)) return false;
  return true;
}

export const authorBox: Rule = { name: 'author-box', match: matchAuthorBox };
