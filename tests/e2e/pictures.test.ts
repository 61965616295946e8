// Pictures and embedded posts in the reader view and the popup, in Chromium on the built e2e extension: the golden
// page fr-courrier-loire-crue (a lazy lead picture, an in-body figure, seven embedded posts), its pictures served
// by this test's own 127.0.0.1 server. The pictures must load (naturalWidth > 0), the captions and quotes show,
// the quotes' links point at the original posts, and nothing is asked of any other server.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionBrowser } from './support/chromium';
import { ALL_FIXTURES, fixturePages } from './support/fixtures';
import { inReader } from './support/reader';
import { startStaticServer, type StaticServer } from './support/server';

const CRUE = ALL_FIXTURES.find((fixture) => fixture.name === 'fr-courrier-loire-crue')!;
const PICTURES = ['/medias/2026/03/crue-loire-orleans-1024x576.jpg', '/medias/2026/03/crue-loire-orleans-2048x1152.jpg',
  '/medias/2026/03/pont-royal-echelle.jpg'];

/** A picture: an SVG of the declared size (served as an image, whatever the extension says). */
const picture = (width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#3a6ea5"/></svg>`;

let server: StaticServer;
let browser: ExtensionBrowser;
const requests: string[] = [];

beforeAll(async () => {
  server = await startStaticServer({
    pages: fixturePages([CRUE]),
    routes: Object.fromEntries(PICTURES.map((path) => [path, (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      response.end(path.includes('2048') ? picture(2048, 1152) : path.includes('1024') ? picture(1024, 576) : picture(800, 533));
    }])),
  });
  browser = await launchChromiumWithExtension({ lang: 'fr' });
  browser.context.on('request', (request) => requests.push(request.url()));
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('pictures and embedded posts (Chromium)', () => {
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(server.url(CRUE.path));
    popup = await browser.openPopupFor(await browser.tabIdOf(page));
    await popup.locator('main:not([aria-busy])').waitFor();
  });
  afterAll(async () => {
    await popup?.close();
    await page?.close();
  });

  it('the popup shows the lead picture, loaded, small above the text', async () => {
    const lead = popup.locator('.text img.lead-picture');
    await expect.poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await lead.getAttribute('src')).toBe(server.url('/medias/2026/03/crue-loire-orleans-1024x576.jpg'));
    expect(await lead.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(await lead.getAttribute('alt')).toContain('Les quais de la Loire');
    const box = (await lead.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(150);
    await popup.screenshot({ path: 'test-results/pictures-popup-chromium.png' });
  });

  it('the reader view shows the pictures loaded, fitted to the column, with captions and quotes whose links work', async () => {
    // From here on, only the reader asks for anything (the page's own widget scripts were asked at its load, and
    // failed: the browser resolves no other host).
    requests.length = 0;
    await popup.getByRole('button', { name: 'Nettoyer la page', exact: true }).click();
    await popup.getByRole('button', { name: 'Restaurer', exact: true }).waitFor();
    const read = () => inReader<{
      pictures: { src: string; loaded: number; width: number; column: number; ratio: number; alt: string; link: string; referrer: string }[];
      captions: string[];
      quotes: { text: string; href: string; rel: string; target: string }[];
      iframes: number;
    }>(browser.context, page, `
      const content = this.querySelector('.content');
      return {
        pictures: [...content.querySelectorAll('img')].map((img) => ({
          src: img.getAttribute('src'), loaded: img.complete ? img.naturalWidth : 0, width: img.getBoundingClientRect().width,
          column: content.getBoundingClientRect().width, ratio: img.getBoundingClientRect().width / img.getBoundingClientRect().height,
          alt: img.alt, link: img.closest('a')?.href ?? '', referrer: img.getAttribute('referrerpolicy'),
        })),
        captions: [...content.querySelectorAll('figcaption')].map((caption) => caption.textContent.trim()),
        quotes: [...content.querySelectorAll('blockquote')].map((quote) => {
          const link = quote.querySelector('a');
          return { text: quote.textContent.replace(/\\s+/g, ' ').trim(), href: link?.href ?? '', rel: link?.rel ?? '', target: link?.target ?? '' };
        }),
        iframes: content.querySelectorAll('iframe, script').length,
      };`);
    await expect.poll(async () => (await read())?.pictures.every((p) => p.loaded > 0) ?? false, { timeout: 15_000 }).toBe(true);
    const shown = (await read())!;
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
      "Les quais de la Loire sous l'eau à Orléans, lundi matin. Photo : Marc Léger",
      "L'échelle de crue du pont Royal indiquait 4,20 mètres à 3 heures du matin.",
    ].map((caption) => expect.stringContaining(caption.split(' Photo')[0])));
    expect(shown.quotes).toHaveLength(7);
    expect(shown.quotes[0]).toEqual({
      text: expect.stringContaining('— Préfet du Loiret (@Prefet45) · 16 mars 2026 (X)'),
      href: 'https://twitter.com/Prefet45/status/1901234567890123456?ref_src=twsrc%5Etfw',
      rel: 'noopener noreferrer',
      target: '_blank',
    });
    expect(shown.quotes[1].href).toBe('https://bsky.app/profile/did:plc:vigicrues45/post/3lcrue45?ref_src=embed');
    expect(shown.iframes).toBe(0);
    await page.bringToFront();
    await page.screenshot({ path: 'test-results/pictures-reader-chromium.png', fullPage: true });
    // The reader asked no other server: the posts' networks were never asked.
    expect(requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('chrome-extension:') && !url.startsWith('data:'))).toEqual([]);
  });
});
