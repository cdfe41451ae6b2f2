/**
 * What a render tells the route cache about itself, carried as reserved cache tags: the one
 * channel Astro gives pages and endpoints alike (`cache.set({ tags })`), which the provider reads
 * from the response's `Cache-Tag` (Astro strips that header before the response leaves). The
 * reserved tags are built with the content tags, in ./tags.ts.
 *
 * - `READS_LIST_QUERY_TAG`: the render depends on the request's practice list parameters. Only
 *   `listQueryOf` (src/lib/data/page-context.ts) sets it, the only read of a query string by a cached page.
 * - `canonicalTag(path)`: the render is a page of known content (a practice that exists, a facet
 *   value the framework has…) whose own URL is `path`. Stored in the canonical tier when the
 *   request was exactly that path (./route-store.ts) — so no spelling of a URL the site does not
 *   link to can get there.
 */
import { canonicalPathOf, READS_LIST_QUERY_TAG } from './tags';

export interface RenderHints {
  /** The content tags (invalidation), reserved ones removed. */
  tags: string[];
  readsQuery: boolean;
  /** The page's canonical path, when it declared one. */
  canonical: string | undefined;
}

export function readHints(tags: readonly string[]): RenderHints {
  const hints: RenderHints = { tags: [], readsQuery: false, canonical: undefined };
  for (const tag of tags) {
    const canonical = canonicalPathOf(tag);
    if (tag === READS_LIST_QUERY_TAG) hints.readsQuery = true;
    else if (canonical !== undefined) hints.canonical = canonical;
    else hints.tags.push(tag);
  }
  return hints;
}
