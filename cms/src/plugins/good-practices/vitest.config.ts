import { defineConfig } from 'vitest/config';

/**
 * Integration tests boot a real Strapi in-process (tests/support/strapi-under-test.ts), each
 * file on its own throw-away database: forks (Strapi and native SQLite bindings do not belong in
 * worker threads), one file at a time (each boot takes the machine's two cores for seconds) and
 * generous timeouts (a boot with migrations takes 5-20 s, more on PostgreSQL).
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
