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
  },
});
