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

/** The language of the built-in labels of ./labels.ts. */
export const BUILT_IN_LABELS_LOCALE = 'en';

export type LabelVars = Record<string, string | number>;

/** A UI label as shown: its text and the language it is written in. */
export interface ResolvedLabel {
  text: string;
  /** The language of `text`: the page's locale, or the fallback language it was taken from. */
  lang: string;
}

/** `lang`/`dir` of an element showing a label in another language than the page's; empty otherwise. */
export interface LangAttributes {
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export interface Translate {
  /** The label's text (placeholders filled); see `label` for its language. */
  (key: LabelKey, vars?: LabelVars): string;
  /**
   * The label with the language it is in. A key missing in the page's locale is taken whole from
   * the first fallback that has it; `vars` may depend on that language (a language name, say), so
   * that a sentence is never built from pieces of two languages.
   */
  label(key: LabelKey, vars?: LabelVars | ((lang: string) => LabelVars)): ResolvedLabel;
  /** `lang`/`dir` for the element showing label `key` when it is not in the page's language. */
  attrs(key: LabelKey): LangAttributes;
  /** The page's locale. */
  readonly locale: string;
}

/** One language's CMS labels (the site single type's `labels` map), null when it has none. */
export interface LabelSource {
  locale: string;
  labels: Record<string, string> | null | undefined;
}

function fill(template: string, vars: LabelVars | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function usable(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * A translator for a page in `own.locale`: each key from that locale's CMS labels, else whole from
 * the first of `fallbacks` (the default locale's CMS labels) that has it, else the built-in English.
 */
export function translatorFor(source: LabelSource, fallbacks: readonly LabelSource[] = []): Translate {
  const chain = [source, ...fallbacks];
  const resolve = (key: LabelKey): ResolvedLabel => {
    for (const { locale, labels } of chain) {
      const value = labels?.[key];
      if (usable(value)) return { text: value, lang: locale };
    }
    return { text: defaultLabels[key], lang: BUILT_IN_LABELS_LOCALE };
  };
  const translate = ((key: LabelKey, vars?: LabelVars) => fill(resolve(key).text, vars)) as Translate;
  translate.label = (key, vars) => {
    const { text, lang } = resolve(key);
    return { text: fill(text, typeof vars === 'function' ? vars(lang) : vars), lang };
  };
  translate.attrs = (key) => langAttributes(resolve(key).lang, source.locale);
  Object.defineProperty(translate, 'locale', { value: source.locale, enumerable: true });
  return translate;
}

/** A translator over one labels map, each missing key from the built-in English (expectations in tests). */
export function createTranslator(labels: Record<string, string> | null | undefined): Translate {
  return translatorFor({ locale: BUILT_IN_LABELS_LOCALE, labels });
}

/** `lang`/`dir` for text in `lang` inside a page in `pageLocale` (nothing when they are the same). */
export function langAttributes(lang: string | undefined, pageLocale: string): LangAttributes {
  if (!lang || lang === pageLocale) return {};
  const dir = directionOf(lang);
  return directionOf(pageLocale) === dir ? { lang } : { lang, dir };
}

/** Well-known right-to-left languages, when `Intl.Locale` text info is unavailable. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ps', 'syc', 'ug', 'ur', 'yi', 'dv', 'ckb']);

/**
 * Directions already worked out, by code: a fallback page asks for the direction of every text in
 * another language (each answer, field and term), and `Intl.Locale` with its text info costs
 * microseconds each time; uncached, this function would be a sixth of the CPU of a static build
 * (bench/reports/full-2000x5-locale-fallback.md, static build profile). Codes are a handful.
 */
const directions = new Map<string, 'ltr' | 'rtl'>();

/** Writing direction of a locale code. */
export function directionOf(code: string): 'ltr' | 'rtl' {
  let direction = directions.get(code);
  if (!direction) {
    direction = computeDirection(code);
    // Bounded: codes come from the CMS's locales and the site's texts, but never grow a map without end.
    if (directions.size < 256) directions.set(code, direction);
  }
  return direction;
}

function computeDirection(code: string): 'ltr' | 'rtl' {
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
const percentFormats = memoize((locale) => attempt(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })));

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

/** A share (0…1) as a whole percentage in the visitor's language ("30 %", "٣٠٪"). */
export function formatPercent(share: number, inLocale: string): string {
  try {
    return percentFormats(inLocale)?.format(share) ?? `${Math.round(share * 100)} %`;
  } catch {
    return `${Math.round(share * 100)} %`;
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

/** One language range of an Accept-Language header, lower-cased, with its quality. */
interface LanguageRange {
  range: string;
  quality: number;
  index: number;
}

/** RFC 9110 §12.4.2: `0`, `0.` + up to three digits, `1`, `1.` + up to three zeros. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;
/** A language range (RFC 4647 §2.1): `*` or alphanumeric subtags of 1–8 characters. */
const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;
/** Headers longer than any browser sends are read up to here (bounded work on hostile input). */
const MAX_ACCEPT_LANGUAGE = 4096;
const MAX_RANGES = 64;

function parseAcceptLanguage(header: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  for (const [index, part] of header.slice(0, MAX_ACCEPT_LANGUAGE).split(',').slice(0, MAX_RANGES).entries()) {
    const [rawRange = '', ...params] = part.split(';');
    const range = rawRange.trim().toLowerCase().replace(/_/g, '-');
    if (!RANGE.test(range)) continue;
    let quality = 1;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=').map((x) => x.trim());
      if (name.toLowerCase() !== 'q') continue;
      // A malformed weight makes the range unusable rather than preferred.
      quality = QVALUE.test(value) ? Number(value) : 0;
    }
    ranges.push({ range, quality, index });
  }
  return ranges;
}

/**
 * Picks the locale for an `Accept-Language` header (RFC 9110 §12.5.4), among `available` (every
 * CMS locale, translated texts or not):
 * - ranges by quality, ties in header order; `q=0` (or a malformed q) excludes a range;
 * - each range: the exact locale, then its truncations (`zh-hant-tw` → `zh-hant` → `zh`; RFC 4647
 *   lookup), then any locale of the same language (`pt-PT` → `pt-BR`, `pt` → `pt-BR`);
 * - `*` matches the default locale, or else the first locale the header does not exclude;
 * - nothing usable: the default (`fallback`).
 */
export function negotiateLocale(acceptLanguage: string | null | undefined, available: readonly string[], fallback: string): string {
  if (!acceptLanguage) return fallback;
  const ranges = parseAcceptLanguage(acceptLanguage);
  const byLower = new Map(available.map((code) => [code.toLowerCase(), code]));
  // Locales refused by a q=0 of their exact tag (`cs;q=0` refuses `cs`, not `cs-CZ`'s siblings).
  const refused = new Set(ranges.filter((r) => r.quality === 0 && r.range !== '*').map((r) => byLower.get(r.range)).filter((c) => c !== undefined));
  const wanted = ranges.filter((r) => r.quality > 0).sort((a, b) => b.quality - a.quality || a.index - b.index);
  const allowed = (code: string | undefined): code is string => code !== undefined && !refused.has(code);
  for (const { range } of wanted) {
    if (range === '*') {
      if (allowed(fallback)) return fallback;
      const any = available.find((code) => allowed(code));
      if (any) return any;
      continue;
    }
    const subtags = range.split('-');
    for (let length = subtags.length; length > 0; length--) {
      const code = byLower.get(subtags.slice(0, length).join('-'));
      if (allowed(code)) return code;
    }
    const sameLanguage = available.find((code) => code.toLowerCase().split('-')[0] === subtags[0] && allowed(code));
    if (sameLanguage) return sameLanguage;
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
