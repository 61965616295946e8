// The seed page links a stylesheet: tell happy-dom a disabled load is fine instead of logging an error for it.
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  countHashtags,
  extractHashtags,
  extractHashtagsWithIndices,
  hashtagsInElement,
  isValidHashtag,
} from './hashtags';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedPage = path.resolve(repoRoot, '../shared/fixtures/rtl-anonymous-opisis/source.html');

describe('extractHashtags', () => {
  it('reads accented, CJK, Arabic and astral tags as written', () => {
    expect(extractHashtags('#Sécurité, #日本 et #مصر ; #𠀡')).toEqual(['Sécurité', '日本', 'مصر', '𠀡']);
  });

  it('keeps decomposed accents (NFD) inside the tag', () => {
    expect(extractHashtags('#Se\u0301curite\u0301!')).toEqual(['Se\u0301curite\u0301']);
  });

  it('leaves sentence punctuation out of the tag', () => {
    expect(extractHashtags('le #JeSuisTunisien, et le #JeSuisCharlie.')).toEqual(['JeSuisTunisien', 'JeSuisCharlie']);
  });

  it('drops tags inside URLs, with or without a scheme, but not tags after one', () => {
    expect(extractHashtags('voir rtl.fr/actu/#Tunis et https://example.com/page#Bardo')).toEqual([]);
    expect(extractHashtags('voir https://example.com/page #Bardo')).toEqual(['Bardo']);
  });

  it('does not take numbers, HTML entities or words glued before the sign', () => {
    expect(extractHashtags('le #16, &#39; et mot#tag')).toEqual([]);
  });
});

describe('extractHashtagsWithIndices', () => {
  it('counts offsets in code points, not UTF-16 units', () => {
    expect(extractHashtagsWithIndices('𠀡 #tag')).toEqual([{ hashtag: 'tag', indices: [2, 6] }]);
  });
});

describe('isValidHashtag', () => {
  it('accepts exactly one whole tag with either hash sign', () => {
    expect(isValidHashtag('＃ｈａｓｈ')).toBe(true);
    expect(isValidHashtag('#a b')).toBe(false);
    expect(isValidHashtag('hash')).toBe(false);
    expect(isValidHashtag('')).toBe(false);
  });
});

describe('countHashtags', () => {
  it('merges case variants under the first spelling, in order of first appearance', () => {
    expect(countHashtags(['Tunis', 'Bardo', 'tunis', 'TUNIS'])).toEqual([
      { tag: '#Tunis', count: 3 },
      { tag: '#Bardo', count: 1 },
    ]);
  });

  it('merges compatibility and canonical forms (NFKC)', () => {
    expect(countHashtags(['ｈａｓｈｔａｇ', 'Hashtag', 'Se\u0301curite\u0301', 'sécurité'])).toEqual([
      { tag: '#ｈａｓｈｔａｇ', count: 2 },
      { tag: '#Se\u0301curite\u0301', count: 2 },
    ]);
  });

  it('folds ß, ẞ and final sigma like full case folding', () => {
    expect(countHashtags(['Straße', 'STRASSE', 'STRAẞE', 'ΟΔΟΣ', 'οδοσ'])).toEqual([
      { tag: '#Straße', count: 3 },
      { tag: '#ΟΔΟΣ', count: 2 },
    ]);
  });

  it('keeps dotless ı apart from i (they are different letters)', () => {
    expect(countHashtags(['ın', 'in'])).toEqual([
      { tag: '#ın', count: 1 },
      { tag: '#in', count: 1 },
    ]);
  });

  it('ignores a leading hash sign', () => {
    expect(countHashtags(['#Tunis', 'Tunis', '＃tunis'])).toEqual([{ tag: '#Tunis', count: 3 }]);
  });
});

// The walker must give the same answer in every DOM: happy-dom (unit tests), jsdom (CLI) and browsers (E2E).
const parsers: Record<string, (html: string) => Document> = {
  'happy-dom': (html) => new DOMParser().parseFromString(html, 'text/html'),
  jsdom: (html) => new JSDOM(html).window.document,
};

describe.each(Object.entries(parsers))('hashtagsInElement (%s)', (_dom, parse) => {
  const tagsIn = (bodyHtml: string) => hashtagsInElement(parse(`<!DOCTYPE html><body>${bodyHtml}</body>`));

  it('skips code, preformatted text, styles, scripts, form fields and noscript', () => {
    expect(
      tagsIn(
        '<p>#real</p><pre>#pre</pre><p>x <code>#code</code></p><style>.a{color:#fff}</style>' +
          '<script>var a = "#js"</script><textarea>#field</textarea><noscript>#fallback</noscript>',
      ),
    ).toEqual([{ tag: '#real', count: 1 }]);
  });

  it('keeps blocks apart but reads inline elements as the running text they render as', () => {
    expect(tagsIn('<p>mot</p><p>#bloc</p><ul><li>un</li><li>#liste</li></ul><p>a<br>#ligne</p>')).toEqual([
      { tag: '#bloc', count: 1 },
      { tag: '#liste', count: 1 },
      { tag: '#ligne', count: 1 },
    ]);
    expect(tagsIn('<p>mot<span>#colle</span></p>')).toEqual([]);
  });

  it('takes tags from hashtag links of Twitter, X, Facebook, Instagram and Mastodon', () => {
    expect(
      tagsIn(
        '<p><a href="https://twitter.com/hashtag/OpISIS?src=hash">OpISIS</a> ' +
          '<a href="https://x.com/hashtag/Tunis">Tunis</a> ' +
          '<a href="https://www.facebook.com/hashtag/bardo">Bardo</a> ' +
          '<a href="https://www.instagram.com/explore/tags/tunisie/">photos</a> ' +
          '<a href="https://mastodon.social/tags/fediverse" rel="nofollow noopener tag">fediverse</a> ' +
          '<a href="https://twitter.com/search?q=%23Autolink">Autolink</a> ' +
          '<a href="https://twitter.com/hashtag/%E6%97%A5%E6%9C%AC">日本</a></p>',
      ),
    ).toEqual(
      ['#OpISIS', '#Tunis', '#bardo', '#tunisie', '#fediverse', '#Autolink', '#日本'].map((tag) => ({ tag, count: 1 })),
    );
  });

  it('ignores links that are not hashtag links', () => {
    expect(
      tagsIn(
        '<p><a href="https://twitter.com/intent/tweet?url=x">Tweeter</a> <a href="https://twitter.com/OpISIS">OpISIS</a> ' +
          '<a href="https://mastodon.social/tags/fediverse">fediverse</a> <a href="/tag/politique/" rel="tag">Politique</a> ' +
          '<a href="https://twitter.com/hashtag/2015">2015</a></p>',
      ),
    ).toEqual([]);
  });

  it('reads relative Mastodon tag links in a document without an address', () => {
    expect(tagsIn('<p><a href="/tags/Bardo" class="mention hashtag" rel="tag">#<span>Bardo</span></a></p>')).toEqual([
      { tag: '#Bardo', count: 1 },
    ]);
  });

  it('counts a link whose text shows its tag once, and other mentions of the tag besides', () => {
    expect(
      tagsIn('<p>Le hashtag <a href="https://twitter.com/hashtag/OpISIS?src=hash">#OpISIS</a>, encore #opisis</p>'),
    ).toEqual([{ tag: '#OpISIS', count: 2 }]);
  });

  it('counts a link whose text the rules reject (glued to a word) once, from its address', () => {
    expect(tagsIn('<p>voir<a href="https://twitter.com/hashtag/Glue">#Glue</a></p>')).toEqual([
      { tag: '#Glue', count: 1 },
    ]);
  });

  it('orders text and link tags by first appearance in the document', () => {
    expect(tagsIn('<p>#Un <a href="https://x.com/hashtag/Deux">Deux</a> #Trois</p><p>#deux #un</p>')).toEqual([
      { tag: '#Un', count: 2 },
      { tag: '#Deux', count: 2 },
      { tag: '#Trois', count: 1 },
    ]);
  });

  it('reads right-to-left, CJK and accented tags', () => {
    expect(tagsIn('<p dir="rtl">#مصر و #مصر</p><p>#日本、＃日本。#Sécurité</p>')).toEqual([
      { tag: '#مصر', count: 2 },
      { tag: '#日本', count: 2 },
      { tag: '#Sécurité', count: 1 },
    ]);
  });

  it('does not take tags from URLs in the text', () => {
    expect(tagsIn('<p>Voir https://example.com/#ancre et rtl.fr/#Tunis</p>')).toEqual([]);
  });

  it('reads the body of a document, not its head', () => {
    expect(hashtagsInElement(parse('<head><title>#Titre</title></head><p>#Corps</p>'))).toEqual([{ tag: '#Corps', count: 1 }]);
  });

  describe('the seed page (RTL: Anonymous #OpISIS)', () => {
    const expected = ['#OpISIS', '#Tunis', '#Tunisie', '#Bardo', '#JeSuisTunisien', '#JeSuisCharlie'].map((tag) => ({
      tag,
      count: 1,
    }));
    const page = parse(readFileSync(seedPage, 'utf8'));

    it('finds the article body tags in order', () => {
      expect(hashtagsInElement(page.querySelector('[itemprop="articleBody"]')!)).toEqual(expected);
    });

    it('finds the same on the whole page: the stylesheet colours (#fff) are not tags', () => {
      expect(hashtagsInElement(page)).toEqual(expected);
    });
  });
});
