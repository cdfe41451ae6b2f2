/**
 * What the practice list filters and sorts on, for every published practice of a locale, kept for
 * the content generation (generation-cache.ts): the list then costs a pass over this
 * index and one page read, instead of loading and parsing every practice of the locale on every
 * request (bench/reports/before-fixes/full-2000x5.md, analysis item 2).
 *
 * Each entry keeps the practice's summary row (with its shared terms, from all its published
 * versions: withSharedTerms, and cover image), so a list page
 * is served without reading the database.
 * No answers (too large to keep for every locale): the text search reads those per request.
 *
 * The index of locale L holds every published practice, each in the first language of L's
 * fallback chain in which it is published (one query over the chain's locales): counts, facets,
 * pagination and the title sort are computed over what L's visitors see. A shown version without
 * a summary shows the next summary of the chain.
 */
import type { Core } from '@strapi/strapi';
import { type PracticeListQuery, type PracticeSummary, practiceComparator, type SortablePractice } from '../../../contract';
import { type Assessment, storedAssessment } from '../domain/assessment';
import type { FrameworkTree } from '../domain/framework-tree';
import { hasText } from '../domain/text-fallback';
import { mapPracticeSummary, type SummaryFallback } from '../mappers/practice';
import { practicePopulate, type PracticeSummaryRow, practiceSummaryFields, type TermRow } from '../mappers/public-rows';
import { isoDate, isoDateTime } from '../mappers/values';
import { uids } from '../plugin-id';
import { byteBoundedCache } from './byte-bounded-cache';
import { cachedForGeneration, cachedPerPractice, peekForGeneration } from './generation-cache';
import type { LocaleContext } from '../services/locale-service';
import type { TermNames } from './term-names';
import { publishedDocuments } from './published-documents';

export interface ListEntry extends SortablePractice {
  summary: string | null;
  country: string | null;
  areas: ReadonlySet<string>;
  targetGroups: ReadonlySet<string>;
  assessment: Assessment;
  /** The stored summary row of the version shown (its `locale` is the language shown), shared: never mutate. */
  row: PracticeSummaryRow;
  /** The summary shown when the row has none: the next one of the chain. */
  summaryFallback?: SummaryFallback;
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
  /**
   * The entry's summary for this framework tree and these term names (the same objects for one
   * generation), kept.
   */
  summaryOf(entry: ListEntry, tree: FrameworkTree, terms: TermNames): PracticeSummary;
  /**
   * A list response as sent (JSON bytes), kept under `key` for this tree and these term names: the
   * site asks for the same pages again and again, and serialising a page (and encoding it) was a
   * quarter of the CPU of the list load (bench/reports/full-2000x5-locale-fallback.md, list
   * profile: koa's respond, byteLength, writeUtf8String). At most RESPONSE_BYTES_KEPT bytes are
   * kept (byte-bounded-cache.ts).
   */
  response(key: string, tree: FrameworkTree, terms: TermNames, compute: () => Promise<Buffer>): Promise<Buffer>;
}

/** Filter combinations kept per index: at 2,000 practices a combination costs at most 16 KB. */
export const MATCHES_KEPT = 256;

/** Bytes of list responses kept per locale: a page of 25 is about 40 KB, so some 200 pages. */
export const RESPONSE_BYTES_KEPT = 8 * 1024 * 1024;

const keysOf = (terms: { key: string }[] | null | undefined): ReadonlySet<string> => new Set((terms ?? []).map((term) => term.key));

/** Each document's published versions in chain order (the first is the one shown). */
export function versionsInChainOrder<Row extends { documentId: string; locale: string }>(rows: readonly Row[], chain: readonly string[]): Row[][] {
  const rank = new Map(chain.map((code, index) => [code, index]));
  const byId = new Map<string, Row[]>();
  for (const row of rows) {
    if (!rank.has(row.locale)) continue;
    const versions = byId.get(row.documentId);
    // A version per locale: the first row read wins (published rows are unique per locale).
    if (!versions) byId.set(row.documentId, [row]);
    else if (!versions.some((version) => version.locale === row.locale)) versions.push(row);
  }
  const ordered = [...byId.values()];
  for (const versions of ordered) versions.sort((a, b) => rank.get(a.locale)! - rank.get(b.locale)!);
  return ordered;
}

/**
 * The row shown with the practice's terms: the terms are one set per practice (shared in every
 * language, invariants/shared-terms.ts), but a version links only the terms that have a version in
 * its locale. So the set is read from every published version: a practice stays under its areas
 * in a language its terms are not translated into. (The names shown are the requested locale's,
 * term-names.ts, whichever version linked the term.) `versions` are in chain order; the rows are
 * shared: a copy is returned.
 */
export function withSharedTerms<Row extends Pick<PracticeSummaryRow, 'integrationAreas' | 'targetGroups'>>(versions: readonly Row[]): Row {
  const merged = (relation: 'integrationAreas' | 'targetGroups'): TermRow[] => {
    const byKey = new Map<string, TermRow>();
    for (const version of versions) for (const term of version[relation] ?? []) if (!byKey.has(term.key)) byKey.set(term.key, term);
    return [...byKey.values()];
  };
  return { ...versions[0]!, integrationAreas: merged('integrationAreas'), targetGroups: merged('targetGroups') };
}

/**
 * Beyond this many practices changed since the rows were read, reading them all again is as
 * cheap as reading the changed ones (one query per relation either way, but a long IN list).
 */
export const INCREMENTAL_ROWS_LIMIT = 500;

function readSummaryRows(strapi: Core.Strapi, documentIds?: readonly string[]): Promise<PracticeSummaryRow[]> {
  return publishedDocuments(strapi, uids.practice).findMany<PracticeSummaryRow>({
    locale: '*',
    fields: practiceSummaryFields,
    populate: practicePopulate,
    ...(documentIds ? { filters: { documentId: { $in: [...documentIds] } } } : {}),
  });
}

/**
 * The summary rows of every published version of every practice, read once per content
 * generation for the indexes of all locales: every chain ends with every locale, so each index
 * would read them all again. After a write of this process the rows of the practices it wrote
 * are read again and the others kept (change-journal.ts): the first list request after a publish
 * then costs a query of one practice instead of every version of every practice (issue 17.6).
 */
function publishedSummaryRows(strapi: Core.Strapi): Promise<PracticeSummaryRow[]> {
  return cachedPerPractice<PracticeSummaryRow[]>(
    strapi,
    'practice-list-rows',
    INCREMENTAL_ROWS_LIMIT,
    () => readSummaryRows(strapi),
    async (earlier, changed) => [...earlier.filter((row) => !changed.has(row.documentId)), ...(await readSummaryRows(strapi, [...changed]))],
  );
}

async function buildIndex(strapi: Core.Strapi, { locale, chain }: LocaleContext): Promise<PracticeListIndex> {
  const rows = await publishedSummaryRows(strapi);
  const entries: ListEntry[] = [];
  for (const versions of versionsInChainOrder(rows, chain)) {
    const row = withSharedTerms(versions);
    let summaryFallback: SummaryFallback | undefined;
    if (!hasText(row.summary)) {
      const source = versions.find((version) => hasText(version.summary));
      summaryFallback = { summary: source?.summary ?? null, locale: source?.locale };
    }
    const summary = summaryFallback ? summaryFallback.summary : row.summary;
    entries.push({
      documentId: row.documentId,
      title: row.title,
      summary,
      country: row.country,
      areas: keysOf(row.integrationAreas),
      targetGroups: keysOf(row.targetGroups),
      assessment: storedAssessment(row.assessment),
      validationDate: isoDate(row.validationDate),
      updatedAt: isoDateTime(row.updatedAt),
      projectStart: isoDate(row.projectStart),
      row,
      summaryFallback,
    });
  }
  const byId = new Map(entries.map((entry) => [entry.documentId, entry]));
  const sorted = new Map<string, readonly ListEntry[]>();
  // Least recently used first; a pending computation is shared by concurrent requests.
  const matches = new Map<string, Promise<readonly ListEntry[]>>();
  let summaries = new Map<string, PracticeSummary>();
  let summariesTree: FrameworkTree | undefined;
  let summariesTerms: TermNames | undefined;
  let responses = byteBoundedCache(RESPONSE_BYTES_KEPT);
  /** Summaries and responses are of one tree and one naming of terms: forgotten when either changes. */
  const sameInputs = (tree: FrameworkTree, terms: TermNames): void => {
    if (tree === summariesTree && terms === summariesTerms) return;
    summaries = new Map();
    responses = byteBoundedCache(RESPONSE_BYTES_KEPT);
    summariesTree = tree;
    summariesTerms = terms;
  };
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
    summaryOf(entry, tree, terms) {
      sameInputs(tree, terms);
      let summary = summaries.get(entry.documentId);
      if (!summary) {
        summary = mapPracticeSummary(entry.row, tree, terms, entry.summaryFallback);
        summaries.set(entry.documentId, summary);
      }
      return summary;
    },
    response(key, tree, terms, compute) {
      sameInputs(tree, terms);
      return responses.get(key, compute);
    },
  };
}

const keyOf = (locale: string) => `practice-list:${locale}`;

/** The index of `context.locale` (its chain is fixed for a generation: locales and LOCALE_FALLBACKS). */
export function practiceListIndex(strapi: Core.Strapi, context: LocaleContext): Promise<PracticeListIndex> {
  return cachedForGeneration(strapi, keyOf(context.locale), () => buildIndex(strapi, context));
}

/** The locale's index if list requests have built it for the current generation (never builds). */
export function builtPracticeListIndex(strapi: Core.Strapi, locale: string): Promise<PracticeListIndex | undefined> {
  return peekForGeneration(strapi, keyOf(locale));
}
