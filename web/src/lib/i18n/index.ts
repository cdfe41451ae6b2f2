/**
 * Locale helpers: UI translation with per-key English fallback, Accept-Language negotiation,
 * fallback-to-default-locale content resolution, hreflang alternates and Intl formatting.
 *
 * Pure functions (no Astro imports) so they are unit-tested directly.
 * The approach follows Starlight's: a page that is missing in a locale is served under that
 * locale's URL with the default locale's content, flagged `isFallback`, so the UI chrome stays
 * in the visitor's language while the content says it is in another.
 */
import type { Locale } from 'strapi-plugin-good-practices/contract';
import { defaultLabels, type LabelKey } from './labels';

export type Translate = (key: LabelKey, vars?: Record<string, string | number>) => string;

/** A translator over CMS labels, each key falling back to the built-in English default. */
export function createTranslator(labels: Record<string, string> | null | undefined): Translate {
  return (key, vars) => {
    const cmsValue = labels?.[key];
    const template = typeof cmsValue === 'string' && cmsValue.trim() !== '' ? cmsValue : defaultLabels[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

/** Well-known right-to-left languages, when `Intl.Locale` text info is unavailable. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ps', 'syc', 'ug', 'ur', 'yi', 'dv', 'ckb']);

/** Writing direction of a locale code. */
export function directionOf(code: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(code) as Intl.Locale & {
      textInfo?: { direction?: string };
      getTextInfo?: () => { direction?: string };
    };
    const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * Intl objects are costly to build (an `Intl.DateTimeFormat` ≈ 150 µs, a formatted date with a
 * cached one ≈ 2.5 µs) and pages format dozens of dates and names: one formatter per locale and
 * kind, kept for the life of the process. The sets of locales are small (the CMS's), but the
 * locale strings may come from a visitor's request path, so each cache is bounded.
 */
const MAX_FORMATTERS = 64;

function memoize<T>(create: (locale: string) => T): (locale: string) => T {
  const values = new Map<string, T>();
  return (locale) => {
    let value = values.get(locale);
    if (value === undefined) {
      value = create(locale);
      if (values.size >= MAX_FORMATTERS) values.delete(values.keys().next().value as string);
      values.set(locale, value);
    }
    return value;
  };
}

/** A failed construction (invalid tag) is remembered as null, so it is not retried on every call. */
function attempt<T>(create: () => T): T | null {
  try {
    return create();
  } catch {
    return null;
  }
}

const languageNames = memoize((locale) => attempt(() => new Intl.DisplayNames([locale], { type: 'language' })));
const regionNames = memoize((locale) => attempt(() => new Intl.DisplayNames([locale], { type: 'region' })));
const dateFormats = memoize((locale) => attempt(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
const numberFormats = memoize((locale) => attempt(() => new Intl.NumberFormat(locale)));

const autonyms = memoize((code) => {
  try {
    const name = languageNames(code)?.of(code);
    if (!name || name === code) return code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
});

/** The language's own name for itself ("čeština", "العربية"), capitalised; falls back to the code. */
export function autonym(code: string): string {
  return autonyms(code);
}

/** The name of language `code` in the language `inLocale` ("Czech" in English). */
export function languageName(code: string, inLocale: string): string {
  try {
    return languageNames(inLocale)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Country name of an ISO 3166-1 alpha-2 code in the visitor's language. */
export function countryName(code: string, inLocale: string): string {
  try {
    return regionNames(inLocale)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A collator of a locale (shared: building one per comparison list is not free either). */
export function collatorOf(locale: string): Intl.Collator {
  return collators(locale);
}
const collators = memoize((locale) => attempt(() => new Intl.Collator(locale)) ?? new Intl.Collator());

/** Formats an ISO calendar date (`2019-03-01`) in the visitor's language, without timezone drift. */
export function formatDate(isoDate: string, inLocale: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  try {
    return dateFormats(inLocale)?.format(date) ?? isoDate;
  } catch {
    return isoDate;
  }
}

export function formatNumber(value: number, inLocale: string): string {
  try {
    return numberFormats(inLocale)?.format(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The default locale of a CMS locale list (the one flagged `isDefault`, else `en`, else the first). */
export function defaultLocaleOf(locales: readonly Locale[]): Locale {
  const found = locales.find((l) => l.isDefault) ?? locales.find((l) => l.code === 'en') ?? locales[0];
  if (!found) throw new Error('The CMS lists no locale');
  return found;
}

/**
 * Picks the best available locale for an `Accept-Language` header (RFC 9110 quality values):
 * exact tag first, then the same primary language (`pt-BR` ↔ `pt`), else the default.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined, available: readonly string[], fallback: string): string {
  if (!acceptLanguage) return fallback;
  const wanted = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const byLower = new Map(available.map((code) => [code.toLowerCase(), code]));
  for (const { tag } of wanted) {
    const exact = byLower.get(tag);
    if (exact) return exact;
    const primary = tag.split('-')[0] ?? tag;
    const samePrimary = byLower.get(primary) ?? available.find((code) => code.toLowerCase().split('-')[0] === primary);
    if (samePrimary) return samePrimary;
  }
  return fallback;
}

/** Content looked up in the visitor's locale, or in the default locale when missing there. */
export interface Localized<T> {
  data: T;
  /** Locale of the content itself. */
  contentLocale: string;
  /** True when the content is the default locale's, shown under another locale's URL. */
  isFallback: boolean;
}

/**
 * Looks content up in `requested`; when missing (null), in `defaultLocale`. Null when missing in both.
 * Errors (CMS unreachable…) propagate: a failure is never turned into a fallback.
 */
export async function resolveWithFallback<T>(
  requested: string,
  defaultLocale: string,
  lookup: (locale: string) => Promise<T | null | undefined> | T | null | undefined,
): Promise<Localized<T> | null> {
  const own = await lookup(requested);
  if (own !== null && own !== undefined) return { data: own, contentLocale: requested, isFallback: false };
  if (requested === defaultLocale) return null;
  const fallback = await lookup(defaultLocale);
  if (fallback === null || fallback === undefined) return null;
  return { data: fallback, contentLocale: defaultLocale, isFallback: true };
}

export interface Alternate {
  /** BCP 47 code for `hreflang`, or `x-default`. */
  hreflang: string;
  href: string;
}

/**
 * hreflang alternates of a page that exists in `existsIn` (locale → path). Only locales where the
 * page really exists are listed; `x-default` points at the default locale's version when it exists.
 */
export function alternatesFor(existsIn: ReadonlyMap<string, string>, defaultLocale: string, origin: string): Alternate[] {
  const alternates: Alternate[] = [...existsIn].map(([hreflang, path]) => ({ hreflang, href: new URL(path, origin).href }));
  const defaultPath = existsIn.get(defaultLocale);
  if (defaultPath) alternates.push({ hreflang: 'x-default', href: new URL(defaultPath, origin).href });
  return alternates;
}

/**
 * Canonical URL of a page: its own URL, or the default locale's URL when it is a fallback page
 * (the same content lives there).
 */
export function canonicalFor(ownPath: string, fallbackCanonicalPath: string | null, origin: string): string {
  return new URL(fallbackCanonicalPath ?? ownPath, origin).href;
}
