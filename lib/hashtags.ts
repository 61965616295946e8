// Hashtags the way Twitter defines them (the twitter-text conformance suite is the reference), written natively:
// twitter-text itself weighs 20–35 KB gzipped. Pure: plain strings, or any DOM (browser, jsdom, happy-dom).
import type { Hashtag } from './types';

/** One hashtag occurrence; `indices` are code-point offsets of `#tag` in the text, end exclusive. */
export interface HashtagWithIndices {
  /** The tag as written, without its `#`/`＃`. */
  hashtag: string;
  indices: [number, number];
}

/** A hashtag occurrence in UTF-16 offsets, the unit string operations use. */
interface Occurrence {
  tag: string;
  start: number;
  end: number;
}

// Besides letters, marks and decimal digits, a tag may hold the underscore and the joiners and word-internal
// punctuation of scripts where words need them: ZWNJ/ZWJ (Persian, Sinhala), Cyrillic kavyka, Hebrew maqaf,
// geresh and gershayim, fullwidth tilde and wave dash (Japanese), kana voicing marks, katakana double hyphen and
// middle dot, ditto mark, Tibetan tsheg, Catalan middle dot.
const TAG_JOINERS = '_\\u200c\\u200d\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7';
const TAG_BODY = new RegExp(`[\\p{L}\\p{M}\\p{Nd}${TAG_JOINERS}]+`, 'uy');
const TAG_CHAR = new RegExp(`^[\\p{L}\\p{M}\\p{Nd}${TAG_JOINERS}]$`, 'u');
/** A tag needs at least one of these: `#2015` or `#_` are not tags. */
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const HASH_SIGNS = /[#＃]/g;
const VARIATION_SELECTOR_15 = 0xfe0e;
const VARIATION_SELECTOR_16 = 0xfe0f;
const COMBINING_KEYCAP = 0x20e3;

// Twitter drops hashtags inside URLs (`example.com/#anchor`). A URL may not start right after a letter, digit,
// `@`, `$` or hash sign (`#https://…` is not a link); one without a scheme not after `-`, `_`, `.` or `/` either.
// Without twitter-text's TLD list, a scheme-less domain is ASCII labels ending in a 2+ letter label.
const URL_CHARS = '[^\\s"<>\\u3000-\\u303f\\uff00-\\uffef]';
const URL_WITH_SCHEME = new RegExp(`(?<![\\p{L}\\p{M}\\p{Nd}@＠$#＃])https?://${URL_CHARS}+`, 'giu');
const URL_WITHOUT_SCHEME = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{Nd}@＠$#＃\\-_./])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}(?![\\p{L}\\p{M}\\p{Nd}@_-])` +
    `(?::\\d+)?(?:/${URL_CHARS}*)?`,
  'giu',
);

/** Every hashtag in `text`, in order, as written without the hash sign (like twitter-text's `extractHashtags`). */
export function extractHashtags(text: string): string[] {
  return findHashtags(text).map((occurrence) => occurrence.tag);
}

/** Every hashtag in `text` with its code-point range, `#` included (like twitter-text's `extractHashtagsWithIndices`). */
export function extractHashtagsWithIndices(text: string): HashtagWithIndices[] {
  const occurrences = findHashtags(text);
  // Code-point offsets: walk the string once, counting surrogate pairs as one.
  const result: HashtagWithIndices[] = [];
  let utf16 = 0;
  let codePoints = 0;
  const advanceTo = (target: number): number => {
    while (utf16 < target) {
      utf16 += (text.codePointAt(utf16) ?? 0) > 0xffff ? 2 : 1;
      codePoints++;
    }
    return codePoints;
  };
  for (const { tag, start, end } of occurrences) {
    const startCodePoint = advanceTo(start);
    result.push({ hashtag: tag, indices: [startCodePoint, advanceTo(end)] });
  }
  return result;
}

/** Whether `text` is exactly one hashtag, hash sign included (`#hashtag` yes, `#12345` or `#a b` no). */
export function isValidHashtag(text: string): boolean {
  const occurrences = findHashtags(text);
  return occurrences.length === 1 && occurrences[0].start === 0 && occurrences[0].end === text.length;
}

/**
 * Counts hashtag occurrences (as `extractHashtags` lists them; a leading hash sign is ignored), merging spellings
 * that differ only in case or Unicode compatibility form (`#Tunis`, `#TUNIS`, `＃Ｔｕｎｉｓ`). Each tag is `#` +
 * its first spelling, in order of first appearance.
 */
export function countHashtags(tags: string[]): Hashtag[] {
  const byKey = new Map<string, Hashtag>();
  for (const written of tags) {
    const tag = written.replace(/^[#＃]/, '');
    const key = hashtagKey(tag);
    const known = byKey.get(key);
    if (known) known.count++;
    else byKey.set(key, { tag: `#${tag}`, count: 1 });
  }
  return [...byKey.values()];
}

/**
 * The key under which spellings of a tag merge: NFKC, then case folding. `toLowerCase` is simple lowercasing, so
 * the two full-folding differences that matter in tags are added: `ß`/`ẞ` fold to `ss`, final sigma to `σ`.
 */
function hashtagKey(tag: string): string {
  return tag.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ').normalize('NFKC');
}

function findHashtags(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  // Twitter matches with a global regex whose boundary consumes the character before the hash sign; a character
  // already inside an earlier match cannot serve as a boundary again (`#a\uFE0F#b` has no tag).
  let matchedUpTo = 0;
  for (const hashSign of text.matchAll(HASH_SIGNS)) {
    const hashAt = hashSign.index;
    if (!hasBoundaryBefore(text, hashAt, matchedUpTo)) continue;
    const next = text.codePointAt(hashAt + 1);
    // `#` + U+FE0F or U+20E3 is the keycap emoji #️⃣, not a hashtag.
    if (next === VARIATION_SELECTOR_16 || next === COMBINING_KEYCAP) continue;
    TAG_BODY.lastIndex = hashAt + 1;
    const tag = TAG_BODY.exec(text)?.[0];
    if (!tag || !LETTER_OR_MARK.test(tag)) continue;
    const end = hashAt + 1 + tag.length;
    matchedUpTo = end;
    // `#http://…` is a mistyped link and `#a#b` is not a tag.
    if (text.startsWith('://', end) || text[end] === '#' || text[end] === '＃') continue;
    found.push({ tag, start: hashAt, end });
  }
  return found.length > 0 ? withoutUrlParts(text, found) : found;
}

/** A hash sign starts a tag only at the start of text or after something that is not a tag character nor `&`. */
function hasBoundaryBefore(text: string, hashAt: number, matchedUpTo: number): boolean {
  if (hashAt === 0) return true;
  const isPair = hashAt >= 2 && isLowSurrogate(text.charCodeAt(hashAt - 1)) && isHighSurrogate(text.charCodeAt(hashAt - 2));
  const previousAt = isPair ? hashAt - 2 : hashAt - 1;
  if (previousAt < matchedUpTo) return false;
  const previous = text.codePointAt(previousAt) ?? 0;
  // An emoji's variation selector is a mark, yet `✌️#tag` is a tag.
  if (previous === VARIATION_SELECTOR_15 || previous === VARIATION_SELECTOR_16) return true;
  const previousChar = String.fromCodePoint(previous);
  return previousChar !== '&' && !TAG_CHAR.test(previousChar);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function withoutUrlParts(text: string, occurrences: Occurrence[]): Occurrence[] {
  const urls = [...text.matchAll(URL_WITH_SCHEME), ...text.matchAll(URL_WITHOUT_SCHEME)].map((url) => ({
    start: url.index,
    end: url.index + url[0].length,
  }));
  return occurrences.filter(({ start }) => !urls.some((url) => start >= url.start && start < url.end));
}

// Text in these is not prose (code, styles, scripts, form input, fallbacks, page metadata): `#fff` in a
// stylesheet is no tag.
const ELEMENTS_WITHOUT_PROSE = new Set([
  'code', 'pre', 'style', 'script', 'textarea', 'noscript', 'template', 'iframe', 'head',
]);
// Elements a browser lays out as their own block (or line break): their text never runs into the next one's.
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/**
 * The hashtags of a page or element, counted: tags written in its text (in document order, skipping code,
 * styles and scripts, blocks kept apart) and hashtag links (Twitter/X, Facebook, Instagram, Mastodon `rel=tag`),
 * whose visible text may lack the `#`. A link whose text already shows its tag counts once. For a Document, its
 * body is read.
 */
export function hashtagsInElement(root: Element | Document): Hashtag[] {
  const start = root.nodeType === DOCUMENT_NODE ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
  if (!start) return [];
  let text = '';
  const links: Occurrence[] = [];
  const openLinks = new Map<Element, Occurrence>();
  const enter = (element: Element): void => {
    if (BLOCK_ELEMENTS.has(element.localName)) text += '\n';
    const tag = element.localName === 'a' ? hashtagOfLink(element) : null;
    if (tag) openLinks.set(element, { tag, start: text.length, end: text.length });
  };
  const leave = (element: Element): void => {
    const link = openLinks.get(element);
    if (link) links.push({ ...link, end: text.length });
    if (BLOCK_ELEMENTS.has(element.localName)) text += '\n';
  };

  // Iterative walk: article markup can nest deeper than is comfortable for recursion.
  const ancestors: Element[] = [];
  let node: Node | null = start.firstChild;
  for (;;) {
    if (!node) {
      const parent = ancestors.pop();
      if (!parent) break;
      leave(parent);
      node = parent.nextSibling;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      text += node.nodeValue ?? '';
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      if (ELEMENTS_WITHOUT_PROSE.has(element.localName)) {
        text += '\n'; // what it holds still separates the text around it
      } else {
        enter(element);
        if (element.firstChild) {
          ancestors.push(element);
          node = element.firstChild;
          continue;
        }
        leave(element);
      }
    }
    node = node.nextSibling;
  }

  const written = findHashtags(text);
  const linkedOnly = links.filter(
    (link) =>
      !written.some((tag) => tag.start >= link.start && tag.start < link.end && hashtagKey(tag.tag) === hashtagKey(link.tag)),
  );
  const inOrder = [...written, ...linkedOnly].sort((a, b) => a.start - b.start);
  return countHashtags(inOrder.map((occurrence) => occurrence.tag));
}

/** The tag a hashtag link points to (`https://x.com/hashtag/Tunis` → `Tunis`), or null for any other link. */
function hashtagOfLink(link: Element): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  const url = parseUrl(href, link.baseURI);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  const onSite = (domain: string): boolean => host === domain || host.endsWith(`.${domain}`);
  const segments = url.pathname.split('/').filter(Boolean);
  let encodedTag: string | undefined;
  if ((onSite('twitter.com') || onSite('x.com') || onSite('facebook.com')) && segments.length === 2 && segments[0] === 'hashtag') {
    encodedTag = segments[1];
  } else if (onSite('instagram.com') && segments.length === 3 && segments[0] === 'explore' && segments[1] === 'tags') {
    encodedTag = segments[2];
  } else if ((onSite('twitter.com') || onSite('x.com')) && segments.length === 1 && segments[0] === 'search') {
    // twitter-text's autolinker and old tweet embeds link tags to a search for them.
    const query = url.searchParams.get('q') ?? '';
    return isValidHashtag(query) ? query.slice(1) : null;
  } else if (segments.length === 2 && segments[0] === 'tags' && hasRelTag(link)) {
    encodedTag = segments[1]; // Mastodon and other fediverse servers
  }
  if (encodedTag === undefined) return null;
  const tag = safeDecode(encodedTag);
  return tag !== null && isValidHashtag(`#${tag}`) ? tag : null;
}

function hasRelTag(link: Element): boolean {
  return (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('tag');
}

function parseUrl(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    // A document without an address (parsed from a string) has base `about:blank`: relative links still have a
    // path worth reading.
    try {
      return new URL(href, 'https://relative.invalid/');
    } catch {
      return null;
    }
  }
}

function safeDecode(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
