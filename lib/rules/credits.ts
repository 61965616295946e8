// Photo credits and gallery furniture: "Crédit : AFP", "(Image credit: Blue Origin)", "Image copyright Getty",
// "© Reuters", "Feature image by X, all other images via brands mentioned", credit-named spans next to a picture,
// and counters such as "Image 1 of 5" or "1/50". Captions themselves stay (a reader may want them, and Readability
// keeps them); only who took the picture goes.

import { holdsPicture, tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const CREDIT_NAMES = tokenPattern('credit|credits|image-credit|photo-credit|img-credit|copyright|image-copyright|photographer|byline-photo');

/** Labels gallery and image widgets print: "Image 1 of 5", "1of4", "3 / 12", "Photo 2 sur 8". */
const GALLERY_COUNTER = /^(?:(?:image|photo|picture|slide|foto|bild)\s+)?\d{1,3}\s*(?:of|sur|de|von|di|\/)\s*\d{1,3}$/i;

/** A whole line that is a credit: "Crédit : AFP", "(Image credit: X)", "Image copyright EPA", "© Reuters". */
const CREDIT_LINE =
  /^\(?(?:(?:image|photo|picture|video) (?:copyright|credit|source)\b|(?:crédits?(?: photo)?|photo credit|credits?|photo|foto|bild|source)\s*[:：]\s*\S|©\s*\S)/i;

/**
 * A paragraph opening with the post's image credits ("Feature image by X, all other images via brands mentioned.
 * Good On You publishes…"): the site's closing note, not the article.
 */
const IMAGE_CREDITS_NOTE = /^(?:feature[d]?|header|cover|hero|lead|top) (?:image|photo|picture)s? (?:by|via|courtesy of|credit:?)\s+[^,.;]{1,40}[,.;]/i;
const MAX_CREDITS_NOTE_CHARS = 400;

/** Credits name an agency or a photographer: a few words, not a sentence. */
const MAX_CREDIT_CHARS = 100;

function matchCredits(el: Element, facts: ElementFacts): RuleMatch | null {
  const text = facts.shortText;
  if (text === null) {
    const note = facts.tag === 'p' ? facts.paragraphText(MAX_CREDITS_NOTE_CHARS) : null;
    return note && IMAGE_CREDITS_NOTE.test(note) ? { reason: `image credits note "${note.slice(0, 40)}"` } : null;
  }
  if (!text || holdsPicture(el)) return null;
  if (IMAGE_CREDITS_NOTE.test(text)) return { reason: `image credits note "${text.slice(0, 40)}"` };
  if (text.length <= 30 && GALLERY_COUNTER.test(text)) return { reason: `gallery counter "${text}"` };
  if (text.length > MAX_CREDIT_CHARS) return null;
  if (CREDIT_LINE.test(text) && !/[.!?]$/.test(text)) return { reason: `photo credit "${text.slice(0, 40)}"` };
  if (CREDIT_NAMES.test(facts.names) && (el.closest('figure') || nextToPicture(el))) return { reason: `photo credit (${facts.names.match(CREDIT_NAMES)![0].trim()})` };
  return null;
}

/** Next to a picture: its parent or grandparent holds an image (a figure built of divs). */
function nextToPicture(el: Element): boolean {
  const parent = el.parentElement;
  const grandparent = parent?.parentElement;
  return !!parent && (parent.querySelector('img,picture') !== null || !!grandparent?.querySelector('img,picture'));
}

export const credits: Rule = { name: 'credits', match: matchCredits };
