// Clean-up before Readability: pictures a page loads only when scrolled to show their real address, so that
// Readability sees real pictures and the reader loads them. A lazy loader keeps the address in `data-src`,
// `data-srcset`, `data-lazy-src`, `data-original`…, leaves a placeholder (a 1×1 `data:` GIF, "blank.gif") in
// `src`, puts the sources of a `<picture>` in `data-srcset`, or gives the real `<img>` only inside `<noscript>`.
// Each `<picture>` becomes its `<img>` (with a srcset from its sources when it has none): the sanitizer keeps no
// `<source>`.

import { largestSrcsetUrl } from './picture-urls';

const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-original-src', 'data-hi-res-src',
  'data-full-src', 'data-url', 'data-echo', 'data-actualsrc', 'data-orig-src', 'data-img-src', 'data-image'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
const LAZY_SIZES = ['data-sizes', 'data-lazy-sizes'];

/** A `src` a lazy loader leaves until the real picture loads. */
const PLACEHOLDER = /^data:|(?:^|[/_.-])(?:blank|spacer|placeholder|lazy|lazyload|transparent|pixel|grey|gray|loading|loader|empty|dummy|1x1)[^/]*\.(?:gif|png|svg|jpe?g|webp)(?:[?#]|$)/i;

/** An attribute value that is an address (not JSON, not a bare word). */
const ADDRESS = /^(?:https?:)?\/\/|^\/|^\.{0,2}\/?[\w%-][^\s{}<>"]*\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;

export interface LazyPicturesReport {
  /** `<img>`s given their real address. */
  resolved: number;
  /** `<noscript>` pictures put in place. */
  unwrapped: number;
}

export function resolveLazyPictures(root: Element): LazyPicturesReport {
  const report = { resolved: 0, unwrapped: 0 };
  for (const noscript of Array.from(root.getElementsByTagName('noscript'))) {
    if (unwrapNoscript(noscript)) report.unwrapped++;
  }
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if (resolveImage(img)) report.resolved++;
  }
  for (const picture of Array.from(root.getElementsByTagName('picture'))) flattenPicture(picture);
  return report;
}

function isPlaceholder(src: string | null): boolean {
  return !src || !src.trim() || PLACEHOLDER.test(src.trim());
}

function firstAddress(img: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = img.getAttribute(name)?.trim();
    if (value && ADDRESS.test(value)) return value;
  }
  return null;
}

function firstSrcset(el: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = el.getAttribute(name)?.trim();
    if (value && !value.startsWith('data:') && /\S/.test(value)) return value;
  }
  return null;
}

/** Gives `img` its real src/srcset/sizes; true when something changed. */
function resolveImage(img: Element): boolean {
  let changed = false;
  const lazySrcset = firstSrcset(img, LAZY_SRCSET);
  const srcset = img.getAttribute('srcset');
  if (lazySrcset && (!srcset || srcset.trim().startsWith('data:') || isPlaceholder(srcset.trim().split(/\s/)[0]))) {
    img.setAttribute('srcset', lazySrcset);
    changed = true;
  }
  const sizes = firstSrcset(img, LAZY_SIZES);
  if (sizes && sizes !== 'auto' && !img.hasAttribute('sizes')) img.setAttribute('sizes', sizes);
  // `sizes="auto"` only means something with loading="lazy", which the reader does not keep.
  if (img.getAttribute('sizes') === 'auto') img.removeAttribute('sizes');
  if (isPlaceholder(img.getAttribute('src'))) {
    const real = firstAddress(img, LAZY_SRC) ?? largestSrcsetUrl(img.getAttribute('srcset') ?? '');
    if (real) {
      img.setAttribute('src', real);
      changed = true;
    }
  }
  return changed;
}

/**
 * The pictures inside a `<noscript>`. Text content is parsed in an inert document by a DOMParser (not `innerHTML`,
 * which Firefox's add-on linter flags); where there is none (Node), such text is left alone: jsdom parses without
 * scripts, so its noscripts hold elements.
 */
function noscriptImages(noscript: Element): Element[] | null {
  if (noscript.firstElementChild) return [...noscript.querySelectorAll('img')];
  const markup = noscript.textContent ?? '';
  if (!/<img\b/i.test(markup) || typeof DOMParser === 'undefined') return null;
  return [...new DOMParser().parseFromString(markup, 'text/html').querySelectorAll('img')];
}

/**
 * The `<img>` a `<noscript>` holds replaces the placeholder before it (or the noscript itself when there is
 * none). Its content is elements in a document parsed without scripts, or text in one that ran them.
 */
function unwrapNoscript(noscript: Element): boolean {
  const images = noscriptImages(noscript);
  if (!images || images.length !== 1 || isPlaceholder(images[0].getAttribute('src'))) return false;
  const real = noscript.ownerDocument.importNode(images[0], true);
  const previous = noscript.previousElementSibling;
  const placeholder = previous?.localName === 'img' ? previous
    : previous?.childElementCount === 1 && previous.firstElementChild?.localName === 'img' ? previous.firstElementChild
    : null;
  if (placeholder && (firstAddress(placeholder, LAZY_SRC) || firstSrcset(placeholder, LAZY_SRCSET))) {
    // The lazy picture says more than its fallback (a srcset, sizes): it is resolved, the fallback goes.
    noscript.remove();
    return true;
  }
  if (placeholder && isPlaceholder(placeholder.getAttribute('src'))) {
    // The placeholder's alt and size stay where the real picture lacks them.
    for (const name of ['alt', 'width', 'height', 'sizes']) {
      const value = placeholder.getAttribute(name);
      if (value !== null && !real.hasAttribute(name)) real.setAttribute(name, value);
    }
    placeholder.replaceWith(real);
    noscript.remove();
    return true;
  }
  const besides = Array.from(noscript.parentElement?.getElementsByTagName('img') ?? []).some((img) => !noscript.contains(img));
  if (besides) return false;
  noscript.replaceWith(real);
  return true;
}

/** `<picture>` → its `<img>`, with the first source's srcset when the img has none (no media condition first). */
function flattenPicture(picture: Element): void {
  const img = picture.querySelector('img');
  if (!img) return;
  if (!img.getAttribute('srcset')) {
    const sources = Array.from(picture.querySelectorAll('source'));
    const source = sources.find((s) => !s.hasAttribute('media')) ?? sources[0];
    const srcset = source ? firstSrcset(source, ['srcset', ...LAZY_SRCSET]) : null;
    if (srcset) {
      img.setAttribute('srcset', srcset);
      const sizes = source!.getAttribute('sizes') ?? source!.getAttribute('data-sizes');
      if (sizes && sizes !== 'auto' && !img.hasAttribute('sizes')) img.setAttribute('sizes', sizes);
      if (isPlaceholder(img.getAttribute('src'))) {
        const largest = largestSrcsetUrl(srcset);
        if (largest) img.setAttribute('src', largest);
      }
    }
  }
  picture.replaceWith(img);
}
