import { defineConfig } from 'vitest/config';
import { databaseProjects } from '../cms/tests/harness/test-databases.ts';

/**
 * `npm test -w web`, and the `web` project of the root `npm test`: unit tests, and integration
 * tests that boot the real CMS in-process (cms/tests/harness), build and serve both site modes
 * and drive Chromium. The files that boot the CMS run on SQLite, and again on PostgreSQL when
 * TEST_DATABASE_URL is set (projects "web (sqlite)" and "web (postgres)",
 * cms/tests/harness/test-databases.ts). The end-to-end suite against an already running site and CMS has its own
 * config (vitest.e2e.config.ts).
 */
export default defineConfig(async () => ({
  test: {
    name: 'web',
    environment: 'node',
    // The integration file boots Strapi in its worker and spawns builds and servers: one file at
    // a time, each in its own process.
    pool: 'forks',
    isolate: false,
    fileParallelism: false,
    testTimeout: 60_000,
    // CMS boot + seed + two Astro builds on a slow 2-core machine.
    hookTimeout: 420_000,
    teardownTimeout: 60_000,
    projects: await databaseProjects({
      strapiFiles: ['tests/integration/**/*.test.ts'],
      // Units, and Chromium against a local page (tests/browser): no CMS in them.
      otherFiles: ['tests/unit/**/*.test.ts', 'tests/browser/**/*.test.ts'],
    }),
  },
}));
