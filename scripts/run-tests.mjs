// `npm test`: builds the e2e extension for both browsers, runs every Vitest project, and ends with the
// `N passed, N failed` line that CI reads (it does not understand Vitest's own summary).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { BROWSERS, HOW_TO_GET_BROWSERS, VOICE } from '../tests/e2e/support/browsers.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

// Without its browsers (or the voice) the run would fail minutes in, on a launcher's stack trace: say so before anything else.
// Only a run limited to other tests' files (`npm test -- lib/`) goes on without them.
const args = process.argv.slice(2);
const operands = args.filter((arg) => !arg.startsWith('-'));
const onlyOtherFiles = operands.length > 0 && operands.every((arg) => existsSync(arg) && !/e2e/.test(arg));
if (!onlyOtherFiles) {
  const missing = [...Object.values(BROWSERS), ...Object.values(VOICE)].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    console.log(`npm test: ${missing.join(' and ')} not found. ${HOW_TO_GET_BROWSERS}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

for (const args of [['build', '--mode', 'e2e'], ['build', '-b', 'firefox', '--mode', 'e2e']]) {
  if (run('npx', ['wxt', ...args]) !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const status = run('npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...args,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  skipped = json.numPendingTests + json.numTodoTests;
} catch {
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status || (failed ? 1 : 0));
