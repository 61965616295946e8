// Bundles the CLI (cli/main.ts and its worker, cli/worker.ts) into dist/ as plain JavaScript, so `clarte` starts
// without compiling TypeScript. Runs after `npm ci` (postinstall) and before the tests (tests/build-cli.setup.ts);
// the libraries stay in node_modules and are loaded only by the worker threads, when there is a page to clean.
import { build } from 'esbuild';

const ROOT = new URL('..', import.meta.url);

async function buildCli() {
  await build({
    absWorkingDir: ROOT.pathname,
    // With the bench's plain baseline (scripts/bench-cli-plain.ts), built the same way so the two compare alike.
    entryPoints: { clarte: 'cli/main.ts', 'clarte-worker': 'cli/worker.ts', 'bench-cli-plain': 'scripts/bench-cli-plain.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

await buildCli();
