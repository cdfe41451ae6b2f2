/**
 * What a render tells the route cache about itself, carried as reserved cache tags: the one
 * channel Astro gives pages and endpoints alike (`cache.set({ tags })`), which the provider reads
 * from the response's `Cache-Tag` (Astro strips that header before the response leaves). Reserved
 * tags start with `gp:`, which no content tag does (src/lib/cache/tags.ts).
 *
 * - `READS_LIST_QUERY_TAG`: the render depends on the request's practice list parameters. Only
 *   `listQueryOf` (src/lib/data/page-context.ts) sets it, the only read of a query string by a cached page.
 * - `canonicalTag(path)`: the render is a page of known content (a practice that exists, a facet
 *   value the framework has…) whose own URL is `path`. Stored in the canonical tier when the
 *   request was exactly that path (./route-store.ts) — so no spelling of a URL the site does not
 *   link to can get there.
 */
export const READS_LIST_QUERY_TAG = 'gp:reads-list-query';
const CANONICAL_PREFIX = 'gp:canonical=';

/** The tag of a page whose own (canonical) URL path is `path`. A comma would split the tag list: escaped, so it never matches. */
export function canonicalTag(path: string): string {
  return `${CANONICAL_PREFIX}${path.replaceAll(',', '%2C')}`;
}

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
    if (tag === READS_LIST_QUERY_TAG) hints.readsQuery = true;
    else if (tag.startsWith(CANONICAL_PREFIX)) hints.canonical = tag.slice(CANONICAL_PREFIX.length);
    else hints.tags.push(tag);
  }
  return hints;
}
