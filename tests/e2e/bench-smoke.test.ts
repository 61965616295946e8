// The benchmark runs in CI on a small sample so it cannot rot: it must finish and end with its JSON line, every
// number present. No timing is asserted here (budgets are checked by reading a full `npm run bench`).
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('npm run bench --sample 2 ends with a well-formed JSON line', () => {
  const output = execFileSync('npx', ['tsx', 'scripts/bench.ts', '--sample', '2'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 240_000,
  });
  const last = output.trim().split('\n').at(-1)!;
  const result = JSON.parse(last) as Record<string, unknown>;
  for (const key of [
    'pages', 'pipelineMedianMs', 'readabilityMedianMs', 'ratioMedian', 'pipelineP95Ms', 'popupToTextMedianMs',
    'popupToTextP95Ms', 'readerShownMedianMs', 'restoreMedianMs',
    'contentScriptBytes', 'contentScriptGzipBytes', 'zipBytes', 'idleContentScripts', 'cliPagesPerSecond', 'cliPlainPagesPerSecond',
    'cliPeakRssMb', 'shapesChromiumMaxMs',
  ]) {
    expect(typeof result[key], key).toBe('number');
    expect(Number.isFinite(result[key]), key).toBe(true);
  }
  expect(result.pages).toBe(2);
  // Where the pipeline's time goes: every step an article page runs (the prose retry runs on few pages).
  const steps = result.pipelineStepMedianMs as Record<string, unknown>;
  for (const step of ['metadata', 'copy', 'clean-up before', 'Readability', 'is-article', 'clean-up after', 'sanitize', 'outputs']) {
    expect(typeof steps[step], step).toBe('number');
  }
  expect(typeof result.copyAndReadabilityRatioMedian).toBe('number');
  // Where the popup's wait goes: every phase from the toolbar click to the text's first paint.
  const popupWait = result.popupWaitMedianMs as Record<string, unknown>;
  for (const phase of ['opened', 'script', 'inject', 'injected', 'pipeline-start', 'pipeline-end', 'answered', 'text-shown', 'painted']) {
    expect(typeof popupWait[phase], phase).toBe('number');
  }
  expect(result.cliPages).toBe(2);
  // Every page shape measured in Chromium and through the CLI, with what came out.
  for (const where of ['shapesChromium', 'shapesCli']) {
    const shapes = result[where] as Record<string, { ms: unknown; outcome: unknown }>;
    expect(Object.keys(shapes).length, where).toBeGreaterThanOrEqual(8);
    for (const [shape, { ms, outcome }] of Object.entries(shapes)) {
      expect(typeof ms, `${where} ${shape}`).toBe('number');
      expect(outcome, `${where} ${shape}`).toMatch(/^(article|not an article)$|the page/);
    }
  }
  // Structural, not timing: on an ordinary page nobody asked to clean, the extension is absent.
  expect(result.idleContentScripts).toBe(0);
}, 300_000);
