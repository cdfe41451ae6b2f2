/**
 * What the practice list filters and sorts on, for every published practice of a locale, kept for
 * the content generation (read-cache/generation-cache.ts): the list then costs a pass over this
 * index and one page read, instead of loading and parsing every practice of the locale on every
 * request (bench/reports/full-2000x5.md, analysis item 2).
 *
 * Each entry keeps the practice's summary row (with its terms and cover image), so a list page
 * is served without reading the database.
 * No answers (too large to keep for every locale): the text search reads those per request.
 */
import type { Core } from '@strapi/strapi';
import { type PracticeListQuery, practiceComparator, type SortablePractice } from '../../../contract';
import { type Assessment, readAssessment } from '../domain/assessment';
import { practicePopulate, type PracticeSummaryRow, practiceSummaryFields } from '../mappers/public-rows';
import { isoDate, isoDateTime } from '../mappers/values';
import { uids } from '../plugin-id';
import { cachedForGeneration } from '../read-cache/generation-cache';
import { publishedDocuments } from './published-documents';

export interface ListEntry extends SortablePractice {
  summary: string | null;
  country: string | null;
  areas: ReadonlySet<string>;
  targetGroups: ReadonlySet<string>;
  assessment: Assessment;
  /** The stored summary row, shared: never mutate. */
  row: PracticeSummaryRow;
}

export interface PracticeListIndex {
  /** Every entry, in the order of `sort` (computed once per sort and generation). */
  sortedBy(sort: PracticeListQuery['sort']): readonly ListEntry[];
  byDocumentId(documentId: string): ListEntry | undefined;
}

const keysOf = (terms: { key: string }[] | null | undefined): ReadonlySet<string> => new Set((terms ?? []).map((term) => term.key));

async function buildIndex(strapi: Core.Strapi, locale: string): Promise<PracticeListIndex> {
  const rows = await publishedDocuments(strapi, uids.practice).findMany<PracticeSummaryRow>({
    locale,
    fields: practiceSummaryFields,
    populate: practicePopulate,
  });
  const seen = new Set<string>();
  const entries: ListEntry[] = [];
  for (const row of rows) {
    if (seen.has(row.documentId)) continue;
    seen.add(row.documentId);
    entries.push({
      documentId: row.documentId,
      title: row.title,
      summary: row.summary,
      country: row.country,
      areas: keysOf(row.integrationAreas),
      targetGroups: keysOf(row.targetGroups),
      assessment: readAssessment(row.assessment),
      validationDate: isoDate(row.validationDate),
      updatedAt: isoDateTime(row.updatedAt),
      projectStart: isoDate(row.projectStart),
      row,
    });
  }
  const byId = new Map(entries.map((entry) => [entry.documentId, entry]));
  const sorted = new Map<string, readonly ListEntry[]>();
  return {
    sortedBy(sort) {
      let list = sorted.get(sort);
      if (!list) {
        list = [...entries].sort(practiceComparator(sort, locale));
        sorted.set(sort, list);
      }
      return list;
    },
    byDocumentId: (documentId) => byId.get(documentId),
  };
}

export function practiceListIndex(strapi: Core.Strapi, locale: string): Promise<PracticeListIndex> {
  return cachedForGeneration(strapi, `practice-list:${locale}`, () => buildIndex(strapi, locale));
}
