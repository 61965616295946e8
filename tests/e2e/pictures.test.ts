// Pictures and embedded posts in the reader view and the popup, in Chromium on the built e2e extension: the golden
// page fr-courrier-loire-crue (a lazy lead picture, an in-body figure, seven embedded posts), its pictures served
// by this test's own 127.0.0.1 server. The pictures must load (naturalWidth > 0), the captions and quotes show,
// the quotes' links point at the original posts, and nothing is asked of any other server.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ExtensionBrowser } from './support/chromium';
import { CRUE, CRUE_SITE, expectLeadPicture, expectReaderPictures, READ_SHOWN_PICTURES, type ShownPictures } from './support/crue-pictures';
import { inReader } from './support/reader';
import { startStaticServer, type StaticServer } from './support/server';

let server: StaticServer;
let browser: ExtensionBrowser;
const requests: string[] = [];

beforeAll(async () => {
  server = await startStaticServer(CRUE_SITE);
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
    expectLeadPicture({
      src: await lead.getAttribute('src'), referrer: await lead.getAttribute('referrerpolicy'), alt: await lead.getAttribute('alt'),
      height: (await lead.boundingBox())!.height,
    }, server);
    await popup.screenshot({ path: 'test-results/pictures-popup-chromium.png' });
  });

  it('the reader view shows the pictures loaded, fitted to the column, with captions and quotes whose links work', async () => {
    // From here on, only the reader asks for anything (the page's own widget scripts were asked at its load, and
    // failed: the browser resolves no other host).
    requests.length = 0;
    await popup.getByRole('button', { name: 'Nettoyer la page', exact: true }).click();
    await popup.getByRole('button', { name: 'Restaurer', exact: true }).waitFor();
    const read = () => inReader<ShownPictures>(browser.context, page,
      `return (${READ_SHOWN_PICTURES})(this.querySelector('.content'), false);`);
    await expect.poll(async () => (await read())?.pictures.every((p) => p.loaded > 0) ?? false, { timeout: 15_000 }).toBe(true);
    expectReaderPictures((await read())!, server);
    await page.bringToFront();
    await page.screenshot({ path: 'test-results/pictures-reader-chromium.png', fullPage: true });
    // The reader asked no other server: the posts' networks were never asked.
    expect(requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('chrome-extension:') && !url.startsWith('data:'))).toEqual([]);
  });
});
