// Navigation left inside the content: print-only headers (the site's logo and the page's own address, hidden on
// screen by the site's print style sheet, which a reader does not load), menus of section links ("Local / US & World / Sports / Business…"),
// "Skip to content" and "Jump to Recipe" links, tag lists ("Tags: a, b, c"), and widget labels ("Close", "Text
// size", "Print Article", "This slideshow requires JavaScript.", the "Loading paragraph..." placeholders of
// streamed pages). Lists qualify by shape: every item is one short link.

import { collapseWhitespace, sectionOpenedBy, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

/** Whole-text labels of page widgets, never article prose. */
const WIDGET_LABEL =
  /^(?:skip to (?:main )?content|skip to navigation|aller au contenu(?: principal)?|passer au contenu|zum inhalt springen|ir al contenido|saltar al contenido|back to top|retour en haut(?: de (?:la )?page)?|nach oben|close|fermer|schließen|cerrar|menu|search|rechercher|suche|buscar|text size|taille du texte|order reprints|print(?: this)? article|imprimer(?: l'article)?|expand|collapse|agrandir|zoom|show more|voir plus|load more|afficher plus|mehr laden|previous|next|précédent|suivant|zurück|weiter|anterior|siguiente|this slideshow requires javascript\.?|media playback is unsupported on your device|your browser does not support (?:the )?(?:video|audio)(?: tag| element)?\.?|votre navigateur ne (?:prend pas en charge|supporte pas) .{0,40}|javascript is (?:disabled|required).{0,60}|advert|ad choices|adchoices|loading(?: (?:paragraph|image|content|video|comments|article|more))?(?:\.{3}|…)|chargement(?: en cours)?(?:\.{3}|…))$/i;

/** Headings of tag and topic lists. */
const TAGS_LABEL = /^(?:tags?|étiquettes|mots[- ]clés|keywords|topics|sujets|thèmes|thema|themen|schlagworte|temas|etiquetas|tópicos|argomenti|categor(?:y|ies)|catégories?|filed under|related topics|explore more on these topics)\s*:?$/i;

/** "Tags: a, b, c" as one line. */
const TAGS_LINE = /^(?:tags?|mots[- ]clés|keywords|topics|sujets|schlagworte|etiquetas|filed under)\s*:\s*\S/i;

/** In-page jump links: "Jump to Recipe", "JUMP TO THE LIST ⤵", "Aller à la recette". */
const JUMP_LINK = /^(?:jump|skip|scroll(?: down)?) to\b|^aller (?:à|au|aux)\b/i;
const MAX_JUMP_LINK_CHARS = 40;

/** Blocks a site shows only on paper. */
const PRINT_ONLY = tokenPattern('print-header|print-only|printonly|visible-print|print-logo|print-masthead|print-footer');

const MIN_MENU_ITEMS = 4;
const MAX_MENU_ITEM_CHARS = 30;

function matchNavigation(el: Element, facts: ElementFacts): RuleMatch | null {
  const { tag } = facts;
  if (tag === 'nav') return { reason: 'navigation (<nav>)' };
  if (PRINT_ONLY.test(facts.names)) return { reason: 'print-only header' };
  // A list of short links inside the article body is the article's (a table of contents, "see also").
  if (tag === 'ul' || tag === 'ol') return !facts.inArticleBody && isMenu(el) ? { reason: 'menu of short links' } : null;
  const text = facts.shortText;
  if (!text) return null;
  if (text.length <= 80 && WIDGET_LABEL.test(text)) return { reason: `widget label "${text.slice(0, 40)}"` };
  if (tag === 'a' && text.length <= MAX_JUMP_LINK_CHARS && el.getAttribute('href')?.startsWith('#') && JUMP_LINK.test(text)) {
    return { reason: `jump link "${text}"` };
  }
  const heading = facts.headingText;
  if (heading && TAGS_LABEL.test(heading)) {
    const section = sectionOpenedBy(el, facts.root);
    const next = section === el ? el.nextElementSibling : null;
    return { reason: `tag list "${heading}"`, target: section, followers: next && isLinkRow(next) ? [next] : [] };
  }
  if (TAGS_LINE.test(text) && linkShare(el, text) >= 0.5) return { reason: 'tag list line' };
  return null;
}

/** A list whose every item is a single short link: a menu, not an article's list. */
function isMenu(list: Element): boolean {
  const items = list.children;
  if (items.length < MIN_MENU_ITEMS) return false;
  for (const item of Array.from(items)) {
    if (item.localName !== 'li') return false;
    const links = item.getElementsByTagName('a');
    if (links.length !== 1) return false;
    const itemText = collapseWhitespace(item.textContent ?? '');
    const linkText = collapseWhitespace(links[0].textContent ?? '');
    if (itemText.length > MAX_MENU_ITEM_CHARS || itemText !== linkText) return false;
  }
  return true;
}

/** A row or list of links only (the tags after a "Tags" heading). */
function isLinkRow(el: Element): boolean {
  const text = collapseWhitespace(el.textContent ?? '');
  return text.length > 0 && text.length <= 600 && linkShare(el, text) >= 0.8;
}

function linkShare(el: Element, text: string): number {
  let linkText = 0;
  for (const link of Array.from(el.getElementsByTagName('a'))) linkText += collapseWhitespace(link.textContent ?? '').length;
  return linkText / Math.max(1, text.length);
}

export const navigation: Rule = { name: 'navigation', match: matchNavigation };
