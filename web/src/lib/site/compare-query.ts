/**
 * The comparison page's one parameter, `practices`: 2 to 4 practice slugs. Two spellings reach
 * the page and mean the same: the list's GET form with one checkbox per practice
 * (`?practices=a&practices=b`) and the comma-separated form the site links to
 * (`?practices=a,b`). Both are read into one ordered list of distinct slugs (the visitor's
 * order, first occurrence wins), and `compareUrl` writes it back in the one canonical spelling.
 *
 * Reading is bounded whatever the query holds: at most `MAX_VALUES_READ` values of the
 * parameter and `MAX_RAW_LENGTH` characters in all are looked at; anything beyond makes the
 * request junk, never a long loop or a large allocation.
 */
import { paths } from './urls';

export const COMPARE_PARAMETER = 'practices';
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;
/** Longest slug accepted (the CMS's slugs are far shorter; it bounds what a junk query can make us look up). */
export const MAX_SLUG_LENGTH = 200;
const MAX_RAW_LENGTH = (MAX_SLUG_LENGTH + 1) * 16;
const MAX_VALUES_READ = 16;
/** The contract's slug rule (strapi-plugin-good-practices/contract: `slug`). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type CompareRequest =
  /** No `practices` parameter (or only empty ones): the page explains how to choose practices. */
  | { kind: 'empty' }
  /** Fewer than 2 distinct slugs (duplicates removed): `slugs` are those given. */
  | { kind: 'too-few'; slugs: string[] }
  /** More than 4 distinct slugs: `count` of them. */
  | { kind: 'too-many'; count: number }
  /** A value that is no slug, or a query too long to be the form's. */
  | { kind: 'invalid' }
  /** 2–4 distinct slugs, in the visitor's order. `canonical`: the parameter was already `compareUrl`'s spelling. */
  | { kind: 'ok'; slugs: string[]; canonical: boolean };

export function readCompareQuery(search: URLSearchParams): CompareRequest {
  const values: string[] = [];
  let length = 0;
  for (const [key, value] of search) {
    if (key !== COMPARE_PARAMETER) continue;
    length += value.length;
    if (values.length === MAX_VALUES_READ || length > MAX_RAW_LENGTH) return { kind: 'invalid' };
    values.push(value);
  }
  const slugs: string[] = [];
  for (const part of values.flatMap((value) => value.split(','))) {
    const slug = part.trim().toLowerCase();
    if (slug === '') continue;
    if (slug.length > MAX_SLUG_LENGTH || !SLUG.test(slug)) return { kind: 'invalid' };
    if (!slugs.includes(slug)) slugs.push(slug);
  }
  if (slugs.length === 0) return { kind: 'empty' };
  if (slugs.length < MIN_COMPARED) return { kind: 'too-few', slugs };
  if (slugs.length > MAX_COMPARED) return { kind: 'too-many', count: slugs.length };
  // Other parameters (utm_*…) are ignored, as on every page (web/README.md, "Route cache").
  const canonical = values.length === 1 && values[0] === slugs.join(',');
  return { kind: 'ok', slugs, canonical };
}

/** The comparison of `slugs` in `locale`, in the canonical spelling (commas are left as they are: valid in a query). */
export function compareUrl(locale: string, slugs: readonly string[]): string {
  return `${paths.compare(locale)}?${COMPARE_PARAMETER}=${slugs.map(encodeURIComponent).join(',')}`;
}
