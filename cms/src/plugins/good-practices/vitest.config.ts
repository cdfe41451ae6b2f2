import { defineConfig } from 'vitest/config';
import { databaseProjects } from '../../../tests/harness/test-databases.ts';

/**
 * Integration tests boot a real Strapi in-process (tests/support/strapi-under-test.ts), each
 * file on its own throw-away database: on SQLite, and again on PostgreSQL when TEST_DATABASE_URL
 * is set (projects "plugin (sqlite)" and "plugin (postgres)"; unit tests run once). Forks (Strapi
 * and native SQLite bindings do not belong in worker threads), one file at a time (each boot
 * takes the machine's two cores for seconds) and generous timeouts (a boot with migrations takes
 * 5-20 s, more on PostgreSQL).
 */
export default defineConfig(async () => ({
  test: {
    name: 'plugin',
    environment: 'node',
    pool: 'forks',
    isolate: false,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    projects: await databaseProjects({ strapiFiles: ['tests/integration/**/*.test.ts'], otherFiles: ['tests/unit/**/*.test.ts'] }),
  },
}));
