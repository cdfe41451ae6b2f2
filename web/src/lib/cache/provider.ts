/**
 * Route cache provider for server mode: an in-memory cache like Astro's `memoryCache()`, plus
 * "stale if error" — the last good response of a URL is kept after it expires or is invalidated,
 * and is served when re-rendering it fails because the CMS is unreachable, slow or answers
 * nonsense (the page then answers 503 with the `x-gp-cms-unavailable` header, set by the
 * middleware). Without a last good copy the 503 goes out as it is.
 *
 * Invalidation (webhook) marks entries stale instead of dropping them, so the next request
 * re-renders from the CMS at once, but a CMS outage right after a publish still serves a page.
 *
 * The pages themselves live in ./route-store.ts, shared with the server entry's fast path, which
 * answers fresh HITs before a request reaches Astro; this provider answers the HITs that do reach
 * it (e.g. `astro preview`), fills the store and serves the last good copies. Requests are keyed
 * by ./cache-key.ts; what a render says about itself (reads the list query, is a canonical page)
 * comes with its cache tags (./hints.ts) and decides its key and tier.
 *
 * With `ROUTE_CACHE_SHARED=on` (and `REDIS_URL`), a local miss asks the shared route store
 * (./redis/shared-route-store.ts) before rendering, and a canonical page rendered here is shared
 * with the other instances; Redis failing makes the lookup a miss, never an error.
 *
 * Wired in astro.config.mjs as `cache.provider.entrypoint`; pages opt in with `Astro.cache.set()`.
 */
import type { CacheProvider, InvalidateOptions } from 'astro';
import { requestKey, storageKey } from './cache-key';
import { readHints } from './hints';
import { cdnHeadersFromEnv, cdnHeadersOf, PRIVATE_CDN_HEADERS } from '../cdn/headers';
import type { SharedRouteStore } from './redis/shared-route-store';
import { sharedRouteStore } from './redis/site-redis';
import { CACHE_STATUS_HEADER, createSiteRouteStore, DEFAULT_LIMITS, RouteStore, type RouteStoreOptions, type RouteStoreStats, type StoredPage } from './route-store';

export const CMS_UNAVAILABLE_HEADER = 'x-gp-cms-unavailable';
export { CACHE_STATUS_HEADER };

/** The provider's options in astro.config.mjs (`cache.provider.config`). */
export interface StaleIfErrorOptions {
  /** Default of the canonical tier's page count (`ROUTE_CACHE_PAGES` wins). */
  max?: number;
}

function parseMaxAge(header: string | null): number {
  if (!header) return 0;
  for (const part of header.split(',')) {
    const trimmed = part.trim().toLowerCase();
    if (trimmed.startsWith('max-age=')) return Number.parseInt(trimmed.slice(8), 10) || 0;
  }
  return 0;
}

function parseTags(header: string | null): string[] {
  return header ? header.split(',').map((t) => t.trim()).filter(Boolean) : [];
}

/**
 * With a CDN (`store.cdnHeaders`), the page's CDN headers under the private names the server entry
 * renames: Astro deletes `CDN-Cache-Control` and `Cache-Tag` from what the provider returns (../cdn/headers.ts).
 */
function passCdnHeaders(response: Response, cdnCacheControl: string | null, contentTags: readonly string[]): void {
  for (const [name, value] of cdnHeadersOf(cdnCacheControl ?? undefined, contentTags)) {
    const internal = Object.entries(PRIVATE_CDN_HEADERS).find(([, shown]) => shown === name)?.[0];
    if (internal !== undefined) response.headers.set(internal, value);
  }
}

function toResponse(page: StoredPage, status: 'HIT' | 'STALE-IF-ERROR', cdnHeaders = false): Response {
  // `new Response` copies the bytes: the stored body stays untouched.
  const response = new Response(page.body, { status: page.status, headers: page.headers as [string, string][] });
  response.headers.set(CACHE_STATUS_HEADER, status);
  if (status === 'STALE-IF-ERROR') {
    // A last good copy is for this visitor now, not for a CDN to keep.
    response.headers.set('Cache-Control', 'no-store');
    response.headers.delete(CMS_UNAVAILABLE_HEADER);
  } else if (cdnHeaders) {
    passCdnHeaders(response, response.headers.get('CDN-Cache-Control'), page.tags);
  }
  return response;
}

/**
 * The store's bounds from the environment (read when the server starts, src/server/entry.ts, and
 * when the provider is created): `ROUTE_CACHE_PAGES` / `ROUTE_CACHE_PAGES_MB` for the canonical
 * tier, `ROUTE_CACHE_OTHER` / `ROUTE_CACHE_OTHER_MB` for the rest. A value that is not a positive
 * integer is an error naming the variable, not a silent default.
 */
export function routeCacheLimits(env: Record<string, string | undefined> = process.env, config?: StaleIfErrorOptions): Required<Pick<RouteStoreOptions, 'canonical' | 'other'>> {
  const read = (name: string, fallback: number, unit = 1): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    if (!/^[1-9]\d{0,8}$/.test(raw)) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(env[name])}`);
    return Number(raw) * unit;
  };
  const MB = 1024 * 1024;
  return {
    canonical: {
      maxEntries: read('ROUTE_CACHE_PAGES', config?.max ?? DEFAULT_LIMITS.canonical.maxEntries),
      maxBytes: read('ROUTE_CACHE_PAGES_MB', DEFAULT_LIMITS.canonical.maxBytes, MB),
    },
    other: {
      maxEntries: read('ROUTE_CACHE_OTHER', DEFAULT_LIMITS.other.maxEntries),
      maxBytes: read('ROUTE_CACHE_OTHER_MB', DEFAULT_LIMITS.other.maxBytes, MB),
    },
  };
}

/** A provider over `store` (a store of its own unless given: tests), and over `shared` when given. */
export function createStaleIfErrorProvider(
  options: { store?: RouteStore; shared?: SharedRouteStore } & RouteStoreOptions = {},
): CacheProvider & { size(): number; stats(): RouteStoreStats } {
  const store = options.store ?? new RouteStore(options);
  const shared = options.shared;

  return {
    name: 'gp-stale-if-error',

    size: () => store.size,
    stats: () => store.stats(),

    async onRequest(context, next) {
      if (context.request.method !== 'GET' && context.request.method !== 'HEAD') return next();
      const key = requestKey(context.url);
      const fresh = store.fresh(key);
      if (fresh) return toResponse(fresh, 'HIT', store.cdnHeaders);

      const ticket = store.ticket();
      // Taken before the render: the shared store reads a render overtaken by an invalidation as stale.
      const sharedTicket = shared === undefined ? undefined : await shared.ticket();
      if (shared !== undefined && context.request.method === 'GET') {
        const found = await shared.fresh(key);
        if (found !== undefined) {
          // Kept here too (fresh for what remains of its max-age): the fast path serves it from now on.
          const hints = readHints(parseTags(found.headers.find(([name]) => name.toLowerCase() === 'cache-tag')?.[1] ?? null));
          const stored = storageKey(key, found.readsQuery);
          const page = store.remember(
            stored,
            { status: found.status, body: found.body, headers: found.headers, tags: found.tags, maxAge: (found.expiresAt - Date.now()) / 1000, readsQuery: found.readsQuery, canonical: found.status === 200 && hints.canonical === stored },
            ticket,
          );
          if (page !== undefined && !page.stale) return toResponse(page, 'HIT', store.cdnHeaders);
        }
      }
      const response = await next();

      if (response.headers.has(CMS_UNAVAILABLE_HEADER)) {
        const lastGood = store.lastGood(key);
        if (lastGood) {
          context.logger.warn(`CMS unavailable: serving the last good copy of ${context.url.pathname}`);
          return toResponse(lastGood, 'STALE-IF-ERROR');
        }
        response.headers.delete(CMS_UNAVAILABLE_HEADER);
        return response;
      }

      // HEAD answers have no body: they may be served from the cache but never fill it.
      if (context.request.method !== 'GET') return response;
      const maxAge = parseMaxAge(response.headers.get('CDN-Cache-Control'));
      // A null body is Astro's "render the error page" signal: leave it to Astro, uncached.
      const cacheable =
        maxAge > 0 && response.body !== null && (response.status === 200 || response.status === 404) && !response.headers.has('set-cookie');
      if (!cacheable) return response;

      const hints = readHints(parseTags(response.headers.get('Cache-Tag')));
      const stored = storageKey(key, hints.readsQuery);
      const body = Buffer.from(await response.clone().arrayBuffer());
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      const page = store.remember(
        stored,
        { status: response.status, body, headers, tags: hints.tags, maxAge, readsQuery: hints.readsQuery, canonical: response.status === 200 && hints.canonical === stored },
        ticket,
      );
      // Only canonical pages are shared (bounded by the content); not awaited: the visitor does not wait for Redis.
      if (shared !== undefined && sharedTicket !== undefined && page?.tier === 'canonical' && !page.stale) {
        void shared.remember(stored, { status: response.status, body, headers, tags: hints.tags, maxAge, readsQuery: hints.readsQuery }, sharedTicket);
      }
      response.headers.set(CACHE_STATUS_HEADER, 'MISS');
      if (store.cdnHeaders) passCdnHeaders(response, response.headers.get('CDN-Cache-Control'), hints.tags);
      return response;
    },

    async invalidate(invalidateOptions: InvalidateOptions) {
      store.invalidate({ tags: invalidateOptions.tags, path: invalidateOptions.path });
    },
  };
}

/**
 * Astro's factory (`cache.provider.entrypoint`): the provider of the running server, over the
 * process's store, which the server entry's fast path reads too (src/server/cached-pages.ts).
 */
export default function stalesIfErrorProviderFactory(config: StaleIfErrorOptions | undefined): CacheProvider {
  const limits = routeCacheLimits(process.env, config);
  return createStaleIfErrorProvider({ store: createSiteRouteStore({ ...limits, cdnHeaders: cdnHeadersFromEnv() }), shared: sharedRouteStore(limits.canonical.maxEntries) });
}
