/**
 * Turns the translation status of one locale (GET /good-practices/translation-status) into what
 * the page lists: per part of the content, one row per entry that needs work, with every reason
 * it needs work (an entry can be outdated and incomplete at once), filtered as the translator
 * asked. Pure, so that the page's counts and filters are unit-tested.
 */
import type {
  LocaleTranslationStatus,
  TranslationAreaName,
  TranslationAreaStatus,
  TranslationEntryRef,
} from '../../../contract/admin-api';

/** In the order the page shows them: what visitors see most first. */
export const areaOrder: readonly TranslationAreaName[] = ['practices', 'tools', 'framework', 'taxonomies', 'site'];

export type EntryProblem = 'missing' | 'outdated' | 'incomplete';
export type StatusFilter = 'all' | EntryProblem;
export const statusFilters: readonly StatusFilter[] = ['all', 'missing', 'outdated', 'incomplete'];

/** The entry as the status names it, with what it needs; `documentId` is the document to open in the Content Manager (the translation's, when it exists). */
export interface StatusRow extends TranslationEntryRef {
  problems: EntryProblem[];
  /** Segment paths that are outdated. */
  outdatedFields: string[];
  /** Segment paths that have no translation yet. */
  untranslatedFields: string[];
  /** Outdated decided by save times (translations saved before fingerprints were recorded). */
  outdatedByTime: boolean;
}

export interface AreaCounts {
  total: number;
  missing: number;
  outdated: number;
  incomplete: number;
  /** Entries with a complete, current translation. */
  upToDate: number;
}

export interface AreaView {
  area: TranslationAreaName;
  counts: AreaCounts;
  rows: StatusRow[];
}

function identity(kind: string, documentId: string): string {
  return `${kind}/${documentId}`;
}

export function countsOf(status: TranslationAreaStatus): AreaCounts {
  const needingWork = new Set([...status.missing, ...status.outdated, ...status.incomplete].map((entry) => identity(entry.kind, entry.documentId)));
  return {
    total: status.total,
    missing: status.missing.length,
    outdated: status.outdated.length,
    incomplete: status.incomplete.length,
    upToDate: Math.max(0, status.total - needingWork.size),
  };
}

/** Every entry of the area that needs work, once, with all of its problems. */
export function rowsOf(status: TranslationAreaStatus, collator: Intl.Collator): StatusRow[] {
  const rows = new Map<string, StatusRow>();
  for (const entry of status.missing) {
    rows.set(identity(entry.kind, entry.documentId), {
      kind: entry.kind,
      uid: entry.uid,
      documentId: entry.documentId,
      key: entry.key,
      label: entry.label,
      published: entry.published,
      problems: ['missing'],
      outdatedFields: [],
      untranslatedFields: [],
      outdatedByTime: false,
    });
  }
  for (const problem of ['outdated', 'incomplete'] as const) {
    for (const entry of status[problem]) {
      const id = identity(entry.kind, entry.documentId);
      const row = rows.get(id) ?? {
        kind: entry.kind,
        uid: entry.uid,
        documentId: entry.translationDocumentId,
        key: entry.key,
        label: entry.label,
        published: entry.published,
        problems: [],
        outdatedFields: [],
        untranslatedFields: [],
        outdatedByTime: false,
      };
      row.problems.push(problem);
      if (problem === 'outdated') {
        row.outdatedFields = entry.fields;
        row.outdatedByTime = entry.basis === 'updatedAt';
      } else {
        row.untranslatedFields = entry.fields;
      }
      rows.set(id, row);
    }
  }
  return [...rows.values()].sort((a, b) => collator.compare(a.label, b.label));
}

export function matchesFilter(row: StatusRow, filter: StatusFilter): boolean {
  return filter === 'all' || row.problems.includes(filter);
}

/** The page's content for one locale and filter; `collator` orders entries by label. */
export function localeView(status: LocaleTranslationStatus, filter: StatusFilter, collator: Intl.Collator): AreaView[] {
  return areaOrder.map((area) => {
    const areaStatus = status.areas[area];
    return { area, counts: countsOf(areaStatus), rows: rowsOf(areaStatus, collator).filter((row) => matchesFilter(row, filter)) };
  });
}

/** Totals over every area of a locale, for the locale picker and the summary. */
export function localeCounts(status: LocaleTranslationStatus): AreaCounts {
  return areaOrder.map((area) => countsOf(status.areas[area])).reduce(
    (sum, counts) => ({
      total: sum.total + counts.total,
      missing: sum.missing + counts.missing,
      outdated: sum.outdated + counts.outdated,
      incomplete: sum.incomplete + counts.incomplete,
      upToDate: sum.upToDate + counts.upToDate,
    }),
    { total: 0, missing: 0, outdated: 0, incomplete: 0, upToDate: 0 },
  );
}
