/**
 * Every URL of the site is built here, so links, canonicals, the sitemap and getStaticPaths agree.
 *
 * Practice list URLs: a state with at most one facet, no text query, no checklist-item filter and
 * the default sort has a path form (`/en/practices/country/DE/page/2/`) that static mode
 * prerenders; any other state uses the query form (`/en/practices/?q=…&sort=…`) that only server
 * mode can answer.
 */
import { DEFAULT_PAGE_SIZE, practiceListQuery, practiceSorts, type PracticeListQuery } from 'strapi-plugin-good-practices/contract';

export const paths = {
  root: () => '/',
  home: (locale: string) => `/${locale}/`,
  practices: (locale: string) => `/${locale}/practices/`,
  practice: (locale: string, slug: string) => `/${locale}/practices/${slug}/`,
  practiceJson: (locale: string, slug: string) => `/${locale}/practices/${slug}.json`,
  practiceBib: (locale: string, slug: string) => `/${locale}/practices/${slug}.bib`,
  practiceRis: (locale: string, slug: string) => `/${locale}/practices/${slug}.ris`,
  practicesCsv: (locale: string) => `/${locale}/practices.csv`,
  practicesJson: (locale: string) => `/${locale}/practices.json`,
  data: (locale: string) => `/${locale}/data/`,
  /** The comparison page; with its query, see `compareUrl` (./compare-query.ts). */
  compare: (locale: string) => `/${locale}/compare/`,
  framework: (locale: string) => `/${locale}/framework/`,
  tools: (locale: string) => `/${locale}/tools/`,
  tool: (locale: string, slug: string) => `/${locale}/tools/${slug}/`,
  sitePage: (locale: string, page: SitePageKey) => `/${locale}/${page}/`,
  rss: (locale: string) => `/${locale}/rss.xml`,
  /** The practice submission form (issue 14, item 3); pre-filled by the fields of lib/assessment/fields.ts. */
  submit: (locale: string) => `/${locale}/submit/`,
  submitThanks: (locale: string) => `/${locale}/submit/thanks/`,
  /** A proposal's private status page: rendered on request, or in a static build the one page that the host serves for every token. */
  submitStatus: (locale: string, token: string) => `${paths.submitStatusBase(locale)}${encodeURIComponent(token)}/`,
  /** The static build's one status page, which the host serves for every token (`_redirects`). */
  submitStatusBase: (locale: string) => `/${locale}/submit/status/`,
  map: (locale: string) => `/${locale}/map/`,
  insights: (locale: string) => `/${locale}/insights/`,
  notFound: (locale: string) => `/${locale}/404/`,
  selfAssessment: (locale: string) => `/${locale}/self-assessment/`,
  selfAssessmentReport: (locale: string) => `/${locale}/self-assessment/report/`,
  /** Server mode only: the answers of the query as a JSON file download. */
  selfAssessmentAnswers: (locale: string) => `/${locale}/self-assessment/answers.json`,
  sitemap: () => '/sitemap.xml',
} as const;

export const sitePageKeys = ['about', 'partners', 'privacy'] as const;
export type SitePageKey = (typeof sitePageKeys)[number];

/** The list filters the site offers (the contract's list query minus locale and pageSize). */
export type ListState = Omit<PracticeListQuery, 'locale' | 'pageSize'>;
export const DEFAULT_SORT: PracticeListQuery['sort'] = 'updatedAt:desc';
export const LIST_PAGE_SIZE = DEFAULT_PAGE_SIZE;

/** Facets with a path form: URL segment ↔ list query key. */
export const pathFacets = [
  { segment: 'country', key: 'country' },
  { segment: 'area', key: 'area' },
  { segment: 'target-group', key: 'targetGroup' },
  { segment: 'criteria', key: 'groupMet' },
] as const satisfies readonly { segment: string; key: keyof ListState }[];
export type PathFacetKey = (typeof pathFacets)[number]['key'];

export function emptyListState(): ListState {
  return { page: 1, sort: DEFAULT_SORT };
}

/** The facet filters set in a state. */
function setFilters(state: ListState): (keyof ListState)[] {
  return (['q', 'country', 'area', 'targetGroup', 'groupMet', 'itemMet'] as const).filter((key) => state[key] !== undefined);
}

/** True when the state has a path form (and so exists as a prerendered page in static mode). */
export function hasPathForm(state: ListState): boolean {
  const filters = setFilters(state);
  if (state.sort !== DEFAULT_SORT) return false;
  if (filters.length === 0) return true;
  return filters.length === 1 && pathFacets.some((facet) => facet.key === filters[0]);
}

/** URL of a list state: its path form when it has one, else the query form. */
export function listUrl(locale: string, state: ListState): string {
  if (hasPathForm(state)) {
    let path = paths.practices(locale);
    const facet = pathFacets.find((f) => state[f.key] !== undefined);
    if (facet) path += `${facet.segment}/${encodeURIComponent(String(state[facet.key]))}/`;
    if (state.page > 1) path += `page/${state.page}/`;
    return path;
  }
  const params = new URLSearchParams();
  for (const key of ['q', 'country', 'area', 'targetGroup', 'groupMet', 'itemMet'] as const) {
    const value = state[key];
    if (value !== undefined) params.set(key, value);
  }
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return `${paths.practices(locale)}?${params}`;
}

/**
 * The query parameters the practice list reads (server mode, at `/{locale}/practices/` only), in
 * the order of its cache key. Nothing else in a query string can change a list page, and no other
 * cached page reads the query at all: the route cache keys pages by exactly these
 * (src/lib/cache/cache-key.ts).
 */
export const listQueryParameters = ['area', 'country', 'groupMet', 'itemMet', 'page', 'q', 'sort', 'targetGroup'] as const;
export type ListQueryParameter = (typeof listQueryParameters)[number];
const listQueryParameterSet: ReadonlySet<string> = new Set(listQueryParameters);
/**
 * Longest value of a list parameter the site uses (the schema's bound of `q`): facet keys have no
 * length limit in the contract, but none is this long, and the route cache key stays bounded.
 */
export const MAX_LIST_VALUE_LENGTH = 200;

/** The list's parameters of a query string, as the list uses them. */
export interface ListQuery {
  /** The last usable value of each parameter given, normalised by the list's schema (trimmed, numbers canonical). */
  values: Partial<Record<ListQueryParameter, string>>;
  /** Parameters given with a value the list cannot use (the page says some were ignored). */
  ignored: ListQueryParameter[];
}

/**
 * Reads the list's parameters from a query string: other parameters (tracking, junk) are not
 * read; empty values (a GET form's "Any") are dropped; an invalid value (or one longer than
 * `MAX_LIST_VALUE_LENGTH`) is ignored and reported; of repeated parameters the last usable value counts.
 */
export function readListQuery(search: URLSearchParams): ListQuery {
  const values: ListQuery['values'] = {};
  const ignored: ListQueryParameter[] = [];
  for (const [key, value] of search) {
    if (!listQueryParameterSet.has(key)) continue;
    const name = key as ListQueryParameter;
    if (value.trim() === '') continue;
    const single = value.length <= 4 * MAX_LIST_VALUE_LENGTH ? practiceListQuery.safeParse({ [name]: value }) : undefined;
    if (!single?.success || String(single.data[name]).length > MAX_LIST_VALUE_LENGTH) {
      ignored.push(name);
      continue;
    }
    values[name] = String(single.data[name]);
  }
  return { values, ignored };
}

/**
 * The cache key of a list query: two query strings with the same key give the same page. Sorted,
 * defaults dropped (`page=1`, the default sort), bounded by the schema (a `q` of at most 200
 * characters, a page up to 10,000), and every ignored value folded into one marker that no query
 * string encodes (`!`), since the page shows one notice for any number of them.
 */
export function listQueryKey(query: ListQuery): string {
  const params = new URLSearchParams();
  for (const name of listQueryParameters) {
    const value = query.values[name];
    if (value === undefined || (name === 'page' && value === '1') || (name === 'sort' && value === DEFAULT_SORT)) continue;
    params.append(name, value);
  }
  const key = params.toString();
  if (query.ignored.length === 0) return key;
  return key === '' ? '!ignored' : `${key}&!ignored`;
}

export type ParsedList = { ok: true; state: ListState; ignored: string[] } | { ok: false };

/**
 * Parses the list route's rest parameter (`country/DE/page/2`) plus the query string into a list
 * state. Unknown path segments make the URL not found (`ok: false`); the query is read by
 * `readListQuery`: empty values dropped, invalid ones ignored and reported.
 */
export function parseListRequest(rest: string | undefined, search: URLSearchParams | null): ParsedList {
  const raw: Record<string, string> = {};
  const segments = (rest ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  let i = 0;
  if (segments[0] !== undefined && segments[0] !== 'page') {
    const facet = pathFacets.find((f) => f.segment === segments[0]);
    const value = segments[1];
    if (!facet || value === undefined) return { ok: false };
    raw[facet.key] = value;
    i = 2;
  }
  if (i < segments.length) {
    const value = segments[i + 1];
    if (segments[i] !== 'page' || value === undefined || !/^[1-9]\d*$/.test(value)) return { ok: false };
    raw.page = value;
    i += 2;
  }
  if (i !== segments.length) return { ok: false };
  const fromPath = practiceListQuery.safeParse(raw);
  if (!fromPath.success) return { ok: false };

  const query = search ? readListQuery(search) : { values: {}, ignored: [] };
  const parsed = practiceListQuery.safeParse({ ...raw, ...query.values });
  if (!parsed.success) return { ok: false };
  const { locale: _locale, pageSize: _pageSize, ...state } = parsed.data;
  return { ok: true, state, ignored: [...query.ignored] };
}

export function isSort(value: string): value is ListState['sort'] {
  return (practiceSorts as readonly string[]).includes(value);
}

/**
 * The RSS feed of a list state (saved-search feed): the same filters, newest first, page and sort
 * dropped (a feed is the newest practices matching). A state whose filters have a path form gets
 * the feed under that path (`/en/practices/country/DE/feed.xml`, prerendered in static mode);
 * any other (a text query, a checklist item, two filters) the query form that only server mode
 * answers (`/en/practices/feed.xml?q=…&area=…`).
 */
export function feedUrl(locale: string, state: ListState): string {
  const filters: ListState = { ...state, page: 1, sort: DEFAULT_SORT };
  const list = listUrl(locale, filters);
  const query = list.indexOf('?');
  return query === -1 ? `${list}feed.xml` : `${list.slice(0, query)}feed.xml${list.slice(query)}`;
}

/** Insights filters (country, integration area) with a path form: one at a time, as prerendered in static mode. */
export interface InsightsState {
  country?: string | undefined;
  area?: string | undefined;
}

/** URL of an insights state: `/en/insights/country/DE/` for one filter, the query form for both (server mode). */
export function insightsUrl(locale: string, state: InsightsState): string {
  const base = paths.insights(locale);
  if (state.country !== undefined && state.area !== undefined) {
    return `${base}?${new URLSearchParams({ country: state.country, area: state.area })}`;
  }
  if (state.country !== undefined) return `${base}country/${encodeURIComponent(state.country)}/`;
  if (state.area !== undefined) return `${base}area/${encodeURIComponent(state.area)}/`;
  return base;
}
