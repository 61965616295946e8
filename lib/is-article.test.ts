import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { articleFeatures, classifyUrl, collectArticleSignals, scoreArticleSignals } from './is-article';
import { FEATURE_LABELS, isArticle } from './is-article-reasons';
import { ARTICLE_MODEL } from './is-article.weights';

function judge(fixture: string, url: string) {
  const html = readFileSync(join(import.meta.dirname, 'fixtures/is-article', fixture), 'utf8');
  return judgeHtml(html, url);
}

function judgeHtml(html: string, url: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = new Readability(doc.cloneNode(true) as Document).parse();
  const input = { doc, articleText: article?.textContent ?? '', articleLength: article?.length ?? 0, url };
  return { ...isArticle(input), signals: collectArticleSignals(input), html, doc };
}

/** A reason naming `label` with a contribution of that sign, e.g. `schema.org Product (-2.3)`. */
function reason(label: string, sign: '+' | '-') {
  return expect.stringMatching(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\${sign}\\d+\\.\\d\\)$`));
}

describe('isArticle', () => {
  it('measures the body text in the walk that reads the markup: skipped and hidden parts out, links counted', () => {
    const doc = new DOMParser().parseFromString(`<html><head><title>Head text</title></head><body>
      <p>  One   two\n three </p><a>four <b>five</b></a><a href="/x"><span>six</span></a>
      <script>var no = 1;</script><style>p{}</style><template><p>no</p></template><noscript>no</noscript>
      <svg><text>no</text></svg><div hidden><p>no</p><a href="/y">no</a></div><div>seven<!-- no --></div>
      <div itemscope itemtype="https://schema.org/NewsArticle"><h2><a href="/z">eight</a></h2></div></body></html>`, 'text/html');
    const signals = collectArticleSignals({ doc, articleText: '', articleLength: 0 });
    // 'One two three', 'four', 'five', 'six', 'seven', 'eight': 13 + 4 + 4 + 3 + 5 + 5 characters.
    expect(signals.pageTextLength).toBe(34);
    // Link text: four, five (an <a> without href still counts as link text), six, eight.
    expect(signals.pageLinkDensity).toBeCloseTo(16 / 34);
    expect(signals.schemaTypes).toEqual(['NewsArticle']);
    expect(signals.linkedHeadings).toBe(1);
  });

  it('recognises a news article with metadata', () => {
    const verdict = judge('article.html', 'https://ledger.example/news/2024/05/14/city-council-approves-bike-lanes');
    expect(verdict.isArticle).toBe(true);
    expect(verdict.reasons).toContainEqual(reason('schema.org NewsArticle', '+'));
    expect(verdict.reasons).toContainEqual(reason('og:type article', '+'));
  });

  it('lists what moved the score, each feature by name with its signed contribution, largest first', () => {
    const { reasons, score } = judge('article.html', 'https://ledger.example/news/2024/05/14/city-council-approves-bike-lanes');
    const contributions = reasons.map((reason) => Number(/ \(([+-]\d+\.\d)\)$/.exec(reason)?.[1]));
    expect(contributions.every((value) => value !== 0 && Number.isFinite(value))).toBe(true);
    expect(contributions.map(Math.abs)).toEqual(contributions.map(Math.abs).sort((a, b) => b - a));
    // Shown to one decimal; contributions under 0.05 are left out.
    const sum = contributions.reduce((total, value) => total + value, ARTICLE_MODEL.bias);
    expect(Math.abs(sum - score)).toBeLessThan(0.05 * articleFeatures(judge('article.html', 'https://ledger.example/').signals).length);
  });

  it('names every feature of the model in its reasons, and gives the verdict the pipeline scores', () => {
    const { signals, isArticle: explained, score } = judge('article.html', 'https://ledger.example/news/2024/05/14/city-council-approves-bike-lanes');
    expect(articleFeatures(signals).map(([name]) => name).sort()).toEqual(Object.keys(FEATURE_LABELS).sort());
    expect(scoreArticleSignals(signals)).toEqual({ isArticle: explained, score, forumVeto: false });
  });

  it('recognises an article with hashed class names and no metadata, from its prose', () => {
    const verdict = judge('hashed-article.html', 'https://travel.example/stories/why-the-night-train-is-back-in-europe');
    expect(verdict.signals.schemaTypes).toEqual([]);
    expect(verdict.signals.ogType).toBeNull();
    expect(verdict.isArticle).toBe(true);
  });

  it('turns down a product page even at an article-like address', () => {
    const verdict = judge('product.html', 'https://shop.example/trailmaster-40l-hiking-backpack-green-edition');
    expect(verdict.isArticle).toBe(false);
    expect(verdict.signals.cartControls).toBeGreaterThan(0);
    expect(verdict.reasons).toContainEqual(reason('schema.org Product', '-'));
  });

  it('turns down a home page of teaser cards', () => {
    const verdict = judge('home.html', 'https://ledger.example/');
    expect(verdict.isArticle).toBe(false);
    expect(verdict.signals.repeatedCards).toBe(12);
    expect(verdict.reasons).toContainEqual(reason('url is a home page', '-'));
  });

  it('turns down the same listing at a section address', () => {
    const verdict = judge('home.html', 'https://ledger.example/news/');
    expect(verdict.isArticle).toBe(false);
    expect(verdict.reasons.some((r) => r.includes('cards'))).toBe(true);
  });

  it('turns down a forum thread even at an article-like address', () => {
    const verdict = judge('forum.html', 'https://trailtalk.example/gear/tent-or-hammock-for-a-three-day-loop');
    expect(verdict.isArticle).toBe(false);
    expect(verdict.reasons[0]).toBe('forum thread markup (veto)');
  });

  it('recognises the seed page (RTL, French)', () => {
    const seed = join(import.meta.dirname, '../../shared/fixtures/rtl-anonymous-opisis');
    const { url } = JSON.parse(readFileSync(join(seed, 'expected.json'), 'utf8'));
    const verdict = judgeHtml(readFileSync(join(seed, 'source.html'), 'utf8'), url);
    expect(verdict.isArticle).toBe(true);
    expect(verdict.reasons).toContainEqual(reason('date next to the headline', '+'));
  });

  it.each([
    ['March 3, 2024'],
    ['3 mars 2024'],
    ['3. März 2024'],
    ['3 de marzo de 2024'],
    ['2024-03-03'],
    ['03/03/2024'],
    ['2024年3月3日'],
  ])('sees the date %s next to the headline', (date) => {
    const doc = new DOMParser().parseFromString(`<body><h1>A headline</h1><p>By A. Writer, ${date}</p></body>`, 'text/html');
    expect(collectArticleSignals({ doc, articleText: '', articleLength: 0 }).dateNearTitle).toBe(true);
  });

  it('counts the dates a page shows, and weighs those beyond the two of an article against it', () => {
    const post = (day: number) => `<div class="post"><time datetime="2024-03-${day}">${day} days ago</time><p>Reply text.</p></div>`;
    const thread = new DOMParser().parseFromString(`<body><h1>A thread</h1>${[1, 2, 3, 4, 5, 6].map(post).join('')}</body>`, 'text/html');
    const threadSignals = collectArticleSignals({ doc: thread, articleText: '', articleLength: 0 });
    expect(threadSignals.datesShown).toBe(6);
    // Written dates count too, where they outnumber the <time> elements.
    const written = new DOMParser().parseFromString(
      '<body><time datetime="2024-03-03">today</time><p>Posted March 3, 2024. Edited 4 March 2024. Replied 2024-03-05.</p></body>',
      'text/html',
    );
    expect(collectArticleSignals({ doc: written, articleText: '', articleLength: 0 }).datesShown).toBe(3);
    const datesBeyondTwo = (signals: typeof threadSignals) => articleFeatures(signals).find(([name]) => name === 'dates beyond two')![1];
    expect(datesBeyondTwo(threadSignals)).toBeCloseTo(Math.log1p(4));
    expect(datesBeyondTwo({ ...threadSignals, datesShown: 2 })).toBe(0);
    expect(ARTICLE_MODEL.weights[articleFeatures(threadSignals).findIndex(([name]) => name === 'dates beyond two')]).toBeLessThan(0);
  });

  it('does not take a price or a phone number for a date', () => {
    const doc = new DOMParser().parseFromString('<body><h1>A headline</h1><p>From $2024 · call 555-0100</p></body>', 'text/html');
    expect(collectArticleSignals({ doc, articleText: '', articleLength: 0 }).dateNearTitle).toBe(false);
  });

  it('does not change the document it reads', () => {
    const { doc, html } = judge('article.html', 'https://ledger.example/news/2024/05/14/city-council-approves-bike-lanes');
    const fresh = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.outerHTML).toBe(fresh.documentElement.outerHTML);
  });
});

describe('classifyUrl', () => {
  it.each([
    ['https://www.lemonde.fr/', 'home'],
    ['https://www.lemonde.fr/en/', 'home'],
    ['https://example.com/index.html', 'home'],
    ['https://example.com/?p=123', 'other'],
    ['https://example.com/tag/politics/', 'listing'],
    ['https://example.com/category/news/page/2', 'listing'],
    ['https://example.com/blog/', 'listing'],
    ['https://example.com/search?q=bikes', 'search'],
    ['https://example.com/?s=bikes', 'search'],
    ['https://shop.example/products/trailmaster-40l', 'shop'],
    ['https://www.amazon.com/Some-Book/dp/B000123456', 'shop'],
    ['https://forum.example/viewtopic.php?t=1234', 'forum'],
    ['https://forum.example/t/how-to-pick-a-tent/5678', 'forum'],
    ['https://example.com/category/news/city-council-approves-new-bike-lanes', 'article'],
    ['https://www.rtl.fr/actu/sciences-tech/les-anonymous-devoilent-7777047138', 'article'],
    ['https://example.com/2024/05/14/bike-lanes', 'article'],
    ['http://entermedia.co.kr/news/news_view.html?idx=8576&page=1', 'article'],
    ['https://example.com/news/list.html?page=2', 'listing'],
    ['https://example.com/about', 'other'],
    ['not a url', 'other'],
  ])('%s is %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});
