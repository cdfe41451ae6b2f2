/**
 * What the practice list's `q` and `sort` mean, as part of the contract: the CMS applies these
 * functions to answer `GET /practices`, and the static site applies the very same ones to its
 * build-time collection, so both modes list the same practices in the same order.
 *
 * Done in the application rather than in SQL so that it behaves the same on SQLite and
 * PostgreSQL, reaches into the JSON answers, and follows each language's collation
 * (Intl.Collator) instead of the database's.
 */
import type { PracticeListQuery } from './index';

/** Case- and accent-insensitive form of a text, for matching. */
export function foldText(value: string, locale: string): string {
  let lower: string;
  try {
    lower = value.toLocaleLowerCase(locale);
  } catch {
    lower = value.toLowerCase();
  }
  return lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Every word of the query must occur in one of the texts (in any order). */
export function matchesQuery(texts: readonly (string | null | undefined)[], query: string, locale: string): boolean {
  const haystack = foldText(texts.filter((value): value is string => typeof value === 'string').join('\n'), locale);
  return foldText(query, locale)
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .every((word) => haystack.includes(word));
}

export interface SortablePractice {
  documentId: string;
  title: string;
  validationDate: string | null;
  updatedAt: string | null;
  projectStart: string | null;
}

type Sort = PracticeListQuery['sort'];

/** Missing dates sort last in both directions: an undated practice is never "the newest". */
function compareDates(a: string | null, b: string | null, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return descending ? (a < b ? 1 : -1) : a < b ? -1 : 1;
}

export function practiceComparator(sort: Sort, locale: string): (a: SortablePractice, b: SortablePractice) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const [field, direction] = sort.split(':') as [keyof SortablePractice, 'asc' | 'desc'];
  const descending = direction === 'desc';
  return (a, b) => {
    const primary =
      field === 'title'
        ? (descending ? -1 : 1) * collator.compare(a.title, b.title)
        : compareDates(a[field] as string | null, b[field] as string | null, descending);
    // A stable tie-break keeps pages from overlapping or skipping entries.
    return primary || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
  };
}
