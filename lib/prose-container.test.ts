// @vitest-environment jsdom
// The pipeline sanitizes, and DOMPurify only really sanitizes under jsdom and real browsers: jsdom here.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { cleanDocument } from './pipeline';
import type { StepTimes } from './types';
import { extendsArticle, isolateContainer, mapProse, missesProse } from './prose-container';

const fixture = readFileSync(join(import.meta.dirname, 'fixtures/prose-container/page-builder.html'), 'utf8');
const load = (html: string) => new JSDOM(html, { url: 'https://bank.example/blog/tips' }).window.document;
const paragraphs = (doc: Document) => Array.from(doc.querySelectorAll('p'), (p) => p.textContent!.trim()).filter((t) => t.length > 80);

describe('prose container', () => {
  it('finds the element that holds the prose of a page-builder article, below the page furniture', () => {
    const doc = load(fixture);
    const map = mapProse(doc)!;
    expect(map.paragraphs).toHaveLength(12);
    let container: Element = doc.body;
    for (const index of map.containerPath) container = container.children[index];
    expect(container.className).toContain('page-center');
  });

  it('says Readability missed the article when it kept one module of three, not when it kept them all', () => {
    const doc = load(fixture);
    const map = mapProse(doc)!;
    const [first] = paragraphs(doc);
    expect(missesProse(map, paragraphs(doc).slice(0, 4).join('\n'))).toBe(true);
    expect(missesProse(map, paragraphs(doc).join('\n'))).toBe(false);
    expect(missesProse(map, first)).toBe(true);
  });

  it('isolates the container in a fresh copy, its module wrappers unwrapped so Readability scores them together', () => {
    const doc = load(fixture);
    const map = mapProse(doc)!;
    const copy = load(fixture);
    expect(isolateContainer(copy, map.containerPath)).toBe(true);
    expect(copy.body.children).toHaveLength(1);
    expect(copy.querySelector('nav, footer')).toBeNull();
    expect(copy.querySelector('.row-fluid')).toBeNull();
    expect(paragraphs(copy)).toEqual(paragraphs(load(fixture)));
    const article = new Readability(copy).parse()!;
    expect(missesProse(map, article.textContent!)).toBe(false);
    expect(isolateContainer(load(fixture), [...map.containerPath, 99])).toBe(false);
  });

  it('takes the second reading only when it carries the first one’s prose and clearly more', () => {
    const doc = load(fixture);
    const map = mapProse(doc)!;
    const all = paragraphs(doc);
    const module = all.slice(0, 4).join('\n');
    expect(extendsArticle(map, module, all.join('\n'))).toBe(true);
    // A longer reading that dropped what the first kept (a comment thread instead of the article) is refused.
    expect(extendsArticle(map, module, all.slice(4).join('\n'))).toBe(false);
    expect(extendsArticle(map, module, all.slice(0, 5).join('\n'))).toBe(false);
  });

  it('leaves listings alone: teaser cards are not one article', () => {
    const cards = Array.from({ length: 4 }, (_, i) =>
      `<article><h2><a href="/story-${i}">Story ${i}</a></h2><p>${'A teaser paragraph that tells the start of another story on the site. '.repeat(6)}</p></article>`,
    ).join('');
    expect(mapProse(load(`<body><header>Site</header><main><div class="cards">${cards}</div></main></body>`))).toBeNull();
  });
});

// Real pages of WCXB dev (CC-BY 4.0, ../shared/corpus) where Readability keeps one module of a page builder.
describe('pipeline on page-builder articles', () => {
  const corpus = resolve(import.meta.dirname, '../../shared/corpus/wcxb-dev');
  for (const [id, opening, later] of [
    ['0164', 'Your financial moves need to be linked', 'A power of attorney for financial affairs'],
    ['4051', 'the future of transport will be electric', 'Buying your EV outright means you pay'],
  ]) {
    it(`WCXB ${id}: the article holds every module, from the first paragraph on`, { timeout: 60_000 }, () => {
      const html = gunzipSync(readFileSync(join(corpus, 'html', `${id}.html.gz`))).toString('utf8');
      const doc = load(html);
      const plain = new Readability(load(html)).parse()!.textContent!.replace(/\s+/g, ' ');
      expect(plain.includes(opening) && plain.includes(later)).toBe(false);
      const { text } = cleanDocument(doc);
      expect(text).toContain(opening);
      expect(text).toContain(later);
    });
  }

  it('in place (the CLI, which drops its document after): what the copy gives, a fresh document only for the prose retry', { timeout: 60_000 }, () => {
    const html = gunzipSync(readFileSync(join(corpus, 'html', '0164.html.gz'))).toString('utf8');
    const fresh = vi.fn(() => load(html));
    const steps: StepTimes = {};
    const doc = load(html);
    expect(cleanDocument(doc, { inPlace: { fresh }, stepTimes: steps })).toEqual(cleanDocument(load(html)));
    expect(Object.keys(steps)).toContain('prose retry');
    expect(fresh).toHaveBeenCalledTimes(1);
    expect(doc.querySelector('nav')).toBeNull();

    const article = `<!doctype html><html><body><nav><a href="/">Home</a></nav><article><h1>Tram</h1>${
      '<p>A sentence of the story about the tram line, long enough to count as prose here. </p>'.repeat(8)}</article></body></html>`;
    const once: StepTimes = {};
    expect(cleanDocument(load(article), { inPlace: { fresh }, stepTimes: once })).toEqual(cleanDocument(load(article)));
    expect(Object.keys(once)).not.toContain('prose retry');
    expect(fresh).toHaveBeenCalledTimes(1);
  });
});
