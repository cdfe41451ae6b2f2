/**
 * What pages need, built on the data-access layer: the page context (locale, labels, cache
 * tags), fallback lookups of practices and tools, list facets, and the static paths of every
 * page of every locale. Mode-independent: the mode switch lives in ./index.ts.
 */
import type { Locale, PracticeDetail, PracticeSummary, Site, TaxonomyTerm, ToolDetail } from 'strapi-plugin-good-practices/contract';
import type { Framework } from '../cms/loaders';
import { tags } from '../cms/tags';
import { canonicalTag, READS_LIST_QUERY_TAG } from '../cache/hints';
import { collatorOf, countryName, defaultLocaleOf, resolveWithFallback, type Localized, type Translate } from '../i18n';
import { isServerMode } from '../mode';
import { siteOrigin } from '../site/origin';
import { emptyListState, LIST_PAGE_SIZE, pathFacets, type ListState, type PathFacetKey } from '../site/urls';
import {
  allStaticFrameworks,
  allStaticPractices,
  allStaticTools,
  getFramework,
  getLocales,
  getPractice,
  getPracticeSummaries,
  getSite,
  getTaxonomies,
  getTool,
  listPractices,
  staticPracticesShownIn,
} from './index';
import { chainOf, shownInChain } from './locale-chain';
import { meetsGroup } from './static-query';
import { pageTranslator } from './page-labels';

/** Seconds a page rendered on request stays fresh in the route cache (webhooks invalidate sooner). */
export const PAGE_MAX_AGE = 300;

/** The part of Astro's render context this module uses (Astro global or API context). */
export interface RenderContext {
  url: URL;
  site: URL | undefined;
  cache: { set(input: { maxAge?: number; tags?: string[] } | false): void };
}

export interface PageContext {
  locale: Locale;
  locales: Locale[];
  defaultLocale: Locale;
  site: Localized<Site> | null;
  t: Translate;
  /** Origin for absolute URLs (canonical, hreflang, RSS, sitemap). */
  origin: string;
  /** Adds cache tags to the page (server mode; no-op when prerendering). */
  tag(...values: string[]): void;
  /**
   * Says the page shows known content whose own URL is `path` (`paths.*`): requested at exactly
   * that path, its copy is kept in the route cache's canonical tier, out of reach of URL floods
   * (src/lib/cache/route-store.ts). Only for content the CMS confirmed (a practice found, a facet
   * value that exists), so that the tier stays bounded by the content.
   */
  canonical(path: string): void;
  /** Keeps this render out of the route cache, whatever is tagged after (e.g. a list filtered by values that name nothing). */
  uncached(): void;
}

/** SITE_URL as it is when rendering (run time on request), else the build's site (../site/origin.ts). */
export function originOf(context: Pick<RenderContext, 'url' | 'site'>): string {
  return siteOrigin(context);
}

/** Starts caching this response in server mode, with the given tags. */
export function cacheResponse(context: RenderContext, ...values: string[]): void {
  if (!isServerMode) return;
  try {
    context.cache.set({ maxAge: PAGE_MAX_AGE, tags: values });
  } catch {
    // Error pages (404/500) are rendered outside the route cache: Astro.cache is not provided there.
  }
}

/** Keeps this response out of the route cache (server mode). */
function uncacheResponse(context: RenderContext): void {
  if (!isServerMode) return;
  try {
    context.cache.set(false);
  } catch {
    // Outside the route cache (error pages): nothing to keep out.
  }
}

/**
 * The query string of the practice list, for `parseListRequest`: the only read of a request's
 * query by a cached page. It tells the route cache that this render depends on the list's
 * parameters — and on no others: the cache stores the page under `listQueryKey` of the query
 * (src/lib/cache/cache-key.ts), while every other page is one entry whatever its query string.
 */
export function listQueryOf(context: RenderContext): URLSearchParams {
  cacheResponse(context, READS_LIST_QUERY_TAG);
  return context.url.searchParams;
}

/**
 * Loads what every page of a locale needs. Null when `localeCode` is not a CMS locale (the page
 * answers 404). Every page is tagged `site`: labels, footer and the locale list are on all of them.
 */
export async function loadPageContext(context: RenderContext, localeCode: string | undefined): Promise<PageContext | null> {
  cacheResponse(context, tags.site);
  const locales = await getLocales();
  const locale = locales.find((l) => l.code === localeCode);
  if (!locale) return null;
  const defaultLocale = defaultLocaleOf(locales);
  const site = await resolveWithFallback(locale.code, defaultLocale.code, getSite);
  const t = await pageTranslator(locale.code, defaultLocale.code, site);
  let storable = true;
  return {
    locale,
    locales,
    defaultLocale,
    site,
    t,
    origin: originOf(context),
    tag: (...values) => {
      // Astro's cache.set() after set(false) would cache the page again.
      if (storable) cacheResponse(context, ...values);
    },
    canonical: (path) => {
      if (storable) cacheResponse(context, canonicalTag(path));
    },
    uncached: () => {
      storable = false;
      uncacheResponse(context);
    },
  };
}

/** A context for pages outside a locale (root, 404 of an unknown path, sitemap): default locale. */
export async function loadDefaultPageContext(context: RenderContext): Promise<PageContext> {
  cacheResponse(context, tags.site);
  const locales = await getLocales();
  const page = await loadPageContext(context, defaultLocaleOf(locales).code);
  if (!page) throw new Error('default locale missing');
  return page;
}

export type Lookup<T> = { kind: 'found'; value: Localized<T> } | { kind: 'redirect'; slug: string } | { kind: 'missing' };

/**
 * A practice or tool by slug in a locale; without one there, the entry with that slug in the
 * first language of the locale's fallback chain (the CMS's `Locale.fallbacks`) that has one, as
 * the locale's lists show it. When the entry has a version under another slug in the locale, or
 * in a language before it in the chain, the answer is a redirect there.
 */
async function findTranslatable<T extends { locales: { locale: string; slug: string }[] }>(
  chain: readonly string[],
  slug: string,
  get: (locale: string, slug: string) => Promise<T | null>,
): Promise<Lookup<T>> {
  const [locale] = chain as [string, ...string[]];
  const own = await get(locale, slug);
  if (own) return { kind: 'found', value: { data: own, contentLocale: locale, isFallback: false } };
  for (const code of chain.slice(1)) {
    const fallback = await get(code, slug);
    if (!fallback) continue;
    const versions = new Map(fallback.locales.map((l) => [l.locale, l.slug]));
    const preferred = chain.find((candidate) => versions.has(candidate));
    const preferredSlug = preferred ? versions.get(preferred) : undefined;
    if (preferred !== code && preferredSlug !== undefined && preferredSlug !== slug) return { kind: 'redirect', slug: preferredSlug };
    return { kind: 'found', value: { data: fallback, contentLocale: code, isFallback: true } };
  }
  return { kind: 'missing' };
}

export function findPractice(page: PageContext, slug: string): Promise<Lookup<PracticeDetail>> {
  page.tag(tags.practice(slug), tags.practicePages, tags.framework, tags.taxonomy);
  return findTranslatable(chainOf(page.locales, page.locale.code), slug, getPractice);
}

/** A practice by slug as `locale`'s pages show it (own version, else the chain's), for routes without a page context (JSON). */
export function lookupPractice(locales: readonly Locale[], locale: string, slug: string): Promise<Lookup<PracticeDetail>> {
  return findTranslatable(chainOf(locales, locale), slug, getPractice);
}

export function findTool(page: PageContext, slug: string): Promise<Lookup<ToolDetail>> {
  page.tag(tags.tool(slug), tags.toolPages, tags.practices);
  return findTranslatable(chainOf(page.locales, page.locale.code), slug, getTool);
}

export function findFramework(page: PageContext): Promise<Localized<Framework> | null> {
  page.tag(tags.framework);
  return resolveWithFallback(page.locale.code, page.defaultLocale.code, getFramework);
}

// ---------------------------------------------------------------------------------------------
// Facets
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Static paths (static mode)
// ---------------------------------------------------------------------------------------------

export async function localePaths(): Promise<{ params: { locale: string } }[]> {
  return (await getLocales()).map((l) => ({ params: { locale: l.code } }));
}

/**
 * Pages of translatable entries for every locale: each locale's own entries; a fallback page for
 * each entry the locale's lists show in another language (the first of its chain that has it);
 * and, for each default-locale entry translated here under another slug, a page that redirects
 * there (links from fallback content use the default locale's slugs). A default-locale entry's
 * other pages come right after its own page: rendered one after the other, they share its detail
 * and rendered Markdown while those are still cached.
 */
function translatablePaths<T extends { documentId: string; slug: string; locale: string }>(entries: T[], locales: Locale[]): { params: { locale: string; slug: string } }[] {
  const defaultLocale = defaultLocaleOf(locales).code;
  const ownSlugs = new Map<string, Set<string>>(locales.map((l) => [l.code, new Set<string>()]));
  for (const entry of entries) ownSlugs.get(entry.locale)?.add(entry.slug);
  // For each locale, the entries its lists show in another language.
  const shownElsewhere = new Map<string, Set<T>>(
    locales.map((l) => [l.code, new Set(shownInChain(entries, chainOf(locales, l.code)).filter((entry) => entry.locale !== l.code))]),
  );
  const pagesOf = (entry: T) =>
    locales
      .filter((l) => l.code !== entry.locale && !ownSlugs.get(l.code)?.has(entry.slug))
      .filter((l) => shownElsewhere.get(l.code)?.has(entry) || entry.locale === defaultLocale)
      .map((l) => ({ params: { locale: l.code, slug: entry.slug } }));
  const paths: { params: { locale: string; slug: string } }[] = [];
  const seen = new Set<string>();
  const add = (path: { params: { locale: string; slug: string } }) => {
    const key = `${path.params.locale}/${path.params.slug}`;
    if (seen.has(key)) return;
    seen.add(key);
    paths.push(path);
  };
  for (const entry of entries) {
    if (entry.locale !== defaultLocale) continue;
    add({ params: { locale: defaultLocale, slug: entry.slug } });
    pagesOf(entry).forEach(add);
  }
  for (const entry of entries) {
    if (entry.locale === defaultLocale || !ownSlugs.has(entry.locale)) continue;
    add({ params: { locale: entry.locale, slug: entry.slug } });
    pagesOf(entry).forEach(add);
  }
  return paths;
}

export async function practicePaths() {
  return translatablePaths(await allStaticPractices(), await getLocales());
}

/** The JSON of every practice a locale lists: its own version, or the chain's (as on its page). */
export async function practiceJsonPaths() {
  const practices = await allStaticPractices();
  const locales = await getLocales();
  const paths = new Map<string, { params: { locale: string; slug: string } }>();
  for (const { code } of locales) {
    // Own versions first: a fallback with the same slug as an own version is not reachable there.
    const listed = shownInChain(practices, chainOf(locales, code)).sort((a, b) => Number(b.locale === code) - Number(a.locale === code));
    for (const p of listed) if (!paths.has(`${code}/${p.slug}`)) paths.set(`${code}/${p.slug}`, { params: { locale: code, slug: p.slug } });
  }
  return [...paths.values()];
}

export async function toolPaths() {
  return translatablePaths(await allStaticTools(), await getLocales());
}

/** Rest parameter of a list state's path form (`country/DE/page/2`), undefined for the first unfiltered page. */
export function listRest(key: PathFacetKey | undefined, value: string | undefined, pageNumber: number): string | undefined {
  const parts: string[] = [];
  const facet = pathFacets.find((f) => f.key === key);
  if (facet && value !== undefined) parts.push(facet.segment, value);
  if (pageNumber > 1) parts.push('page', String(pageNumber));
  return parts.length ? parts.join('/') : undefined;
}

type ListPath = { params: { locale: string; facet: string | undefined } };
let staticListPaths: Promise<ListPath[]> | undefined;
let staticListPathSet: Promise<Set<string>> | undefined;

/**
 * Every prerendered list page: unfiltered and per single facet value, each paginated. Computed
 * once per build: each list page asks which of its translations were built.
 */
export function listPaths(): Promise<ListPath[]> {
  staticListPaths ??= computeListPaths();
  return staticListPaths;
}

/** Whether the list page of `locale` with this rest parameter (`country/DE`, '' for the first unfiltered page) is prerendered. */
export async function isListPathBuilt(locale: string, rest: string): Promise<boolean> {
  staticListPathSet ??= listPaths().then((all) => new Set(all.map((p) => `${p.params.locale}|${p.params.facet ?? ''}`)));
  return (await staticListPathSet).has(`${locale}|${rest}`);
}

async function computeListPaths(): Promise<ListPath[]> {
  const locales = await getLocales();
  const frameworks = await allStaticFrameworks();
  const defaultLocale = defaultLocaleOf(locales).code;
  const out: ListPath[] = [];
  for (const { code } of locales) {
    // Every practice, as the locale's lists show it (fallback chain included).
    const own = await staticPracticesShownIn(code);
    const framework = frameworks.find((f) => f.locale === code) ?? frameworks.find((f) => f.locale === defaultLocale);
    const facetStates: [PathFacetKey | undefined, string | undefined, number][] = [[undefined, undefined, own.length]];
    const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
    for (const country of distinct(own.map((p) => p.country))) {
      facetStates.push(['country', country, own.filter((p) => p.country === country).length]);
    }
    for (const area of distinct(own.flatMap((p) => p.integrationAreas.map((a) => a.key)))) {
      facetStates.push(['area', area, own.filter((p) => p.integrationAreas.some((a) => a.key === area)).length]);
    }
    for (const group of distinct(own.flatMap((p) => p.targetGroups.map((a) => a.key)))) {
      facetStates.push(['targetGroup', group, own.filter((p) => p.targetGroups.some((a) => a.key === group)).length]);
    }
    for (const group of framework?.groups ?? []) {
      facetStates.push(['groupMet', group.key, own.filter((p) => meetsGroup(p, group.key)).length]);
    }
    for (const [key, value, count] of facetStates) {
      const pageCount = Math.max(1, Math.ceil(count / LIST_PAGE_SIZE));
      for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
        out.push({ params: { locale: code, facet: listRest(key, value, pageNumber) } });
      }
    }
  }
  return out;
}

export { emptyListState };
