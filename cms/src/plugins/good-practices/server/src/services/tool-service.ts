/** Published inspiring tools for the public API. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DetailPageQuery, ToolDetail, ToolDetailListResponse, ToolSummary } from '../../../contract';
import { mapToolDetail, mapToolSummary } from '../mappers/tool';
import { type LocalizedSlugRow, type ToolDetailRow, type ToolRow, toolDetailFields, toolPopulate, toolSummaryFields } from '../mappers/public-rows';
import { uids } from '../plugin-id';
import type { LocaleContext } from './locale-service';
import { groupVersions, paginationOf } from './detail-pages';
import { publishedDocuments } from './published-documents';
import { toolCitations } from './tool-citations';

export function createToolService({ strapi }: { strapi: Core.Strapi }) {
  const tools = publishedDocuments(strapi, uids.tool);

  /**
   * Tool details from their rows with a fixed number of queries: the locale versions of all rows
   * in one batch; the citing practices from the locale's citation index (tool-citations.ts).
   */
  async function detailsOf(rows: readonly ToolDetailRow[], { locale }: LocaleContext): Promise<ToolDetail[]> {
    if (rows.length === 0) return [];
    const [versions, citations] = await Promise.all([
      tools.findMany<LocalizedSlugRow & { documentId: string }>({
        locale: '*',
        filters: { documentId: { $in: rows.map((row) => row.documentId) } },
        fields: ['slug', 'locale'],
      }),
      toolCitations(strapi, locale),
    ]);
    const versionsById = groupVersions(versions);
    return rows.map((row) => mapToolDetail(row, citations.get(row.documentId) ?? [], versionsById.get(row.documentId) ?? []));
  }

  return {
    async list({ locale }: LocaleContext): Promise<ToolSummary[]> {
      const rows = await tools.findMany<ToolRow>({ locale, fields: toolSummaryFields, populate: toolPopulate });
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      return rows.map(mapToolSummary).sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
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
     * Summaries of the cited tools, keyed by documentId: the version published in the requested
     * locale, else the default locale's (the summary says which locale it is in); unpublished
     * tools are absent. At most two queries, whatever the number of tools.
     */
    async summariesByIds(ids: readonly string[], { locale, defaultLocale }: LocaleContext): Promise<Map<string, ToolSummary>> {
      const found = new Map<string, ToolSummary>();
      if (ids.length === 0) return found;
      const read = async (inLocale: string, wanted: readonly string[]): Promise<void> => {
        const rows = await tools.findMany<ToolRow>({
          locale: inLocale,
          filters: { documentId: { $in: [...wanted] } },
          fields: toolSummaryFields,
          populate: toolPopulate,
        });
        for (const row of rows) found.set(row.documentId, mapToolSummary(row));
      };
      await read(locale, ids);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0 && locale !== defaultLocale) await read(defaultLocale, missing);
      return found;
    },
  };
}

export type ToolService = ReturnType<typeof createToolService>;
