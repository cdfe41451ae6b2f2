// @ts-check
/**
 * One code base, two rendering modes, chosen by SITE_MODE:
 *  - static (default): `astro build` prerenders every page of every locale into dist/ from the
 *    build-time content collections (src/content.config.ts); a CMS failure fails the build.
 *  - server: @astrojs/node standalone (127.0.0.1:4321, or HOST/PORT) behind our own server entry
 *    (src/server/entry.ts: fresh route-cache pages answered before Astro), pages rendered on
 *    request from the live collections (src/live.config.ts), Astro's route cache with a
 *    stale-if-error provider, security headers, the signed POST /api/revalidate webhook, and the
 *    draft preview GET /preview/practices/{documentId} (a token signed with PREVIEW_SECRET; read with SITE_PREVIEW_TOKEN).
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { buildSearchIndex, searchIndexLine } from './src/lib/search/static-index.ts';
import { prerendererWithShards, RenderTimeShards } from './src/lib/search/render-time-shards.ts';
import { removeStaleOutput, staleOutputLine } from './src/lib/static-build/stale-output.ts';
import { SEARCH_INDEX_DIR } from './src/lib/search/bundle-paths.ts';
import { incrementalBuildFromEnv } from './src/lib/static-build/incremental-flag.ts';

// The shell's `_` (the command that started this build) out of the build's environment: Astro's
// env plugin inlines every variable whose name appears in a module that reads the env object as a
// whole (Astro's own actions runtime does), and every module has an underscore. Kept, it would
// make the pages' code, and so the incremental build's cache, depend on how the build was started.
delete process.env._;

const mode = (process.env.SITE_MODE ?? 'static').trim() || 'static';
if (mode !== 'static' && mode !== 'server') {
  throw new Error(`SITE_MODE must be "static" or "server", not ${JSON.stringify(process.env.SITE_MODE)}`);
}
const server = mode === 'server';

/**
 * Incremental static builds (issue 17.5): a page whose cache key (src/lib/data/cache-keys.ts)
 * and code are unchanged since the last build on this machine is copied from it instead of
 * rendered. On by default; SITE_INCREMENTAL_BUILD=false renders every page (a build from nothing).
 * The cache is Astro's cacheDir (below), kept between builds.
 */
const incremental = !server && incrementalBuildFromEnv();
/**
 * Where Astro keeps what one build leaves to the next (data store, incremental cache, practice
 * details, search index state): SITE_CACHE_DIR, by default (static mode) a folder per output
 * folder under node_modules/.astro-static/ (set in gp-routes' config:setup, where the output
 * folder of `--outDir` is known). One per output folder: Astro's incremental build keeps a page
 * that is already in the output when its key matches the cache's, so a cache shared by two output
 * folders would keep, in one, the page of an older build. Not Astro's default folder either, which
 * server-mode commands use (`astro check` syncs the content layer with the server config, and its
 * store would replace the static build's). A CI job keeps it between runs (with SITE_CACHE_DIR:
 * one output folder per cache folder).
 */
const cacheDir = process.env.SITE_CACHE_DIR?.trim() || undefined;
/**
 * Pages rendered at a time by the static build (SITE_BUILD_CONCURRENCY, default 8): on four cores
 * or more, a page awaiting its Markdown from a worker thread (src/lib/markdown/pool.ts) lets the
 * main thread render the next ones. Astro 7.3 keeps the incremental cache at any concurrency (the
 * bench measures 1 against 8).
 */
const concurrency = Number((process.env.SITE_BUILD_CONCURRENCY ?? '').trim() || 8);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
  throw new Error(`SITE_BUILD_CONCURRENCY must be an integer from 1 to 64, not ${JSON.stringify(process.env.SITE_BUILD_CONCURRENCY)}`);
}

/** @type {import('astro').AstroIntegration} */
const siteRoutes = {
  name: 'gp-routes',
  hooks: {
    'astro:config:setup': ({ command, config, injectRoute, updateConfig }) => {
      // The static build's cache folder of this output folder (see cacheDir above).
      if (!server && !cacheDir) {
        const outDirKey = createHash('sha1').update(fileURLToPath(config.outDir)).digest('hex').slice(0, 12);
        updateConfig({ cacheDir: new URL(`./node_modules/.astro-static/${outDirKey}/`, config.root) });
      }
      // The static build's Markdown workers load this file with Node (src/lib/markdown/pool.ts);
      // not in the dev server, where a worker would not see edits of renderer.ts.
      if (!server && command === 'build') {
        const worker = fileURLToPath(new URL('./src/lib/markdown/worker.ts', import.meta.url));
        updateConfig({ vite: { define: { 'import.meta.env.GP_MARKDOWN_WORKER': JSON.stringify(worker) } } });
      }
      // Only a server can answer a POST: the webhook route does not exist in a static build.
      if (server) injectRoute({ pattern: '/api/revalidate', entrypoint: './src/routes/revalidate.ts', prerender: false });
      // Drafts are shown only on request, with a token the CMS signed (PREVIEW_SECRET), to the CMS admin's Preview panel.
      // The answers of a self-assessment as a file download: a static host has no server (its script makes the file).
      if (server) injectRoute({ pattern: '/[locale]/self-assessment/answers.json', entrypoint: './src/routes/assessment-answers.ts', prerender: false });
      if (server) injectRoute({ pattern: '/preview/practices/[documentId]', entrypoint: './src/routes/preview-practice.astro', prerender: false });
      // A proposal's private status page: one per token on request; a static build has one page per
      // locale that the host serves for every token (dist/_redirects), its script asks the CMS (web/README.md).
      if (server) injectRoute({ pattern: '/[locale]/submit/status/[token]', entrypoint: './src/routes/submission-status.astro', prerender: false });
      if (!server) injectRoute({ pattern: '/[locale]/submit/status', entrypoint: './src/routes/submission-status-static.astro', prerender: true });
      if (!server) injectRoute({ pattern: '/_redirects', entrypoint: './src/routes/static-redirects.ts', prerender: true });
      // A static host sends the security headers itself: dist/_headers, from server mode's source.
      if (!server) injectRoute({ pattern: '/_headers', entrypoint: './src/routes/static-headers.ts', prerender: true });
    },
  },
};

/** @type {string | undefined} What the last build left in the output's route folders (src/lib/static-build/stale-output.ts). */
let staleOutputState;
/** When the build started: files written since then are this build's (gp-stale-output). */
let buildStartedAt = 0;
/**
 * An incremental build keeps dist/ (vite.build.emptyOutDir below): pages whose key is unchanged
 * stay as they are; what this build did not produce is removed once the pages are written
 * (src/lib/static-build/stale-output.ts). Runs before the search index, which then sees the final pages.
 * @type {import('astro').AstroIntegration}
 */
const staleOutput = {
  name: 'gp-stale-output',
  hooks: {
    'astro:config:done': ({ config }) => {
      staleOutputState = incremental ? fileURLToPath(new URL('gp-stale-output.json', config.cacheDir)) : undefined;
    },
    'astro:build:start': () => {
      buildStartedAt = Date.now();
    },
    'astro:build:done': async ({ dir, assets, logger }) => {
      if (!incremental) return;
      const outputs = [...assets.values()].flat();
      logger.info(staleOutputLine(await removeStaleOutput(fileURLToPath(dir), outputs, buildStartedAt, [SEARCH_INDEX_DIR], staleOutputState)));
    },
  },
};

/** @type {string | undefined} The search index's state file of an incremental build. */
let searchIndexState;
/** @type {string | undefined} The practice pages' keys of the last builds (src/lib/search/render-time-shards.ts). */
let searchPagesState;
/** @type {RenderTimeShards | undefined} This build's shards indexed while the pages render. */
let renderTimeShards;
/** @type {string | undefined} The static build's output folder. */
let staticOutDir;
/**
 * The static site's search (issue 15.1): once every page is written, Pagefind indexes the
 * practice pages into `{outDir}/pagefind/`, one index per locale (src/lib/search/static-index.ts).
 * Part of every static build, wherever it runs (`npm start`, tests, bench: all `astro build`);
 * an indexing failure fails the build. Server mode searches through the CMS and has no index.
 * @type {import('astro').AstroIntegration}
 */
const searchIndex = {
  name: 'gp-search-index',
  hooks: {
    // An incremental build keeps the shards whose pages did not change (their state next to Astro's cache).
    'astro:config:done': ({ config }) => {
      searchIndexState = incremental ? fileURLToPath(new URL('gp-search-index.json', config.cacheDir)) : undefined;
      searchPagesState = incremental ? fileURLToPath(new URL('gp-search-pages.json', config.cacheDir)) : undefined;
      staticOutDir = fileURLToPath(config.outDir);
    },
    // An incremental build indexes the shards it expects to change while the pages render.
    'astro:build:start': ({ setPrerenderer }) => {
      if (server || !searchPagesState || !staticOutDir) return;
      const shards = new RenderTimeShards(staticOutDir, searchPagesState);
      renderTimeShards = shards;
      setPrerenderer((base) => prerendererWithShards(base, shards));
    },
    'astro:build:done': async ({ dir, logger }) => {
      if (server) return;
      const prepared = await renderTimeShards?.finish();
      if (renderTimeShards) logger.info(`search shards while rendering: ${renderTimeShards.summary}`);
      logger.info(searchIndexLine(await buildSearchIndex(fileURLToPath(dir), { stateFile: searchIndexState, prepared })));
    },
  },
};

/**
 * @astrojs/node (standalone) with src/server/entry.ts as the bundle's entry instead of the
 * adapter's own: ours imports the adapter's handler and puts the route cache's fast path in front
 * of it. Being bundled by Astro (not a separate script importing dist-server), it shares the
 * route store module with the cache provider, and `node dist-server/server/entry.mjs` stays the
 * start command.
 * @param {import('astro').AstroIntegration} adapter
 * @param {string} serverEntrypoint
 * @returns {import('astro').AstroIntegration}
 */
function withServerEntrypoint(adapter, serverEntrypoint) {
  const configDone = adapter.hooks['astro:config:done'];
  if (!configDone) throw new Error(`${adapter.name} sets no adapter in astro:config:done`);
  return {
    ...adapter,
    hooks: {
      ...adapter.hooks,
      'astro:config:done': (params) =>
        configDone({ ...params, setAdapter: (settings) => params.setAdapter({ ...settings, serverEntrypoint }) }),
    },
  };
}

/**
 * On request, getStaticPaths is unused (pages validate their params against the CMS instead);
 * drop the exports so Astro does not warn once per page on every server build.
 * @type {import('vite').Plugin}
 */
const staticPathsOnlyWhenStatic = {
  name: 'gp-static-paths-only-when-static',
  enforce: 'pre',
  transform(code, id) {
    if (!server || !/\/src\/pages\/.*\.(astro|ts)$/.test(id) || !code.includes('export const getStaticPaths')) return;
    return code.replace(/export const getStaticPaths = (\w+);/, 'void $1;');
  },
};

export default defineConfig({
  // Build-time only (Astro.site); pages take SITE_URL when they render, i.e. at run time on request (src/lib/site/origin.ts).
  site: process.env.SITE_URL || 'http://127.0.0.1:4321',
  output: server ? 'server' : 'static',
  ...(cacheDir ? { cacheDir } : {}),
  // Each mode has its own output folder, so building one never wipes the other.
  outDir: server ? './dist-server' : './dist',
  // bodySizeLimit: the only route that reads a body is POST /api/revalidate (64 KB, counted by
  // the route itself); 1 MB instead of the adapter's 1 GB default for any other (README "Limits").
  adapter: server ? withServerEntrypoint(node({ mode: 'standalone', bodySizeLimit: 1024 * 1024 }), fileURLToPath(new URL('./src/server/entry.ts', import.meta.url))) : undefined,
  server: { host: '127.0.0.1', port: Number(process.env.PORT) || 4321 },
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never', ...(server ? {} : { concurrency }) },
  experimental: { incrementalBuild: incremental },
  cache: server ? { provider: { name: 'gp-stale-if-error', entrypoint: './src/lib/cache/provider.ts', config: { max: 2000 } } } : undefined,
  // Cover images: the CMS made the smaller copies already; the service only offers them as a
  // srcset (src/lib/images/cms-image-service.ts), in both modes, without downloading an image.
  image: { service: { entrypoint: './src/lib/images/cms-image-service.ts' } },
  integrations: [siteRoutes, staleOutput, searchIndex],
  devToolbar: { enabled: false },
  prefetch: false,
  compressHTML: true,
  vite: {
    define: { 'import.meta.env.SITE_MODE': JSON.stringify(mode) },
    // Never inline a script into the HTML (Astro inlines small ones): the CSP allows none. The
    // static build's only scripts are the list pages' search (components/StaticSearch.astro) and
    // the self-assessment's (components/assessment/AssessmentScript.astro); other assets keep
    // Vite's default (4 KB).
    // emptyOutDir: false keeps dist/ for an incremental build (see staleOutput above).
    build: { assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined), ...(incremental ? { emptyOutDir: false } : {}) },
    plugins: [staticPathsOnlyWhenStatic],
  },
});
