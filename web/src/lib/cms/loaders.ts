/**
 * Build-time content-layer loaders and on-request live loaders over the CMS client.
 * Both are thin: all HTTP, timeout and validation logic is in ./client.ts.
 */
import type { LiveLoader, Loader } from 'astro/loaders';
import type {
  FrameworkResponse,
  Locale,
  PracticeDetail,
  PracticeListQueryInput,
  PracticeListResponse,
  PracticeSummary,
  Site,
  TaxonomyTerm,
  ToolDetail,
  ToolSummary,
} from 'strapi-plugin-good-practices/contract';
import { cms, CmsError, type CmsClient } from './client';
import { tags } from './tags';
import { siteDataCache } from '../cache/data-cache';

export type Framework = FrameworkResponse['data'];
export type Taxonomies = {
  locale: string;
  integrationAreas: TaxonomyTerm[];
  targetGroups: TaxonomyTerm[];
};

/** Runs `fn` over `items` with at most `limit` calls in flight; rejects on the first failure. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function fetchTaxonomies(client: CmsClient, locale: string): Promise<Taxonomies | null> {
  const [integrationAreas, targetGroups] = await Promise.all([
    client.taxonomy('integrationAreas', locale),
    client.taxonomy('targetGroups', locale),
  ]);
  if (!integrationAreas && !targetGroups) return null;
  return { locale, integrationAreas: integrationAreas ?? [], targetGroups: targetGroups ?? [] };
}

async function localesOrFail(client: CmsClient): Promise<Locale[]> {
  const locales = await client.locales();
  if (locales.length === 0) {
    throw new CmsError(new URL('/api/good-practices/locales', client.baseUrl).href, 'schema', 'the CMS lists no locale: refusing to build an empty site');
  }
  return locales;
}

// ---------------------------------------------------------------------------------------------
// Build time (static mode)
// ---------------------------------------------------------------------------------------------

interface BuildLoaderOptions {
  name: string;
  /** False outside static mode: the loader then leaves the collection empty and calls nothing. */
  enabled: boolean;
  items: (client: CmsClient, locales: Locale[]) => Promise<{ id: string; data: Record<string, unknown> }[]>;
}

/**
 * A content-layer loader that replaces the collection with what the CMS has now. Any CMS
 * failure is thrown, which fails the build with the CmsError's message (URL and cause):
 * a build never writes a half-empty site.
 */
export function buildLoader({ name, enabled, items }: BuildLoaderOptions): Loader {
  return {
    name: `cms-${name}`,
    async load({ store, logger, generateDigest, parseData }) {
      store.clear();
      if (!enabled) return;
      const client = cms();
      let entries: { id: string; data: Record<string, unknown> }[];
      try {
        entries = await items(client, await localesOrFail(client));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.error(message);
        throw new Error(`Cannot build the site: ${message}`, { cause: error });
      }
      for (const { id, data } of entries) {
        const parsed = await parseData({ id, data });
        store.set({ id, data: parsed, digest: generateDigest(parsed) });
      }
      logger.info(`${entries.length} entries from ${client.baseUrl}`);
    },
  };
}

export const buildItems = {
  locales: async (_client: CmsClient, locales: Locale[]) => locales.map((l) => ({ id: l.code, data: l })),
  sites: async (client: CmsClient, locales: Locale[]) =>
    (await mapLimit(locales, 4, (l) => client.site(l.code))).flatMap((site, i) => (site ? [{ id: locales[i]!.code, data: site }] : [])),
  frameworks: async (client: CmsClient, locales: Locale[]) =>
    (await mapLimit(locales, 4, (l) => client.framework(l.code))).flatMap((f, i) => (f ? [{ id: locales[i]!.code, data: f }] : [])),
  taxonomies: async (client: CmsClient, locales: Locale[]) =>
    (await mapLimit(locales, 4, (l) => fetchTaxonomies(client, l.code))).flatMap((t) => (t ? [{ id: t.locale, data: t }] : [])),
  practices: async (client: CmsClient, locales: Locale[]) => {
    const summaries = (await mapLimit(locales, 2, (l) => client.allPractices(l.code))).flat();
    const details = await mapLimit(summaries, 6, async (s) => {
      const detail = await client.practice(s.slug, s.locale);
      if (!detail) throw new CmsError(new URL(`/api/good-practices/practices/${s.slug}?locale=${s.locale}`, client.baseUrl).href, 'http', 'listed but not found', { status: 404 });
      return detail;
    });
    return details.map((d) => ({ id: `${d.locale}/${d.slug}`, data: d }));
  },
  tools: async (client: CmsClient, locales: Locale[]) => {
    const summaries = (await mapLimit(locales, 2, (l) => client.tools(l.code))).flat();
    const details = await mapLimit(summaries, 6, async (s) => {
      const detail = await client.tool(s.slug, s.locale);
      if (!detail) throw new CmsError(new URL(`/api/good-practices/tools/${s.slug}?locale=${s.locale}`, client.baseUrl).href, 'http', 'listed but not found', { status: 404 });
      return detail;
    });
    return details.map((d) => ({ id: `${d.locale}/${d.slug}`, data: d }));
  },
};

// ---------------------------------------------------------------------------------------------
// On request (server mode)
// ---------------------------------------------------------------------------------------------

type LiveResult<T extends Record<string, unknown>> = Promise<{ id: string; data: T; cacheHint?: { tags?: string[]; lastModified?: Date } } | undefined | { error: CmsError }>;

async function live<T extends Record<string, unknown>>(
  load: () => Promise<T | null>,
  id: string,
  cacheTags: (data: T) => string[],
): LiveResult<T> {
  try {
    const data = await load();
    if (!data) return undefined;
    const updatedAt = typeof data.updatedAt === 'string' ? new Date(data.updatedAt) : undefined;
    return {
      id,
      data,
      cacheHint: { tags: cacheTags(data), ...(updatedAt && !Number.isNaN(updatedAt.getTime()) ? { lastModified: updatedAt } : {}) },
    };
  } catch (error) {
    if (CmsError.is(error)) return { error };
    throw error;
  }
}

export const liveLoaders = {
  locales: {
    name: 'cms-live-locales',
    async loadEntry() {
      return undefined;
    },
    async loadCollection() {
      try {
        const locales = await siteDataCache.get('locales', [tags.site], () => cms().locales());
        return { entries: locales.map((l) => ({ id: l.code, data: l })), cacheHint: { tags: [tags.site] } };
      } catch (error) {
        if (CmsError.is(error)) return { error };
        throw error;
      }
    },
  } satisfies LiveLoader<Locale, never, never, CmsError>,

  site: {
    name: 'cms-live-site',
    loadEntry: ({ filter }) => live(() => siteDataCache.get(`site:${filter.locale}`, [tags.site], () => cms().site(filter.locale)), filter.locale, () => [tags.site]),
    async loadCollection() {
      return { entries: [] };
    },
  } satisfies LiveLoader<Site, { locale: string }, never, CmsError>,

  framework: {
    name: 'cms-live-framework',
    loadEntry: ({ filter }) => live(() => cms().framework(filter.locale), filter.locale, () => [tags.framework]),
    async loadCollection() {
      return { entries: [] };
    },
  } satisfies LiveLoader<Framework, { locale: string }, never, CmsError>,

  taxonomies: {
    name: 'cms-live-taxonomies',
    loadEntry: ({ filter }) =>
      live(() => fetchTaxonomies(cms(), filter.locale), filter.locale, () => [tags.taxonomy]),
    async loadCollection() {
      return { entries: [] };
    },
  } satisfies LiveLoader<Taxonomies, { locale: string }, never, CmsError>,

  practices: {
    name: 'cms-live-practices',
    loadEntry: ({ filter }) =>
      live(() => cms().practice(filter.slug, filter.locale), `${filter.locale}/${filter.slug}`, (p) => [
        tags.practice(p.slug),
        tags.practiceDoc(p.documentId),
        ...p.groups.flatMap((g) => g.questions.flatMap((q) => q.answer?.tools.map((tool) => tags.tool(tool.slug)) ?? [])),
      ]),
    async loadCollection() {
      return { entries: [] };
    },
  } satisfies LiveLoader<PracticeDetail, { slug: string; locale: string }, never, CmsError>,

  practiceSummaries: {
    name: 'cms-live-practice-summaries',
    async loadEntry() {
      return undefined;
    },
    async loadCollection({ filter }) {
      try {
        const summaries = await cms().allPractices(filter?.locale ?? '');
        return { entries: summaries.map((s) => ({ id: `${s.locale}/${s.slug}`, data: s })), cacheHint: { tags: [tags.practices] } };
      } catch (error) {
        if (CmsError.is(error)) return { error };
        throw error;
      }
    },
  } satisfies LiveLoader<PracticeSummary, never, { locale: string }, CmsError>,

  practiceSearch: {
    name: 'cms-live-practice-search',
    loadEntry: ({ filter }) =>
      live(() => cms().practices(filter.query) as Promise<PracticeListResponse & Record<string, unknown>>, JSON.stringify(filter.query), () => [tags.practices]),
    async loadCollection() {
      return { entries: [] };
    },
  } satisfies LiveLoader<PracticeListResponse & Record<string, unknown>, { query: PracticeListQueryInput }, never, CmsError>,

  tools: {
    name: 'cms-live-tools',
    loadEntry: ({ filter }) =>
      live(() => cms().tool(filter.slug, filter.locale), `${filter.locale}/${filter.slug}`, (t) => [
        tags.tool(t.slug),
        tags.toolDoc(t.documentId),
        tags.practices,
      ]),
    async loadCollection() {
      return { entries: [] };
    },
  } satisfies LiveLoader<ToolDetail, { slug: string; locale: string }, never, CmsError>,

  toolSummaries: {
    name: 'cms-live-tool-summaries',
    async loadEntry() {
      return undefined;
    },
    async loadCollection({ filter }) {
      try {
        const tools = await cms().tools(filter?.locale ?? '');
        return { entries: tools.map((t) => ({ id: `${t.locale}/${t.slug}`, data: t })), cacheHint: { tags: [tags.tools] } };
      } catch (error) {
        if (CmsError.is(error)) return { error };
        throw error;
      }
    },
  } satisfies LiveLoader<ToolSummary, never, { locale: string }, CmsError>,
};
