import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three kinds of test, one run: `lib/` units under happy-dom (fast, not a browser), tests that need a real
// sanitizer or Node (jsdom: CLI, golden pages, quality guard), and end-to-end tests of the built extension.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['lib/**/*.test.ts', 'utils/**/*.test.ts', 'entrypoints/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/*.test.ts'],
          globalSetup: ['tests/build-cli.setup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/build-cli.setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
