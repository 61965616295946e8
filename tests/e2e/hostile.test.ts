// Hostile and strange pages in Chromium, on the built e2e extension: each row is a page and what the popup must
// show (the article, "not an article", or a clear error), always within the time bound and with the tab still
// answering afterwards; opening the popup leaves the live page untouched, and clean → restore gives back exactly
// the page there was. Then the page shapes that could make a step super-linear (tests/xss/page-shapes.ts): the
// popup answers with the article or a clear message, and the tab answers after. One browser for the whole file;
// pages are generated (tests/xss/), the 50 MB one included.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_PARAGRAPHS, articlePage } from '../xss/article';
import { badInputs, FRENCH_PARAGRAPHS } from '../xss/bad-inputs';
import { pageShapes, type PageShape } from '../xss/page-shapes';
import { launchChromiumWithExtension, type ExtensionBrowser } from './support/chromium';
import { inReader } from './support/reader';
import { startStaticServer, type StaticServer } from './support/server';

type Shown = 'article' | 'not-article' | 'error';

interface Row {
  name: string;
  /** The page: HTML, or bytes with their own Content-Type. */
  body: () => Buffer | string;
  headers?: Record<string, string>;
  /** What the popup may show; the first is what this page should give. */
  shows: Shown[];
  /** The error must say this (a clear message, not a blank or a stack). */
  errorSays?: RegExp;
  /** Text the article shows, when it shows one (default: the test article's first paragraph). */
  articleSays?: string;
  /** The reader view must show the article's first paragraph (default: when the page should give an article). */
  readerHasArticle?: boolean;
  /** The page changes itself, so "untouched" and "exact" are checked on identity, not serialization. */
  selfMutating?: boolean;
}

const FIRST = ARTICLE_PARAGRAPHS[0];
const html = (text: string) => () => text;

// The page's own script: keeps adding and removing nodes every few milliseconds, for ever.
const MUTATING = `<script>
  const churn = document.createElement('div'); churn.id = 'churn'; document.body.append(churn);
  setInterval(() => {
    for (let i = 0; i < 20; i++) churn.append(Object.assign(document.createElement('span'), { textContent: 'tick ' + i }));
    while (churn.childNodes.length > 200) churn.firstChild.remove();
    document.body.dataset.ticks = String(Number(document.body.dataset.ticks || 0) + 1);
  }, 2);
</script>`;

// Loads "the next article" whenever the reader nears the bottom, and on a timer, without end.
const INFINITE = `<script>
  let n = 1;
  const more = () => { const a = document.createElement('article'); a.className = 'next';
    a.innerHTML = '<h2>Next story ' + (n++) + '</h2><p>' + 'More news from the harbour office. '.repeat(20) + '</p>';
    document.getElementById('more').before(a); };
  addEventListener('scroll', () => { if (innerHeight + scrollY > document.body.scrollHeight - 800) more(); });
  setInterval(more, 300);
</script>`;

const ROWS: Row[] = [
  { name: 'ordinary article (control)', body: html(articlePage()), shows: ['article'] },
  // Said as "not an article … no article text was found", without a "clean anyway" to press.
  { name: 'empty document', body: html(''), shows: ['not-article', 'error'], errorSays: /no article/i },
  { name: 'no <body> tag', body: badInputs.noBody, shows: ['article', 'not-article'] },
  { name: 'frameset', body: badInputs.frameset, shows: ['error', 'not-article'], errorSays: /no article|nothing|readable/i },
  { name: 'plain text', body: badInputs.plainText, headers: { 'content-type': 'text/plain; charset=utf-8' }, shows: ['error', 'not-article'] },
  { name: 'JSON', body: badInputs.json, headers: { 'content-type': 'application/json' }, shows: ['error', 'not-article'] },
  { name: 'SVG document', body: badInputs.svgDocument, headers: { 'content-type': 'image/svg+xml' }, shows: ['error', 'not-article'] },
  { name: 'XML feed', body: badInputs.xmlFeed, headers: { 'content-type': 'application/xml' }, shows: ['error', 'not-article'] },
  // Served as HTML (as another type it would be a download, not a page).
  { name: 'binary garbage', body: () => badInputs.binaryGarbage(), headers: { 'content-type': 'text/html' }, shows: ['error', 'not-article'] },
  { name: 'windows-1252 declared', body: badInputs.windows1252Declared, headers: { 'content-type': 'text/html' }, shows: ['not-article', 'article'],
    articleSays: FRENCH_PARAGRAPHS[0] },
  { name: 'Shift_JIS declared', body: badInputs.shiftJisDeclared, headers: { 'content-type': 'text/html' }, shows: ['not-article', 'article'],
    articleSays: '港町' },
  // 50 000 comments under a short article: judged "not an article" in Chromium (the CLI says article), so the
  // reader comes from "clean anyway"; the article must be what it shows.
  { name: '50 MB page', body: badInputs.fiftyMegabytes, shows: ['article', 'not-article', 'error'], errorSays: /too (long|large)|seconds/i, readerHasArticle: true },
  // Over the content script's element limit: refused before any work, at once, saying why.
  { name: '200 000 elements', body: badInputs.twoHundredThousandElements, shows: ['error'], errorSays: /too large to read \(\d{3},\d{3} elements; Clarté reads pages of up to 100,000\)/ },
  { name: '10 000 levels of nesting', body: badInputs.deepNesting, shows: ['article', 'error'], errorSays: /nest|deep|stack|too long/i },
  { name: 'page that keeps mutating its DOM', body: html(articlePage({ after: MUTATING })), shows: ['article'], selfMutating: true },
  { name: 'page that redefines globals', body: badInputs.globalsRedefined, shows: ['article'] },
  { name: 'content in shadow DOM', body: html(articlePage({ inserts: ['<div id="widget"></div>'], after: `<script>document.getElementById('widget').attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow widget: share this story.</p>';</script>` })), shows: ['article'] },
  { name: 'same-origin iframe', body: badInputs.sameOriginIframe, shows: ['article'] },
  { name: 'lazy images', body: badInputs.lazyImages, shows: ['article'] },
  { name: 'strict CSP (header)', body: html(articlePage()), headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'" }, shows: ['article'] },
  { name: 'infinite scroll', body: html(articlePage({ after: `<div id="more"></div>${INFINITE}` })), shows: ['article'], selfMutating: true },
  { name: 'not an article', body: badInputs.notAnArticle, shows: ['not-article'] },
];

const TOO_LARGE = /too large to read \(\d{3},\d{3} elements; Clarté reads pages of up to 100,000\)/;
// What may take the whole time bound on this machine says so; an article too.
const TOO_LONG_OR_LARGE = /too long to read|too large to read/;

interface ShapeRow {
  shape: PageShape;
  shows: Shown[];
  errorSays: RegExp;
}

const SHAPES: ShapeRow[] = [
  // Over the element limit: refused before any work.
  { shape: 'flatSiblings', shows: ['error'], errorSays: TOO_LARGE },
  { shape: 'hugeTable', shows: ['error'], errorSays: TOO_LARGE },
  { shape: 'manyLinks', shows: ['error'], errorSays: TOO_LARGE },
  // Under it: the article (or "not an article": the verdict is not what this proves), or past the time bound.
  { shape: 'manyParagraphs', shows: ['article', 'not-article', 'error'], errorSays: TOO_LONG_OR_LARGE },
  { shape: 'longTextNode', shows: ['article', 'not-article', 'error'], errorSays: TOO_LONG_OR_LARGE },
  { shape: 'longWord', shows: ['article', 'not-article'], errorSays: TOO_LONG_OR_LARGE },
  { shape: 'deepInline', shows: ['article', 'not-article'], errorSays: TOO_LONG_OR_LARGE },
  { shape: 'manyImages', shows: ['article', 'not-article', 'error'], errorSays: TOO_LONG_OR_LARGE },
];

const pathOf = (index: number) => `/hostile/${index}/page`;
const shapePathOf = (shape: PageShape) => `/shape/${shape}/page`;
let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startStaticServer({
    pages: { '/frame.html': '<!doctype html><p>Related: <input name="note"></p>' },
    routes: Object.fromEntries([
      ...ROWS.map((row, index) => [pathOf(index), row.body, row.headers] as const),
      ...SHAPES.map((row) => [shapePathOf(row.shape), () => pageShapes[row.shape](), undefined] as const),
    ].map(([path, body, headers]) => [path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
      response.end(body());
    }])),
  });
  browser = await launchChromiumWithExtension({ lang: 'en' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Resolves when the page's main thread answers, or fails after `ms` (the tab hangs). */
async function answers(page: Page, ms = 5_000): Promise<boolean> {
  return Promise.race([
    page.evaluate(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

async function shown(popup: Page): Promise<{ kind: Shown | 'other'; text: string }> {
  const text = (await popup.locator('main').textContent()) ?? '';
  if (await popup.locator('.text').count()) return { kind: 'article', text };
  if (await popup.locator('.state.not-article').count()) return { kind: 'not-article', text };
  if (await popup.locator('.state.error').count()) return { kind: 'error', text };
  return { kind: 'other', text };
}

describe('hostile pages in Chromium: popup, reader view, restore', () => {
  it(`has at least 20 kinds of page (${ROWS.length})`, () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ROWS.map((row, index) => [row.name, index] as const))('%s', async (_, index) => {
    const row = ROWS[index];
    const page = await browser.context.newPage();
    await page.goto(server.url(pathOf(index)), { waitUntil: 'load', timeout: 60_000 });
    const snapshot = () => page.evaluate(() => ({ html: document.documentElement.outerHTML }));
    const body = await page.evaluateHandle(() => document.body);
    const before = row.selfMutating ? null : (await snapshot()).html;

    const popup = await browser.openPopupFor(await browser.tabIdOf(page));
    // Past the popup's own time bound (8 s) plus the slowest parse: the popup has said something by then.
    await popup.locator('main:not([aria-busy])').waitFor({ timeout: 40_000 });
    const result = await shown(popup);
    expect(row.shows, `${row.name}: popup shows ${result.kind}: ${result.text.slice(0, 160)}`).toContain(result.kind);
    if (result.kind === 'error' && row.errorSays) expect(result.text).toMatch(row.errorSays);
    if (result.kind === 'article') expect(result.text).toContain(row.articleSays ?? FIRST.slice(0, 40));

    // The tab never hangs, and asking for the article changed nothing in it.
    expect(await answers(page), 'the tab answers after the popup has shown its result').toBe(true);
    expect(await page.evaluate((original) => document.body === original, body)).toBe(true);
    if (before !== null) expect((await snapshot()).html === before, 'live page untouched by the popup').toBe(true);

    // Clean (from the article, or "Clean anyway") and restore, when there is something to clean.
    const anyway = popup.getByRole('button', { name: 'Clean anyway', exact: true });
    const clean = popup.getByRole('button', { name: 'Clean page', exact: true });
    let cleaned = false;
    if (result.kind === 'not-article' && (await anyway.count())) {
      await anyway.click();
      cleaned = true;
    } else if (result.kind === 'article') {
      await clean.click();
      cleaned = true;
    }
    if (cleaned) {
      await popup.getByRole('button', { name: 'Restore', exact: true }).waitFor({ timeout: 20_000 });
      const readerText = await inReader<string>(browser.context, page, "return this.querySelector('.content').textContent;");
      expect(readerText, 'reader view shows something').toBeTruthy();
      if (row.readerHasArticle ?? row.shows[0] === 'article') {
        expect(readerText!.replace(/\s+/g, ' '), 'reader view shows the article').toContain(FIRST);
      }
      expect(await answers(page)).toBe(true);
      await popup.getByRole('button', { name: 'Restore', exact: true }).click();
      await popup.getByRole('button', { name: 'Clean page', exact: true }).waitFor();
      expect(await page.evaluate((original) => document.body === original, body), 'same body element back').toBe(true);
      if (before !== null) expect((await snapshot()).html === before, 'restore exact').toBe(true);
    }
    await popup.close();
    await page.close();
  }, 180_000);
});

describe('page shapes in Chromium: the popup answers, the tab stays responsive', () => {
  it.each(SHAPES.map((row) => [row.shape, row] as const))('%s', async (_, row) => {
    const page = await browser.context.newPage();
    await page.goto(server.url(shapePathOf(row.shape)), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // The page's own view of its main thread, which the content script shares: the longest task while the popup
    // asked. Printed, not asserted (the 1 s budget is a measure: `npm run bench`).
    await page.evaluate(() => {
      const scope = window as unknown as { longestTask: number };
      scope.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) scope.longestTask = Math.max(scope.longestTask, entry.duration);
      }).observe({ type: 'longtask' });
    });
    const popup = await browser.openPopupFor(await browser.tabIdOf(page));
    await popup.locator('main:not([aria-busy])').waitFor({ timeout: 40_000 });
    const result = await shown(popup);
    expect(row.shows, `${row.shape}: popup shows ${result.kind}: ${result.text.slice(0, 160)}`).toContain(result.kind);
    if (result.kind === 'error') expect(result.text).toMatch(row.errorSays);
    if (result.kind === 'article') expect(result.text).toContain(FIRST.slice(0, 40));
    expect(await answers(page), 'the tab answers after the popup has shown its result').toBe(true);
    const longest = await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
    process.stdout.write(`page shape ${row.shape}: popup shows ${result.kind}; longest task in the page ${Math.round(longest)} ms\n`);
    await popup.close();
    await page.close();
  }, 120_000);
});
