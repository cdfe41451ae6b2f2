/**
 * The route cache's key of a request, for both readers of the store (./route-store.ts): the cache
 * provider, which sees Astro's URL, and the server's fast path, which sees Node's raw request
 * target.
 *
 * A page's render depends on its path, and on the query string only where the page reads it. One
 * route reads it: the practice list at `/{locale}/practices/`, through `listQueryOf`
 * (src/lib/data/page-context.ts), which tells the cache so with its render. The parameters it reads,
 * and how it reads them, are defined once, next to the list's parser (`readListQuery` in
 * src/lib/site/urls.ts); the key uses that same reader. So a request has two keys:
 *  - `path`, the key of every page that reads no parameter: `/en/practices/x/?x=1`, `?utm_source=…`
 *    and `?q=…` are all that one page, and add nothing to the store;
 *  - `path?query`, with `query` the list's parameters as the list reads them (`listQueryKey`):
 *    only the list's parameters, sorted, the last usable value of each, empty values and
 *    defaults dropped, values normalised and bounded by the list's schema, and all unusable
 *    values folded into one marker (the page shows one notice for any of them).
 * The store looks a request up under its path first and uses the query key only when the page
 * stored there reads the query (`RouteStore.fresh`).
 */
import { listQueryKey, readListQuery } from '../site/urls';

export interface RequestKey {
  /** The URL's path (as the URL parser leaves it: percent escapes kept, dot segments resolved). */
  readonly path: string;
  /** The practice list's parameters of the request, normalised ('' when none). */
  readonly query: string;
}

export function requestKey(url: URL): RequestKey {
  return { path: url.pathname, query: url.search === '' ? '' : listQueryKey(readListQuery(url.searchParams)) };
}

/** The key under which a render is stored: its query key only when the page read the query. */
export function storageKey(key: RequestKey, readsQuery: boolean): string {
  return readsQuery && key.query !== '' ? `${key.path}?${key.query}` : key.path;
}

/**
 * A path the URL parser leaves as it is: unreserved characters, `/` and percent escapes, no dot
 * segment (`/./`, `/../`, or their escaped forms, which the parser resolves).
 */
const VERBATIM_PATH = /^\/[A-Za-z0-9\-_~/%.]*$/;
const DOT_SEGMENT = /\/(\.|%2e)/i;

/**
 * The key of a raw request target (`req.url`, e.g. `/en/practices/x/?utm_source=y`), as
 * `requestKey` computes it from the URL Astro builds (`http://host` + target). Undefined when
 * the target is not a path (Astro answers those itself).
 */
export function cacheKeyOfTarget(target: string): RequestKey | undefined {
  // The common case, a plain path, is its own key: no URL object on the hot path.
  if (VERBATIM_PATH.test(target) && !DOT_SEGMENT.test(target)) return { path: target, query: '' };
  if (!target.startsWith('/')) return undefined;
  try {
    return requestKey(new URL(`http://localhost${target}`));
  } catch {
    return undefined;
  }
}
