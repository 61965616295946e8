// The built e2e extension in Firefox ESR (puppeteer-core over WebDriver BiDi): the popup on the seed article,
// clean and restore, auto-clean on 127.0.0.1, and the pictures and embedded posts of the golden page
// fr-courrier-loire-crue (the checks of support/crue-pictures.ts, as tests/e2e/pictures.test.ts makes them in Chromium). BiDi cannot open extension pages itself, so the options page the
// extension opens on install serves as the test's handle on the extension API (`browser.*`).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { browser as ExtensionApi } from 'wxt/browser';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './support/firefox';
import { SEED_FIXTURE } from './support/fixtures';
import { autoCleanSwitchSettled, SECTION_PATH, startNewsSite, waitForRegisteredScript } from './support/auto-clean';
import { startStaticServer, type StaticServer } from './support/server';
import { CRUE, CRUE_SITE, expectLeadPicture, expectReaderPictures, PICTURES, READ_SHOWN_PICTURES, type ShownPictures } from './support/crue-pictures';
import { speechHome, type SpeechHome } from './support/speech';
import { LONG_ARTICLE, LONG_PATH, SECTIONS } from './support/articles';

// Functions passed to `extension.evaluate` run in an extension page, where `browser` is the extension API.
declare const browser: typeof ExtensionApi;

const expected = SEED_FIXTURE.expected as Required<typeof SEED_FIXTURE.expected>;
const SITE = 'http://127.0.0.1';
/**
 * The long article among a form whose inputs are named after the methods the pipeline calls, and pictures named
 * after the document's (the XSS corpus's clobbering family runs in Chromium only). Firefox's content scripts see
 * the DOM through Xrays, without named elements: the page read fine here before the pipeline defused its forms
 * first (Chromium's did not), and must stay so.
 */
const CLOBBERED_PATH = '/actu/formulaire-4243';
const CLOBBERED_ARTICLE = LONG_ARTICLE.replace('<article>', `<form id="signup"><input name="getAttribute"><input name="closest">
<input name="removeAttribute"><input name="querySelectorAll"></form><img name="cloneNode" src="x.png"><img name="URL" src="x.png"><article>`);

let server: StaticServer;
let speech: SpeechHome;
let ff: FirefoxExtensionBrowser;
/** The options page: evaluating there calls the extension API like the extension itself. */
let extension: Page;
let article: Page;
let popup: Page;

async function tabIdOf(url: string): Promise<number> {
  const ids = await extension.evaluate(
    async (wanted) => (await browser.tabs.query({})).filter((tab) => tab.url === wanted).map((tab) => tab.id),
    url,
  );
  if (ids.length !== 1 || typeof ids[0] !== 'number') throw new Error(`Expected one tab at ${url}, found ${ids.length}`);
  return ids[0];
}

/** The popup for a tab, opened as a tab of its own (BiDi cannot click the toolbar button). */
async function openPopup(tabId: number): Promise<Page> {
  await extension.evaluate((id) => browser.tabs.create({ url: `/popup.html?tab=${id}` }), tabId);
  return ff.extensionPage(`popup.html?tab=${tabId}`);
}

/** Asks the tab's content script without injecting it: an answer means the script is in the page already. */
function askWithoutInjecting(tabId: number, type: string): Promise<unknown> {
  return extension.evaluate(
    (id, message) => browser.tabs.sendMessage(id, message).catch((error: Error) => `error: ${error.message}`),
    tabId,
    { type },
  );
}

/** The reader view's text: its shadow root is closed, but Firefox lets extension scripts open it. */
function readerText(tabId: number): Promise<string | null> {
  return extension.evaluate(async (id) => {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const host = document.querySelector('clarte-reader') as (Element & { openOrClosedShadowRoot?: ShadowRoot }) | null;
        return host?.openOrClosedShadowRoot?.textContent ?? null;
      },
    });
    return (injection?.result as string | null) ?? null;
  }, tabId);
}

/** The reader's theme and two computed styles, read through the closed root as in `readerText`. */
function readerStyle(tabId: number): Promise<unknown> {
  return extension.evaluate(async (id) => {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const host = document.querySelector('clarte-reader') as (Element & { openOrClosedShadowRoot?: ShadowRoot }) | null;
        const reader = host?.openOrClosedShadowRoot?.querySelector('.reader') as HTMLElement | null | undefined;
        if (!reader) return null;
        return {
          theme: reader.dataset.theme,
          background: getComputedStyle(reader).backgroundColor,
          lineHeight: getComputedStyle(reader.querySelector('.content p')!).lineHeight,
        };
      },
    });
    return injection?.result ?? null;
  }, tabId);
}

const registrations = () =>
  extension.evaluate(async () =>
    (await browser.scripting.getRegisteredContentScripts()).map(({ id, matches, js, runAt, persistAcrossSessions }) => ({
      id,
      matches,
      js,
      runAt,
      persistAcrossSessions,
    })),
  );

async function setSwitch(on: boolean): Promise<void> {
  await popup.click('#auto-clean');
  await popup.waitForFunction(
    autoCleanSwitchSettled,
    {},
    on,
  );
}

beforeAll(async () => {
  server = await startNewsSite({ [LONG_PATH]: LONG_ARTICLE, [CLOBBERED_PATH]: CLOBBERED_ARTICLE });
  mkdirSync('test-results', { recursive: true });
  speech = await speechHome();
  ff = await launchFirefoxWithExtension({ speech });
  extension = await ff.extensionPage('options.html');
  article = await ff.browser.newPage();
  await article.goto(server.url(SEED_FIXTURE.path));
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
  await speech?.remove();
});

describe('Firefox ESR', () => {
  it('the options page works in Firefox (opened on install, translated, shortcut shown)', async () => {
    expect(await extension.$eval('h1', (h1) => h1.textContent)).toBe('Clarté settings');
    expect(await extension.$eval('#shortcut', (p) => p.textContent)).toContain('Alt+Shift+R');
    expect(await extension.$eval('#sites-empty', (p) => (p as HTMLElement).hidden)).toBe(false);
  });

  it('the popup shows the seed article: title, hashtags in order, the text without clutter', async () => {
    const tabId = await tabIdOf(server.url(SEED_FIXTURE.path));
    popup = await openPopup(tabId);
    await popup.waitForSelector('.article-head .title');
    expect(await popup.$eval('.article-head .title', (h1) => h1.textContent)).toBe(expected.title);
    expect(await popup.$$eval('.chip .tag', (tags) => tags.map((tag) => tag.textContent))).toEqual(expected.hashtags);
    const text = await popup.$eval('.text', (region) => (region as HTMLElement).innerText);
    for (const included of expected.textIncludes) expect(text).toContain(included);
    for (const excluded of expected.textExcludes) expect(text).not.toContain(excluded);
    await popup.screenshot({ path: 'test-results/firefox-popup-seed.png', fullPage: true });
  });

  it('reads a page whose form inputs and pictures are named after DOM methods', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.url(CLOBBERED_PATH));
    const tabId = await tabIdOf(server.url(CLOBBERED_PATH));
    const clobberedPopup = await openPopup(tabId);
    await clobberedPopup.waitForSelector('.article-head .title');
    expect(await clobberedPopup.$eval('.article-head .title', (h1) => h1.textContent)).toBe('Un long article');
    expect(await clobberedPopup.$eval('.text', (region) => (region as HTMLElement).innerText)).toContain('Paragraphe 3.7');
    await clobberedPopup.close();
    await page.close();
  });

  it('Clean page shows the reader view; Restore brings back the identical page and what was typed', async () => {
    const tabId = await tabIdOf(server.url(SEED_FIXTURE.path));
    await article.type('input[name="q"]', 'opisis');
    const before = await article.evaluate(() => document.documentElement.outerHTML);

    await popup.click('.actions button:not(.copy)');
    await article.waitForSelector('clarte-reader');
    const shown = await readerText(tabId);
    expect(shown).toContain(expected.title);
    expect(shown).toContain(expected.textIncludes[0]);
    await article.bringToFront();
    await article.screenshot({ path: 'test-results/firefox-reader-seed.png' });
    await popup.bringToFront();

    await popup.waitForFunction(() => document.querySelector('.actions button:not(.copy)')?.textContent === 'Restore');
    await popup.click('.actions button:not(.copy)');
    await article.waitForSelector('clarte-reader', { hidden: true });
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await article.$eval('input[name="q"]', (input) => (input as HTMLInputElement).value)).toBe('opisis');
  });

  it('display settings chosen on the options page (live preview) apply in the reader view', async () => {
    const tabId = await tabIdOf(server.url(SEED_FIXTURE.path));
    const before = await article.evaluate(() => document.documentElement.outerHTML);
    await extension.select('select[name="theme"]', 'sepia');
    await extension.waitForFunction(() => document.querySelector('#saved')?.textContent === 'Saved.');
    await extension.focus('input[name="lineHeight"]');
    await extension.keyboard.press('End');
    const preview = await extension.$eval('#preview', (element) => ({
      theme: (element as HTMLElement).dataset.theme,
      background: getComputedStyle(element).backgroundColor,
      lineHeight: getComputedStyle(element.querySelector('p')!).lineHeight,
    }));
    expect(preview).toEqual({ theme: 'sepia', background: 'rgb(244, 236, 216)', lineHeight: '45.6px' });
    await extension.waitForFunction(() => document.querySelector('#saved')?.textContent === 'Saved.');

    await popup.click('.actions button:not(.copy)');
    await article.waitForSelector('clarte-reader');
    const shown = await readerStyle(tabId);
    expect(shown).toEqual({ theme: 'sepia', background: 'rgb(244, 236, 216)', lineHeight: '45.6px' });
    await article.bringToFront();
    await article.screenshot({ path: 'test-results/firefox-reader-sepia.png' });
    await popup.bringToFront();
    await popup.waitForFunction(() => document.querySelector('.actions button:not(.copy)')?.textContent === 'Restore');
    await popup.click('.actions button:not(.copy)');
    await article.waitForSelector('clarte-reader', { hidden: true });
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await extension.evaluate(() => browser.storage.local.remove(['readerTheme', 'readerLineHeight']));
  });

  it('progress, time left and where I left off: reopened at the same place, then restored exactly', async () => {
    const tabId = await tabIdOf(server.url(SEED_FIXTURE.path));
    const before = await article.evaluate(() => document.documentElement.outerHTML);
    const toggle = async (label: 'Clean page' | 'Restore') => {
      await popup.bringToFront();
      await popup.waitForFunction((text) => document.querySelector('.actions button:not(.copy)')?.textContent === text, {}, label);
      await popup.click('.actions button:not(.copy)');
      await article.waitForSelector('clarte-reader', { hidden: label === 'Restore' });
    };
    await toggle('Clean page');
    // The host is the reader's scroller; the page can scroll it as a user would. Past the lead picture (800 × 450
    // with its caption, on top since the pictures work), so that a later block is the first in view.
    await article.evaluate(() => document.querySelector('clarte-reader')!.scrollTo(0, 1200));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await readerText(tabId)).toMatch(/\d+ min left/);
    await toggle('Restore');
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await toggle('Clean page');
    await article.waitForFunction(() => document.querySelector('clarte-reader')!.scrollTop > 0);
    expect(await readerText(tabId)).toContain('Back where you left off.');
    await article.bringToFront();
    await article.screenshot({ path: 'test-results/firefox-reader-resumed.png' });
    await toggle('Restore');
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await extension.evaluate(() => browser.storage.local.remove('readingPositions'));
  });

  it('outline: an article with three subheadings or more gets one; an entry jumps to its section and marks it', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.url(LONG_PATH));
    const tabId = await tabIdOf(server.url(LONG_PATH));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const longPopup = await openPopup(tabId);
    await longPopup.waitForFunction(() => document.querySelector('.actions button:not(.copy)')?.textContent === 'Clean page');
    await longPopup.click('.actions button:not(.copy)');
    await page.waitForSelector('clarte-reader');
    // Through the closed root, as in `readerText`; `jump` ≥ 0 clicks that entry first.
    const outline = (jump: number) => extension.evaluate(async (id, entry) => {
      const [injection] = await browser.scripting.executeScript({
        target: { tabId: id },
        args: [entry],
        func: (n: number) => {
          const host = document.querySelector('clarte-reader') as Element & { openOrClosedShadowRoot: ShadowRoot };
          const root = host.openOrClosedShadowRoot;
          const entries = [...root.querySelectorAll<HTMLButtonElement>('.outline li button')];
          if (n >= 0) entries[n]!.click();
          return {
            entries: entries.map((button) => button.textContent),
            current: root.querySelector('.outline [aria-current]')?.textContent ?? null,
            top: host.scrollTop,
          };
        },
      });
      return injection!.result as { entries: string[]; current: string | null; top: number };
    }, tabId, jump);
    expect(await outline(-1)).toEqual({ entries: SECTIONS, current: null, top: 0 });
    await outline(2);
    await expect.poll(() => outline(-1)).toMatchObject({ current: SECTIONS[2] });
    expect((await outline(-1)).top).toBeGreaterThan(0);
    await page.bringToFront();
    await page.screenshot({ path: 'test-results/firefox-reader-outline.png' });
    await longPopup.bringToFront();
    await longPopup.click('.actions button:not(.copy)');
    await page.waitForSelector('clarte-reader', { hidden: true });
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await longPopup.close();
    await page.close();
    await extension.evaluate(() => browser.storage.local.remove('readingPositions'));
  });

  it('reads aloud with a real voice (espeak-ng): sentences highlighted in order, pause holds, restore silences', async () => {
    const tabId = await tabIdOf(server.url(SEED_FIXTURE.path));
    const before = await article.evaluate(() => document.documentElement.outerHTML);
    await popup.bringToFront();
    await popup.waitForFunction(() => document.querySelector('.actions button:not(.copy)')?.textContent === 'Clean page');
    await popup.click('.actions button:not(.copy)');
    await article.waitForSelector('clarte-reader');
    // In the content script's world: record each highlighted sentence, focus the article, ask the engine.
    const inPage = <T>(func: string) => extension.evaluate(`browser.scripting.executeScript({ target: { tabId: ${tabId} },
      func: ${func} }).then(([first]) => first.result)`) as Promise<T>;
    await inPage(`() => {
      const root = document.querySelector('clarte-reader').openOrClosedShadowRoot;
      window.clarteHeard = [];
      new MutationObserver(() => {
        const text = [...root.querySelectorAll('.speaking')].map((span) => span.textContent).join('').trim();
        if (text && text !== window.clarteHeard.at(-1)) window.clarteHeard.push(text);
      }).observe(root, { subtree: true, attributeFilter: ['class'] });
      root.querySelector('article').focus();
    }`);
    const heard = () => inPage<string[]>('() => window.clarteHeard');
    const status = () => inPage<string>(`() => document.querySelector('clarte-reader').openOrClosedShadowRoot
      .querySelector('.speech-status').textContent`);
    const engineSpeaking = () => inPage<boolean>('() => speechSynthesis.speaking');
    await article.bringToFront();
    await article.keyboard.press('n');
    await expect.poll(async () => (await heard()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect(await status()).toBe('');
    await article.screenshot({ path: 'test-results/firefox-reader-read-aloud.png' });
    // The title first, then sentences of the article in reading order.
    const text = (await readerText(tabId))!.replace(/\s+/g, ' ');
    const spoken = (await heard()).map((sentence) => sentence.replace(/\s+/g, ' '));
    expect(spoken[0]).toBe(expected.title);
    const at = spoken.map((sentence) => text.indexOf(sentence));
    expect(at.every((index, n) => index >= 0 && (n === 0 || index > at[n - 1]!))).toBe(true);
    // Paused: silent, the highlight stays; resumed: it goes on.
    await article.keyboard.press('n');
    await expect.poll(engineSpeaking).toBe(false);
    const paused = await heard();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await heard()).toEqual(paused);
    await article.keyboard.press('n');
    await expect.poll(async () => (await heard()).length, { timeout: 30_000 }).toBeGreaterThan(paused.length);
    // Restore silences it, and the page is back as it was.
    await popup.bringToFront();
    await popup.click('.actions button:not(.copy)');
    await article.waitForSelector('clarte-reader', { hidden: true });
    await expect.poll(engineSpeaking).toBe(false);
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  });

  it('auto-clean on 127.0.0.1: the switch registers it, a reload opens cleaned', async () => {
    await setSwitch(true);
    expect(await registrations()).toEqual([
      {
        id: `auto-clean ${SITE}`,
        matches: [`${SITE}/*`],
        // As registered: a browser that reported another spelling would make every sync re-register it.
        js: ['clarte.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    await article.reload();
    await article.waitForSelector('clarte-reader');
    expect(await readerText(await tabIdOf(server.url(SEED_FIXTURE.path)))).toContain(expected.textIncludes[0]);
  });

  it('a section page of the site is left alone', async () => {
    const section = await ff.browser.newPage();
    await section.goto(server.url(SECTION_PATH));
    const tabId = await tabIdOf(server.url(SECTION_PATH));
    await waitForRegisteredScript(() => askWithoutInjecting(tabId, 'clarte:state'));
    const answer = (await askWithoutInjecting(tabId, 'clarte:get-article')) as {
      ok: boolean;
      article?: { isArticle: boolean };
    };
    expect(answer.ok).toBe(true);
    expect(answer.article?.isArticle).toBe(false);
    expect(await askWithoutInjecting(tabId, 'clarte:state')).toEqual({ ok: true, readerOpen: false });
    expect(await section.$('clarte-reader')).toBeNull();
    await section.close();
  });

  it('switched off: unregistered, and a reload is not cleaned', async () => {
    await setSwitch(false);
    expect(await registrations()).toEqual([]);
    await article.reload();
    const tabId = await tabIdOf(server.url(SEED_FIXTURE.path));
    expect(await askWithoutInjecting(tabId, 'clarte:state')).toMatch(/^error: /);
    expect(await article.$('clarte-reader')).toBeNull();
  });

  it('the keyboard shortcut and "Clean this page" run in the background event page', async () => {
    const tabId = await tabIdOf(server.url(SEED_FIXTURE.path));
    const before = await article.evaluate(() => document.documentElement.outerHTML);
    // No test can press the shortcut or open a context menu: call the handlers those events call.
    const callBackground = (call: 'command' | 'menu') =>
      extension.evaluate(
        async (id, which) => {
          type Handlers = {
            handleCommand(command: string, tab: { id: number }): Promise<void>;
            handleMenuClick(info: { menuItemId: string }, tab: { id: number }): Promise<void>;
          };
          const background = (await browser.runtime.getBackgroundPage()) as unknown as { clarte: Handlers };
          await (which === 'command'
            ? background.clarte.handleCommand('toggle-reader', { id })
            : background.clarte.handleMenuClick({ menuItemId: 'clean-page' }, { id }));
        },
        tabId,
        call,
      );
    await callBackground('command');
    await article.waitForSelector('clarte-reader');
    expect(await readerText(tabId)).toContain(expected.textIncludes[0]);
    await callBackground('command');
    await article.waitForSelector('clarte-reader', { hidden: true });
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await callBackground('menu');
    await article.waitForSelector('clarte-reader');
    expect(await askWithoutInjecting(tabId, 'clarte:state')).toEqual({ ok: true, readerOpen: true });
  });
});

/**
 * What the reader view shows of the pictures, captions and quotes, read through the closed root as in `readerText`;
 * with `scrollToPending`, the first picture not loaded yet is scrolled into view.
 */
function readerPictures(tabId: number, scrollToPending = false): Promise<ShownPictures | null> {
  return extension.evaluate(`browser.scripting.executeScript({ target: { tabId: ${tabId} }, func: () => {
    const content = document.querySelector('clarte-reader')?.openOrClosedShadowRoot?.querySelector('.content');
    return content ? (${READ_SHOWN_PICTURES})(content, ${scrollToPending}) : null;
  } }).then(([first]) => first?.result ?? null)`) as Promise<ShownPictures | null>;
}

describe('pictures and embedded posts (Firefox ESR)', () => {
  let pictureServer: StaticServer;
  let page: Page;
  let picturePopup: Page;

  beforeAll(async () => {
    pictureServer = await startStaticServer(CRUE_SITE);
    page = await ff.browser.newPage();
    await page.goto(pictureServer.url(CRUE.path));
    const tabId = await tabIdOf(pictureServer.url(CRUE.path));
    picturePopup = await openPopup(tabId);
    await picturePopup.waitForSelector('main:not([aria-busy])');
  });
  afterAll(async () => {
    await picturePopup?.close();
    await page?.close();
    await pictureServer?.close();
  });

  it('the popup shows the lead picture, loaded, small above the text', async () => {
    await picturePopup.waitForFunction(() => {
      const img = document.querySelector('.text img.lead-picture') as HTMLImageElement | null;
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    expectLeadPicture(await picturePopup.$eval('.text img.lead-picture', (img) => ({
      src: img.getAttribute('src'), referrer: img.getAttribute('referrerpolicy'), alt: img.getAttribute('alt'),
      height: img.getBoundingClientRect().height,
    })), pictureServer);
    await picturePopup.screenshot({ path: 'test-results/firefox-pictures-popup.png', fullPage: true });
  });

  it('the reader view shows the pictures loaded, fitted to the column, with captions and quotes whose links work', async () => {
    const tabId = await tabIdOf(pictureServer.url(CRUE.path));
    await picturePopup.click('.actions button:not(.copy)');
    await page.waitForSelector('clarte-reader');
    // The in-body figure is `loading="lazy"`, and Firefox loads such a picture only once it nears the viewport:
    // each picture not loaded yet is scrolled to, as a reader would.
    await expect.poll(async () => (await readerPictures(tabId, true))?.pictures.every((p) => p.loaded > 0) ?? false, { timeout: 15_000 }).toBe(true);
    expectReaderPictures((await readerPictures(tabId))!, pictureServer);
    // The pictures came from this test's server, the page's own addresses.
    expect(pictureServer.requests).toEqual(expect.arrayContaining([PICTURES[0], PICTURES[2]]));
    await page.bringToFront();
    await page.screenshot({ path: 'test-results/firefox-pictures-reader.png', fullPage: true });
  });
});
