// Golden pages: each page's expected.json says what the clean article must be — title, byline, site, language,
// date, hashtags in order, sentences that must be in the text and clutter that must not. Run through jsdom, the
// way the CLI runs the pipeline. The seed page is in ../shared/fixtures/, our own in tests/fixtures/<name>/.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../lib/pipeline';
import type { CleanResult } from '../lib/types';

interface Expected {
  url: string;
  title: string;
  byline: string | null;
  siteNameOneOf: string[];
  lang: string;
  publishedTime: string | null;
  hashtags: string[];
  textIncludes: string[];
  textExcludes: string[];
  /** Optional: only checked when given. */
  dir?: 'ltr' | 'rtl';
  isArticle?: boolean;
}

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = resolve(REPO, '../shared/fixtures/rtl-anonymous-opisis');
const OWN = join(REPO, 'tests/fixtures');

const FIXTURE_DIRS = [
  SEED,
  ...readdirSync(OWN, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(OWN, e.name)),
];

function clean(dir: string, expected: Expected): CleanResult {
  const html = readFileSync(join(dir, 'source.html'), 'utf8');
  const dom = new JSDOM(html, { url: expected.url });
  try {
    return cleanDocument(dom.window.document, { url: expected.url });
  } finally {
    dom.window.close();
  }
}

it('finds the seed page and our own golden pages (French, English, RTL, CJK)', () => {
  expect(existsSync(join(SEED, 'expected.json')), `seed page missing at ${SEED}`).toBe(true);
  expect(FIXTURE_DIRS.length).toBeGreaterThanOrEqual(5);
});

describe.each(FIXTURE_DIRS.map((dir) => [dir.slice(dir.lastIndexOf('/') + 1), dir]))('golden page %s', (_name, dir) => {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const result = clean(dir, expected);

  it('title', () => expect(result.title).toBe(expected.title));
  it('byline', () => expect(result.byline).toBe(expected.byline));
  it('siteName', () => expect(expected.siteNameOneOf).toContain(result.siteName));
  it('lang', () => expect(result.lang).toBe(expected.lang));
  it('publishedTime', () => expect(result.publishedTime).toBe(expected.publishedTime));
  it('hashtags, in order of first appearance, each once', () => {
    expect(result.hashtags.map((h) => h.tag)).toEqual(expected.hashtags);
  });
  it.each(expected.textIncludes)('text includes %s', (sentence) => expect(result.text).toContain(sentence));
  it.each(expected.textExcludes)('text excludes %s', (clutter) => expect(result.text).not.toContain(clutter));
  // Fields an expected file leaves out (the seed's has no dir/isArticle) get no test, rather than a skipped one.
  if (expected.dir !== undefined) it('dir', () => expect(result.dir).toBe(expected.dir));
  if (expected.isArticle !== undefined) it('isArticle', () => expect(result.isArticle).toBe(expected.isArticle));

  it('text: blocks once each, a blank line between, no headline on top, whitespace normalized', () => {
    const blocks = result.text.split('\n\n');
    expect(blocks.length).toBeGreaterThan(2);
    const long = blocks.filter((block) => block.length >= 20);
    expect(new Set(long).size).toBe(long.length);
    expect(blocks[0]).not.toBe(expected.title);
    for (const block of blocks) {
      expect(block).toBe(block.trim());
      expect(block).not.toMatch(/[\u00a0\t]| {2}|\n\n/);
    }
  });

  it('html is sanitized and the article is there; markdown and counts agree with the text', () => {
    expect(result.html).not.toMatch(/<script|<iframe|<form|\son\w+=|javascript:|style=/i);
    expect(result.html).toContain(expected.textIncludes[0].slice(0, 20));
    expect(result.markdown.length).toBeGreaterThan(result.text.length / 2);
    expect(result.wordCount).toBeGreaterThan(50);
    expect(result.readingMinutes).toBeGreaterThanOrEqual(1);
  });
});
