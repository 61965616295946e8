// The XSS corpus through the real sanitizer and the whole pipeline, under jsdom (DOMPurify does not sanitize under
// happy-dom). Whether a broken sanitizer makes the pipeline refuse is lib/sanitize's own test; this one proves that
// a working one leaves nothing dangerous from any vector, and that its output does not mutate into something
// dangerous when it is parsed again (mutation XSS).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../cli/dom.ts';
import { cleanDocument } from '../lib/pipeline.ts';
import { createSanitizer } from '../lib/sanitize.ts';
import { ARTICLE_PARAGRAPHS } from './xss/article.ts';
import { findDangers } from './xss/dangers.ts';
import { singleVectorPage, xssPages } from './xss/pages.ts';
import { xssVectors } from './xss/vectors.ts';

const PORT = 8765;

/**
 * Vectors that are harmless in a fresh parse: mutation XSS only turns dangerous through a sanitizer's
 * serialize-and-reparse; others only ran in old browsers; clobbering needs a DOM with named document
 * properties (jsdom has none; the browser test checks it).
 */
const INERT_AS_PARSED = [
  'nested split tag', 'svg title style img', 'math mtext h1 a h6 mglyph', 'math mtext table mglyph style',
  'svg CDATA breakout', 'frame in body', 'nested templates', 'listing entity round trip', 'textarea then comment',
  'style then self-closed style', 'select template style comment',
  'escaped in title attribute (must stay text)', 'name=getElementById', 'id=createElement', 'name=cookie',
  'id=location link', 'name=cloneNode', 'name=getElementsByTagName', 'name=URL', 'id=defaultView', 'name=currentScript',
  'id=forms', 'conditional comment', 'br size JS entity', 'svg in img src data:', 'form target window name',
  'data-* attribute with payload (must stay inert)',
];
const vectors = xssVectors(PORT);
const dom = parseHtml('<!DOCTYPE html><body></body>', 'http://127.0.0.1:8765/');
const window = dom.window as unknown as Window;
const sanitizer = createSanitizer(window);

/** Dangers in `html` once parsed into a document, and again after a serialize/parse round trip. */
function dangersIn(html: string): string[] {
  const container = window.document.createElement('div');
  container.innerHTML = html;
  const first = findDangers(container);
  container.innerHTML = container.innerHTML;
  const second = findDangers(container);
  return [...first, ...second.map((danger) => `after reparse: ${danger}`)];
}

describe('XSS corpus', () => {
  it('holds at least 150 vectors from every family', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(150);
    expect(new Set(vectors.map((vector) => vector.family)).size).toBe(11);
  });

  it('sees the danger in every raw vector that is dangerous as parsed (so the checks below can fail)', () => {
    const undetected = vectors
      .filter((vector) => {
        const raw = new JSDOM(`<!DOCTYPE html><body>${vector.html}`).window.document;
        return findDangers(raw.documentElement).length === 0;
      })
      .map((vector) => vector.name);
    expect(undetected.sort()).toEqual([...INERT_AS_PARSED].sort());
  });
});

describe.each(vectors.map((vector) => [`${vector.id} ${vector.family}: ${vector.name}`, vector] as const))(
  'vector %s',
  (_, vector) => {
    it('the sanitizer leaves nothing that can run', () => {
      const dirty = window.document.createElement('div');
      dirty.innerHTML = vector.html;
      expect(dangersIn(sanitizer.sanitizedCopy(dirty).innerHTML)).toEqual([]);
    });

    it('the pipeline keeps the article and nothing that can run', () => {
      const page = parseHtml(singleVectorPage(vector), `http://127.0.0.1:${PORT}/xss/${vector.id}.html`);
      try {
        const result = cleanDocument(page.window.document);
        expect(dangersIn(result.html)).toEqual([]);
        expect(result.text).toContain(ARTICLE_PARAGRAPHS[0].slice(0, 60));
      } finally {
        page.window.close();
      }
    });
  },
);

describe('XSS pages (what the browser test serves)', () => {
  it.each(xssPages(PORT).map((page) => [page.path, page] as const))('%s keeps every vector in place', (_, page) => {
    const parsed = parseHtml(page.html, `http://127.0.0.1:${PORT}${page.path}`);
    try {
      const checkpoints = parsed.window.document.querySelectorAll('p[data-checkpoint]').length;
      expect(checkpoints).toBe(page.vectors[0].alone ? 0 : page.vectors.length);
    } finally {
      parsed.window.close();
    }
  });
});
