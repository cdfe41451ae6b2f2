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

function matchesText(practice: PracticeDetail, q: string): boolean {
  const needle = q.toLocaleLowerCase();
  const haystack = [
    practice.title,
    practice.summary ?? '',
    practice.objectives ?? '',
    ...practice.groups.flatMap((g) => g.questions.map((question) => question.answer?.body ?? '')),
  ];
  return haystack.some((text) => text.toLocaleLowerCase().includes(needle));
}

function compareNullableDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

function compareNullableAsc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function sortPractices<T extends PracticeSummary>(practices: readonly T[], sort: Query['sort'], locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const byTitle = (a: T, b: T) => collator.compare(a.title, b.title);
  const sorted = [...practices];
  switch (sort) {
    case 'title:asc':
      return sorted.sort(byTitle);
    case 'title:desc':
      return sorted.sort((a, b) => byTitle(b, a));
    case 'validationDate:desc':
      return sorted.sort((a, b) => compareNullableDesc(a.validationDate, b.validationDate) || byTitle(a, b));
    case 'validationDate:asc':
      return sorted.sort((a, b) => compareNullableAsc(a.validationDate, b.validationDate) || byTitle(a, b));
    case 'projectStart:desc':
      return sorted.sort((a, b) => compareNullableDesc(a.projectStart, b.projectStart) || byTitle(a, b));
    case 'updatedAt:desc':
    default:
      return sorted.sort((a, b) => compareNullableDesc(a.updatedAt, b.updatedAt) || byTitle(a, b));
  }
}

export function queryPractices(practices: readonly PracticeDetail[], query: Query, locale: string): PracticeListResponse {
  const filtered = practices.filter(
    (p) =>
      (query.country === undefined || p.country === query.country) &&
      (query.area === undefined || p.integrationAreas.some((a) => a.key === query.area)) &&
      (query.targetGroup === undefined || p.targetGroups.some((t) => t.key === query.targetGroup)) &&
      (query.groupMet === undefined || meetsGroup(p, query.groupMet)) &&
      (query.itemMet === undefined || meetsItem(p, query.itemMet)) &&
      (query.q === undefined || matchesText(p, query.q)),
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
