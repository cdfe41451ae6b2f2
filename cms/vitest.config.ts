import { defineConfig } from 'vitest/config';
import { databaseProjects } from './tests/harness/test-databases.ts';

// Each file boots its own Strapi on its own database: on SQLite, and again on PostgreSQL when
// TEST_DATABASE_URL is set (projects "cms (sqlite)" and "cms (postgres)", tests/harness/test-databases.ts).
export default defineConfig(async () => ({
  test: {
    name: 'cms',
    // Forks keep the Strapi instances apart.
    pool: 'forks',
    isolate: false,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: await databaseProjects({ strapiFiles: ['tests/integration/**/*.test.ts'], otherFiles: ['tests/unit/**/*.test.ts'] }),
  },
}));
