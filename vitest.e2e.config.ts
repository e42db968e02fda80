import { defineConfig } from 'vitest/config';

/** End-to-end checks that drive LibreOffice and poppler: slow, and run one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-catalogs.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    // expect.poll waits for what the page shows after a click or a run; its 1 s default is too short for a slow CI
    // machine (a poll only waits longer when the condition is not met yet: a passing test is no slower).
    expect: { poll: { timeout: 30_000 } },
  },
});
