/**
 * The names of integration areas and target groups as a locale's visitors read them. A term is one
 * document with a stable key and a name per language; a practice shown in another language of
 * the chain (or linking a term its own language has no version of) still has its terms named in
 * the visitor's language where a translator named them, else in the next language of the chain
 * that did, and each name says which language it is in (the site marks it with `lang`/`dir`).
 *
 * Every published name of every term is read once per content generation (terms are tens, not
 * thousands): naming is then a map lookup per term.
 */
import type { Core } from '@strapi/strapi';
import type { TaxonomyTerm } from '../../../contract';
import type { TermRow } from '../mappers/public-rows';
import { uids } from '../plugin-id';
import { cachedForGeneration } from './generation-cache';
import type { LocaleContext } from '../services/locale-service';
import { publishedDocuments } from './published-documents';

export type TermRelation = 'integrationAreas' | 'targetGroups';

const uidOf = { integrationAreas: uids.integrationArea, targetGroups: uids.targetGroup } as const;

/** key → locale → name, of the published versions with a name. */
type NamesByKey = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface TermNames {
  /** Every term key with a published version in any language. */
  keys(relation: TermRelation): readonly string[];
  /** The term named along the chain; a linked row no language names keeps its own name (or key). */
  name(relation: TermRelation, row: TermRow): TaxonomyTerm;
  /** The stored rows' terms, named along the chain (rows without a key are not terms yet). */
  names(relation: TermRelation, rows: readonly TermRow[] | null | undefined): TaxonomyTerm[];
}

async function readNames(strapi: Core.Strapi, relation: TermRelation): Promise<NamesByKey> {
  const rows = await publishedDocuments(strapi, uidOf[relation]).findMany<TermRow & { locale: string }>({ locale: '*', fields: ['key', 'name', 'locale'] });
  const byKey = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (!row.key) continue;
    let names = byKey.get(row.key);
    if (!names) byKey.set(row.key, (names = new Map()));
    if (row.name) names.set(row.locale, row.name);
  }
  return byKey;
}

function allNames(strapi: Core.Strapi): Promise<Record<TermRelation, NamesByKey>> {
  return cachedForGeneration(strapi, 'term-names:*', async () => {
    const [integrationAreas, targetGroups] = await Promise.all([readNames(strapi, 'integrationAreas'), readNames(strapi, 'targetGroups')]);
    return { integrationAreas, targetGroups };
  });
}

/**
 * Names as `context.locale`'s visitors read them, for the current content generation: the same
 * object for the whole generation (the list index keeps summaries per naming).
 */
export function termNames(strapi: Core.Strapi, context: LocaleContext): Promise<TermNames> {
  return cachedForGeneration(strapi, `term-names:${context.locale}`, async () => namesAlongChain(await allNames(strapi), context));
}

function namesAlongChain(names: Record<TermRelation, NamesByKey>, context: LocaleContext): TermNames {
  const { chain } = context;
  const named = new Map<string, TaxonomyTerm>();
  const name = (relation: TermRelation, row: TermRow): TaxonomyTerm => {
    const id = `${relation}\u0000${row.key}`;
    const known = named.get(id);
    if (known) return known;
    const byLocale = names[relation].get(row.key);
    const locale = byLocale && chain.find((code) => byLocale.has(code));
    const term: TaxonomyTerm = locale
      ? { key: row.key, name: byLocale.get(locale)!, locale }
      : { key: row.key, name: row.name || row.key, locale: row.locale ?? context.locale };
    // Only names of published terms are kept: a linked row no language names is named by itself.
    if (locale) named.set(id, term);
    return term;
  };
  return {
    keys: (relation) => [...names[relation].keys()],
    name,
    names: (relation, rows) => (rows ?? []).filter((row) => Boolean(row.key)).map((row) => name(relation, row)),
  };
}
