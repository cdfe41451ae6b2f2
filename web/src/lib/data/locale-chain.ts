/**
 * The CMS's locale fallback chains on the site's side (static mode and page lookups): the chain
 * itself comes from the CMS (`Locale.fallbacks`, from LOCALE_FALLBACKS), so both modes and every
 * other consumer of the API show the same item in the same language.
 */
import type { Locale } from 'strapi-plugin-good-practices/contract';

/** [code, …its fallbacks]; just [code] for a locale the list does not have. */
export function chainOf(locales: readonly Locale[], code: string): string[] {
  const locale = locales.find((l) => l.code === code);
  return [code, ...(locale?.fallbacks ?? []).filter((fallback) => fallback !== code)];
}

/**
 * One entry per document: the version in the first locale of `chain` that has one (what the
 * CMS's list of that locale returns), in the order of `entries`. Entries of locales outside the
 * chain are ignored.
 */
export function shownInChain<T extends { documentId: string; locale: string }>(entries: readonly T[], chain: readonly string[]): T[] {
  const rank = new Map(chain.map((code, index) => [code, index]));
  const best = new Map<string, T>();
  for (const entry of entries) {
    const position = rank.get(entry.locale);
    if (position === undefined) continue;
    const current = best.get(entry.documentId);
    if (!current || position < rank.get(current.locale)!) best.set(entry.documentId, entry);
  }
  return entries.filter((entry) => best.get(entry.documentId) === entry);
}
