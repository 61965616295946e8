// `npm run eval`'s picture measures, plain Readability and Clarté side by side on the same parsed page, both read
// from the HTML they give (Clarté's `html`, the CLI's): of the pictures Readability keeps on its own test pages
// (expected.html), how many each keeps (all, and those the 50×50 rule allows); on ScrapingHub pages whose body shows the page's og:image as the story's
// picture (not only in a sidebar, a footer or another story's card), on how many the article carries it (the
// misses listed); how many pictures under 50×50 declared pixels (outside data tables, where icons are data) or
// from tracker hosts each gives.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../cli/dom.ts';
import { cleanDocument } from '../lib/pipeline.ts';
import { imageUrls, isDeclaredTiny, isTrackerUrl, pictureKey } from '../lib/picture-urls.ts';
import { CORPUS_ROOT, type CorpusName } from './eval-corpora.ts';
import { readHtml } from './eval-extract.ts';

export interface PictureOptions {
  limit?: number;
  only?: string[];
}

interface Side {
  kept: number;
  /** Readability pages: of the pictures the 50×50 rule allows. */
  keptAllowed: number;
  tiny: number;
  trackers: number;
}

interface PictureTally {
  pages: number;
  /** Readability pages: pictures in expected.html; ScrapingHub: pages whose body shows the og:image. */
  wanted: number;
  /** Readability pages: the pictures of expected.html the 50×50 rule allows (not icons, spacers, pixels). */
  wantedAllowed: number;
  plain: Side;
  clarte: Side;
  /** ScrapingHub pages where Clarté's article lacks the og:image. */
  misses: string[];
  errors: string[];
}

/** The picture report for the corpora that have one (scrapinghub, readability), or '' for the others. */
export function pictureReport(corpus: CorpusName, options: PictureOptions = {}): string {
  if (corpus === 'wcxb') return '';
  const tally = corpus === 'readability' ? readabilityPictures(options) : scrapinghubPictures(options);
  return formatPictures(corpus, tally);
}

function newTally(): PictureTally {
  const side = (): Side => ({ kept: 0, keptAllowed: 0, tiny: 0, trackers: 0 });
  return { pages: 0, wanted: 0, wantedAllowed: 0, plain: side(), clarte: side(), misses: [], errors: [] };
}

function select<T extends { id: string }>(pages: T[], options: PictureOptions): T[] {
  let selected = options.only?.length ? pages.filter((page) => options.only!.includes(page.id)) : pages;
  if (options.limit !== undefined) selected = selected.slice(0, options.limit);
  return selected;
}

/** What one side's article shows: its picture keys, and how many pictures are tiny or from tracker hosts. */
interface SideFacts {
  keys: Set<string>;
  tiny: number;
  trackers: number;
}

/** Both sides for one page, parsed once (Clarté works on a copy, Readability changes the document). */
function bothSides(html: string, url: string): { plain: SideFacts; clarte: SideFacts } {
  const dom = parseHtml(html, url);
  try {
    const document = dom.window.document;
    const clarte = cleanDocument(document, { url, markdown: false }).html;
    const plain = new Readability(document).parse()?.content ?? '';
    return { plain: sideFacts(plain, url), clarte: sideFacts(clarte, url) };
  } finally {
    dom.window.close();
  }
}

function sideFacts(articleHtml: string, base: string): SideFacts {
  const dom = parseHtml(`<body>${articleHtml}`, base);
  try {
    const facts: SideFacts = { keys: new Set(), tiny: 0, trackers: 0 };
    for (const img of dom.window.document.querySelectorAll('img')) {
      const urls = imageUrls(img);
      if (isDeclaredTiny(img)) facts.tiny++;
      if (urls.some((url) => isTrackerUrl(absolute(url, base)))) facts.trackers++;
      for (const url of urls) {
        facts.keys.add(absolute(url, base));
        const key = pictureKey(url, base);
        if (key) facts.keys.add(key);
      }
    }
    return facts;
  } finally {
    dom.window.close();
  }
}

function addBad(side: Side, facts: SideFacts): void {
  side.tiny += facts.tiny;
  side.trackers += facts.trackers;
}

function shows(keys: Set<string>, url: string, base: string): boolean {
  const key = pictureKey(url, base);
  return keys.has(absolute(url, base)) || (key !== null && keys.has(key));
}

function readabilityPictures(options: PictureOptions): PictureTally {
  const dir = join(CORPUS_ROOT, 'readability-test-pages');
  const url = 'http://fakehost/test/page.html';
  const pages = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'expected.html'))).sort().map((id) => ({ id }));
  const tally = newTally();
  for (const { id } of select(pages, options)) {
    try {
      const expectedDom = parseHtml(readFileSync(join(dir, id, 'expected.html'), 'utf8'), url);
      const pictures = Array.from(expectedDom.window.document.querySelectorAll('img'))
        .map((img) => ({ src: img.getAttribute('src') ?? '', allowed: !isDeclaredTiny(img) }))
        .filter(({ src }) => src && !src.startsWith('data:'));
      expectedDom.window.close();
      const expected = pictures.map(({ src }) => src);
      const allowed = pictures.filter((picture) => picture.allowed).map(({ src }) => src);
      const sides = bothSides(readHtml(join(dir, id, 'source.html'), 'utf-8'), url);
      tally.pages++;
      tally.wanted += expected.length;
      tally.wantedAllowed += allowed.length;
      for (const name of ['plain', 'clarte'] as const) {
        tally[name].kept += expected.filter((src) => shows(sides[name].keys, src, url)).length;
        tally[name].keptAllowed += allowed.filter((src) => shows(sides[name].keys, src, url)).length;
        addBad(tally[name], sides[name]);
      }
      const lost = expected.filter((src) => !shows(sides.clarte.keys, src, url));
      if (lost.length) tally.misses.push(`${id}: ${lost.length} (${lost.slice(0, 2).join(' ')})`);
    } catch (error) {
      tally.errors.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return tally;
}

function scrapinghubPictures(options: PictureOptions): PictureTally {
  const dir = join(CORPUS_ROOT, 'scrapinghub');
  const truth: Record<string, { url: string }> = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  const pages = Object.entries(truth).map(([id, item]) => ({ id, url: item.url }));
  const tally = newTally();
  for (const { id, url } of select(pages, options)) {
    try {
      const html = readHtml(join(dir, 'html', `${id}.html.gz`), 'utf-8');
      const page = parseHtml(html, url);
      const document = page.window.document;
      const ogImage = document.querySelector('meta[property="og:image"], meta[name="og:image"]')?.getAttribute('content')?.trim();
      const bodyKeys = ogImage ? bodyPictureKeys(document, url) : new Set<string>();
      page.window.close();
      const sides = bothSides(html, url);
      tally.pages++;
      for (const name of ['plain', 'clarte'] as const) addBad(tally[name], sides[name]);
      if (!ogImage || !shows(bodyKeys, ogImage, url)) continue;
      tally.wanted++;
      if (shows(sides.plain.keys, ogImage, url)) tally.plain.kept++;
      if (shows(sides.clarte.keys, ogImage, url)) tally.clarte.kept++;
      else tally.misses.push(`${id} ${url} (og:image ${ogImage.slice(0, 100)})`);
    } catch (error) {
      tally.errors.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return tally;
}

/** Where a page shows other stories or its own furniture: a picture there is not the story's picture. */
const NOT_STORY = 'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"], li a, a:has(h1, h2, h3, h4, h5, h6)';
/** Attributes that hold a picture's address (src, srcset and lazy loaders' data-*), not `data-pin-url`'s page. */
const PICTURE_ATTRIBUTE = /src|original|lazy|^data-url$/i;

/**
 * Every picture address the page's body shows as the story's picture: src, srcset and lazy data-* attributes of
 * img and source, outside the page's furniture and other stories' cards (a "Most popular" list, a sidebar
 * widget), and not declared under 50×50 (a site icon).
 */
function bodyPictureKeys(document: Document, base: string): Set<string> {
  const keys = new Set<string>();
  for (const el of document.body?.querySelectorAll('img, source') ?? []) {
    if (el.closest(NOT_STORY) || (el.localName === 'img' && isDeclaredTiny(el))) continue;
    for (const attribute of Array.from(el.attributes)) {
      if (!PICTURE_ATTRIBUTE.test(attribute.name)) continue;
      for (const candidate of attribute.value.split(/,\s+/)) {
        const url = candidate.trim().split(/\s+/)[0];
        if (!url || url.startsWith('data:')) continue;
        keys.add(absolute(url, base));
        const key = pictureKey(url, base);
        if (key) keys.add(key);
      }
    }
  }
  return keys;
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

function formatPictures(corpus: CorpusName, tally: PictureTally): string {
  const share = (n: number, of = tally.wanted) => `${n}/${of} (${((n / (of || 1)) * 100).toFixed(1)} %)`;
  const verdict = (kept: number, of: number, target: number) => (kept >= target * of ? 'pass' : 'FAIL');
  // Readability's pages: the 97 % target is judged on the pictures the 50×50 target allows. Counting the icons,
  // spacers and avatars under 50×50 that expected.html keeps would make the two targets contradict each other.
  const rows = [
    ['', 'Readability', 'Clarté', 'target', ''],
    ...(corpus === 'readability'
      ? [
          ['pictures of expected.html kept, all', share(tally.plain.kept), share(tally.clarte.kept), '', ''],
          ['  of those the 50×50 rule allows', share(tally.plain.keptAllowed, tally.wantedAllowed),
            share(tally.clarte.keptAllowed, tally.wantedAllowed), '≥ 97 %', verdict(tally.clarte.keptAllowed, tally.wantedAllowed, 0.97)],
        ]
      : [["og:image shown in the body: in the article", share(tally.plain.kept), share(tally.clarte.kept), '≥ 90 %',
          verdict(tally.clarte.kept, tally.wanted, 0.9)]]),
    ['pictures declared under 50×50 (outside data tables)', String(tally.plain.tiny), String(tally.clarte.tiny), '0', tally.clarte.tiny === 0 ? 'pass' : 'FAIL'],
    ['pictures from tracker hosts', String(tally.plain.trackers), String(tally.clarte.trackers), '0', tally.clarte.trackers === 0 ? 'pass' : 'FAIL'],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd());
  const misses = tally.misses.length ? `\nClarté misses (${tally.misses.length}):\n${tally.misses.map((miss) => `  ${miss}`).join('\n')}` : '';
  const errors = tally.errors.length ? `\nerrors (${tally.errors.length}):\n${tally.errors.map((error) => `  ${error}`).join('\n')}` : '';
  return `${corpus} pictures (${tally.pages} pages)\n${lines.join('\n')}${misses}${errors}`;
}
