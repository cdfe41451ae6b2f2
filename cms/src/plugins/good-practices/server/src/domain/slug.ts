/**
 * Slugs of imported practices and tools: kebab-case ASCII derived from the title or name, in the
 * form the slug invariant accepts (lowercase letters, digits, single hyphens). Pure and
 * deterministic, so that importing the same page again finds the same practice.
 */
import { createHash } from 'node:crypto';

export const MAX_SLUG_LENGTH = 80;

/** Letters that Unicode decomposition does not reduce to ASCII. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/** Kebab-case ASCII of `text`, cut at a word boundary to at most `maxLength`; '' when no letter or digit survives. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}

/**
 * The slug of a title: its slugify() form, or — for a title written without Latin letters or
 * digits (Arabic, Greek…) — `<fallbackPrefix>-<hash of the title>`, still stable across imports.
 */
export function slugFor(text: string, fallbackPrefix = 'practice'): string {
  const slug = slugify(text);
  if (slug !== '') return slug;
  const hash = createHash('sha256').update(text.normalize('NFC').trim()).digest('hex').slice(0, 10);
  return `${fallbackPrefix}-${hash}`;
}

/** `base`, or `base-2`, `base-3`… : the first one `taken` does not contain. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
