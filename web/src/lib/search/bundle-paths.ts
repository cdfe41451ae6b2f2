/**
 * Where a locale's search index lives in a static build (written by ./static-index.ts, read by
 * the list page's script through components/StaticSearch.astro): one Pagefind bundle per locale.
 */

/** The folder of the indexes inside the build output; a locale's bundle is `pagefind/{locale}/`. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** The address of a locale's Pagefind API, which the list page's script imports. */
export const searchBundleModule = (locale: string): string => `/${SEARCH_INDEX_DIR}/${locale}/pagefind.js`;

/** What the script puts in front of a result's URL: a bundle's URLs are relative to its locale's folder. */
export const searchResultBase = (locale: string): string => `/${locale}`;

/** The folder, inside the index folder, of every locale's further shards (`_shards/{locale}/{n}/`). */
export const SEARCH_SHARDS_DIR = '_shards';

/** The file in a locale's bundle that lists its further shards, for the script to merge. */
export const SEARCH_SHARDS_FILE = 'shards.json';

/** The address of a locale's shard `n` (n ≥ 1), as the script's `mergeIndex` takes it. */
export const searchShardPath = (locale: string, shard: number): string => `/${SEARCH_INDEX_DIR}/${SEARCH_SHARDS_DIR}/${locale}/${shard}/`;

/** The folder, inside the index folder, of shards indexed while the pages render (removed once the index is complete). */
export const SEARCH_PREPARED_DIR = '_prepared';
