import { describe, expect, it } from 'vitest';
import { mergeMetadata, pageMetadata, withoutSiteSuffix } from './metadata';

function doc(head: string, htmlAttrs = '', body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('pageMetadata from JSON-LD', () => {
  it('reads a NewsArticle: headline, author array, publisher, date, language, description', () => {
    const page = pageMetadata(doc(ld({
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: ' Le titre ', datePublished: '2015-03-18T18:32:00+01:00',
      inLanguage: 'fr-FR', description: 'Le chapô.', author: [{ '@type': 'Person', name: 'Aymeric Parthonnaud' }, 'Marie Dupont'],
      publisher: { '@type': 'Organization', name: 'RTL' },
    })));
    expect(page).toMatchObject({ title: 'Le titre', byline: 'Aymeric Parthonnaud, Marie Dupont', siteName: 'RTL',
      publishedTime: '2015-03-18T18:32:00+01:00', lang: 'fr-FR', excerpt: 'Le chapô.', types: ['NewsArticle'] });
  });

  it('finds the article in an @graph and resolves @id references for author and publisher', () => {
    const page = pageMetadata(doc(ld({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'Example Site' },
        { '@type': 'Organization', '@id': '#org', name: 'Example Media' },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Roe' },
        { '@type': ['ReportageNewsArticle'], headline: 'Floods', author: { '@id': '#jane' }, publisher: { '@id': '#org' },
          datePublished: '2024-01-02', inLanguage: { '@type': 'Language', name: 'English', alternateName: 'en' } },
      ],
    })));
    expect(page).toMatchObject({ title: 'Floods', byline: 'Jane Roe', siteName: 'Example Media',
      publishedTime: '2024-01-02', lang: 'en' });
    expect(page.types).toContain('ReportageNewsArticle');
  });

  it('takes the language from JSON-LD when <html> has none, and skips broken blocks', () => {
    const page = pageMetadata(doc('<script type="application/ld+json">{ broken</script>' +
      ld([{ '@type': 'BlogPosting', headline: 'Post', inLanguage: 'en-GB', author: { name: 'Ann' } }])));
    expect(page).toMatchObject({ title: 'Post', byline: 'Ann', lang: 'en-GB' });
  });

  it('reads an article given as a WebPage mainEntity', () => {
    const page = pageMetadata(doc(ld({ '@type': 'WebPage', mainEntity: { '@type': 'Article', headline: 'Inner', author: 'Bo' } })));
    expect(page).toMatchObject({ title: 'Inner', byline: 'Bo' });
  });
});

describe('pageMetadata from <meta> and <html>', () => {
  it('falls back to OpenGraph, article:published_time, meta author, <html lang dir>', () => {
    const page = pageMetadata(doc(`<title>T - Site</title><meta property="og:title" content="T">
      <meta property="og:site_name" content="Site"><meta property="article:published_time" content="2020-01-01T00:00:00Z">
      <meta name="author" content="Ann Lee"><meta property="og:description" content="Desc">`, 'lang="ar" dir="rtl"'));
    expect(page).toMatchObject({ title: 'T', byline: 'Ann Lee', siteName: 'Site', publishedTime: '2020-01-01T00:00:00Z',
      lang: 'ar', dir: 'rtl', excerpt: 'Desc', headlines: ['T'] });
  });

  it('never takes a URL for an author, and reads <time itemprop=datePublished>', () => {
    const page = pageMetadata(doc('<meta property="article:author" content="https://www.facebook.com/someone">', '',
      '<time itemprop="datePublished" datetime="2021-05-06">6 May</time>'));
    expect(page.byline).toBeNull();
    expect(page.publishedTime).toBe('2021-05-06');
  });

  it('takes application-name as the site name only when it is a bare name', () => {
    expect(pageMetadata(doc('<meta name="application-name" content="Le Monde">')).siteName).toBe('Le Monde');
    expect(pageMetadata(doc('<meta name="application-name" content="Yahoo News - Latest News &amp; Headlines">')).siteName).toBeNull();
  });

  it('turns og:locale into a language tag when nothing else gives one', () => {
    expect(pageMetadata(doc('<meta property="og:locale" content="ja_JP">')).lang).toBe('ja-JP');
  });
});

describe('mergeMetadata', () => {
  const page = pageMetadata(doc(`<meta property="og:title" content="Anonymous : 9.200 comptes">
    <meta property="og:site_name" content="RTL.fr"><meta name="author" content="Aymeric Parthonnaud">`, 'lang="fr"'));

  it('keeps what Readability found and fills its gaps from the page', () => {
    expect(mergeMetadata({ title: 'Anonymous : 9.200 comptes', byline: null, siteName: 'RTL', lang: 'fr', dir: null,
      publishedTime: '2015-03-18', excerpt: 'E' }, page)).toEqual({
      title: 'Anonymous : 9.200 comptes', byline: 'Aymeric Parthonnaud', siteName: 'RTL', lang: 'fr', dir: 'ltr',
      publishedTime: '2015-03-18', excerpt: 'E' });
  });

  it('drops a "By" prefix and URL bylines, infers dir from an RTL language', () => {
    const merged = mergeMetadata({ byline: 'By Jane Roe', lang: 'he-IL' }, page);
    expect(merged.byline).toBe('Jane Roe');
    expect(merged.dir).toBe('rtl');
    expect(mergeMetadata({ byline: 'https://twitter.com/x' }, page).byline).toBe('Aymeric Parthonnaud');
  });

  it('works without Readability (no article found)', () => {
    expect(mergeMetadata(null, page).title).toBe('Anonymous : 9.200 comptes');
  });
});

describe('withoutSiteSuffix', () => {
  it.each([
    ['Les Anonymous dévoilent - RTL.fr', ['Les Anonymous dévoilent'], null, 'Les Anonymous dévoilent'],
    ['Les Anonymous dévoilent - RTL.fr', [], 'RTL', 'Les Anonymous dévoilent'],
    ['Les Anonymous dévoilent | RTL', [], 'RTL.fr', 'Les Anonymous dévoilent'],
    ['Le Monde | Un titre - avec tiret', [], 'Le Monde', 'Un titre - avec tiret'],
    ['Un titre - avec tiret - Le Monde', ['Un titre - avec tiret'], 'Le Monde', 'Un titre - avec tiret'],
    ['Brexit: what happens next', ['Brexit: what happens next'], 'BBC News', 'Brexit: what happens next'],
    ['Brexit - what happens next', [], 'BBC News', 'Brexit - what happens next'],
  ])('%s → %s', (title, headlines, site, expected) => {
    expect(withoutSiteSuffix(title, headlines, site)).toBe(expected);
  });
});
