import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds take seconds; each build test file builds once in beforeAll.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Builds are CPU-heavy on a 2-core machine: run test files one or two at a time.
    maxWorkers: 2,
    env: { ASTRO_TELEMETRY_DISABLED: '1', TZ: 'UTC' },
  },
});
