import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    environment: 'node',
    setupFiles: ['test/setup-catalogs.ts'],
    testTimeout: 20_000,
    // beforeAll hooks build workbooks and run the CLI several times; vitest's 10 s default is too near on a slow
    // 2-core CI machine running test files side by side. Hooks that need more say so.
    hookTimeout: 120_000,
  },
});
