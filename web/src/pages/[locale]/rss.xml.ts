/** RSS feed of a locale's practices, newest first. */
import type { APIRoute } from 'astro';
import { getPracticeSummaries } from '../../lib/data';
import { loadPageContext } from '../../lib/data/page-context';
import { localePaths } from '../../lib/data/static-paths';
import { tags } from '../../lib/cache/tags';
import { rss } from '../../lib/site/feeds';
import { practiceFeedItem } from '../../lib/site/practice-feed';
import { paths } from '../../lib/site/urls';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async (context) => {
  const page = await loadPageContext(context, context.params.locale);
  if (!page) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  page.tag(tags.practices);
  // Its last good copy belongs to the route cache's canonical tier, out of reach of URL floods.
  page.canonical(paths.rss(page.locale.code));
  const { locale, t, site, origin } = page;
  const practices = (await getPracticeSummaries(locale.code))
    .sort((a, b) => ((b.publishedAt ?? b.updatedAt) > (a.publishedAt ?? a.updatedAt) ? 1 : -1))
    .slice(0, 50);
  const abs = (path: string) => new URL(path, origin).href;
  const body = rss({
    title: `${site?.data.siteName ?? 'Good practices'}: ${t('nav.practices')}`,
    link: abs(paths.practices(locale.code)),
    self: abs(paths.rss(locale.code)),
    description: site?.data.tagline ?? t('nav.practices'),
    language: locale.code,
    items: practices.map((p) => practiceFeedItem(p, locale.code, origin)),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
