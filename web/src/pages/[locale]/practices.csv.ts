/**
 * The locale's open data as CSV (lib/site/csv.ts: RFC 4180, UTF-8 with a byte order mark, cells
 * safe from formula injection): a row per published practice, the fields of the data page.
 */
import type { APIRoute } from 'astro';
import { loadPageContext } from '../../lib/data/page-context';
import { localePaths } from '../../lib/data/static-paths';
import { openDataCsvTable, openDataOf } from '../../lib/data/open-data';
import { tags } from '../../lib/cache/tags';
import { csvDocument } from '../../lib/site/csv';
import { paths } from '../../lib/site/urls';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async (context) => {
  const page = await loadPageContext(context, context.params.locale);
  if (!page) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  page.tag(tags.practices, tags.framework, tags.taxonomy);
  page.canonical(paths.practicesCsv(page.locale.code));
  const { header, rows } = openDataCsvTable(await openDataOf(page));
  return new Response(csvDocument(header, rows), {
    headers: {
      // RFC 4180's media type; `header=present` (RFC 4180 § 3) says the first line names the columns.
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="practices-${page.locale.code}.csv"`,
      'Access-Control-Allow-Origin': '*',
    },
  });
};
