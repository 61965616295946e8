// Breadcrumbs: "Accueil > Actu > Tech > <title>". Recognised by name (breadcrumb, fil d'Ariane, schema.org
// BreadcrumbList) or by shape: a short list of links that starts at the home page.

import { collapseWhitespace, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const BREADCRUMB_NAMES = /breadcrumb|fil d'ariane|fil-d-ariane|filariane|ariane|brotkrume|miga(?:s)? de pan|brodsmule/;

const HOME_LINK = /^(?:accueil|home|homepage|home page|startseite|start|inicio|início|portada|página inicial|home ?page|hjem|strona główna|главная)$/i;

const HOME_START = /^(?:accueil|home|homepage|startseite|start|inicio|início|portada|página inicial|hjem|strona główna|главная)(?![\p{L}])/iu;

const CONTAINER_TAGS = new Set(['nav', 'ol', 'ul', 'div', 'span', 'section', 'header']);

const NAV_LIKE = tokenPattern('nav|navigation|path|trail|crumbs');

function matchBreadcrumbs(el: Element, facts: ElementFacts): RuleMatch | null {
  const { names, tag } = facts;
  if (BREADCRUMB_NAMES.test(names) && facts.shortText !== null) return { reason: 'breadcrumb (named)' };
  if (!CONTAINER_TAGS.has(tag)) return null;
  const text = facts.shortText;
  // Cheap test first: the text opens with the home word (or the list is named like a path, home as an icon).
  if (!text || !(HOME_START.test(text) || NAV_LIKE.test(names))) return null;
  const links = Array.from(el.getElementsByTagName('a')).filter((link) => link.hasAttribute('href'));
  if (links.length < 2 || links.length > 8) return null;
  const first = (links[0].textContent ?? '').trim();
  if (!HOME_LINK.test(first) && !(links[0].querySelector('svg,img') && !first && NAV_LIKE.test(names))) return null;
  // Links and separators, plus at most the current page's title after the last link: nothing else.
  let linkText = 0;
  for (const link of links) linkText += collapseWhitespace(link.textContent ?? '').length;
  const after = textAfter(links[links.length - 1], el);
  // The current page's title ends without a full stop; a sentence after the last link is prose.
  if (/[.!?]$/.test(after)) return null;
  const trailing = after.length;
  const separators = links.length * 3;
  if (linkText + trailing + separators < text.length) return null;
  return { reason: `breadcrumb starting "${first || 'home icon'}"` };
}

/** The collapsed text that follows `node` inside `container` (the current page's title in a breadcrumb). */
function textAfter(node: Element, container: Element): string {
  let text = '';
  for (let current: Element | null = node; current && current !== container; current = current.parentElement) {
    for (let sibling = current.nextSibling; sibling; sibling = sibling.nextSibling) text += ' ' + (sibling.textContent ?? '');
  }
  return collapseWhitespace(text);
}

export const breadcrumbs: Rule = { name: 'breadcrumbs', match: matchBreadcrumbs };
