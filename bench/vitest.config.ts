import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench',
    include: ['tests/**/*.test.ts'],
    // The smoke run boots a CMS, builds the site twice and serves it: one file, its own process.
    pool: 'forks',
    // After every other project: the smoke run loads both cores, and its `astro build`s share
    // web/.astro and the content-layer data store with the web project's builds.
    sequence: { groupOrder: 1 },
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
