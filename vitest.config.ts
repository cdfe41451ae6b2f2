import { defineConfig } from 'vitest/config';

// One run over every workspace's suite; each project has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['cms/src/plugins/good-practices', 'cms/src/plugins/good-practices/admin', 'cms', 'cms/vitest.admin.config.ts', 'web', 'scripts', 'bench'],
  },
});
