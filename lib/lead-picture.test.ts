// @vitest-environment jsdom
// Through the pipeline (jsdom: it sanitizes): the lead picture above the container Readability picks comes back
// on top of the article, with its caption, resolved and absolute; not the logo or the author's photo.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findLeadPicture } from './lead-picture';
import { resolveLazyPictures } from './lazy-pictures';
import { pageMetadata } from './metadata';
import { cleanDocument } from './pipeline';

const fixture = readFileSync(join(import.meta.dirname, 'fixtures/pictures/lead.html'), 'utf8');
const URL = 'https://www.harbour-news.example/local/bridge-reopens';
const load = (html = fixture) => new JSDOM(html, { url: URL }).window.document;

describe('lead picture', () => {
  it("is the page's picture that its og:image names, not the logo or the author's photo", () => {
    const doc = load();
    resolveLazyPictures(doc.body);
    const lead = findLeadPicture(doc, pageMetadata(doc).images)!;
    expect(lead.reason).toBe('og:image');
    expect(lead.element.localName).toBe('figure');
    expect(lead.copy.querySelector('figcaption')!.textContent).toContain('The first cars cross');
  });

  it('is the figure between the headline and the story when the page names no picture', () => {
    const doc = load(fixture.replace(/<meta property="og:image"[^>]*>/, '').replace(/<script type="application\/ld\+json">.*<\/script>/, ''));
    resolveLazyPictures(doc.body);
    const lead = findLeadPicture(doc, pageMetadata(doc).images)!;
    expect(lead.reason).toBe('top figure');
    expect(lead.copy.querySelector('img')!.getAttribute('alt')).toBe('Cars cross the reopened bridge at dawn');
  });

  it('is none when the only pictures are furniture', () => {
    const doc = load('<body><header><img src="/logo.png" width="300" height="80"></header><h1>Title</h1>' +
      '<div class="byline"><img class="avatar" src="/me.jpg" width="300" height="300"></div><p>' + 'Text. '.repeat(60) + '</p></body>');
    expect(findLeadPicture(doc, [])).toBeNull();
  });

  it("is the og:image named a site's post thumbnail, in an article whose classes name its author; not a card of it in a list", () => {
    const story = '<p>' + 'Text. '.repeat(60) + '</p>';
    const card = '<ol class="most-popular"><li><a href="/local/bridge-reopens"><img src="/up/bridge.jpg?w=100&h=75" width="300"><h3>Bridge reopens</h3></a></li></ol>';
    const page = (body: string) => load('<head><meta property="og:image" content="https://www.harbour-news.example/up/bridge.jpg"></head>' +
      `<body><h1>Bridge reopens</h1>${body}</body>`);
    const doc = page(`<article class="post author-jane"><div class="cover"><img class="attachment-post-thumbnail wp-post-image" src="/up/bridge-1024x683.jpg?resize=650%2C434" width="650"></div>${story}${card}</article>`);
    const lead = findLeadPicture(doc, pageMetadata(doc).images)!;
    expect(lead.reason).toBe('og:image');
    expect(lead.copy.getAttribute('src')).toContain('bridge-1024x683.jpg');
    const cardOnly = page(`<article>${story}</article><aside>${card}</aside>${card}`);
    expect(findLeadPicture(cardOnly, pageMetadata(cardOnly).images)).toBeNull();
  });

  it('opens the clean article with its caption, once; in-body figures stay; no tracking pixel', () => {
    const result = cleanDocument(load(), { url: URL });
    const article = new JSDOM(result.html).window.document;
    const pictures = Array.from(article.querySelectorAll('img'));
    expect(pictures.map((img) => img.getAttribute('src'))).toEqual([
      'https://images.harbour-news.example/2026/05/bridge-reopening-1024x576.jpg',
      'https://www.harbour-news.example/2026/05/works-night.jpg',
    ]);
    expect(pictures[0].getAttribute('srcset')).toContain('bridge-reopening-2048x1152.jpg 2048w');
    expect(pictures[0].closest('figure')!.querySelector('figcaption')!.textContent).toContain('The first cars cross the reopened bridge');
    // The lead picture comes before the story's first paragraph.
    expect(article.body.innerHTML.indexOf('bridge-reopening')).toBeLessThan(article.body.innerHTML.indexOf('The harbour bridge reopened'));
    expect(result.text.match(/The first cars cross the reopened bridge at dawn on Monday/g)).toHaveLength(1);
    // Today's rule on photo credits: the caption stays in `text`, its credit does not.
    expect(result.text).not.toContain('Photograph: Ann Lee');
    expect(result.html).not.toContain('scorecardresearch');
    expect(result.html).not.toContain('logo');
    expect(result.html).not.toContain('jane-roe');
    expect(result.removed).toContainEqual(expect.objectContaining({ rule: 'pictures', reason: expect.stringContaining('declared 1×1') }));
  }, 30_000);
});
