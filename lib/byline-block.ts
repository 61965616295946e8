// The author block left inside Readability's article: "Par Marie Le Goff", a photo and a link with the author's
// name, or a lone "Par" whose name Readability itself took out as the byline. The byline is metadata (the popup and
// reader view show it above the text), so in the article it would show twice; it goes from the article html, which
// `text` and `markdown` are made from, recorded like any clean-up removal.

import { boundedText, climb, recordRemoval } from './rules/rule';
import type { Removal } from './types';

/** Words that introduce an author's name, alone once the name has gone. */
const BYLINE_PREFIX = /^(?:by|par|de|von|por|di|door|av|written by|écrit par)(?:\s+|$)/i;
/** A byline block is short: the name(s), a prefix. */
const MAX_EXTRA_CHARS = 12;
/** Media other than an author's portrait means the block is more than a byline. */
const CONTENT_MEDIA = 'figure, picture, video, audio, iframe, svg, table, ul, ol, blockquote';

function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}

function isPortraitOnly(el: Element, byline: string): boolean {
  if (el.querySelector(CONTENT_MEDIA)) return false;
  for (const img of el.querySelectorAll('img')) {
    const alt = comparable(img.getAttribute('alt') ?? '');
    if (alt !== '' && alt !== byline) return false;
  }
  return true;
}

export function removeBylineBlocks(article: Element, byline: string | null, removed: Removal[]): void {
  const name = byline ? comparable(byline) : null;
  const limit = (name?.length ?? 0) + MAX_EXTRA_CHARS;
  const isByline = (el: Element): boolean => {
    if (el.closest('td, th, li')) return false;
    const text = boundedText(el, limit);
    if (!text) return false;
    const whole = comparable(text);
    // Punctuation alone (a code listing's "(" span) is no byline.
    if (!whole) return false;
    const rest = whole.replace(BYLINE_PREFIX, '');
    // `rest` empty: a lone prefix, the name in it taken out by Readability or by a rule.
    return (rest === '' || (name !== null && (whole === name || rest === name))) && isPortraitOnly(el, name ?? '');
  };
  for (const el of article.querySelectorAll('p, div, span, address, section, header')) {
    if (!article.contains(el) || !isByline(el)) continue;
    // The whole block (its wrapper holds nothing else), never the article's own containers.
    const block = climb(el, article, isByline);
    recordRemoval(removed, 'byline', 'byline block, shown as metadata', block);
    block.remove();
  }
}
