// The toolbar popup in Chromium on the built e2e extension (English UI): the seed page's article, Copy, hashtag
// chips, a restricted page, accessibility (axe-core, keyboard), and parity with the CLI on every golden page.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe';
import { launchChromiumWithExtension, type ExtensionBrowser } from './support/chromium';
import { ALL_FIXTURES, fixturePages, SEED_FIXTURE, type Fixture } from './support/fixtures';
import { startStaticServer, type StaticServer } from './support/server';

/** A news section page (headlines only), served where such a page lives on a site. */
const SECTION_PATH = '/actu';

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startStaticServer({
    pages: { ...fixturePages(ALL_FIXTURES), [SECTION_PATH]: readFileSync('tests/e2e/fixtures/news-section.html', 'utf8') },
  });
  browser = await launchChromiumWithExtension({ lang: 'en', clipboard: true });
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the fixture in a tab and the popup for it, and waits until the popup has left its loading state. */
async function openWithPopup(fixture: Fixture): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(server.url(fixture.path));
  const popup = await browser.openPopupFor(await browser.tabIdOf(page));
  await popup.locator('main:not([aria-busy])').waitFor();
  return { page, popup };
}

/** What the popup shows as the clean text: its paragraphs, a blank line between them (as `text` is built). */
const shownText = (popup: Page) =>
  popup.locator('.text p').evaluateAll((paragraphs) => paragraphs.map((p) => p.textContent).join('\n\n'));

const shownHashtags = (popup: Page) =>
  popup.locator('.chip').evaluateAll((chips) =>
    chips.map((chip) => ({
      tag: chip.querySelector('.tag')?.textContent,
      count: Number(chip.querySelector('.count')?.textContent),
    })),
  );

describe('popup on the seed page', () => {
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    ({ page, popup } = await openWithPopup(SEED_FIXTURE));
  });
  afterAll(async () => {
    await popup.close();
    await page.close();
  });

  it('shows title, byline, the body, the six hashtags in order and none of the clutter', async () => {
    const expected = SEED_FIXTURE.expected;
    await expect(popup.locator('h1.title').textContent()).resolves.toBe(expected.title);
    const meta = await popup.locator('.meta').textContent();
    expect(meta).toContain(expected.byline);
    expect(meta).toMatch(/RTL/);
    expect(meta).toMatch(/March 18, 2015/);
    expect(meta).toMatch(/\d+ min read/);

    const text = await shownText(popup);
    for (const sentence of expected.textIncludes ?? []) expect(text).toContain(sentence);
    for (const clutter of expected.textExcludes ?? []) expect(text).not.toContain(clutter);
    const tags = (await shownHashtags(popup)).map((chip) => chip.tag);
    expect(tags).toEqual(expected.hashtags);

    await popup.screenshot({ path: 'test-results/popup-seed.png', fullPage: true });
  });

  it('names its buttons in English and has no serious or critical axe-core violation', async () => {
    await expect(popup.getByRole('button', { name: 'Copy', exact: true }).count()).resolves.toBe(1);
    await expect(popup.getByRole('button', { name: 'Clean page', exact: true }).count()).resolves.toBe(1);
    await expect(popup.getByRole('switch', { name: /Auto-clean articles on 127\.0\.0\.1/ }).count()).resolves.toBe(1);

    await expect(seriousAxeViolations(popup)).resolves.toEqual([]);
  });

  it('Copy puts exactly the text shown on the clipboard, and says so', async () => {
    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    await popup.locator('.confirmation.done').waitFor();
    await expect(popup.locator('.confirmation').textContent()).resolves.toContain('Copied');
    const clipboard = await popup.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(await shownText(popup));
    expect(clipboard.length).toBeGreaterThan(1000);
  });

  it('the copy format is remembered: Markdown, then title and source, then back to plain text', async () => {
    const copied = async () => {
      await popup.getByRole('button', { name: 'Copy', exact: true }).click();
      // Markdown is made by the page on request: the confirmation says when the clipboard holds it.
      await popup.locator('.confirmation.done').waitFor();
      return popup.evaluate(() => navigator.clipboard.readText());
    };
    const format = popup.getByLabel('Copy as');
    await format.selectOption('markdown');
    const markdown = await copied();
    expect(markdown.startsWith(`# ${SEED_FIXTURE.expected.title}\n\n`)).toBe(true);
    // The article itself, which the page converts only now (its pipeline leaves Markdown out).
    expect(markdown).toContain('**CLICS À LA UNE** - Le collectif de pirates informatiques');
    expect(markdown.length).toBeGreaterThan(1000);
    expect(markdown.endsWith(`<${page.url()}>`)).toBe(true);

    await popup.reload();
    await popup.locator('main:not([aria-busy])').waitFor();
    await expect(format.inputValue()).resolves.toBe('markdown');
    await format.selectOption('text-with-source');
    const withSource = await copied();
    expect(withSource).toBe(`${SEED_FIXTURE.expected.title}\n\n${page.url()}\n\n${await shownText(popup)}`);

    await format.selectOption('text');
    await expect(copied()).resolves.toBe(await shownText(popup));
  });

  it('a hashtag chip copies its tag', async () => {
    await popup.locator('.chip', { hasText: '#Bardo' }).click();
    await popup.locator('.confirmation', { hasText: '#Bardo copied' }).waitFor();
    await expect(popup.evaluate(() => navigator.clipboard.readText())).resolves.toBe('#Bardo');
  });

  it('works from the keyboard alone: Tab reaches Clean page, Enter cleans, Enter again restores', async () => {
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await popup.locator('body').focus();
    let focused = '';
    for (let presses = 0; presses < 10 && focused !== 'Clean page'; presses += 1) {
      await popup.keyboard.press('Tab');
      focused = await popup.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('Clean page');
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Restore', exact: true }).waitFor();
    await expect(page.locator('clarte-reader').count()).resolves.toBe(1);
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Clean page', exact: true }).waitFor();
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
  });
});

describe('the toolbar popup', () => {
  it('opens on the active tab and shows its article, at popup size', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(SEED_FIXTURE.path));
    const popup = await browser.openToolbarPopup(page);
    // Resolves once the popup has left its loading state (whatever it shows then).
    const shown = await popup.evaluate<{ title: string; buttons: string[]; chips: number; overflow: boolean; link: boolean }>(`
      new Promise((resolve) => {
        const ready = () => document.querySelector('main') && !document.querySelector('main[aria-busy]');
        if (ready()) return resolve();
        new MutationObserver((_, observer) => {
          if (ready()) { observer.disconnect(); resolve(); }
        }).observe(document, { subtree: true, childList: true, attributes: true });
      }).then(() => ({
        title: document.querySelector('h1')?.textContent ?? '',
        buttons: [...document.querySelectorAll('.actions button')].map((button) => button.textContent),
        chips: document.querySelectorAll('.chip').length,
        overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        link: document.querySelector('a.open-in-tab') !== null,
      }))`);
    expect(shown).toEqual({
      title: SEED_FIXTURE.expected.title,
      buttons: ['Clean page', 'Copy'],
      chips: SEED_FIXTURE.expected.hashtags!.length,
      overflow: false,
      link: true,
    });
    await popup.screenshot('test-results/popup-toolbar-seed.png');
    await popup.close();
    await page.close();
  });
});

describe('popup on a page that is not an article', () => {
  it('says so, and Clean anyway shows what was found and cleans the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(SECTION_PATH));
    const popup = await browser.openPopupFor(await browser.tabIdOf(page));
    await popup.locator('main:not([aria-busy])').waitFor();
    await expect(popup.locator('.state.not-article h1').textContent()).resolves.toBe(
      'This page does not look like an article',
    );
    await expect(seriousAxeViolations(popup)).resolves.toEqual([]);
    await popup.getByRole('button', { name: 'Clean anyway', exact: true }).click();
    await popup.getByRole('button', { name: 'Restore', exact: true }).waitFor();
    expect((await shownText(popup)).length).toBeGreaterThan(0);
    await expect(page.locator('clarte-reader').count()).resolves.toBe(1);
    await popup.getByRole('button', { name: 'Restore', exact: true }).click();
    await popup.getByRole('button', { name: 'Clean page', exact: true }).waitFor();
    await expect(page.locator('clarte-reader').count()).resolves.toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('popup on a restricted page', () => {
  it('explains that no extension may run on chrome:// pages', async () => {
    const tabId = await browser.createTab('chrome://version');
    const popup = await browser.openPopupFor(tabId);
    await popup.locator('.state.restricted').waitFor();
    await expect(popup.locator('h1').textContent()).resolves.toBe('Clarté cannot work on this page');
    await expect(popup.locator('.state.restricted').textContent()).resolves.toMatch(/closed to every extension/);
    await expect(seriousAxeViolations(popup)).resolves.toEqual([]);
    await popup.close();
  });
});

describe('parity with the CLI', () => {
  it('shows, for every golden page, the text and hashtags the CLI gives', async () => {
    const cli = await cliResults(ALL_FIXTURES);
    for (const [index, fixture] of ALL_FIXTURES.entries()) {
      const { page, popup } = await openWithPopup(fixture);
      const expected = cli[index];
      expect(expected.text, fixture.name).toBeTruthy();
      expect(await shownText(popup), fixture.name).toBe(expected.text);
      expect(await shownHashtags(popup), fixture.name).toEqual(expected.hashtags);
      await popup.close();
      await page.close();
    }
  });
});

/** `clarte clean --json --batch` on the fixture files, each with the address the browser opened it at. */
async function cliResults(fixtures: Fixture[]): Promise<{ text: string; hashtags: { tag: string; count: number }[] }[]> {
  const input = fixtures.map((fixture) => JSON.stringify({ file: fixture.file, url: server.url(fixture.path) })).join('\n');
  const child = execFile('node', ['bin/clarte.mjs', 'clean', '--json', '--batch'], { maxBuffer: 64 * 1024 * 1024 });
  child.stdin?.end(`${input}\n`);
  let stdout = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`clarte exited with ${code}`))));
  });
  return stdout.trim().split('\n').map((line) => JSON.parse(line));
}
