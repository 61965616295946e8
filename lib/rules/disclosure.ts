// Affiliate and advertiser disclosures, and the publisher's disclaimers beside them: "Disclosure: As an Amazon
// Associate I earn from qualifying purchases", "This post may contain affiliate links", "Products are chosen
// independently by our editors", "Cet article contient des liens affiliés", "The views expressed on X are not
// necessarily those of Y". Legal boilerplate of the page template, said in a short paragraph of its own.

import { type ElementFacts, type Rule, type RuleMatch } from './rule';

const DISCLOSURE = new RegExp(
  [
    '^(?:affiliate |advertiser |advertising |ftc )?disclosure\\s*:',
    '\\b(?:i|we)(?: may)? (?:earn|receive|get) (?:a (?:small )?)?(?:commission|compensation|from qualifying purchases)',
    '\\bas an? (?:amazon associate|affiliate marketer)\\b',
    '\\b(?:may contain|contains) (?:affiliate|sponsored) links',
    '\\bchosen independently by our editors',
    '\\bwhen you buy through (?:links|our links)',
    '\\bcontient des liens (?:affiliés|d.affiliation)',
    '\\bnous (?:pouvons )?percev(?:ons|oir) une commission',
    // Disclaimers of the same kind: the site's distance from its contributors, an adviser's legal notice.
    '\\b(?:the )?views (?:and opinions )?expressed on\\b.{0,60}\\b(?:are|do) not necessarily',
    '\\badvisory services (?:are )?(?:only )?offered',
  ].join('|'),
  'i',
);

const DISCLOSURE_HEADING = /^(?:advertiser|affiliate|advertising) (?:disclosure|policy)\s*:?$/i;

/** A disclosure is a sentence or two; a legal disclaimer a few more. */
const MAX_DISCLOSURE_CHARS = 600;

function matchDisclosure(el: Element, facts: ElementFacts): RuleMatch | null {
  const heading = facts.headingText;
  if (heading && DISCLOSURE_HEADING.test(heading)) return { reason: `disclosure "${heading}"` };
  if (facts.tag !== 'p' && facts.tag !== 'div' && facts.tag !== 'aside' && facts.tag !== 'small' && facts.tag !== 'em') return null;
  const text = facts.paragraphText(MAX_DISCLOSURE_CHARS);
  return text && DISCLOSURE.test(text) ? { reason: `disclosure "${text.slice(0, 40)}"` } : null;
}

export const disclosure: Rule = { name: 'disclosure', match: matchDisclosure };
