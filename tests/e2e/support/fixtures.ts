// The golden pages the end-to-end tests open: the shared seed and every `tests/fixtures/*/`, each served from
// 127.0.0.1 at its original path (the path is one of the `isArticle` signals, as on the real site).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_FIXTURES_DIR, SHARED_FIXTURES_DIR } from './server';

export interface Fixture {
  name: string;
  file: string;
  /** The page's original address (from expected.json); tests serve it at the same path. */
  originalUrl: string;
  /** Served path on the test server. */
  path: string;
  expected: {
    title?: string;
    byline?: string;
    hashtags?: string[];
    textIncludes?: string[];
    textExcludes?: string[];
  };
}

function fixtureAt(name: string, dir: string): Fixture {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const original = new URL(expected.url);
  return { name, file: join(dir, 'source.html'), originalUrl: expected.url, path: original.pathname, expected };
}

export const SEED_FIXTURE = fixtureAt('rtl-anonymous-opisis', join(SHARED_FIXTURES_DIR, 'rtl-anonymous-opisis'));

export const ALL_FIXTURES: Fixture[] = [
  SEED_FIXTURE,
  ...readdirSync(REPO_FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => fixtureAt(entry.name, join(REPO_FIXTURES_DIR, entry.name)))
    .sort((a, b) => a.name.localeCompare(b.name)),
];

/** Server `pages` for the fixtures (all UTF-8 files), each at its original path. */
export function fixturePages(fixtures: Fixture[]): Record<string, string> {
  return Object.fromEntries(fixtures.map((fixture) => [fixture.path, readFileSync(fixture.file, 'utf8')]));
}
