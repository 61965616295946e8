// The reader view fails closed where the sanitizer does not work: happy-dom 21's DOMPurify says it is supported
// yet lets <script> through, so here buildReaderView must refuse and show nothing (the content script turns the
// error into the popup's "cannot show the article safely" message). Sanitizing itself is tested under jsdom
// (lib/sanitize.test.ts) and in Chromium (tests/e2e/xss.test.ts).
import { describe, expect, it } from 'vitest';
import { SANITIZER_BROKEN } from '../lib/sanitize';
import type { CleanResult } from '../lib/types';
import { buildReaderView } from './reader-view';

const ARTICLE = {
  title: 'Titre', byline: null, siteName: null, lang: 'fr', dir: 'ltr', publishedTime: null, excerpt: null,
  url: 'https://news.example/a', html: '<p>Texte</p><img src=x onerror="window.ran = true"><script>window.ran = true</script>',
  text: 'Texte', markdown: 'Texte', wordCount: 1, readingMinutes: 1, isArticle: true, hashtags: [], removed: [],
} satisfies CleanResult;

describe('buildReaderView with a sanitizer that fails its self-check', () => {
  it('throws the sanitizer error and puts nothing in the page', () => {
    const before = document.documentElement.outerHTML;
    expect(() =>
      buildReaderView(document, ARTICLE, {
        theme: 'system', font: 'serif', fontSize: 18, lineHeight: 1.6, letterSpacing: 0, wordSpacing: 0, width: 70,
        align: 'start',
      }, {
        restore: () => {},
        savePrefs: () => {},
        savedBlock: 0,
        savePosition: () => {},
        readAloudPrefs: { rate: 1, follow: true, voices: {} },
        saveReadAloudPrefs: () => {},
      }),
    ).toThrow(SANITIZER_BROKEN);
    expect(document.documentElement.outerHTML).toBe(before);
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
  });
});
