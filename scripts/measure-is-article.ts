// How often `isArticle` says yes, per page type, on WCXB dev and ScrapingHub, next to Readability's
// `isProbablyReaderable`. Auto-clean fires on a yes, so non-articles flagged must stay rare (target ≤ 10 %).
//
//   npx tsx scripts/measure-is-article.ts [--cache FILE] [--shard I/N] [--list TYPE|!TYPE]
//
// `--cache FILE` keeps each page's signals (the slow part: jsdom + Readability) as JSON lines, appended page by
// page, so that an interrupted run resumes and re-weighting the score re-runs in a second; `--shard I/N` fills
// the cache with every N-th page only (run N at once on N cores, same FILE); `--list TYPE` prints the pages of
// that type that were flagged (`!TYPE`: not flagged), with their reasons.

import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { decodeHtml } from '../lib/decode.ts';
import { type ArticleSignals, classifyUrl, collectArticleSignals, scoreArticleSignals } from '../lib/is-article.ts';
import { explainArticleSignals } from '../lib/is-article-reasons.ts';

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
const NON_ARTICLE_TYPES = ['product', 'service', 'collection', 'listing', 'forum'];

export interface JudgedPage {
  id: string;
  url: string;
  /** WCXB page type, or `article` for ScrapingHub. */
  type: string;
  corpus: 'wcxb-dev' | 'scrapinghub';
  signals: ArticleSignals;
}

/** The signals of one page as the pipeline would see it: the document before clean-up, Readability's text. */
export function signalsForHtml(html: string, url: string): ArticleSignals {
  // A few corpus pages have no address: jsdom needs one, or none at all (about:blank).
  const dom = new JSDOM(html, { url: URL.canParse(url) ? url : undefined, virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    const article = new Readability(doc.cloneNode(true) as Document).parse();
    return collectArticleSignals({
      doc,
      articleText: article?.textContent ?? '',
      articleLength: article?.length ?? 0,
      url,
    });
  } finally {
    dom.window.close();
  }
}

export interface FlagRate {
  group: string;
  pages: number;
  flagged: number;
  /** What Readability's `isProbablyReaderable` says on the same pages. */
  readerable: number;
}

/** Pages flagged as articles per group (`non-article` = WCXB's product/service/collection/listing/forum). */
export function flagRates(pages: JudgedPage[]): FlagRate[] {
  const groups = new Map<string, JudgedPage[]>();
  const addTo = (group: string, page: JudgedPage) => groups.set(group, [...(groups.get(group) ?? []), page]);
  for (const page of pages) {
    if (page.corpus === 'scrapinghub') addTo('scrapinghub', page);
    else {
      addTo(`wcxb ${page.type}`, page);
      if (NON_ARTICLE_TYPES.includes(page.type)) addTo('wcxb non-article', page);
    }
  }
  return [...groups].map(([group, members]) => ({
    group,
    pages: members.length,
    flagged: members.filter((p) => scoreArticleSignals(p.signals).isArticle).length,
    readerable: members.filter((p) => p.signals.readerable).length,
  }));
}

// Style sheets and scripts other than JSON-LD play no part in any signal (nor in Readability), yet jsdom spends
// most of its time parsing them: empty them, as the HTML tokenizer would delimit them.
const HEAVY_RAW_TEXT = /(<style\b[^>]*>)[\s\S]*?(<\/style)|(<script\b(?![^>]*ld\+json)[^>]*>)[\s\S]*?(<\/script)/gi;

export function withoutHeavyRawText(html: string): string {
  return html.replace(HEAVY_RAW_TEXT, '$1$3$2$4');
}

function readHtml(path: string): string {
  return withoutHeavyRawText(decodeHtml(gunzipSync(readFileSync(path))).text);
}

function* corpusPages(): Generator<Omit<JudgedPage, 'signals'> & { path: string }> {
  const wcxb = join(CORPUS, 'wcxb-dev');
  for (const file of readdirSync(join(wcxb, 'ground-truth')).sort()) {
    const id = file.replace(/\.json$/, '');
    const truth = JSON.parse(readFileSync(join(wcxb, 'ground-truth', file), 'utf8'));
    yield { id, url: truth.url, type: truth._internal.page_type.primary, corpus: 'wcxb-dev', path: join(wcxb, 'html', `${id}.html.gz`) };
  }
  const scrapinghub = join(CORPUS, 'scrapinghub');
  const truth: Record<string, { url: string }> = JSON.parse(readFileSync(join(scrapinghub, 'ground-truth.json'), 'utf8'));
  for (const [id, { url }] of Object.entries(truth)) {
    yield { id, url, type: 'article', corpus: 'scrapinghub', path: join(scrapinghub, 'html', `${id}.html.gz`) };
  }
}

function judgeCorpora(cachePath: string | null, shard: { index: number; count: number }): JudgedPage[] {
  const cached = new Map<string, JudgedPage>();
  if (cachePath && existsSync(cachePath)) {
    for (const line of readFileSync(cachePath, 'utf8').split('\n').filter(Boolean)) {
      const page: JudgedPage = JSON.parse(line);
      // The address rules are cheap to re-apply: a cache stays valid when they change.
      page.signals.urlKind = classifyUrl(page.url);
      cached.set(`${page.corpus}/${page.id}`, page);
    }
  }
  const pages: JudgedPage[] = [];
  const all = [...corpusPages()];
  // Visit in a stride order (WCXB files are grouped by type) so that a partial cache samples every type.
  const stride = 7919;
  for (let position = 0; position < all.length; position++) {
    const { path, ...page } = all[(position * stride) % all.length];
    const key = `${page.corpus}/${page.id}`;
    const mine = position % shard.count === shard.index;
    const judged = cached.get(key) ?? (mine ? { ...page, signals: signalsForHtml(readHtml(path), page.url) } : null);
    if (!judged) continue;
    if (cachePath && !cached.has(key)) appendFileSync(cachePath, `${JSON.stringify(judged)}\n`);
    pages.push(judged);
    if (pages.length % 100 === 0) process.stderr.write(`${pages.length} pages\n`);
  }
  return pages;
}

function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
  const [index, count] = (option('--shard') ?? '0/1').split('/').map(Number);
  const pages = judgeCorpora(option('--cache'), { index, count });
  const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
  console.log('group                  pages  isArticle          isProbablyReaderable');
  for (const { group, pages: n, flagged, readerable } of flagRates(pages)) {
    console.log(
      `${group.padEnd(22)} ${String(n).padStart(5)}  ${`${flagged} (${percent(flagged, n)})`.padEnd(18)} ${readerable} (${percent(readerable, n)})`,
    );
  }
  const seed = readFileSync(join(CORPUS, '../fixtures/rtl-anonymous-opisis/source.html'), 'utf8');
  const seedVerdict = explainArticleSignals(
    signalsForHtml(seed, 'https://www.rtl.fr/actu/sciences-tech/les-anonymous-devoilent-pres-de-9-200-comptes-twitter-lies-a-l-etat-islamique-7777047138'),
  );
  console.log(`seed page rtl-anonymous-opisis: isArticle ${seedVerdict.isArticle} (${seedVerdict.reasons.join(', ')})`);
  const listType = option('--list');
  if (listType) {
    const wantFlagged = !listType.startsWith('!');
    const type = listType.replace(/^!/, '');
    for (const page of pages.filter((p) => p.type === type && p.corpus === 'wcxb-dev')) {
      const verdict = explainArticleSignals(page.signals);
      if (verdict.isArticle === wantFlagged) console.log(`${page.id} ${verdict.score} ${page.url}\n   ${verdict.reasons.join(', ')}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
