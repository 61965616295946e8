import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStreamedSegment, placeStreamedContent } from './streamed-content';

const fixture = readFileSync(join(import.meta.dirname, 'fixtures/streamed-content/app-router.html'), 'utf8');
const load = () => new DOMParser().parseFromString(fixture, 'text/html');

describe('streamed content', () => {
  it('moves each streamed segment to its boundary or placeholder, as the page scripts would', () => {
    const doc = load();
    expect(placeStreamedContent(doc)).toBe(2);
    const article = doc.querySelector('article')!;
    // In place of the skeleton (nested fallback boundary included), between the header and the footer.
    expect(doc.querySelector('.skeleton, template')).toBeNull();
    expect(doc.body.textContent).not.toContain('Nested fallback');
    expect(article.closest('main')!.previousElementSibling!.localName).toBe('header');
    expect(article.closest('main')!.nextElementSibling!.localName).toBe('footer');
    // The later segment fills the placeholder inside the first, between its neighbours.
    const paragraphs = Array.from(article.querySelectorAll('p'), (p) => p.textContent!.split(' ').slice(0, 2).join(' '));
    expect(paragraphs).toEqual(['The night', 'Operators say', 'Its route', 'Critics point']);
    expect(doc.getElementById('S:0')).toBeNull();
    expect(doc.getElementById('S:1')).toBeNull();
  });

  it('leaves alone a segment with no place in the page, and hidden elements that are not streamed', () => {
    const doc = load();
    placeStreamedContent(doc);
    expect(doc.getElementById('S:7')!.hasAttribute('hidden')).toBe(true);
    expect(doc.getElementById('menu')!.hasAttribute('hidden')).toBe(true);
    expect(isStreamedSegment(doc.getElementById('menu')!)).toBe(false);
    expect(isStreamedSegment(doc.getElementById('S:7')!)).toBe(true);
  });

  it('does nothing on a page whose scripts already ran', () => {
    const doc = load();
    placeStreamedContent(doc);
    const after = doc.documentElement.outerHTML;
    expect(placeStreamedContent(doc)).toBe(0);
    expect(doc.documentElement.outerHTML).toBe(after);
  });
});
