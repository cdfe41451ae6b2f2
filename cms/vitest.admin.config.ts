import { defineConfig } from 'vitest/config';
import { databaseProjects } from './tests/harness/test-databases.ts';

/**
 * The CMS's tests of the real admin panel in Chromium (tests/admin-panel): a project of their
 * own, "cms-admin (sqlite)" and "cms-admin (postgres)", named apart from the API files so that
 * they can be run (`npm test -- --project "cms-admin*"`) and placed in a lane of `npm test`
 * (scripts/lib/test-lanes.ts) on their own.
 */
export default defineConfig(async () => ({
  test: {
    name: 'cms-admin',
    pool: 'forks',
    isolate: false,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
    projects: await databaseProjects({ strapiFiles: ['tests/admin-panel/**/*.test.ts'] }),
  },
}));
