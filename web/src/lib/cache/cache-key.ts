/**
 * The route cache's key of a request: path plus sorted query, tracking parameters dropped. One
 * definition for the cache provider (which sees Astro's URL) and the server's fast path (which
 * sees Node's raw request target), so both find the same page.
 */

const TRACKING_PARAMETER = /^utm_|^(fbclid|gclid|msclkid|ref)$/i;

export function cacheKey(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  for (const key of [...params.keys()]) {
    if (TRACKING_PARAMETER.test(key)) params.delete(key);
  }
  params.sort();
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * A path the URL parser leaves as it is: unreserved characters, `/` and percent escapes, no dot
 * segment (`/./`, `/../`, or their escaped forms, which the parser resolves).
 */
const VERBATIM_PATH = /^\/[A-Za-z0-9\-_~/%.]*$/;
const DOT_SEGMENT = /\/(\.|%2e)/i;

/**
 * The cache key of a raw request target (`req.url`, e.g. `/en/practices/x/?utm_source=y`), as
 * Astro would compute it from the URL it builds (`http://host` + target). Undefined when the
 * target is not a path (Astro answers those itself).
 */
export function cacheKeyOfTarget(target: string): string | undefined {
  // The common case, a plain path, is its own key: no URL object on the hot path.
  if (VERBATIM_PATH.test(target) && !DOT_SEGMENT.test(target)) return target;
  if (!target.startsWith('/')) return undefined;
  try {
    return cacheKey(new URL(`http://localhost${target}`));
  } catch {
    return undefined;
  }
}
