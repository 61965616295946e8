// Is this page an article a reader would want cleaned? Auto-clean fires only on a yes, so a wrong yes (a shop,
// a forum, a listing, a home page turned into a "reader view") costs more than a miss. The answer is a small
// logistic model over named features, fitted on the WCXB tune sites by `npm run train` (scripts/train-is-article.ts).
// Why a page was (not) taken for an article, in words, is is-article-reasons.ts: the content script only needs
// the verdict and does not carry the words.
//
// Pure DOM reading: no layout (innerText, offsetHeight…), so jsdom, happy-dom and Chromium give the same answer.

import { isProbablyReaderable } from '@mozilla/readability';
import { ARTICLE_MODEL } from './is-article.weights';
import { collapsedLength, collapseWhitespace } from './rules/rule';
import { isStreamedSegment } from './streamed-content';
import { foundIn } from './substrings';

export interface IsArticleInput {
  /** The page before any clean-up (the original or a pristine clone); it is only read. */
  doc: Document;
  /** Readability's text of the article. */
  articleText: string;
  /** Readability's `length` (characters of the article text). */
  articleLength: number;
  /** The page's address; defaults to the document's URL. */
  url?: string;
}

export interface ArticleVerdict {
  isArticle: boolean;
  /** The model's log-odds less its threshold; `isArticle` is `score >= 0`, unless forum markup vetoes it. */
  score: number;
  /** Forum software or thread markup vetoed an article. */
  forumVeto: boolean;
}

/** What the page shows, measured once; `scoreArticleSignals` turns it into the verdict. */
export interface ArticleSignals {
  /** schema.org types from JSON-LD (top level, `@graph`, `mainEntity`) and top-level microdata. */
  schemaTypes: string[];
  ogType: string | null;
  /**
   * Where a publication date was found: `meta` (`article:published_time`…), `json-ld article` (`datePublished`
   * of an article entity), `json-ld page` (of another entity: CMSs stamp every page), `itemprop`.
   */
  dateSources: string[];
  /** A date written near the headline (within DATE_NEAR_TITLE_CHARS characters of text after the `<h1>`). */
  dateNearTitle: boolean;
  /**
   * Where a byline was found: `meta`, `json-ld article` (author of an article entity), `json-ld page`, `rel`
   * (`rel=author`), `itemprop`, `class` (a byline/author class or id).
   */
  bylineSources: string[];
  readerable: boolean;
  articleLength: number;
  /** Characters of visible-ish text in the body (scripts, styles and templates left out). */
  pageTextLength: number;
  /** Share of the body's text that sits inside links. */
  pageLinkDensity: number;
  /** A `<time datetime>` element (many articles show their date this way without metadata). */
  hasTimeElement: boolean;
  /**
   * Dates the page shows: the more of its `<time>` elements and its written dates (`March 3, 2024`…). An article
   * shows its own once or twice (published, updated); a thread, a listing or a comment section one per entry.
   */
  datesShown: number;
  /** Paragraphs of at least PARAGRAPH_MIN_CHARS characters, mostly not links, whose text Readability kept. */
  articleParagraphs: number;
  /** Characters in long, mostly-not-link paragraphs anywhere in the page: an article is mostly those. */
  pageParagraphChars: number;
  /** The largest run of look-alike siblings (same tag and class) that each hold a link and a heading or image. */
  repeatedCards: number;
  /** Headings (h2–h4) that are, or sit inside, links: teaser cards of listings and home pages. */
  linkedHeadings: number;
  /** `<article>` elements in the page: one for an article, many for a listing of cards. */
  articleElements: number;
  /** Price-looking strings (`$12.99`, `12,99 €`) plus price markup (`itemprop=price`, `product:price`). */
  priceMarks: number;
  /** "Add to cart" / "Buy now" controls, cart forms. */
  cartControls: number;
  /** Forum software or thread markup (generator, post/reply patterns, "Joined:", "Reply"/"Quote" buttons). */
  forumMarks: number;
  /** Text inputs, selects and text areas in the body: order, booking and contact forms of shops and services. */
  formFields: number;
  /** Headings h2–h4 in the body, linked or not. */
  headings: number;
  /** Share of the article text's words that are "we", "our", "us" (and their French, German… forms): a business speaking of itself. */
  firstPersonPlural: number;

  /** What the address looks like. */
  urlKind: UrlKind;
  /** Path segments of the address (`/news/2024/story` → 3). */
  urlDepth: number;
  /** Words in the address's last segment (`why-the-night-train-is-back` → 6): a headline slug. */
  urlSlugWords: number;
  /** A year (and month) in the path, or a long number in the last segment: a dated or numbered story. */
  urlDated: boolean;
}

export type UrlKind =
  | 'home'
  | 'listing'
  | 'search'
  | 'shop'
  | 'forum'
  | 'article'
  | 'other';

const PARAGRAPH_MIN_CHARS = 120;

// ---------------------------------------------------------------------------------------------------------
// Scoring

// Types whose main entity is an article a reader reads from top to bottom.
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'blogposting',
  'reportagenewsarticle',
  'opinionnewsarticle',
  'analysisnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'asknewsarticle',
  'askpublicnewsarticle',
  'satiricalarticle',
  'liveblogposting',
  'scholarlyarticle',
  'techarticle',
  'report',
  'advertisercontentarticle',
]);
// Types that say the page is something else: a shop, a thread, a list, a profile, an app.
const NON_ARTICLE_TYPES = new Set([
  'product',
  'productgroup',
  'qapage',
  'discussionforumposting',
  'collectionpage',
  'searchresultspage',
  'profilepage',
  'store',
  'onlinestore',
  'softwareapplication',
  'mobileapplication',
  'jobposting',
  'realestatelisting',
]);
// Types that lean away from an article but often sit beside one (an FAQ block, a course box, a list of links).
const OFF_ARTICLE_TYPES = new Set([
  'itemlist',
  'event',
  'course',
  'offer',
  'aggregateoffer',
  'blog',
  'service',
  'faqpage',
  'question',
  'localbusiness',
]);

// Where a date or byline is stated for the article itself (a `json-ld page` date is stamped on every page).
const ARTICLE_DATE_SOURCES = new Set(['meta', 'json-ld article', 'itemprop']);
const ARTICLE_BYLINE_SOURCES = new Set(['meta', 'json-ld article', 'rel', 'itemprop']);

/** One input of the model: its name (in the weights file and the feature table) and value. */
export type ArticleFeature = [name: string, value: number];

/** What the schema.org types, dates and bylines say, as the features read them (and the reasons name them). */
export function namedSignals(s: ArticleSignals) {
  const typeIn = (set: Set<string>) => s.schemaTypes.find((type) => set.has(type.toLowerCase()));
  return {
    articleType: typeIn(ARTICLE_TYPES),
    nonArticleType: typeIn(NON_ARTICLE_TYPES),
    offArticleType: typeIn(OFF_ARTICLE_TYPES),
    articleDate: s.dateSources.filter((source) => ARTICLE_DATE_SOURCES.has(source)),
    articleByline: s.bylineSources.filter((source) => ARTICLE_BYLINE_SOURCES.has(source)),
  };
}

/** The page's share of text that `part` characters make. */
export const pageShare = (s: ArticleSignals, part: number) => (s.pageTextLength > 0 ? Math.min(1, part / s.pageTextLength) : 0);

/**
 * The signals as the model reads them: 0 when a signal is absent, counts on a log scale. Each has a readable name;
 * the weights (lib/is-article.weights.ts) are fitted to these by `npm run train`.
 */
export function articleFeatures(s: ArticleSignals): ArticleFeature[] {
  const named = namedSignals(s);
  const log = (count: number) => Math.log1p(count);
  const url = (kind: UrlKind): ArticleFeature => [`url ${kind}`, s.urlKind === kind ? 1 : 0];
  return [
    ['schema.org article', named.articleType ? 1 : 0],
    ['schema.org non-article', named.nonArticleType ? 1 : 0],
    ['schema.org off-article', named.offArticleType ? 1 : 0],
    ['og:type article', s.ogType === 'article' ? 1 : 0],
    ['og:type other', s.ogType && s.ogType !== 'article' ? 1 : 0],
    ['article date', named.articleDate.length > 0 ? 1 : 0],
    ['page date', s.dateSources.includes('json-ld page') ? 1 : 0],
    ['date next to the headline', s.dateNearTitle ? 1 : 0],
    ['time element', s.hasTimeElement ? 1 : 0],
    ['dates beyond two', log(Math.max(0, s.datesShown - 2))],
    ['no date', s.dateSources.length === 0 && !s.dateNearTitle && !s.hasTimeElement ? 1 : 0],
    ['article byline', named.articleByline.length > 0 ? 1 : 0],
    ['byline class', s.bylineSources.includes('class') ? 1 : 0],
    ['readerable', s.readerable ? 1 : 0],
    ['article text', log(s.articleLength / 1000)],
    ['article paragraphs', log(s.articleParagraphs)],
    ['prose share', pageShare(s, s.pageParagraphChars)],
    ['article share', pageShare(s, s.articleLength)],
    ['link density', s.pageLinkDensity],
    ['linked headings', log(s.linkedHeadings)],
    ['headings', log(s.headings)],
    ['article elements', log(s.articleElements)],
    ['repeated cards', log(s.repeatedCards)],
    ['cart controls', log(s.cartControls)],
    ['prices', log(s.priceMarks)],
    ['form fields', log(s.formFields)],
    ['we and our', Math.min(5, 100 * s.firstPersonPlural)],
    url('home'),
    url('listing'),
    url('search'),
    url('shop'),
    url('forum'),
    url('article'),
    ['url depth', log(s.urlDepth)],
    ['url slug words', log(s.urlSlugWords)],
    ['url dated', s.urlDated ? 1 : 0],
  ];
}

const FORUM_VETO_MARKS = 3;

/**
 * A logistic model: the score is the bias plus each feature's value times its weight, an article from 0 up
 * (the bias holds the threshold).
 */
export function scoreArticleSignals(s: ArticleSignals): ArticleVerdict {
  let score = ARTICLE_MODEL.bias;
  articleFeatures(s).forEach(([, value], index) => (score += value * ARTICLE_MODEL.weights[index]));
  // A precise rule beside the model: forum software or thread markup. No tune article has FORUM_VETO_MARKS, a
  // third of the tune forums do; the model, which sees those forums by their address too, weighs it little.
  const forumVeto = s.forumMarks >= FORUM_VETO_MARKS;
  return { isArticle: score >= 0 && !forumVeto, score, forumVeto };
}

// ---------------------------------------------------------------------------------------------------------
// Signals

export function collectArticleSignals(input: IsArticleInput): ArticleSignals {
  return withArticle(collectPageSignals(input.doc, input.url), input.articleText, input.articleLength);
}

/** The signals of the page itself, and the probes of its paragraphs: all that is read from the page. */
export interface PageSignals {
  signals: Omit<ArticleSignals, 'articleLength' | 'articleParagraphs' | 'firstPersonPlural'>;
  /** The start of each long, mostly-not-link paragraph, to be looked for in the article's text. */
  paragraphProbes: string[];
}

/**
 * Reads the page before any clean-up (the pipeline reads its working copy, defused of clobbering, before the first
 * step changes it); `withArticle` adds what Readability found.
 */
export function collectPageSignals(doc: Document, url?: string): PageSignals {
  const body = doc.body ?? doc.documentElement;
  // One walk over the page gives the markup signals and the body's text.
  const markup = scanMarkup(doc, body);
  const pageText = markup.text;
  const metas = readMetas(doc);
  const jsonLd = readJsonLd(doc);
  const paragraphs = pageParagraphs(body);
  const signals = {
    schemaTypes: [...new Set([...jsonLd.types, ...markup.microdataTypes])],
    ogType: metas.get('og:type')?.toLowerCase().trim() ?? null,
    dateSources: [
      ...jsonLd.dateSources,
      ...(DATE_META_NAMES.some((name) => metas.get(name)) ? ['meta'] : []),
      ...(markup.datePublishedItemprop ? ['itemprop'] : []),
    ],
    dateNearTitle: hasDateNearTitle(body, pageText.text),
    bylineSources: [
      ...jsonLd.bylineSources,
      ...(metas.get('author') || metas.get('article:author') ? ['meta'] : []),
      ...markup.bylineSources,
    ],
    readerable: isProbablyReaderable(doc),
    pageTextLength: pageText.total,
    pageLinkDensity: pageText.total > 0 ? pageText.inLinks / pageText.total : 0,
    hasTimeElement: markup.hasTimeElement,
    datesShown: Math.max(markup.timeElements, pageText.text.match(DATES_TEXT)?.length ?? 0),
    pageParagraphChars: paragraphs.chars,
    repeatedCards: markup.repeatedCards,
    linkedHeadings: markup.linkedHeadings,
    articleElements: body.getElementsByTagName('article').length,
    priceMarks:
      markup.priceMarkup +
      (metas.get('product:price:amount') ? 1 : 0) +
      (metas.get('og:price:amount') ? 1 : 0) +
      (pageText.text.match(PRICE)?.length ?? 0),
    cartControls: markup.cartControls,
    forumMarks: countForumMarks(doc, metas, pageText.text),
    formFields: markup.formFields,
    headings: markup.headings,
    ...readUrl(url ?? doc.URL),
  };
  return { signals, paragraphProbes: paragraphs.probes };
}

/** The page's signals with the article's: its length, its share of the page's paragraphs, its voice. */
export function withArticle(page: PageSignals, articleText: string, articleLength: number): ArticleSignals {
  // All probes in one pass over the article's text (an `includes` each is quadratic on a page of paragraphs).
  const kept = foundIn(collapseWhitespace(articleText), page.paragraphProbes);
  return {
    ...page.signals,
    articleLength,
    articleParagraphs: page.paragraphProbes.filter((probe) => kept.has(probe)).length,
    firstPersonPlural: firstPersonPluralShare(articleText),
  };
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

/** Text (whitespace collapsed) and how much of it is link text, without layout APIs. */
interface TextMeasure {
  text: string;
  total: number;
  inLinks: number;
}

/** `hidden`, but not React's streamed content, which the page's scripts show (see streamed-content.ts). */
function isHidden(element: Element): boolean {
  return element.hasAttribute('hidden') && !isStreamedSegment(element);
}

/**
 * The raw text of an element's text nodes (not inside SKIPPED_TAGS or `hidden` elements), and their collapsed
 * lengths, all and inside links. Counted per node without building strings; joined once and collapsed in one pass,
 * the raw text gives the same string as collapsing each node and joining them with spaces (a space between nodes
 * never joins two words). scanMarkup reads the page's body the same way, in its own walk.
 */
function countText(root: Element): { raw: string[]; total: number; inLinks: number } {
  const raw: string[] = [];
  let total = 0;
  let inLinks = 0;
  const walk = (node: Node, inLink: boolean) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 3) {
        const value = child.nodeValue ?? '';
        const length = collapsedLength(value);
        if (!length) continue;
        raw.push(value);
        total += length;
        if (inLink) inLinks += length;
      } else if (type === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIPPED_TAGS.has(tag) || isHidden(child as Element)) continue;
        walk(child, inLink || tag === 'A');
      }
    }
  };
  walk(root, false);
  return { raw, total, inLinks };
}

/** `<meta>` contents by lower-cased `property`, `name` or `itemprop`; the first one of each name wins. */
function readMetas(doc: Document): Map<string, string> {
  const metas = new Map<string, string>();
  for (const meta of doc.getElementsByTagName('meta')) {
    const key = meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    const content = meta.getAttribute('content');
    if (key && content !== null && !metas.has(key.toLowerCase())) metas.set(key.toLowerCase(), content);
  }
  return metas;
}

interface JsonLdFacts {
  types: string[];
  dateSources: string[];
  bylineSources: string[];
}

/** schema.org types of the page's own entities: top level, `@graph` members and `mainEntity`. */
function readJsonLd(doc: Document): JsonLdFacts {
  const facts: JsonLdFacts = { types: [], dateSources: [], bylineSources: [] };
  const visit = (value: unknown, depth: number) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth);
      return;
    }
    if (!value || typeof value !== 'object' || depth > 3) return;
    const entity = value as Record<string, unknown>;
    const types = [entity['@type']]
      .flat()
      .filter((type): type is string => typeof type === 'string')
      .map((type) => type.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
    facts.types.push(...types);
    const kind = types.some((type) => ARTICLE_TYPES.has(type.toLowerCase())) ? 'json-ld article' : 'json-ld page';
    if (typeof entity.datePublished === 'string' && entity.datePublished) facts.dateSources.push(kind);
    if (entity.author) facts.bylineSources.push(kind);
    visit(entity['@graph'], depth + 1);
    visit(entity.mainEntity, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const source = (script.textContent ?? '').replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '');
    try {
      visit(JSON.parse(source), 0);
    } catch {
      // Broken JSON-LD is common; the page's other signals still count.
    }
  }
  return facts;
}

const DATE_META_NAMES = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'publish-date',
  'pubdate',
];

// Month names and abbreviations: English, French, German, Spanish, Italian, Portuguese, Dutch.
const MONTHS = [
  'january|february|march|april|may|june|july|august|september|october|november|december',
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec',
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|févr|janv|avr|juil|déc',
  'januar|februar|märz|juni|juli|oktober|dezember',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre',
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro',
  'januari|februari|maart|mei|augustus',
].join('|');
/** `March 3, 2024`, `3 mars 2024`, `3. März 2024`, `3 de marzo de 2024`, `2024-03-03`, `03/03/2024`, `2024年3月3日`. */
const DATE_TEXT = new RegExp(
  [
    `\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2}\\b`,
    `\\b\\d{1,2}(?:er|º)?\\.? (?:de )?(?:${MONTHS})\\.?,? (?:de )?(?:19|20)\\d{2}\\b`,
    `\\b(?:19|20)\\d{2}-\\d{2}-\\d{2}\\b`,
    `\\b\\d{1,2}[/.]\\d{1,2}[/.](?:19|20)\\d{2}\\b`,
    `(?:19|20)\\d{2} ?[年년] ?\\d{1,2} ?[月월] ?\\d{1,2} ?[日일]`,
  ].join('|'),
  'iu',
);
/** Every date written in a text: one pass of DATE_TEXT. */
const DATES_TEXT = new RegExp(DATE_TEXT.source, 'giu');
const DATE_NEAR_TITLE_CHARS = 400;

/** A date in the text just around the headline: where bylines and datelines sit. */
function hasDateNearTitle(root: Element, pageText: string): boolean {
  const title = collapseWhitespace(root.querySelector('h1')?.textContent ?? '');
  const at = title ? pageText.indexOf(title) : -1;
  if (at < 0) return false;
  const around = pageText.slice(Math.max(0, at - DATE_NEAR_TITLE_CHARS / 2), at + title.length + DATE_NEAR_TITLE_CHARS);
  return DATE_TEXT.test(around);
}

/** Paragraphs of real prose in the page, and those of them Readability kept: an article's body, not teasers. */
function pageParagraphs(root: Element): { chars: number; probes: string[] } {
  let chars = 0;
  const probes: string[] = [];
  // A static list: walking jsdom's live getElementsByTagName() collection while reading text costs O(n) per
  // step (10 s for 10 000 paragraphs, 6 min for 40 000), querySelectorAll() stays linear.
  for (const p of root.querySelectorAll('p')) {
    const { raw, total, inLinks } = countText(p);
    if (total < PARAGRAPH_MIN_CHARS || inLinks / total > 0.3) continue;
    chars += total;
    // Readability may join or re-space text; a 60-character probe is enough to find the paragraph.
    probes.push(collapseWhitespace(raw.join(' ')).slice(0, 60));
  }
  return { chars, probes };
}

// English, French, German, Spanish, Italian, Portuguese, Dutch.
const FIRST_PERSON_PLURAL = new Set(
  'we our ours us nous notre nos wir uns unser unsere unseren nosotros nuestro nuestra nuestros nuestras noi nostro nostra nostri nostre nós nosso nossa nossos nossas wij ons onze'.split(' '),
);

function firstPersonPluralShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length ? words.filter((word) => FIRST_PERSON_PLURAL.has(word)).length / words.length : 0;
}

const PRICE = /(?:[$€£¥₹]\s?\d{1,6}(?:[.,]\d{2})?\b|\b\d{1,6}(?:[.,]\d{2})?\s?(?:€|\$|£|USD|EUR|GBP|CHF)(?![\w]))/g;

const CART_TEXT =
  /^(?:add to (?:cart|bag|basket|trolley)|buy(?: it)? now|ajouter au panier|acheter maintenant|in den warenkorb|jetzt kaufen|añadir al carrito|aggiungi al carrello|adicionar ao carrinho|in winkelwagen)\b/i;

interface MarkupFacts {
  /** The text of `textRoot` (the body), as countText reads it. */
  text: TextMeasure;
  /** Types of top-level microdata items (`itemscope` without `itemprop`): the page's own entities. */
  microdataTypes: string[];
  datePublishedItemprop: boolean;
  /** `rel`, `itemprop`, `class` (see ArticleSignals.bylineSources). */
  bylineSources: string[];
  hasTimeElement: boolean;
  /** `<time>` elements in the body. */
  timeElements: number;
  cartControls: number;
  /** `itemprop=price` / `lowPrice` elements. */
  priceMarkup: number;
  linkedHeadings: number;
  repeatedCards: number;
  formFields: number;
  headings: number;
}

// Subtree flags for teaser cards: holds a link; holds a heading or an image.
const HAS_LINK = 1;
const HAS_HEADING_OR_IMAGE = 2;

/**
 * One walk over the elements for all markup signals, which also reads the text of `textRoot` (as countText
 * does). Attribute-substring selectors (`[class*=byline i]`) cost hundreds of milliseconds each on a large page
 * in jsdom; reading attributes while walking costs little.
 */
function scanMarkup(doc: Document, textRoot: Element): MarkupFacts {
  const raw: string[] = [];
  let textTotal = 0;
  let textInLinks = 0;
  const facts: MarkupFacts = {
    text: { text: '', total: 0, inLinks: 0 },
    microdataTypes: [],
    datePublishedItemprop: false,
    bylineSources: [],
    hasTimeElement: false,
    timeElements: 0,
    cartControls: 0,
    priceMarkup: 0,
    linkedHeadings: 0,
    repeatedCards: 0,
    formFields: 0,
    headings: 0,
  };
  const byline = new Set<string>();
  const body = doc.body;

  /**
   * Returns the flags of the element's descendants, and its own flags shifted by OWN_SHIFT (for its parent's card
   * check). `parentText`: the parent's text nodes are read (inside textRoot, not in a skipped element);
   * `inTextLink`: inside an `<a>`, with or without href, for the text's link share. Most elements have no
   * attribute, and then none is looked up; nothing is allocated for most of the others.
   */
  const visit = (element: Element, inBody: boolean, inLink: boolean, parentText: boolean, inTextLink: boolean): number => {
    const tag = element.tagName.toLowerCase();
    const attrs = element.hasAttributes();
    const itemprop = attrs ? element.getAttribute('itemprop') : null;
    const lowerClass = attrs ? (element.getAttribute('class') ?? '').toLowerCase() : '';
    const id = attrs ? (element.getAttribute('id') ?? '').toLowerCase() : '';
    const isLink = attrs && tag === 'a' && element.hasAttribute('href');
    inBody ||= element === body;
    let text = element === textRoot;
    if (!text && parentText) {
      const upper = element.tagName.toUpperCase();
      text = !SKIPPED_TAGS.has(upper) && !(attrs && isHidden(element));
      inTextLink ||= upper === 'A';
    }

    if (attrs) {
      if (itemprop === null && element.hasAttribute('itemscope') && element.hasAttribute('itemtype')) {
        for (const url of (element.getAttribute('itemtype') ?? '').split(/\s+/)) {
          const match = /schema\.org\/(\w+)/i.exec(url);
          if (match) facts.microdataTypes.push(match[1]);
        }
      }
      if (itemprop === 'datePublished' || (tag === 'time' && element.hasAttribute('pubdate'))) facts.datePublishedItemprop = true;
      if (itemprop === 'price' || itemprop === 'lowPrice') facts.priceMarkup++;
      // The order sources are first seen in is the order `reasons` lists them: rel, itemprop, class.
      const rel = element.getAttribute('rel');
      if (rel !== null && rel.toLowerCase().split(/\s+/).includes('author')) byline.add('rel');
      if (itemprop !== null && itemprop.split(/\s+/).includes('author')) byline.add('itemprop');
      if (lowerClass.includes('byline') || id.includes('byline') || lowerClass.includes('author')) byline.add('class');
    }

    if (inBody) {
      if (tag === 'time') {
        facts.timeElements++;
        if (attrs && element.hasAttribute('datetime')) facts.hasTimeElement = true;
      }
      if (tag === 'button' || tag === 'input' || tag === 'a') {
        const type = attrs ? (element.getAttribute('type') ?? '').toLowerCase() : '';
        if (tag === 'button' || (tag === 'input' && (type === 'submit' || type === 'button')) || (tag === 'a' && attrs && element.getAttribute('role') === 'button')) {
          if (CART_TEXT.test(collapseWhitespace(element.textContent || (attrs && element.getAttribute('value')) || ''))) facts.cartControls++;
        }
      }
      if (
        attrs &&
        ((tag === 'form' && (element.getAttribute('action') ?? '').toLowerCase().includes('cart')) ||
          element.getAttribute('name') === 'add-to-cart' ||
          lowerClass.includes('add-to-cart') ||
          lowerClass.includes('addtocart') ||
          id.includes('add-to-cart'))
      )
        facts.cartControls++;
    }

    let below = 0;
    let cardGroups: Map<string, number> | null = null;
    const countCards = inBody && element.childElementCount >= 3;
    // A sibling walk, not `for (… of element.children)`: jsdom's live collection costs O(n) per step, which
    // took the CLI minutes on a page with thousands of comments under one parent. Text nodes only where read.
    for (let child = text ? element.firstChild : element.firstElementChild; child; child = text ? child.nextSibling : (child as Element).nextElementSibling) {
      if (child.nodeType !== 1) {
        if (child.nodeType !== 3) continue;
        const value = child.nodeValue ?? '';
        const length = collapsedLength(value);
        if (!length) continue;
        raw.push(value);
        textTotal += length;
        if (inTextLink) textInLinks += length;
        continue;
      }
      const flags = visit(child as Element, inBody, inLink || isLink, text, inTextLink);
      const childBelow = flags & SUBTREE_FLAGS;
      below |= childBelow | (flags >> OWN_SHIFT);
      if (countCards && (childBelow & HAS_LINK || (child as Element).tagName === 'A') && childBelow & HAS_HEADING_OR_IMAGE) {
        const key = `${(child as Element).tagName} ${(child as Element).getAttribute('class') ?? ''}`;
        cardGroups ??= new Map();
        cardGroups.set(key, (cardGroups.get(key) ?? 0) + 1);
      }
    }
    if (cardGroups) for (const size of cardGroups.values()) facts.repeatedCards = Math.max(facts.repeatedCards, size);
    if (inBody && (tag === 'h2' || tag === 'h3' || tag === 'h4')) {
      facts.headings++;
      if (below & HAS_LINK || inLink) facts.linkedHeadings++;
    }
    if (inBody && (tag === 'select' || tag === 'textarea' || (tag === 'input' && TEXT_INPUTS.has((attrs && element.getAttribute('type')?.toLowerCase()) || 'text')))) facts.formFields++;
    const own = (isLink ? HAS_LINK : 0) | (HEADING_OR_IMAGE_TAGS.has(tag) ? HAS_HEADING_OR_IMAGE : 0);
    return below | (own << OWN_SHIFT);
  };
  visit(doc.documentElement, false, false, false, false);
  facts.bylineSources = [...byline];
  facts.text = { text: collapseWhitespace(raw.join(' ')), total: textTotal, inLinks: textInLinks };
  return facts;
}

const TEXT_INPUTS = new Set(['text', 'email', 'tel', 'number', 'date']);
const SUBTREE_FLAGS = HAS_LINK | HAS_HEADING_OR_IMAGE;
const OWN_SHIFT = 2;
const HEADING_OR_IMAGE_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'img', 'picture']);

const FORUM_GENERATOR = /vbulletin|phpbb|xenforo|discourse|invision|flarum|mybb|simple machines|smf|vanilla|nodebb/i;
const FORUM_TEXT = /\b(?:Joined:?|Member since|Registered:|Posts:|Reply with quote|Quote\b|Reply\b|#\d+\b)/g;

function countForumMarks(doc: Document, metas: Map<string, string>, pageText: string): number {
  let marks = 0;
  if (FORUM_GENERATOR.test(metas.get('generator') ?? '')) marks += 3;
  const htmlClass = `${doc.documentElement.className} ${doc.body?.className ?? ''} ${doc.body?.id ?? ''}`;
  if (FORUM_GENERATOR.test(htmlClass) || /\b(?:forum|thread|topic)\b/i.test(htmlClass)) marks += 2;
  const phrases = pageText.match(FORUM_TEXT)?.length ?? 0;
  if (phrases >= 6) marks += 2;
  return marks;
}

// A listing when the address ends with one of these (`/news/`, `/blog`)…
const LISTING_ENDS = /^(?:blog|news|articles?|posts|all|latest|index|archives?|tags|categories|topics|authors)$/i;
// …or with one of these and a name or page number after it (`/tag/politics/`, `/category/world/page/3`).
const LISTING_PARENTS = /^(?:tags?|category|categories|topics?|sections?|archives?|authors?|labels?|rubriques?|themes?|page)$/i;
// Not `/p/`: Substack's posts live there.
const SHOP_SEGMENTS = /^(?:products?|dp|gp|item|items|shop|store|collections?|catalog|catalogue|buy|cart|produit|produits|boutique)$/i;
const FORUM_SEGMENTS = /^(?:forums?|threads?|t|viewtopic\.php|showthread\.php|questions|discussions?|comments)$/i;
const SEARCH_SEGMENTS = /^(?:search|recherche|suche|buscar)$/i;

/** The address's path segments (decoded) and last segment without its extension; null if it is not http(s). */
function urlParts(address: string | undefined | null) {
  let url: URL;
  try {
    url = new URL(address ?? '');
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  return { url, segments, last: segments.at(-1)?.replace(/\.(?:s?html?|php|aspx?)$/i, '') ?? '' };
}

const DATE_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\//;

/** What the address says: its kind (classifyUrl) and shape. */
export function readUrl(address: string | undefined | null): Pick<ArticleSignals, 'urlKind' | 'urlDepth' | 'urlSlugWords' | 'urlDated'> {
  const parts = urlParts(address);
  return {
    urlKind: classifyUrl(address),
    urlDepth: parts?.segments.length ?? 0,
    urlSlugWords: parts?.last.split(/[-_+.\s]+/).filter((word) => /\p{L}{2}/u.test(word)).length ?? 0,
    urlDated: !!parts && (DATE_PATH.test(parts.url.pathname) || /\d{5,}/.test(parts.last)),
  };
}

/** A crude reading of the address: the home page, a section/tag/search page, a shop or forum page, an article. */
export function classifyUrl(address: string | undefined | null): UrlKind {
  const parts = urlParts(address);
  if (!parts) return 'other';
  const { url, segments, last } = parts;
  const params = url.searchParams;
  if (['s', 'q', 'query', 'search'].some((name) => params.has(name))) return 'search';
  const isSlug = /[\p{L}\p{N}]+(?:[-_+][\p{L}\p{N}]+){3,}/u.test(last);
  // A slug, a long id, a date path, or a view script with an id (`news_view.html?idx=8576`, `read.php?id=12`).
  const looksLikeArticle =
    isSlug ||
    /\d{5,}/.test(last) ||
    DATE_PATH.test(url.pathname) ||
    (/(?:view|read|detail|story)/i.test(last) && [...params.values()].some((value) => /^\d+$/.test(value)));
  const isLanguage = /^[a-z]{2}(?:[-_][a-z]{2})?$/i.test(last);
  if (segments.length === 0 || (segments.length === 1 && (isLanguage || /^(?:index|default|home|accueil)$/i.test(last))))
    return params.has('p') ? 'other' : 'home';
  if (segments.some((s) => SEARCH_SEGMENTS.test(s))) return 'search';
  if (segments.some((s) => FORUM_SEGMENTS.test(s))) return 'forum';
  if (segments.some((s) => SHOP_SEGMENTS.test(s))) return 'shop';
  if (looksLikeArticle) return 'article';
  const parent = segments.at(-2) ?? '';
  if (params.has('page') || LISTING_ENDS.test(last) || (LISTING_PARENTS.test(parent) && !/[-_]/.test(last)))
    return 'listing';
  return 'other';
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
