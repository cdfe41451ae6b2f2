/**
 * The fast path of the on-request server: a fresh page of the route cache is written straight
 * from Node — the stored Buffer and its prebuilt header list — before the request reaches
 * @astrojs/node (no static-file probe, no Web Request/Response, no Astro pipeline or middleware).
 *
 * It answers exactly what the cache provider would answer as a HIT (same store, same key, same
 * freshness, same headers: the stored ones, which the middleware's security headers are part of,
 * minus the CDN-only ones Astro strips), and nothing else: misses, stale or invalidated pages,
 * other methods, and targets that are not paths go to Astro, which renders, fills the
 * store and serves the last good copy when the CMS fails.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheKeyOfTarget } from '../lib/cache/cache-key';
import type { RouteStore } from '../lib/cache/route-store';

/** Answers a fresh HIT and returns true, or returns false without touching `res`. */
export type CachedPageHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createCachedPageHandler(store: () => RouteStore | undefined): CachedPageHandler {
  return (req, res) => {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const pages = store();
    if (pages === undefined || pages.size === 0 || req.url === undefined) return false;
    const key = cacheKeyOfTarget(req.url);
    if (key === undefined) return false;
    const page = pages.fresh(key);
    if (page === undefined) return false;
    res.writeHead(page.status, page.hitHeaders as string[]);
    if (method === 'HEAD') res.end();
    else res.end(page.body);
    return true;
  };
}
