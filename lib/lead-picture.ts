// The lead picture: the photograph over the story (above or beside the headline, or the picture the page shows
// that its og:image / JSON-LD image names), with its caption. It often sits in the article header, outside the
// container Readability picks, and is lost with it. Found before Readability (after the lazy pictures are
// resolved), put back on top of the article after it when the article does not show it.

import { declaredSize, imageUrls, isDeclaredTiny, isTrackerUrl, pictureKey } from './picture-urls';

export interface LeadPicture {
  /** The figure (or picture) in the page, to tell whether Readability kept it. */
  element: Element;
  /** A copy, with its caption, to put back. */
  copy: Element;
  /** Keys (picture-urls.ts pictureKey) of its addresses. */
  keys: Set<string>;
  /** Why it was taken: `og:image` or `top figure`. */
  reason: string;
}

/** Not the story's picture: site furniture and people's faces beside their names. */
const NOT_LEAD = /\b(?:logo|avatar|icon|sprite|emoji|badge|author|profile|headshot|mugshot|gravatar|advert|ad|ads|adslot|sponsor|pixel|tracking|tracker)\b/i;
/** Another story's card. Only for a picture the page does not name as its own: a site's "post-thumbnail" is often
 *  the og:image itself. */
const TEASER = /\b(?:thumbnail|thumb|teaser|related|promo)\b/i;
/** Containers whose names describe the story (`article.author-jane`), not the picture inside. */
const STORY_CONTAINER = new Set(['article', 'main', 'section', 'body']);
/** Where the page's furniture lives, not the story. */
const FURNITURE = 'nav, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';
/** Node.DOCUMENT_POSITION_FOLLOWING (no `Node` global in Node.js). */
const FOLLOWING = 4;
/** A picture declared narrower than this is an illustration of something else, not the lead photograph. */
const MIN_LEAD_WIDTH = 200;
/** Characters of a paragraph that show the story's text has started: a top figure comes before it. */
const STORY_PARAGRAPH_CHARS = 200;

export function findLeadPicture(doc: Document, images: readonly string[]): LeadPicture | null {
  const body = doc.body;
  if (!body) return null;
  const base = doc.baseURI;
  const wanted = new Set(images.map((url) => pictureKey(url, base)).filter((key): key is string => key !== null));
  const candidates = Array.from(body.getElementsByTagName('img')).filter((img) => isLeadCandidate(img, base));
  const named = wanted.size ? candidates.find((img) => keysOf(img, base).some((key) => wanted.has(key))) : undefined;
  if (named) return leadOf(named, base, 'og:image');
  const top = topFigure(body, candidates.filter((img) => !namedAs(img, TEASER)));
  return top ? leadOf(top, base, 'top figure') : null;
}

/** Puts the lead picture on top of the article when the article does not already show it. */
export function restoreLeadPicture(article: Element, lead: LeadPicture | null, base: string | null): boolean {
  if (!lead || article.contains(lead.element)) return false;
  for (const img of article.getElementsByTagName('img')) {
    if (keysOf(img, base ?? undefined).some((key) => lead.keys.has(key))) return false;
  }
  const container = article.firstElementChild?.nodeName === 'DIV' && article.childElementCount === 1
    ? article.firstElementChild
    : article;
  container.prepend(article.ownerDocument.importNode(lead.copy, true));
  return true;
}

function keysOf(img: Element, base: string | undefined): string[] {
  return imageUrls(img).map((url) => pictureKey(url, base)).filter((key): key is string => key !== null);
}

function isLeadCandidate(img: Element, base: string): boolean {
  const urls = imageUrls(img);
  if (urls.length === 0 || isDeclaredTiny(img)) return false;
  const { width } = declaredSize(img);
  if (width < MIN_LEAD_WIDTH) return false;
  if (urls.some((url) => isTrackerUrl(absolute(url, base)))) return false;
  if (img.closest(FURNITURE) || inStoryCard(img)) return false;
  if (namedAs(img, NOT_LEAD)) return false;
  return !/\blogo\b/i.test(img.getAttribute('alt') ?? '') && !/logo|avatar|icon|sprite/i.test(urls[0]);
}

/** A card that links to a story (its own, in a "Most popular" list, or another): a link in a list item, or a
 *  link that also holds a heading. Its picture is a thumbnail, not the photograph the story opens with. */
function inStoryCard(img: Element): boolean {
  const link = img.closest('a');
  return link !== null && (link.closest('li') !== null || link.querySelector('h1, h2, h3, h4, h5, h6') !== null);
}

/** The picture and the two elements around it name what it is (a "site-logo" link, an "author-avatar" div). */
function namedAs(img: Element, names: RegExp): boolean {
  for (let el: Element | null = img, depth = 0; el && depth < 3 && !STORY_CONTAINER.has(el.localName); el = el.parentElement, depth++) {
    if (names.test(`${el.getAttribute('class') ?? ''} ${el.id}`.replace(/[-_]/g, ' '))) return true;
  }
  return false;
}

/**
 * The first candidate in a `<figure>` (or declared as wide as a lead photograph) between the headline's
 * container and the first long paragraph after the headline: the photograph the story opens with.
 */
function topFigure(body: Element, candidates: Element[]): Element | null {
  const headline = body.querySelector('h1');
  if (!headline) return null;
  const scope = headline.closest('article, main') ?? headline.parentElement?.parentElement ?? body;
  const storyStart = firstStoryParagraph(scope, headline);
  for (const img of candidates) {
    if (!scope.contains(img)) continue;
    if (storyStart && storyStart.compareDocumentPosition(img) & FOLLOWING) break;
    const { width } = declaredSize(img);
    if (img.closest('figure') || width >= 400) return img;
  }
  return null;
}

function firstStoryParagraph(scope: Element, headline: Element): Element | null {
  for (const p of scope.getElementsByTagName('p')) {
    if (!(headline.compareDocumentPosition(p) & FOLLOWING)) continue;
    if (p.closest('figure')) continue;
    if ((p.textContent ?? '').trim().length >= STORY_PARAGRAPH_CHARS) return p;
  }
  return null;
}

function leadOf(img: Element, base: string, reason: string): LeadPicture {
  // The figure with its caption when there is one; else the picture alone.
  const element = img.closest('figure') ?? img;
  const copy = element.cloneNode(true) as Element;
  // A figure holding several pictures (a gallery) gives only the lead one and the caption.
  if (element !== img) {
    const index = Array.from<Element>(element.querySelectorAll('img')).indexOf(img);
    Array.from(copy.getElementsByTagName('img')).forEach((other, i) => {
      if (i !== index) other.remove();
    });
  }
  return { element, copy, keys: new Set(keysOf(img, base)), reason };
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
