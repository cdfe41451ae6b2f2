/**
 * The `.bib` and `.ris` downloads of a practice (`/{locale}/practices/{slug}.bib|.ris`): the
 * version the locale's page shows (own, else the chain's), like the practice JSON; a slug that
 * the page would redirect, or no published practice, is a 404.
 */
import type { APIContext } from 'astro';
import { DEFAULT_DATA_LICENCE } from 'strapi-plugin-good-practices/contract';
import { tags } from '../cache/tags';
import { bibtexOf, risOf } from '../site/citation';
import { paths } from '../site/urls';
import { findPractice, loadPageContext } from './page-context';

const formats = {
  bib: { write: bibtexOf, type: 'application/x-bibtex; charset=utf-8', path: paths.practiceBib },
  ris: { write: risOf, type: 'application/x-research-info-systems; charset=utf-8', path: paths.practiceRis },
} as const;

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function citationFile(context: APIContext, format: keyof typeof formats): Promise<Response> {
  const page = await loadPageContext(context, context.params.locale);
  if (!page) return notFound();
  const slug = context.params.slug ?? '';
  const lookup = await findPractice(page, slug);
  if (lookup.kind !== 'found') return notFound();
  const practice = lookup.value.data;
  const { write, type, path } = formats[format];
  page.tag(tags.practiceDoc(practice.documentId));
  page.canonical(path(page.locale.code, slug));
  const body = write({
    practice,
    url: new URL(paths.practice(page.locale.code, slug), page.origin).href,
    siteName: page.site?.data.siteName ?? 'Good practices',
    licence: page.site?.data.dataLicence ?? DEFAULT_DATA_LICENCE,
  });
  return new Response(body, { headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${slug}.${format}"` } });
}
