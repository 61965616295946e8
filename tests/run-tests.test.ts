// `npm test` on a machine without the browsers its end-to-end tests drive: it stops at once and says how to get
// them, instead of failing minutes later on a launcher's stack trace (scripts/run-tests.mjs).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function npmTest(env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['scripts/run-tests.mjs', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm test without its browsers or its voice', () => {
  it.each([
    ['Chromium', { CLARTE_CHROMIUM: '/nonexistent/chromium' }, '/nonexistent/chromium'],
    ['Firefox ESR', { CLARTE_FIREFOX_ESR: '/nonexistent/firefox-esr' }, '/nonexistent/firefox-esr'],
    ['speech-dispatcher', { CLARTE_SPEECH_DISPATCHER: '/nonexistent/speech-dispatcher' }, '/nonexistent/speech-dispatcher'],
  ])('stops before building or testing anything when %s is missing, and says how to get it', (_, env, path) => {
    const run = npmTest(env);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      `npm test: ${path} not found. The browser tests need Chromium, Firefox ESR and a voice to read aloud with. On Debian or Ubuntu: apt-get install chromium firefox-esr speech-dispatcher espeak-ng`,
      '0 passed, 1 failed',
    ]);
    expect(run.stderr).toBe('');
  });

  it('still checks when the run is filtered by name, which can reach the browser tests', () => {
    expect(npmTest({ CLARTE_CHROMIUM: '/nonexistent/chromium' }, ['-t', 'popup']).stdout).toContain('apt-get install chromium firefox-esr speech-dispatcher espeak-ng');
  });
});
