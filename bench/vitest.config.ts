import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench',
    include: ['tests/**/*.test.ts'],
    // The smoke run boots a CMS, builds the site twice and serves it: one file, its own process.
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
