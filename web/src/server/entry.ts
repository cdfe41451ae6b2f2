/**
 * Server entry of the on-request site (`node dist-server/server/entry.mjs`): @astrojs/node's
 * standalone handler behind a Node HTTP server of ours whose first step is the route cache's fast
 * path (./cached-pages.ts). A fresh cached page costs a Map lookup and one write; everything
 * else — static files (/_astro/*, public/), misses, stale pages, POST /api/revalidate, the
 * draft preview, 404s — goes to @astrojs/node exactly as before.
 *
 * astro.config.mjs makes this file the adapter's server entrypoint, so Astro bundles it with the
 * app: the cache provider and this server then share one module instance of the route store.
 *
 * Same environment as @astrojs/node standalone: HOST, PORT (default: astro.config's server
 * host/port), SERVER_CERT_PATH + SERVER_KEY_PATH for HTTPS, ASTRO_NODE_AUTOSTART=disabled to
 * import the handler without listening (what `astro preview` does).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { routeCacheLimits } from '../lib/cache/provider';
import { RouteStore, siteRouteStore } from '../lib/cache/route-store';
import { assertRedisSettings, startInvalidationBus } from '../lib/cache/redis/site-redis';
import { cdnHeadersFromEnv } from '../lib/cdn/headers';
import { invalidateHere } from '../lib/revalidation/invalidate';
import { createCachedPageHandler } from './cached-pages';
import { exposeCdnHeaders } from './cdn-headers';
import { assertSiteSecrets } from './secrets';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

// @astrojs/node's module starts its own server on import unless told not to: we start ours.
const autostart = process.env.ASTRO_NODE_AUTOSTART !== 'disabled';
const previousAutostart = process.env.ASTRO_NODE_AUTOSTART;
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const astro = await import('@astrojs/node/server.js');
if (previousAutostart === undefined) delete process.env.ASTRO_NODE_AUTOSTART;
else process.env.ASTRO_NODE_AUTOSTART = previousAutostart;

const answerFromCache = createCachedPageHandler(siteRouteStore);
const astroHandler = astro.handler as NodeHandler;
/** Read once: a CDN configured (`CDN_PURGE_URL`) makes pages carry `CDN-Cache-Control` and `Cache-Tag` out. */
let cdnHeaders: boolean | undefined;

/** The site's request listener: a fresh cached page, else @astrojs/node (static files, then Astro). */
export const handler: NodeHandler = (req, res) => {
  if (answerFromCache(req, res)) return;
  cdnHeaders ??= cdnHeadersFromEnv();
  if (cdnHeaders) exposeCdnHeaders(res);
  astroHandler(req, res);
};

export const options = astro.options;

function hostOf(host: string | boolean | undefined): string {
  if (typeof host === 'boolean') return host ? '0.0.0.0' : 'localhost';
  return host ?? 'localhost';
}

export function startServer(): http.Server {
  // Short shared secrets stop the server here, named (never printed).
  assertSiteSecrets(process.env);
  // A malformed ROUTE_CACHE_* bound stops the server here, named, instead of failing requests.
  const limits = routeCacheLimits();
  // So do a malformed REDIS_URL, ROUTE_CACHE_SHARED or CDN_PURGE_URL / CDN_PURGE_TIMEOUT_MS.
  assertRedisSettings(process.env);
  cdnHeaders = cdnHeadersFromEnv();
  // Several instances (REDIS_URL): hear the invalidations the others receive, from the first request on.
  startInvalidationBus(invalidateHere);
  // `kill -USR2 <pid>`: one line with the route cache's occupancy per tier (operators, tests).
  process.on('SIGUSR2', () => console.info(`[route-cache] ${JSON.stringify((siteRouteStore() ?? new RouteStore(limits)).stats())}`));
  const port = process.env.PORT ? Number(process.env.PORT) : (astro.options.port ?? 8080);
  const host = process.env.HOST ?? hostOf(astro.options.host);
  const server =
    process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH
      ? https.createServer({ key: readFileSync(process.env.SERVER_KEY_PATH), cert: readFileSync(process.env.SERVER_CERT_PATH) }, handler)
      : http.createServer(handler);
  server.on('error', (error) => {
    console.error(error);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const scheme = server instanceof https.Server ? 'https' : 'http';
    console.info(`[site] listening on ${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`);
  });
  return server;
}

if (autostart) startServer();
