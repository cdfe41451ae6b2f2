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
 * Wired in astro.config.mjs as `cache.provider.entrypoint`; pages opt in with `Astro.cache.set()`.
 */
import type { CacheProvider, InvalidateOptions } from 'astro';

export const CMS_UNAVAILABLE_HEADER = 'x-gp-cms-unavailable';
export const CACHE_STATUS_HEADER = 'X-Astro-Cache';

interface Entry {
  body: ArrayBuffer;
  status: number;
  headers: [string, string][];
  storedAt: number;
  maxAge: number;
  tags: string[];
  /** Invalidated by tag/path: never served fresh again, only as the last good copy. */
  stale: boolean;
}

export interface StaleIfErrorOptions {
  /** Maximum number of URLs kept (least recently used dropped first). Default 2000. */
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

/** Cache key: path plus sorted query, tracking parameters dropped. */
export function cacheKey(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  for (const key of [...params.keys()]) {
    if (/^utm_|^(fbclid|gclid|msclkid|ref)$/i.test(key)) params.delete(key);
  }
  params.sort();
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

function toResponse(entry: Entry, status: string): Response {
  const response = new Response(entry.body.slice(0), { status: entry.status, headers: new Headers(entry.headers) });
  response.headers.set(CACHE_STATUS_HEADER, status);
  if (status === 'STALE-IF-ERROR') {
    response.headers.set('Cache-Control', 'no-store');
    response.headers.delete(CMS_UNAVAILABLE_HEADER);
  }
  return response;
}

export function createStaleIfErrorProvider(options: StaleIfErrorOptions = {}): CacheProvider & { size(): number } {
  const max = options.max ?? 2000;
  const entries = new Map<string, Entry>();

  function remember(key: string, entry: Entry): void {
    entries.delete(key);
    if (entries.size >= max) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(key, entry);
  }

  return {
    name: 'gp-stale-if-error',

    size: () => entries.size,

    async onRequest(context, next) {
      if (context.request.method !== 'GET' && context.request.method !== 'HEAD') return next();
      const key = cacheKey(context.url);
      const cached = entries.get(key);
      if (cached && !cached.stale && (Date.now() - cached.storedAt) / 1000 <= cached.maxAge) {
        entries.delete(key);
        entries.set(key, cached); // LRU touch
        return toResponse(cached, 'HIT');
      }

      const response = await next();

      if (response.headers.has(CMS_UNAVAILABLE_HEADER)) {
        if (cached) {
          context.logger.warn(`CMS unavailable: serving the last good copy of ${key}`);
          return toResponse(cached, 'STALE-IF-ERROR');
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

      const body = await response.clone().arrayBuffer();
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => {
        if (name.toLowerCase() !== 'set-cookie') headers.push([name, value]);
      });
      remember(key, {
        body,
        status: response.status,
        headers,
        storedAt: Date.now(),
        maxAge,
        tags: parseTags(response.headers.get('Cache-Tag')),
        stale: false,
      });
      response.headers.set(CACHE_STATUS_HEADER, 'MISS');
      return response;
    },

    async invalidate(invalidateOptions: InvalidateOptions) {
      const wanted = new Set(
        invalidateOptions.tags === undefined ? [] : Array.isArray(invalidateOptions.tags) ? invalidateOptions.tags : [invalidateOptions.tags],
      );
      for (const [key, entry] of entries) {
        const byPath = invalidateOptions.path !== undefined && key.split('?')[0] === invalidateOptions.path;
        if (byPath || entry.tags.some((tag) => wanted.has(tag))) entry.stale = true;
      }
    },
  };
}

export default function stalesIfErrorProviderFactory(config: StaleIfErrorOptions | undefined): CacheProvider {
  return createStaleIfErrorProvider(config ?? {});
}
