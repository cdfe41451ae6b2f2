/**
 * Published practices for the public API.
 *
 * The list filters and sorts the locale's list index (practice-list-index.ts, kept in memory for
 * the content generation), searches the locale's folded texts for `q` (practice-search-index.ts), then loads the
 * page from the index: the number of queries never depends on the page size. The detail page and
 * the detail pages are a fixed set of queries too (detailsOf).
 */
import { errors } from '@strapi/utils';
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { DetailPageQuery, ItemSuggestionsResponse, PracticeDetail, PracticeDetailListResponse, PracticeListQuery, PracticeListResponse, PracticeVersion, PracticeVersionsResponse } from '../../../contract';
import { citedToolIds } from '../domain/answers';
import { FALLBACK_TEXT_FIELDS, type FallbackTextField, hasText, mergeTexts, type MergedTexts, type TextVersion } from '../domain/text-fallback';
import type { FrameworkTree } from '../domain/framework-tree';
import { findGroup, findItem } from '../domain/framework-tree';
import { meetsGroup } from '../domain/scores';
import { mapPracticeDetail } from '../mappers/practice';
import {
  type LocalizedSlugRow,
  type PracticeDetailRow,
  type PracticeSummaryRow,
  practiceDetailFields,
  practicePopulate,
} from '../mappers/public-rows';
import { uids } from '../plugin-id';
import type { LocaleContext } from './locale-service';
import { groupVersions, paginationOf } from '../read-model/detail-pages';
import { builtPracticeListIndex, practiceListIndex, versionsInChainOrder, withSharedTerms } from '../read-model/practice-list-index';
import { itemSuggestions } from '../read-model/item-suggestions';
import { searchIndex } from '../read-model/practice-search-index';
import { publishedDocuments } from '../read-model/published-documents';
import { builtPublishedVersions, publishedVersions } from '../read-model/published-versions';
import { getService } from './service-access';
import { termNames } from '../read-model/term-names';
import { builtTextPresence, type PresentTexts, textPresence } from '../read-model/text-presence';

function unknownKey(parameter: string, message: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [parameter], message, name: 'ValidationError' }] });
}

export function createPracticeService({ strapi }: { strapi: Core.Strapi }) {
  const practices = publishedDocuments(strapi, uids.practice);

  /** What a kept list answer is made from: the locale's list index, framework tree and term names. */
  const listInputs = (context: LocaleContext) =>
    Promise.all([practiceListIndex(strapi, context), getService(strapi, 'framework').tree(context), termNames(strapi, context)]);

  const service = {
    async list(query: PracticeListQuery, context: LocaleContext): Promise<PracticeListResponse> {
      const { locale } = context;
      const tree = await getService(strapi, 'framework').tree(context);
      const group = query.groupMet ? findGroup(tree, query.groupMet) : undefined;
      if (query.groupMet && !group) unknownKey('groupMet', `There is no criteria group “${query.groupMet}”.`);
      if (query.itemMet && !findItem(tree, query.itemMet)) unknownKey('itemMet', `There is no checklist item “${query.itemMet}”.`);

      const [index, terms] = await Promise.all([practiceListIndex(strapi, context), termNames(strapi, context)]);
      const filterKey = JSON.stringify([query.sort, query.country, query.area, query.targetGroup, query.groupMet, query.itemMet, query.q]);
      const matching = await index.matches(filterKey, async () => {
        const filtered = index.sortedBy(query.sort).filter(
          (entry) =>
            (!query.country || entry.country === query.country) &&
            (!query.area || entry.areas.has(query.area)) &&
            (!query.targetGroup || entry.targetGroups.has(query.targetGroup)) &&
            (!group || meetsGroup(group, entry.assessment)) &&
            (!query.itemMet || entry.assessment[query.itemMet] === 'met'),
        );
        if (!query.q || filtered.length === 0) return filtered;
        const found = (await searchIndex(strapi, context)).matching(query.q);
        return filtered.filter((entry) => found.has(entry.documentId));
      });

      const total = matching.length;
      const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      return {
        data: page.map((entry) => index.summaryOf(entry, tree, terms)),
        meta: { pagination: paginationOf(query, total) },
      };
    },

    /**
     * The list response as JSON bytes, kept with the locale's index for the generation (see
     * PracticeListIndex.response): a page asked for again costs a map lookup.
     */
    async listJson(query: PracticeListQuery, context: LocaleContext): Promise<Buffer> {
      const [index, tree, terms] = await listInputs(context);
      const key = JSON.stringify([query.sort, query.country, query.area, query.targetGroup, query.groupMet, query.itemMet, query.q, query.page, query.pageSize]);
      return index.response(key, tree, terms, async () => Buffer.from(JSON.stringify(await service.list(query, context))));
    },

    /**
     * Every practice the locale's lists show, with a digest of its summary as the list serves it
     * (contract: practiceVersionsResponse), as JSON bytes kept with the locale's index for the
     * generation. A static build compares these with its copy instead of reading every list page
     * (at 2,000 practices × 5 locales: 100 requests and ~20 MB of JSON for the build to parse).
     */
    async versionsJson(context: LocaleContext): Promise<Buffer> {
      const [index, tree, terms] = await listInputs(context);
      return index.response('versions', tree, terms, async () => {
        const entries = [...index.sortedBy('title:asc')].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
        const data: PracticeVersion[] = entries.map((entry) => {
          const summary = index.summaryOf(entry, tree, terms);
          return { documentId: summary.documentId, locale: summary.locale, slug: summary.slug, digest: createHash('sha1').update(JSON.stringify(summary)).digest('base64url') };
        });
        const body: PracticeVersionsResponse = { data, meta: { total: data.length } };
        return Buffer.from(JSON.stringify(body));
      });
    },

    async findBySlug(slug: string, context: LocaleContext): Promise<PracticeDetail> {
      const { locale } = context;
      const row = await practices.findFirst<PracticeDetailRow>({ locale, filters: { slug: { $eq: slug } }, fields: practiceDetailFields });
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
          sort: 'documentId:asc',
          start: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
      ]);
      return { data: await detailsOf(rows, context), meta: { pagination: paginationOf(query, total) } };
    },

    /** Per checklist item, the published practices that meet it, best in its group first (read-model/item-suggestions.ts). */
    async suggestions(context: LocaleContext): Promise<ItemSuggestionsResponse> {
      return { data: await itemSuggestions(strapi, context) };
    },
  };
  return service;

  /**
   * Assembles practice details from their rows (read without relations) with a fixed number of
   * queries, whatever the number of rows. The framework and the cited tools come from caches of
   * the content generation. The rows' terms and cover images come from the locale's list index and
   * their locale versions from the all-versions index, when those are built for this generation;
   * otherwise one query each (by documentId, indexed) reads just these rows.
   *
   * A detail request never waits for the list index: building it reads every practice of the
   * locale, and at 2,000 × 5 cold practice pages waiting for it took more than the site's 2 s
   * (bench/reports/full-2000x5.md). List requests build it. The versions index is small (three
   * short columns) and is built in the background by the first request that misses it.
   * With both built, a detail costs the generation check and the rows' own query: each statement
   * costs a round trip (bench/reports/full-2000x5.md, analysis item 1).
   */
  async function detailsOf(rows: readonly PracticeDetailRow[], context: LocaleContext): Promise<PracticeDetail[]> {
    if (rows.length === 0) return [];
    const { locale } = context;
    const tree = await getService(strapi, 'framework').tree(context);
    const mergedById = await mergedTextsOf(rows, tree, context);
    const cited = [...new Set([...mergedById.values()].flatMap((merged) => citedToolIds([...merged.answers.values()])))];
    const [tools, relations, versions, terms] = await Promise.all([
      getService(strapi, 'tool').summariesByIds(cited, context),
      relationsOf(rows, context),
      versionsOf(rows),
      termNames(strapi, context),
    ]);
    return rows.map((row) => {
      const stored = relations.get(row.documentId);
      const withRelations: PracticeDetailRow = {
        ...row,
        integrationAreas: stored?.integrationAreas ?? [],
        targetGroups: stored?.targetGroups ?? [],
        coverImage: stored?.coverImage ?? null,
      };
      return mapPracticeDetail(withRelations, tree, terms, tools, versions.get(row.documentId) ?? [], mergedById.get(row.documentId));
    });
  }

  /**
   * Each row's texts, with what it lacks (a text field, an answer to a question of the framework)
   * taken from the next language of the chain that has it: one query for every row that lacks
   * something (none when nothing is missing), whatever their number.
   */
  async function mergedTextsOf(rows: readonly PracticeDetailRow[], tree: FrameworkTree, { chain }: LocaleContext): Promise<Map<string, MergedTexts>> {
    const merged = new Map(rows.map((row) => [row.documentId, mergeTexts([row])]));
    if (chain.length < 2) return merged;
    const presence = await builtTextPresence(strapi);
    // Warmed for the next requests; a failure there only leaves them on the longer path.
    if (!presence) void textPresence(strapi).catch(() => undefined);
    // The later languages of the chain that have something a row lacks (all of them until the
    // presence index is built): a practice that leaves a question unanswered in every language
    // costs no query.
    const sources = new Set<string>();
    const lacking = rows.filter((row) => {
      const missing = missingTexts(merged.get(row.documentId)!, tree);
      if (!missing) return false;
      const from = presence ? chain.slice(1).filter((code) => fills(presence.get(row.documentId)?.get(code), missing)) : chain.slice(1);
      for (const code of from) sources.add(code);
      return from.length > 0;
    });
    if (lacking.length === 0) return merged;
    const others = await practices.findMany<TextVersion & { documentId: string }>({
      locale: [...sources],
      filters: { documentId: { $in: lacking.map((row) => row.documentId) } },
      fields: ['locale', ...FALLBACK_TEXT_FIELDS, 'answers'],
    });
    const rank = new Map(chain.map((code, index) => [code, index]));
    others.sort((a, b) => rank.get(a.locale)! - rank.get(b.locale)!);
    for (const row of lacking) {
      merged.set(row.documentId, mergeTexts([row, ...others.filter((other) => other.documentId === row.documentId)]));
    }
    return merged;
  }

  /** What the row's own version lacks (undefined: nothing). */
  function missingTexts(merged: MergedTexts, tree: FrameworkTree): { fields: FallbackTextField[]; questions: string[] } | undefined {
    const fields = FALLBACK_TEXT_FIELDS.filter((field) => !hasText(merged.texts[field]));
    const questions = tree.flatMap((group) => group.questions.filter((question) => !merged.answers.has(question.key)).map((question) => question.key));
    return fields.length > 0 || questions.length > 0 ? { fields, questions } : undefined;
  }

  function fills(present: PresentTexts | undefined, missing: { fields: FallbackTextField[]; questions: string[] }): boolean {
    return present !== undefined && (missing.fields.some((field) => present.fields.has(field)) || missing.questions.some((key) => present.answered.has(key)));
  }

  type Relations = Pick<PracticeSummaryRow, 'integrationAreas' | 'targetGroups' | 'coverImage'>;

  async function relationsOf(rows: readonly PracticeDetailRow[], { locale, chain }: LocaleContext): Promise<ReadonlyMap<string, Relations>> {
    const index = await builtPracticeListIndex(strapi, locale);
    const relations = new Map<string, Relations>();
    for (const row of rows) {
      const entry = index?.byDocumentId(row.documentId);
      // The index shows some practices in another language of the chain: their terms would be too.
      if (entry && entry.row.locale === locale) relations.set(row.documentId, entry.row);
    }
    const missing = rows.filter((row) => !relations.has(row.documentId)).map((row) => row.documentId);
    if (missing.length > 0) {
      // Every published version: the terms are the practice's, read from all its versions
      // (withSharedTerms); the cover image comes from the row's own locale.
      const found = await practices.findMany<PracticeSummaryRow>({
        locale: '*',
        filters: { documentId: { $in: missing } },
        fields: ['locale'],
        populate: practicePopulate,
      });
      const order = [...chain, ...new Set(found.map((row) => row.locale).filter((code) => !chain.includes(code)))];
      for (const versions of versionsInChainOrder(found, order)) {
        if (versions[0]!.locale === locale) relations.set(versions[0]!.documentId, withSharedTerms(versions));
      }
    }
    return relations;
  }

  async function versionsOf(rows: readonly PracticeDetailRow[]): Promise<ReadonlyMap<string, readonly LocalizedSlugRow[]>> {
    const built = await builtPublishedVersions(strapi, uids.practice);
    if (built && rows.every((row) => built.has(row.documentId))) return built;
    // Warmed for the next requests; a failure there only leaves them on this path.
    void publishedVersions(strapi, uids.practice).catch(() => undefined);
    const ids = rows.map((row) => row.documentId);
    return groupVersions(
      await practices.findMany<LocalizedSlugRow & { documentId: string }>({ locale: '*', filters: { documentId: { $in: ids } }, fields: ['slug', 'locale'] }),
    );
  }
}

export type PracticeService = ReturnType<typeof createPracticeService>;
