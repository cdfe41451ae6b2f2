/**
 * Published practices for the public API.
 *
 * The list runs in two steps so that the number of queries never depends on the page size:
 * (1) one query selects the few fields needed to filter, search and sort every candidate of the
 * locale (SQL filters for country, area and target group); the framework-dependent filters,
 * the text search and the sort run in memory; (2) one query (plus one per populated relation,
 * batched by Strapi) loads the page. The detail page is a fixed set of queries too.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DetailPageQuery, PracticeDetail, PracticeDetailListResponse, PracticeListQuery, PracticeListResponse } from '../../../contract';
import { readAnswers, citedToolIds } from '../domain/answers';
import { readAssessment } from '../domain/assessment';
import { findGroup, findItem } from '../domain/framework-tree';
import { matchesQuery, practiceComparator } from '../../../contract';
import { meetsGroup } from '../domain/scores';
import { mapPracticeDetail, mapPracticeSummary } from '../mappers/practice';
import {
  type LocalizedSlugRow,
  type PracticeDetailRow,
  type PracticeSummaryRow,
  practiceDetailFields,
  practicePopulate,
  practiceSummaryFields,
  type StoredDate,
} from '../mappers/public-rows';
import { isoDate, isoDateTime } from '../mappers/values';
import { uids } from '../plugin-id';
import type { LocaleContext } from './locale-service';
import { groupVersions, paginationOf } from './detail-pages';
import { publishedDocuments } from './published-documents';
import { getService } from './service-access';

interface CandidateRow {
  documentId: string;
  title: string;
  summary: string | null;
  assessment: unknown;
  answers?: unknown;
  validationDate: StoredDate;
  updatedAt: StoredDate;
  projectStart: StoredDate;
}

function unknownKey(parameter: string, message: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [parameter], message, name: 'ValidationError' }] });
}

export function createPracticeService({ strapi }: { strapi: Core.Strapi }) {
  const practices = publishedDocuments(strapi, uids.practice);

  const service = {
    async list(query: PracticeListQuery, context: LocaleContext): Promise<PracticeListResponse> {
      const { locale } = context;
      const tree = await getService(strapi, 'framework').tree(context);
      const group = query.groupMet ? findGroup(tree, query.groupMet) : undefined;
      if (query.groupMet && !group) unknownKey('groupMet', `There is no criteria group “${query.groupMet}”.`);
      if (query.itemMet && !findItem(tree, query.itemMet)) unknownKey('itemMet', `There is no checklist item “${query.itemMet}”.`);

      const filters: Record<string, unknown> = {};
      if (query.country) filters.country = { $eq: query.country };
      if (query.area) filters.integrationAreas = { key: { $eq: query.area } };
      if (query.targetGroup) filters.targetGroups = { key: { $eq: query.targetGroup } };
      const candidates = await practices.findMany<CandidateRow>({
        locale,
        filters,
        fields: ['title', 'summary', 'assessment', 'validationDate', 'updatedAt', 'projectStart', ...(query.q ? ['answers'] : [])],
      });

      const seen = new Set<string>();
      const matching = candidates
        .filter((row) => !seen.has(row.documentId) && seen.add(row.documentId))
        .filter((row) => {
          const assessment = readAssessment(row.assessment);
          if (group && !meetsGroup(group, assessment)) return false;
          if (query.itemMet && assessment[query.itemMet] !== 'met') return false;
          if (query.q) {
            const bodies = readAnswers(row.answers).map((answer) => answer.body);
            if (!matchesQuery([row.title, row.summary, ...bodies], query.q, locale)) return false;
          }
          return true;
        })
        .map((row) => ({
          documentId: row.documentId,
          title: row.title,
          validationDate: isoDate(row.validationDate),
          updatedAt: isoDateTime(row.updatedAt),
          projectStart: isoDate(row.projectStart),
        }))
        .sort(practiceComparator(query.sort, locale));

      const total = matching.length;
      const pageIds = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((row) => row.documentId);
      const rows =
        pageIds.length === 0
          ? []
          : await practices.findMany<PracticeSummaryRow>({
              locale,
              filters: { documentId: { $in: pageIds } },
              fields: practiceSummaryFields,
              populate: practicePopulate,
            });
      const byId = new Map(rows.map((row) => [row.documentId, row]));

      return {
        data: pageIds
          .map((id) => byId.get(id))
          .filter((row): row is PracticeSummaryRow => row !== undefined)
          .map((row) => mapPracticeSummary(row, tree)),
        meta: { pagination: paginationOf(query, total) },
      };
    },

    async findBySlug(slug: string, context: LocaleContext): Promise<PracticeDetail> {
      const { locale } = context;
      const row = await practices.findFirst<PracticeDetailRow>({
        locale,
        filters: { slug: { $eq: slug } },
        fields: practiceDetailFields,
        populate: practicePopulate,
      });
      if (!row) throw new errors.NotFoundError(`There is no published practice “${slug}” in locale ${locale}.`);
      const [detail] = await detailsOf([row], context);
      return detail;
    },

    /** A page of every published practice detail of a locale, in documentId order (static build). */
    async detailPage(query: DetailPageQuery, context: LocaleContext): Promise<PracticeDetailListResponse> {
      const { locale } = context;
      const [total, rows] = await Promise.all([
        practices.count({ locale }),
        practices.findMany<PracticeDetailRow>({
          locale,
          fields: practiceDetailFields,
          populate: practicePopulate,
          sort: 'documentId:asc',
          start: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
      ]);
      return { data: await detailsOf(rows, context), meta: { pagination: paginationOf(query, total) } };
    },
  };
  return service;

  /**
   * Assembles practice details from their rows with a fixed number of queries, whatever the
   * number of rows: the framework once, the locale versions and the cited tools of all rows in one
   * batch each.
   */
  async function detailsOf(rows: readonly PracticeDetailRow[], context: LocaleContext): Promise<PracticeDetail[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.documentId);
    const answersById = new Map(rows.map((row) => [row.documentId, readAnswers(row.answers)]));
    const cited = [...new Set([...answersById.values()].flatMap((answers) => citedToolIds(answers)))];
    const [tree, versions, tools] = await Promise.all([
      getService(strapi, 'framework').tree(context),
      practices.findMany<LocalizedSlugRow & { documentId: string }>({ locale: '*', filters: { documentId: { $in: ids } }, fields: ['slug', 'locale'] }),
      getService(strapi, 'tool').summariesByIds(cited, context),
    ]);
    const versionsById = groupVersions(versions);
    return rows.map((row) => mapPracticeDetail(row, tree, tools, versionsById.get(row.documentId) ?? []));
  }
}

export type PracticeService = ReturnType<typeof createPracticeService>;
