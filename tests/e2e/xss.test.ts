// Every vector of the XSS corpus (tests/xss/) in Chromium, on the built e2e extension: the hostile article pages
// are served from 127.0.0.1, the popup shows each one and "Clean page" puts it in the reader view. Nothing may
// run: a payload that runs calls the page's `__xss` hook (flag + beacon), loads the beacon itself, or trips a
// CSP (the page's report-only policy reports every inline script; the popup's extension CSP blocks and logs).
// Hits from the hostile page's own load are the page's business: they are counted before the popup opens, and
// only what happens after is held against Clarté. The reader's DOM is also checked statically (findDangers).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE } from '../xss/article';
import { findDangers } from '../xss/dangers';
import { xssPages, type XssPage } from '../xss/pages';
import { launchChromiumWithExtension, type ExtensionBrowser } from './support/chromium';
import { inReader } from './support/reader';
import { startStaticServer, type StaticServer } from './support/server';

const NONCE = 'clarte-xss';
// Report-only: the page behaves as written (its vectors may run during its own load), and every inline script,
// handler or javascript: URL that runs is reported, with a sample of its code.
const PAGE_CSP =
  `script-src 'nonce-${NONCE}' 'report-sample'; object-src 'none'; frame-src 'none'; base-uri 'none'; ` +
  "form-action 'none'; report-uri /csp-report";

interface Hit {
  at: number;
  what: string;
}

const beaconHits: Hit[] = [];
const cspReports: Hit[] = [];
const extensionErrors: Hit[] = [];
const pagesByPath = new Map<string, XssPage>();
// The same pages for any port: the list names the tests, the real ones (beacon URLs with the port) are served.
const PAGE_LIST = xssPages(0, 10, NONCE);
let server: StaticServer;
let browser: ExtensionBrowser;

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = await startStaticServer({
    routes: {
      '/beacon': (request, response) => {
        beaconHits.push({ at: Date.now(), what: request.url ?? '' });
        // 204: a navigation to the beacon (meta refresh, form) leaves the page where it is.
        response.writeHead(204).end();
      },
      '/csp-report': async (request, response) => {
        cspReports.push({ at: Date.now(), what: await body(request) });
        response.writeHead(204).end();
      },
      ...Object.fromEntries(
        PAGE_LIST.map(({ path }) => [
          path,
          (_: IncomingMessage, response: ServerResponse) => {
            response.writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'content-security-policy-report-only': PAGE_CSP,
              'cache-control': 'no-store',
            });
            response.end(pagesByPath.get(path)!.html);
          },
        ]),
      ),
    },
  });
  const port = Number(new URL(server.origin).port);
  for (const page of xssPages(port, 10, NONCE)) pagesByPath.set(page.path, page);
  browser = await launchChromiumWithExtension({ lang: 'en' });
  // Anything the extension's own pages log as an error (a CSP refusal, an exception from a payload) is a hit; but
  // a picture of the article that its own server does not have (a vector's `<img src=x>`, shown as the popup's
  // lead picture) is only a 404, which the beacon and CSP counters would catch if it went anywhere else.
  const extensionOrigin = `chrome-extension://${browser.extensionId}/`;
  browser.context.on('console', (message: ConsoleMessage) => {
    const missingPicture = /^Failed to load resource: the server responded with a status of 404/.test(message.text());
    if (message.type() === 'error' && !missingPicture && message.page()?.url().startsWith(extensionOrigin)) {
      extensionErrors.push({ at: Date.now(), what: message.text() });
    }
  });
  browser.context.on('weberror', (error) => {
    if (error.page()?.url().startsWith(extensionOrigin)) {
      extensionErrors.push({ at: Date.now(), what: String(error.error()) });
    }
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const since = (hits: Hit[], start: number) => hits.filter((hit) => hit.at >= start).map((hit) => hit.what);

/**
 * Reports Clarté's own work causes on a page with a CSP, which are not a payload running: the sanitizer's
 * self-check parses a known payload (lib/sanitize.ts: `alert(1)`, `alert(7)`) in the page's realm, and the
 * pipeline clones the page (its `<base>` included) and gives the clone a `<base>`. Chromium checks both against the page's policy although nothing runs.
 * Everything else counts, and a payload of the corpus never looks like these.
 */
function isClarteSelfCheck(report: string): boolean {
  const body = (JSON.parse(report) as { 'csp-report': Record<string, string> })['csp-report'];
  if (body['source-file'] !== 'chrome-extension') return false;
  if (body['violated-directive'] === 'script-src-attr') return /^alert\([17]\)$/.test(body['script-sample']);
  return body['violated-directive'] === 'base-uri';
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const findDangersSource = `const findDangers = ${findDangers.toString()};`;

/** Waits until the hostile page's own load has settled: no new beacon or CSP report for a while. */
async function settle(): Promise<void> {
  let count = -1;
  while (count !== beaconHits.length + cspReports.length) {
    count = beaconHits.length + cspReports.length;
    await pause(400);
  }
}

async function hookHits(page: Page): Promise<number[]> {
  return page.evaluate(() => [...((window as unknown as { __xssHits?: number[] }).__xssHits ?? [])]);
}

describe('the detectors work (so the checks below can fail)', () => {
  it('a handler run in the page after the start is seen by the hook, the beacon and the CSP report', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/xss/1.html'));
    await settle();
    const start = Date.now();
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'top.__xss(9999)');
      img.src = 'x-missing.png';
      document.body.append(img);
    });
    await pause(800);
    expect(await hookHits(page)).toContain(9999);
    expect(since(beaconHits, start).join(' ')).toContain('id=9999');
    expect(since(cspReports, start).join(' ')).toContain('__xss(9999)');
    await page.close();
  });

  it('an inline handler in an extension page is refused and logged', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html?tab=-1'));
    const start = Date.now();
    await popup.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="x-missing.png" onerror="top.__xss(9998)">');
    });
    await pause(500);
    expect(since(extensionErrors, start).join(' ')).toMatch(/Content Security Policy/);
    await popup.close();
  });
});

describe('XSS corpus in Chromium: popup and reader view', () => {
  it.each(PAGE_LIST.map(({ path, vectors }) => [path, vectors.length] as const))('%s (%i vectors)', async (path) => {
    const xssPage = pagesByPath.get(path)!;
    const ids = xssPage.vectors.map((vector) => `${vector.id} ${vector.name}`).join('; ');
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url(path));
    await settle();

    // The page really holds every vector: nothing before a checkpoint swallowed the rest of the page.
    // From the prototype: the page's named elements may shadow the document's own methods (clobbering vectors).
    const checkpoints = await page.evaluate(
      () => Document.prototype.querySelectorAll.call(document, 'p[data-checkpoint]').length,
    );
    expect(checkpoints, ids).toBe(xssPage.vectors[0].alone ? 0 : xssPage.vectors.length);

    const start = Date.now();
    const hooksBefore = (await hookHits(page)).length;
    const popup = await browser.openPopupFor(await browser.tabIdOf(page));
    await popup.locator('main:not([aria-busy])').waitFor();

    // Popup: the article, as text, and nothing active in it.
    await expect(popup.locator("main").textContent(), ids).resolves.toContain(ARTICLE_TITLE);
    await expect(popup.locator('h1.title').textContent()).resolves.toBe(ARTICLE_TITLE);
    const popupText = (await popup.locator('.text').textContent()) ?? '';
    expect(popupText).toContain(ARTICLE_PARAGRAPHS[0]);
    expect(await popup.evaluate(`${findDangersSource} findDangers(document.querySelector('main'))`), ids).toEqual([]);

    // Reader view in the tab.
    await popup.getByRole('button', { name: 'Clean page', exact: true }).click();
    await popup.getByRole('button', { name: 'Restore', exact: true }).waitFor();
    const reader = await inReader<{ dangers: string[]; text: string; links: string[] }>(browser.context, page, `
      ${findDangersSource}
      return {
        dangers: findDangers(this),
        text: this.querySelector('.content').textContent,
        links: [...this.querySelectorAll('.content a[href]')].map((a) => a.getAttribute('href') + ' rel=' + a.rel),
      };`);
    expect(reader, 'reader view showing').toBeDefined();
    expect(reader!.text.replace(/\s+/g, ' ')).toContain(ARTICLE_PARAGRAPHS[0]);
    expect(reader!.dangers, ids).toEqual([]);
    for (const link of reader!.links) {
      expect(link).not.toMatch(/^\s*(javascript|vbscript|data):/i);
      if (!link.startsWith('#')) expect(link).toMatch(/rel=noopener noreferrer$/);
    }

    // Give anything that was let through the time to run, then count.
    await pause(600);
    expect(since(beaconHits, start), ids).toEqual([]);
    expect(since(cspReports, start).filter((report) => !isClarteSelfCheck(report)), ids).toEqual([]);
    expect(since(extensionErrors, start), ids).toEqual([]);
    expect((await hookHits(page)).length - hooksBefore, ids).toBe(0);
    expect(await popup.evaluate(() => 'xssHits' in window || '__xss' in window)).toBe(false);
    expect(dialogs).toEqual([]);

    await popup.close();
    await page.close();
  });
});
