// Photo captions, credits and gallery counters: "Image caption …", "(Image: GETTY)", "Image 1 of 5", "1of4",
// "Crédit : AFP". A caption describes a picture the clean view does not need words for; benchmarks of article
// text leave them out. Only caption elements and whole-text labels: a sentence about a photo stays.

import { tokenPattern, type ElementFacts, type Rule, type RuleMatch } from './rule';

const CAPTION_NAMES = tokenPattern(
  'caption|captions|figcaption|image-caption|img-caption|photo-caption|media-caption|wp-caption-text|credit|credits|' +
    'image-credit|photo-credit|copyright|image-copyright|gallery-count|slide-count|slideshow-count',
);

/** Labels gallery and image widgets print: "Image 1 of 5", "1of4", "3 / 12", "Photo 2 sur 8". */
const GALLERY_COUNTER = /^(?:(?:image|photo|picture|slide|foto|bild)\s+)?\d{1,3}\s*(?:of|sur|de|von|di|\/)\s*\d{1,3}$/i;

/** Caption lines that open with their kind: "Image caption …", "Media caption …", "Image copyright …". */
const CAPTION_LEAD = /^\(?(?:(?:image|media|video|photo) (?:caption|copyright|source|credit)\b|(?:crédits?(?: photo)?|credits?|photo|foto|image|bild|illustration)\s*[:：]\s*\S|©\s*\S)/i;

function matchCaptions(el: Element, facts: ElementFacts): RuleMatch | null {
  const { tag } = facts;
  if (tag === 'figcaption') return { reason: 'figure caption' };
  const text = facts.shortText;
  if (text !== null && text.length <= 30 && GALLERY_COUNTER.test(text)) return { reason: `gallery counter "${text}"` };
  if (CAPTION_NAMES.test(facts.names) && text !== null && (el.closest('figure') || nextToPicture(el))) return { reason: `photo caption/credit (${facts.names.match(CAPTION_NAMES)![0].trim()})` };
  if (text !== null && text.length <= 200 && CAPTION_LEAD.test(text)) return { reason: 'photo caption/credit line' };
  return null;
}

/** Next to a picture: its parent or grandparent holds an image (a figure built of divs). */
function nextToPicture(el: Element): boolean {
  const parent = el.parentElement;
  const grandparent = parent?.parentElement;
  return !!parent && (parent.querySelector('img,picture') !== null || !!grandparent?.querySelector('img,picture'));
}

export const captions: Rule = { name: 'captions', match: matchCaptions };
