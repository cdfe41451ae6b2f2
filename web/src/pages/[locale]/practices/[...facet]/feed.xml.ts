/**
 * Saved-search feeds: the RSS feed of a practice list with the same filters, newest first (the 50
 * most recently updated). Path form in both modes (`/en/practices/feed.xml`,
 * `/en/practices/country/DE/feed.xml`: prerendered per facet value in static mode); in server mode
 * also the query form at `/{locale}/practices/feed.xml?q=…&area=…`, read like the list's query
 * (`listQueryOf`, so the route cache keys it by the list's parameters only). Page and sort are not
 * part of a feed: given, they are ignored and the answer is not stored. Facet values naming
 * nothing: not found in the path, answered (empty) but never stored from the query, as on the list.
 */
import type { APIRoute } from 'astro';
import { checkListState, loadFacets, loadList } from '../../../../lib/data/facets';
import { listQueryOf, loadPageContext } from '../../../../lib/data/page-context';
import { listPaths } from '../../../../lib/data/static-paths';
import { isServerMode } from '../../../../lib/mode';
import { rss } from '../../../../lib/site/feeds';
import { practiceFeedItem } from '../../../../lib/site/practice-feed';
import { DEFAULT_SORT, feedUrl, hasPathForm, listUrl, parseListRequest, type ListState } from '../../../../lib/site/urls';

/** Items per feed. */
const FEED_SIZE = 50;

/** One feed per prerendered list state (first pages only). */
export async function getStaticPaths() {
  return (await listPaths()).filter((path) => !(path.params.facet ?? '').split('/').includes('page'));
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export const GET: APIRoute = async (context) => {
  const page = await loadPageContext(context, context.params.locale);
  if (!page) return notFound();
  const rest = context.params.facet;
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
};
