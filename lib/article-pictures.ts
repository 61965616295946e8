// Clean-up after Readability, for the article's pictures: every address absolute (the reader view is an
// extension page: a relative address would point into the extension), no tracking pixel or icon (declared under
// 50×50, or from a host that counts visits), no figure left without its picture, each caption once inside its
// figure, and no paragraph left empty by a player that was its only content.

import { comparable } from './text';
import { isDeclaredTiny, isTrackerUrl, srcsetCandidates, srcsetUrls } from './picture-urls';
import { recordRemoval } from './rules/rule';
import type { Removal } from './types';

const RULE = 'pictures';
/** What still shows something once its text is gone. */
const EMBEDDED = 'img, picture, svg, math, video, audio, canvas, iframe, object, embed, table, hr, input';

export function finishPictures(article: Element, base: string | null, removed: Removal[]): void {
  for (const img of Array.from(article.getElementsByTagName('img'))) finishImage(img, base, removed);
  for (const figure of Array.from(article.getElementsByTagName('figure'))) finishFigure(figure, removed);
  removeEmptyParagraphs(article);
}

function finishImage(img: Element, base: string | null, removed: Removal[]): void {
  const src = img.getAttribute('src')?.trim() ?? '';
  if (src && !src.startsWith('data:')) img.setAttribute('src', absolute(src, base));
  const srcset = img.getAttribute('srcset');
  if (srcset) {
    const absoluteSrcset = srcsetCandidates(srcset)
      .map(({ url, descriptor }) => `${absolute(url, base)}${descriptor ? ` ${descriptor}` : ''}`)
      .join(', ');
    if (absoluteSrcset) img.setAttribute('srcset', absoluteSrcset);
    else img.removeAttribute('srcset');
  }
  const urls = [img.getAttribute('src') ?? '', ...srcsetUrls(img.getAttribute('srcset') ?? '')].filter((url) => url && !url.startsWith('data:'));
  let reason: string | null = null;
  if (urls.length === 0 && !src.startsWith('data:')) reason = 'picture without an address';
  else if (isDeclaredTiny(img)) reason = `picture declared ${img.getAttribute('width') ?? '?'}×${img.getAttribute('height') ?? '?'}`;
  else if (urls.some(isTrackerUrl)) reason = `tracking pixel (${hostOf(urls.find(isTrackerUrl)!)})`;
  if (!reason) return;
  recordRemoval(removed, RULE, reason, img);
  img.remove();
}

/** A figure whose picture went takes its caption with it; a caption said twice is said once. */
function finishFigure(figure: Element, removed: Removal[]): void {
  if (!figure.isConnected) return;
  const captions = Array.from(figure.getElementsByTagName('figcaption'));
  if (!figure.querySelector(EMBEDDED) && !figure.querySelector('blockquote, pre, code')) {
    recordRemoval(removed, RULE, 'figure without its picture', figure);
    figure.remove();
    return;
  }
  const said = new Set<string>();
  for (const caption of captions) {
    const key = comparable(caption.textContent ?? '');
    if (key && said.has(key)) {
      recordRemoval(removed, RULE, 'caption repeated', caption);
      caption.remove();
    }
    said.add(key);
  }
  // The same caption again right after the figure (a template's visible copy of it).
  const next = figure.nextElementSibling;
  if (next && (next.localName === 'p' || next.localName === 'div') && !next.querySelector(EMBEDDED)) {
    const key = comparable(next.textContent ?? '');
    if (key.length >= 20 && said.has(key)) {
      recordRemoval(removed, RULE, 'caption repeated after its figure', next);
      next.remove();
    }
  }
}

/** Paragraphs with nothing left to show (their player removed): no empty line in the reader. */
function removeEmptyParagraphs(article: Element): void {
  for (const p of Array.from(article.getElementsByTagName('p'))) {
    if ((p.textContent ?? '').trim() === '' && !p.querySelector(EMBEDDED)) p.remove();
  }
}

function absolute(url: string, base: string | null): string {
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 40);
  }
}
