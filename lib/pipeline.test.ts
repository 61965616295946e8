// @vitest-environment jsdom
// The pipeline sanitizes, and DOMPurify only really sanitizes under jsdom and real browsers: jsdom here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlMarkdown } from './markdown';
import { cleanDocument, cleanPage, PipelineLimitError } from './pipeline';
import type { PipelineStep, StepTimes } from './types';

const BODY = Array.from({ length: 6 }, (_, i) =>
  `<p>Paragraph ${i + 1} of the story, long enough for Readability to see an article here: the council voted ` +
  `on the new tramway line after months of debate, and residents of the northern districts welcomed it.</p>`,
).join('\n');

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Tram line approved - Example News</title>
    <meta property="og:title" content="Tram line approved">${head}</head><body>${body}</body></html>`;
}

function load(html: string, url = 'https://news.example/city/tram-line'): Document {
  return new JSDOM(html, { url }).window.document;
}

describe('cleanDocument', () => {
  it('reads the page through the prototypes: named elements shadowing the document do not matter', () => {
    // In a page's own world (where the bench runs the pipeline) `<img name="cloneNode">` is an own property of
    // the document; jsdom has no named properties, so they are made here the same way.
    const html = page(`<article><h1>Tram line approved</h1>${BODY}</article>`);
    const doc = load(html);
    const expected = cleanDocument(load(html));
    for (const name of ['cloneNode', 'getElementsByTagName', 'URL', 'defaultView']) {
      const img = doc.createElement('img');
      img.setAttribute('name', name);
      doc.body.append(img);
      Object.defineProperty(doc, name, { value: img, configurable: true });
    }
    const result = cleanPage(doc, 'https://news.example/city/tram-line');
    expect(result.text).toBe(expected.text);
    expect(result.isArticle).toBe(expected.isArticle);
  });

  it('never changes the page it is given', () => {
    const doc = load(page(`<nav class="breadcrumb"><a href="/">Home</a></nav><article><h1>Tram line approved</h1>
      ${BODY}<img src="/a.jpg" onerror="x()"><script>window.x = 1</script></article>`));
    const before = doc.documentElement.outerHTML;
    cleanDocument(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('gives every CleanResult field, the HTML sanitized, the headline only as title', () => {
    const doc = load(page(`<article><h1>Tram line approved</h1>${BODY}
      <p><img src="/img/tram.jpg" onerror="alert(1)" alt="Tram"><a href="javascript:alert(1)">bad</a>
      <a href="/city/more">More on the tram</a> #Tramway</p></article>`,
      '<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-05-02T10:00:00Z">'));
    const result = cleanDocument(doc);
    expect(result).toMatchObject({
      url: 'https://news.example/city/tram-line',
      title: 'Tram line approved',
      byline: 'Jane Roe',
      siteName: null,
      lang: 'en',
      dir: 'ltr',
      publishedTime: '2024-05-02T10:00:00Z',
      isArticle: expect.any(Boolean),
      hashtags: [{ tag: '#Tramway', count: 1 }],
      removed: expect.any(Array),
    });
    expect(result.html).not.toMatch(/onerror|javascript:|<script/);
    // Relative addresses resolved against the page's.
    expect(result.html).toContain('src="https://news.example/img/tram.jpg"');
    expect(result.html).toContain('href="https://news.example/city/more"');
    expect(result.text.startsWith('Paragraph 1 of the story')).toBe(true);
    expect(result.text.split('\n\n')).toHaveLength(7);
    expect(result.markdown).toContain('[More on the tram](https://news.example/city/more)');
    expect(result.wordCount).toBe(result.text.split(/\s+/).length);
    expect(result.readingMinutes).toBe(1);
  });

  it('resolves relative links against options.url when the document has no address of its own', () => {
    const doc = new JSDOM(page(`<article>${BODY}<p>Read the <a href="report">council's full report</a> for the details of the route and its costs.</p></article>`)).window.document;
    const result = cleanDocument(doc, { url: 'https://other.example/a/b' });
    expect(result.url).toBe('https://other.example/a/b');
    expect(result.html).toContain('href="https://other.example/a/report"');
  });

  it('records what the clean-up removed, with rule, reason and text', () => {
    const doc = load(page(`<article>${BODY}</article><section id="comments" class="comments"><h2>Comments</h2>
      <p>Be the first to comment</p><a href="/login">Log in</a></section>`));
    const result = cleanDocument(doc);
    expect(result.text).not.toContain('Be the first to comment');
    for (const removal of result.removed) {
      expect(Object.keys(removal).sort()).toEqual(['reason', 'rule', 'text']);
      expect(removal.text.length).toBeLessThanOrEqual(80);
    }
  });

  it('gives none of the page class names in the HTML (Readability keeps them for the clean-up after it)', () => {
    const doc = load(page(`<article class="story">${BODY}<div class="newsletter-signup"><p>Get our morning briefing.</p>` +
      `</div><p class="lede">One more paragraph of the story that stays, long enough to be kept by Readability too.</p></article>`));
    const result = cleanDocument(doc);
    expect(result.text).toContain('One more paragraph of the story');
    expect(result.text).not.toContain('morning briefing');
    expect(result.html).not.toMatch(/class="(?!page")/);
  });

  it('gives empty content and isArticle false for a page without an article, metadata still read', () => {
    const result = cleanDocument(load('<!doctype html><html lang="de"><head><title>Start</title></head><body></body></html>'));
    expect(result).toMatchObject({ html: '', text: '', markdown: '', wordCount: 0, readingMinutes: 0,
      isArticle: false, hashtags: [], lang: 'de', title: 'Start' });
  });

  it('refuses a page over maxElements before any work, and stops at the next step once past the deadline', () => {
    const doc = load(page(BODY));
    const elements = doc.getElementsByTagName('*').length;
    expect(() => cleanDocument(doc, { maxElements: elements - 1 })).toThrow(
      expect.objectContaining({ limit: 'size', elements }) as PipelineLimitError,
    );
    expect(cleanDocument(doc, { maxElements: elements }).text).toContain('Paragraph 6');
    expect(() => cleanDocument(doc, { deadline: performance.now() - 1 })).toThrow(PipelineLimitError);
    expect(cleanDocument(doc, { deadline: performance.now() + 60_000 }).text).toContain('Paragraph 6');
  });

  it('reports the time of each step it ran in stepTimes, adding to what is there (the bench sums runs)', () => {
    const doc = load(page(BODY));
    const stepTimes: StepTimes = {};
    cleanDocument(doc, { stepTimes });
    const ran = ['copy', 'metadata', 'is-article', 'clean-up before', 'Readability', 'clean-up after', 'sanitize', 'outputs'];
    expect(Object.keys(stepTimes)).toEqual(ran);
    for (const time of Object.values(stepTimes)) expect(time).toBeGreaterThanOrEqual(0);
    const first = { ...stepTimes };
    cleanPage(doc, doc.URL, { stepTimes });
    for (const step of ran) expect(stepTimes[step as PipelineStep]).toBeGreaterThanOrEqual(first[step as PipelineStep]!);
    // A page without an article stops after is-article: the steps after it did not run.
    const empty: StepTimes = {};
    cleanDocument(load('<!doctype html><html><body></body></html>'), { stepTimes: empty });
    expect(Object.keys(empty)).toEqual(['copy', 'metadata', 'is-article', 'clean-up before', 'Readability']);
  });

  it('with markdown: false (the extension, cleanPage) leaves markdown empty, made from html on demand instead', () => {
    const doc = load(page(`<article><h1>Tram line approved</h1>${BODY}
      <p><img src="/img/tram.jpg" alt="Tram"> <a href="/city/more">More on the tram</a> #Tramway</p></article>`));
    const full = cleanDocument(doc);
    const lazy = cleanDocument(doc, { markdown: false });
    const { markdown, ...rest } = full;
    expect(lazy).toEqual({ ...rest, markdown: '' });
    expect(cleanPage(doc, doc.URL)).toEqual(lazy);
    expect(markdown).toContain('Paragraph 6 of the story');
    expect(htmlMarkdown(lazy.html, doc)).toBe(markdown);
  });

  it('hands over the sanitized article it serialized as html (the reader view shows those nodes), and none without an article', () => {
    const doc = load(page(`<article><h1>Tram line approved</h1>${BODY}<p><img src="/img/tram.jpg" onerror="alert(1)"></p></article>`));
    const handed: Element[] = [];
    const result = cleanPage(doc, doc.URL, { sanitizedArticle: (article) => handed.push(article) });
    expect(handed).toHaveLength(1);
    expect(handed[0].innerHTML).toBe(result.html);
    expect(handed[0].ownerDocument).not.toBe(doc);
    expect(handed[0].querySelector('img')?.hasAttribute('onerror')).toBe(false);
    cleanPage(load('<!doctype html><html><body></body></html>'), 'https://news.example/', {
      sanitizedArticle: (article) => handed.push(article),
    });
    expect(handed).toHaveLength(1);
  });

  it('reads an article that arrived as streamed content, which the page scripts did not get to move', () => {
    const html = readFileSync(join(import.meta.dirname, 'fixtures/streamed-content/app-router.html'), 'utf8');
    const doc = load(html, 'https://rail.example/notes/night-train');
    const result = cleanDocument(doc);
    expect(result.text).toContain('The night train from Paris to Berlin ran again');
    expect(result.text).toContain('Its route crosses three borders');
    expect(result.text).not.toContain('Loading');
    // The page itself still has its hidden divs: only the working copy changed.
    expect(doc.getElementById('S:0')).not.toBeNull();
  });
});
