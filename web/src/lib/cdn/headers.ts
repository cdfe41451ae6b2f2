/**
 * The CDN's cache headers: `CDN-Cache-Control` (RFC 9213: how long a shared cache may keep the
 * page; browsers ignore it and keep revalidating, `Cache-Control: no-cache`) and `Cache-Tag` (the
 * page's content tags, src/lib/cache/tags.ts, which the purge hook names after a change).
 *
 * Astro sets both on every page that calls `cache.set()` and removes both before the response
 * leaves (they are meant for its cache provider). The site sends them out only when a purge URL
 * is configured (`CDN_PURGE_URL`, ./purge.ts): a CDN told to keep pages for minutes must also be
 * told when they change, else it shows a publish only once its copy expires.
 *
 * Since Astro deletes those two names from the provider's answer, the provider passes them on
 * under private names, and the server entry renames them as the response is written
 * (src/server/cdn-headers.ts). The fast path writes them from the stored page (../cache/route-store.ts).
 * The route cache's reserved tags (../cache/tags.ts) never leave: they are hints to the site itself.
 */
import { cdnPurgeConfigFromEnv } from './purge';

/** Private names the provider uses, renamed to the public ones by the server entry. */
export const PRIVATE_CDN_HEADERS: Readonly<Record<string, string>> = {
  'x-gp-cdn-cache-control': 'CDN-Cache-Control',
  'x-gp-cache-tag': 'Cache-Tag',
};

/** Whether pages carry the CDN headers out: when a purge URL is configured. */
export function cdnHeadersFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return cdnPurgeConfigFromEnv(env) !== undefined;
}

/** The CDN headers of a page: its `CDN-Cache-Control` as rendered and its content tags. */
export function cdnHeadersOf(cdnCacheControl: string | undefined, contentTags: readonly string[]): [string, string][] {
  const headers: [string, string][] = [];
  if (cdnCacheControl) headers.push(['CDN-Cache-Control', cdnCacheControl]);
  if (contentTags.length > 0) headers.push(['Cache-Tag', contentTags.join(',')]);
  return headers;
}
