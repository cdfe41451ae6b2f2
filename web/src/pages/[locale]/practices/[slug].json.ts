/**
 * A practice as JSON, in the contract's response shape (`{ data: PracticeDetail }`): the locale's
 * own version, else the version its pages show (the first of the locale's fallback chain; its
 * `locale` says which). A slug that the page would redirect is a 404 here.
 */
import type { APIRoute } from 'astro';
import { practiceResponse } from 'strapi-plugin-good-practices/contract';
import { getLocales } from '../../../lib/data';
import { cacheResponse, lookupPractice } from '../../../lib/data/page-context';
import { practiceJsonPaths } from '../../../lib/data/static-paths';
import { canonicalTag, tags } from '../../../lib/cache/tags';
import { paths } from '../../../lib/site/urls';

export const getStaticPaths = practiceJsonPaths;

export const GET: APIRoute = async (context) => {
  const { locale = '', slug = '' } = context.params;
  cacheResponse(context, tags.site, tags.practice(slug), tags.practicePages, tags.framework, tags.taxonomy);
  const locales = await getLocales();
  const lookup = locales.some((l) => l.code === locale) ? await lookupPractice(locales, locale, slug) : null;
  const practice = lookup?.kind === 'found' ? lookup.value.data : null;
  if (!practice) {
    return new Response(JSON.stringify({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } }), {
      status: 404,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  cacheResponse(context, tags.practiceDoc(practice.documentId), canonicalTag(paths.practiceJson(locale, slug)));
  return new Response(JSON.stringify(practiceResponse.parse({ data: practice }), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' },
  });
};
