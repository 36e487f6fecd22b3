import { defineConfig } from 'vitest/config';

const env = { ASTRO_TELEMETRY_DISABLED: '1', TZ: 'UTC' };

export default defineConfig({
  test: {
    // Builds are CPU-heavy on a 2-core machine: run test files two at a time.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          // Site builds take seconds; each build test file builds once in beforeAll.
          testTimeout: 120_000,
          hookTimeout: 300_000,
          env,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          // The sample site is built at two base paths once, before any browser test.
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          env,
        },
      },
    ],
  },
});
