import { describe, expect, it } from 'vitest';
import { articleKey, positionOf, rememberPosition } from './reading-position';

const page = (head: string) => new DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html');

describe('articleKey', () => {
  it('is the canonical address, resolved against the page, without fragment', () => {
    const doc = page('<link rel="canonical" href="/actu/article-1?x=1#top">');
    expect(articleKey(doc, 'https://news.example/actu/article-1?utm_source=feed#s2')).toBe('https://news.example/actu/article-1?x=1');
  });
  it('falls back to og:url, then to the page address without its fragment', () => {
    expect(articleKey(page('<meta property="og:url" content="https://news.example/a">'), 'https://m.news.example/a?amp=1'))
      .toBe('https://news.example/a');
    expect(articleKey(page(''), 'https://news.example/a?page=2#comments')).toBe('https://news.example/a?page=2');
  });
  it('ignores a canonical that points a deeper page at the home page, or is not a web address', () => {
    expect(articleKey(page('<link rel="canonical" href="https://news.example/">'), 'https://news.example/a/b'))
      .toBe('https://news.example/a/b');
    expect(articleKey(page('<link rel="canonical" href="javascript:alert(1)">'), 'https://news.example/a'))
      .toBe('https://news.example/a');
  });
});

describe('rememberPosition', () => {
  it('keeps the position of each article, and forgets it back at the top', () => {
    let positions = rememberPosition({}, 'a', 12, 1000);
    positions = rememberPosition(positions, 'b', 3, 2000);
    expect(positionOf(positions, 'a')).toBe(12);
    expect(positionOf(positions, 'b')).toBe(3);
    positions = rememberPosition(positions, 'a', 0, 3000);
    expect(positionOf(positions, 'a')).toBe(0);
    expect(Object.keys(positions)).toEqual(['b']);
  });
  it('is bounded: the least recently read go first', () => {
    const full = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`article-${i}`, [5, i]]));
    let positions = rememberPosition(full, 'article-500', 5, 500);
    expect(Object.keys(positions)).toHaveLength(500);
    expect(positionOf(positions, 'article-0')).toBe(0);
    expect(positionOf(positions, 'article-1')).toBe(5);
    // Reading an old one again makes it recent.
    positions = rememberPosition(positions, 'article-1', 7, 1000);
    positions = rememberPosition(positions, 'article-new', 2, 1001);
    expect(positionOf(positions, 'article-1')).toBe(7);
    expect(positionOf(positions, 'article-2')).toBe(0);
  });
  it('drops what is not a position (hand-edited storage)', () => {
    expect(rememberPosition({ a: 'x', b: [2.5, 1], c: [3, 1] }, 'd', 1, 2)).toEqual({ d: [1, 2], c: [3, 1] });
    expect(positionOf(null, 'a')).toBe(0);
  });
});
