// The reader view in the page and the exact restore, in Chromium on the built e2e extension (French UI).
// The reader lives in a closed shadow root: the test reaches it through the DevTools protocol, which sees closed
// roots, as a user sees the rendered page.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as ExtensionApi } from 'wxt/browser';
import { launchChromiumWithExtension, type ExtensionBrowser } from './support/chromium';
import { ALL_FIXTURES, fixturePages, SEED_FIXTURE, type Fixture } from './support/fixtures';
import { seriousAxeViolations } from './support/axe';
import { inReader as readerCall, readerAxeViolations } from './support/reader';
import { startStaticServer, type StaticServer } from './support/server';
import { LONG_ARTICLE, LONG_PATH, SECTIONS } from './support/articles';
import { installTestSpeech, speechHome, type SpeechHome, type TestSpeech } from './support/speech';

// Functions passed to `serviceWorker.evaluate` run inside the extension, where `chrome` is the extension API.
declare const chrome: typeof ExtensionApi;

const TRAMWAY = ALL_FIXTURES.find((fixture) => fixture.name === 'fr-ouest-info-tramway')!;
const CAIRO = ALL_FIXTURES.find((fixture) => fixture.name === 'ar-al-masdar-cairo-metro')!;

// The seed page again, with a style sheet that tries to restyle everything, the reader's host included.
const HOSTILE_PATH = '/hostile/les-anonymous-7777047138';
const HOSTILE_CSS = `<style>
  * { color: rgb(255, 0, 0) !important; font-family: monospace !important; }
  clarte-reader { display: none !important; }
  body { background: rgb(0, 255, 0) !important; }
</style>`;

// The seed page again, under a Content-Security-Policy that forbids inline styles (as many news sites do).
const STRICT_CSP_PATH = '/strict-csp/les-anonymous-7777047138';
const STRICT_CSP = `<meta http-equiv="Content-Security-Policy" content="style-src 'self'; img-src 'self'">`;

// An article to listen to: sentences that can be told apart, paragraphs enough to scroll.
const LISTEN_PATH = '/actu/la-loire-en-crue-5151';
const LISTEN_TITLE = 'La Loire en crue';
const LISTEN_FIRST = ['La Loire est montée de deux mètres en une nuit.', 'Les digues tiennent pour l’instant.',
  '« On surveille heure par heure », dit le maire.'];
const listenParagraph = (n: number) => `Au point ${n}, le fleuve charrie des troncs et des branches arrachés en amont. `
  + `Les secours du secteur ${n} restent prêts à évacuer les maisons les plus basses de la rive. `
  + `Le niveau relevé ${n} fois par jour ne baisse pas encore, selon la préfecture.`;
const LISTEN_ARTICLE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${LISTEN_TITLE}</title>
<meta property="og:type" content="article"><script type="application/ld+json">{"@type":"NewsArticle",
"headline":"${LISTEN_TITLE}","datePublished":"2026-12-01","author":{"@type":"Person","name":"Jeanne Martin"}}</script>
</head><body><form><input name="q"></form><article><h1>${LISTEN_TITLE}</h1><p>${LISTEN_FIRST.join(' ')}</p>
${Array.from({ length: 14 }, (_, n) => `<p>${listenParagraph(n + 1)}</p>`).join('')}</article></body></html>`;

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const seedHtml = readFileSync(SEED_FIXTURE.file, 'utf8');
  server = await startStaticServer({
    pages: { ...fixturePages(ALL_FIXTURES), [HOSTILE_PATH]: seedHtml.replace('</head>', `${HOSTILE_CSS}</head>`),
      [STRICT_CSP_PATH]: seedHtml.replace('<head>', `<head>${STRICT_CSP}`),
      [LONG_PATH]: LONG_ARTICLE,
      [LISTEN_PATH]: LISTEN_ARTICLE,
    },
  });
  browser = await launchChromiumWithExtension({ lang: 'fr' });
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWithPopup(path: string): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  const popup = await browser.openPopupFor(await browser.tabIdOf(page));
  await popup.locator('main:not([aria-busy])').waitFor();
  return { page, popup };
}

async function cleanFromPopup(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Nettoyer la page', exact: true }).click();
  await popup.getByRole('button', { name: 'Restaurer', exact: true }).waitFor();
}

async function restoreFromPopup(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Restaurer', exact: true }).click();
  await popup.getByRole('button', { name: 'Nettoyer la page', exact: true }).waitFor();
}

const inReader = <T>(page: Page, functionBody: string) => readerCall<T>(browser.context, page, functionBody);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('reader view on the seed page', () => {
  let page: Page;
  let popup: Page;
  const typed = 'opisis twitter';
  let before: string;
  let scrollBefore: number;

  beforeAll(async () => {
    ({ page, popup } = await openWithPopup(SEED_FIXTURE.path));
    await page.locator('input[name="q"]').fill(typed);
    await page.evaluate(() => window.scrollTo(0, 400));
    scrollBefore = await page.evaluate(() => window.scrollY);
    before = await page.evaluate(() => document.documentElement.outerHTML);
  });
  afterAll(async () => {
    await popup.close();
    await page.close();
  });

  it('popup speaks French: Copier, Nettoyer la page', async () => {
    await expect(popup.evaluate(() => document.documentElement.lang)).resolves.toMatch(/^fr/);
    await expect(popup.getByRole('button', { name: 'Copier', exact: true }).count()).resolves.toBe(1);
    await expect(popup.getByRole('button', { name: 'Nettoyer la page', exact: true }).count()).resolves.toBe(1);
    await expect(popup.locator('.meta').textContent()).resolves.toMatch(/18 mars 2015 · \d+ min de lecture/);
  });

  it('Nettoyer la page shows the article in the reader view', async () => {
    expect(scrollBefore).toBeGreaterThan(0);
    await cleanFromPopup(popup);
    const reader = await inReader<{ title: string; byline: string; site: string; body: string; restore: string;
      lang: string; dir: string; readingTime: string }>(page, `
      const article = this.querySelector('article');
      return {
        title: this.querySelector('h1.title').textContent,
        byline: this.querySelector('.byline').textContent,
        site: this.querySelector('.site').textContent,
        readingTime: this.querySelector('.reading-time').textContent,
        body: this.querySelector('.content').textContent,
        restore: this.querySelector('button.restore').textContent,
        lang: article.lang,
        dir: article.dir,
      };`);
    expect(reader).toBeDefined();
    const expected = SEED_FIXTURE.expected;
    expect(reader!.title).toBe(expected.title);
    expect(reader!.byline).toBe(expected.byline);
    expect(reader!.site).toMatch(/^RTL(\.fr)? · 18 mars 2015$/);
    expect(reader!.readingTime).toMatch(/^\d+ min de lecture$/);
    expect(reader!.restore).toBe('Restaurer');
    expect(reader!.lang).toBe('fr');
    expect(reader!.dir).toBe('ltr');
    const body = collapse(reader!.body);
    for (const sentence of expected.textIncludes ?? []) expect(body).toContain(collapse(sentence));
    for (const clutter of ['Se connecter', 'La rédaction vous recommande', 'Signaler un commentaire']) {
      expect(body).not.toContain(clutter);
    }
    // The byline is shown once, above the text, not again as the page's author block inside it.
    expect(body).not.toContain(expected.byline!);
    // The original page is out of the document, not just covered.
    await expect(page.locator('input[name="q"]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.body.children.length)).resolves.toBe(1);

    await page.bringToFront();
    await page.screenshot({ path: 'test-results/reader-seed.png', caret: 'initial' });
  });

  it('Restaurer brings back the same DOM, the typed value and the scroll position', async () => {
    await popup.bringToFront();
    await restoreFromPopup(popup);
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
    await expect(page.locator('input[name="q"]').inputValue()).resolves.toBe(typed);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(scrollBefore);
    await expect(page.locator('clarte-reader').count()).resolves.toBe(0);
  });

  it('the reader’s own Restaurer button restores too, and its text size is remembered', async () => {
    await cleanFromPopup(popup);
    const fontSize = () => inReader<string>(page, `return getComputedStyle(this.querySelector('article')).fontSize;`);
    const sizeBefore = parseFloat((await fontSize())!);
    await inReader(page, `this.querySelector('button[aria-label="Texte plus grand"]').click();`);
    const sizeAfter = parseFloat((await fontSize())!);
    expect(sizeAfter).toBeGreaterThan(sizeBefore);

    await inReader(page, `this.querySelector('button.restore').click();`);
    await page.locator('input[name="q"]').waitFor();
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
    await expect(page.locator('input[name="q"]').inputValue()).resolves.toBe(typed);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(scrollBefore);

    // Opened again: the larger size stays.
    await popup.reload();
    await popup.locator('main:not([aria-busy])').waitFor();
    await cleanFromPopup(popup);
    expect(parseFloat((await fontSize())!)).toBe(sizeAfter);
    await inReader(page, `this.querySelector('button[aria-label="Texte plus petit"]').click();`);
    await restoreFromPopup(popup);
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
  });
});

/** The focused element inside the reader's shadow root: its name attribute, else its accessible label or text. */
const focusedInReader = (page: Page) => inReader<string>(page, `
  const focused = this.activeElement;
  return focused ? focused.getAttribute('name') ?? focused.getAttribute('aria-label') ?? focused.textContent : '';`);

const READER_PREF_KEYS = ['readerTheme', 'readerFont', 'readerFontSize', 'readerLineHeight', 'readerLetterSpacing',
  'readerWordSpacing', 'readerWidth', 'readerAlign'];

/** Back to the default display settings, so that each test starts from them. */
async function forgetReaderPrefs(): Promise<void> {
  await browser.serviceWorker.evaluate((keys) => chrome.storage.local.remove(keys), READER_PREF_KEYS);
}

describe('display settings', () => {
  afterAll(forgetReaderPrefs);

  it('every setting is reached and changed by keyboard, applied at once, remembered, and the page restores exactly', async () => {
    const { page, popup } = await openWithPopup(SEED_FIXTURE.path);
    await page.locator('input[name="q"]').fill('clavier');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await cleanFromPopup(popup);
    await page.bringToFront();
    const widthBefore = (await inReader<number>(page, `return this.querySelector('article').getBoundingClientRect().width;`))!;
    // From the article (focused when the reader opens) back over Restaurer and read aloud to the display settings.
    for (let press = 0; press < 3; press++) await page.keyboard.press('Shift+Tab');
    await expect(focusedInReader(page)).resolves.toBe('Réglages d’affichage');
    await page.keyboard.press('Enter');
    await expect(inReader<boolean>(page, `return this.querySelector('.panel').hidden;`)).resolves.toBe(false);
    const steps: [string, string[]][] = [
      ['theme', ['ArrowDown', 'ArrowDown']], // system → light → sepia
      ['font', ['ArrowDown']], // serif → sans
      ['align', ['ArrowDown']], // start → justify
      ['fontSize', ['ArrowRight']], // 19 → 20 px
      ['lineHeight', ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']], // 1.6 → 2
      ['letterSpacing', ['ArrowRight']], // 0 → 0.02 em
      ['wordSpacing', ['ArrowRight', 'ArrowRight']], // 0 → 0.2 em
      ['width', ['ArrowLeft', 'ArrowLeft', 'ArrowLeft']], // 70 → 55 ch
    ];
    for (const [name, keys] of steps) {
      await page.keyboard.press('Tab');
      await expect(focusedInReader(page)).resolves.toBe(name);
      for (const key of keys) await page.keyboard.press(key);
    }
    const applied = () => inReader<Record<string, string | number>>(page, `
      const reader = this.querySelector('.reader');
      const paragraph = getComputedStyle(this.querySelector('.content p'));
      return {
        theme: reader.dataset.theme,
        background: getComputedStyle(reader).backgroundColor,
        font: paragraph.fontFamily,
        align: paragraph.textAlign,
        fontSize: paragraph.fontSize,
        lineHeight: paragraph.lineHeight,
        letterSpacing: paragraph.letterSpacing,
        wordSpacing: paragraph.wordSpacing,
        width: Math.round(this.querySelector('article').getBoundingClientRect().width),
      };`);
    const chosen = (await applied())!;
    expect(chosen).toMatchObject({
      theme: 'sepia', background: 'rgb(244, 236, 216)', align: 'justify', fontSize: '20px', lineHeight: '40px',
      letterSpacing: '0.4px', wordSpacing: '4px',
    });
    expect(chosen.font).toMatch(/^"?Noto Sans/);
    expect(chosen.width).toBeLessThan(widthBefore);
    // Escape closes the panel and gives focus back to its button.
    await page.keyboard.press('Escape');
    await expect(inReader<boolean>(page, `return this.querySelector('.panel').hidden;`)).resolves.toBe(true);
    await expect(focusedInReader(page)).resolves.toBe('Réglages d’affichage');
    await page.screenshot({ path: 'test-results/reader-settings-sepia.png', caret: 'initial' });
    // Restore by keyboard (past read aloud), then the same settings when the reader opens again.
    await page.keyboard.press('Tab');
    await expect(focusedInReader(page)).resolves.toBe('Lire à voix haute (N)');
    await page.keyboard.press('Tab');
    await expect(focusedInReader(page)).resolves.toBe('Restaurer');
    await page.keyboard.press('Enter');
    await page.locator('input[name="q"]').waitFor();
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
    await expect(page.locator('input[name="q"]').inputValue()).resolves.toBe('clavier');
    await popup.reload();
    await popup.locator('main:not([aria-busy])').waitFor();
    await cleanFromPopup(popup);
    await expect(applied()).resolves.toEqual(chosen);
    await restoreFromPopup(popup);
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
    await popup.close();
    await page.close();
  });

  it('axe finds no serious violation in any theme, settings panel open; a screenshot of each', async () => {
    await forgetReaderPrefs();
    const { page, popup } = await openWithPopup(SEED_FIXTURE.path);
    await cleanFromPopup(popup);
    await page.bringToFront();
    await inReader(page, `this.querySelector('button[aria-controls="clarte-settings"]').click();`);
    const themes: [string, 'light' | 'dark'][] = [
      ['system', 'light'], ['system', 'dark'], ['light', 'light'], ['sepia', 'light'], ['dark', 'light'],
      ['contrast', 'light'],
    ];
    for (const [theme, scheme] of themes) {
      await page.emulateMedia({ colorScheme: scheme });
      await inReader(page, `
        const select = this.querySelector('select[name="theme"]');
        select.value = '${theme}';
        select.dispatchEvent(new Event('change'));`);
      const name = theme === 'system' ? `system-${scheme}` : theme;
      await page.screenshot({ path: `test-results/reader-theme-${name}.png`, caret: 'initial' });
      expect({ theme: name, violations: await readerAxeViolations(browser.context, page) })
        .toEqual({ theme: name, violations: [] });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await restoreFromPopup(popup);
    await popup.close();
    await page.close();
    await forgetReaderPrefs();
  });

  it('the options page gathers the same settings with a live preview; the reader then uses them', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.locator('body[data-ready]').waitFor();
    await expect(seriousAxeViolations(options)).resolves.toEqual([]);
    const preview = () => options.locator('#preview').evaluate((element) => ({
      theme: (element as HTMLElement).dataset.theme,
      background: getComputedStyle(element).backgroundColor,
      lineHeight: getComputedStyle(element.querySelector('p')!).lineHeight,
    }));
    await options.getByLabel('Thème', { exact: true }).selectOption('contrast');
    await options.locator('#saved', { hasText: 'Enregistré.' }).waitFor();
    await options.getByLabel('Interligne').focus();
    await options.keyboard.press('End');
    await expect(preview()).resolves.toEqual({ theme: 'contrast', background: 'rgb(0, 0, 0)', lineHeight: '45.6px' });
    await options.locator('#saved', { hasText: 'Enregistré.' }).waitFor();
    await options.screenshot({ path: 'test-results/options-reader-settings.png', fullPage: true });

    const { page, popup } = await openWithPopup(SEED_FIXTURE.path);
    await cleanFromPopup(popup);
    await expect(inReader<string>(page, `return this.querySelector('.reader').dataset.theme + ' ' +
      getComputedStyle(this.querySelector('.content p')).lineHeight;`)).resolves.toBe('contrast 45.6px');
    await restoreFromPopup(popup);
    await popup.close();
    await page.close();
    await options.close();
    await forgetReaderPrefs();
  });
});

describe('outline, progress and where I left off', () => {
  it('jumps by the outline, shows progress, reopens where the reader stopped (same canonical address), restores exactly', async () => {
    const { page, popup } = await openWithPopup(LONG_PATH);
    await page.locator('input[name="q"]').fill('repère');
    await page.evaluate(() => window.scrollTo(0, 200));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await cleanFromPopup(popup);
    await page.bringToFront();
    const state = () => inReader<{ entries: string[]; current: string | null; left: string; done: number;
      top: number; notice: string | null }>(page, `
      const current = this.querySelector('.outline [aria-current]');
      return {
        entries: [...this.querySelectorAll('.outline li button')].map((entry) => entry.textContent),
        current: current && current.textContent,
        left: this.querySelector('.toolbar .left').textContent,
        done: Number(this.querySelector('.progress').style.getPropertyValue('--done')),
        top: this.host.scrollTop,
        notice: this.querySelector('.resumed')?.firstChild.textContent ?? null,
      };`);
    const opened = (await state())!;
    expect(opened).toMatchObject({ entries: SECTIONS, current: null, done: 0, top: 0, notice: null });
    expect(opened.left).toMatch(/^Encore \d+ min$/);
    // Open the outline and go to the third section by keyboard.
    await inReader(page, `this.querySelector('.outline summary').click();`);
    await inReader(page, `this.querySelectorAll('.outline li button')[2].focus();`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const jumped = (await state())!;
    expect(jumped.current).toBe(SECTIONS[2]);
    expect(jumped.done).toBeGreaterThan(0.4);
    expect(jumped.top).toBeGreaterThan(0);
    await expect(inReader<string>(page, `return this.activeElement.textContent;`)).resolves.toBe(SECTIONS[2]);
    await page.screenshot({ path: 'test-results/reader-outline-progress.png', caret: 'initial' });
    await page.waitForTimeout(800); // the position is saved once scrolling rests
    await restoreFromPopup(popup);
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
    await expect(page.locator('input[name="q"]').inputValue()).resolves.toBe('repère');
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(scrollBefore);
    await popup.close();
    await page.close();

    // The same article at another address (a tracking parameter): same canonical, same position.
    const again = await openWithPopup(`${LONG_PATH}?utm_source=feed`);
    const againBefore = await again.page.evaluate(() => document.documentElement.outerHTML);
    await cleanFromPopup(again.popup);
    await again.page.bringToFront();
    const resumed = (await inReader<{ top: number; notice: string | null; heading: string }>(again.page, `
      const bar = this.querySelector('.top').getBoundingClientRect().bottom;
      const heading = [...this.querySelectorAll('.content h2')].find((h) => h.getBoundingClientRect().bottom > bar);
      return { top: this.host.scrollTop, notice: this.querySelector('.resumed')?.firstChild.textContent ?? null,
        heading: heading.textContent };`))!;
    expect(resumed.top).toBeGreaterThan(0);
    expect(resumed.notice).toBe('Reprise là où vous en étiez. ');
    expect(resumed.heading).toBe(SECTIONS[2]);
    await again.page.screenshot({ path: 'test-results/reader-resumed.png', caret: 'initial' });
    await inReader(again.page, `this.querySelector('.resumed button').click();`);
    await expect(inReader<[number, boolean]>(again.page, `return [this.host.scrollTop, !!this.querySelector('.resumed')];`))
      .resolves.toEqual([0, false]);
    await restoreFromPopup(again.popup);
    await expect(again.page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(againBefore);
    await again.popup.close();
    await again.page.close();
  });

  it('the options page counts the remembered articles and forgets them', async () => {
    const { page, popup } = await openWithPopup(LONG_PATH);
    await cleanFromPopup(popup);
    await inReader(page, `this.querySelectorAll('.content h2')[3].scrollIntoView();`);
    await page.waitForTimeout(800);
    await restoreFromPopup(popup);
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.locator('body[data-ready]').waitFor();
    await expect(options.locator('#positions-count').textContent()).resolves.toBe('Articles retenus : 1');
    await options.getByRole('button', { name: 'Les oublier' }).click();
    // The count follows storage asynchronously: wait for it (the assertion below still fails if it never comes).
    await options.waitForFunction(() => document.querySelector('#positions-count')?.textContent === 'Articles retenus : 0', null, { timeout: 10_000 }).catch(() => {});
    await expect(options.locator('#positions-count').textContent()).resolves.toBe('Articles retenus : 0');
    await options.close();
    await cleanFromPopup(popup);
    await expect(inReader<[number, boolean]>(page, `return [this.host.scrollTop, !!this.querySelector('.resumed')];`))
      .resolves.toEqual([0, false]);
    await restoreFromPopup(popup);
    await popup.close();
    await page.close();
  });
});

/** Runs `func` (its source) with `args` in the content script's world of `page`'s tab and gives back its result. */
async function inContentWorld<T>(page: Page, func: string, args: unknown[] = []): Promise<T> {
  const tabId = await browser.tabIdOf(page);
  return browser.serviceWorker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tabId} },
    func: ${func}, args: ${JSON.stringify(args)} }).then(([first]) => first.result)`);
}

const TEST_VOICES = [
  { voiceURI: 'clarte-test-fr', name: 'Voix de test', lang: 'fr-FR', localService: true },
  { voiceURI: 'Google français', name: 'Google français', lang: 'fr-FR', localService: false },
  { voiceURI: 'clarte-test-en', name: 'Test voice', lang: 'en-US', localService: true },
];

describe('read aloud', () => {
  const speechState = (page: Page) => inContentWorld<TestSpeech>(page, `() => {
    const { spoken, cancels, speaking } = window.clarteTestSpeech;
    return { spoken, cancels, speaking };
  }`);
  const lastSpoken = async (page: Page) => (await speechState(page)).spoken.at(-1);
  const finishSentence = (page: Page) => inContentWorld(page, '() => window.clarteTestSpeech.finish()');
  const reader = (page: Page) => inReader<{ speaking: string; word: string | null; play: string; status: string;
    top: number; inView: boolean; controls: boolean[] }>(page, `
    const spans = [...this.querySelectorAll('.speaking')];
    const highlight = CSS.highlights.get('clarte-spoken-word');
    const bar = this.querySelector('.top').getBoundingClientRect().bottom;
    const play = this.querySelector('.speech button');
    return {
      speaking: spans.map((span) => span.textContent).join('').trim(),
      word: highlight ? [...highlight][0].toString() : null,
      play: play.getAttribute('aria-label'),
      status: this.querySelector('.speech-status').textContent,
      top: this.host.scrollTop,
      inView: spans.length > 0 && spans[0].getBoundingClientRect().top >= bar
        && spans.at(-1).getBoundingClientRect().bottom <= innerHeight,
      controls: [...this.querySelectorAll('.speech button')].map((button) => !button.hidden),
    };`);
  const click = (page: Page, label: string) =>
    inReader(page, `this.querySelector('.speech button[aria-label="${label}"]').click();`);

  afterAll(() => browser.serviceWorker.evaluate(() => chrome.storage.local.remove('readAloud')));

  it('reads sentence by sentence with the highlight moving; pause, resume, skip, speed, voice, follow, click, stop', async () => {
    const { page, popup } = await openWithPopup(LISTEN_PATH);
    await page.locator('input[name="q"]').fill('crue');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await cleanFromPopup(popup);
    await page.bringToFront();
    await inContentWorld(page, installTestSpeech.toString(), [TEST_VOICES]);

    // The voices of the article's language, the local one chosen, the online one said to be online.
    await inReader(page, `this.querySelector('button[aria-controls="clarte-settings"]').click();`);
    await expect(inReader<{ options: string[]; value: string }>(page, `
      const select = this.querySelector('select[name="readAloudVoice"]');
      return { options: [...select.options].map((option) => option.text), value: select.value };`))
      .resolves.toEqual({ options: ['Voix de test', 'Google français (en ligne : envoie le texte à son service)'],
        value: 'clarte-test-fr' });
    await inReader(page, `this.querySelector('button[aria-controls="clarte-settings"]').click();`);

    // N from the article: the title first, in French, with the chosen voice; the controls appear.
    await inReader(page, `this.querySelector('article').focus();`);
    await page.keyboard.press('n');
    await expect.poll(() => lastSpoken(page)).toEqual(
      { text: LISTEN_TITLE, lang: 'fr', rate: 1, voice: 'clarte-test-fr' });
    expect(await reader(page)).toMatchObject({ speaking: LISTEN_TITLE, play: 'Pause (N)', status: '',
      controls: [true, true, true, true] });
    // Boundary events move the word highlight within the sentence; each end moves on to the next sentence.
    await inContentWorld(page, '() => window.clarteTestSpeech.word(1)');
    await expect(reader(page)).resolves.toMatchObject({ word: 'Loire' });
    for (const sentence of LISTEN_FIRST) {
      await finishSentence(page);
      await expect.poll(async () => (await reader(page))!.speaking).toBe(sentence);
      expect((await lastSpoken(page))!.text).toBe(sentence);
      expect((await reader(page))!.word).toBeNull();
    }
    await page.screenshot({ path: 'test-results/reader-read-aloud.png', caret: 'initial' });
    expect(await readerAxeViolations(browser.context, page)).toEqual([]);

    // Pause stops the voice and keeps the place; resuming says that sentence again. (axe took the reader out
    // and back: focus it again for the keyboard.)
    await inReader(page, `this.querySelector('article').focus();`);
    const cancels = (await speechState(page)).cancels;
    await page.keyboard.press('n');
    expect(await speechState(page)).toMatchObject({ speaking: false, cancels: cancels + 1 });
    expect(await reader(page)).toMatchObject({ speaking: LISTEN_FIRST[2], play: 'Lire à voix haute (N)' });
    const said = (await speechState(page)).spoken.length;
    await page.keyboard.press('n');
    await expect.poll(async () => (await speechState(page)).spoken.length).toBe(said + 1);
    expect((await lastSpoken(page))!.text).toBe(LISTEN_FIRST[2]);

    // Next and previous paragraph.
    await click(page, 'Paragraphe suivant');
    await expect.poll(async () => (await lastSpoken(page))!.text).toBe(listenParagraph(1).split('. ')[0] + '.');
    await click(page, 'Paragraphe suivant');
    await click(page, 'Paragraphe précédent');
    await expect.poll(async () => (await lastSpoken(page))!.text).toBe(listenParagraph(1).split('. ')[0] + '.');

    // A new speed applies at once and is remembered; so is a voice chosen for French.
    await inReader(page, `
      const rate = this.querySelector('select[name="readAloudRate"]');
      rate.value = '2';
      rate.dispatchEvent(new Event('change'));`);
    await expect.poll(async () => (await lastSpoken(page))!.rate).toBe(2);

    // Following the voice: skipping far down scrolls the sentence into view.
    for (let n = 0; n < 8; n++) await click(page, 'Paragraphe suivant');
    await expect.poll(async () => (await lastSpoken(page))!.text).toBe(listenParagraph(9).split('. ')[0] + '.');
    const followed = (await reader(page))!;
    expect(followed.top).toBeGreaterThan(0);
    expect(followed.inView).toBe(true);
    // Not following: it reads on where the reader is not looking, and the view stays.
    await inReader(page, `this.querySelector('input[name="readAloudFollow"]').click();`);
    await inReader(page, `this.host.scrollTop = 0;`);
    for (let n = 0; n < 3; n++) await click(page, 'Paragraphe suivant');
    await expect.poll(async () => (await lastSpoken(page))!.text).toBe(listenParagraph(12).split('. ')[0] + '.');
    expect(await reader(page)).toMatchObject({ top: 0, inView: false });

    // A click on a sentence reads from there.
    const target = (await inReader<{ x: number; y: number }>(page, `
      const sentence = [...this.querySelectorAll('.content p')][2].querySelectorAll('.sentence')[1];
      sentence.scrollIntoView({ block: 'center' });
      const line = sentence.getClientRects()[0];
      return { x: line.left + line.width / 2, y: line.top + line.height / 2 };`))!;
    await page.mouse.click(target.x, target.y);
    const clicked = listenParagraph(2).split('. ')[1] + '.';
    await expect.poll(async () => (await lastSpoken(page))!.text).toBe(clicked);
    expect((await reader(page))!.speaking).toBe(clicked);

    // Stop: no highlight, the voice silent, only play is left.
    await click(page, 'Arrêter la lecture');
    expect(await speechState(page)).toMatchObject({ speaking: false });
    expect(await reader(page)).toMatchObject({ speaking: '', controls: [true, false, false, false] });
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('readAloud')) as { readAloud: { voices: object } };
    expect(stored.readAloud).toEqual({ rate: 2, follow: false, voices: {} });

    // Restoring while reading stops the voice, and the page comes back exactly.
    await page.keyboard.press('n');
    await expect.poll(async () => (await speechState(page)).speaking).toBe(true);
    await restoreFromPopup(popup);
    expect(await speechState(page)).toMatchObject({ speaking: false });
    await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
    await expect(page.locator('input[name="q"]').inputValue()).resolves.toBe('crue');
    await popup.close();
    await page.close();
  });

  it('the options page sets speed and "follow the voice" for the reader view', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.locator('body[data-ready]').waitFor();
    await options.getByLabel('Vitesse de lecture', { exact: true }).selectOption('1.5');
    await options.locator('#saved', { hasText: 'Enregistré.' }).waitFor();
    await options.getByLabel('Suivre la voix', { exact: true }).uncheck();
    await expect.poll(async () => ((await browser.serviceWorker.evaluate(() => chrome.storage.local.get('readAloud'))) as
      { readAloud?: { follow: boolean } }).readAloud?.follow).toBe(false);
    await expect(seriousAxeViolations(options)).resolves.toEqual([]);
    await options.close();

    const { page, popup } = await openWithPopup(`${LISTEN_PATH}?from=options`);
    await cleanFromPopup(popup);
    await page.bringToFront();
    await inContentWorld(page, installTestSpeech.toString(), [TEST_VOICES]);
    await expect(inReader<[string, boolean]>(page, `return [this.querySelector('select[name="readAloudRate"]').value,
      this.querySelector('input[name="readAloudFollow"]').checked];`)).resolves.toEqual(['1.5', false]);
    await inReader(page, `this.querySelector('.speech button').click();`);
    await expect.poll(async () => (await lastSpoken(page))?.rate).toBe(1.5);
    await restoreFromPopup(popup);
    await popup.close();
    await page.close();
  });

  it('says so when there is no voice, or only online ones (then reads with the one the reader picks)', async () => {
    const { page, popup } = await openWithPopup(`${LISTEN_PATH}?voices=online`);
    await cleanFromPopup(popup);
    await page.bringToFront();
    await inContentWorld(page, installTestSpeech.toString(), [null]);
    await inReader(page, `this.querySelector('.speech button').click();`);
    await expect(reader(page)).resolves.toMatchObject({ speaking: '', play: 'Lire à voix haute (N)',
      status: 'Aucune voix n’est disponible pour la lecture à voix haute dans ce navigateur.' });

    await inContentWorld(page, installTestSpeech.toString(), [TEST_VOICES.filter((voice) => !voice.localService)]);
    await inReader(page, `this.querySelector('.speech button').click();`);
    await expect(reader(page)).resolves.toMatchObject({ speaking: '',
      status: 'Seules des voix en ligne sont disponibles : choisissez-en une dans les réglages (Aa) pour lire à voix haute.' });
    expect((await speechState(page)).spoken).toEqual([]);
    await inReader(page, `
      this.querySelector('button[aria-controls="clarte-settings"]').click();
      const voice = this.querySelector('select[name="readAloudVoice"]');
      voice.value = 'Google français';
      voice.dispatchEvent(new Event('change'));
      this.querySelector('.speech button').click();`);
    await expect.poll(async () => (await lastSpoken(page))?.voice).toBe('Google français');
    expect((await reader(page))!.status).toBe('');
    const stored = await browser.serviceWorker.evaluate(() => chrome.storage.local.get('readAloud')) as { readAloud: { voices: object } };
    expect(stored.readAloud.voices).toEqual({ fr: 'Google français' });
    await restoreFromPopup(popup);
    await popup.close();
    await page.close();
  });
});

describe('read aloud with a real voice', () => {
  // espeak-ng through speech-dispatcher, as a Debian user has it: its own browser, English UI (see `speech`).
  let speech: SpeechHome;
  let voiceBrowser: ExtensionBrowser;
  beforeAll(async () => {
    speech = await speechHome();
    voiceBrowser = await launchChromiumWithExtension({ speech });
  });
  afterAll(async () => {
    await voiceBrowser?.close();
    await speech?.remove();
  });

  it('reads the article aloud: the highlight moves with the voice, pause holds, skip and resume, restore silences', async () => {
    const page = await voiceBrowser.context.newPage();
    await page.goto(server.url(LISTEN_PATH));
    const popup = await voiceBrowser.openPopupFor(await voiceBrowser.tabIdOf(page));
    await popup.getByRole('button', { name: 'Clean page', exact: true }).click();
    await popup.getByRole('button', { name: 'Restore', exact: true }).waitFor();
    await page.bringToFront();
    // Every sentence highlighted, in order (the null sound driver lets espeak-ng speak faster than a person).
    const heard = async () => (await readerCall<string[]>(voiceBrowser.context, page, `return window.clarteHeard;`))!;
    await readerCall(voiceBrowser.context, page, `
      window.clarteHeard = [];
      new MutationObserver(() => {
        const text = [...this.querySelectorAll('.speaking')].map((span) => span.textContent).join('').trim();
        if (text && text !== window.clarteHeard.at(-1)) window.clarteHeard.push(text);
      }).observe(this, { subtree: true, attributeFilter: ['class'] });
      this.querySelector('article').focus();`);
    const engineSpeaking = () => page.evaluate(() => speechSynthesis.speaking);
    const paragraphs = [[LISTEN_TITLE], LISTEN_FIRST,
      ...Array.from({ length: 14 }, (_, n) => listenParagraph(n + 1).split(/(?<=\.) /))];
    const inOrder = paragraphs.flat();
    await page.keyboard.press('n');
    // The engine's first start takes seconds: the browser starts speech-dispatcher on its first request.
    await expect.poll(async () => (await heard()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await expect(readerCall<string>(voiceBrowser.context, page, `return this.querySelector('.speech-status').textContent;`))
      .resolves.toBe('');
    await page.screenshot({ path: 'test-results/reader-read-aloud-real-voice.png', caret: 'initial' });
    // Paused: silent, and the highlight stays on the sentence it reached.
    await page.keyboard.press('n');
    await expect.poll(engineSpeaking).toBe(false);
    const paused = await heard();
    expect(paused).toEqual(inOrder.slice(0, paused.length));
    expect(paused.length).toBeLessThan(inOrder.length);
    await page.waitForTimeout(1_500);
    expect(await heard()).toEqual(paused);
    await expect(readerCall<number>(voiceBrowser.context, page, `return this.querySelectorAll('.speaking').length;`))
      .resolves.toBeGreaterThan(0);
    // Next paragraph while paused: the highlight goes to its first sentence; resumed, the voice reads on from
    // there, in order. Then Restore silences it.
    const at = paragraphs.findIndex((paragraph) => paragraph.includes(paused.at(-1)!));
    const next = paragraphs[at + 1]![0]!;
    await readerCall(voiceBrowser.context, page, `this.querySelector('.speech button[aria-label="Next paragraph"]').click();`);
    await expect.poll(async () => (await heard()).at(-1)).toBe(next);
    await page.keyboard.press('n');
    await expect.poll(async () => (await heard()).length, { timeout: 30_000 }).toBeGreaterThan(paused.length + 2);
    const resumed = (await heard()).slice(paused.length);
    const from = inOrder.indexOf(next);
    expect(resumed).toEqual(inOrder.slice(from, from + resumed.length));
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Restore', exact: true }).click();
    await popup.getByRole('button', { name: 'Clean page', exact: true }).waitFor();
    await expect.poll(engineSpeaking).toBe(false);
    await popup.close();
    await page.close();
  });
});

describe('reader view isolation and rendering', () => {
  it('the page’s CSS does not reach the reader, and the reader adds no style to the page', async () => {
    const { page, popup } = await openWithPopup(HOSTILE_PATH);
    const sheetsBefore = await page.evaluate(() => document.styleSheets.length);
    await cleanFromPopup(popup);
    const styles = await inReader<{ title: string; font: string }>(page, `
      const title = getComputedStyle(this.querySelector('h1.title'));
      return { title: title.color, font: title.fontFamily };`);
    expect(styles!.title).not.toBe('rgb(255, 0, 0)');
    expect(styles!.font).not.toMatch(/monospace/);
    const host = await page.evaluate(() => {
      const element = document.querySelector('clarte-reader')!;
      const box = element.getBoundingClientRect();
      return { display: getComputedStyle(element).display, width: box.width, height: box.height };
    });
    expect(host.display).toBe('block');
    expect(host.width).toBeGreaterThan(0);
    expect(host.height).toBeGreaterThan(0);
    await expect(page.evaluate(() => document.styleSheets.length)).resolves.toBe(sheetsBefore);
    await expect(page.evaluate(() => document.adoptedStyleSheets.length)).resolves.toBe(0);
    await restoreFromPopup(popup);
    await popup.close();
    await page.close();
  });

  it('tells the page nothing: no message from the extension reaches the page’s window', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(SEED_FIXTURE.path));
    // A listener of the page's own world, set before the popup injects the page script: a framework's "script
    // started" postMessage would tell every page that Clarté runs, and its id.
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { clarteSeen: unknown[] }).clarteSeen = seen;
      window.addEventListener('message', (event) => seen.push(event.data));
    });
    const popup = await browser.openPopupFor(await browser.tabIdOf(page));
    await popup.locator('main:not([aria-busy])').waitFor();
    await cleanFromPopup(popup);
    await restoreFromPopup(popup);
    await expect(page.evaluate(() => (window as unknown as { clarteSeen: unknown[] }).clarteSeen)).resolves.toEqual([]);
    await popup.close();
    await page.close();
  });

  it('is styled on a page whose CSP forbids inline styles', async () => {
    const { page, popup } = await openWithPopup(STRICT_CSP_PATH);
    await cleanFromPopup(popup);
    const styles = await inReader<{ background: string; position: string }>(page, `
      return {
        background: getComputedStyle(this.querySelector('.reader')).backgroundColor,
        position: getComputedStyle(this.host).position,
      };`);
    expect(styles).toEqual({ background: 'rgb(251, 250, 247)', position: 'fixed' });
    await restoreFromPopup(popup);
    await popup.close();
    await page.close();
  });

  it('follows the system’s dark scheme', async () => {
    const { page, popup } = await openWithPopup(SEED_FIXTURE.path);
    const background = () => inReader<string>(page, `return getComputedStyle(this.querySelector('.reader')).backgroundColor;`);
    await page.emulateMedia({ colorScheme: 'light' });
    await cleanFromPopup(popup);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(light).toBe('rgb(251, 250, 247)');
    expect(dark).toBe('rgb(27, 27, 29)');
    await restoreFromPopup(popup);
    await popup.close();
    await page.close();
  });

  it('keeps the article’s images and captions, as the pipeline gives them', async () => {
    const pipelineHtml = await cliHtml(TRAMWAY);
    const count = (pattern: RegExp) => pipelineHtml.match(pattern)?.length ?? 0;
    expect(count(/<img\b/g)).toBeGreaterThan(0);
    await expectReader(TRAMWAY, async (page) => {
      const shown = await inReader<{ images: number; captions: number; alts: string[] }>(page, `
        const content = this.querySelector('.content');
        return {
          images: content.querySelectorAll('img').length,
          captions: content.querySelectorAll('figcaption').length,
          alts: [...content.querySelectorAll('img')].map((img) => img.alt),
        };`);
      expect(shown!.images).toBe(count(/<img\b/g));
      expect(shown!.captions).toBe(count(/<figcaption\b/g));
      expect(shown!.alts[0]).toContain('Une rame de la ligne 3');
    });
  });

  it('lays out a right-to-left article right to left', async () => {
    await expectReader(CAIRO, async (page) => {
      const direction = await inReader<{ dir: string; css: string; lang: string }>(page, `
        const article = this.querySelector('article');
        return { dir: article.dir, css: getComputedStyle(article).direction, lang: article.lang };`);
      expect(direction).toEqual({ dir: 'rtl', css: 'rtl', lang: 'ar' });
    });
  });
});

async function expectReader(fixture: Fixture, check: (page: Page) => Promise<void>): Promise<void> {
  const { page, popup } = await openWithPopup(fixture.path);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await cleanFromPopup(popup);
  await check(page);
  await restoreFromPopup(popup);
  await expect(page.evaluate(() => document.documentElement.outerHTML)).resolves.toBe(before);
  await popup.close();
  await page.close();
}

/** The sanitized article HTML the CLI gives for the fixture at the address the browser opened it at. */
async function cliHtml(fixture: Fixture): Promise<string> {
  const { stdout } = await promisify(execFile)(
    'node',
    ['bin/clarte.mjs', 'clean', '--format', 'html', '--url', server.url(fixture.path), fixture.file],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}
