// The hashtag cases of twitter-text's conformance suite, read from the YAML files at test time (the suite asks
// implementers not to copy its cases into code), one test per case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { extractHashtags, extractHashtagsWithIndices, isValidHashtag } from './hashtags';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/twitter-text');
const EXPECTED_CASE_COUNT = 156;

interface YamlCase<Expected> {
  description: string;
  text: string;
  expected: Expected;
}
type Sections = Record<string, YamlCase<unknown>[]>;

function sections(file: string): Sections {
  return (load(readFileSync(path.join(corpusDir, file), 'utf8')) as { tests: Sections }).tests;
}

/** What a conformance case checks, reduced to one comparison of what we extract with what the suite expects. */
interface ConformanceCase {
  name: string;
  actual: () => unknown;
  expected: unknown;
}

/** A hashtag link the autolinker wrote: its text (`#tag` or `＃tag`) and where it starts, in code points. */
interface LinkedTag {
  text: string;
  start: number;
}

const ANCHOR = /<a\s([^>]*)>(.*?)<\/a>/g;

/**
 * Reads twitter-text's autolinked HTML back into the hashtags it linked. Its anchors hold plain text and the
 * autolinker leaves the rest of the text as it was, so dropping the tags must give the input text back (checked).
 */
function linkedHashtags(autolinked: string): { plainText: string; tags: LinkedTag[] } {
  let plainText = '';
  let copiedUpTo = 0;
  const tags: LinkedTag[] = [];
  for (const anchor of autolinked.matchAll(ANCHOR)) {
    plainText += autolinked.slice(copiedUpTo, anchor.index);
    const classes = /class="([^"]*)"/.exec(anchor[1])?.[1].split(' ') ?? [];
    if (classes.includes('hashtag')) tags.push({ text: anchor[2], start: [...plainText].length });
    plainText += anchor[2];
    copiedUpTo = anchor.index + anchor[0].length;
  }
  return { plainText: plainText + autolinked.slice(copiedUpTo), tags };
}

function ourLinkedHashtags(text: string): LinkedTag[] {
  return extractHashtagsWithIndices(text).map(({ indices: [start, end] }) => ({
    text: [...text].slice(start, end).join(''),
    start,
  }));
}

function loadCases(): ConformanceCase[] {
  const extract = sections('extract.yml');
  const autolink = sections('autolink.yml');
  const validate = sections('validate.yml');
  const cases: ConformanceCase[] = [];
  for (const section of ['hashtags', 'hashtags_from_astral', 'hashtags_with_indices']) {
    const extractor = section === 'hashtags_with_indices' ? extractHashtagsWithIndices : extractHashtags;
    for (const { description, text, expected } of extract[section]) {
      cases.push({ name: `extract.yml ${section}: ${description}`, actual: () => extractor(text), expected });
    }
  }
  // `all` mixes URLs, mentions and cashtags with hashtags; its hashtag cases are those whose text has a hash sign.
  const autolinkCases = [
    ...autolink.hashtags.map((c) => ({ section: 'hashtags', ...c })),
    ...autolink.all.filter((c) => /[#＃]/.test(c.text)).map((c) => ({ section: 'all', ...c })),
  ];
  for (const { section, description, text, expected } of autolinkCases) {
    const { plainText, tags } = linkedHashtags(expected as string);
    cases.push({
      name: `autolink.yml ${section}: ${description}`,
      actual: () => ({ plainText: text, tags: ourLinkedHashtags(text) }),
      expected: { plainText, tags },
    });
  }
  for (const { description, text, expected } of validate.hashtags) {
    cases.push({ name: `validate.yml hashtags: ${description}`, actual: () => isValidHashtag(text), expected });
  }
  return cases;
}

describe('twitter-text conformance: hashtags', () => {
  const cases = loadCases();
  let ran = 0;

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { actual, expected }) => {
    ran++;
    expect(actual()).toEqual(expected);
  });

  it(`ran all ${EXPECTED_CASE_COUNT} hashtag cases of the suite`, () => {
    expect(cases).toHaveLength(EXPECTED_CASE_COUNT);
    expect(ran).toBe(EXPECTED_CASE_COUNT);
  });
});
