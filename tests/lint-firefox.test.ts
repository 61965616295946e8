// The Firefox build passes addons-linter: no error, no warning from our own code (bundled libraries' warnings are
// listed by the script and documented in the README). `npm test` builds `.output/firefox-mv3-e2e` first; the
// production build is linted too when present (CI builds it before `npm test`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';

const builds = ['.output/firefox-mv3', '.output/firefox-mv3-e2e'].filter((dir) => existsSync(`${dir}/manifest.json`));

it('addons-linter: 0 errors and no warning from our code on the Firefox build', () => {
  expect(builds, 'no Firefox build: run `npx wxt build -b firefox --mode e2e`').not.toEqual([]);
  const run = spawnSync('node', ['scripts/lint-firefox.mjs', ...builds], { encoding: 'utf8' });
  const report = run.stdout.split('\n').filter((line) => /addons-linter|ERROR|WARNING|warning|notice/.test(line));
  console.log(report.join('\n'));
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(report.filter((line) => line.includes('addons-linter'))).toHaveLength(builds.length);
}, 180_000);
