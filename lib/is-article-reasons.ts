// Why a page was (not) taken for an article, in words: every feature that moved the score, with its share of it.
// For developers, the tests and `scripts/measure-is-article.ts`; the content script needs only the verdict, so the
// words live here, out of its bundle.

import {
  articleFeatures,
  collectArticleSignals,
  namedSignals,
  pageShare,
  scoreArticleSignals,
  type ArticleSignals,
  type ArticleVerdict,
  type IsArticleInput,
} from './is-article';
import { ARTICLE_MODEL } from './is-article.weights';

export interface IsArticleResult extends ArticleVerdict {
  /** The features that moved the score, largest first, e.g. `schema.org NewsArticle (+1.8)`, `url is a home page (-2.3)`. */
  reasons: string[];
}

type Named = ReturnType<typeof namedSignals>;

/** Each feature of `articleFeatures` by name, as a reader would say it of this page. */
export const FEATURE_LABELS: Record<string, (s: ArticleSignals, named: Named) => string> = {
  'schema.org article': (_, n) => `schema.org ${n.articleType}`,
  'schema.org non-article': (_, n) => `schema.org ${n.nonArticleType}`,
  'schema.org off-article': (_, n) => `schema.org ${n.offArticleType}`,
  'og:type article': () => 'og:type article',
  'og:type other': (s) => `og:type ${s.ogType}`,
  'article date': (_, n) => `publication date (${n.articleDate.join(', ')})`,
  'page date': () => 'date on a page entity',
  'date next to the headline': () => 'date next to the headline',
  'time element': () => '<time datetime>',
  'dates beyond two': (s) => `${s.datesShown} dates shown`,
  'no date': () => 'no date anywhere',
  'article byline': (_, n) => `byline (${n.articleByline.join(', ')})`,
  'byline class': () => 'byline or author class',
  readerable: () => 'readerable',
  'article text': (s) => `${s.articleLength} characters of article text`,
  'article paragraphs': (s) => `${s.articleParagraphs} article paragraphs`,
  'prose share': (s) => `prose ${pageShare(s, s.pageParagraphChars).toFixed(2)} of the page`,
  'article share': (s) => `article ${pageShare(s, s.articleLength).toFixed(2)} of the page`,
  'link density': (s) => `link density ${s.pageLinkDensity.toFixed(2)}`,
  'linked headings': (s) => `${s.linkedHeadings} linked headings`,
  headings: (s) => `${s.headings} headings`,
  'article elements': (s) => `${s.articleElements} <article> elements`,
  'repeated cards': (s) => `${s.repeatedCards} teaser cards`,
  'cart controls': () => 'add-to-cart controls',
  prices: (s) => `${s.priceMarks} prices`,
  'form fields': (s) => `${s.formFields} form fields`,
  'we and our': (s) => `"we", "our" ${(100 * s.firstPersonPlural).toFixed(1)} % of the words`,
  'url home': () => 'url is a home page',
  'url listing': () => 'url is a listing page',
  'url search': () => 'url is a search page',
  'url shop': () => 'url is a shop page',
  'url forum': () => 'url is a forum page',
  'url article': () => 'url looks like an article',
  'url depth': (s) => `url ${s.urlDepth} segments deep`,
  'url slug words': (s) => `${s.urlSlugWords} words in the url`,
  'url dated': () => 'date or story number in the url',
};

/** The verdict on `s`, with the contributions of 0.05 and more, largest first (a forum veto before them). */
export function explainArticleSignals(s: ArticleSignals): IsArticleResult {
  const named = namedSignals(s);
  const reasons = articleFeatures(s)
    .map(([name, value], index) => ({ name, weight: value * ARTICLE_MODEL.weights[index] }))
    .filter(({ weight }) => Math.abs(weight) >= 0.05)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .map(({ name, weight }) => `${FEATURE_LABELS[name](s, named)} (${weight > 0 ? '+' : ''}${weight.toFixed(1)})`);
  const verdict = scoreArticleSignals(s);
  return { ...verdict, reasons: verdict.forumVeto ? ['forum thread markup (veto)', ...reasons] : reasons };
}

export function isArticle(input: IsArticleInput): IsArticleResult {
  return explainArticleSignals(collectArticleSignals(input));
}
