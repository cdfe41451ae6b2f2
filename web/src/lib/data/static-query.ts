/**
 * The practice list query of the CMS, answered from the build-time collection (static mode):
 * same filters, sorts and pagination as `/api/good-practices/practices`, so a prerendered facet
 * page lists what the live site would.
 */
import {
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

/**
 * Case- and accent-insensitive form of a text, as the CMS folds it for its text search
 * (plugin server/src/domain/practice-search.ts: `foldText`).
 */
export function foldText(value: string, locale: string): string {
  let lower: string;
  try {
    lower = value.toLocaleLowerCase(locale);
  } catch {
    lower = value.toLowerCase();
  }
  return lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Like the CMS: every word of the query occurs in the title, the summary or an answer (any order). */
function matchesText(practice: PracticeDetail, q: string, locale: string): boolean {
  const haystack = foldText(
    [practice.title, practice.summary ?? '', ...practice.groups.flatMap((g) => g.questions.map((question) => question.answer?.body ?? ''))].join('\n'),
    locale,
  );
  return foldText(q, locale)
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .every((word) => haystack.includes(word));
}

/** Missing dates sort last in both directions (as in the CMS). */
function compareDates(a: string | null, b: string | null, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return descending ? (a < b ? 1 : -1) : a < b ? -1 : 1;
}

/**
 * The CMS's order (plugin `practiceComparator`): titles by the locale's collation with numbers
 * compared as numbers, dates with missing ones last, ties broken by documentId so that pages
 * neither overlap nor skip entries.
 */
export function sortPractices<T extends PracticeSummary>(practices: readonly T[], sort: Query['sort'], locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const [field, direction] = (sort ?? 'updatedAt:desc').split(':') as ['title' | 'validationDate' | 'updatedAt' | 'projectStart', 'asc' | 'desc'];
  const descending = direction === 'desc';
  return [...practices].sort((a, b) => {
    const primary =
      field === 'title' ? (descending ? -1 : 1) * collator.compare(a.title, b.title) : compareDates(a[field] ?? null, b[field] ?? null, descending);
    return primary || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
  });
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
