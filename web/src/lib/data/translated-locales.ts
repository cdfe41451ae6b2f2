/**
 * Which locales a page is really translated into, for the pages of a whole locale (home,
 * practice list, framework, tools): those whose site texts (UI labels, intro, footer) are
 * published in that locale. Elsewhere those pages show the default locale's texts: reachable,
 * but not real translations (noindex, no hreflang, not in the sitemap; see web/README.md).
 */
import type { Locale } from 'strapi-plugin-good-practices/contract';
import { getSite } from './index';

export async function localesWithSiteTexts(locales: readonly Locale[]): Promise<Set<string>> {
  const own = await Promise.all(locales.map(async (l) => ((await getSite(l.code)) ? l.code : null)));
  return new Set(own.filter((code): code is string => code !== null));
}

/** `locale → path` of a locale-wide page in every locale where it is a real translation. */
export async function localePageTranslations(locales: readonly Locale[], path: (code: string) => string): Promise<Map<string, string>> {
  const own = await localesWithSiteTexts(locales);
  return new Map(locales.filter((l) => own.has(l.code)).map((l) => [l.code, path(l.code)]));
}
