/** Pieces shared by the paged reads: the pagination block and the locale versions of documents. */
import type { Pagination } from '../../../contract';
import type { LocalizedSlugRow } from '../mappers/public-rows';

export function paginationOf(query: { page: number; pageSize: number }, total: number): Pagination {
  return { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total };
}

/** Published versions (locale + slug) per documentId, each list sorted by locale code. */
export function groupVersions(rows: readonly (LocalizedSlugRow & { documentId: string })[]): Map<string, LocalizedSlugRow[]> {
  const byId = new Map<string, LocalizedSlugRow[]>();
  for (const row of rows) {
    const list = byId.get(row.documentId) ?? [];
    list.push({ locale: row.locale, slug: row.slug });
    byId.set(row.documentId, list);
  }
  for (const list of byId.values()) list.sort((a, b) => a.locale.localeCompare(b.locale));
  return byId;
}
