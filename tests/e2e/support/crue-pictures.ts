// The golden page fr-courrier-loire-crue (a lazy lead picture, an in-body figure, seven embedded posts) as the
// pictures tests serve it, and what the popup and the reader view must show of it. Chromium (pictures.test.ts)
// and Firefox ESR (firefox.test.ts) read it each their own way, then check it here: the same thing in both.
import { expect } from 'vitest';
import { ALL_FIXTURES, fixturePages } from './fixtures';
import type { StaticServer, StaticServerOptions } from './server';

export const CRUE = ALL_FIXTURES.find((fixture) => fixture.name === 'fr-courrier-loire-crue')!;
/** The page's pictures: the lead picture, the largest of its srcset, the in-body figure. */
export const PICTURES = ['/medias/2026/03/crue-loire-orleans-1024x576.jpg', '/medias/2026/03/crue-loire-orleans-2048x1152.jpg',
  '/medias/2026/03/pont-royal-echelle.jpg'];

/** A picture: an SVG of the declared size (served as an image, whatever the extension says). */
const svgPicture = (width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#3a6ea5"/></svg>`;

/** The page and its pictures, for `startStaticServer`. */
export const CRUE_SITE: StaticServerOptions = {
  pages: fixturePages([CRUE]),
  routes: Object.fromEntries(PICTURES.map((path) => [path, (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/svg+xml' });
    response.end(path.includes('2048') ? svgPicture(2048, 1152) : path.includes('1024') ? svgPicture(1024, 576) : svgPicture(800, 533));
  }])),
};

/** The popup's lead picture as the browser shows it. */
export interface ShownLeadPicture {
  src: string | null;
  referrer: string | null;
  alt: string | null;
  height: number;
}

export function expectLeadPicture(lead: ShownLeadPicture, server: StaticServer): void {
  expect(lead.src).toBe(server.url(PICTURES[0]));
  expect(lead.referrer).toBe('no-referrer');
  expect(lead.alt).toContain('Les quais de la Loire');
  expect(lead.height).toBeLessThanOrEqual(150);
}

export interface ShownPictures {
  pictures: { src: string; loaded: number; width: number; column: number; ratio: number; alt: string; link: string; referrer: string }[];
  captions: string[];
  quotes: { text: string; href: string; rel: string; target: string }[];
  iframes: number;
}

/**
 * The source of a function run in the page, `(content, scrollToPending) => ShownPictures`, given the reader's
 * `.content` (each browser reaches into the closed root its own way). With `scrollToPending`, the first picture
 * not loaded yet is scrolled into view: Firefox loads a `loading="lazy"` picture only once it nears the viewport.
 */
export const READ_SHOWN_PICTURES = `(content, scrollToPending) => {
  const pending = [...content.querySelectorAll('img')].find((img) => !img.complete || img.naturalWidth === 0);
  if (scrollToPending) pending?.scrollIntoView();
  const column = content.getBoundingClientRect().width;
  return {
    pictures: [...content.querySelectorAll('img')].map((img) => {
      const box = img.getBoundingClientRect();
      return {
        src: img.getAttribute('src') ?? '', loaded: img.complete ? img.naturalWidth : 0, width: box.width, column,
        ratio: box.width / box.height, alt: img.alt, link: img.closest('a')?.href ?? '', referrer: img.getAttribute('referrerpolicy') ?? '',
      };
    }),
    captions: [...content.querySelectorAll('figcaption')].map((caption) => caption.textContent.trim()),
    quotes: [...content.querySelectorAll('blockquote')].map((quote) => {
      const link = quote.querySelector('a');
      return { text: quote.textContent.replace(/\\s+/g, ' ').trim(), href: link?.href ?? '', rel: link?.rel ?? '', target: link?.target ?? '' };
    }),
    iframes: content.querySelectorAll('iframe, script').length,
  };
}`;

export function expectReaderPictures(shown: ShownPictures, server: StaticServer): void {
  expect(shown.pictures.map((p) => new URL(p.src).pathname)).toEqual([PICTURES[0], PICTURES[2]]);
  for (const p of shown.pictures) {
    expect(p.width).toBeLessThanOrEqual(p.column + 0.5);
    expect(p.alt.length).toBeGreaterThan(5);
    expect(p.referrer).toBe('no-referrer');
  }
  expect(shown.pictures[0].ratio).toBeCloseTo(1024 / 576, 1);
  // A click opens the full-size picture: the largest of the srcset.
  expect(shown.pictures[0].link).toBe(server.url(PICTURES[1]));
  expect(shown.captions).toEqual([
    expect.stringContaining("Les quais de la Loire sous l'eau à Orléans, lundi matin."),
    expect.stringContaining("L'échelle de crue du pont Royal indiquait 4,20 mètres à 3 heures du matin."),
  ]);
  expect(shown.quotes).toHaveLength(7);
  expect(shown.quotes[0]).toEqual({
    text: expect.stringContaining('— Préfet du Loiret (@Prefet45) · 16 mars 2026 (X)'),
    href: 'https://twitter.com/Prefet45/status/1901234567890123456?ref_src=twsrc%5Etfw',
    rel: 'noopener noreferrer',
    target: '_blank',
  });
  for (const quote of shown.quotes) expect(quote.rel).toBe('noopener noreferrer');
  expect(shown.quotes[1].href).toBe('https://bsky.app/profile/did:plc:vigicrues45/post/3lcrue45?ref_src=embed');
  expect(shown.iframes).toBe(0);
}
