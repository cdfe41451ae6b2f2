/**
 * What the practice list filters and sorts on, for every published practice of a locale, kept for
 * the content generation (read-cache/generation-cache.ts): the list then costs a pass over this
 * index and one page read, instead of loading and parsing every practice of the locale on every
 * request (bench/reports/full-2000x5.md, analysis item 2).
 *
 * Small by design (no answers): the text search reads the answers it needs per request.
 */
import type { Core } from '@strapi/strapi';
import { type PracticeListQuery, practiceComparator, type SortablePractice } from '../../../contract';
import { type Assessment, readAssessment } from '../domain/assessment';
import type { StoredDate, TermRow } from '../mappers/public-rows';
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
}

export interface PracticeListIndex {
  /** Every entry, in the order of `sort` (computed once per sort and generation). */
  sortedBy(sort: PracticeListQuery['sort']): readonly ListEntry[];
}

interface IndexRow {
  documentId: string;
  title: string;
  summary: string | null;
  country: string | null;
  assessment: unknown;
  validationDate: StoredDate;
  updatedAt: StoredDate;
  projectStart: StoredDate;
  integrationAreas?: Pick<TermRow, 'key'>[] | null;
  targetGroups?: Pick<TermRow, 'key'>[] | null;
}

const keysOf = (terms: Pick<TermRow, 'key'>[] | null | undefined): ReadonlySet<string> => new Set((terms ?? []).map((term) => term.key));

async function buildIndex(strapi: Core.Strapi, locale: string): Promise<PracticeListIndex> {
  const rows = await publishedDocuments(strapi, uids.practice).findMany<IndexRow>({
    locale,
    fields: ['title', 'summary', 'country', 'assessment', 'validationDate', 'updatedAt', 'projectStart'],
    populate: { integrationAreas: { fields: ['key'] }, targetGroups: { fields: ['key'] } },
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
    });
  }
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
  };
}

export function practiceListIndex(strapi: Core.Strapi, locale: string): Promise<PracticeListIndex> {
  return cachedForGeneration(strapi, `practice-list:${locale}`, () => buildIndex(strapi, locale));
}
