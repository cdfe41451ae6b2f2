import { defineConfig } from 'vitest/config';
import { databaseProjects } from './tests/harness/test-databases.ts';

/**
 * The CMS's tests of the real admin panel in Chromium (tests/admin-panel): a project of their
 * own, "cms-admin (sqlite)" and "cms-admin (postgres)", so that `npm test` runs them in the
 * site's lane (scripts/lib/test-lanes.ts), one at a time with the site's browser tests and
 * never beside one of them: the admin panel is heavy to render, and two browser files plus
 * Astro builds on two cores made its comboboxes miss keystrokes.
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
