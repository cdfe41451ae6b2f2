/**
 * Brings practices stored before the terms became a shared fact (invariants/shared-terms.ts) in
 * line, once per database (recorded in the plugin store, like access/upgrade-roles.ts): until then
 * each locale's version kept its own integration areas and target groups, and a translation
 * created by XLIFF had none.
 *
 * The rule, per practice, keeps "unpublished means unpublished" — the migration publishes nothing:
 * - the drafts take the terms of the default locale's draft, else of the most recently updated
 *   draft;
 * - the published versions take the terms of the default locale's published version, else of the
 *   most recently updated published version.
 * (Completed with the other versions' terms that have no version in the source's locale: the
 * source cannot link those, so it says nothing about them.)
 * Drafts and published versions are aligned separately, so no published version gets a draft's
 * unpublished terms. As on every write, each version links the terms' versions of its own locale
 * and status, and a term with no such version is linked nowhere in that locale.
 */
import type { Core } from '@strapi/strapi';
import { completeSets, loadTermVersions, type TermVersion, unionOf, writeTermSets } from '../invariants/shared-terms';
import { getDefaultLocaleCode } from '../locales/configured-locales';
import { PLUGIN_ID } from '../plugin-id';

const STORE_KEY = 'shared-terms-aligned';

const time = (value: TermVersion['updatedAt']): number => (value ? new Date(value).getTime() : 0);

/** The version whose terms the others of the same status take. */
function sourceOf(versions: readonly TermVersion[], defaultLocale: string): TermVersion | undefined {
  return versions.find((version) => version.locale === defaultLocale) ?? [...versions].sort((a, b) => time(b.updatedAt) - time(a.updatedAt) || b.id - a.id)[0];
}

/** Aligns every practice's versions (idempotent); returns how many versions it changed. */
export async function alignPracticeTerms(strapi: Core.Strapi): Promise<number> {
  const defaultLocale = await getDefaultLocaleCode(strapi);
  const versions = await loadTermVersions(strapi, {});
  const groups = new Map<string, TermVersion[]>();
  for (const version of versions) {
    const key = `${version.documentId}:${version.publishedAt === null ? 'draft' : 'published'}`;
    groups.set(key, [...(groups.get(key) ?? []), version]);
  }
  let changed = 0;
  for (const group of groups.values()) {
    const source = sourceOf(group, defaultLocale);
    if (!source || group.length < 2) continue;
    const sets = await completeSets(strapi, source.sets, unionOf(group), source.locale, source.publishedAt !== null);
    changed += (await writeTermSets(strapi, group, sets)).length;
  }
  return changed;
}

/** Runs the alignment if this database has not had it; returns how many versions it changed. */
export async function migrateSharedTerms(strapi: Core.Strapi): Promise<number> {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  if ((await store.get({ key: STORE_KEY })) === true) return 0;
  let changed = 0;
  await strapi.db.transaction(async () => {
    changed = await alignPracticeTerms(strapi);
    await store.set({ key: STORE_KEY, value: true });
  });
  return changed;
}
