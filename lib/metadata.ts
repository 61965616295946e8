// Step 3's metadata: Readability's, completed from what the page states about itself (JSON-LD, OpenGraph and
// other <meta>, <html lang/dir>) where Readability misses it or gets it wrong (a site suffix on the title, a URL
// as the byline). Read from the untouched page, before Readability removes the scripts that hold JSON-LD.

import type { ArticleMetadata } from './types';
import { collapseSpaces, comparable } from './text';

/** What the page itself says, each field null when it does not say. */
export interface PageMetadata extends ArticleMetadata {
  /** og:title / JSON-LD headline: the title without the site's suffix. */
  headlines: string[];
  /** JSON-LD `@type`s of the page's main entities (e.g. `NewsArticle`), for `isArticle`. */
  types: string[];
  ogType: string | null;
  /** The page's own picture of the story: og:image, twitter:image, JSON-LD `image` (for the lead picture). */
  images: string[];
}

/** Readability's own metadata, as `parse()` gives it. */
export interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  dir?: string | null;
  publishedTime?: string | null;
  excerpt?: string | null;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|SocialMediaPosting|Report)$/;
const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);
const TITLE_SEPARATOR = /\s+[-|–—:·»•/\\]+\s+/g;

export function pageMetadata(doc: Document): PageMetadata {
  const meta = metaValues(doc);
  const ld = jsonLdArticle(doc);
  const html = doc.documentElement;
  const lang = attr(html, 'lang') ?? attr(html, 'xml:lang') ?? ld.lang ?? meta.get('content-language') ??
    meta.get('language') ?? meta.get('og:locale')?.replace('_', '-') ?? null;
  const dirAttr = (attr(html, 'dir') ?? attr(doc.body, 'dir'))?.toLowerCase();
  const headlines = [meta.get('og:title'), meta.get('twitter:title'), ld.headline].filter(isText);
  return {
    title: ld.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? (doc.title.trim() || null),
    byline: ld.author ?? notUrl(meta.get('author')) ?? notUrl(meta.get('article:author')) ??
      notUrl(meta.get('parsely-author')) ?? notUrl(meta.get('dc.creator')) ?? null,
    siteName: ld.publisher ?? meta.get('og:site_name') ?? bareName(meta.get('application-name')),
    lang,
    dir: dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : null,
    publishedTime: ld.datePublished ?? meta.get('article:published_time') ?? meta.get('og:published_time') ??
      meta.get('datepublished') ?? meta.get('parsely-pub-date') ?? meta.get('sailthru.date') ??
      meta.get('dc.date.issued') ?? meta.get('dcterms.created') ?? meta.get('dc.date') ?? meta.get('pubdate') ??
      meta.get('publishdate') ?? meta.get('publish-date') ?? meta.get('date') ?? timeDatePublished(doc),
    excerpt: ld.description ?? meta.get('og:description') ?? meta.get('description') ?? null,
    headlines,
    types: ld.types,
    ogType: meta.get('og:type') ?? null,
    images: [...new Set([meta.get('og:image'), meta.get('og:image:url'), meta.get('og:image:secure_url'),
      meta.get('twitter:image'), meta.get('twitter:image:src'), ...ld.images].filter(isText))],
  };
}

/** Readability's metadata, gaps filled from the page's, the title without a site suffix, `dir` always set. */
export function mergeMetadata(readability: ReadabilityMetadata | null, page: PageMetadata): ArticleMetadata {
  const siteName = clean(readability?.siteName) ?? page.siteName;
  const rawTitle = clean(readability?.title) ?? page.title;
  const lang = clean(readability?.lang) ?? page.lang;
  const dir = readability?.dir === 'rtl' || readability?.dir === 'ltr' ? readability.dir : page.dir;
  return {
    title: rawTitle === null ? null : withoutSiteSuffix(rawTitle, page.headlines, siteName),
    byline: withoutByPrefix(notUrl(clean(readability?.byline)) ?? page.byline),
    siteName,
    lang,
    dir: dir ?? (lang ? (RTL_LANGS.has(primarySubtag(lang)) ? 'rtl' : 'ltr') : null),
    publishedTime: clean(readability?.publishedTime) ?? page.publishedTime,
    excerpt: clean(readability?.excerpt) ?? page.excerpt,
  };
}

/**
 * "Headline - RTL.fr" → "Headline" when the page's own og:title or JSON-LD headline is "Headline", or the
 * removed part names the site. The same for a site prefix ("RTL.fr | Headline").
 */
export function withoutSiteSuffix(title: string, headlines: string[], siteName: string | null): string {
  const known = new Set(headlines.map(comparable));
  if (known.has(comparable(title))) return title;
  const site = siteName ? comparable(siteName) : null;
  const separators = [...title.matchAll(TITLE_SEPARATOR)];
  for (const sep of separators.reverse()) {
    const head = title.slice(0, sep.index).trim();
    const tail = title.slice(sep.index + sep[0].length).trim();
    if (known.has(comparable(head)) || (site && namesSite(tail, site))) return head;
  }
  for (const sep of separators.reverse()) {
    const head = title.slice(0, sep.index).trim();
    const tail = title.slice(sep.index + sep[0].length).trim();
    if (known.has(comparable(tail)) || (site && namesSite(head, site))) return tail;
  }
  return title;
}

export function primarySubtag(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0];
}

function namesSite(part: string, site: string): boolean {
  const p = comparable(part);
  const bare = (s: string) => s.replace(/^www\s/, '').replace(/\s(?:com|fr|org|net|co uk|de|es|it|be|ch|ca|jp|cn|il)$/, '');
  return p === site || bare(p) === bare(site);
}

interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  datePublished: string | null;
  lang: string | null;
  description: string | null;
  types: string[];
  images: string[];
}

type Json = Record<string, unknown>;

function jsonLdArticle(doc: Document): JsonLdArticle {
  const nodes: Json[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      collectNodes(JSON.parse(script.textContent ?? ''), nodes);
    } catch {
      // A broken JSON-LD block says nothing; the others may.
    }
  }
  const byId = new Map<string, Json>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown => {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };
  const types = nodes.flatMap(typesOf);
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  const website = nodes.find((node) => typesOf(node).includes('WebSite'));
  if (!article) {
    return { headline: null, author: null, publisher: nameOf(website), datePublished: null, lang: null,
      description: null, types, images: [] };
  }
  const authors = ([] as unknown[]).concat(article.author ?? article.creator ?? []).map(resolve);
  const authorNames = [...new Set(authors.map(nameOf).filter(isText))];
  const inLanguage = resolve(article.inLanguage);
  return {
    headline: text(article.headline) ?? text(article.name),
    author: authorNames.length ? authorNames.join(', ') : null,
    publisher: nameOf(resolve(article.publisher)) ?? nameOf(website),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    lang: text(inLanguage) ?? (isObject(inLanguage) ? text(inLanguage.alternateName) ?? text(inLanguage.name) : null),
    description: text(article.description),
    types,
    images: imageUrlsOf(resolve(article.image)),
  };
}

/** JSON-LD `image`: an address, an ImageObject (`url`, `contentUrl`), or a list of them. */
function imageUrlsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(imageUrlsOf);
  if (typeof value === 'string') return isText(value) ? [value.trim()] : [];
  if (isObject(value)) return [text(value.url), text(value.contentUrl)].filter(isText);
  return [];
}

/** Every object in a JSON-LD value: top-level arrays, `@graph`, and an article nested as `mainEntity`. */
function collectNodes(value: unknown, into: Json[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into);
  } else if (isObject(value)) {
    into.push(value);
    if (value['@graph']) collectNodes(value['@graph'], into);
    if (isObject(value.mainEntity)) collectNodes(value.mainEntity, into);
  }
}

function typesOf(node: Json): string[] {
  return ([] as unknown[]).concat(node['@type'] ?? []).filter(isText).map((t) => t.replace(/^.*[/#:]/, ''));
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return notUrl(clean(value));
  if (!isObject(value)) return null;
  return text(value.name) ?? text(value.alternateName);
}

function metaValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta[content]')) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    for (const key of [el.getAttribute('property'), el.getAttribute('name'), el.getAttribute('itemprop'),
      el.getAttribute('http-equiv')]) {
      for (const name of (key ?? '').toLowerCase().split(/\s+/)) {
        // The first statement of a key wins, as in Readability.
        if (name && !values.has(name)) values.set(name, content);
      }
    }
  }
  return values;
}

function timeDatePublished(doc: Document): string | null {
  // A plain loop: attribute selectors are slow in jsdom, and pages have few <time> elements.
  for (const time of Array.from(doc.getElementsByTagName('time'))) {
    const itemprop = time.getAttribute('itemprop');
    if ((itemprop && /(?:^|\s)datePublished(?:\s|$)/.test(itemprop)) || time.hasAttribute('pubdate')) {
      const datetime = clean(time.getAttribute('datetime'));
      if (datetime) return datetime;
    }
  }
  return null;
}

function withoutByPrefix(byline: string | null): string | null {
  if (!byline) return null;
  return byline.replace(/^(?:by|par|von|por|di|door|av)\s+/i, '').trim() || null;
}

/** A name given for another purpose (a web app's name) counts as the site's only when it is just a name. */
function bareName(value: string | undefined): string | null {
  return value && value.length <= 40 && !/\s[-|–—:·»•]\s/.test(value) ? value : null;
}

function notUrl(value: string | null | undefined): string | null {
  return value && !/^(?:https?:)?\/\//i.test(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : null;
}

function clean(value: string | null | undefined): string | null {
  return value ? collapseSpaces(value) || null : null;
}

function attr(el: Element | null, name: string): string | null {
  return clean(el?.getAttribute(name));
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
