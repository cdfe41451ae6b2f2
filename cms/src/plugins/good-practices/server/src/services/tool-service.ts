/** Published inspiring tools for the public API. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DetailPageQuery, ToolDetail, ToolDetailListResponse, ToolSummary } from '../../../contract';
import { mapToolDetail, mapToolSummary } from '../mappers/tool';
import { type ToolDetailRow, type ToolRow, toolDetailFields, toolPopulate, toolSummaryFields } from '../mappers/public-rows';
import { uids } from '../plugin-id';
import type { LocaleContext } from './locale-service';
import { paginationOf } from '../read-model/detail-pages';
import { publishedVersions } from '../read-model/published-versions';
import { cachedForGeneration } from '../read-model/generation-cache';
import { publishedDocuments } from '../read-model/published-documents';
import { toolCitations } from '../read-model/tool-citations';

export function createToolService({ strapi }: { strapi: Core.Strapi }) {
  const tools = publishedDocuments(strapi, uids.tool);

  /**
   * Tool details from their rows with no further query: the locale versions and the citing
   * practices come from caches of the content generation (published-versions.ts, tool-citations.ts).
   */
  async function detailsOf(rows: readonly ToolDetailRow[], context: LocaleContext): Promise<ToolDetail[]> {
    if (rows.length === 0) return [];
    const [versions, citations] = await Promise.all([publishedVersions(strapi, uids.tool), toolCitations(strapi, context)]);
    return rows.map((row) => mapToolDetail(row, citations.get(row.documentId) ?? [], versions.get(row.documentId) ?? []));
  }

  function summariesOf(locale: string): Promise<ReadonlyMap<string, ToolSummary>> {
    return cachedForGeneration(strapi, `tool-summaries:${locale}`, async () => {
      const rows = await tools.findMany<ToolRow>({ locale, fields: toolSummaryFields, populate: toolPopulate });
      return new Map(rows.map((row) => [row.documentId, mapToolSummary(row)]));
    });
  }

  return {
    /**
     * Every published tool, each in the first language of the locale's chain in which it is
     * published (its `locale` says which), sorted by the name shown with the locale's collation.
     */
    async list({ locale, chain }: LocaleContext): Promise<ToolSummary[]> {
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      const shown = new Map<string, ToolSummary>();
      for (const summaries of await Promise.all(chain.map((code) => summariesOf(code)))) {
        for (const [documentId, summary] of summaries) if (!shown.has(documentId)) shown.set(documentId, summary);
      }
      return [...shown.values()].sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug) || a.documentId.localeCompare(b.documentId));
    },

    async findBySlug(slug: string, context: LocaleContext): Promise<ToolDetail> {
      const { locale } = context;
      const row = await tools.findFirst<ToolDetailRow>({
        locale,
        filters: { slug: { $eq: slug } },
        fields: toolDetailFields,
        populate: toolPopulate,
      });
      if (!row) throw new errors.NotFoundError(`There is no published tool “${slug}” in locale ${locale}.`);
      const [detail] = await detailsOf([row], context);
      return detail;
    },

    /** A page of every published tool detail of a locale, in documentId order (static build). */
    async detailPage(query: DetailPageQuery, context: LocaleContext): Promise<ToolDetailListResponse> {
      const { locale } = context;
      const [total, rows] = await Promise.all([
        tools.count({ locale }),
        tools.findMany<ToolDetailRow>({
          locale,
          fields: toolDetailFields,
          populate: toolPopulate,
          sort: 'documentId:asc',
          start: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
      ]);
      return { data: await detailsOf(rows, context), meta: { pagination: paginationOf(query, total) } };
    },

    /**
     * Summaries of the cited tools, keyed by documentId: the version published in the first
     * language of the locale's chain that has it (the summary says which locale it is in);
     * unpublished tools are absent. From the summaries of every tool of those locales, kept for
     * the content generation (tools are few; this runs for every practice page).
     */
    async summariesByIds(ids: readonly string[], { chain }: LocaleContext): Promise<Map<string, ToolSummary>> {
      const found = new Map<string, ToolSummary>();
      if (ids.length === 0) return found;
      for (const code of chain) {
        const summaries = await summariesOf(code);
        for (const id of ids) {
          const summary = found.has(id) ? undefined : summaries.get(id);
          if (summary) found.set(id, summary);
        }
        if (found.size === ids.length) break;
      }
      return found;
    },
  };
}

export type ToolService = ReturnType<typeof createToolService>;
