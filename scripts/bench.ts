// `npm run bench`: how much Clarté costs. A benchmark, not a test: it measures and prints, and a budget it
// misses is marked in the table, never an assertion. Measured here:
//   1. in Chromium, per ScrapingHub page served from 127.0.0.1, the full pipeline exactly as the content script
//      runs it (lib/pipeline.ts `cleanPage`) and plain Readability (clone + parse, as a reader mode does), same
//      page, same run: warm-up, then the median of RUNS interleaved runs; and where each one's time goes (the
//      pipeline's steps, Readability's copy and parse);
//   2. where the reader waits, per page (built e2e extension, a fresh load for each measure): toolbar click →
//      article text painted in the real toolbar popup, with where that time goes (the popup's marks); keyboard
//      shortcut → reader view painted; the shortcut again → the original page painted;
//   3. the content-script bundle (raw, gzip) and the zipped Chrome package of the production build;
//   4. extension activity on an ordinary page nobody asked to clean (content-script worlds created: must be 0);
//   5. the CLI's batch mode over the WCXB dev pages on one worker thread per core (--jobs): pages/s, and resident
//      memory of the whole process sampled (peak, after 200 pages, at the end) to show it does not grow with the
//      number of pages; and the same pages on as many threads through jsdom's parse and plain Readability alone;
//   6. the page shapes that could make a step super-linear (tests/xss/page-shapes.ts), each at half and full size:
//      the pipeline in Chromium (what keeps the content script busy; budget 1 s) and `clarte clean`, and how the
//      time grows from half to full size (2 is linear).
// `--sample N` takes N pages of each corpus (the test suite runs it so it cannot rot). The last line of output is
// one JSON object with every number.
import { spawn, spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchChromiumWithExtension } from '../tests/e2e/support/chromium.ts';
import { startStaticServer } from '../tests/e2e/support/server.ts';
import type { PipelineStep, StepTimes } from '../lib/types.ts';
import { pageShapes, type PageShape } from '../tests/xss/page-shapes.ts';

const { values } = parseArgs({ options: { sample: { type: 'string' } } });
const sample = values.sample ? Number(values.sample) : Infinity;
if (!(sample > 0)) throw new Error('--sample takes a positive number of pages');

const ROOT = resolve(import.meta.dirname, '..');
const SCRAPINGHUB = resolve(ROOT, '../shared/corpus/scrapinghub/html');
const WCXB = resolve(ROOT, '../shared/corpus/wcxb-dev/html');
const RUNS = 5;
const BUDGET = {
  ratioMedian: 2.0,
  pipelineP95Ms: 150,
  popupToTextMedianMs: 120,
  popupToTextP95Ms: 250,
  readerShownMedianMs: 100,
  restoreMedianMs: 50,
  // 90 KB as the issue counts it (its "79 KB today" was 79,103 B).
  zipBytes: 90_000,
};
// The CLI's (issue 12): twice the 2.83 pages/s of the single-threaded batch, within 1 GB however many pages.
const CLI_BUDGET = { pagesPerSecond: 5.66, peakRssMb: 1024 };
/** No page keeps the content script busy longer (issue 12). */
const SHAPE_BUSY_BUDGET_MS = 1_000;
/** The page shapes at half and full size; `--sample` (the test suite's run) takes them once, tiny, to keep the code alive. */
const SHAPE_SCALES = Number.isFinite(sample) ? [0.01] : [0.5, 1];
const SHAPES = Object.keys(pageShapes) as PageShape[];
/** Each shape's --timeout in the CLI: long enough to see how long it takes. */
const SHAPE_CLI_TIMEOUT_S = 300;

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  return sorted[low] + (sorted[Math.ceil(index)] - sorted[low]) * (index - low);
}
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

// ——— 3. Sizes (production build) ———

function productionSizes() {
  log('building and zipping the production extension');
  const zip = spawnSync('npx', ['wxt', 'zip'], { cwd: ROOT, encoding: 'utf8' });
  if (zip.status !== 0) throw new Error(`wxt zip failed:\n${zip.stdout}${zip.stderr}`);
  const contentScript = readFileSync(join(ROOT, '.output/chrome-mv3/clarte.js'));
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const zipFile = join(ROOT, `.output/clarte-${version}-chrome.zip`);
  return {
    contentScriptBytes: contentScript.length,
    contentScriptGzipBytes: gzipSync(contentScript, { level: 9 }).length,
    zipBytes: statSync(zipFile).size,
  };
}

// ——— 1, 2, 4. In Chromium ———

async function benchBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/bench-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
  });
  return result.outputFiles[0].text;
}

interface PageTiming {
  page: string;
  pipelineMs: number;
  readabilityMs: number;
  /** Plain Readability's two parts: copying the page and parsing the copy. */
  readabilityCopyMs?: number;
  readabilityParseMs?: number;
  /** The pipeline's own step times (lib/types.ts PipelineStep), each the median of the runs. */
  steps?: StepTimes;
  error?: string;
}

async function inChromium(pages: string[]) {
  const bundle = await benchBundle();
  const routes = Object.fromEntries(
    pages.map((file) => [
      `/sh/${file.replace(/\.gz$/, '')}`,
      (_: unknown, response: import('node:http').ServerResponse) => {
        // The saved pages' own scripts are off: offline they only fail, and some navigate away mid-measure.
        response.writeHead(200, {
          'content-type': 'text/html',
          'content-security-policy': "script-src 'none'",
          'cache-control': 'no-store',
        });
        response.end(gunzipSync(readFileSync(join(SCRAPINGHUB, file))));
      },
    ]),
  );
  for (const shape of SHAPES) {
    for (const scale of SHAPE_SCALES) {
      routes[`/shape/${shape}/${scale}`] = (_: unknown, response: import('node:http').ServerResponse) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(pageShapes[shape](scale));
      };
    }
  }
  const server = await startStaticServer({
    routes,
    pages: { '/ordinary.html': '<!doctype html><title>Ordinary</title><p>Nothing to see here, nobody clicked.</p>' },
  });
  const browser = await launchChromiumWithExtension();
  try {
    const tab = await browser.context.newPage();
    // Pages wait for nothing from outside 127.0.0.1 (there is no network): a failed ad request must not stall.
    tab.setDefaultNavigationTimeout(30_000);
    const timings: PageTiming[] = [];
    for (const [index, file] of pages.entries()) {
      const path = `/sh/${file.replace(/\.gz$/, '')}`;
      try {
        await tab.goto(server.url(path), { waitUntil: 'domcontentloaded' });
        await tab.evaluate(bundle);
      } catch (error) {
        timings.push({ page: file, pipelineMs: NaN, readabilityMs: NaN, error: String(error).split('\n')[0] });
        continue;
      }
      // One string so no bundler helper leaks into the function sent to the page.
      const timing = (await tab.evaluate(`(() => {
        const { cleanPage, Readability } = window.__clarteBench;
        const pipeline = [], steps = [], readability = [], copy = [], parse = [];
        const runPipeline = () => {
          const times = {}, t = performance.now();
          cleanPage(document, location.href, { stepTimes: times });
          pipeline.push(performance.now() - t); steps.push(times);
        };
        const runReadability = () => {
          const t = performance.now(), clone = document.cloneNode(true), copied = performance.now();
          new Readability(clone).parse();
          const end = performance.now();
          readability.push(end - t); copy.push(copied - t); parse.push(end - copied);
        };
        try {
          runPipeline(); runReadability(); for (const xs of [pipeline, steps, readability, copy, parse]) xs.length = 0; // warm-up
          for (let i = 0; i < ${RUNS}; i++) { if (i % 2) { runPipeline(); runReadability(); } else { runReadability(); runPipeline(); } }
        } catch (error) { return { error: String(error) }; }
        const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const stepMedians = {};
        for (const step of new Set(steps.flatMap(Object.keys))) stepMedians[step] = mid(steps.map((times) => times[step] ?? 0));
        return { pipelineMs: mid(pipeline), readabilityMs: mid(readability), readabilityCopyMs: mid(copy),
          readabilityParseMs: mid(parse), steps: stepMedians };
      })()`)) as Omit<PageTiming, 'page'>;
      timings.push({ page: file, ...timing });
      if ((index + 1) % 20 === 0) log(`pipeline vs Readability: ${index + 1}/${pages.length} pages`);
    }

    // 2. Where the reader waits, on every page: a fresh load for each measure (the page caches its article).
    const waits: PageWaits[] = [];
    for (const [index, file] of pages.entries()) {
      const url = server.url(`/sh/${file.replace(/\.gz$/, '')}`);
      const load = () => tab.goto(url, { waitUntil: 'domcontentloaded' }).then(() => true, () => false);
      if (!(await load())) continue;
      const popup = await popupWait(browser, tab).catch(() => null);
      if (!(await load())) continue;
      const reader = await readerWait(browser, tab).catch(() => ({ readerShownMs: null, restoreMs: null }));
      waits.push({ page: file, popup, ...reader });
      if ((index + 1) % 20 === 0) log(`where the reader waits: ${index + 1}/${pages.length} pages`);
    }

    // 4. An ordinary page the user did nothing on: no world of the extension may appear in it (Playwright's own
    // utility world is isolated too, so worlds are told apart by their origin), and nothing may be fetched
    // beyond the page itself.
    const idle = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(idle);
    const extensionWorlds: string[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin.startsWith('chrome-extension://')) extensionWorlds.push(context.name);
    });
    await cdp.send('Runtime.enable');
    const requestsBefore = server.requests.length;
    await idle.goto(server.url('/ordinary.html'), { waitUntil: 'load' });
    await idle.reload({ waitUntil: 'load' });
    await new Promise((done) => setTimeout(done, 1_000));
    const extensionRequests = server.requests
      .slice(requestsBefore)
      .filter((path) => path !== '/ordinary.html' && path !== '/favicon.ico');

    // 6. The page shapes: one run of the pipeline each, as the content script's first run on the page.
    const shapes: ShapeTiming[] = [];
    for (const shape of SHAPES) {
      for (const scale of SHAPE_SCALES) {
        await tab.goto(server.url(`/shape/${shape}/${scale}`), { waitUntil: 'load', timeout: 120_000 });
        await tab.evaluate(bundle);
        const run = (await tab.evaluate(`(() => {
          const steps = {}, t = performance.now();
          let outcome;
          try { outcome = window.__clarteBench.cleanPage(document, location.href, { stepTimes: steps }).isArticle ? 'article' : 'not an article'; }
          catch (error) { outcome = String(error.message); }
          return { ms: performance.now() - t, outcome, steps };
        })()`)) as Omit<ShapeTiming, 'shape' | 'scale'>;
        shapes.push({ shape, scale, ...run });
      }
      log(`page shape ${shape} in Chromium`);
    }
    return { timings, waits, shapes, idleContentScripts: extensionWorlds.length, idleRequests: extensionRequests.length };
  } finally {
    await browser.close();
    await server.close();
  }
}

interface ShapeTiming {
  shape: PageShape;
  scale: number;
  ms: number;
  /** `article`, `not an article`, or the pipeline's refusal. */
  outcome: string;
  steps?: StepTimes;
}

// ——— 2. Where the reader waits ———

/**
 * The popup's checkpoints in the order they happen, with what the time up to each one is spent on. `opened` is
 * the popup page's time origin, `painted` the article text's first paint (Element Timing); the rest are the
 * popup's `clarte:*` marks (entrypoints/popup/main.ts), the pipeline's two as the page timed them.
 */
const POPUP_PHASES = [
  ['opened', 'browser opens the popup window'],
  ['script', 'popup page loads (HTML, modules)'],
  ['inject', 'popup finds the tab'],
  ['injected', 'content script injected (read, compile, run)'],
  ['pipeline-start', 'request reaches the page'],
  ['pipeline-end', 'pipeline, first run in the page'],
  ['answered', 'answer reaches the popup'],
  ['text-shown', 'popup builds the article'],
  ['painted', 'text painted'],
] as const;
type PopupPhase = (typeof POPUP_PHASES)[number][0];

interface PageWaits {
  page: string;
  /** Toolbar click → article text painted, and the time spent before each checkpoint; null: no text shown. */
  popup: { totalMs: number; phases: Record<PopupPhase, number> } | null;
  /** Shortcut → reader view painted; null when the page has nothing to show. */
  readerShownMs: number | null;
  /** Shortcut again → the original page painted. */
  restoreMs: number | null;
}

type ExtensionBrowser = Awaited<ReturnType<typeof launchChromiumWithExtension>>;
type Tab = import('playwright-core').Page;

/** Opens the real toolbar popup on `tab` (a freshly loaded page) and reads where its wait went. */
async function popupWait(browser: ExtensionBrowser, tab: Tab): Promise<PageWaits['popup']> {
  const popup = await browser.openToolbarPopup(tab);
  try {
    const seen = await popup.evaluate<{ origin: number; marks: Record<string, number>; painted: number | null }>(`
      new Promise((resolve) => {
        const done = (painted) => resolve({
          origin: performance.timeOrigin,
          marks: Object.fromEntries(performance.getEntriesByType('mark')
            .filter((mark) => mark.name.startsWith('clarte:')).map((mark) => [mark.name.slice(7), mark.startTime])),
          painted,
        });
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((entry) => entry.identifier === 'clarte-text');
          if (entry) done(entry.renderTime || entry.loadTime);
        }).observe({ type: 'element', buffered: true });
        // Settled on something else than the text (not an article, an error): nothing to time.
        const other = () => document.querySelector('main:not([aria-busy]) > :not(.loading)') && !document.querySelector('.text p');
        if (other()) done(null);
        new MutationObserver(() => { if (other()) done(null); })
          .observe(document, { childList: true, subtree: true, attributes: true });
        setTimeout(() => done(null), 15000);
      })`);
    if (seen.painted === null) return null;
    const at = (time: number) => seen.origin + time - popup.openedAt;
    const times: Record<PopupPhase, number> = { ...Object.fromEntries(Object.entries(seen.marks).map(([name, time]) => [name, at(time)])),
      opened: at(0), painted: at(seen.painted) } as Record<PopupPhase, number>;
    // Each phase: from the latest checkpoint before it (phases may overlap: the page may start early).
    let reached = 0;
    const phases = {} as Record<PopupPhase, number>;
    for (const [phase] of POPUP_PHASES) {
      const time = times[phase] ?? reached;
      phases[phase] = Math.max(0, time - reached);
      reached = Math.max(reached, time);
    }
    return { totalMs: times.painted, phases };
  } finally {
    await popup.close();
  }
}

/**
 * The keyboard shortcut on `tab` (a freshly loaded page), twice: the background's own command handler, timed
 * from its call to the frame after the reader view (then the original page) is in the document.
 */
async function readerWait(browser: ExtensionBrowser, tab: Tab): Promise<Pick<PageWaits, 'readerShownMs' | 'restoreMs'>> {
  const tabId = await browser.tabIdOf(tab);
  const shortcut = () => browser.serviceWorker.evaluate(async (id) => {
    const at = performance.timeOrigin + performance.now();
    await (globalThis as unknown as { clarte: { handleCommand(command: string, tab: { id: number }): Promise<void> } })
      .clarte.handleCommand('toggle-reader', { id });
    return at;
  }, tabId);
  // In the page, set before the shortcut: resolves with the time of the first frame after `ready()` holds.
  const watch = (ready: string) => tab.evaluate(`window.__clarteBenchWatch = new Promise((resolve) => {
    const check = () => (${ready}) && (requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now()))), true);
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true });
    setTimeout(() => resolve(null), 15000);
  }), undefined`);
  const seen = () => tab.evaluate('window.__clarteBenchWatch') as Promise<number | null>;
  await watch(`document.querySelector('clarte-reader')`);
  const shownFrom = await shortcut();
  const shownAt = await seen();
  if (shownAt === null) return { readerShownMs: null, restoreMs: null };
  await watch(`!document.querySelector('clarte-reader')`);
  const restoreFrom = await shortcut();
  const restoredAt = await seen();
  return { readerShownMs: shownAt - shownFrom, restoreMs: restoredAt === null ? null : restoredAt - restoreFrom };
}

// ——— 5. CLI batch over WCXB ———

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Worker threads for the CLI batch: the cores (the CLI's own default), given explicitly so the table says it. */
const CLI_JOBS = cpus().length;

async function cliBatch(files: string[]) {
  log(`CLI batch over ${files.length} WCXB pages, --jobs ${CLI_JOBS}`);
  spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  // The worker threads live in the CLI's process: its resident memory is theirs too.
  const child = spawn(process.execPath, [join(ROOT, 'bin/clarte.mjs'), 'clean', '--json', '--batch', '--jobs', String(CLI_JOBS)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const started = performance.now();
  let done = 0;
  let errors = 0;
  let peakKb = 0;
  let rssAfter200Kb = 0;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, rssKb(child.pid!));
  }, 100);
  const lines = createInterface({ input: child.stdout! });
  const finished = (async () => {
    for await (const line of lines) {
      done += 1;
      if ((JSON.parse(line) as { error: string | null }).error) errors += 1;
      if (done === 200) rssAfter200Kb = rssKb(child.pid!);
      if (done % 250 === 0) log(`CLI batch: ${done}/${files.length}`);
    }
  })();
  for (const file of files) {
    if (!child.stdin!.write(`${JSON.stringify({ file: join(WCXB, file) })}\n`)) {
      await new Promise((drain) => child.stdin!.once('drain', drain));
    }
  }
  child.stdin!.end();
  const rssEndKb = await new Promise<number>((resolveEnd) => {
    // The last reading before the process exits: sampled as the final line arrives.
    const last = setInterval(() => {
      const value = rssKb(child.pid!);
      if (value) peakKb = Math.max(peakKb, value);
      if (done >= files.length) {
        clearInterval(last);
        resolveEnd(value);
      }
    }, 20);
  });
  await finished;
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  return {
    cliJobs: CLI_JOBS,
    cliPages: done,
    cliErrors: errors,
    cliPagesPerSecond: round(done / seconds, 2),
    cliPeakRssMb: round(peakKb / 1024),
    cliRssAfter200Mb: done >= 200 ? round(rssAfter200Kb / 1024) : null,
    cliRssEndMb: round(rssEndKb / 1024),
  };
}

/**
 * The same pages through plain Readability on the same number of worker threads, each page loaded and parsed as
 * the CLI does (scripts/bench-cli-plain.ts): what jsdom and Readability alone allow on this machine.
 */
async function plainBatch(files: string[]) {
  log(`plain Readability on jsdom over the same ${files.length} pages, ${CLI_JOBS} threads`);
  // Bundled with the CLI (scripts/build-cli.mjs, run before the CLI's batch).
  const worker = join(ROOT, 'dist/bench-cli-plain.mjs');
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: CLI_JOBS }, () => new Promise<void>((resolveThread, reject) => {
    // The heap cap of the CLI's workers (cli/main.ts), so both collect alike.
    const thread = new Worker(worker, { resourceLimits: { maxOldGenerationSizeMb: 384 } });
    const feed = () => {
      if (next < files.length) thread.postMessage(join(WCXB, files[next++]));
      else void thread.terminate().then(() => resolveThread());
    };
    thread.on('online', feed).on('message', feed).on('error', reject);
  })));
  return { cliPlainPagesPerSecond: round(files.length / ((performance.now() - started) / 1000), 2) };
}

// ——— 6. Page shapes through the CLI ———

/** Each shape at each size through `clarte clean --json`, one process each: wall time and what came out. */
function cliShapes(): ShapeTiming[] {
  const dir = mkdtempSync(join(tmpdir(), 'clarte-bench-shapes-'));
  const timings: ShapeTiming[] = [];
  try {
    for (const shape of SHAPES) {
      for (const scale of SHAPE_SCALES) {
        const file = join(dir, `${shape}-${scale}.html`);
        writeFileSync(file, pageShapes[shape](scale));
        const started = performance.now();
        const run = spawnSync(process.execPath, [join(ROOT, 'bin/clarte.mjs'), 'clean', '--json', '--timeout', String(SHAPE_CLI_TIMEOUT_S), file], {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        });
        const ms = performance.now() - started;
        const record = JSON.parse(run.stdout || '{}') as { error?: string | null; isArticle?: boolean };
        const outcome = record.error ?? (record.isArticle ? 'article' : record.isArticle === false ? 'not an article' : `no result (${run.status})`);
        timings.push({ shape, scale, ms, outcome });
        rmSync(file);
      }
      log(`page shape ${shape} through the CLI`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return timings;
}

/** Per shape: full-size time, how it grew from half size (2 is linear; null with one size), what came out. */
function shapeSummary(timings: ShapeTiming[]) {
  return Object.fromEntries(SHAPES.map((shape) => {
    const [full, half] = SHAPE_SCALES.map((scale) => timings.find((timing) => timing.shape === shape && timing.scale === scale))
      .reverse();
    return [shape, {
      ms: round(full?.ms ?? NaN),
      growth: half && full ? round(full.ms / Math.max(half.ms, 0.01), 2) : null,
      outcome: full?.outcome ?? 'not run',
    }];
  }));
}

// ——— Report ———

const shPages = readdirSync(SCRAPINGHUB).filter((file) => file.endsWith('.html.gz')).sort().slice(0, sample);
const wcxbPages = readdirSync(WCXB).filter((file) => file.endsWith('.html.gz')).sort().slice(0, sample);
if (!existsSync(join(ROOT, '.output/chrome-mv3-e2e/manifest.json'))) {
  log('building the e2e extension');
  spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'ignore' });
}

const sizes = productionSizes();
log(`Chromium: ${shPages.length} ScrapingHub pages, ${RUNS} runs each`);
const chromium = await inChromium(shPages);
const cli = await cliBatch(wcxbPages);
const cliPlain = await plainBatch(wcxbPages);
log(`page shapes through the CLI, at ${SHAPE_SCALES.join(' and ')} of their size`);
const shapesCli = shapeSummary(cliShapes());
const shapesChromium = shapeSummary(chromium.shapes);

const measured = chromium.timings.filter((timing) => !timing.error);
const pipeline = measured.map((timing) => timing.pipelineMs);
const readability = measured.map((timing) => timing.readabilityMs);
const ratios = measured.map((timing) => timing.pipelineMs / Math.max(timing.readabilityMs, 0.01));
const STEPS: PipelineStep[] = [
  'copy', 'metadata', 'clean-up before', 'Readability', 'prose retry', 'is-article', 'clean-up after', 'sanitize', 'outputs',
];
// Each step's median over the pages that ran it (the prose retry runs on few pages; a page without an article
// stops after is-article).
const stepMedians = Object.fromEntries(STEPS.map((step) => {
  const times = measured.flatMap((timing) => (timing.steps?.[step] === undefined ? [] : [timing.steps[step]]));
  return [step, { medianMs: round(median(times)), pages: times.length }];
})) as Record<PipelineStep, { medianMs: number; pages: number }>;
// What the 1.3 budget is up against: copying the page and Readability on the cleaned copy, the two steps plain
// Readability also has, as a share of plain Readability on the same page.
const copyAndReadabilityRatio = median(measured.map((timing) =>
  ((timing.steps?.copy ?? NaN) + (timing.steps?.Readability ?? NaN)) / Math.max(timing.readabilityMs, 0.01)));
const popupWaits = chromium.waits.flatMap((wait) => (wait.popup ? [wait.popup] : []));
const popupTotals = popupWaits.map((wait) => wait.totalMs);
const readerShown = chromium.waits.flatMap((wait) => (wait.readerShownMs === null ? [] : [wait.readerShownMs]));
const restores = chromium.waits.flatMap((wait) => (wait.restoreMs === null ? [] : [wait.restoreMs]));
const result = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  pages: measured.length,
  pageErrors: chromium.timings.length - measured.length,
  pipelineMedianMs: round(median(pipeline)),
  pipelineP95Ms: round(quantile(pipeline, 0.95)),
  pipelineMaxMs: round(Math.max(...pipeline)),
  readabilityMedianMs: round(median(readability)),
  readabilityP95Ms: round(quantile(readability, 0.95)),
  readabilityMaxMs: round(Math.max(...readability)),
  readabilityCopyMedianMs: round(median(measured.map((timing) => timing.readabilityCopyMs ?? NaN))),
  readabilityParseMedianMs: round(median(measured.map((timing) => timing.readabilityParseMs ?? NaN))),
  pipelineStepMedianMs: Object.fromEntries(STEPS.map((step) => [step, stepMedians[step].medianMs])),
  proseRetryPages: stepMedians['prose retry'].pages,
  copyAndReadabilityRatioMedian: round(copyAndReadabilityRatio, 2),
  ratioMedian: round(median(ratios), 2),
  ratioOfMedians: round(median(pipeline) / median(readability), 2),
  popupToTextMedianMs: round(median(popupTotals)),
  popupToTextP95Ms: round(quantile(popupTotals, 0.95)),
  popupSamples: popupTotals.length,
  popupWaitMedianMs: Object.fromEntries(POPUP_PHASES.map(([phase]) =>
    [phase, round(median(popupWaits.map((wait) => wait.phases[phase])))])),
  readerShownMedianMs: round(median(readerShown)),
  readerShownP95Ms: round(quantile(readerShown, 0.95)),
  restoreMedianMs: round(median(restores)),
  restoreP95Ms: round(quantile(restores, 0.95)),
  readerSamples: readerShown.length,
  ...sizes,
  idleContentScripts: chromium.idleContentScripts,
  idleRequests: chromium.idleRequests,
  ...cli,
  ...cliPlain,
  shapeScales: SHAPE_SCALES,
  shapesChromium,
  shapesChromiumMaxMs: Math.max(...Object.values(shapesChromium).map((shape) => shape.ms)),
  shapesCli,
};

const mark = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');
const rows: [string, string, string][] = [
  ['pages (ScrapingHub, Chromium)', String(result.pages), result.pageErrors ? `${result.pageErrors} failed` : ''],
  ['pipeline median / p95 / max', `${result.pipelineMedianMs} / ${result.pipelineP95Ms} / ${result.pipelineMaxMs} ms`,
    `p95 ≤ ${BUDGET.pipelineP95Ms} ms: ${mark(result.pipelineP95Ms <= BUDGET.pipelineP95Ms)}`],
  ['Readability median / p95 / max', `${result.readabilityMedianMs} / ${result.readabilityP95Ms} / ${result.readabilityMaxMs} ms`, ''],
  ['ratio pipeline / Readability (median of pages)', String(result.ratioMedian),
    `≤ ${BUDGET.ratioMedian}: ${mark(result.ratioMedian <= BUDGET.ratioMedian)}`],
  ['ratio of the medians', String(result.ratioOfMedians), ''],
  ['Readability: copy / parse (medians)', `${result.readabilityCopyMedianMs} / ${result.readabilityParseMedianMs} ms`, ''],
  ...STEPS.map((step): [string, string, string] => [
    `  pipeline step: ${step} (median)`,
    `${stepMedians[step].medianMs} ms`,
    stepMedians[step].pages === result.pages ? '' : `on the ${stepMedians[step].pages} pages that ran it`,
  ]),
  ['copy + Readability alone / plain Readability', String(result.copyAndReadabilityRatioMedian),
    'median of pages: what the other steps share of the ratio budget'],
  ['toolbar click → text painted, median / p95', `${result.popupToTextMedianMs} / ${result.popupToTextP95Ms} ms`,
    `≤ ${BUDGET.popupToTextMedianMs} / ${BUDGET.popupToTextP95Ms} ms: ${mark(result.popupToTextMedianMs <= BUDGET.popupToTextMedianMs && result.popupToTextP95Ms <= BUDGET.popupToTextP95Ms)}, ${result.popupSamples} pages`],
  ...POPUP_PHASES.map(([phase, what]): [string, string, string] => [
    `  ${what} (median)`, `${result.popupWaitMedianMs[phase]} ms`, '']),
  ['shortcut → reader view painted, median / p95', `${result.readerShownMedianMs} / ${result.readerShownP95Ms} ms`,
    `median ≤ ${BUDGET.readerShownMedianMs} ms: ${mark(result.readerShownMedianMs <= BUDGET.readerShownMedianMs)}, ${result.readerSamples} pages`],
  ['shortcut again → page restored, median / p95', `${result.restoreMedianMs} / ${result.restoreP95Ms} ms`,
    `median ≤ ${BUDGET.restoreMedianMs} ms: ${mark(result.restoreMedianMs <= BUDGET.restoreMedianMs)}`],
  ['content script (raw / gzip)', `${result.contentScriptBytes} / ${result.contentScriptGzipBytes} B`, ''],
  ['zipped Chrome package', `${result.zipBytes} B`, `≤ ${BUDGET.zipBytes} B: ${mark(result.zipBytes <= BUDGET.zipBytes)}`],
  ['idle page: content-script worlds / requests', `${result.idleContentScripts} / ${result.idleRequests}`,
    `must be 0: ${mark(result.idleContentScripts === 0 && result.idleRequests === 0)}`],
  ['CLI batch (WCXB dev)', `${result.cliPages} pages, ${result.cliPagesPerSecond} pages/s`,
    `--jobs ${result.cliJobs}, ${result.cliErrors} errors; ≥ ${CLI_BUDGET.pagesPerSecond}: ${mark(result.cliPagesPerSecond >= CLI_BUDGET.pagesPerSecond)}`],
  ['plain Readability on jsdom, same pages and threads', `${result.cliPlainPagesPerSecond} pages/s`,
    `the CLI at ${round(100 * result.cliPagesPerSecond / result.cliPlainPagesPerSecond)} % of it`],
  ['CLI RSS peak / after 200 / at end', `${result.cliPeakRssMb} / ${result.cliRssAfter200Mb ?? '–'} / ${result.cliRssEndMb} MB`,
    `peak ≤ ${CLI_BUDGET.peakRssMb} MB: ${mark(result.cliPeakRssMb <= CLI_BUDGET.peakRssMb)}`],
  ...SHAPES.map((shape): [string, string, string] => {
    const [inPage, cli] = [result.shapesChromium[shape], result.shapesCli[shape]];
    const growth = (value: number | null) => (value === null ? '' : ` (×${value})`);
    return [`page shape ${shape}: Chromium / CLI`, `${inPage.ms} ms${growth(inPage.growth)} / ${round(cli.ms / 1000)} s${growth(cli.growth)}`,
      `${inPage.outcome} / ${cli.outcome}; busy ≤ ${SHAPE_BUSY_BUDGET_MS} ms: ${mark(inPage.ms <= SHAPE_BUSY_BUDGET_MS)}`];
  }),
];
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`Clarté bench, ${result.date}, ${result.machine}`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(28)}  ${note}`);
console.log(JSON.stringify(result));
