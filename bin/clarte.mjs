#!/usr/bin/env node
// `npx clarte`: the CLI as bundled JavaScript (dist/, built by `npm ci` and `node scripts/build-cli.mjs`).
try {
  await import('../dist/clarte.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/clarte.mjs')) throw error;
  process.stderr.write('clarte: the CLI is not built: run `npm ci` (or `node scripts/build-cli.mjs`) first\n');
  process.exitCode = 2;
}
