// `npm start`: builds Clarté and shows it working on the bundled sample article (a French news page with its
// clutter: cookie banner, breadcrumbs, share bar, video card, comments). The page is served from 127.0.0.1 only.
// With a display, Chromium opens on it with the extension loaded and this script waits until the window is
// closed; without one it says so. Either way it prints the sample cleaned by the CLI (the same pipeline) and tells
// where the built extension is and how to load it. `--no-build` reuses the builds in .output/.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { ALL_FIXTURES, fixturePages } from '../tests/e2e/support/fixtures.ts';
import { REPO_FIXTURES_DIR, startStaticServer } from '../tests/e2e/support/server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE_DIR = join(REPO_FIXTURES_DIR, 'fr-ouest-info-tramway');
const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const execFileAsync = promisify(execFile);
const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' } } });

function step(message: string): void {
  console.log(`\n— ${message}`);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

interface CleanRecord {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  text: string;
  wordCount: number;
  readingMinutes: number;
  isArticle: boolean;
  hashtags: { tag: string; count: number }[];
  removed: { rule: string }[];
  ms: number;
  error: string | null;
}

/** The sample through the CLI, fetched from the local server like any page address. */
async function cleanWithCli(url: string): Promise<CleanRecord> {
  // Asynchronous: the server answering the CLI's request runs in this process.
  const { stdout, stderr } = await execFileAsync(process.execPath, [join(ROOT, 'bin/clarte.mjs'), 'clean', '--json', url], {
    cwd: ROOT,
  }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
  const record = stdout.trim() ? (JSON.parse(stdout.trim()) as CleanRecord) : null;
  if (!record || record.error) {
    console.error(`The CLI could not clean the sample: ${record?.error ?? stderr}`);
    process.exit(1);
  }
  return record;
}

function printRecord(record: CleanRecord): void {
  const removedByRule = new Map<string, number>();
  for (const { rule } of record.removed) removedByRule.set(rule, (removedByRule.get(rule) ?? 0) + 1);
  console.log(`Title:     ${record.title}`);
  console.log(`Byline:    ${record.byline ?? '—'}`);
  console.log(`Site:      ${record.siteName ?? '—'}   Date: ${record.publishedTime ?? '—'}   Lang: ${record.lang ?? '—'}`);
  console.log(`Hashtags:  ${record.hashtags.map(({ tag, count }) => `${tag} ×${count}`).join(', ') || '—'}`);
  console.log(`Article:   ${record.isArticle ? 'yes' : 'no'}, ${record.wordCount} words, ${record.readingMinutes} min, cleaned in ${Math.round(record.ms)} ms`);
  console.log(`Removed:   ${[...removedByRule].map(([rule, count]) => `${rule} ${count}`).join(', ')}`);
  console.log(`\n${record.text}\n`);
}

function printLoadingHelp(): void {
  for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
    if (!existsSync(join(build, 'manifest.json'))) console.log(`(No build at ${build} yet: run \`npm start\` without --no-build.)`);
  }
  console.log(`Built extension:
  Chrome/Chromium: ${relative(ROOT, CHROME_BUILD)}/
    chrome://extensions → turn on "Developer mode" → "Load unpacked" → choose that folder.
  Firefox: ${relative(ROOT, FIREFOX_BUILD)}/
    about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → choose its manifest.json.
Then open an article and click the Clarté button (or press Alt+Shift+R to switch the page to the reader view).`);
}

/** Chromium with the production build on the sample, in a throwaway profile; resolves when the window closes. */
function openInChromium(url: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'clarte-start-'));
  const browser = spawn(
    CHROMIUM,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium refuses to run as root with its sandbox (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // The sample names its original image hosts: resolve nothing but loopback, so the page loads offline.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      url,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  browser.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()).slice(-2000));
  return new Promise((resolveClosed) => {
    const done = () => {
      rmSync(profile, { recursive: true, force: true });
      resolveClosed();
    };
    browser.once('exit', (code) => {
      if (code) console.log(`Chromium stopped with exit code ${code}:\n${errors.trim().split('\n').slice(-3).join('\n')}`);
      done();
    });
    browser.once('error', (error) => {
      console.log(`Could not start ${CHROMIUM}: ${error.message}`);
      done();
    });
  });
}

if (!values['no-build']) {
  step('Building the extension for Chrome and Firefox');
  run('npx', ['wxt', 'build']);
  run('npx', ['wxt', 'build', '-b', 'firefox']);
}

const sample = ALL_FIXTURES.find((fixture) => fixture.file === join(SAMPLE_DIR, 'source.html'))!;
const server = await startStaticServer({ pages: fixturePages([sample]) });
const sampleUrl = server.url(sample.path);

step(`The sample article, cleaned by the CLI (\`npx clarte clean ${sampleUrl}\`)`);
printRecord(await cleanWithCli(sampleUrl));

step('Loading the extension');
printLoadingHelp();

const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
if (!display) {
  console.log('\nNo display here ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser window is opened.');
} else if (!existsSync(CHROMIUM)) {
  console.log(`\nNo Chromium at ${CHROMIUM} (set CHROMIUM=/path/to/chromium to use another), so no window is opened.`);
} else {
  step(`Opening Chromium on ${sampleUrl} with Clarté loaded`);
  console.log('Click the Clarté button in the toolbar (pin it from the puzzle-piece menu). Close the window to stop.');
  await openInChromium(sampleUrl);
}
await server.close();
