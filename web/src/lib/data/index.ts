/**
 * Data-access layer: the one place that chooses between the build-time content collections
 * (static mode) and the live collections (server mode), so every page is written once.
 *
 * Missing content resolves to null; a CMS failure throws (a CmsError, possibly wrapped by Astro
 * in a LiveCollectionError): static builds then fail, and in server mode the middleware answers
 * 503 or the route cache serves the last good page.
 */
import { getCollection, getLiveCollection, getLiveEntry, type CollectionEntry } from 'astro:content';
import type {
  ItemSuggestionsResponse,
  Insights,
  Locale,
  PracticeDetail,
  PracticeListResponse,
  PracticeSummary,
  Site,
  ToolDetail,
  ToolSummary,
} from 'strapi-plugin-good-practices/contract';
import { insightsId, type Framework, type StaticPractice, type StaticTool, type Taxonomies } from '../cms/loaders/types';
import { isServerMode } from '../mode';
import { LIST_PAGE_SIZE, type ListState } from '../site/urls';
import { readDetail } from '../cms/loaders/detail-files';
import { buildCms, cms } from '../cms/client';
import { chainOf, shownInChain } from './locale-chain';
import { querySortedSummaries, sortPractices, toSummary } from './static-query';
import { termsNamedBy } from './term-names';
import { factsByDigest, factsOf, type PracticeFacts } from './practice-facts';

interface LiveEntryResult<T> {
  entry?: { data: T };
  error?: Error;
}
interface LiveCollectionResult<T> {
  entries?: { data: T }[];
  error?: Error;
}

type StaticCollection = 'sites' | 'frameworks' | 'taxonomies' | 'practices' | 'tools' | 'insights';
const staticIndexes = new Map<StaticCollection, Promise<Map<string, unknown>>>();

/** Entry of a build-time collection by id, or null (getEntry would log a warning for each miss). */
async function staticEntry<C extends StaticCollection>(collection: C, id: string) {
  let index = staticIndexes.get(collection);
  if (!index) {
    index = getCollection(collection).then((entries) => new Map<string, unknown>(entries.map((e) => [e.id, e.data])));
    staticIndexes.set(collection, index);
  }
  return ((await index).get(id) as CollectionEntry<C>['data'] | undefined) ?? null;
}

function unwrapEntry<T>(result: LiveEntryResult<T>): T | null {
  if (result.error) {
    if (result.error.name === 'LiveEntryNotFoundError') return null;
    throw result.error;
  }
  return result.entry?.data ?? null;
}

function unwrapCollection<T>(result: LiveCollectionResult<T>): T[] {
  if (result.error) throw result.error;
  return (result.entries ?? []).map((e) => e.data);
}

export async function getLocales(): Promise<Locale[]> {
  if (isServerMode) return unwrapCollection(await getLiveCollection('liveLocales'));
  // A copy of the build's list, read once: every page asks.
  return [...(await staticLocales('all'))];
}

export async function getSite(locale: string): Promise<Site | null> {
  if (isServerMode) return unwrapEntry(await getLiveEntry('liveSite', { locale }));
  return staticEntry('sites', locale);
}

export async function getFramework(locale: string): Promise<Framework | null> {
  if (isServerMode) return unwrapEntry(await getLiveEntry('liveFramework', { locale }));
  return staticEntry('frameworks', locale);
}

export async function getTaxonomies(locale: string): Promise<Taxonomies | null> {
  if (isServerMode) return unwrapEntry<Taxonomies>(await getLiveEntry('liveTaxonomies', { locale }));
  return staticEntry('taxonomies', locale);
}

export async function getPractice(locale: string, slug: string): Promise<PracticeDetail | null> {
  if (isServerMode) return unwrapEntry(await getLiveEntry('livePractices', { locale, slug }));
  const entry = await staticEntry('practices', `${locale}/${slug}`);
  return entry ? readDetail<PracticeDetail>(entry.detail) : null;
}

/**
 * Every published practice, as a locale's visitors see it (each in the first language of the
 * locale's chain that has it, like the CMS's list), as summaries (newest update first).
 */
export async function getPracticeSummaries(locale: string): Promise<PracticeSummary[]> {
  if (isServerMode) return unwrapCollection(await getLiveCollection('livePracticeSummaries', { locale }));
  // A copy: callers sort it.
  return [...(await sortedSummaries(locale, 'updatedAt:desc'))];
}

/**
 * Every published practice as a locale's visitors see it, each as its summary (texts in the first
 * language of the chain that has it, terms named for the locale) with the facts of that version's
 * detail (checklist states, validation status, website): the rows of the open data.
 */
export async function getPracticesWithFacts(locale: string): Promise<{ summary: PracticeSummary; facts: PracticeFacts }[]> {
  const summaries = await getPracticeSummaries(locale);
  if (isServerMode) {
    // One bulk read per language the locale's list shows (N/100 requests each), not one per practice.
    const languages = [...new Set(summaries.map((s) => s.locale))];
    const facts = new Map<string, PracticeFacts>();
    for (const language of languages) {
      for (const detail of unwrapCollection<PracticeDetail>(await getLiveCollection('livePracticeDetails', { locale: language }))) {
        facts.set(`${detail.locale}/${detail.documentId}`, factsOf(detail));
      }
    }
    return summaries.flatMap((summary) => {
      const found = facts.get(`${summary.locale}/${summary.documentId}`);
      // Published between the two reads: it will be in the next answer.
      return found ? [{ summary, facts: found }] : [];
    });
  }
  const [entries, facts] = await Promise.all([staticPracticeEntries('all'), staticFacts('all')]);
  const byVersion = new Map(entries.map((p) => [`${p.locale}/${p.documentId}`, p]));
  return summaries.flatMap((summary) => {
    const entry = byVersion.get(`${summary.locale}/${summary.documentId}`);
    return entry ? [{ summary, facts: facts.get(entry.detail.digest)! }] : [];
  });
}

/** One page of the filtered, sorted practice list. */
export async function listPractices(locale: string, state: ListState, pageSize = LIST_PAGE_SIZE): Promise<PracticeListResponse> {
  const query = { ...state, locale, pageSize };
  if (isServerMode) {
    const result = unwrapEntry<PracticeListResponse>(await getLiveEntry('livePracticeSearch', { query }));
    if (!result) throw new Error('practice search returned nothing');
    return result;
  }
  return querySortedSummaries(await sortedSummaries(locale, query.sort ?? 'updatedAt:desc'), query);
}

/**
 * How many published practices meet each checklist item, narrowed by country and area (counted by
 * the CMS: GET /insights). Static mode has the unfiltered answer and one per country and per area
 * (build.ts); null for any other filter there.
 */
export async function getInsights(locale: string, filter: { country?: string | undefined; area?: string | undefined }): Promise<Insights | null> {
  if (isServerMode) return unwrapEntry<Insights>(await getLiveEntry('liveInsights', { query: { locale, ...filter } }));
  return staticEntry('insights', insightsId(locale, filter));
}

export async function getTool(locale: string, slug: string): Promise<ToolDetail | null> {
  if (isServerMode) return unwrapEntry(await getLiveEntry('liveTools', { locale, slug }));
  const entry = await staticEntry('tools', `${locale}/${slug}`);
  return entry ? readDetail<ToolDetail>(entry.detail) : null;
}

/** Every published tool as a locale's visitors see it (each in the first language of the chain that has it). */
export async function getTools(locale: string): Promise<ToolSummary[]> {
  if (isServerMode) return unwrapCollection(await getLiveCollection('liveToolSummaries', { locale }));
  // The summary only: where the build keeps the detail is not the page's to show.
  return shownInChain(await allStaticTools(), chainOf(await staticLocales('all'), locale)).map(({ detail: _detail, locales: _locales, ...summary }) => summary);
}

/**
 * Per checklist item, the published practices that meet it, best in the item's group first (the
 * self-assessment report). Read from the CMS directly in both modes: one small response per
 * locale (the CMS keeps it for the content generation), read once per static build and locale,
 * and on request by the report, which is never route-cached (it is the visitor's).
 */
export async function getItemSuggestions(locale: string): Promise<ItemSuggestionsResponse['data']> {
  if (isServerMode) return cms().itemSuggestions(locale);
  return staticSuggestions(locale);
}

// ---------------------------------------------------------------------------------------------
// Static mode only: whole collections, for getStaticPaths, the sitemap and local list queries.
// The collections do not change during a build, so what is derived from them (per-locale
// summaries, each sort) is computed once instead of once per page: a list or facet page used
// to re-filter and re-sort every practice of its locale.
// ---------------------------------------------------------------------------------------------

type Sort = NonNullable<ListState['sort']>;

/** Memoized per key for the whole build (static mode only: on request, content changes). */
function once<K, V>(compute: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const values = new Map<K, Promise<V>>();
  return (key) => {
    let value = values.get(key);
    if (!value) {
      value = compute(key);
      values.set(key, value);
    }
    return value;
  };
}

const staticSuggestions = once((locale: string) => buildCms().itemSuggestions(locale));

const staticLocales = once(async (_: 'all') => (await getCollection('locales')).map((e) => e.data));

const staticPracticeEntries = once(async (_: 'all') => (await getCollection('practices')).map((e) => e.data as StaticPractice));

/** The facts of every practice version's detail, by the detail's digest (kept between builds: practice-facts.ts). */
const staticFacts = once(async (_: 'all') => factsByDigest((await staticPracticeEntries('all')).map((p) => p.detail)));

/**
 * A locale's list in a static build: every practice, in the first language of the chain that has
 * it, its terms named for the locale (term-names.ts).
 */
const staticSummaries = once(async (locale: string) => {
  const named = termsNamedBy(await staticEntry('taxonomies', locale));
  return shownInChain(await staticPracticeEntries('all'), chainOf(await staticLocales('all'), locale)).map((practice) => toSummary(named(practice)));
});

/** The practices a locale's list shows, in a static build (every published one; see staticSummaries). */
export function staticPracticesShownIn(locale: string): Promise<PracticeSummary[]> {
  return staticSummaries(locale);
}

const sortedByKey = once(async (key: string) => {
  const [locale, sort] = JSON.parse(key) as [string, Sort];
  return sortPractices(await staticSummaries(locale), sort, locale);
});

/** A locale's practice summaries in the order of `sort` (the CMS's order: the contract's comparator). */
function sortedSummaries(locale: string, sort: Sort): Promise<PracticeSummary[]> {
  return sortedByKey(JSON.stringify([locale, sort]));
}

/** Every practice of the build: summary, translations and the file of its detail. */
export function allStaticPractices(): Promise<StaticPractice[]> {
  return staticPracticeEntries('all');
}

/** Every insights entry of the build (unfiltered, per country, per area, of every locale). */
export async function allStaticInsights(): Promise<Insights[]> {
  return (await getCollection('insights')).map((e) => e.data);
}

export async function allStaticTools(): Promise<StaticTool[]> {
  return (await getCollection('tools')).map((e) => e.data as StaticTool);
}

export async function allStaticSites(): Promise<Site[]> {
  return (await getCollection('sites')).map((e) => e.data);
}

export async function allStaticFrameworks(): Promise<Framework[]> {
  return (await getCollection('frameworks')).map((e) => e.data);
}
