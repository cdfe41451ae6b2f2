/** The locale's open data as JSON, in the contract's `openDataResponse` shape (see the data page). */
import type { APIRoute } from 'astro';
import { loadPageContext } from '../../lib/data/page-context';
import { localePaths } from '../../lib/data/static-paths';
import { openDataOf } from '../../lib/data/open-data';
import { tags } from '../../lib/cache/tags';
import { paths } from '../../lib/site/urls';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async (context) => {
  const page = await loadPageContext(context, context.params.locale);
  if (!page) return new Response(JSON.stringify({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } }), { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  page.tag(tags.practices, tags.framework, tags.taxonomy);
  page.canonical(paths.practicesJson(page.locale.code));
  // Compact, unlike a practice's own JSON: the whole database is for programs (and browsers'
  // JSON viewers); indented it was 9 MB per locale at 2,000 practices instead of ~5 MB, and
  // stringifying it took ~0.4 s of every static rebuild for the five locales.
  return new Response(JSON.stringify(await openDataOf(page)), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `inline; filename="practices-${page.locale.code}.json"`,
      'Access-Control-Allow-Origin': '*',
    },
  });
};
