/**
 * List facets of a locale's practices (values with counts, for the filters and entry points) and
 * the practice list, tagged for the cache. Mode-independent: the mode switch lives in ./index.ts.
 */
import type { PracticeSummary, TaxonomyTerm } from 'strapi-plugin-good-practices/contract';
import { tags } from '../cache/tags';
import { collatorOf, countryName, resolveWithFallback } from '../i18n';
import { isServerMode } from '../mode';
import type { ListState } from '../site/urls';
import { getFramework, getPracticeSummaries, getTaxonomies, listPractices } from './index';
import type { PageContext } from './page-context';
import { meetsGroup } from './static-query';

export interface FacetValue {
  key: string;
  name: string;
  count: number;
  /** The language of `name` (a term no translator named in the page's language is named along its chain). */
  lang?: string;
}

export interface Facets {
  total: number;
  countries: FacetValue[];
  areas: FacetValue[];
  targetGroups: FacetValue[];
  /** Criteria groups with the number of practices meeting all of their items. */
  groups: FacetValue[];
  /** Checklist items, grouped by criteria group title (for the item filter). */
  items: { group: string; items: { key: string; name: string }[] }[];
}

function countTerms(summaries: PracticeSummary[], pick: (p: PracticeSummary) => TaxonomyTerm[], known: TaxonomyTerm[], locale: string): FacetValue[] {
  const valueOf = (term: TaxonomyTerm): FacetValue => ({ key: term.key, name: term.name, count: 0, lang: term.locale });
  const values = new Map<string, FacetValue>(known.map((t) => [t.key, valueOf(t)]));
  for (const practice of summaries) {
    for (const term of pick(practice)) {
      const value = values.get(term.key) ?? valueOf(term);
      value.count++;
      values.set(term.key, value);
    }
  }
  const collator = collatorOf(locale);
  return [...values.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * Facets of a locale in a static build: computed once per locale (the collections do not change
 * during a build) instead of once for each of its list pages.
 */
const staticFacets = new Map<string, Promise<Facets>>();

/** Facet values of a locale's practices, with counts. */
export async function loadFacets(page: PageContext, summaries?: PracticeSummary[]): Promise<Facets> {
  page.tag(tags.practices, tags.taxonomy, tags.framework);
  if (isServerMode) return computeFacets(page, summaries);
  let facets = staticFacets.get(page.locale.code);
  if (!facets) {
    facets = computeFacets(page, summaries);
    staticFacets.set(page.locale.code, facets);
  }
  return facets;
}

async function computeFacets(page: PageContext, summaries?: PracticeSummary[]): Promise<Facets> {
  const locale = page.locale.code;
  const [all, taxonomies, framework] = await Promise.all([
    summaries ? Promise.resolve(summaries) : getPracticeSummaries(locale),
    resolveWithFallback(locale, page.defaultLocale.code, getTaxonomies),
    resolveWithFallback(locale, page.defaultLocale.code, getFramework),
  ]);
  const countryCounts = new Map<string, number>();
  for (const practice of all) {
    if (practice.country) countryCounts.set(practice.country, (countryCounts.get(practice.country) ?? 0) + 1);
  }
  const collator = collatorOf(locale);
  const countries = [...countryCounts]
    .map(([key, count]) => ({ key, name: countryName(key, locale), count }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const groups = (framework?.data.groups ?? []).map((g) => ({
    key: g.key,
    name: g.title,
    count: all.filter((p) => meetsGroup(p, g.key)).length,
  }));
  const items = (framework?.data.groups ?? []).map((g) => ({
    group: g.title,
    items: g.questions.flatMap((q) => q.items.map((item) => ({ key: item.key, name: item.text }))),
  }));
  return {
    total: all.length,
    countries,
    areas: countTerms(all, (p) => p.integrationAreas, taxonomies && !taxonomies.isFallback ? taxonomies.data.integrationAreas : [], locale),
    targetGroups: countTerms(all, (p) => p.targetGroups, taxonomies && !taxonomies.isFallback ? taxonomies.data.targetGroups : [], locale),
    groups,
    items,
  };
}

/** The practices list page, tagged for the cache. */
export function loadList(page: PageContext, state: ListState) {
  page.tag(tags.practices, tags.taxonomy);
  return listPractices(page.locale.code, state);
}
