/**
 * The language switcher's links: every locale of the CMS, on every page. A locale where the page
 * is translated links to its translation; any other to the page the site shows there instead (the
 * fallback page at the same URL shape, or the closest page that exists), so a visitor can always
 * change language, whatever has been translated.
 */
import type { Locale } from 'strapi-plugin-good-practices/contract';
import { autonym } from './index';

export interface SwitcherLink {
  code: string;
  dir: 'ltr' | 'rtl';
  /** The language's own name ("Čeština", "العربية"). */
  name: string;
  href: string;
  current: boolean;
  /** Whether `href` is a real translation (else a page shown in fallback). */
  translated: boolean;
}

/**
 * The order languages are offered in, the same in both modes (the CMS and the static build's
 * collections list locales in different orders): the default locale first, then by code.
 */
export function offeredOrder(locales: readonly Locale[]): Locale[] {
  return [...locales].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * `translations`: locale → path where this page really exists in that locale; `elsewhere`: the
 * path of this page in a locale without a translation; `currentPath`: this page's own path.
 */
export function switcherLinks(
  locales: readonly Locale[],
  current: string,
  currentPath: string,
  translations: ReadonlyMap<string, string>,
  elsewhere: (code: string) => string,
): SwitcherLink[] {
  return offeredOrder(locales).map((l) => {
    const translation = translations.get(l.code);
    return {
      code: l.code,
      dir: l.dir,
      name: autonym(l.code),
      href: l.code === current ? currentPath : (translation ?? elsewhere(l.code)),
      current: l.code === current,
      translated: translation !== undefined,
    };
  });
}

/**
 * Where a practice or tool is shown in a locale without its translation: the fallback page, at
 * the default locale's slug (the site falls back to the default locale's entry of that slug);
 * without a default-locale version there is no fallback page, so the locale's home.
 */
export function entryElsewhere(
  entryLocales: readonly { locale: string; slug: string }[],
  defaultLocale: string,
  entryPath: (locale: string, slug: string) => string,
  home: (locale: string) => string,
): (code: string) => string {
  const defaultSlug = entryLocales.find((l) => l.locale === defaultLocale)?.slug;
  return (code) => (defaultSlug === undefined ? home(code) : entryPath(code, defaultSlug));
}
