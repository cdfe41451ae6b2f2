import { defineConfig } from 'vitest/config';

/** End-to-end tests: a running site (SITE_URL) and CMS (CMS_URL); see web/README.md. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // Lists every test, so the reason of each skipped check is printed.
    reporters: ['verbose'],
  },
});
