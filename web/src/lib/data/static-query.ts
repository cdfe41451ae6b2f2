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

/** The filters of a list query that a summary answers (the path form of a static list page). */
function matchesSummaryFilters(p: PracticeSummary, query: Query): boolean {
  return (
    (query.country === undefined || p.country === query.country) &&
    (query.area === undefined || p.integrationAreas.some((a) => a.key === query.area)) &&
    (query.targetGroup === undefined || p.targetGroups.some((t) => t.key === query.targetGroup)) &&
    (query.groupMet === undefined || meetsGroup(p, query.groupMet))
  );
}

function pageOf<T extends PracticeSummary>(sorted: readonly T[], query: Query, summary: (p: T) => PracticeSummary): PracticeListResponse {
  const pageCount = Math.ceil(sorted.length / query.pageSize);
  const start = (query.page - 1) * query.pageSize;
  return {
    data: sorted.slice(start, start + query.pageSize).map(summary),
    meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount, total: sorted.length } },
  };
}

export function queryPractices(practices: readonly PracticeDetail[], query: Query, locale: string): PracticeListResponse {
  const filtered = practices.filter(
    (p) =>
      matchesSummaryFilters(p, query) &&
      (query.itemMet === undefined || meetsItem(p, query.itemMet)) &&
      (query.q === undefined || matchesText(p, query.q, locale)),
  );
  return pageOf(sortPractices(filtered, query.sort, locale), query, toSummary);
}

/**
 * The same answer from summaries (exactly the contract's shape: {@link toSummary}) already in the
 * query's order (`sortPractices` with its sort):
 * filtering keeps that order, so a build sorts each locale's practices once per sort instead of
 * once per list page. Free text and checklist items need the details: those queries exist only
 * on request (server mode), and asking here is a bug.
 */
export function querySortedSummaries(sorted: readonly PracticeSummary[], query: Query): PracticeListResponse {
  if (query.q !== undefined || query.itemMet !== undefined) {
    throw new Error('the static list answers the path filters only (country, area, target group, criteria group); q and itemMet are server-mode queries');
  }
  return pageOf(filteredOnce(sorted, query), query, (p) => p);
}

/**
 * The practices of `sorted` matching the query's filters, kept per sorted list (a static build's
 * lists do not change during the build) and filters: the pages of one list share it. Filtering
 * every practice again for each of the ~2,600 list pages (and again for each page's cache key) was
 * half a second of a build with nothing to render, at 2,000 × 5.
 */
const filteredKept = new WeakMap<readonly PracticeSummary[], Map<string, readonly PracticeSummary[]>>();

function filteredOnce(sorted: readonly PracticeSummary[], query: Query): readonly PracticeSummary[] {
  let byFilters = filteredKept.get(sorted);
  if (!byFilters) {
    byFilters = new Map();
    filteredKept.set(sorted, byFilters);
  }
  const key = JSON.stringify([query.country ?? null, query.area ?? null, query.targetGroup ?? null, query.groupMet ?? null]);
  let filtered = byFilters.get(key);
  if (!filtered) {
    filtered = sorted.filter((p) => matchesSummaryFilters(p, query));
    byFilters.set(key, filtered);
  }
  return filtered;
}

/** The summary part of a practice detail (what the list endpoint returns): the contract schema strips the rest. */
export function toSummary(p: PracticeSummary): PracticeSummary {
  return practiceSummary.parse(p);
}
