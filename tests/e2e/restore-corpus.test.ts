// Restore fidelity on every page of Readability's own test corpus, in Chromium on the built e2e extension: the
// page scrolled part-way, "clean page" then "restore" (the messages the popup, the shortcut and the menu send),
// and the document must serialize exactly as before, at the same scroll position. One tab for all pages.
// The pages' own scripts are switched off by a CSP header (content scripts are not bound by it): some of these
// saved pages keep adding and removing ad nodes on timers, which would make "before" a moving target.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_FILE, type PageRequest } from '../../lib/messages';
import { launchChromiumWithExtension, type ExtensionBrowser } from './support/chromium';
import { startStaticServer, type StaticServer } from './support/server';

declare const chrome: typeof import('wxt/browser').browser;

const CORPUS = resolve(process.cwd(), '../shared/corpus/readability-test-pages');
const PAGES = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let server: StaticServer;
let browser: ExtensionBrowser;
let tab: Page;
let tabId: number;

beforeAll(async () => {
  server = await startStaticServer({
    routes: Object.fromEntries(
      PAGES.map((name) => [
        `/pages/${name}/source.html`,
        (_request, response) => {
          response.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': "script-src 'none'",
            'cache-control': 'no-store',
          });
          response.end(readFileSync(join(CORPUS, name, 'source.html')));
        },
      ]),
    ),
  });
  browser = await launchChromiumWithExtension();
  tab = await browser.context.newPage();
  await tab.goto(server.url('/pages/001/source.html'));
  tabId = await browser.tabIdOf(tab);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Injects the content script (as the popup does; a second injection is a no-op) and sends `request`. */
async function ask(request: PageRequest): Promise<{ ok: boolean; readerOpen?: boolean; message?: string }> {
  return browser.serviceWorker.evaluate(
    async ([id, file, message]) => {
      await chrome.scripting.executeScript({ target: { tabId: id }, files: [`/${file}`] });
      return chrome.tabs.sendMessage(id, message, { frameId: 0 });
    },
    [tabId, CONTENT_SCRIPT_FILE, request] as const,
  );
}

const snapshot = () =>
  tab.evaluate(() => ({ html: document.documentElement.outerHTML, scrollY: window.scrollY, scrollX: window.scrollX }));

describe('restore is exact on every page of readability-test-pages', () => {
  it('covers the whole corpus', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(130);
  });

  it.each(PAGES)('%s', async (name) => {
    await tab.goto(server.url(`/pages/${name}/source.html`), { waitUntil: 'load' });
    // Part-way down, where a reader would be when deciding to clean.
    await tab.evaluate(() => window.scrollTo({ top: Math.min(600, document.documentElement.scrollHeight / 3), behavior: 'instant' }));
    const before = await snapshot();

    const cleaned = await ask({ type: 'clarte:clean-page' });
    if (!cleaned.ok) {
      // Nothing readable: the page must be left exactly as it was.
      expect(cleaned.message).toBeTruthy();
      expect(await snapshot()).toEqual(before);
      return;
    }
    expect(cleaned.readerOpen).toBe(true);
    expect(await tab.evaluate(() => document.querySelector('clarte-reader') !== null)).toBe(true);

    const restored = await ask({ type: 'clarte:restore' });
    expect(restored).toEqual({ ok: true, readerOpen: false });
    const after = await snapshot();
    expect(after.scrollY).toBe(before.scrollY);
    expect(after.scrollX).toBe(before.scrollX);
    // A plain comparison: a diff of two 100 kB strings would drown the report.
    expect(after.html === before.html, `outerHTML differs after restore (${before.html.length} → ${after.html.length} chars)`).toBe(true);
  });
});
