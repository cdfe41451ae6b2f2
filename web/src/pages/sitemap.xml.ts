/**
 * sitemap.xml: every page of every locale where it is a real translation, each with hreflang
 * alternates to its other translations and x-default. Pages shown in fallback are `noindex` and
 * never listed: a practice or tool where it has no published version; the home, list, framework
 * and tools pages of a locale without its own site texts; a site page without its own text there.
 */
import type { APIRoute } from 'astro';
import { getFramework, getLocales, getPracticeSummaries, getSite, getTools } from '../lib/data';
import { cacheResponse, originOf } from '../lib/data/page-context';
import { canonicalTag, tags } from '../lib/cache/tags';
import { alternatesFor, defaultLocaleOf } from '../lib/i18n';
import { sitemap, type SitemapUrl } from '../lib/site/feeds';
import { paths, sitePageKeys } from '../lib/site/urls';

export const GET: APIRoute = async (context) => {
  // Canonical tier of the route cache: a flood of junk URLs cannot evict its last good copy.
  cacheResponse(context, tags.site, tags.practices, tags.tools, tags.framework, canonicalTag(paths.sitemap()));
  const origin = originOf(context);
  const locales = await getLocales();
  const defaultLocale = defaultLocaleOf(locales).code;
  const perLocale = await Promise.all(
    locales.map(async (l) => ({
      code: l.code,
      site: await getSite(l.code),
      framework: await getFramework(l.code),
      practices: await getPracticeSummaries(l.code),
      tools: await getTools(l.code),
    })),
  );

  const urls: SitemapUrl[] = [];
  /** One sitemap <url> per locale of a page, all sharing the alternates. */
  const addPage = (existsIn: Map<string, string>, lastmod?: Map<string, string | undefined>) => {
    const alternates = existsIn.size > 1 ? alternatesFor(existsIn, defaultLocale, origin) : [];
    for (const [code, path] of existsIn) {
      urls.push({ loc: new URL(path, origin).href, lastmod: lastmod?.get(code), alternates });
    }
  };

  // Locale-wide pages are real translations where the locale has its own site texts.
  const withTexts = perLocale.filter((l) => l.site);
  addPage(new Map(withTexts.map((l) => [l.code, paths.home(l.code)])));
  addPage(new Map(withTexts.map((l) => [l.code, paths.practices(l.code)])));
  addPage(new Map(withTexts.map((l) => [l.code, paths.tools(l.code)])));
  addPage(new Map(withTexts.map((l) => [l.code, paths.data(l.code)])));
  addPage(new Map(withTexts.map((l) => [l.code, paths.map(l.code)])));
  addPage(new Map(withTexts.map((l) => [l.code, paths.insights(l.code)])));
  addPage(new Map(withTexts.filter((l) => l.framework).map((l) => [l.code, paths.framework(l.code)])));
  for (const key of sitePageKeys) {
    const existing = perLocale.filter((l) => l.site?.[key]);
    addPage(new Map(existing.map((l) => [l.code, paths.sitePage(l.code, key)])));
  }

  // Translations of one practice or tool share a documentId (Strapi 5 i18n).
  const practiceGroups = new Map<string, Map<string, string>>();
  const practiceDates = new Map<string, Map<string, string | undefined>>();
  for (const l of perLocale) {
    for (const p of l.practices) {
      // Only the locale's own published versions (a list may also show others in fallback).
      if (p.locale !== l.code) continue;
      const group = practiceGroups.get(p.documentId) ?? new Map<string, string>();
      group.set(l.code, paths.practice(l.code, p.slug));
      practiceGroups.set(p.documentId, group);
      const dates = practiceDates.get(p.documentId) ?? new Map<string, string | undefined>();
      dates.set(l.code, p.updatedAt.slice(0, 10));
      practiceDates.set(p.documentId, dates);
    }
  }
  for (const [documentId, group] of practiceGroups) addPage(group, practiceDates.get(documentId));

  const toolGroups = new Map<string, Map<string, string>>();
  for (const l of perLocale) {
    for (const tool of l.tools) {
      if (tool.locale !== l.code) continue;
      const group = toolGroups.get(tool.documentId) ?? new Map<string, string>();
      group.set(l.code, paths.tool(l.code, tool.slug));
      toolGroups.set(tool.documentId, group);
    }
  }
  for (const group of toolGroups.values()) addPage(group);

  return new Response(sitemap(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
