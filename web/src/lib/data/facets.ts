/**
 * List facets of a locale's practices (values with counts, for the filters and entry points) and
 * the practice list, tagged for the cache. Mode-independent: the mode switch lives in ./index.ts.
 */
import type { PracticeSummary, TaxonomyTerm } from 'strapi-plugin-good-practices/contract';
import { tags } from '../cache/tags';
import { collatorOf, countryName, resolveWithFallback } from '../i18n';
import { isServerMode } from '../mode';
import { pathFacets, type ListState, type PathFacetKey } from '../site/urls';
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
export function loadList(page: PageContext, state: ListState, pageSize?: number) {
  page.tag(tags.practices, tags.taxonomy);
  return listPractices(page.locale.code, state, pageSize);
}

export interface CheckedListState {
  /** The state with unknown criteria groups and checklist items dropped. */
  state: ListState;
  /** Query parameters ignored (unusable, or naming a group or item the framework lacks). */
  ignored: string[];
  /** The facet value in the path names nothing the CMS knows: the URL is not found. */
  pathUnknown: boolean;
  /** A value in the query names nothing: answered, never stored in the route cache. */
  uncacheable: boolean;
}

/**
 * Checks a parsed list state against the facets (the CMS answers 400 to a criteria group or
 * checklist item key it does not know): unknown in the path = not found; in the query = ignored,
 * or for other facets answered (an empty list) but not cached, so junk values cannot fill the
 * route cache. Shared by the list page and its feeds.
 */
export function checkListState(facets: Facets, parsed: { state: ListState; ignored: string[] }, rest: string | undefined): CheckedListState {
  const state: ListState = { ...parsed.state };
  const ignored = [...parsed.ignored];
  const knownGroups = new Set(facets.groups.map((g) => g.key));
  const knownItems = new Set(facets.items.flatMap((g) => g.items.map((i) => i.key)));
  const knownValues: Record<PathFacetKey, Set<string>> = {
    country: new Set(facets.countries.map((c) => c.key)),
    area: new Set(facets.areas.map((a) => a.key)),
    targetGroup: new Set(facets.targetGroups.map((g) => g.key)),
    groupMet: knownGroups,
  };
  const pathFacet = pathFacets.find((f) => rest?.startsWith(`${f.segment}/`));
  const pathUnknown = pathFacet !== undefined && !knownValues[pathFacet.key].has(String(state[pathFacet.key]));
  const unknownInQuery = pathFacets.some((f) => f !== pathFacet && state[f.key] !== undefined && !knownValues[f.key].has(String(state[f.key])));
  if (state.groupMet !== undefined && knownGroups.size > 0 && !knownGroups.has(state.groupMet)) {
    delete state.groupMet;
    ignored.push('groupMet');
  }
  if (state.itemMet !== undefined && knownItems.size > 0 && !knownItems.has(state.itemMet)) {
    delete state.itemMet;
    ignored.push('itemMet');
  }
  return { state, ignored, pathUnknown, uncacheable: unknownInQuery || ignored.length > parsed.ignored.length };
}
