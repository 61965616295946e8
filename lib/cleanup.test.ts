import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRules, cleanAfterReadability, cleanBeforeReadability } from './cleanup';
import { hashNames } from './rules/fixture-harness';
import type { Rule } from './rules/rule';
import type { Removal } from './types';

const seedDir = join(import.meta.dirname, '../../shared/fixtures/rtl-anonymous-opisis');
const seedHtml = readFileSync(join(seedDir, 'source.html'), 'utf8');
const seedExpected = JSON.parse(readFileSync(join(seedDir, 'expected.json'), 'utf8')) as {
  textIncludes: string[];
  textExcludes: string[];
};

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function bodyText(doc: Document): string {
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ');
}

describe('the clean-up on the seed page', () => {
  for (const hashed of [false, true]) {
    it(`takes out every clutter string before and after Readability, and keeps the article (${hashed ? 'hashed class names' : 'real class names'})`, () => {
      const doc = parse(seedHtml);
      if (hashed) hashNames(doc);
      const removed: Removal[] = [];
      // Both passes, on the whole page: the rules that need the text find it in the second.
      cleanBeforeReadability(doc, removed);
      cleanAfterReadability(doc.body, removed);
      const text = bodyText(doc);
      // The headline is the page's title, not clutter: it stays in the h1 and may repeat in a breadcrumb only.
      for (const clutter of seedExpected.textExcludes) expect(text, clutter).not.toContain(clutter);
      for (const sentence of seedExpected.textIncludes) expect(text, sentence).toContain(sentence);
      expect(removed.length).toBeGreaterThan(8);
      for (const removal of removed) {
        expect(removal.reason, JSON.stringify(removal)).toMatch(/\w{3}/);
        expect(removal.text.length).toBeLessThanOrEqual(80);
        expect(removal.text).not.toMatch(/\s{2}|^\s|\s$/);
      }
    });
  }
});

describe('cleanBeforeReadability', () => {
  it('goes by names, tags and structure, and leaves text labels to the clean-up after Readability', () => {
    const doc = parse('<p>Body text of the article, long enough to be the article itself.</p>' +
      '<div class="share-bar"><a href="https://twitter.com/intent/tweet?url=x">Tweet</a></div><p><span>5 min read</span></p>');
    const removed: Removal[] = [];
    cleanBeforeReadability(doc, removed);
    expect(removed.map((r) => r.rule)).toEqual(['share']);
    expect(bodyText(doc)).toContain('5 min read');
    cleanAfterReadability(doc.body, removed);
    expect(bodyText(doc)).not.toContain('5 min read');
    expect(removed.map((r) => r.rule)).toEqual(['share', 'reading-time']);
  });
});

describe('cleanAfterReadability', () => {
  it('runs the same rules on the article element, never removing the element itself', () => {
    const doc = parse('<div id="readability-page-1"><p>Body text of the article, long enough to be the article itself and more.</p>' +
      '<p>Second paragraph of the article body text, which keeps going for a while to be counted.</p>' +
      '<p><span>5 min read</span></p><div><a href="https://twitter.com/intent/tweet?url=x">Tweet</a></div></div>');
    const article = doc.getElementById('readability-page-1')!;
    const removed: Removal[] = [];
    cleanAfterReadability(article, removed);
    expect(article.isConnected).toBe(true);
    expect(article.textContent).not.toContain('5 min read');
    expect(article.textContent).not.toContain('Tweet');
    expect(removed.map((r) => r.rule).sort()).toEqual(['reading-time', 'share']);
  });
});

describe('applyRules', () => {
  const removeSections: Rule = {
    name: 'test-sections',
    match: (el) => (el.localName === 'section' ? { reason: 'a section' } : null),
  };

  it('never takes the element holding the article body, whatever a rule says', () => {
    const paragraphs = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i} of the article body, with enough words in it to count as prose.</p>`).join('');
    const doc = parse(`<section class="comments-enabled">${paragraphs}</section><section><p>Short teaser.</p></section>`);
    const removed: Removal[] = [];
    applyRules(doc.body, [removeSections], removed);
    expect(bodyText(doc)).toContain('Paragraph 3 of the article body');
    expect(bodyText(doc)).not.toContain('Short teaser');
    expect(removed).toEqual([{ rule: 'test-sections', reason: 'a section', text: 'Short teaser.' }]);
  });

  it('records the first 80 characters of the removed text, whitespace collapsed', () => {
    const doc = parse(`<section>  ${'word '.repeat(40)}\n\n end</section>`);
    const removed: Removal[] = [];
    applyRules(doc.body, [removeSections], removed);
    expect(removed[0].text).toBe('word '.repeat(16).trim());
  });

  it('walks a very deep page without recursion (a recursive walk would overflow the stack here)', () => {
    const depth = 3000;
    const html = '<div>'.repeat(depth) + '<p>Deep text</p><span>5 min read</span>' + '</div>'.repeat(depth);
    const doc = parse(html);
    const removed: Removal[] = [];
    cleanAfterReadability(doc.body, removed);
    expect(bodyText(doc)).toContain('Deep text');
    expect(bodyText(doc)).not.toContain('5 min read');
  });
});
