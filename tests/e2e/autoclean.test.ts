// Auto-clean, the options page, the keyboard shortcut and the context menus, on the built e2e extension in
// Chromium. The e2e build already holds the 127.0.0.1 permission, so the popup switch's permission request
// resolves without a prompt; everything else is the production code path.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { seriousAxeViolations } from './support/axe';
import { launchChromiumWithExtension, type ExtensionBrowser } from './support/chromium';
import { SEED_FIXTURE } from './support/fixtures';
import { inReader } from './support/reader';
import { autoCleanSwitchSettled, SECTION_PATH, startNewsSite, waitForRegisteredScript } from './support/auto-clean';
import type { StaticServer } from './support/server';
import type { browser as ExtensionApi } from 'wxt/browser';

// Functions passed to `serviceWorker.evaluate` run inside the extension, where `chrome` is the extension API.
declare const chrome: typeof ExtensionApi;

const SITE = 'http://127.0.0.1';
const SEED_TITLE = SEED_FIXTURE.expected.title!;
const SEED_LEAD = SEED_FIXTURE.expected.textIncludes![0];
const SCRIPT_ID = `auto-clean ${SITE}`;

let server: StaticServer;
let ext: ExtensionBrowser;
let article: Page;

interface Registration {
  id: string;
  matches?: string[];
  js?: string[];
  persistAcrossSessions?: boolean;
  runAt?: string;
}

const registrations = () =>
  ext.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts()) as Promise<Registration[]>;
const storedSites = () =>
  ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('autoCleanSites')).autoCleanSites ?? []);

/**
 * Asks the tab's content script without injecting it first: the answer only comes if the registered script
 * ran in the page, so it tells whether auto-clean injected it, and what the pipeline decided there.
 */
function askWithoutInjecting(tabId: number, request: { type: string }): Promise<unknown> {
  return ext.serviceWorker.evaluate(
    ([id, message]) => chrome.tabs.sendMessage(id, message, { frameId: 0 }).catch((error: Error) => error.message),
    [tabId, request] as const,
  );
}

/** The text inside the reader view's closed shadow root (null when no reader view shows). */
async function readerText(page: Page): Promise<string | null> {
  return (await inReader<string>(ext.context, page, 'return this.textContent;')) ?? null;
}

async function openPopupSwitch(tabId: number): Promise<Page> {
  const popup = await ext.openPopupFor(tabId);
  await popup.locator('#auto-clean:not([disabled])').waitFor();
  return popup;
}

/** Flips the popup's switch with a real click and waits for the switch to settle (enabled again). */
async function clickSwitch(popup: Page, expected: boolean): Promise<void> {
  await popup.locator('#auto-clean').click();
  await popup.waitForFunction(
    autoCleanSwitchSettled,
    expected,
  );
}

beforeAll(async () => {
  server = await startNewsSite();
  mkdirSync('test-results', { recursive: true });
  ext = await launchChromiumWithExtension({ clipboard: true });
  article = await ext.context.newPage();
  await article.goto(server.url(SEED_FIXTURE.path));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('auto-clean in Chromium', () => {
  it('starts with no site, no registration (nothing runs on any site by itself)', async () => {
    expect(await storedSites()).toEqual([]);
    expect(await registrations()).toEqual([]);
  });

  it('the popup switch registers the content script for this one site, persisting across sessions', async () => {
    const popup = await openPopupSwitch(await ext.tabIdOf(article));
    expect(await popup.locator('#auto-clean').isChecked()).toBe(false);
    await clickSwitch(popup, true);
    await popup.close();

    expect(await storedSites()).toEqual([SITE]);
    const [registration, ...others] = await registrations();
    expect(others).toEqual([]);
    expect(registration).toMatchObject({
      id: SCRIPT_ID,
      matches: [`${SITE}/*`],
      persistAcrossSessions: true,
      runAt: 'document_idle',
    });
    // As registered: a browser that reported another spelling would make every sync re-register it.
    expect(registration.js).toEqual(['clarte.js']);
  });

  it('an article page of the site now opens cleaned', async () => {
    await article.reload();
    await article.locator('clarte-reader').waitFor({ state: 'attached' });
    const text = await readerText(article);
    expect(text).toContain(SEED_TITLE);
    expect(text).toContain(SEED_LEAD);
    // The original page is hidden, not shown next to the reader view.
    expect(await article.evaluate(() => document.body.children.length)).toBe(1);
  });

  it('a section page of the same site is left alone', async () => {
    const section = await ext.context.newPage();
    await section.goto(server.url(SECTION_PATH));
    const tabId = await ext.tabIdOf(section);
    // The registered script ran here (it answers without being injected) and found no article.
    await waitForRegisteredScript(() => askWithoutInjecting(tabId, { type: 'clarte:state' }));
    const answer = (await askWithoutInjecting(tabId, { type: 'clarte:get-article' })) as {
      ok: boolean;
      article?: { isArticle: boolean };
    };
    expect(answer.ok).toBe(true);
    expect(answer.article?.isArticle).toBe(false);
    expect(await askWithoutInjecting(tabId, { type: 'clarte:state' })).toEqual({ ok: true, readerOpen: false });
    expect(await section.locator('clarte-reader').count()).toBe(0);
    expect(await section.locator('h1').textContent()).toBe('Actualités');
    await section.close();
  });

  it('the options page lists the site (accessible, keyboard-usable); Remove unregisters it, and a reload is no longer cleaned', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.locator('body[data-ready="true"]').waitFor();
    const remove = options.getByRole('button', { name: 'Remove http://127.0.0.1' });
    await expect(options.locator('#sites li').allTextContents()).resolves.toEqual(['http://127.0.0.1Remove']);
    expect(await seriousAxeViolations(options)).toEqual([]);
    await options.screenshot({ path: 'test-results/options.png', fullPage: true });
    // Keyboard only: the button is reachable with Tab and works with Enter.
    const removeFocused = () => remove.evaluate((button) => button === document.activeElement);
    for (let presses = 0; presses < 10 && !(await removeFocused()); presses++) await options.keyboard.press('Tab');
    expect(await removeFocused()).toBe(true);
    await options.keyboard.press('Enter');
    await options.locator('#sites-empty:not([hidden])').waitFor();
    expect(await options.locator('#sites li').count()).toBe(0);
    await options.close();

    expect(await storedSites()).toEqual([]);
    expect(await registrations()).toEqual([]);
    await article.reload();
    const tabId = await ext.tabIdOf(article);
    expect(await askWithoutInjecting(tabId, { type: 'clarte:state' })).toMatch(/Receiving end does not exist/);
    expect(await article.locator('clarte-reader').count()).toBe(0);
  });

  it('an options page already open follows the site list when another part of the extension changes it', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.locator('#sites-empty:not([hidden])').waitFor();
    // The background writes the list (as enabling auto-clean from the popup does), the page is not reloaded.
    await ext.serviceWorker.evaluate(() => chrome.storage.local.set({ autoCleanSites: ['https://news.example'] }));
    await options.getByRole('button', { name: 'Remove news.example' }).waitFor();
    await ext.serviceWorker.evaluate(() => chrome.storage.local.set({ autoCleanSites: [] }));
    await options.locator('#sites-empty:not([hidden])').waitFor();
    await options.close();
    expect(await storedSites()).toEqual([]);
  });

  it('the popup switch turns it off again too', async () => {
    const tabId = await ext.tabIdOf(article);
    const popup = await openPopupSwitch(tabId);
    await clickSwitch(popup, true);
    expect((await registrations()).map(({ id }) => id)).toEqual([SCRIPT_ID]);
    await clickSwitch(popup, false);
    await popup.close();
    expect(await storedSites()).toEqual([]);
    expect(await registrations()).toEqual([]);
  });

  it('a listed site whose permission is gone is dropped, never registered', async () => {
    await ext.serviceWorker.evaluate(async (site) => {
      await chrome.storage.local.set({ autoCleanSites: ['https://www.rtl.fr', site] });
      await (globalThis as unknown as { clarte: { syncAutoCleanRegistrations(): Promise<void> } }).clarte
        .syncAutoCleanRegistrations();
    }, SITE);
    expect(await storedSites()).toEqual([SITE]);
    expect((await registrations()).map(({ id, matches }) => [id, matches])).toEqual([[SCRIPT_ID, [`${SITE}/*`]]]);
    // Back to no site for the next tests.
    await ext.serviceWorker.evaluate(async () => {
      await chrome.storage.local.set({ autoCleanSites: [] });
      await (globalThis as unknown as { clarte: { syncAutoCleanRegistrations(): Promise<void> } }).clarte
        .syncAutoCleanRegistrations();
    });
    expect(await registrations()).toEqual([]);
  });
});

describe('keyboard shortcut and context menus (the handlers the browser events call)', () => {
  type Handlers = {
    handleCommand(command: string, tab: { id: number }): Promise<void>;
    handleMenuClick(info: { menuItemId: string }, tab: { id: number }): Promise<void>;
  };
  const command = (tabId: number) =>
    ext.serviceWorker.evaluate(
      (id) => (globalThis as unknown as { clarte: Handlers }).clarte.handleCommand('toggle-reader', { id }),
      tabId,
    );
  const menu = (menuItemId: string, tabId: number) =>
    ext.serviceWorker.evaluate(
      ([item, id]) => (globalThis as unknown as { clarte: Handlers }).clarte.handleMenuClick({ menuItemId: item }, { id }),
      [menuItemId, tabId] as const,
    );

  it('both menu items exist', async () => {
    // Menus are created on install; the service worker cannot list them, but updating an unknown id fails.
    const updated = await ext.serviceWorker.evaluate(async () =>
      Promise.all(
        ['copy-clean-text', 'clean-page'].map((id) =>
          chrome.contextMenus.update(id, {}).then(() => true, () => false),
        ),
      ),
    );
    expect(updated).toEqual([true, true]);
  });

  it('Alt+Shift+R toggles: clean, then restore to the identical page', async () => {
    await article.reload();
    const before = await article.evaluate(() => document.documentElement.outerHTML);
    const tabId = await ext.tabIdOf(article);
    await command(tabId);
    await article.locator('clarte-reader').waitFor({ state: 'attached' });
    expect(await readerText(article)).toContain(SEED_LEAD);
    await command(tabId);
    expect(await article.locator('clarte-reader').count()).toBe(0);
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  });

  it('the shortcut still cleans after a reload of a page whose reader it left open (the script there is a new one)', async () => {
    const tabId = await ext.tabIdOf(article);
    await command(tabId);
    await article.locator('clarte-reader').waitFor({ state: 'attached' });
    await article.reload();
    expect(await article.locator('clarte-reader').count()).toBe(0);
    await command(tabId);
    await article.locator('clarte-reader').waitFor({ state: 'attached' });
    expect(await readerText(article)).toContain(SEED_LEAD);
    await command(tabId);
    expect(await article.locator('clarte-reader').count()).toBe(0);
  });

  it('while the reader view shows, the article asked for is the one shown, even after the page changed its address', async () => {
    await article.reload();
    const tabId = await ext.tabIdOf(article);
    await command(tabId);
    await article.locator('clarte-reader').waitFor({ state: 'attached' });
    const shown = (await askWithoutInjecting(tabId, { type: 'clarte:get-article' })) as { ok: boolean; article: { text: string } };
    await article.evaluate(() => history.pushState(null, '', '#elsewhere'));
    const later = (await askWithoutInjecting(tabId, { type: 'clarte:get-article' })) as typeof shown;
    expect(shown.ok && later.ok).toBe(true);
    expect(later.article.text).toBe(shown.article.text);
    expect(later.article.text).toContain(SEED_LEAD);
    await command(tabId);
    expect(await article.locator('clarte-reader').count()).toBe(0);
  });

  it('"Copy clean text" puts the article text on the clipboard', async () => {
    const tabId = await ext.tabIdOf(article);
    await article.bringToFront();
    await menu('copy-clean-text', tabId);
    const expected = (await askWithoutInjecting(tabId, { type: 'clarte:get-article' })) as {
      article: { text: string };
    };
    const copied = await article.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(expected.article.text);
    expect(copied).toContain(SEED_LEAD);
  });

  it('the copy format chosen in the options page is what "Copy clean text" copies', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.locator('body[data-ready="true"]').waitFor();
    await options.getByRole('radio', { name: 'Markdown' }).check();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.getByLabel('Theme', { exact: true }).selectOption('dark');
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();
    expect(
      await ext.serviceWorker.evaluate(() => chrome.storage.local.get(['copyFormat', 'readerTheme'])),
    ).toEqual({ copyFormat: 'markdown', readerTheme: 'dark' });

    const tabId = await ext.tabIdOf(article);
    await article.bringToFront();
    await menu('copy-clean-text', tabId);
    const copied = await article.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`# ${SEED_TITLE}\n\n`)).toBe(true);
    expect(copied).toContain(SEED_LEAD);
  });

  it('"Clean this page" shows the reader view, and does nothing more when it already shows', async () => {
    const tabId = await ext.tabIdOf(article);
    await menu('clean-page', tabId);
    await article.locator('clarte-reader').waitFor({ state: 'attached' });
    await menu('clean-page', tabId);
    expect(await article.locator('clarte-reader').count()).toBe(1);
    expect(await askWithoutInjecting(tabId, { type: 'clarte:state' })).toEqual({ ok: true, readerOpen: true });
  });
});
