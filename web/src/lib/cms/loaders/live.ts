/**
 * On-request live loaders (server mode) over the CMS client; each entry carries its cache tags.
 * Thin: all HTTP, timeout and validation logic is in ../client.ts. The build-time loaders are in
 * ./build.ts.
 */
import type { LiveLoader } from 'astro/loaders';
import { MAX_PAGE_SIZE, type Insights, type InsightsQueryInput, type Locale, type PracticeDetail, type PracticeListQueryInput, type PracticeListResponse, type PracticeSummary, type Site, type ToolDetail, type ToolSummary } from 'strapi-plugin-good-practices/contract';
import { cms, CmsError } from '../client';
import { tags } from '../../cache/tags';
import { siteDataCache } from '../../cache/data-cache';
import { fetchTaxonomies } from './taxonomies';
import type { Framework, Taxonomies } from './types';

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

  /** Every published practice detail of one language (its own versions, not the chain's), for the open data. */
  practiceDetails: {
    name: 'cms-live-practice-details',
    async loadEntry() {
      return undefined;
    },
    async loadCollection({ filter }) {
      try {
        const locale = filter?.locale ?? '';
        const details: PracticeDetail[] = [];
        for (let page = 1; ; page++) {
          const { data, meta } = await cms().practiceDetails({ locale, page, pageSize: MAX_PAGE_SIZE });
          details.push(...data);
          if (page >= meta.pagination.pageCount || data.length === 0) break;
        }
        return { entries: details.map((d) => ({ id: `${d.locale}/${d.slug}`, data: d })), cacheHint: { tags: [tags.practices] } };
      } catch (error) {
        if (CmsError.is(error)) return { error };
        throw error;
      }
    },
  } satisfies LiveLoader<PracticeDetail, never, { locale: string }, CmsError>,

  practiceSearch: {
    name: 'cms-live-practice-search',
    loadEntry: ({ filter }) =>
      live(() => cms().practices(filter.query) as Promise<PracticeListResponse & Record<string, unknown>>, JSON.stringify(filter.query), () => [tags.practices]),
    async loadCollection() {
      return { entries: [] };
    },
  } satisfies LiveLoader<PracticeListResponse & Record<string, unknown>, { query: PracticeListQueryInput }, never, CmsError>,

  insights: {
    name: 'cms-live-insights',
    loadEntry: ({ filter }) =>
      live(() => cms().insights(filter.query) as Promise<Insights & Record<string, unknown>>, JSON.stringify(filter.query), () => [tags.practices, tags.framework]),
    async loadCollection() {
      return { entries: [] };
    },
  } satisfies LiveLoader<Insights & Record<string, unknown>, { query: InsightsQueryInput }, never, CmsError>,

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
