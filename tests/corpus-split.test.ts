import { describe, expect, it } from 'vitest';
import { fnv1a, siteOf, splitSide } from '../scripts/corpus-split.ts';

describe('site-disjoint split of WCXB dev', () => {
  it('takes the registrable domain as the site', () => {
    expect(siteOf('https://www.example.com/a', '1')).toBe('example.com');
    expect(siteOf('https://blog.example.com/b', '2')).toBe('example.com');
    expect(siteOf('https://news.bbc.co.uk/x', '3')).toBe('bbc.co.uk');
    expect(siteOf('', '0551')).toBe('page:0551');
    expect(siteOf('not a url', '7')).toBe('page:7');
  });

  it('puts every page of a site on the same side', () => {
    const side = splitSide('https://www.example.com/a', '1');
    expect(splitSide('https://shop.example.com/other', '2')).toBe(side);
  });

  it('is the fixed FNV-1a hash (a changed hash would silently move pages between sides)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});
