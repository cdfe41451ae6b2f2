/**
 * The static paths of every page of every locale (static mode), from the build-time collections.
 */
import type { Locale } from 'strapi-plugin-good-practices/contract';
import { defaultLocaleOf } from '../i18n';
import { LIST_PAGE_SIZE, pathFacets, type PathFacetKey } from '../site/urls';
import { allStaticFrameworks, allStaticInsights, allStaticPractices, allStaticTools, getLocales, staticPracticesShownIn } from './index';
import { chainOf, shownInChain } from './locale-chain';
import { meetsGroup } from './static-query';
import { insightsKey, listKey, practiceKey, commonInputKey, toolKey, wholeDatabaseKey } from './cache-keys';

/** A static path with the cache key of its page (incremental builds: ./cache-keys.ts). */
type KeyedPath<P> = { params: P; cacheKey: string };

export async function localePaths(): Promise<KeyedPath<{ locale: string }>[]> {
  return Promise.all((await getLocales()).map(async (l) => ({ params: { locale: l.code }, cacheKey: await wholeDatabaseKey(l.code) })));
}

/**
 * The locale pages that show no practice, tool or insight, only the common inputs (site texts,
 * framework, taxonomy, locales): about, privacy, partners, not found, the self-assessment and
 * submission forms and their thanks and status pages. A publish keeps them.
 */
export async function commonInputPaths(): Promise<KeyedPath<{ locale: string }>[]> {
  const key = await commonInputKey();
  return (await getLocales()).map((l) => ({ params: { locale: l.code }, cacheKey: key }));
}

/**
 * Pages of translatable entries for every locale: each locale's own entries; a fallback page for
 * each entry the locale's lists show in another language (the first of its chain that has it);
 * and, for each default-locale entry translated here under another slug, a page that redirects
 * there (links from fallback content use the default locale's slugs). A default-locale entry's
 * other pages come right after its own page: rendered one after the other, they share its detail
 * and rendered Markdown while those are still cached.
 */
async function translatablePaths<T extends { documentId: string; slug: string; locale: string }>(
  entries: T[],
  locales: Locale[],
  keyOf: (slug: string) => Promise<string>,
): Promise<KeyedPath<{ locale: string; slug: string }>[]> {
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
  // The page of a slug shows the entry that owns it, a fallback or a redirect: the slug's key.
  return Promise.all(paths.map(async ({ params }) => ({ params, cacheKey: await keyOf(params.slug) })));
}

export async function practicePaths() {
  return translatablePaths(await allStaticPractices(), await getLocales(), practiceKey);
}

/** The JSON of every practice a locale lists: its own version, or the chain's (as on its page). */
export async function practiceJsonPaths() {
  const practices = await allStaticPractices();
  const locales = await getLocales();
  const paths = new Map<string, KeyedPath<{ locale: string; slug: string }>>();
  for (const { code } of locales) {
    // Own versions first: a fallback with the same slug as an own version is not reachable there.
    const listed = shownInChain(practices, chainOf(locales, code)).sort((a, b) => Number(b.locale === code) - Number(a.locale === code));
    for (const p of listed) {
      if (!paths.has(`${code}/${p.slug}`)) paths.set(`${code}/${p.slug}`, { params: { locale: code, slug: p.slug }, cacheKey: await practiceKey(p.slug) });
    }
  }
  return [...paths.values()];
}

export async function toolPaths() {
  return translatablePaths(await allStaticTools(), await getLocales(), toolKey);
}

/** Rest parameter of a list state's path form (`country/DE/page/2`), undefined for the first unfiltered page. */
export function listRest(key: PathFacetKey | undefined, value: string | undefined, pageNumber: number): string | undefined {
  const parts: string[] = [];
  const facet = pathFacets.find((f) => f.key === key);
  if (facet && value !== undefined) parts.push(facet.segment, value);
  if (pageNumber > 1) parts.push('page', String(pageNumber));
  return parts.length ? parts.join('/') : undefined;
}

type ListPath = KeyedPath<{ locale: string; facet: string | undefined }>;
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
        const rest = listRest(key, value, pageNumber);
        out.push({ params: { locale: code, facet: rest }, cacheKey: await listKey(code, rest) });
      }
    }
  }
  return out;
}

/** The prerendered insights pages: each locale's unfiltered page, one per country and one per integration area with practices. */
export async function insightsPaths(): Promise<KeyedPath<{ locale: string; facet: string | undefined }>[]> {
  return Promise.all(
    (await allStaticInsights()).map(async (insights) => ({
      params: {
        locale: insights.locale,
        facet: insights.country !== null ? `country/${insights.country}` : insights.area !== null ? `area/${insights.area}` : undefined,
      },
      cacheKey: await insightsKey(insights),
    })),
  );
}
