/**
 * What every page needs, built on the data-access layer: the page context (locale, labels, cache
 * tags) and the fallback lookups of practices and tools. List facets are in ./facets.ts, the
 * static paths of every page of every locale in ./static-paths.ts. Mode-independent: the mode
 * switch lives in ./index.ts.
 */
import type { Image, Locale, PracticeDetail, Site, ToolDetail } from 'strapi-plugin-good-practices/contract';
import type { Framework } from '../cms/loaders/types';
import { canonicalTag, READS_LIST_QUERY_TAG, tags } from '../cache/tags';
import { defaultLocaleOf, resolveWithFallback, type Localized, type Translate } from '../i18n';
import { isServerMode } from '../mode';
import { siteOrigin } from '../site/origin';
import { getFramework, getLocales, getPractice, getSite, getTool } from './index';
import { chainOf } from './locale-chain';
import { pageTranslator } from './page-labels';
/** Seconds a page rendered on request stays fresh in the route cache (webhooks invalidate sooner). */
export const PAGE_MAX_AGE = 300;

/** The part of Astro's render context this module uses (Astro global or API context). */
export interface RenderContext {
  url: URL;
  site: URL | undefined;
  cache: { set(input: { maxAge?: number; tags?: string[] } | false): void };
}

export interface PageContext {
  locale: Locale;
  locales: Locale[];
  defaultLocale: Locale;
  site: Localized<Site> | null;
  /**
   * The logo in the header: that of the locale's site texts, else the default locale's (a logo
   * is set per language, as a logo with words may differ; null: the site's own mark).
   */
  logo: Image | null;
  t: Translate;
  /** Origin for absolute URLs (canonical, hreflang, RSS, sitemap). */
  origin: string;
  /** Adds cache tags to the page (server mode; no-op when prerendering). */
  tag(...values: string[]): void;
  /**
   * Says the page shows known content whose own URL is `path` (`paths.*`): requested at exactly
   * that path, its copy is kept in the route cache's canonical tier, out of reach of URL floods
   * (src/lib/cache/route-store.ts). Only for content the CMS confirmed (a practice found, a facet
   * value that exists), so that the tier stays bounded by the content.
   */
  canonical(path: string): void;
  /** Keeps this render out of the route cache, whatever is tagged after (e.g. a list filtered by values that name nothing). */
  uncached(): void;
}

/** SITE_URL as it is when rendering (run time on request), else the build's site (../site/origin.ts). */
export function originOf(context: Pick<RenderContext, 'url' | 'site'>): string {
  return siteOrigin(context);
}

/** Starts caching this response in server mode, with the given tags. */
export function cacheResponse(context: RenderContext, ...values: string[]): void {
  if (!isServerMode) return;
  try {
    context.cache.set({ maxAge: PAGE_MAX_AGE, tags: values });
  } catch {
    // Error pages (404/500) are rendered outside the route cache: Astro.cache is not provided there.
  }
}

/** Keeps this response out of the route cache (server mode). */
function uncacheResponse(context: RenderContext): void {
  if (!isServerMode) return;
  try {
    context.cache.set(false);
  } catch {
    // Outside the route cache (error pages): nothing to keep out.
  }
}

/**
 * The query string of the practice list, for `parseListRequest`: the only read of a request's
 * query by a cached page. It tells the route cache that this render depends on the list's
 * parameters — and on no others: the cache stores the page under `listQueryKey` of the query
 * (src/lib/cache/cache-key.ts), while every other page is one entry whatever its query string.
 */
export function listQueryOf(context: RenderContext): URLSearchParams {
  cacheResponse(context, READS_LIST_QUERY_TAG);
  return context.url.searchParams;
}

/**
 * The query string of the comparison page (`/{locale}/compare/?practices=a,b`), the other read of
 * a request's query by a page. Its combinations are unbounded (any 2–4 of every practice, in any
 * order), so the page is kept out of the route cache altogether: neither tier holds a comparison,
 * whatever is asked, and the page at its bare path is never stored either (the store is looked up
 * by path first, and would otherwise answer every comparison with it). It is rendered from the
 * data cache on each request instead.
 */
export function compareQueryOf(context: RenderContext, page: PageContext): URLSearchParams {
  page.uncached();
  return context.url.searchParams;
}

/**
 * Loads what every page of a locale needs. Null when `localeCode` is not a CMS locale (the page
 * answers 404). Every page is tagged `site`: labels, footer and the locale list are on all of them.
 */
export async function loadPageContext(context: RenderContext, localeCode: string | undefined): Promise<PageContext | null> {
  cacheResponse(context, tags.site);
  const locales = await getLocales();
  const locale = locales.find((l) => l.code === localeCode);
  if (!locale) return null;
  const defaultLocale = defaultLocaleOf(locales);
  const site = await resolveWithFallback(locale.code, defaultLocale.code, getSite);
  const t = await pageTranslator(locale.code, defaultLocale.code, site);
  const logo = site?.data.logo ?? (site?.contentLocale === defaultLocale.code ? null : ((await getSite(defaultLocale.code))?.logo ?? null));
  let storable = true;
  return {
    locale,
    locales,
    defaultLocale,
    site,
    logo,
    t,
    origin: originOf(context),
    tag: (...values) => {
      // Astro's cache.set() after set(false) would cache the page again.
      if (storable) cacheResponse(context, ...values);
    },
    canonical: (path) => {
      if (storable) cacheResponse(context, canonicalTag(path));
    },
    uncached: () => {
      storable = false;
      uncacheResponse(context);
    },
  };
}

/** A context for pages outside a locale (root, 404 of an unknown path, sitemap): default locale. */
export async function loadDefaultPageContext(context: RenderContext): Promise<PageContext> {
  cacheResponse(context, tags.site);
  const locales = await getLocales();
  const page = await loadPageContext(context, defaultLocaleOf(locales).code);
  if (!page) throw new Error('default locale missing');
  return page;
}

export type Lookup<T> = { kind: 'found'; value: Localized<T> } | { kind: 'redirect'; slug: string } | { kind: 'missing' };

/**
 * A practice or tool by slug in a locale; without one there, the entry with that slug in the
 * first language of the locale's fallback chain (the CMS's `Locale.fallbacks`) that has one, as
 * the locale's lists show it. When the entry has a version under another slug in the locale, or
 * in a language before it in the chain, the answer is a redirect there.
 */
async function findTranslatable<T extends { locales: { locale: string; slug: string }[] }>(
  chain: readonly string[],
  slug: string,
  get: (locale: string, slug: string) => Promise<T | null>,
): Promise<Lookup<T>> {
  const [locale] = chain as [string, ...string[]];
  const own = await get(locale, slug);
  if (own) return { kind: 'found', value: { data: own, contentLocale: locale, isFallback: false } };
  for (const code of chain.slice(1)) {
    const fallback = await get(code, slug);
    if (!fallback) continue;
    const versions = new Map(fallback.locales.map((l) => [l.locale, l.slug]));
    const preferred = chain.find((candidate) => versions.has(candidate));
    const preferredSlug = preferred ? versions.get(preferred) : undefined;
    if (preferred !== code && preferredSlug !== undefined && preferredSlug !== slug) return { kind: 'redirect', slug: preferredSlug };
    return { kind: 'found', value: { data: fallback, contentLocale: code, isFallback: true } };
  }
  return { kind: 'missing' };
}

export function findPractice(page: PageContext, slug: string): Promise<Lookup<PracticeDetail>> {
  page.tag(tags.practice(slug), tags.practicePages, tags.framework, tags.taxonomy);
  return findTranslatable(chainOf(page.locales, page.locale.code), slug, getPractice);
}

/** A practice by slug as `locale`'s pages show it (own version, else the chain's), for routes without a page context (JSON). */
export function lookupPractice(locales: readonly Locale[], locale: string, slug: string): Promise<Lookup<PracticeDetail>> {
  return findTranslatable(chainOf(locales, locale), slug, getPractice);
}

export function findTool(page: PageContext, slug: string): Promise<Lookup<ToolDetail>> {
  page.tag(tags.tool(slug), tags.toolPages, tags.practices);
  return findTranslatable(chainOf(page.locales, page.locale.code), slug, getTool);
}

export function findFramework(page: PageContext): Promise<Localized<Framework> | null> {
  page.tag(tags.framework);
  return resolveWithFallback(page.locale.code, page.defaultLocale.code, getFramework);
}
