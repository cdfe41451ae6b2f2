import { defineConfig } from 'vitest/config';

/** Unit tests of the admin panel's pure logic (what the inputs write into the fields). */
export default defineConfig({
  test: {
    name: 'admin',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
