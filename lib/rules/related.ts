// "Lire aussi", "La rédaction vous recommande", "Related", "More from…" blocks: a heading with one of these
// labels takes the section it opens (or the link list right after it); an inline "Lire aussi : <link>"
// paragraph goes on its own. Also named recommendation widgets (Outbrain, Taboola, related-posts).

import { collapseWhitespace, sectionOpenedBy, tokenPattern, boundedText, type ElementFacts, type Rule, type RuleMatch } from './rule';

const RELATED_LABEL =
  "(?:à lire aussi|a lire aussi|lire aussi|à lire également|lire également|à lire|à voir aussi|voir aussi|à voir|à écouter aussi|à découvrir(?: aussi| également)?|" +
  'la rédaction vous recommande|nous vous recommandons|nos lecteurs ont (?:aimé|lu|apprécié)|sur le même (?:sujet|thème)|dans la même rubrique|' +
  'les plus lus|les plus partagés|les plus commentés|les plus populaires|les articles les plus lus|vous aimerez aussi|vous aimerez peut-être aussi|vous pourriez aimer|' +
  "ces articles peuvent vous intéresser|ces contenus peuvent vous intéresser|articles similaires|articles liés|articles connexes|dernières actualités|dernières infos|à la une|l'actu en continu|tout l'actu|" +
  'related(?: articles| stories| posts| content| coverage| topics| reading| news| links| videos)?|recommended(?: for you| stories| articles| reading| videos)?|' +
  'more from [^.!?]{1,40}|more on (?:this|that) (?:story|topic)|more (?:stories|news|articles|coverage)(?: from [^.!?]{1,40})?|read (?:more|next)(?: about [^.!?]{1,40})?|up next|what to read next|' +
  'you (?:may|might) (?:also )?(?:like|enjoy|be interested in)(?: the following [^.!?]{1,30})?|other (?:posts|articles|stories) you (?:may|might) (?:also )?(?:like|enjoy)|what others are reading|good articles to read(?: together)?|more ["“][^"”]{1,30}["”] (?:posts|articles|stories)|explore (?:other|more) [^.!?]{0,40}(?:topics|articles|posts|stories|resources|guides)(?: [^.!?]{0,20})?|also read|see also|also on [^.!?]{1,30}|most (?:read|popular|viewed|shared|emailed)|' +
  'trending(?: now| stories)?|popular(?: posts| stories| now)?|latest(?: news| stories| posts| articles)?|top stories|editor.?s picks|' +
  'more|see more|voir plus d.articles|more to explore|don.?t miss|further reading|keep reading|in case you missed it|sponsored stories|around the web|from our partners|' +
  'te puede interesar|puede interesarte|lee también|leer más|más noticias|noticias relacionadas|te recomendamos|relacionad[oa]s|' +
  'mehr zum thema|auch interessant|das könnte sie (?:auch )?interessieren|weitere artikel|lesen sie auch|meistgelesen|' +
  'leia também|leia mais|veja também|notícias relacionadas|mais lidas|leggi anche|potrebbe interessarti|articoli correlati|i più letti)';

/** A heading whose whole text is the label. */
const RELATED_HEADING = new RegExp(`^${RELATED_LABEL}\\s*[:>»›→.…]*$`, 'i');

/** A paragraph opening with the label, the rest being a link ("Lire aussi : Le titre"). */
const RELATED_LEAD = new RegExp(`^(?:[>»›→►▶•-]\\s*)?${RELATED_LABEL}\\s*[:>»›→-]*\\s*`, 'i');

const RELATED_NAMES = tokenPattern(
  'related|related-posts|related-articles|related-content|relatedposts|recommended|recommendations|recommendation|' +
    'outbrain|taboola|also-read|lire-aussi|more-stories|more-from|most-read|most-popular|mostread|' +
    'popular-posts|trending|jp-relatedposts|yarpp|crp_related|zergnet|revcontent|mgid|ob-widget|plista',
);

const INLINE_BLOCKS = new Set(['p', 'div', 'li', 'aside', 'section', 'strong', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'b', 'em']);

function matchRelated(el: Element, facts: ElementFacts): RuleMatch | null {
  if (RELATED_NAMES.test(facts.names) && boundedText(el, 3000) !== null && !el.querySelector('h1')) {
    return { reason: `recommendation block (${facts.names.match(RELATED_NAMES)![0].trim()})` };
  }
  const heading = facts.headingText;
  if (heading && RELATED_HEADING.test(heading)) {
    const section = sectionOpenedBy(el, facts.root);
    const reason = `"${heading.slice(0, 40)}" block`;
    if (section !== el) return { reason, target: section };
    const list = followingLinkList(el);
    return list ? { reason, followers: [list] } : { reason };
  }
  if (!INLINE_BLOCKS.has(facts.tag)) return null;
  const text = facts.shortText;
  if (!text) return null;
  if (facts.tag === 'p' && isHeadlineLink(el, text)) return { reason: 'headline link to another story' };
  const lead = text.match(RELATED_LEAD);
  if (lead && lead[0].length < text.length && isLabel(el, lead[0]) && mostlyLinks(el, text.length - lead[0].length)) {
    return { reason: `inline "${collapseWhitespace(lead[0]).slice(0, 30)}" link` };
  }
  return null;
}

/**
 * The lead is a label when punctuation ends it ("Read more:") or it stands outside the link ("Lire aussi <a>…");
 * a linked headline that merely begins with the word ("<a>More businesses are embracing…</a>") is not one.
 */
function isLabel(el: Element, lead: string): boolean {
  if (/[:>»›→-]\s*$/.test(lead)) return true;
  let outside = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) outside += node.textContent;
    else if (node.nodeType === 1 && !(node as Element).querySelector('a') && (node as Element).localName !== 'a') outside += node.textContent;
    if (outside.trim().length >= lead.trim().length) break;
  }
  return collapseWhitespace(outside).length >= collapseWhitespace(lead).length;
}

/** Headline links in capitals ("TAYLOR SWIFT CLEARED TO PERFORM…"): a paragraph that is one shouted link. */
function isHeadlineLink(el: Element, text: string): boolean {
  const links = el.getElementsByTagName('a');
  if (links.length !== 1 || collapseWhitespace(links[0].textContent ?? '') !== text) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return text.split(' ').length >= 3 && letters.length >= 10 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Whether links carry most of `restLength` characters of the element's text. */
function mostlyLinks(el: Element, restLength: number): boolean {
  let linkText = 0;
  for (const link of Array.from(el.querySelectorAll('a[href]'))) linkText += collapseWhitespace(link.textContent ?? '').length;
  return linkText >= restLength * 0.6;
}

/** The next sibling when it is a list of links (the block a flat "Related" heading introduces). */
function followingLinkList(heading: Element): Element | null {
  const next = heading.nextElementSibling;
  if (!next) return null;
  const text = boundedText(next, 1500);
  if (!text) return null;
  const links = next.querySelectorAll('a[href]');
  if (!links.length) return null;
  return mostlyLinks(next, text.length) ? next : null;
}

export const related: Rule = { name: 'related', match: matchRelated };
