/**
 * The practice's terms (integration areas, target groups) are a fact of the practice, like its
 * country: the same set of term *documents* in every language. Strapi cannot share them for us:
 * both ends are localized draft&publish types, so a relation is stored per version and each
 * locale's practice version links the same-locale version of a term (a translation created by
 * XLIFF or a bare Document Service create links none, and dropped out of the filters).
 *
 * So the set of term documentIds is settled by the practice guard like the other shared values
 * (shared-values.ts), with the same rule, "unpublished means unpublished":
 *
 * - a draft write leaves every *draft* of the practice with the same term set (the one written,
 *   else the one the drafts held) and never touches a published version;
 * - a publish gives every *published* locale the set just published;
 * - each version links the term's version of its own locale and status (draft practice → draft
 *   term, published → published, as Strapi does). A term with no such version is linked nowhere
 *   in that locale: nothing is created. The public read side (read-model/practice-list-index.ts)
 *   takes a practice's terms from all its published versions, named along the visitor's chain,
 *   so such a term still files the practice under it in every language.
 *
 * Rows are written with `db.query` (no document-service middleware: nothing recurses); only the
 * versions whose set differs are written, and `updatedAt` is left alone (see shared-values.ts).
 */
import type { Core } from '@strapi/strapi';
import { isPlainObject } from '../domain/json-values';
import { writes } from './document-write';
import { uids } from '../plugin-id';

export const TERM_RELATIONS = { integrationAreas: uids.integrationArea, targetGroups: uids.targetGroup } as const;
export type TermRelation = keyof typeof TERM_RELATIONS;
export const termRelations = Object.keys(TERM_RELATIONS) as TermRelation[];

/**
 * Whether a write sets the terms of `relation`. The content manager sends every relation on every
 * save, as `{ connect: [], disconnect: [] }` when unchanged (and so when a new locale is created
 * from its form): that changes nothing and must not replace the other languages' terms with the
 * new locale's none.
 */
export function writesTerms(data: Record<string, unknown>, relation: string): boolean {
  if (!writes(data, relation)) return false;
  const value = data[relation];
  if (!isPlainObject(value)) return true;
  const nonEmpty = (key: string) => Array.isArray(value[key]) && (value[key] as unknown[]).length > 0;
  return Array.isArray(value.set) || nonEmpty('connect') || nonEmpty('disconnect');
}

/** The term documentIds of each relation, in the order the version links them. */
export type TermSets = Record<TermRelation, string[]>;

export interface TermVersion {
  id: number;
  documentId: string;
  locale: string;
  publishedAt: string | Date | null;
  updatedAt: string | Date | null;
  sets: TermSets;
}

const documentIdsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter(isPlainObject).map((term) => term.documentId).filter((id): id is string => typeof id === 'string') : [];

/** Every version of a practice matching `where`, with its term sets (one query). */
export async function loadTermVersions(strapi: Core.Strapi, where: Record<string, unknown>): Promise<TermVersion[]> {
  const rows = (await strapi.db.query(uids.practice).findMany({
    where,
    select: ['id', 'documentId', 'locale', 'publishedAt', 'updatedAt'],
    populate: Object.fromEntries(termRelations.map((relation) => [relation, { select: ['documentId'] }])),
  })) as Record<string, unknown>[];
  return rows.map((row) => ({
    id: row.id as number,
    documentId: row.documentId as string,
    locale: row.locale as string,
    publishedAt: (row.publishedAt ?? null) as TermVersion['publishedAt'],
    updatedAt: (row.updatedAt ?? null) as TermVersion['updatedAt'],
    sets: Object.fromEntries(termRelations.map((relation) => [relation, documentIdsOf(row[relation])])) as TermSets,
  }));
}

export const sameTerms = (a: readonly string[], b: readonly string[]): boolean => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
};

export const sameSets = (a: TermSets, b: TermSets): boolean => termRelations.every((relation) => sameTerms(a[relation], b[relation]));

/**
 * The published versions a publish changed the public pages of, as far as terms go: each public
 * page shows the practice's whole set (read from every published version), so when the set
 * changes every published locale changes, even one whose own links stay the same (a term with no
 * version in its language). `before` is taken before the publish.
 */
export function termPagesChanged(before: readonly TermVersion[], terms: TermSets, rowsChanged: readonly number[]): number[] {
  if (before.length === 0) return [...rowsChanged];
  return sameSets(unionOf(before), terms) ? [...rowsChanged] : before.map((version) => version.id);
}

/** Every term any of `versions` links: together they hold the whole set (see `completeSets`). */
export function unionOf(versions: readonly TermVersion[]): TermSets {
  return Object.fromEntries(termRelations.map((relation) => [relation, [...new Set(versions.flatMap((version) => version.sets[relation]))]])) as TermSets;
}

/**
 * `sets`, as one locale's version holds them, completed with the terms of `pool` that it cannot
 * hold: those with no version in `locale` (of that status). A version never links those, so its
 * terms say nothing about them: an edit in Czech of a practice filed under a term not yet
 * translated into Czech keeps it, and the set is never narrowed to what one language can show.
 */
export async function completeSets(strapi: Core.Strapi, sets: TermSets, pool: TermSets, locale: string, published: boolean): Promise<TermSets> {
  const complete = { ...sets };
  for (const relation of termRelations) {
    const others = pool[relation].filter((documentId) => !sets[relation].includes(documentId));
    if (others.length === 0) continue;
    const present = (await strapi.db.query(TERM_RELATIONS[relation]).findMany({
      where: { documentId: { $in: others }, locale, publishedAt: published ? { $notNull: true } : null },
      select: ['documentId'],
    })) as { documentId: string }[];
    complete[relation] = [...sets[relation], ...others.filter((documentId) => !present.some((row) => row.documentId === documentId))];
  }
  return complete;
}

/**
 * Links each of `versions` (all of one status) to the versions of its own locale and that status
 * of the terms in `sets`; returns the ids of the versions it changed. Two queries per relation,
 * plus one update per version that differs.
 */
export async function writeTermSets(strapi: Core.Strapi, versions: readonly TermVersion[], sets: Partial<TermSets>): Promise<number[]> {
  if (versions.length === 0) return [];
  const locales = [...new Set(versions.map((version) => version.locale))];
  const updates = new Map<number, Record<string, number[]>>();
  for (const relation of termRelations) {
    const wanted = sets[relation];
    if (!wanted) continue;
    const published = versions[0]!.publishedAt !== null;
    const targets = wanted.length === 0
      ? []
      : ((await strapi.db.query(TERM_RELATIONS[relation]).findMany({
          where: { documentId: { $in: wanted }, locale: { $in: locales }, publishedAt: published ? { $notNull: true } : null },
          select: ['id', 'documentId', 'locale'],
        })) as { id: number; documentId: string; locale: string }[]);
    for (const version of versions) {
      const linked = wanted
        .map((documentId) => targets.find((target) => target.documentId === documentId && target.locale === version.locale))
        .filter((target): target is { id: number; documentId: string; locale: string } => target !== undefined);
      if (sameTerms(version.sets[relation], linked.map((target) => target.documentId))) continue;
      updates.set(version.id, { ...updates.get(version.id), [relation]: linked.map((target) => target.id) });
    }
  }
  for (const [id, data] of updates) await strapi.db.query(uids.practice).update({ where: { id }, data });
  return [...updates.keys()];
}

/** Gives every version of the document of one status the term sets; the ids of those changed. */
export async function shareTerms(strapi: Core.Strapi, documentId: string, status: 'draft' | 'published', sets: Partial<TermSets>): Promise<number[]> {
  const versions = await loadTermVersions(strapi, { documentId, publishedAt: status === 'draft' ? null : { $notNull: true } });
  return writeTermSets(strapi, versions, sets);
}
