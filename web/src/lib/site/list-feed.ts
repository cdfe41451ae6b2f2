/**
 * Saved-search feeds (routes: src/pages/[locale]/practices/feed.xml.ts and [...facet]/feed.xml.ts):
 * the RSS feed of a practice list with the same filters, newest first (the 50 most recently updated). Path form in both modes (`/en/practices/feed.xml`,
 * `/en/practices/country/DE/feed.xml`: prerendered per facet value in static mode); in server mode
 * also the query form at `/{locale}/practices/feed.xml?q=…&area=…`, read like the list's query
 * (`listQueryOf`, so the route cache keys it by the list's parameters only). Page and sort are not
 * part of a feed: given, they are ignored and the answer is not stored. Facet values naming
 * nothing: not found in the path, answered (empty) but never stored from the query, as on the list.
 */
import type { APIContext } from 'astro';
import { checkListState, loadFacets, loadList } from '../data/facets';
import { listQueryOf, loadPageContext } from '../data/page-context';
import { listPaths } from '../data/static-paths';
import { isServerMode } from '../mode';
import { rss } from './feeds';
import { practiceFeedItem } from './practice-feed';
import { listKey } from '../data/cache-keys';
import { DEFAULT_SORT, feedUrl, hasPathForm, listUrl, parseListRequest, type ListState } from './urls';

/** Items per feed. */
const FEED_SIZE = 50;

/** The facet paths of the prerendered feeds (`country/DE`; the unfiltered feed has a route of its own). */
export async function facetFeedPaths() {
  const firstPages = (await listPaths()).filter((path) => path.params.facet !== undefined && !path.params.facet.split('/').includes('page'));
  // The feed's own key: its query (FEED_SIZE, newest first) differs from the list page's.
  return Promise.all(firstPages.map(async ({ params }) => ({ params, cacheKey: await listKey(params.locale, params.facet, { pageSize: FEED_SIZE, sort: DEFAULT_SORT }) })));
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The feed of the list state of `rest` (undefined: the unfiltered list, whose query server mode reads). */
export async function listFeed(context: APIContext, rest: string | undefined): Promise<Response> {
  const page = await loadPageContext(context, context.params.locale);
  if (!page) return notFound();
  if ((rest ?? '').split('/').includes('page')) return notFound();
  const parsed = parseListRequest(rest, isServerMode && !rest ? listQueryOf(context) : null);
  if (!parsed.ok) return notFound();
  const facets = await loadFacets(page);
  const checked = checkListState(facets, parsed, rest);
  if (checked.pathUnknown) return notFound();
  const paged = checked.state.page !== 1 || checked.state.sort !== DEFAULT_SORT;
  if (checked.uncacheable || paged) page.uncached();
  const state: ListState = { ...checked.state, page: 1, sort: DEFAULT_SORT };
  if (checked.ignored.length === 0 && !paged && hasPathForm(state)) page.canonical(feedUrl(page.locale.code, state));

  const { locale, t, site, origin } = page;
  const result = await loadList(page, state, FEED_SIZE);
  const abs = (path: string) => new URL(path, origin).href;
  const nameOf = (values: { key: string; name: string }[], key: string | undefined) => (key === undefined ? undefined : (values.find((v) => v.key === key)?.name ?? key));
  const filters = [
    state.q,
    nameOf(facets.countries, state.country),
    nameOf(facets.areas, state.area),
    nameOf(facets.targetGroups, state.targetGroup),
    nameOf(facets.groups, state.groupMet),
    nameOf(facets.items.flatMap((g) => g.items), state.itemMet),
  ].filter((value): value is string => value !== undefined);
  const body = rss({
    title: [`${site?.data.siteName ?? 'Good practices'}: ${t('list.title')}`, ...filters].join(' · '),
    link: abs(listUrl(locale.code, state)),
    self: abs(feedUrl(locale.code, state)),
    description: site?.data.tagline ?? t('list.title'),
    language: locale.code,
    items: result.data.map((practice) => practiceFeedItem(practice, locale.code, origin)),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
