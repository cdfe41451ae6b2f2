/** Published inspiring tools for the public API. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ToolDetail, ToolSummary } from '../../../contract';
import { readAnswers } from '../domain/answers';
import { mapToolDetail, mapToolSummary } from '../mappers/tool';
import { type LocalizedSlugRow, type ToolDetailRow, type ToolRow, toolDetailFields, toolPopulate, toolSummaryFields } from '../mappers/public-rows';
import { uids } from '../plugin-id';
import type { LocaleContext } from './locale-service';
import { publishedDocuments } from './published-documents';

interface CitingPracticeRow {
  slug: string;
  title: string;
  answers: unknown;
}

export function createToolService({ strapi }: { strapi: Core.Strapi }) {
  const tools = publishedDocuments(strapi, uids.tool);
  const practices = publishedDocuments(strapi, uids.practice);

  return {
    async list({ locale }: LocaleContext): Promise<ToolSummary[]> {
      const rows = await tools.findMany<ToolRow>({ locale, fields: toolSummaryFields, populate: toolPopulate });
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      return rows.map(mapToolSummary).sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
    },

    async findBySlug(slug: string, { locale }: LocaleContext): Promise<ToolDetail> {
      const row = await tools.findFirst<ToolDetailRow>({
        locale,
        filters: { slug: { $eq: slug } },
        fields: toolDetailFields,
        populate: toolPopulate,
      });
      if (!row) throw new errors.NotFoundError(`There is no published tool “${slug}” in locale ${locale}.`);
      const [versions, citing] = await Promise.all([
        tools.findMany<LocalizedSlugRow>({ locale: '*', filters: { documentId: { $eq: row.documentId } }, fields: ['slug', 'locale'] }),
        // Citations live in the practices' JSON answers: one query over the locale's published
        // practices, filtered here (the same on every database).
        practices.findMany<CitingPracticeRow>({ locale, fields: ['slug', 'title', 'answers'] }),
      ]);
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      const citingPractices = citing
        .filter((practice) => readAnswers(practice.answers).some((answer) => answer.tools.includes(row.documentId)))
        .sort((a, b) => collator.compare(a.title, b.title));
      return mapToolDetail(row, citingPractices, [...versions].sort((a, b) => a.locale.localeCompare(b.locale)));
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
