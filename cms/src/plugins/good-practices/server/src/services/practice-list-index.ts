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
import { type PracticeListQuery, type PracticeSummary, practiceComparator, type SortablePractice } from '../../../contract';
import { type Assessment, readAssessment } from '../domain/assessment';
import type { FrameworkTree } from '../domain/framework-tree';
import { mapPracticeSummary } from '../mappers/practice';
import { practicePopulate, type PracticeSummaryRow, practiceSummaryFields } from '../mappers/public-rows';
import { isoDate, isoDateTime } from '../mappers/values';
import { uids } from '../plugin-id';
import { cachedForGeneration, peekForGeneration } from '../read-cache/generation-cache';
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
  /**
   * The entries matching one combination of filters, computed once and kept with the index (the
   * last MATCHES_KEPT combinations): the site asks for the same few filters again and again, and
   * testing every practice of the locale per request was most of a list request's time
   * (bench/reports/full-2000x5.md, CPU profile of the list load).
   */
  matches(filterKey: string, compute: () => Promise<readonly ListEntry[]>): Promise<readonly ListEntry[]>;
  /** The entry's summary for this framework tree (the same tree object for one generation), kept. */
  summaryOf(entry: ListEntry, tree: FrameworkTree): PracticeSummary;
}

/** Filter combinations kept per index: at 2,000 practices a combination costs at most 16 KB. */
export const MATCHES_KEPT = 256;

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
  // Least recently used first; a pending computation is shared by concurrent requests.
  const matches = new Map<string, Promise<readonly ListEntry[]>>();
  let summaries = new Map<string, PracticeSummary>();
  let summariesTree: FrameworkTree | undefined;
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
    matches(filterKey, compute) {
      let found = matches.get(filterKey);
      if (found) {
        matches.delete(filterKey);
      } else {
        found = compute();
        const pending = found;
        pending.catch(() => {
          if (matches.get(filterKey) === pending) matches.delete(filterKey);
        });
        if (matches.size >= MATCHES_KEPT) matches.delete(matches.keys().next().value!);
      }
      matches.set(filterKey, found);
      return found;
    },
    summaryOf(entry, tree) {
      if (tree !== summariesTree) {
        summaries = new Map();
        summariesTree = tree;
      }
      let summary = summaries.get(entry.documentId);
      if (!summary) {
        summary = mapPracticeSummary(entry.row, tree);
        summaries.set(entry.documentId, summary);
      }
      return summary;
    },
  };
}

const keyOf = (locale: string) => `practice-list:${locale}`;

export function practiceListIndex(strapi: Core.Strapi, locale: string): Promise<PracticeListIndex> {
  return cachedForGeneration(strapi, keyOf(locale), () => buildIndex(strapi, locale));
}

/** The locale's index if list requests have built it for the current generation (never builds). */
export function builtPracticeListIndex(strapi: Core.Strapi, locale: string): Promise<PracticeListIndex | undefined> {
  return peekForGeneration(strapi, keyOf(locale));
}
