// Share bars: "Partager / Tweeter / Envoyer", "Share on Facebook", sharer links. A bar is recognised from its
// links (sharer URLs) or from text made only of share words; a sentence containing "Partager" has other words
// and stays.

import { climb, tokenPattern, SHORT_TEXT_LIMIT, boundedText, type ElementFacts, type Rule, type RuleMatch } from './rule';

const SHARER_URL =
  /facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed|send))|twitter\.com\/(?:intent|share|home\?status)|x\.com\/intent|linkedin\.com\/(?:shareArticle|sharing|cws\/share)|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|wa\.me\/\?|api\.whatsapp\.com\/send|^whatsapp:|^mailto:\?|^sms:|t\.me\/share|telegram\.me\/share|news\.ycombinator\.com\/submitlink|tumblr\.com\/(?:share|widgets\/share)|getpocket\.com\/(?:save|edit)|flipboard\.com\/bookmarklet|buffer\.com\/add|vk\.com\/share|xing\.com\/(?:spi\/shares|social\/share)|addtoany\.com\/share|sharethis|bsky\.app\/intent|threads\.net\/intent|plus\.google\.com\/share|line\.me\/R\/msg|mastodonshare|toot\.kytta|[?&]action=share\b/i;

/** Words a share bar is made of (and its counts and separators). */
const SHARE_WORDS = new RegExp(
  '(?:click to tweet|partager(?: (?:cet article|sur \\S+|l\'article|par e-?mail))?|partagez(?: cet article)?|tweeter|tweet(?:er)?|' +
    'share(?: (?:this(?: article| story| post| page| recipe)?|on \\S+|via \\S+|article|story|recipe))?|shares|pin(?: (?:this|it))?(?: for later)?|épingler|[!]|e-?mail|envoyer(?: par e-?mail)?|' +
    'imprimer|print|copier(?: le)? lien|copy(?: the)? link|lien copié|link copied|facebook|twitter|linkedin|whatsapp|pinterest|reddit|' +
    'messenger|telegram|flipboard|pocket|mail|courriel|sms|threads|bluesky|mastodon|x|teilen|drucken|compartir|imprimir|' +
    'compartilhar|condividi|stampa|copy|copier|sauvegarder|save|enregistrer|bookmark|favoris|ajouter aux favoris|' +
    '\\d+(?:[.,]\\d+)?\\s*[km]?|[|/·•:()+-])',
  'gi',
);

const SHARE_NAMES = tokenPattern(
  'share|sharing|share-bar|sharebar|share-buttons|share-tools|social-share|social-bar|socialbar|social-buttons|' +
    'social-links|social-icons|social-media|sharethis|addthis|addtoany|a2a_kit|shariff|article-share|post-share|share-links',
);

/** The text is nothing but share words (after removing them, only blanks remain). */
function isShareWordsOnly(text: string): boolean {
  return text.replace(SHARE_WORDS, '').trim() === '';
}

function matchShare(el: Element, facts: ElementFacts): RuleMatch | null {
  const { tag, names } = facts;
  if (tag === 'a' && SHARER_URL.test(el.getAttribute('href') ?? '')) {
    return { reason: 'share bar (sharer links)', target: shareBar(el, facts.root) };
  }
  if (SHARE_NAMES.test(names) && isMostlyShareWords(el)) return { reason: `share bar (${names.match(SHARE_NAMES)![0].trim()})` };
  const text = facts.shortText;
  if (!text || text.length > 120 || !/[a-zà-ÿ]/i.test(text)) return null;
  if ((/partag|share|tweet|teilen|compart|condivid|\bpin\b|épingl/i.test(text) || facts.tag === 'button') && isShareWordsOnly(text)) {
    return { reason: `share buttons "${text.slice(0, 40)}"` };
  }
  return null;
}

/** Labels a named share bar may carry besides share words ("Share this story with your friends"). */
const SHARE_BAR_RESIDUE = 40;

/** A named share bar: short, and nearly all share words (a "Click To Tweet" quote box holds a sentence). */
function isMostlyShareWords(el: Element): boolean {
  const text = boundedText(el, 300);
  return text !== null && text.replace(SHARE_WORDS, '').replace(/\s+/g, ' ').trim().length <= SHARE_BAR_RESIDUE;
}

/** The bar a sharer link sits in: its ancestors for as long as they hold only share words. */
function shareBar(link: Element, root: Element): Element {
  return climb(link, root, (parent) => {
    const text = boundedText(parent, SHORT_TEXT_LIMIT);
    return text !== null && isShareWordsOnly(text);
  });
}

export const share: Rule = { name: 'share', match: matchShare };
