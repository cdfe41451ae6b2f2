/**
 * The practice list query of the CMS, answered from the build-time collection (static mode):
 * same filters, sorts and pagination as `/api/good-practices/practices`, so a prerendered facet
 * page lists what the live site would.
 */
import {
  matchesQuery,
  practiceComparator,
  practiceSummary,
  type PracticeDetail,
  type PracticeListQuery,
  type PracticeListResponse,
  type PracticeSummary,
} from 'strapi-plugin-good-practices/contract';

type Query = Omit<PracticeListQuery, 'locale'>;

export function meetsGroup(practice: PracticeSummary, groupKey: string): boolean {
  const score = practice.scores.find((s) => s.groupKey === groupKey);
  return !!score && score.total > 0 && score.met === score.total;
}

export function meetsItem(practice: PracticeDetail, itemKey: string): boolean {
  return practice.groups.some((g) => g.questions.some((q) => q.items.some((item) => item.key === itemKey && item.state === 'met')));
}

/** Like the CMS (the contract's `matchesQuery`): every word of the query in the title, the summary or an answer. */
function matchesText(practice: PracticeDetail, q: string, locale: string): boolean {
  const answers = practice.groups.flatMap((g) => g.questions.map((question) => question.answer?.body ?? ''));
  return matchesQuery([practice.title, practice.summary, ...answers], q, locale);
}

/** The CMS's order (the contract's `practiceComparator`). */
export function sortPractices<T extends PracticeSummary>(practices: readonly T[], sort: Query['sort'], locale: string): T[] {
  return [...practices].sort(practiceComparator(sort ?? 'updatedAt:desc', locale));
}

export function queryPractices(practices: readonly PracticeDetail[], query: Query, locale: string): PracticeListResponse {
  const filtered = practices.filter(
    (p) =>
      (query.country === undefined || p.country === query.country) &&
      (query.area === undefined || p.integrationAreas.some((a) => a.key === query.area)) &&
      (query.targetGroup === undefined || p.targetGroups.some((t) => t.key === query.targetGroup)) &&
      (query.groupMet === undefined || meetsGroup(p, query.groupMet)) &&
      (query.itemMet === undefined || meetsItem(p, query.itemMet)) &&
      (query.q === undefined || matchesText(p, query.q, locale)),
  );
  const sorted = sortPractices(filtered, query.sort, locale);
  const pageCount = Math.ceil(sorted.length / query.pageSize);
  const start = (query.page - 1) * query.pageSize;
  return {
    data: sorted.slice(start, start + query.pageSize).map(toSummary),
    meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount, total: sorted.length } },
  };
}

/** The summary part of a practice detail (what the list endpoint returns): the contract schema strips the rest. */
export function toSummary(p: PracticeSummary): PracticeSummary {
  return practiceSummary.parse(p);
}
