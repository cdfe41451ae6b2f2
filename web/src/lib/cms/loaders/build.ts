/**
 * Build-time content-layer loaders (static mode) over the CMS client. Thin: all HTTP, timeout
 * and validation logic is in ../client.ts. The on-request loaders are in ./live.ts.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Locale } from 'strapi-plugin-good-practices/contract';
import { buildCms, CmsError, type CmsClient } from '../client';
import { fetchTaxonomies } from './taxonomies';
import { holdingStoreSave } from './store-save';
import { insightsId } from './types';

/** Runs `fn` over `items` with at most `limit` calls in flight; rejects on the first failure. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function localesOrFail(client: CmsClient): Promise<Locale[]> {
  const locales = await client.locales();
  if (locales.length === 0) {
    throw new CmsError(new URL('/api/good-practices/locales', client.baseUrl).href, 'schema', 'the CMS lists no locale: refusing to build an empty site');
  }
  return locales;
}

/** What a build-time item function gets: the build's CMS client and the CMS's locales. */
export interface BuildContext {
  client: CmsClient;
  locales: Locale[];
}

interface BuildLoaderOptions {
  name: string;
  /** False outside static mode: the loader then leaves the collection empty and calls nothing. */
  enabled: boolean;
  items: (context: BuildContext) => Promise<{ id: string; data: Record<string, unknown> }[]>;
}

/**
 * A content-layer loader that replaces the collection with what the CMS has now. Any CMS
 * failure is thrown, which fails the build with the CmsError's message (URL and cause):
 * a build never writes a half-empty site.
 */
export function buildLoader({ name, enabled, items }: BuildLoaderOptions): Loader {
  return {
    name: `cms-${name}`,
    async load({ store, meta, logger, generateDigest, parseData }) {
      if (!enabled) {
        store.clear();
        return;
      }
      await holdingStoreSave(meta, async () => {
        // Build-time requests wait longer than a visitor's (CMS_BUILD_TIMEOUT_MS, default 60 s).
        const client = buildCms();
        let entries: { id: string; data: Record<string, unknown> }[];
        try {
          entries = await items({ client, locales: await localesOrFail(client) });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          logger.error(message);
          store.clear();
          throw new Error(`Cannot build the site: ${message}`, { cause: error });
        }
        store.clear();
        for (const { id, data } of entries) {
          const parsed = await parseData({ id, data });
          store.set({ id, data: parsed, digest: generateDigest(parsed) });
        }
        logger.info(`${entries.length} entries from ${client.baseUrl}`);
      });
    },
  };
}

/**
 * A loader of a collection the build keeps between builds (practices, tools): idle in server
 * mode; otherwise `sync` runs with the data store's save held (./store-save.ts) and returns the
 * log line; a failure is logged, `forget` drops what the next build must not trust, and the build
 * fails with the CMS's message.
 */
export function keptCollectionLoader(
  name: string,
  enabled: boolean,
  sync: (context: LoaderContext, client: CmsClient) => Promise<string>,
  forget: (context: LoaderContext) => void,
): Loader {
  return {
    name: `cms-${name}`,
    async load(context) {
      if (!enabled) {
        context.store.clear();
        return;
      }
      const client = buildCms();
      try {
        context.logger.info(await holdingStoreSave(context.meta, () => sync(context, client)));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        context.logger.error(message);
        forget(context);
        throw new Error(`Cannot build the site: ${message}`, { cause: error });
      }
    },
  };
}

/** In-flight bulk requests of the build: the CMS works on a few pages of 100 details at once, not more. */
export const BULK_CONCURRENCY = 3;

interface Page<T> {
  data: T[];
  meta: { pagination: { pageCount: number; total: number } };
}

/**
 * Every item of a paged bulk endpoint, for every locale: each locale's first page (it says how
 * many there are), then the other pages, at most `concurrency` requests at a time. `handle`
 * turns each page into what is kept as soon as it arrives, so the full answers of at most a few
 * pages are in memory at once. Results are in the CMS's (stable) order, locale by locale.
 * Fails when the pages do not add up to the total announced by the first page (content published
 * or removed while the build was reading: the next build will be consistent).
 */
export async function readAllPages<T, R>(
  locales: readonly string[],
  concurrency: number,
  describe: (locale: string) => string,
  fetchPage: (locale: string, page: number) => Promise<Page<T>>,
  handle: (items: T[]) => Promise<R[]>,
): Promise<R[]> {
  const results: R[][][] = locales.map(() => []);
  const seen = locales.map(() => 0);
  const rest: { index: number; page: number }[] = [];
  const firsts = await mapLimit(locales, concurrency, async (locale, index) => {
    const first = await fetchPage(locale, 1);
    seen[index] = first.data.length;
    results[index]![0] = await handle(first.data);
    for (let page = 2; page <= first.meta.pagination.pageCount; page++) rest.push({ index, page });
    return first.meta.pagination.total;
  });
  await mapLimit(rest, concurrency, async ({ index, page }) => {
    const answer = await fetchPage(locales[index]!, page);
    seen[index]! += answer.data.length;
    results[index]![page - 1] = await handle(answer.data);
  });
  locales.forEach((locale, index) => {
    if (seen[index] !== firsts[index]) {
      throw new Error(
        `${describe(locale)} announced ${firsts[index]} entries but its pages held ${seen[index]} (the content changed while the build read it): build again`,
      );
    }
  });
  return results.flat(2);
}

export const buildItems = {
  locales: async ({ locales }: BuildContext) => locales.map((l) => ({ id: l.code, data: l })),
  sites: async ({ client, locales }: BuildContext) =>
    (await mapLimit(locales, 4, (l) => client.site(l.code))).flatMap((site, i) => (site ? [{ id: locales[i]!.code, data: site }] : [])),
  frameworks: async ({ client, locales }: BuildContext) =>
    (await mapLimit(locales, 4, (l) => client.framework(l.code))).flatMap((f, i) => (f ? [{ id: locales[i]!.code, data: f }] : [])),
  taxonomies: async ({ client, locales }: BuildContext) =>
    (await mapLimit(locales, 4, (l) => fetchTaxonomies(client, l.code))).flatMap((t) => (t ? [{ id: t.locale, data: t }] : [])),
  // Practices: ./practices-sync.ts (synchronised with the CMS rather than read again in full).
  /**
   * Insights of every locale: unfiltered, and per country and per integration area that has
   * practices (the values the unfiltered answer lists), the pages static mode prerenders.
   */
  insights: async ({ client, locales }: BuildContext) =>
    (
      await mapLimit(locales, 2, async (l) => {
        const all = await client.insights({ locale: l.code });
        const filters = [...all.countries.map((c) => ({ country: c.key })), ...all.areas.map((a) => ({ area: a.key }))];
        const narrowed = await mapLimit(filters, 4, (filter) => client.insights({ locale: l.code, ...filter }));
        return [all, ...narrowed];
      })
    )
      .flat()
      .map((data) => ({ id: insightsId(data.locale, data), data })),
  // Tools: ./tool-details.ts (details in files, like the practices').
};
